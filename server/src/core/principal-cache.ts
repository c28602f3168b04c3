/**
 * The principal behind a verified token, cached in process so an operation does not reload it.
 * Revocation: a change made in this process (staff deactivated, institution changed) drops the
 * entry at once (`forgetPrincipal`); other processes and nodes see it after at most the TTL
 * (GONGJI_PRINCIPAL_CACHE_MS, default 10 s). Tokens themselves are short-lived and signed.
 */
import type { EntityManager } from 'typeorm';
import type { RequestContext } from './context';
import type { Principal } from './principal';
import type { TokenClaims } from './tokens';

const TTL_MS = Number(process.env.GONGJI_PRINCIPAL_CACHE_MS ?? 10_000);
const MAX_ENTRIES = 50_000;
const cache = new Map<string, { principal: Principal; until: number }>();

const keyOf = (claims: TokenClaims) => `${claims.kind}:${claims.sub}:${claims.via ?? ''}`;

/** How a principal is read on a miss (the auth module's `loadPrincipal`, handed in by app.ts: core imports no module's services). */
export type PrincipalLoader = (ctx: RequestContext, claims: TokenClaims) => Promise<Principal | null>;

/** The principal for the context's claims (null without a token), read through `em` by `load` on a miss. */
export async function principalFor(ctx: RequestContext, em: EntityManager, load: PrincipalLoader): Promise<Principal | null> {
  const claims = ctx.claims;
  if (!claims) return ctx.principal;
  const key = keyOf(claims);
  const hit = cache.get(key);
  const now = Date.now();
  if (hit && hit.until > now) return hit.principal;
  const saved = ctx.em;
  ctx.em = em;
  try {
    const principal = await load(ctx, claims);
    if (principal) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(key, { principal, until: now + TTL_MS });
    }
    return principal;
  } finally {
    ctx.em = saved;
  }
}

/** Drop a principal from the cache (it changed or was deactivated in this process). */
export function forgetPrincipal(kind: Principal['kind'], id: number): void {
  for (const key of cache.keys()) if (key.startsWith(`${kind}:${id}:`)) cache.delete(key);
}
