/**
 * Staff authentication against the GraphQL API. The token is kept in localStorage (shared by tabs); the viewer
 * (roles, permissions, scope) is asked from the API and kept in memory only.
 */
import type { AuthProvider, UserIdentity } from 'ra-core';
import { canAccess as roleCanAccess } from '../access';
import { graphql } from '../gql';
import type { Admin_ViewerQuery } from '../gql/graphql';
import { gqlRequest, isStaleAuthFailure } from './graphqlClient';
import { clearSession, getToken, loadSession, saveSession, setLogoutReason } from './session';

export const LOGIN_MUTATION = graphql(`
  mutation Admin_login($input: StaffLoginInput!) {
    login(input: $input) {
      token
      expiresAt
      mustChangePassword
      staff {
        id
        username
        displayName
        roles
        permissions
        scope
      }
    }
  }
`);

export const VIEWER_QUERY = graphql(`
  query Admin_viewer {
    viewer {
      kind
      id
      name
      roles
      permissions
      scope
    }
  }
`);

/** The signed-in principal; `scope` null: national; 2 digits: a province; 6 digits: a pooling region. */
export type Viewer = NonNullable<Admin_ViewerQuery['viewer']>;

let viewerPromise: Promise<Viewer> | null = null;

function forget(): void {
  viewerPromise = null;
  clearSession();
}

/** After a password change: ask the server for the viewer again. */
export function forgetViewer(): void {
  viewerPromise = null;
}

/** A7: the server refuses everything but changePassword until the password is changed. */
function mustChangePassword(error: unknown): boolean {
  const errors = (error as { body?: { graphqlErrors?: Array<{ extensions?: { reason?: string } }> } } | null)?.body?.graphqlErrors;
  return Boolean(errors?.some((e) => e.extensions?.reason === 'PASSWORD_CHANGE_REQUIRED'));
}

/** The logged-in staff member, asked once per session (and again after a reload). */
export function getViewer(): Promise<Viewer> {
  if (!getToken()) return Promise.reject(new Error('ra.auth.auth_check_error'));
  viewerPromise ??= gqlRequest(VIEWER_QUERY, {}).then(
    ({ viewer }) => {
      if (!viewer || viewer.kind !== 'STAFF') {
        forget();
        throw new Error('ra.auth.auth_check_error');
      }
      return viewer;
    },
    (e) => {
      viewerPromise = null;
      throw e;
    },
  );
  return viewerPromise;
}

function statusOf(error: unknown): number | undefined {
  const e = error as { status?: number; body?: { code?: string } } | null;
  if (e?.body?.code === 'UNAUTHENTICATED') return 401;
  return e?.status;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    forget();
    setLogoutReason(null);
    const data = await gqlRequest(LOGIN_MUTATION, { input: { username: String(username ?? '').trim(), password } }, { auth: false });
    const { token, expiresAt, staff, mustChangePassword: change } = data.login;
    saveSession({ token, expiresAt: expiresAt ?? null });
    if (staff)
      viewerPromise = Promise.resolve<Viewer>({
        kind: 'STAFF',
        id: staff.id,
        name: staff.displayName,
        roles: staff.roles,
        permissions: staff.permissions,
        scope: staff.scope,
      });
    if (change) return { redirectTo: '/change-password' };
  },

  async logout() {
    forget();
  },

  async checkAuth() {
    if (!loadSession()) throw new Error('ra.auth.auth_check_error');
    // Validate the token once per page load (the viewer is then cached in memory): a token the
    // server no longer accepts sends the user to the login page instead of "access denied".
    try {
      await getViewer();
    } catch (e) {
      // Someone signed in while this check was under way: the refusal is the old session's.
      if (isStaleAuthFailure(e)) return;
      if (statusOf(e) === 401 || !getToken()) {
        if (getToken()) setLogoutReason('expired');
        forget();
        throw new Error((e as Error)?.message || 'ra.auth.auth_check_error', { cause: e });
      }
      // Other failures (network, server error) surface on the page itself.
    }
  },

  async checkError(error: unknown) {
    const status = statusOf(error);
    // A 401 answering a request of an earlier session (or sent before sign-in) is not about this one.
    if (status === 401 && isStaleAuthFailure(error)) return;
    if (status === 401) {
      // The server ended the session (idle timeout, password reset, account locked): say so on the login page.
      if (getToken()) setLogoutReason('expired');
      forget();
      // Reject: react-admin logs out and redirects to the login page, keeping the server's message.
      throw { message: (error as Error)?.message || 'ra.notification.logged_out', logoutUser: true };
    }
    if (mustChangePassword(error)) throw { message: '请先修改初始密码', redirectTo: '/change-password', logoutUser: false };
    // 403 (FORBIDDEN / OUT_OF_SCOPE): stay logged in; the page shows the error notification.
  },

  async getIdentity(): Promise<UserIdentity> {
    const v = await getViewer();
    return { id: v.id ?? 0, fullName: v.name ?? undefined };
  },

  async getPermissions() {
    const v = await getViewer();
    return { roles: v.roles, permissions: v.permissions, scope: v.scope };
  },

  async canAccess({ resource, action }: { resource: string; action: string }) {
    if (!getToken()) return false;
    try {
      return roleCanAccess(await getViewer(), resource, action);
    } catch {
      return false;
    }
  },
};
