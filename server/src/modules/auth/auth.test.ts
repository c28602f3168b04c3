import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_CHANNEL, TEST_PASSWORD, type TestServer } from '../../testing/harness';
import { StaffUser } from '../staff/staff.entity';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const LOGIN = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token expiresAt staff { username roles scope } } }`;

describe('logins (A1, A2)', () => {
  it('A1: staff log in with the right password and get an expiring token; a wrong password or unknown user gets the same refusal', async () => {
    const ok = (await t.ok(LOGIN, { u: 'caseworker_44', p: TEST_PASSWORD })).login;
    expect(ok.staff).toEqual({ username: 'caseworker_44', roles: ['CASEWORKER'], scope: '44' });
    expect(Date.parse(ok.expiresAt) - Date.now()).toBeGreaterThan(50 * 60_000);
    const wrong = await t.gql(LOGIN, { u: 'caseworker_44', p: 'nope' });
    const unknown = await t.gql(LOGIN, { u: 'nobody', p: 'nope' });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it('A1: a deactivated staff account can no longer log in, and its live token stops working', async () => {
    const token = await t.staffToken('auditor_11');
    await t.run((ctx) => ctx.em.update(StaffUser, { username: 'auditor_11' }, { active: false }));
    expect((await t.gql(LOGIN, { u: 'auditor_11', p: TEST_PASSWORD })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(`{ viewer { kind } }`, {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('A2: institutions and the member channel have their own credentials; the channel must name the member correctly', async () => {
    const inst = await t.institutionToken('H11000000001');
    expect((await t.ok(`{ viewer { kind name } }`, {}, inst)).viewer).toEqual({ kind: 'INSTITUTION', name: 'H11000000001' });
    const bad = await t.gql(`mutation($i: InstitutionLoginInput!) { institutionLogin(input: $i) { token } }`, { i: { code: 'H11000000001', secret: 'wrong' } });
    expect(bad.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const m = await t.member();
    const CH = `mutation($i: MemberChannelLoginInput!) { memberChannelLogin(input: $i) { token } }`;
    const wrongName = await t.gql(CH, { i: { clientId: TEST_CHANNEL.clientId, clientSecret: TEST_CHANNEL.secret, idNumber: m.idNumber, name: '别人' } });
    expect(wrongName.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const token = await t.memberToken(m);
    expect((await t.ok(`{ myProfile { id idNumber name } }`, {}, token)).myProfile).toEqual({ id: m.id, idNumber: m.idNumber, name: m.name });
    // a member token cannot read someone else, and cannot use staff operations
    expect((await t.gql(`{ members { total } }`, {}, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
