import type { EntityManager } from 'typeorm';
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
