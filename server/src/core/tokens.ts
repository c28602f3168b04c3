import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenKind = 'staff' | 'member' | 'institution';

export interface TokenClaims {
  kind: TokenKind;
  /** staff user id, member id or institution id */
  sub: number;
  /** member tokens: the channel client that vouched for the member */
  via?: string;
  iat: number;
  exp: number;
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

/** A compact HMAC-SHA256 signed token: base64url(claims).base64url(signature). */
export function signToken(secret: string, claims: Omit<TokenClaims, 'iat' | 'exp'>, ttlSeconds: number, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const body = b64(JSON.stringify({ ...claims, iat, exp: iat + ttlSeconds }));
  const sig = b64(createHmac('sha256', secret).update(body).digest());
  return `${body}.${sig}`;
}

export type TokenProblem = 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED';

/**
 * Tokens whose signature has been checked, by secret and token text: a client sends the same token
 * with every request, and the HMAC is deterministic, so it is computed once. Expiry is still checked
 * on every use. Bounded (cleared when full).
 */
const verified = new Map<string, Map<string, TokenClaims>>();
const MAX_VERIFIED = 10_000;

export function verifyToken(secret: string, token: string, now = Date.now()): TokenClaims | TokenProblem {
  let known = verified.get(secret);
  const hit = known?.get(token);
  if (hit) return hit.exp * 1000 <= now ? 'EXPIRED' : hit;
  const claims = verifyUncached(secret, token, now);
  if (typeof claims !== 'string') {
    if (!known) verified.set(secret, (known = new Map()));
    if (known.size >= MAX_VERIFIED) known.clear();
    known.set(token, claims);
  }
  return claims;
}

function verifyUncached(secret: string, token: string, now: number): TokenClaims | TokenProblem {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return 'MALFORMED';
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'BAD_SIGNATURE';
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return 'MALFORMED';
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return 'EXPIRED';
  return claims;
}
