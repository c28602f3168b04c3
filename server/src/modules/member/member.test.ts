import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const MEMBER = `query($id: Int!) { member(id: $id) { id idNumber name sex birthDate birthYear age scheme status insuredRegion account { balanceFen } } }`;

describe('members', () => {
  it('A3: ID numbers and names are masked by default', async () => {
    const m = await t.member({ insuredRegion: '440300', name: '张三丰' });
    const data = await t.ok(MEMBER, { id: m.id }, await t.staffToken('caseworker'));
    expect(data.member.idNumber).toBe(`${m.idNumber.slice(0, 6)}********${m.idNumber.slice(-4)}`);
    expect(data.member.name).toBe('张**');
    expect(data.member.account.balanceFen).toBe(100_000);
  });

  it('A5: next to a masked ID number staff see the birth year and age, never the full birth date', async () => {
    const m = await t.member({ insuredRegion: '440300', birthDate: '1970-06-15' });
    const data = (await t.ok(MEMBER, { id: m.id }, await t.staffToken('caseworker'))).member;
    expect(data).toMatchObject({ birthDate: null, birthYear: 1970, sex: m.sex });
    expect(data.age).toBeGreaterThanOrEqual(55);
    const own = (await t.ok(`{ myProfile { birthDate idNumber } }`, {}, await t.memberToken(m))).myProfile;
    expect(own).toEqual({ birthDate: '1970-06-15', idNumber: m.idNumber });
  });

  it('A3: a reveal without a reason is refused; with a reason it shows the data and is audited (A4)', async () => {
    const m = await t.member({ insuredRegion: '440300', name: '李四' });
    const token = await t.staffToken('caseworker_44');
    const REVEAL = `mutation($id: Int!, $reason: String!) { revealMember(id: $id, reason: $reason) { __typename ... on RevealedMember { idNumber name } ... on RuleViolation { rule code message } } }`;
    const refused = await t.ok(REVEAL, { id: m.id, reason: '' }, token);
    expect(refused.revealMember).toMatchObject({ __typename: 'RuleViolation', rule: 'A3' });
    const shown = await t.ok(REVEAL, { id: m.id, reason: '电话核实亲属关系' }, token);
    expect(shown.revealMember).toEqual({ __typename: 'RevealedMember', idNumber: m.idNumber, name: '李四' });
    const log = await t.ok(
      `query { auditLogs(filter: { action: "member.reveal", entityId: "${m.id}" }) { total items { actorName reason } } }`,
      {},
      await t.staffToken('auditor'),
    );
    expect(log.auditLogs.total).toBe(1);
    expect(log.auditLogs.items[0]).toEqual({ actorName: 'caseworker_44', reason: '电话核实亲属关系' });
  });

  it('A1: a caseworker scoped to province 44 can neither read nor change a member insured in province 11', async () => {
    const bj = await t.member({ insuredRegion: '110000' });
    const token = await t.staffToken('caseworker_44');
    const read = await t.ok(MEMBER, { id: bj.id }, token);
    expect(read.member).toBeNull();
    const list = await t.ok(`query { members(filter: { region: "11" }) { total } }`, {}, token);
    expect(list.members.total).toBe(0);
    const change = await t.ok(
      `mutation($input: MemberEventInput!) { recordMemberDeath(input: $input) { __typename ... on RuleViolation { rule code } } }`,
      { input: { memberId: bj.id, date: '2026-01-02', reason: '死亡登记' } },
      token,
    );
    expect(change.recordMemberDeath).toMatchObject({ __typename: 'RuleViolation', code: 'MEMBER_NOT_FOUND' });
    const still = await t.ok(MEMBER, { id: bj.id }, await t.staffToken('caseworker'));
    expect(still.member.status).toBe('ACTIVE');
  });
});
