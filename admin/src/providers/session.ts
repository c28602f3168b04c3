/**
 * The staff session token lives in localStorage, so that a second tab (a record opened with
 * Ctrl+click) shares the session instead of asking for a new sign-in; the server ends it after 30
 * minutes without activity (A7) and signing out clears it in every tab. Nothing else about members —
 * least of all revealed personal data — is ever written to browser storage by the admin.
 */
const TOKEN_KEY = 'gongji.admin.token';
const REASON_KEY = 'gongji.admin.logoutReason';

/** Why the last session ended without the user signing out (shown on the login page). */
export type LogoutReason = 'expired' | 'revoked';

export interface StoredSession {
  token: string;
  /** ISO instant, or null when unknown. */
  expiresAt: string | null;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled by the browser
  }
}

let memoryFallback: StoredSession | null = null;

export function saveSession(session: StoredSession): void {
  const s = storage();
  if (s) s.setItem(TOKEN_KEY, JSON.stringify(session));
  else memoryFallback = session;
}

export function loadSession(now: Date = new Date()): StoredSession | null {
  const s = storage();
  let session: StoredSession | null = memoryFallback;
  if (s) {
    const raw = s.getItem(TOKEN_KEY);
    try {
      session = raw ? (JSON.parse(raw) as StoredSession) : null;
    } catch {
      session = null;
    }
  }
  if (!session?.token) return null;
  if (session.expiresAt && new Date(session.expiresAt).getTime() <= now.getTime()) {
    clearSession();
    setLogoutReason('expired');
    return null;
  }
  return session;
}

export function getToken(): string | null {
  return loadSession()?.token ?? null;
}

export function clearSession(): void {
  memoryFallback = null;
  storage()?.removeItem(TOKEN_KEY);
}

export function setLogoutReason(reason: LogoutReason | null): void {
  const s = storage();
  if (!s) return;
  if (reason) s.setItem(REASON_KEY, reason);
  else s.removeItem(REASON_KEY);
}

/** Read and forget the reason (the login page shows it once). */
export function takeLogoutReason(): LogoutReason | null {
  const s = storage();
  const r = s?.getItem(REASON_KEY) ?? null;
  s?.removeItem(REASON_KEY);
  return r === 'expired' || r === 'revoked' ? r : null;
}
