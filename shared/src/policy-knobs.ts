/**
 * The policy-knob catalogue: every knob of a regional policy version (PolicyRules) once, with its
 * type, unit, range, default, the rule it serves and its labels. It drives
 * - the server's validation of a new version (server/src/modules/policy: `policyKnobProblems`),
 * - the defaults filled into versions written before a knob existed (`withPolicyDefaults`),
 * - the dashboard's policy editor (one field per knob, ranges from here) and its read-only views.
 * Adding a knob: a row here, the field in PolicyRules (policy.ts) and in the GraphQL type
 * (policy.inputs.ts), the selection in admin/src/providers/documents.ts; tests fail until all four agree.
 */
import { ACTIVATION_MODES, CORE_RELATIONSHIP_KINDS, DOC_TYPES, NATIONAL_CATEGORIES, OPTIONAL_CATEGORIES, RELATIONSHIP_KINDS } from './enums';

export type KnobType =
  /** a whole number */
  | 'integer'
  /** money, integer fen (edited in yuan) */
  | 'fen'
  | 'boolean'
  /** MM-DD */
  | 'monthDay'
  /** Beijing wall clock HH:MM */
  | 'time'
  /** one of `choices` */
  | 'enum'
  /** a set of `choices` */
  | 'enumSet'
  /** relationship → accepted document types (E9) */
  | 'proofs';

export type KnobUnit = 'fen' | 'percent' | 'permille' | 'days' | 'minutes' | 'km' | 'kmh' | 'years' | 'count';
export type KnobGroup = 'sharing' | 'proofs' | 'limits' | 'payments' | 'wallet' | 'fraud';
export type KnobEnum = 'relationship' | 'category' | 'activationMode' | 'docType';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface PolicyKnob {
  /** Path in PolicyRules: `crossProvinceSharing`, `fraud.drainPercent`, `wallet.maxTransferFen`. */
  key: string;
  type: KnobType;
  unit?: KnobUnit;
  /** Inclusive range of numeric knobs (fen for money). */
  min?: number;
  max?: number;
  /** null is allowed and means "no cap" (caps) or "the default" (settlementMaxTotalFen). */
  nullable?: boolean;
  /** The value of a new province's first version, and of a knob missing from an older version. */
  default: unknown;
  /** The DOMAIN.md rule the knob parameterises. */
  rule: string;
  group: KnobGroup;
  /** Values of enum / enumSet knobs, and the enum their labels come from. */
  choices?: readonly string[];
  enumName?: KnobEnum;
  label: Bilingual;
  help?: Bilingual;
}

const b = (zh: string, en: string): Bilingual => ({ zh, en });
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export const POLICY_KNOBS: readonly PolicyKnob[] = [
  // --- sharing (E3, E7, E8, E9) ---
  { key: 'allowedRelationships', type: 'enumSet', choices: RELATIONSHIP_KINDS, enumName: 'relationship', default: [...CORE_RELATIONSHIP_KINDS], rule: 'E3', group: 'sharing',
    label: b('可绑定的近亲属关系', 'Relationships a giver may bind') },
  { key: 'intraProvinceSharing', type: 'boolean', default: false, rule: 'E7', group: 'sharing', label: b('省内跨统筹区共济', 'Sharing between regions of the province') },
  { key: 'crossProvinceSharing', type: 'boolean', default: false, rule: 'E7', group: 'sharing', label: b('跨省共济', 'Cross-province sharing'),
    help: b('双方省份都开通才可跨省共济', 'Both provinces must enable it') },
  { key: 'beneficiaryMayInitiate', type: 'boolean', default: false, rule: 'E8', group: 'sharing', label: b('被共济人可发起申请', 'Beneficiary may start a request') },
  { key: 'confirmationRequired', type: 'boolean', default: true, rule: 'E8', group: 'sharing', label: b('需对方确认', 'Other party must confirm') },
  { key: 'activationMode', type: 'enum', choices: ACTIVATION_MODES, enumName: 'activationMode', default: 'COMMIT_THEN_REVIEW', rule: 'E9', group: 'sharing',
    label: b('生效方式', 'Activation mode') },
  { key: 'requiredProofs', type: 'proofs', choices: DOC_TYPES, enumName: 'docType', default: {}, rule: 'E9', group: 'proofs', label: b('所需关系证明材料', 'Required relationship proofs'),
    help: b('任一所列材料即可；不选表示无需证明', 'Any one of the listed documents will do; none selected means no proof needed') },
  // --- limits (E4) ---
  { key: 'maxGiversPerBeneficiary', type: 'integer', unit: 'count', min: 1, max: 100, nullable: true, default: null, rule: 'E4', group: 'limits',
    label: b('每位被共济人的共济人上限', 'Max givers per beneficiary'), help: b('留空表示不限', 'Empty means no cap') },
  { key: 'maxBeneficiariesPerGiver', type: 'integer', unit: 'count', min: 1, max: 1000, nullable: true, default: null, rule: 'E4', group: 'limits',
    label: b('每位共济人的被共济人上限', 'Max beneficiaries per giver'), help: b('留空表示不限', 'Empty means no cap') },
  { key: 'singleFamilyNetwork', type: 'boolean', default: false, rule: 'E4', group: 'limits', label: b('每人只能属于一个家庭共济网', 'One family network per person') },
  // --- payments (S5, S13, S14, S15, C4) ---
  { key: 'allowedCategories', type: 'enumSet', choices: [...NATIONAL_CATEGORIES, ...OPTIONAL_CATEGORIES], enumName: 'category', default: [...NATIONAL_CATEGORIES], rule: 'S5', group: 'payments',
    label: b('可使用个人账户支付的范围', 'Categories payable from accounts') },
  { key: 'commercialInsuranceMinBalanceFen', type: 'fen', unit: 'fen', min: 0, max: 1_000_000_000, nullable: true, default: null, rule: 'S5', group: 'payments',
    label: b('购买商业健康保险的最低余额', 'Minimum balance for commercial insurance'), help: b('留空表示不限', 'Empty means no minimum') },
  { key: 'residentPremiumWindowStart', type: 'monthDay', default: '09-01', rule: 'S14', group: 'payments', label: b('居民医保缴费期开始（月-日）', 'Resident premium window start (MM-DD)') },
  { key: 'residentPremiumWindowEnd', type: 'monthDay', default: '12-31', rule: 'S14', group: 'payments', label: b('居民医保缴费期结束（月-日）', 'Resident premium window end (MM-DD)') },
  { key: 'residentPremiumFen', type: 'fen', unit: 'fen', min: 0, max: 10_000_000, default: 40_000, rule: 'S14', group: 'payments', label: b('居民医保年缴费额', 'Yearly resident premium') },
  { key: 'retireeMonthlyCreditFen', type: 'fen', unit: 'fen', min: 0, max: 10_000_000, default: 15_000, rule: 'S13', group: 'payments', label: b('退休人员每月定额划入', "Retirees' monthly credit") },
  { key: 'employeeAccountRatePermille', type: 'integer', unit: 'permille', min: 0, max: 200, default: 20, rule: 'S13', group: 'payments',
    label: b('在职职工划入比例（‰，以缴费基数计）', "In-service members' share of the contribution base (‰)") },
  { key: 'settlementMaxTotalFen', type: 'fen', unit: 'fen', min: 1, max: MAX_SAFE, nullable: true, default: 1_000_000_000, rule: 'S15', group: 'payments',
    label: b('单笔结算总额上限', 'Largest total of one settlement'), help: b('留空为默认 1000 万元', 'Empty means the default, 10,000,000 yuan') },
  { key: 'accountWithdrawalAllowed', type: 'boolean', nullable: true, default: false, rule: 'C4', group: 'payments', label: b('允许提取个人账户至本人银行账户', 'Members may withdraw the account to their own bank account') },
  // --- 医保钱包 (W1–W3) ---
  { key: 'wallet.enabled', type: 'boolean', default: true, rule: 'W1', group: 'wallet', label: b('开通医保钱包转账', 'Wallet transfers enabled'), help: b('转出与转入省份都须开通', "Both the sender's and the recipient's province must allow them") },
  { key: 'wallet.maxTransfersPerDay', type: 'integer', unit: 'count', min: 0, max: 100, default: 3, rule: 'W2', group: 'wallet', label: b('每人每日转账次数上限', 'Transfers per sender per day') },
  { key: 'wallet.maxTransferFen', type: 'fen', unit: 'fen', min: 1, max: 100_000_000, default: 200_000, rule: 'W2', group: 'wallet', label: b('单笔转账上限', 'Largest single transfer') },
  { key: 'wallet.quietFrom', type: 'time', default: '22:00', rule: 'W2', group: 'wallet', label: b('暂停转账开始（时:分）', 'Quiet period start (HH:MM)') },
  { key: 'wallet.quietUntil', type: 'time', default: '06:00', rule: 'W2', group: 'wallet', label: b('暂停转账结束（时:分）', 'Quiet period end (HH:MM)'), help: b('可跨午夜', 'May wrap midnight') },
  { key: 'wallet.acceptanceDays', type: 'integer', unit: 'days', min: 1, max: 90, default: 7, rule: 'W3', group: 'wallet', label: b('待接收天数（逾期退回）', 'Days to accept before the transfer returns') },
  // --- fund supervision thresholds (F3–F8) ---
  { key: 'fraud.travelWindowMinutes', type: 'integer', unit: 'minutes', min: 1, max: 1440, default: 120, rule: 'F3', group: 'fraud', label: b('异地就医时间窗（分钟）', 'Impossible-travel window (minutes)'),
    help: b('已停用，保留以便读取旧版本', 'Retired; kept so older versions read') },
  { key: 'fraud.travelDistanceKm', type: 'integer', unit: 'km', min: 1, max: 5000, default: 500, rule: 'F3', group: 'fraud', label: b('异地就医距离阈值（公里）', 'Impossible-travel distance (km)') },
  { key: 'fraud.maxTravelSpeedKmh', type: 'integer', unit: 'kmh', min: 50, max: 2000, default: 300, rule: 'F3', group: 'fraud', label: b('最快合理行程速度（公里/小时）', 'Fastest plausible travel (km/h)') },
  { key: 'fraud.institutionsPerDay', type: 'integer', unit: 'count', min: 2, max: 100, default: 5, rule: 'F3', group: 'fraud', label: b('单日就诊机构数', 'Institutions per day') },
  { key: 'fraud.pharmacyVisitsPerPeriod', type: 'integer', unit: 'count', min: 2, max: 1000, default: 12, rule: 'F5', group: 'fraud', label: b('周期内购药次数', 'Pharmacy purchases per period') },
  { key: 'fraud.pharmacyPeriodDays', type: 'integer', unit: 'days', min: 1, max: 365, default: 30, rule: 'F5', group: 'fraud', label: b('购药统计周期（天）', 'Pharmacy period (days)') },
  { key: 'fraud.pharmaciesPerDay', type: 'integer', unit: 'count', min: 2, max: 100, default: 4, rule: 'F5', group: 'fraud', label: b('单日购药药店数', 'Pharmacies per day') },
  { key: 'fraud.pharmacyPurchasesPerDay', type: 'integer', unit: 'count', min: 2, max: 100, default: 5, rule: 'F5', group: 'fraud', label: b('单日购药次数', 'Pharmacy purchases per day') },
  { key: 'fraud.sameDrugRepeats', type: 'integer', unit: 'count', min: 2, max: 1000, default: 6, rule: 'F5', group: 'fraud', label: b('同一药品重复购买次数', 'Same-drug repeats') },
  { key: 'fraud.drainPercent', type: 'integer', unit: 'percent', min: 1, max: 100, default: 80, rule: 'F6', group: 'fraud', label: b('新绑定后余额消耗比例（%）', 'Balance drained after a new binding (%)') },
  { key: 'fraud.drainWindowDays', type: 'integer', unit: 'days', min: 1, max: 365, default: 7, rule: 'F6', group: 'fraud', label: b('余额消耗统计天数', 'Drain window (days)') },
  { key: 'fraud.fanOutBeneficiaries', type: 'integer', unit: 'count', min: 2, max: 1000, default: 6, rule: 'F8', group: 'fraud', label: b('一人为多人支付的人数', 'Beneficiaries paid for by one giver') },
  { key: 'fraud.fanOutInstitutionPatients', type: 'integer', unit: 'count', min: 2, max: 1000, default: 4, rule: 'F8', group: 'fraud', label: b('同一机构同一共济人下的患者数', 'Patients of one institution on one giver') },
  { key: 'fraud.fanOutWindowDays', type: 'integer', unit: 'days', min: 1, max: 365, default: 30, rule: 'F8', group: 'fraud', label: b('多人支付统计天数', 'Fan-out window (days)') },
  { key: 'fraud.householdSpouses', type: 'integer', unit: 'count', min: 0, max: 4, default: 1, rule: 'F8', group: 'fraud', label: b('不计入多人支付的配偶人数', 'Spouses not counted as fan-out') },
  { key: 'fraud.householdParents', type: 'integer', unit: 'count', min: 0, max: 4, default: 2, rule: 'F8', group: 'fraud', label: b('不计入多人支付的父母人数', 'Parents not counted as fan-out') },
  { key: 'fraud.householdDescendants', type: 'integer', unit: 'count', min: 0, max: 20, default: 4, rule: 'F8', group: 'fraud', label: b('不计入多人支付的子女及孙子女人数', 'Children and grandchildren not counted as fan-out') },
  { key: 'fraud.bindingMismatchAttempts', type: 'integer', unit: 'count', min: 1, max: 100, default: 3, rule: 'F7', group: 'fraud', label: b('30 天内绑定信息不符次数', 'Failed binding attempts in 30 days') },
  { key: 'fraud.maternityMinAge', type: 'integer', unit: 'years', min: 10, max: 30, default: 14, rule: 'F4', group: 'fraud', label: b('生育类结算最低合理年龄', 'Youngest plausible maternity age') },
  { key: 'fraud.maternityMaxAge', type: 'integer', unit: 'years', min: 35, max: 70, default: 55, rule: 'F4', group: 'fraud', label: b('生育类结算最高合理年龄', 'Oldest plausible maternity age') },
];

export const POLICY_KNOB_BY_KEY: ReadonlyMap<string, PolicyKnob> = new Map(POLICY_KNOBS.map((k) => [k.key, k]));

/** The order the editor and the views show the groups in. */
export const KNOB_GROUPS: readonly KnobGroup[] = ['sharing', 'proofs', 'limits', 'payments', 'wallet', 'fraud'];

export function knobsOf(group: KnobGroup): PolicyKnob[] {
  return POLICY_KNOBS.filter((k) => k.group === group);
}

/** The value at a knob's path (`fraud.drainPercent`) in a rules object. */
export function knobValue(rules: unknown, key: string): unknown {
  let node: unknown = rules;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The defaults of the knobs under a prefix (`fraud`, `wallet`) as one object. */
export function knobDefaults(prefix: 'fraud' | 'wallet'): Record<string, unknown> {
  return Object.fromEntries(POLICY_KNOBS.filter((k) => k.key.startsWith(`${prefix}.`)).map((k) => [k.key.slice(prefix.length + 1), k.default]));
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface KnobProblem {
  knob: PolicyKnob;
  value: unknown;
  /** range: a number outside [min, max]; type: not a value of the knob's type (wrong kind, bad format, unknown choice). */
  kind: 'range' | 'type';
}

/** One knob's value against the catalogue; null when it is fine. */
export function knobProblem(knob: PolicyKnob, value: unknown): KnobProblem | null {
  const bad = (kind: KnobProblem['kind']): KnobProblem => ({ knob, value, kind });
  if (value === null || value === undefined) return knob.nullable ? null : bad('type');
  switch (knob.type) {
    case 'integer':
    case 'fen':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return bad('type');
      if ((knob.min !== undefined && value < knob.min) || (knob.max !== undefined && value > knob.max)) return bad('range');
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : bad('type');
    case 'monthDay':
      return typeof value === 'string' && MONTH_DAY.test(value) ? null : bad('type');
    case 'time':
      return typeof value === 'string' && HH_MM.test(value) ? null : bad('type');
    case 'enum':
      return typeof value === 'string' && knob.choices!.includes(value) ? null : bad('type');
    case 'enumSet':
      return Array.isArray(value) && value.every((v) => knob.choices!.includes(v)) ? null : bad('type');
    case 'proofs':
      return value && typeof value === 'object' && Object.values(value).every((docs) => Array.isArray(docs) && docs.every((d) => knob.choices!.includes(d))) ? null : bad('type');
  }
}

/** Every knob of a rules object checked against the catalogue, in catalogue order. */
export function policyKnobProblems(rules: unknown): KnobProblem[] {
  return POLICY_KNOBS.map((k) => knobProblem(k, knobValue(rules, k.key))).filter((p): p is KnobProblem => p !== null);
}

/** Text of a knob's range in its unit (money in yuan): "1–100 %", "0–100,000.00 元". */
export function knobRangeText(knob: PolicyKnob, locale: 'zh' | 'en'): string {
  if (knob.min === undefined && knob.max === undefined) return '';
  const fmt = (n: number | undefined) =>
    n === undefined ? '' : knob.type === 'fen' ? (n / 100).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : n.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US');
  const unit = knob.unit ? KNOB_UNIT_LABELS[knob.unit][locale] : '';
  const range = knob.max === undefined || knob.max === MAX_SAFE ? `≥ ${fmt(knob.min)}` : `${fmt(knob.min)}–${fmt(knob.max)}`;
  return unit ? `${range} ${unit}` : range;
}

export const KNOB_UNIT_LABELS: Record<KnobUnit, Bilingual> = {
  fen: b('元', 'yuan'),
  percent: b('%', '%'),
  permille: b('‰', '‰'),
  days: b('天', 'days'),
  minutes: b('分钟', 'minutes'),
  km: b('公里', 'km'),
  kmh: b('公里/小时', 'km/h'),
  years: b('岁', 'years'),
  count: b('', ''),
};

/** A rules object with every knob at its default (the catalogue's first version for a new province). */
export function defaultPolicyRules(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of POLICY_KNOBS) {
    const parts = k.key.split('.');
    let node = out;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = structuredClone(k.default);
  }
  return out;
}
