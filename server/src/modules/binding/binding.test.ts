import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInContext } from '../../core/context';
import { startTestServer, type TestServer } from '../../testing/harness';
import { accountOfMember } from '../../testing/fixtures';
import { FraudSignal } from '../fraud-signal/fraud-signal.entity';
import type { Member } from '../member/member.entity';
import { Binding } from './binding.entity';
import { requestBinding } from './binding.service';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const B = `__typename ... on Binding { id state kind relationship initiatedBy priority singleLimitFen reservedFen confirmedAt commitmentAcceptedAt approved
  history { fromState toState actorKind actorName reason rule at } }
  ... on RuleViolation { rule code message }`;
const REQUEST = `mutation($input: RequestBindingInput!) { requestBinding(input: $input) { ${B} } }`;
const CONFIRM = `mutation($id: Int!) { confirmBinding(id: $id) { ${B} } }`;

async function request(from: Member, to: Member, relationship: string, opts: { as?: 'GIVER' | 'BENEFICIARY'; kind?: string; name?: string; commitment?: boolean; limit?: number } = {}) {
  const input = {
    as: opts.as ?? 'GIVER',
    kind: opts.kind ?? 'MUTUAL_AID',
    counterpartIdNumber: to.idNumber,
    counterpartName: opts.name ?? to.name,
    relationship,
    commitmentAccepted: opts.commitment ?? true,
    ...(opts.limit ? { singleLimitFen: opts.limit } : {}),
  };
  return (await t.ok(REQUEST, { input }, await t.memberToken(from))).requestBinding;
}
async function confirm(by: Member, id: number) {
  return (await t.ok(CONFIRM, { id }, await t.memberToken(by))).confirmBinding;
}
/** giver requests with the commitment, beneficiary confirms. */
async function bind(giver: Member, beneficiary: Member, relationship = 'CHILD', opts: { limit?: number } = {}) {
  const b = await request(giver, beneficiary, relationship, opts);
  expect(b.__typename, JSON.stringify(b)).toBe('Binding');
  return confirm(beneficiary, b.id);
}
const parent = (region = '450100') => t.member({ insuredRegion: region, birthDate: '1960-04-04' });
const child = (region = '450100', scheme: 'EMPLOYEE' | 'RESIDENT' | 'NONE' = 'EMPLOYEE') => t.member({ insuredRegion: region, birthDate: '1988-08-08', scheme });
const liveCount = (giverId: number) => t.run((ctx) => ctx.em.countBy(Binding, { giverId }));

describe('eligibility (E1–E8)', () => {
  it('E1: an EMPLOYEE giver may bind; a RESIDENT giver is refused', async () => {
    const ok = await bind(await parent(), await child('450100', 'RESIDENT'));
    expect(ok.state).toBe('ACTIVE');
    const resident = await t.member({ insuredRegion: '450100', birthDate: '1960-01-01', scheme: 'RESIDENT' });
    const r = await request(resident, await child(), 'CHILD');
    expect(r).toMatchObject({ __typename: 'RuleViolation', rule: 'E1', code: 'GIVER_NOT_EMPLOYEE' });
    expect(await liveCount(resident.id)).toBe(0);
  });

  it('E2: a beneficiary with no basic insurance cannot be bound', async () => {
    const r = await request(await parent(), await child('450100', 'NONE'), 'CHILD');
    expect(r).toMatchObject({ rule: 'E2', code: 'BENEFICIARY_NOT_INSURED' });
  });

  it("E3: a spouse's parent (in-law) is refused; a sibling is allowed under today's policy", async () => {
    const me = await t.member({ insuredRegion: '450100', birthDate: '1985-01-01', sex: 'MALE' });
    const inLaw = await t.member({ insuredRegion: '450100', birthDate: '1958-01-01' });
    expect(await request(me, inLaw, 'SPOUSE_PARENT')).toMatchObject({ rule: 'E3', code: 'RELATIONSHIP_NOT_ALLOWED' });
    expect(await request(me, inLaw, 'IN_LAW')).toMatchObject({ rule: 'E3' });
    const sibling = await t.member({ insuredRegion: '450100', birthDate: '1987-01-01' });
    expect((await request(me, sibling, 'SIBLING')).__typename).toBe('Binding');
  });

  it('E3: under the 2021–2024 policy only spouse, parents and children were allowed', async () => {
    const me = await t.member({ insuredRegion: '450100', birthDate: '1980-01-01' });
    const sibling = await t.member({ insuredRegion: '450100', birthDate: '1982-01-01' });
    const kid = await t.member({ insuredRegion: '450100', birthDate: '2008-01-01' });
    const asMember = { kind: 'member' as const, id: me.id, channel: 'test' };
    const in2022 = new Date('2022-06-01T04:00:00Z');
    const input = (to: Member, relationship: string) => ({ kind: 'MUTUAL_AID' as const, as: 'GIVER' as const, counterpartIdNumber: to.idNumber, counterpartName: to.name, relationship, commitmentAccepted: true });
    await expect(runInContext(t.deps, asMember, (ctx) => requestBinding(ctx, input(sibling, 'SIBLING')), in2022)).rejects.toMatchObject({ rule: 'E3' });
    const b = await runInContext(t.deps, asMember, (ctx) => requestBinding(ctx, input(kid, 'CHILD')), in2022);
    expect(b.relationship).toBe('CHILD');
  });

  it('E4: nobody can be bound to themselves, and only one live binding of a kind per pair', async () => {
    const g = await parent();
    expect(await request(g, g, 'CHILD')).toMatchObject({ rule: 'E4', code: 'SELF_BINDING' });
    const kid = await child();
    await bind(g, kid);
    expect(await request(g, kid, 'CHILD')).toMatchObject({ rule: 'E4', code: 'DUPLICATE_BINDING' });
    // a PROXY link is another kind, so it may coexist
    expect((await request(g, kid, 'CHILD', { kind: 'PROXY' })).__typename).toBe('Binding');
  });

  it('E4: a region that caps givers per beneficiary refuses one more (Guangdong: 5)', async () => {
    const elder = await t.member({ insuredRegion: '440300', birthDate: '1950-01-01' });
    for (let i = 0; i < 5; i++) await bind(await t.member({ insuredRegion: '440300', birthDate: '1980-01-01' }), elder, 'PARENT');
    const r = await request(await t.member({ insuredRegion: '440300', birthDate: '1981-01-01' }), elder, 'PARENT');
    expect(r).toMatchObject({ rule: 'E4', code: 'TOO_MANY_GIVERS' });
  });

  it('E4: where one family network per person applies (Shanxi), two networks cannot be joined', async () => {
    const a = await t.member({ insuredRegion: '140100', birthDate: '1960-01-01' });
    const b = await t.member({ insuredRegion: '140100', birthDate: '1985-01-01' });
    const c = await t.member({ insuredRegion: '140100', birthDate: '1961-01-01' });
    const d = await t.member({ insuredRegion: '140100', birthDate: '1986-01-01' });
    await bind(a, b);
    await bind(c, d);
    expect(await request(a, d, 'CHILD')).toMatchObject({ rule: 'E4', code: 'OTHER_FAMILY_NETWORK' });
    const e = await t.member({ insuredRegion: '140100', birthDate: '1987-01-01' });
    expect((await request(a, e, 'CHILD')).__typename).toBe('Binding');
  });

  it('E5: a relationship that contradicts the ID data is refused with the reason', async () => {
    const young = await t.member({ insuredRegion: '450100', birthDate: '1995-01-01' });
    const old = await t.member({ insuredRegion: '450100', birthDate: '1990-01-01' });
    const r = await request(young, old, 'CHILD');
    expect(r).toMatchObject({ rule: 'E5', code: 'RELATIONSHIP_CONTRADICTS_ID' });
    expect(r.message).toMatch(/14/);
    const realParent = await t.member({ insuredRegion: '450100', birthDate: '1968-01-01' });
    expect((await request(young, realParent, 'PARENT')).__typename).toBe('Binding');
  });

  it('E6: a wrong beneficiary name is refused and recorded as an F7 fraud signal', async () => {
    const g = await parent();
    const kid = await child();
    const r = await request(g, kid, 'CHILD', { name: '冒名者' });
    expect(r).toMatchObject({ rule: 'E6', code: 'IDENTITY_MISMATCH' });
    expect(await liveCount(g.id)).toBe(0);
    const signals = await t.run((ctx) => ctx.em.findBy(FraudSignal, { rule: 'F7', memberId: g.id }));
    expect(signals).toHaveLength(1);
    expect(JSON.parse(signals[0].evidence)).toMatchObject({ registryHasIdNumber: true, counterpartNameGiven: '冒**' });
    // repeated attempts reach the policy threshold (3) and raise a second kind of F7 signal
    await request(g, kid, 'CHILD', { name: '张三' });
    await request(g, kid, 'CHILD', { name: '李四' });
    const all = await t.run((ctx) => ctx.em.findBy(FraudSignal, { rule: 'F7', memberId: g.id }));
    expect(all.filter((s) => s.dedupKey.startsWith('F7:repeated'))).toHaveLength(1);
    expect((await bind(g, kid)).state).toBe('ACTIVE');
  });

  it('E7: cross-province binding needs both provinces on (Beijing–Shanxi yes, Guangdong–Beijing no); intra-province allowed', async () => {
    const bj = await t.member({ insuredRegion: '110000', birthDate: '1960-01-01' });
    const sx = await t.member({ insuredRegion: '140100', birthDate: '1990-01-01' });
    const gd = await t.member({ insuredRegion: '440300', birthDate: '1990-01-01' });
    expect((await request(bj, sx, 'CHILD')).__typename).toBe('Binding');
    expect(await request(bj, gd, 'CHILD')).toMatchObject({ rule: 'E7', code: 'GEOGRAPHY_NOT_ALLOWED' });
    const gz = await t.member({ insuredRegion: '440100', birthDate: '1962-01-01' });
    expect((await request(gz, gd, 'CHILD')).__typename).toBe('Binding');
  });

  it('E8: a beneficiary-started request is refused where the policy forbids it (Beijing) and allowed where it permits (Zhejiang), then needs the giver', async () => {
    const bjGiver = await t.member({ insuredRegion: '110000', birthDate: '1960-01-01' });
    const bjKid = await t.member({ insuredRegion: '110000', birthDate: '1990-01-01' });
    expect(await request(bjKid, bjGiver, 'CHILD', { as: 'BENEFICIARY' })).toMatchObject({ rule: 'E8', code: 'BENEFICIARY_MAY_NOT_INITIATE' });
    const zjGiver = await t.member({ insuredRegion: '330100', birthDate: '1960-01-01' });
    const zjKid = await t.member({ insuredRegion: '330100', birthDate: '1990-01-01' });
    const b = await request(zjKid, zjGiver, 'CHILD', { as: 'BENEFICIARY' });
    expect(b).toMatchObject({ state: 'PENDING', initiatedBy: 'BENEFICIARY' });
    expect(await confirm(zjKid, b.id)).toMatchObject({ rule: 'E8', code: 'NOT_THE_OTHER_PARTY' });
    expect((await confirm(zjGiver, b.id)).state).toBe('PENDING'); // still needs the commitment letter (E9)
    const active = (await t.ok(`mutation($id: Int!) { acceptCommitment(id: $id) { ${B} } }`, { id: b.id }, await t.memberToken(zjGiver))).acceptCommitment;
    expect(active.state).toBe('ACTIVE');
  });
});

describe('activation (E9) and proofs', () => {
  const tiny = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
  const UPLOAD = `mutation($input: UploadProofInput!) { uploadProof(input: $input) { __typename ... on RelationshipProof { id reviewState url } ... on RuleViolation { rule code } } }`;
  const staff = () => t.staffToken('caseworker_44');

  it('E9: approve-first regions need an approved proof before a caseworker can activate; commit-then-review activates at once', async () => {
    const g = await t.member({ insuredRegion: '440300', birthDate: '1960-01-01' });
    const kid = await t.member({ insuredRegion: '440300', birthDate: '1990-01-01' });
    const b = await bind(g, kid);
    expect(b).toMatchObject({ state: 'PENDING', approved: false });
    const APPROVE = `mutation($id: Int!, $r: String!) { approveBinding(id: $id, reason: $r) { ${B} } }`;
    expect((await t.ok(APPROVE, { id: b.id, r: '材料齐全' }, await staff())).approveBinding).toMatchObject({ rule: 'E9', code: 'PROOFS_MISSING' });
    const bad = (await t.ok(UPLOAD, { input: { bindingId: b.id, docType: 'HOUSEHOLD_REGISTER', fileName: 'a.exe', mimeType: 'application/x-msdownload', contentBase64: tiny } }, await t.memberToken(g))).uploadProof;
    expect(bad).toMatchObject({ rule: 'INPUT', code: 'UNSUPPORTED_FILE_TYPE' });
    const lie = (await t.ok(UPLOAD, { input: { bindingId: b.id, docType: 'HOUSEHOLD_REGISTER', fileName: 'a.pdf', mimeType: 'application/pdf', contentBase64: tiny } }, await t.memberToken(g))).uploadProof;
    expect(lie).toMatchObject({ code: 'FILE_CONTENT_MISMATCH' });
    const proof = (await t.ok(UPLOAD, { input: { bindingId: b.id, docType: 'HOUSEHOLD_REGISTER', fileName: '户口簿.png', mimeType: 'image/png', contentBase64: tiny } }, await t.memberToken(g))).uploadProof;
    expect(proof).toMatchObject({ reviewState: 'PENDING', url: `/files/proofs/${proof.id}` });
    const file = await fetch(`${t.url}${proof.url}`, { headers: { authorization: `Bearer ${await staff()}` } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).toString('base64')).toBe(tiny);
    expect((await fetch(`${t.url}${proof.url}`, { headers: { authorization: `Bearer ${await t.staffToken('caseworker_11')}` } })).status).toBe(404);
    const REVIEW = `mutation($id: Int!, $d: ReviewDecision!, $r: String) { reviewProof(id: $id, decision: $d, reason: $r) { __typename ... on RelationshipProof { reviewState reviewerName } ... on RuleViolation { rule code } } }`;
    expect((await t.ok(REVIEW, { id: proof.id, d: 'REJECT' }, await staff())).reviewProof).toMatchObject({ rule: 'E9', code: 'REASON_REQUIRED' });
    expect((await t.ok(REVIEW, { id: proof.id, d: 'APPROVE' }, await staff())).reviewProof).toEqual({ __typename: 'RelationshipProof', reviewState: 'APPROVED', reviewerName: 'caseworker_44' });
    const active = (await t.ok(APPROVE, { id: b.id, r: '户口簿核验一致' }, await staff())).approveBinding;
    expect(active).toMatchObject({ state: 'ACTIVE', approved: true });
    // commit-then-review (Guangxi): active as soon as commitment and confirmation are in
    expect((await bind(await parent(), await child())).state).toBe('ACTIVE');
  });

  it('E9: without the giver’s commitment letter a binding stays pending', async () => {
    const g = await parent();
    const kid = await child();
    const b = await request(g, kid, 'CHILD', { commitment: false });
    expect((await confirm(kid, b.id)).state).toBe('PENDING');
    const r = (await t.ok(`mutation($id: Int!) { acceptCommitment(id: $id) { ${B} } }`, { id: b.id }, await t.memberToken(kid))).acceptCommitment;
    expect(r).toMatchObject({ rule: 'E9', code: 'COMMITMENT_BY_GIVER_ONLY' });
  });

  it('E10: a proxy link needs no personal account and can carry no money settings', async () => {
    const resident = await t.member({ insuredRegion: '450100', birthDate: '1990-01-01', scheme: 'RESIDENT' });
    const elder = await t.member({ insuredRegion: '450100', birthDate: '1955-01-01', scheme: 'RESIDENT' });
    const p = await request(resident, elder, 'PARENT', { kind: 'PROXY' });
    expect(p.__typename).toBe('Binding');
    expect((await confirm(elder, p.id)).state).toBe('ACTIVE');
    const r = (await t.ok(`mutation($id: Int!) { setBindingLimit(id: $id, singleLimitFen: 100) { ${B} } }`, { id: p.id }, await t.memberToken(resident))).setBindingLimit;
    expect(r).toMatchObject({ rule: 'E10', code: 'PROXY_MOVES_NO_MONEY' });
  });
});

describe('member settings', () => {
  it('the giver sets limits and reservations; the beneficiary orders givers; refused beyond the available balance (S4)', async () => {
    const elder = await t.member({ insuredRegion: '450100', birthDate: '1950-01-01' });
    const a = await t.member({ insuredRegion: '450100', birthDate: '1978-01-01', openingBalanceFen: 10_000 });
    const c = await t.member({ insuredRegion: '450100', birthDate: '1979-01-01' });
    const ba = await bind(a, elder, 'PARENT');
    const bc = await bind(c, elder, 'PARENT');
    expect([ba.priority, bc.priority]).toEqual([1, 2]);
    const order = (await t.ok(`mutation($ids: [Int!]!) { setGiverPriorities(bindingIds: $ids) { id priority } }`, { ids: [bc.id, ba.id] }, await t.memberToken(elder))).setGiverPriorities;
    expect(order).toEqual([{ id: bc.id, priority: 1 }, { id: ba.id, priority: 2 }]);
    const wrong = await t.gql(`mutation($ids: [Int!]!) { setGiverPriorities(bindingIds: $ids) { id } }`, { ids: [bc.id] }, await t.memberToken(elder));
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'INPUT' });
    const RESERVE = `mutation($id: Int!, $f: SafeInt!) { setReservedAmount(id: $id, amountFen: $f) { ${B} } }`;
    expect((await t.ok(RESERVE, { id: ba.id, f: 6_000 }, await t.memberToken(a))).setReservedAmount.reservedFen).toBe(6_000);
    expect((await accountOfMember(t, a)).reservedFen).toBe(6_000);
    expect((await t.ok(RESERVE, { id: ba.id, f: 20_000 }, await t.memberToken(a))).setReservedAmount).toMatchObject({ rule: 'S4' });
    expect((await t.ok(RESERVE, { id: ba.id, f: 1_000 }, await t.memberToken(elder))).setReservedAmount).toMatchObject({ code: 'GIVER_ONLY' });
    expect((await t.ok(`mutation($id: Int!) { setBindingLimit(id: $id, singleLimitFen: 5000) { ${B} } }`, { id: ba.id }, await t.memberToken(a))).setBindingLimit.singleLimitFen).toBe(5_000);
    const mine = (await t.ok(`query { myBindings(role: BENEFICIARY) { id } }`, {}, await t.memberToken(elder))).myBindings;
    expect(mine.map((x: any) => x.id).sort()).toEqual([ba.id, bc.id].sort());
  });
});

describe('lifecycle (L1–L3)', () => {
  const ACT = (op: string) => `mutation($id: Int!, $r: String!) { ${op}(id: $id, reason: $r) { ${B} } }`;

  it('L1: suspend and restore are allowed; restoring an active or approving a revoked binding is refused', async () => {
    const b = await bind(await parent(), await child());
    const cw = await t.staffToken('caseworker');
    expect((await t.ok(ACT('restoreBinding'), { id: b.id, r: '误操作' }, cw)).restoreBinding).toMatchObject({ rule: 'L1', code: 'BAD_TRANSITION' });
    expect((await t.ok(ACT('suspendBinding'), { id: b.id, r: '涉嫌冒名就医调查中' }, await t.staffToken('fraud_analyst'))).suspendBinding.state).toBe('SUSPENDED');
    expect((await t.ok(ACT('restoreBinding'), { id: b.id, r: '调查结束' }, cw)).restoreBinding.state).toBe('ACTIVE');
    const g2 = await parent();
    const k2 = await child();
    const b2 = await bind(g2, k2);
    const revoked = (await t.ok(`mutation($id: Int!) { revokeBinding(id: $id, reason: "不再需要") { ${B} } }`, { id: b2.id }, await t.memberToken(k2))).revokeBinding;
    expect(revoked.state).toBe('REVOKED');
    expect((await t.ok(ACT('approveBinding'), { id: b2.id, r: '通过' }, cw)).approveBinding).toMatchObject({ rule: 'L1' });
    expect((await t.ok(ACT('suspendBinding'), { id: b2.id, r: '暂停' }, cw)).suspendBinding).toMatchObject({ rule: 'L1', code: 'BAD_TRANSITION' });
  });

  it("L2: recording the giver's death terminates their bindings and returns reserved money; a living member's bindings stay", async () => {
    const g = await t.member({ insuredRegion: '450100', birthDate: '1960-01-01', openingBalanceFen: 50_000 });
    const k1 = await child();
    const k2 = await child();
    const b1 = await bind(g, k1);
    const b2 = await bind(g, k2);
    await t.ok(`mutation($id: Int!) { setReservedAmount(id: $id, amountFen: 20000) { __typename } }`, { id: b1.id }, await t.memberToken(g));
    const other = await bind(await parent(), k1);
    const DEATH = `mutation($input: MemberEventInput!) { recordMemberDeath(input: $input) { __typename ... on Member { status } ... on RuleViolation { rule code } } }`;
    expect((await t.ok(DEATH, { input: { memberId: g.id, date: '2026-01-02', reason: '死亡证明' } }, await t.staffToken('caseworker'))).recordMemberDeath.status).toBe('DECEASED');
    const q = `query($id: Int!) { binding(id: $id) { state history { toState rule reason actorKind } } }`;
    const cw = await t.staffToken('caseworker');
    for (const id of [b1.id, b2.id]) {
      const b = (await t.ok(q, { id }, cw)).binding;
      expect(b.state).toBe('TERMINATED');
      expect(b.history.at(-1)).toMatchObject({ toState: 'TERMINATED', rule: 'L2', actorKind: 'STAFF' });
    }
    expect((await t.ok(q, { id: other.id }, cw)).binding.state).toBe('ACTIVE');
    expect((await accountOfMember(t, g)).reservedFen).toBe(0);
  });

  it('L2: leaving EMPLOYEE insurance ends the bindings a member gives but not those they receive; moving region ends all', async () => {
    const g = await parent();
    const k = await child();
    const gives = await bind(g, k);
    const receives = await bind(await t.member({ insuredRegion: '450100', birthDate: '1935-01-01' }), g, 'CHILD');
    const UPD = `mutation($input: MemberRegistryUpdateInput!) { updateMemberRegistry(input: $input) { __typename } }`;
    await t.ok(UPD, { input: { memberId: g.id, scheme: 'RESIDENT', reason: '转为居民医保' } }, await t.staffToken('caseworker'));
    const state = async (id: number) => (await t.ok(`query($id: Int!) { binding(id: $id) { state } }`, { id }, await t.staffToken('caseworker'))).binding.state;
    expect(await state(gives.id)).toBe('TERMINATED');
    expect(await state(receives.id)).toBe('ACTIVE');
    await t.ok(UPD, { input: { memberId: g.id, insuredRegion: '450200', reason: '迁往柳州' } }, await t.staffToken('caseworker'));
    expect(await state(receives.id)).toBe('TERMINATED');
  });

  it('L3: every transition records who, when and why, and no operation edits or deletes history', async () => {
    const g = await parent();
    const k = await child();
    const b = await bind(g, k);
    await t.ok(ACT('suspendBinding'), { id: b.id, r: '举报核查' }, await t.staffToken('fraud_analyst'));
    const h = (await t.ok(`query($id: Int!) { binding(id: $id) { history { fromState toState actorKind actorName reason at } } }`, { id: b.id }, await t.staffToken('caseworker'))).binding.history;
    expect(h.map((x: any) => [x.fromState, x.toState, x.actorKind])).toEqual([
      [null, 'PENDING', 'MEMBER'],
      ['PENDING', 'ACTIVE', 'MEMBER'],
      ['ACTIVE', 'SUSPENDED', 'STAFF'],
    ]);
    for (const x of h) {
      expect(x.reason.length).toBeGreaterThan(1);
      expect(Number.isNaN(Date.parse(x.at))).toBe(false);
    }
    const mutations = (await t.ok(`query { __schema { mutationType { fields { name } } } }`)).__schema.mutationType.fields.map((f: any) => f.name);
    expect(mutations.filter((n: string) => /transition|history|deleteBinding|updateBinding/i.test(n))).toEqual([]);
  });

  it('A1: a caseworker scoped to Beijing can neither see nor act on a Guangxi-only binding', async () => {
    const b = await bind(await parent(), await child());
    const bj = await t.staffToken('caseworker_11');
    expect((await t.ok(`query($id: Int!) { binding(id: $id) { id } }`, { id: b.id }, bj)).binding).toBeNull();
    expect((await t.ok(ACT('suspendBinding'), { id: b.id, r: '测试' }, bj)).suspendBinding).toMatchObject({ code: 'BINDING_NOT_FOUND' });
    expect((await t.ok(`query { bindings(filter: { region: "45" }) { total } }`, {}, bj)).bindings.total).toBe(0);
  });
});
