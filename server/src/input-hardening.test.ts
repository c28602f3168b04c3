/** Plain bad input gets a typed input error, never an internal error, and changes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from './modules/audit/audit.entity';
import { FraudSignal } from './modules/fraud-signal/fraud-signal.entity';
import { startTestServer, type TestServer } from './testing/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const auditCount = (action: string) => t.run((ctx) => ctx.em.countBy(AuditLog, { action }));

describe('input hardening', () => {
  it('A8: an id of 0 is an input error, not "no id given" (flagFraud, member)', async () => {
    const token = await t.staffToken('fraud_analyst');
    const r = await t.gql(`mutation { flagFraud(input: { memberId: 0, reason: "举报测试" }) { __typename } }`, {}, token);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
    expect((await t.gql(`{ member(id: 0) { id } }`, {}, token)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('A4/A8: the name filter is a bounded, escaped prefix; searching by name or ID number is audited', async () => {
    const token = await t.staffToken('caseworker');
    await t.member({ name: '王小明' });
    const before = await auditCount('member.search');
    expect((await t.ok(`{ members(filter: { name: "%" }) { total } }`, {}, token)).members.total).toBe(0);
    expect((await t.ok(`{ members(filter: { name: "王_明" }) { total } }`, {}, token)).members.total).toBe(0);
    expect((await t.ok(`{ members(filter: { name: "王小" }) { total } }`, {}, token)).members.total).toBeGreaterThan(0);
    expect(await auditCount('member.search')).toBe(before + 3);
    const long = await t.gql(`query($n: String) { members(filter: { name: $n }) { total } }`, { n: '王'.repeat(50_000) }, token);
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('A4: a registry update that changes nothing writes no audit row; retired: null is ignored, not a database error', async () => {
    const m = await t.member({ insuredRegion: '440300' });
    const token = await t.staffToken('caseworker');
    const before = await auditCount('member.registry_update');
    const U = `mutation($i: MemberRegistryUpdateInput!) { updateMemberRegistry(input: $i) { __typename ... on Member { retired } ... on RuleViolation { code } } }`;
    const r = await t.ok(U, { i: { memberId: m.id, retired: null, reason: '核对登记信息' } }, token);
    expect(r.updateMemberRegistry).toEqual({ __typename: 'Member', retired: false });
    expect(await auditCount('member.registry_update')).toBe(before);
    await t.ok(U, { i: { memberId: m.id, retired: true, reason: '办理退休' } }, token);
    expect(await auditCount('member.registry_update')).toBe(before + 1);
  });

  it('A8: free text is bounded before the resolver (a 1 MB case note or reveal reason is refused, nothing stored)', async () => {
    const token = await t.staffToken('fraud_analyst');
    const note = await t.gql(`mutation($x: String!) { addFraudCaseNote(id: 1, text: $x) { __typename } }`, { x: 'x'.repeat(1_000_000) }, token);
    expect(note.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'addFraudCaseNote' });
  });

  it('F1: an ID number with a wrong check character is an input error, not a suspected impersonation', async () => {
    const patient = await t.member({ insuredRegion: '440300' });
    const last = patient.idNumber.slice(-1);
    const typo = patient.idNumber.slice(0, 17) + (last === '1' ? '2' : '1');
    const signals = await t.run((ctx) => ctx.em.count(FraudSignal));
    const r = await t.ok(
      `mutation($i: SettleInput!) { settle(input: $i) { __typename ... on RuleViolation { rule code field } } }`,
      {
        i: {
          serialNo: 'TYPO-1',
          patientIdNumber: patient.idNumber,
          credentialType: 'T02',
          credentialNo: typo,
          category: 'OUTPATIENT',
          totalFen: 1000,
          poolFen: 0,
          selfPayFen: 1000,
          placeRegion: '440300',
          treatedAt: new Date(Date.now() - 60_000).toISOString(),
          acctUsedFlag: true,
        },
      },
      await t.institutionToken(),
    );
    expect(r.settle).toEqual({ __typename: 'RuleViolation', rule: 'INPUT', code: 'INVALID_CREDENTIAL_NO', field: 'credentialNo' });
    expect(await t.run((ctx) => ctx.em.count(FraudSignal))).toBe(signals);
  });
});
