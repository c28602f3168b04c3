/** Staff decisions on a binding beyond approve/reject: revoking on a party's behalf (L1) and approving a binding with its proofs in one pass (E9). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { accountOfMember, insertBinding } from '../../testing/fixtures';
import { AuditLog } from '../audit/audit.entity';
import type { Member } from '../member/member.entity';
import { RelationshipProof } from '../proof/proof.entity';
import { Binding } from './binding.entity';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const B = `__typename ... on Binding { id state approved reservedFen history { toState actorKind actorName reason } }
  ... on RuleViolation { rule code message params { key value } }`;
const REVOKE = `mutation($id: Int!, $r: String!) { staffRevokeBinding(id: $id, reason: $r) { ${B} } }`;
const APPROVE_ALL = `mutation($id: Int!, $p: [Int!]!, $r: String!) { approveBindingWithProofs(bindingId: $id, proofIds: $p, reason: $r) { ${B} } }`;
const REVIEW = `mutation($id: Int!) { reviewProof(id: $id, decision: APPROVE) { __typename ... on RelationshipProof { reviewState } ... on RuleViolation { code } } }`;
const UPLOAD = `mutation($input: UploadProofInput!) { uploadProof(input: $input) { __typename ... on RelationshipProof { id reviewState } ... on RuleViolation { rule code } } }`;
const tiny = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');

const params = (r: { params?: Array<{ key: string; value: string }> }) => Object.fromEntries((r.params ?? []).map((p) => [p.key, p.value]));

/** A PENDING binding in an approve-first region (Shenzhen), with the commitment and confirmation in, and `proofs` uploaded. */
async function pendingWithProofs(proofs = 2): Promise<{ giver: Member; kid: Member; id: number; proofIds: number[] }> {
  const giver = await t.member({ insuredRegion: '440300', birthDate: '1961-02-02' });
  const kid = await t.member({ insuredRegion: '440300', birthDate: '1991-02-02' });
  const req = `mutation($input: RequestBindingInput!) { requestBinding(input: $input) { ${B} } }`;
  const input = { as: 'GIVER', kind: 'MUTUAL_AID', counterpartIdNumber: kid.idNumber, counterpartName: kid.name, relationship: 'CHILD', commitmentAccepted: true };
  const b = (await t.ok(req, { input }, await t.memberToken(giver))).requestBinding;
  expect(b.__typename, JSON.stringify(b)).toBe('Binding');
  await t.ok(`mutation($id: Int!) { confirmBinding(id: $id) { ${B} } }`, { id: b.id }, await t.memberToken(kid));
  const proofIds: number[] = [];
  for (let i = 0; i < proofs; i++) {
    const p = (await t.ok(UPLOAD, { input: { bindingId: b.id, docType: 'HOUSEHOLD_REGISTER', fileName: `户口簿${i}.png`, mimeType: 'image/png', contentBase64: tiny } }, await t.memberToken(giver))).uploadProof;
    expect(p.reviewState).toBe('PENDING');
    proofIds.push(p.id);
  }
  return { giver, kid, id: b.id, proofIds };
}

describe('L1: a caseworker revokes a binding on a party’s behalf', () => {
  it('L1: revokes an active binding in scope, with a reason, recorded (L3), audited, and the reservation returned (L2)', async () => {
    const giver = await t.member({ insuredRegion: '440300', birthDate: '1960-01-01', openingBalanceFen: 80_000 });
    const kid = await t.member({ insuredRegion: '440300', birthDate: '1990-01-01' });
    const b = await insertBinding(t, giver, kid, { reservedFen: 30_000 });
    expect((await accountOfMember(t, giver)).reservedFen).toBe(30_000);
    const cw = await t.staffToken('caseworker_440300');
    expect((await t.ok(REVOKE, { id: b.id, r: ' ' }, cw)).staffRevokeBinding).toMatchObject({ rule: 'L3', code: 'REASON_REQUIRED' });
    const r = (await t.ok(REVOKE, { id: b.id, r: '共济人书面申请解除' }, cw)).staffRevokeBinding;
    expect(r).toMatchObject({ __typename: 'Binding', state: 'REVOKED', reservedFen: 0 });
    expect(r.history.at(-1)).toMatchObject({ toState: 'REVOKED', actorKind: 'STAFF', actorName: 'caseworker_440300' });
    expect(r.history.at(-1).reason).toContain('共济人书面申请解除');
    expect((await accountOfMember(t, giver)).reservedFen).toBe(0);
    const audits = await t.run((ctx) => ctx.em.findBy(AuditLog, { action: 'binding.staff_revoke', entityId: String(b.id) }));
    expect(audits).toHaveLength(1);
    expect(audits[0].reason).toBe('共济人书面申请解除');
    // A revoked binding is final.
    expect((await t.ok(REVOKE, { id: b.id, r: '再次解除' }, cw)).staffRevokeBinding).toMatchObject({ rule: 'L1', code: 'BAD_TRANSITION' });
  });

  it('A1: out of scope it is not found; an auditor or a member cannot use the staff operation', async () => {
    const giver = await t.member({ insuredRegion: '450100', birthDate: '1960-01-01' });
    const b = await insertBinding(t, giver, await t.member({ insuredRegion: '450100', birthDate: '1990-01-01' }));
    expect((await t.gql(REVOKE, { id: b.id, r: '本人' }, await t.memberToken(giver))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.ok(REVOKE, { id: b.id, r: '越权尝试' }, await t.staffToken('caseworker_44'))).staffRevokeBinding).toMatchObject({ rule: 'NOT_FOUND' });
    const auditor = await t.gql(REVOKE, { id: b.id, r: '只读角色' }, await t.staffToken('auditor'));
    expect(auditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.run((ctx) => ctx.em.findOneByOrFail(Binding, { id: b.id }))).state).toBe('ACTIVE');
  });
});

describe('E9: approving a binding together with its proofs', () => {
  it('E9: one action approves every pending proof and then the binding, in one transaction, audited per proof', async () => {
    const { id, proofIds } = await pendingWithProofs(2);
    const r = (await t.ok(APPROVE_ALL, { id, p: proofIds, r: '户口簿与登记信息一致' }, await t.staffToken('caseworker_44'))).approveBindingWithProofs;
    expect(r).toMatchObject({ __typename: 'Binding', state: 'ACTIVE', approved: true });
    const proofs = await t.run((ctx) => ctx.em.findBy(RelationshipProof, { bindingId: id }));
    expect(proofs.map((p) => [p.reviewState, p.reviewerName])).toEqual([
      ['APPROVED', 'caseworker_44'],
      ['APPROVED', 'caseworker_44'],
    ]);
    const audits = await t.run((ctx) => ctx.em.countBy(AuditLog, { action: 'proof.approve', entityType: 'proof', entityId: String(proofIds[0]) }));
    expect(audits).toBe(1);
  });

  it('E9: a proof decided by someone else meanwhile makes the decision stale: refused, named, nothing changes', async () => {
    const { id, proofIds } = await pendingWithProofs(2);
    expect((await t.ok(REVIEW, { id: proofIds[0] }, await t.staffToken('caseworker'))).reviewProof.reviewState).toBe('APPROVED');
    const r = (await t.ok(APPROVE_ALL, { id, p: proofIds, r: '材料齐全' }, await t.staffToken('caseworker_44'))).approveBindingWithProofs;
    expect(r).toMatchObject({ rule: 'E9', code: 'PROOFS_CHANGED' });
    expect(params(r)).toMatchObject({ decided: '1', added: '0', by: 'caseworker' });
    const other = await t.run((ctx) => ctx.em.findOneByOrFail(RelationshipProof, { id: proofIds[1] }));
    expect(other.reviewState).toBe('PENDING');
    expect((await t.ok(`query($id: Int!) { binding(id: $id) { state } }`, { id }, await t.staffToken('caseworker'))).binding.state).toBe('PENDING');
  });

  it('E9: two caseworkers approving the same binding at once: exactly one takes effect, the other is told it is stale', async () => {
    const { id, proofIds } = await pendingWithProofs(2);
    const [a, b] = await Promise.all(
      ['caseworker', 'caseworker_44'].map(async (who) => (await t.ok(APPROVE_ALL, { id, p: proofIds, r: '材料齐全' }, await t.staffToken(who))).approveBindingWithProofs),
    );
    const results = [a, b];
    expect(results.filter((r) => r.__typename === 'Binding')).toHaveLength(1);
    const refused = results.find((r) => r.__typename === 'RuleViolation');
    expect(refused).toMatchObject({ rule: 'E9' });
    expect(['BINDING_ALREADY_DECIDED', 'PROOFS_CHANGED']).toContain(refused.code);
    for (const pid of proofIds) expect(await t.run((ctx) => ctx.em.countBy(AuditLog, { action: 'proof.approve', entityId: String(pid) }))).toBe(1);
    const approvals = await t.run((ctx) => ctx.em.countBy(AuditLog, { action: 'binding.approve', entityId: String(id) }));
    expect(approvals).toBe(1);
  });

  it('E9: a proof uploaded after the reviewer looked is not approved unseen', async () => {
    const { giver, id, proofIds } = await pendingWithProofs(1);
    await t.ok(UPLOAD, { input: { bindingId: id, docType: 'BIRTH_CERTIFICATE', fileName: '出生证明.png', mimeType: 'image/png', contentBase64: tiny } }, await t.memberToken(giver));
    const r = (await t.ok(APPROVE_ALL, { id, p: proofIds, r: '材料齐全' }, await t.staffToken('caseworker'))).approveBindingWithProofs;
    expect(r).toMatchObject({ rule: 'E9', code: 'PROOFS_CHANGED' });
    expect(params(r)).toMatchObject({ decided: '0', added: '1' });
  });

  it('E9: a binding already decided by someone else is reported as such, naming who', async () => {
    const { id, proofIds } = await pendingWithProofs(1);
    const reject = `mutation($id: Int!) { rejectBinding(id: $id, reason: "关系证明不符") { ${B} } }`;
    expect((await t.ok(reject, { id }, await t.staffToken('caseworker_440300'))).rejectBinding.state).toBe('REJECTED');
    const r = (await t.ok(APPROVE_ALL, { id, p: proofIds, r: '材料齐全' }, await t.staffToken('caseworker'))).approveBindingWithProofs;
    expect(r).toMatchObject({ rule: 'E9', code: 'BINDING_ALREADY_DECIDED' });
    expect(params(r)).toMatchObject({ state: 'REJECTED', by: 'caseworker_440300' });
    expect((await t.run((ctx) => ctx.em.findOneByOrFail(RelationshipProof, { id: proofIds[0] }))).reviewState).toBe('PENDING');
  });

  it('E9: what the binding itself still lacks refuses the whole action, proofs included; out of scope is not found', async () => {
    const { id, proofIds } = await pendingWithProofs(1);
    expect((await t.ok(APPROVE_ALL, { id, p: proofIds, r: '材料齐全' }, await t.staffToken('caseworker_11'))).approveBindingWithProofs).toMatchObject({ rule: 'NOT_FOUND' });
    // Without any proof an approve-first binding still lacks one: nothing changes.
    const bare = await pendingWithProofs(0);
    expect((await t.ok(APPROVE_ALL, { id: bare.id, p: [], r: '材料齐全' }, await t.staffToken('caseworker'))).approveBindingWithProofs).toMatchObject({ rule: 'E9', code: 'PROOFS_MISSING' });
    expect((await t.run((ctx) => ctx.em.findOneByOrFail(RelationshipProof, { id: proofIds[0] }))).reviewState).toBe('PENDING');
  });
});
