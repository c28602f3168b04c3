/**
 * Reference data every database needs: the 32 provincial units, pooling regions, and the regional
 * policy history. The history follows the national rollout (DOMAIN.md E3, E7):
 *   2021-07   spouse, parents and children only; sharing inside one pooling region
 *   2024-11   every province enables intra-province sharing
 *   2024-12   all eight kinds of close relatives; cross-province stage 1 (9 provinces)
 *   2025-02   cross-province stage 2 (11 provinces)
 *   2025-03   cross-province stage 3 (17 provinces)
 *   2025-09   every province except Guangdong
 * Which provinces joined in which stage is illustrative demo data, not an official list.
 */
import {
  CORE_RELATIONSHIP_KINDS,
  DEFAULT_FRAUD_THRESHOLDS,
  DEFAULT_SETTLEMENT_MAX_TOTAL_FEN,
  DEFAULT_WALLET_POLICY,
  NATIONAL_CATEGORIES,
  POOLING_REGIONS,
  PROVINCES,
  RELATIONSHIP_KINDS,
  type Category,
  type DocType,
  type PolicyRules,
  type RelationshipKind,
} from '@gongji/shared';
import type { EntityManager } from 'typeorm';
import { PolicyVersion } from '../modules/policy/policy.entity';
import { PoolingRegion, Province } from '../modules/region/region.entity';

export const CROSS_PROVINCE_STAGES: Array<{ effectiveFrom: string; provinces: string[]; note: string }> = [
  { effectiveFrom: '2024-12-01', provinces: ['12', '13', '14', '15', '21', '22', '23', '34', '36'], note: '跨省共济第一批 (cross-province stage 1)' },
  { effectiveFrom: '2025-02-01', provinces: ['41', '43'], note: '跨省共济第二批 (stage 2)' },
  { effectiveFrom: '2025-03-01', provinces: ['11', '32', '33', '37', '42', '51'], note: '跨省共济第三批 (stage 3)' },
  {
    effectiveFrom: '2025-09-01',
    provinces: ['31', '35', '45', '46', '50', '52', '53', '54', '61', '62', '63', '64', '65', '66'],
    note: '跨省共济全面推开，广东除外 (all but Guangdong)',
  },
];

/** Provinces that review proofs before activation; the rest run 告知承诺制 (commit, then review). */
const APPROVE_FIRST = new Set(['11', '31', '44', '32', '51']);
/** Provinces that let the beneficiary start a request (the giver must then confirm). */
const BENEFICIARY_MAY_INITIATE = new Set(['33', '32', '44', '35']);
const RETIREE_CREDIT_FEN: Record<string, number> = { '44': 25100, '45': 12000, '11': 20000, '31': 20000, '14': 9000 };

const PROOFS_APPROVE_FIRST: Partial<Record<RelationshipKind, DocType[]>> = {
  SPOUSE: ['MARRIAGE_CERTIFICATE', 'HOUSEHOLD_REGISTER'],
  PARENT: ['HOUSEHOLD_REGISTER', 'BIRTH_CERTIFICATE', 'OTHER'],
  CHILD: ['HOUSEHOLD_REGISTER', 'BIRTH_CERTIFICATE'],
  SIBLING: ['HOUSEHOLD_REGISTER', 'OTHER'],
  PATERNAL_GRANDPARENT: ['HOUSEHOLD_REGISTER', 'OTHER'],
  MATERNAL_GRANDPARENT: ['HOUSEHOLD_REGISTER', 'OTHER'],
  GRANDCHILD_VIA_SON: ['HOUSEHOLD_REGISTER', 'OTHER'],
  GRANDCHILD_VIA_DAUGHTER: ['HOUSEHOLD_REGISTER', 'OTHER'],
};

/** The 2021 baseline rules of a province. */
export function baselineRules(province: string): PolicyRules {
  const approveFirst = APPROVE_FIRST.has(province);
  const categories: Category[] = [...NATIONAL_CATEGORIES];
  if (!['54', '63'].includes(province)) categories.push('VACCINE');
  if (['33', '32', '44', '31'].includes(province)) categories.push('PHYSICAL_EXAM');
  if (['44', '33', '11'].includes(province)) categories.push('COMMERCIAL_HEALTH_INSURANCE');
  return {
    allowedRelationships: [...CORE_RELATIONSHIP_KINDS],
    intraProvinceSharing: false,
    crossProvinceSharing: false,
    beneficiaryMayInitiate: BENEFICIARY_MAY_INITIATE.has(province),
    confirmationRequired: true,
    requiredProofs: approveFirst ? { ...PROOFS_APPROVE_FIRST } : {},
    activationMode: approveFirst ? 'APPROVE_FIRST' : 'COMMIT_THEN_REVIEW',
    maxGiversPerBeneficiary: province === '44' ? 5 : null,
    maxBeneficiariesPerGiver: province === '44' ? 10 : null,
    singleFamilyNetwork: province === '14',
    allowedCategories: categories,
    commercialInsuranceMinBalanceFen: province === '44' ? 500000 : null,
    residentPremiumWindowStart: '09-01',
    residentPremiumWindowEnd: '12-31',
    residentPremiumFen: 40000,
    retireeMonthlyCreditFen: RETIREE_CREDIT_FEN[province] ?? 15000,
    employeeAccountRatePermille: 20,
    settlementMaxTotalFen: DEFAULT_SETTLEMENT_MAX_TOTAL_FEN,
    fraud: { ...DEFAULT_FRAUD_THRESHOLDS },
    wallet: { ...DEFAULT_WALLET_POLICY },
    accountWithdrawalAllowed: false,
  };
}

export interface PolicyStep {
  effectiveFrom: string;
  note: string;
  rules: PolicyRules;
}

/** The full policy history of one province, oldest first. */
export function policyHistory(province: string): PolicyStep[] {
  const steps: PolicyStep[] = [];
  let rules = baselineRules(province);
  steps.push({ effectiveFrom: '2021-07-01', note: '职工医保门诊共济保障机制：配偶、父母、子女 (spouse, parents, children)', rules });
  rules = { ...rules, intraProvinceSharing: true };
  steps.push({ effectiveFrom: '2024-11-01', note: '省内跨统筹区共济 (intra-province sharing)', rules });
  const stage = CROSS_PROVINCE_STAGES.find((s) => s.provinces.includes(province));
  const dec2024 = { ...rules, allowedRelationships: [...RELATIONSHIP_KINDS] };
  if (stage?.effectiveFrom === '2024-12-01') {
    steps.push({ effectiveFrom: '2024-12-01', note: `共济范围扩大至近亲属；${stage.note}`, rules: { ...dec2024, crossProvinceSharing: true } });
  } else {
    steps.push({ effectiveFrom: '2024-12-01', note: '共济范围扩大至近亲属 (all close relatives)', rules: dec2024 });
    if (stage) steps.push({ effectiveFrom: stage.effectiveFrom, note: stage.note, rules: { ...dec2024, crossProvinceSharing: true } });
  }
  return steps;
}

export async function seedRegions(em: EntityManager): Promise<void> {
  await em.insert(
    Province,
    PROVINCES.map((p) => ({ code: p.code, name: p.name, shortName: p.shortName, nameEn: p.nameEn })),
  );
  await em.insert(
    PoolingRegion,
    POOLING_REGIONS.map((r) => ({ code: r.code, name: r.name, provinceCode: r.provinceCode })),
  );
}

export async function seedPolicies(em: EntityManager, provinces: string[] = PROVINCES.map((p) => p.code)): Promise<void> {
  const rows: Partial<PolicyVersion>[] = [];
  for (const province of provinces) {
    policyHistory(province).forEach((step, i) =>
      rows.push({
        provinceCode: province,
        version: i + 1,
        effectiveFrom: step.effectiveFrom,
        rules: step.rules,
        note: step.note,
        createdById: null,
        createdByName: 'seed',
      }),
    );
  }
  for (let i = 0; i < rows.length; i += 200) await em.insert(PolicyVersion, rows.slice(i, i + 200));
}

/** Regions and policies: what every database, demo or test, starts from. */
export async function seedReference(em: EntityManager): Promise<void> {
  await seedRegions(em);
  await seedPolicies(em);
}
