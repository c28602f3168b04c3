/** Domain enums shared by server and admin. Values are the wire values in GraphQL and the database. */

/** 近亲属 — the relationship of the beneficiary to the giver, seen from the giver's side. */
export const RELATIONSHIP_KINDS = [
  'SPOUSE',
  'PARENT',
  'CHILD',
  'SIBLING',
  'PATERNAL_GRANDPARENT',
  'MATERNAL_GRANDPARENT',
  'GRANDCHILD_VIA_SON',
  'GRANDCHILD_VIA_DAUGHTER',
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** The three kinds allowed 2021–2024 (spouse, parents, children). */
export const CORE_RELATIONSHIP_KINDS: RelationshipKind[] = ['SPOUSE', 'PARENT', 'CHILD'];

export const SCHEMES = ['EMPLOYEE', 'RESIDENT', 'NONE'] as const;
export type Scheme = (typeof SCHEMES)[number];
/** National insutype codes (310 职工, 390 居民). */
export const SCHEME_INSUTYPE: Record<Scheme, string | null> = { EMPLOYEE: '310', RESIDENT: '390', NONE: null };

export const MEMBER_STATUSES = ['ACTIVE', 'SUSPENDED', 'DECEASED', 'TERMINATED'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const SEXES = ['MALE', 'FEMALE'] as const;
export type Sex = (typeof SEXES)[number];

export const BINDING_KINDS = ['MUTUAL_AID', 'PROXY'] as const;
export type BindingKind = (typeof BINDING_KINDS)[number];

export const BINDING_STATES = ['PENDING', 'ACTIVE', 'REJECTED', 'REVOKED', 'SUSPENDED', 'TERMINATED'] as const;
export type BindingState = (typeof BINDING_STATES)[number];
/** States in which a binding is "live" (E4: only one live binding of a kind per pair). */
export const LIVE_BINDING_STATES: BindingState[] = ['PENDING', 'ACTIVE', 'SUSPENDED'];

export const INITIATORS = ['GIVER', 'BENEFICIARY'] as const;
export type Initiator = (typeof INITIATORS)[number];

export const ACTIVATION_MODES = ['APPROVE_FIRST', 'COMMIT_THEN_REVIEW'] as const;
export type ActivationMode = (typeof ACTIVATION_MODES)[number];

export const DOC_TYPES = ['HOUSEHOLD_REGISTER', 'MARRIAGE_CERTIFICATE', 'BIRTH_CERTIFICATE', 'ID_CARD', 'OTHER'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const PROOF_REVIEW_STATES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ProofReviewState = (typeof PROOF_REVIEW_STATES)[number];

/** Settlement categories (S5). */
export const CATEGORIES = [
  'INPATIENT',
  'OUTPATIENT',
  'SPECIAL_OUTPATIENT',
  'MATERNITY',
  'PHARMACY',
  'RESIDENT_PREMIUM',
  'LONG_TERM_CARE_PREMIUM',
  'VACCINE',
  'PHYSICAL_EXAM',
  'COMMERCIAL_HEALTH_INSURANCE',
  'COSMETIC',
  'HEALTH_SUPPLEMENT',
  'FITNESS',
  'PUBLIC_HEALTH',
  'TREATMENT_ABROAD',
  'THIRD_PARTY_LIABILITY',
] as const;
export type Category = (typeof CATEGORIES)[number];
/** Allowed everywhere (S5). */
export const NATIONAL_CATEGORIES: Category[] = [
  'INPATIENT',
  'OUTPATIENT',
  'SPECIAL_OUTPATIENT',
  'MATERNITY',
  'PHARMACY',
  'RESIDENT_PREMIUM',
  'LONG_TERM_CARE_PREMIUM',
];
/** Allowed only where the region policy says so (S5). */
export const OPTIONAL_CATEGORIES: Category[] = ['VACCINE', 'PHYSICAL_EXAM', 'COMMERCIAL_HEALTH_INSURANCE'];
/** Never paid from accounts (S5). */
export const FORBIDDEN_CATEGORIES: Category[] = [
  'COSMETIC',
  'HEALTH_SUPPLEMENT',
  'FITNESS',
  'PUBLIC_HEALTH',
  'TREATMENT_ABROAD',
  'THIRD_PARTY_LIABILITY',
];

/** mdtrt_cert_type: 01 医保电子凭证, 02 身份证, 03 社保卡. */
export const CREDENTIAL_TYPES = ['01', '02', '03'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export const INSTITUTION_KINDS = ['HOSPITAL', 'PHARMACY'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const STAFF_ROLES = ['CASEWORKER', 'FRAUD_ANALYST', 'REGIONAL_ADMIN', 'AUDITOR'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Fine-grained staff permissions on top of roles. */
export const STAFF_PERMISSIONS = ['REVEAL_PII'] as const;
export type StaffPermission = (typeof STAFF_PERMISSIONS)[number];

export const FRAUD_RULES = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9'] as const;
export type FraudRule = (typeof FRAUD_RULES)[number];

export const LEDGER_DIRECTIONS = ['CREDIT', 'DEBIT'] as const;
export type LedgerDirection = (typeof LEDGER_DIRECTIONS)[number];

export const LEDGER_CAUSES = [
  'OPENING_BALANCE',
  'MONTHLY_CONTRIBUTION',
  'RETIREE_CREDIT',
  'SETTLEMENT',
  'REVERSAL',
  'RESIDENT_PREMIUM',
  'ADJUSTMENT',
  /** C1/C2: the balance of a closed account moved to the pending payment (heirs, or the member who left). */
  'CLOSURE',
  /** C3: 转移接续 between pooling regions. */
  'TRANSFER_OUT',
  'TRANSFER_IN',
  /** C4: withdrawal to the member's own bank account. */
  'WITHDRAWAL',
  /** W3: 医保钱包 transfers — sent (sender's account), accepted (recipient's wallet), returned (sender's account). */
  'WALLET_SEND',
  'WALLET_ACCEPT',
  'WALLET_RETURN',
  /** C1: a fee owed to the fund (应收未收, account_charge) settled from the balance before it leaves. */
  'FEE',
] as const;
export type LedgerCause = (typeof LEDGER_CAUSES)[number];

/** C1: what a personal account owes the fund (应收未收). */
export const CHARGE_KINDS = ['FRAUD_RECOVERY', 'OTHER'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];
export const CHARGE_STATES = ['OPEN', 'PAID', 'WAIVED'] as const;
export type ChargeState = (typeof CHARGE_STATES)[number];
