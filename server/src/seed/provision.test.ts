import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../modules/audit/audit.entity';
import { StaffUser } from '../modules/staff/staff.entity';
import { startTestServer, type TestServer } from '../testing/harness';
import { ProvisionError, provisionChannelClient, provisionInstitution, provisionStaff, resetStaffPassword, setStaffActive } from './provision';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const login = (username: string, password: string) =>
  t.gql(`mutation($i: StaffLoginInput!) { login(input: $i) { token staff { roles scope } } }`, { i: { username, password } });

describe('provisioning (pnpm provision)', () => {
  it('A1/A4: creates a scoped staff user who can log in, and audits it', async () => {
    const r = await provisionStaff(t.deps, { username: 'ops_gd', displayName: '运维（广东）', roles: ['CASEWORKER'], scope: '44' });
    expect(r.password).toMatch(/^[A-Za-z0-9]{20}$/);
    const res = await login('ops_gd', r.password);
    expect(res.errors).toBeUndefined();
    expect(res.data.login.staff).toEqual({ roles: ['CASEWORKER'], scope: '44' });
    const audit = await t.run((ctx) => ctx.em.findOneBy(AuditLog, { action: 'staff.create', entityId: String(r.id) }));
    expect(audit?.actorName).toBe('provision');
  });

  it('A1: refuses an unknown role, an unknown scope, a short password or a duplicate, creating nothing', async () => {
    const before = await t.run((ctx) => ctx.em.count(StaffUser));
    await expect(provisionStaff(t.deps, { username: 'x_role', displayName: 'x', roles: ['ROOT'], scope: null })).rejects.toThrow(/unknown role "ROOT"/);
    await expect(provisionStaff(t.deps, { username: 'x_scope', displayName: 'x', roles: ['AUDITOR'], scope: '99' })).rejects.toThrow(/unknown scope "99"/);
    await expect(provisionStaff(t.deps, { username: 'x_pw', displayName: 'x', roles: ['AUDITOR'], scope: null, password: 'short' })).rejects.toThrow(ProvisionError);
    await provisionStaff(t.deps, { username: 'dup_user', displayName: 'x', roles: ['AUDITOR'], scope: null });
    await expect(provisionStaff(t.deps, { username: 'dup_user', displayName: 'y', roles: ['AUDITOR'], scope: null })).rejects.toThrow(/already exists/);
    expect(await t.run((ctx) => ctx.em.count(StaffUser))).toBe(before + 1);
  });

  it('A1: a password reset replaces the old password and a deactivated user cannot log in', async () => {
    const { password } = await provisionStaff(t.deps, { username: 'rotate_me', displayName: '轮换', roles: ['AUDITOR'], scope: null });
    const fresh = await resetStaffPassword(t.deps, 'rotate_me');
    expect((await login('rotate_me', password)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login('rotate_me', fresh)).errors).toBeUndefined();
    await setStaffActive(t.deps, 'rotate_me', false);
    expect((await login('rotate_me', fresh)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('A2: a provisioned institution and channel client log in with the secret shown once', async () => {
    const inst = await provisionInstitution(t.deps, { code: 'H44030399999', name: '测试医院', kind: 'HOSPITAL', regionCode: '440300' });
    const r = await t.gql(`mutation { institutionLogin(input: { code: "H44030399999", secret: "${inst.secret}" }) { token } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.institutionLogin.token).toBeTruthy();
    await expect(provisionInstitution(t.deps, { code: 'H44030399998', name: '测试', kind: 'HOSPITAL', regionCode: '449999' })).rejects.toThrow(/unknown pooling region/);
    const ch = await provisionChannelClient(t.deps, 'new-app', '新渠道');
    expect(ch.secret).toHaveLength(32);
  });
});
