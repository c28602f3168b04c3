import { forgetPrincipal } from '../../core/principal-cache';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionStaff, resetStaffPassword } from '../../seed/provision';
import { startTestServer, TEST_CHANNEL, TEST_PASSWORD, type TestServer } from '../../testing/harness';
import { AuditLog } from '../audit/audit.entity';
import { Member } from '../member/member.entity';
import { StaffUser } from '../staff/staff.entity';
import { passwordProblem } from './password-policy';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const LOGIN = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token mustChangePassword } }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) }`;
const audits = (action: string, id: number) => t.run((ctx) => ctx.em.countBy(AuditLog, { action, entityId: String(id) }));

describe('A7: staff sign-in', () => {
  it('A7: 5 failed sign-ins within 15 minutes lock the account for 15 minutes, even against the right password; all audited', async () => {
    const { id, password } = await provisionStaff(t.deps, { username: 'lock_me', displayName: '锁定测试', roles: ['AUDITOR'], scope: null });
    for (let i = 0; i < 4; i++) expect((await t.gql(LOGIN, { u: 'lock_me', p: `wrong-${i}` })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // 4 failures: not locked yet
    expect((await t.gql(LOGIN, { u: 'lock_me', p: password })).errors).toBeUndefined();
    for (let i = 0; i < 5; i++) await t.gql(LOGIN, { u: 'lock_me', p: `wrong-${i}` });
    const locked = await t.gql(LOGIN, { u: 'lock_me', p: password });
    expect(locked.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED' });
    expect(locked.errors?.[0].message).toMatch(/锁定/);
    expect(await audits('staff.login_failed', id)).toBe(9);
    expect(await audits('staff.locked', id)).toBe(1);
    // 15 minutes later the right password works again
    await t.run((ctx) => ctx.em.update(StaffUser, { id }, { lockedUntil: new Date(Date.now() - 1000) }));
    expect((await t.gql(LOGIN, { u: 'lock_me', p: password })).errors).toBeUndefined();
  });

  it('A7: password rules — at least 12 characters and 3 kinds of character', () => {
    expect(passwordProblem('Short1!')).toBe('TOO_SHORT');
    expect(passwordProblem('alllowercaseletters')).toBe('TOO_SIMPLE');
    expect(passwordProblem('lowercase-and-1')).toBeNull();
    expect(passwordProblem('Abcdefgh1234')).toBeNull();
    expect(passwordProblem('Alice-2026-pass', 'alice')).toBe('CONTAINS_USERNAME');
  });

  it('A7: a new account and a reset account must change the password first; changePassword is audited', async () => {
    const { id, password } = await provisionStaff(t.deps, { username: 'first_time', displayName: '首次登录', roles: ['AUDITOR'], scope: null });
    const first = (await t.ok(LOGIN, { u: 'first_time', p: password })).login;
    expect(first.mustChangePassword).toBe(true);
    const refused = await t.gql(`{ members { total } }`, {}, first.token);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
    expect((await t.ok(`{ viewer { mustChangePassword } }`, {}, first.token)).viewer.mustChangePassword).toBe(true);
    const weak = await t.gql(CHANGE, { c: password, n: 'password' }, first.token);
    expect(weak.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'INPUT', ruleCode: 'PASSWORD_TOO_SHORT' });
    expect((await t.gql(CHANGE, { c: 'not-the-password', n: 'Brand-new-pass-1' }, first.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.ok(CHANGE, { c: password, n: 'Brand-new-pass-1' }, first.token)).changePassword).toBe(true);
    expect((await t.ok(`{ members { total } }`, {}, first.token)).members.total).toBeGreaterThanOrEqual(0);
    expect(await audits('staff.password_change', id)).toBe(1);
    await resetStaffPassword(t.deps, 'first_time', 'Reset-by-admin-9');
    expect((await t.ok(LOGIN, { u: 'first_time', p: 'Reset-by-admin-9' })).login.mustChangePassword).toBe(true);
  });

  it('A7: a staff session ends after 30 minutes without a request', async () => {
    const token = (await t.ok(LOGIN, { u: 'auditor_44', p: TEST_PASSWORD })).login.token;
    expect((await t.gql(`{ auditLogs { total } }`, {}, token)).errors).toBeUndefined();
    const user = await t.run((ctx) => ctx.em.findOneByOrFail(StaffUser, { username: 'auditor_44' }));
    await t.run((ctx) => ctx.em.update(StaffUser, { id: user.id }, { lastActiveAt: new Date(Date.now() - 31 * 60_000) }));
    // 31 minutes of silence also outlive the principal cache (10 s TTL): the next request reads the user again.
    forgetPrincipal('staff', user.id);
    const idle = await t.gql(`{ auditLogs { total } }`, {}, token);
    expect(idle.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_IDLE' });
    expect(idle.status).toBe(401);
  });

  it('A7: no member-channel session for a deceased member; a live token stops working', async () => {
    const m = await t.member();
    const token = await t.memberToken(m);
    await t.run((ctx) => ctx.em.update(Member, { id: m.id }, { status: 'DECEASED', diedOn: '2026-01-01' }));
    expect((await t.gql(`{ myProfile { id } }`, {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const CH = `mutation($i: MemberChannelLoginInput!) { memberChannelLogin(input: $i) { token } }`;
    const r = await t.gql(CH, { i: { clientId: TEST_CHANNEL.clientId, clientSecret: TEST_CHANNEL.secret, idNumber: m.idNumber, name: m.name } });
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
