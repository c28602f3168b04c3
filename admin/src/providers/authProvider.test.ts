import { beforeEach, describe, expect, it, vi } from 'vitest';
import { authProvider } from './authProvider';
import { Admin_ViewerDocument } from '../gql/graphql';
import { gqlRequest } from './graphqlClient';
import { clearSession, getToken, loadSession, saveSession, takeLogoutReason } from './session';
import { memoryStorage, mockGraphQL } from './testing';

const STAFF = { id: 2, username: 'wang', displayName: '王经办', roles: ['CASEWORKER'], permissions: ['REVEAL_PII'], scope: '440300' };

beforeEach(async () => {
  vi.stubGlobal('localStorage', memoryStorage());
  await authProvider.logout({});
});

describe('authProvider', () => {
  it('logs in without a token, keeps the new token in localStorage (shared by tabs) only', async () => {
    const calls = mockGraphQL(() => ({ data: { login: { token: 'T1', expiresAt: '2099-01-01T00:00:00.000Z', staff: STAFF } } }));
    await authProvider.login({ username: ' wang ', password: 'pw' });
    expect(calls[0].headers.Authorization).toBeUndefined();
    expect(calls[0].variables).toEqual({ input: { username: 'wang', password: 'pw' } });
    expect(getToken()).toBe('T1');
    expect(localStorage.length).toBe(1);
    // Roles come from the login answer: no extra request.
    await expect(authProvider.getPermissions!({})).resolves.toEqual({ roles: ['CASEWORKER'], permissions: ['REVEAL_PII'], scope: '440300' });
    await expect(authProvider.getIdentity!()).resolves.toEqual({ id: 2, fullName: '王经办' });
    expect(calls).toHaveLength(1);
  });

  it('rejects wrong credentials with the server message', async () => {
    mockGraphQL(() => ({ errors: [{ message: '用户名或密码错误 (wrong credentials)', extensions: { code: 'UNAUTHENTICATED' } }], data: null }));
    await expect(authProvider.login({ username: 'x', password: 'y' })).rejects.toThrow('用户名或密码错误');
    expect(getToken()).toBeNull();
  });

  it('checkAuth needs an unexpired token', async () => {
    await expect(authProvider.checkAuth({})).rejects.toBeTruthy();
    saveSession({ token: 'T', expiresAt: '2000-01-01T00:00:00.000Z' });
    await expect(authProvider.checkAuth({})).rejects.toBeTruthy();
    expect(loadSession()).toBeNull();
    // the login page then says why (once)
    expect(takeLogoutReason()).toBe('expired');
    expect(takeLogoutReason()).toBeNull();
    saveSession({ token: 'T', expiresAt: '2099-01-01T00:00:00.000Z' });
    mockGraphQL(() => ({ data: { viewer: { kind: 'STAFF', id: 1, name: 'x', roles: ['CASEWORKER'], permissions: [], scope: null } } }));
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
  });

  it('checkAuth drops a token the server refuses', async () => {
    saveSession({ token: 'T', expiresAt: null });
    mockGraphQL(() => [401, { errors: [{ message: '登录已失效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } }] }]);
    await expect(authProvider.checkAuth({})).rejects.toThrow('登录已失效');
    expect(getToken()).toBeNull();
  });

  it('checkAuth does not log out on a network failure', async () => {
    saveSession({ token: 'T', expiresAt: null });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    expect(getToken()).toBe('T');
  });

  it('logs out on 401 but stays on 403', async () => {
    saveSession({ token: 'T', expiresAt: null });
    await expect(authProvider.checkError({ status: 403, body: { code: 'OUT_OF_SCOPE' } })).resolves.toBeUndefined();
    expect(getToken()).toBe('T');
    await expect(authProvider.checkError({ status: 401, message: '登录已失效', body: { code: 'UNAUTHENTICATED' } })).rejects.toMatchObject({ message: '登录已失效' });
    expect(getToken()).toBeNull();
  });

  it('a 401 answering a request of an earlier session does not sign out the one signed in since', async () => {
    // A request of the old session (and one sent with no session at all) is refused …
    saveSession({ token: 'OLD', expiresAt: null });
    mockGraphQL(() => [401, { errors: [{ message: '登录已失效', extensions: { code: 'UNAUTHENTICATED' } }] }]);
    const oldFailure = await gqlRequest(Admin_ViewerDocument, {}).catch((e: unknown) => e);
    clearSession();
    const anonymousFailure = await gqlRequest(Admin_ViewerDocument, {}).catch((e: unknown) => e);
    // … while someone signs in; the refusals arrive afterwards.
    mockGraphQL(() => ({ data: { login: { token: 'NEW', expiresAt: null, staff: STAFF } } }));
    await authProvider.login({ username: 'wang', password: 'pw' });
    await expect(authProvider.checkError(oldFailure)).resolves.toBeUndefined();
    await expect(authProvider.checkError(anonymousFailure)).resolves.toBeUndefined();
    expect(getToken()).toBe('NEW');
    // The same refusal for the session now stored still signs it out.
    mockGraphQL(() => [401, { errors: [{ message: '登录已失效', extensions: { code: 'UNAUTHENTICATED' } }] }]);
    const current = await gqlRequest(Admin_ViewerDocument, {}).catch((e: unknown) => e);
    await expect(authProvider.checkError(current)).rejects.toMatchObject({ logoutUser: true });
    expect(getToken()).toBeNull();
  });

  it('asks the API for the viewer after a reload and decides access by role', async () => {
    saveSession({ token: 'T', expiresAt: null });
    const calls = mockGraphQL(() => ({ data: { viewer: { kind: 'STAFF', id: 5, name: '审计', roles: ['AUDITOR'], permissions: [], scope: null } } }));
    await expect(authProvider.canAccess!({ resource: 'auditLogs', action: 'list' })).resolves.toBe(true);
    await expect(authProvider.canAccess!({ resource: 'members', action: 'edit' })).resolves.toBe(false);
    await expect(authProvider.canAccess!({ resource: 'members', action: 'reveal' })).resolves.toBe(false);
    expect(calls).toHaveLength(1);
    expect(calls[0].headers.Authorization).toBe('Bearer T');
  });

  it('denies everything without a session', async () => {
    await expect(authProvider.canAccess!({ resource: 'members', action: 'list' })).resolves.toBe(false);
  });
});
