import type { EntityManager } from 'typeorm';
import { afterCommit, type RequestContext } from '../../core/context';
import { PolicyVersion } from './policy.entity';
import { noPolicy } from './policy.errors';

/**
 * The policy version in force for a province on a date (YYYY-MM-DD): the newest version whose
 * effective date is on or before it. Every rule decision reads its knobs from here (never constants).
 */
export async function policyInForce(em: EntityManager, provinceCode: string, date: string): Promise<PolicyVersion> {
  const found = await em
    .createQueryBuilder(PolicyVersion, 'p')
    .where('p.province_code = :provinceCode AND p.effective_from <= :date', { provinceCode, date })
    .orderBy('p.effectiveFrom', 'DESC')
    .addOrderBy('p.version', 'DESC')
    .limit(1)
    .getOne();
  if (!found) throw noPolicy(provinceCode, date);
  return found;
}

/**
 * The same answer, cached in process for the settlement hot path, by (province, date).
 * Invalidation: publishing a version in this process clears the cache (when the publish commits,
 * `invalidatePolicyCache`); other processes and nodes pick a new version up within the TTL
 * (GONGJI_POLICY_CACHE_MS, default 5 s). Versions are immutable once written, so a cached entry can
 * only be stale by missing a version published in the last few seconds — the same as if the
 * settlement had arrived a moment earlier. Callers must not mutate the returned object.
 */
const POLICY_TTL_MS = Number(process.env.GONGJI_POLICY_CACHE_MS ?? 5_000);
let generation = 0;
const cache = new Map<string, { version: PolicyVersion; until: number; generation: number }>();

export async function cachedPolicyInForce(em: EntityManager, provinceCode: string, date: string): Promise<PolicyVersion> {
  const key = `${provinceCode}|${date}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now && hit.generation === generation) return hit.version;
  const gen = generation;
  const version = await policyInForce(em, provinceCode, date);
  if (gen === generation) {
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { version, until: now + POLICY_TTL_MS, generation: gen });
  }
  return version;
}

/** A policy version was published: drop cached lookups now and again once the publish commits. */
export function invalidatePolicyCache(ctx?: RequestContext): void {
  generation++;
  cache.clear();
  if (ctx)
    afterCommit(ctx, () => {
      generation++;
      cache.clear();
    });
}
