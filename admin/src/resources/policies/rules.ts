import type { PolicyRules } from '@gongji/shared';

/** `rules` may arrive as an object (JSON scalar) or as a JSON string; anything else is null. */
export function parseRules(value: unknown): Partial<PolicyRules> | null {
  if (value == null) return null;
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Partial<PolicyRules>) : null;
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  // The API lists required proofs as [{ relationship, docTypes }]; the view wants a map.
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.requiredProofs)) {
    const map: Record<string, unknown> = {};
    for (const r of v.requiredProofs as Array<{ relationship: string; docTypes: string[] }>) map[r.relationship] = r.docTypes;
    return { ...(v as Partial<PolicyRules>), requiredProofs: map as PolicyRules['requiredProofs'] };
  }
  return v as Partial<PolicyRules>;
}

const RULE_KEYS: Array<keyof PolicyRules> = [
  'allowedRelationships',
  'intraProvinceSharing',
  'crossProvinceSharing',
  'beneficiaryMayInitiate',
  'confirmationRequired',
  'requiredProofs',
  'activationMode',
  'maxGiversPerBeneficiary',
  'maxBeneficiariesPerGiver',
  'singleFamilyNetwork',
  'allowedCategories',
  'commercialInsuranceMinBalanceFen',
  'residentPremiumWindowStart',
  'residentPremiumWindowEnd',
  'residentPremiumFen',
  'retireeMonthlyCreditFen',
  'employeeAccountRatePermille',
  'fraud',
];

const intOrNull = (v: unknown): number | null => (v === null || v === undefined || v === '' || Number.isNaN(Number(v)) ? null : Math.round(Number(v)));

/**
 * The editor's values → the API's PolicyRulesInput: required proofs as a list of
 * { relationship, docTypes } (relationships with none left out), empty caps as null, integers.
 */
export function rulesToInput(rules: Partial<PolicyRules>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of RULE_KEYS) out[k] = rules[k];
  const proofs = (rules.requiredProofs ?? {}) as Record<string, string[] | undefined>;
  out.requiredProofs = Object.entries(proofs)
    .filter(([, docs]) => Array.isArray(docs) && docs.length > 0)
    .map(([relationship, docTypes]) => ({ relationship, docTypes }));
  for (const k of ['maxGiversPerBeneficiary', 'maxBeneficiariesPerGiver', 'commercialInsuranceMinBalanceFen'] as const) out[k] = intOrNull(rules[k]);
  for (const k of ['residentPremiumFen', 'retireeMonthlyCreditFen', 'employeeAccountRatePermille'] as const) out[k] = intOrNull(rules[k]) ?? 0;
  const fraud: Record<string, number> = {};
  for (const [k, v] of Object.entries(rules.fraud ?? {})) fraud[k] = intOrNull(v) ?? 0;
  out.fraud = fraud;
  return out;
}

/** A path of policyDiff ("fraud.drainPercent", "requiredProofs.SPOUSE") → translation key and enum suffix. */
export function diffPathKey(path: string): { key: string; sub?: string } {
  const [head, tail] = path.split('.', 2);
  if (head === 'fraud' && tail) return { key: `gongji.policy.fraud.${tail}` };
  if (head === 'requiredProofs' && tail) return { key: 'gongji.policy.rules.requiredProofs', sub: tail };
  return { key: `gongji.policy.rules.${head}` };
}
