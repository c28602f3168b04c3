/**
 * E7 (and S7 at settlement time): may money flow between a giver and a beneficiary in these
 * pooling regions on this date? Same pooling region: yes. Same province: when the province enables
 * intra-province sharing. Different provinces: only when BOTH enable cross-province sharing.
 */
import { provinceOf } from '@gongji/shared';
import type { EntityManager } from 'typeorm';
import { policyInForce } from './policy-lookup';
import type { PolicyVersion } from './policy.entity';

export type GeographyVerdict =
  | { allowed: true; scope: 'SAME_REGION' | 'INTRA_PROVINCE' | 'CROSS_PROVINCE'; policies: PolicyVersion[] }
  | { allowed: false; scope: 'INTRA_PROVINCE' | 'CROSS_PROVINCE'; reason: string; policies: PolicyVersion[] };

/** E7 as a pure decision over the policies in force (`policyOf(province)`), for callers that hold them already. */
export function sharingVerdict(giverRegion: string, beneficiaryRegion: string, policyOf: (provinceCode: string) => PolicyVersion): GeographyVerdict {
  if (giverRegion === beneficiaryRegion) return { allowed: true, scope: 'SAME_REGION', policies: [] };
  const gp = provinceOf(giverRegion);
  const bp = provinceOf(beneficiaryRegion);
  const giverPolicy = policyOf(gp);
  if (gp === bp) {
    return giverPolicy.rules.intraProvinceSharing
      ? { allowed: true, scope: 'INTRA_PROVINCE', policies: [giverPolicy] }
      : { allowed: false, scope: 'INTRA_PROVINCE', reason: `省份 ${gp} 未开通省内跨统筹区共济 (intra-province sharing off)`, policies: [giverPolicy] };
  }
  const beneficiaryPolicy = policyOf(bp);
  const off = [giverPolicy, beneficiaryPolicy].filter((p) => !p.rules.crossProvinceSharing).map((p) => p.provinceCode);
  return off.length === 0
    ? { allowed: true, scope: 'CROSS_PROVINCE', policies: [giverPolicy, beneficiaryPolicy] }
    : {
        allowed: false,
        scope: 'CROSS_PROVINCE',
        reason: `省份 ${off.join('、')} 未开通跨省共济 (cross-province sharing off in ${off.join(', ')})`,
        policies: [giverPolicy, beneficiaryPolicy],
      };
}

export async function sharingAllowed(em: EntityManager, giverRegion: string, beneficiaryRegion: string, date: string): Promise<GeographyVerdict> {
  if (giverRegion === beneficiaryRegion) return { allowed: true, scope: 'SAME_REGION', policies: [] };
  const loaded = new Map<string, PolicyVersion>();
  for (const p of new Set([provinceOf(giverRegion), provinceOf(beneficiaryRegion)])) loaded.set(p, await policyInForce(em, p, date));
  return sharingVerdict(giverRegion, beneficiaryRegion, (p) => loaded.get(p)!);
}
