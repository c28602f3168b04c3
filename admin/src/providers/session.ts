/**
 * The staff session token lives in sessionStorage (gone when the tab closes) and nowhere else.
 * Nothing else about members — least of all revealed personal data — is ever written to browser
 * storage by the admin.
 */
const TOKEN_KEY = 'gongji.admin.token';

export interface StoredSession {
  token: string;
  /** ISO instant, or null when unknown. */
  expiresAt: string | null;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
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
