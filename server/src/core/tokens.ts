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

export function verifyToken(secret: string, token: string, now = Date.now()): TokenClaims | TokenProblem {
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
