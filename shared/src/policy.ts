/** The shape of one regional policy version: every knob DOMAIN.md names. Stored as JSON per version. */
import type { ActivationMode, Category, DocType, RelationshipKind } from './enums';
import { knobDefaults, POLICY_KNOB_BY_KEY } from './policy-knobs';

export interface FraudThresholds {
  /** F3 (retired): the fixed travel window of the old rule; kept so stored versions read. F3 now judges speed. */
  travelWindowMinutes: number;
  /** F3: places at least this far apart (km) are judged by speed. */
  travelDistanceKm: number;
  /** F3: consecutive settlements whose distance / time gap exceeds this speed (km/h) are impossible travel. */
  maxTravelSpeedKmh: number;
  /** F3: settlements at this many distinct institutions on one day. */
  institutionsPerDay: number;
  /** F5: this many pharmacy purchases within `pharmacyPeriodDays`. */
  pharmacyVisitsPerPeriod: number;
  pharmacyPeriodDays: number;
  /** F5: this many distinct pharmacies on one day. */
  pharmaciesPerDay: number;
  /** F5: this many pharmacy purchases on one day (at any pharmacies). */
  pharmacyPurchasesPerDay: number;
  /** F5: the same drug code bought this many times within the period. */
  sameDrugRepeats: number;
  /** F6: at least this percentage of the giver's balance spent within `drainWindowDays` of a new binding. */
  drainPercent: number;
  drainWindowDays: number;
  /** F8: one giver paying for this many distinct beneficiaries within `fanOutWindowDays`. */
  fanOutBeneficiaries: number;
  /** F8: one institution settling this many distinct patients against the same giver within the window. */
  fanOutInstitutionPatients: number;
  fanOutWindowDays: number;
  /** F8: the household a giver may pay for without counting towards fan-out: spouses, parents, children/grandchildren. */
  householdSpouses: number;
  householdParents: number;
  householdDescendants: number;
  /** F7: this many failed binding attempts with wrong data by one member within 30 days. */
  bindingMismatchAttempts: number;
  /** F4: a maternity settlement for a woman younger or older than this (years, at treatment) is a mismatch. */
  maternityMinAge: number;
  maternityMaxAge: number;
}

export interface PolicyRules {
  /** E3: relationship kinds a giver of this province may bind. */
  allowedRelationships: RelationshipKind[];
  /** E7: sharing between pooling regions of this province. */
  intraProvinceSharing: boolean;
  /** E7: sharing with other provinces (both sides must enable it). */
  crossProvinceSharing: boolean;
  /** E8: may the beneficiary start a binding request? */
  beneficiaryMayInitiate: boolean;
  /** E8: must the other party confirm a request? */
  confirmationRequired: boolean;
  /** E9: proofs required per relationship: any one of the listed document types satisfies it; [] = none. */
  requiredProofs: Partial<Record<RelationshipKind, DocType[]>>;
  /** E9: APPROVE_FIRST (caseworker approves before activation) or COMMIT_THEN_REVIEW (告知承诺制). */
  activationMode: ActivationMode;
  /** E4: caps (null = no cap). */
  maxGiversPerBeneficiary: number | null;
  maxBeneficiariesPerGiver: number | null;
  /** E4: a person may belong to only one family network (be a giver or a beneficiary, not both). */
  singleFamilyNetwork: boolean;
  /** S5: categories payable from accounts in this province. */
  allowedCategories: Category[];
  /** S5: commercial health insurance only while the giver's balance is at least this much (fen). */
  commercialInsuranceMinBalanceFen: number | null;
  /** S14: resident-premium collection window (MM-DD, inclusive) and the yearly amount in fen. */
  residentPremiumWindowStart: string;
  residentPremiumWindowEnd: string;
  residentPremiumFen: number;
  /** S13: retirees' fixed monthly credit (fen) and in-service members' share of the contribution base (permille). */
  retireeMonthlyCreditFen: number;
  employeeAccountRatePermille: number;
  /** S15: the largest total (fen) one settlement may have (default 10,000,000 yuan). */
  settlementMaxTotalFen: number;
  /** F3–F8 thresholds. */
  fraud: FraudThresholds;
  /** W1–W4: 医保钱包 transfers. */
  wallet: WalletPolicy;
  /** C4: may a member withdraw the personal account to their own bank account (e.g. on settling abroad)? */
  accountWithdrawalAllowed: boolean;
}

/** S15's default ceiling: 10,000,000 yuan in fen (from the knob catalogue). */
export const DEFAULT_SETTLEMENT_MAX_TOTAL_FEN = POLICY_KNOB_BY_KEY.get('settlementMaxTotalFen')!.default as number;

/** W1–W4 knobs. Times are Beijing wall-clock HH:MM; the quiet period may wrap midnight. */
export interface WalletPolicy {
  /** W1: wallet transfers allowed (both the sender's and the recipient's province must allow them). */
  enabled: boolean;
  /** W2: transfers a sender may make per Beijing day. */
  maxTransfersPerDay: number;
  /** W2: largest single transfer, fen. */
  maxTransferFen: number;
  /** W2: no transfers from quietFrom until quietUntil. */
  quietFrom: string;
  quietUntil: string;
  /** W3: days a transfer waits for the recipient before it returns to the sender. */
  acceptanceDays: number;
}

/** Defaults of the wallet and fraud knobs, from the knob catalogue (policy-knobs.ts). */
export const DEFAULT_WALLET_POLICY = knobDefaults('wallet') as unknown as WalletPolicy;
export const DEFAULT_FRAUD_THRESHOLDS = knobDefaults('fraud') as unknown as FraudThresholds;

/**
 * Rules as stored, completed with defaults for knobs added after a version was written, so every
 * reader sees every knob (a version keeps meaning what it meant; only missing knobs are filled in).
 */
export function withPolicyDefaults(rules: PolicyRules): PolicyRules {
  if (!rules || typeof rules !== 'object') return rules;
  return {
    ...rules,
    settlementMaxTotalFen: rules.settlementMaxTotalFen ?? DEFAULT_SETTLEMENT_MAX_TOTAL_FEN,
    fraud: { ...DEFAULT_FRAUD_THRESHOLDS, ...(rules.fraud ?? {}) },
    wallet: { ...DEFAULT_WALLET_POLICY, ...(rules.wallet ?? {}) },
    accountWithdrawalAllowed: rules.accountWithdrawalAllowed ?? false,
  };
}


export interface PolicyChange {
  path: string;
  before: string | null;
  after: string | null;
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const k of Object.keys(value as Record<string, unknown>).sort())
      flatten((value as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  if (Array.isArray(value)) {
    out.set(prefix, JSON.stringify([...value].map(String).sort()));
    return;
  }
  out.set(prefix, JSON.stringify(value ?? null));
}

/** Field-by-field difference between two policy versions (arrays compared as sets). */
export function diffPolicyRules(before: Partial<PolicyRules> | null, after: Partial<PolicyRules>): PolicyChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before ?? {}, '', a);
  flatten(after, '', b);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: PolicyChange[] = [];
  for (const k of keys) {
    const x = a.get(k) ?? null;
    const y = b.get(k) ?? null;
    if (x !== y) changes.push({ path: k, before: x, after: y });
  }
  return changes;
}
