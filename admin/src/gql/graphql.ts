/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ActivationMode =
  | 'APPROVE_FIRST'
  | 'COMMIT_THEN_REVIEW';

export type ActorKind =
  | 'INSTITUTION'
  | 'MEMBER'
  | 'STAFF'
  | 'SYSTEM';

export type AuditFilter = {
  /** Action prefix, e.g. "binding." or "member.reveal". */
  action?: string | null | undefined;
  actorName?: string | null | undefined;
  entityId?: string | null | undefined;
  entityType?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
};

export type BindingFilter = {
  beneficiaryId?: number | null | undefined;
  createdFrom?: string | null | undefined;
  createdTo?: string | null | undefined;
  giverId?: number | null | undefined;
  ids?: Array<number> | null | undefined;
  kind?: BindingKind | null | undefined;
  /** Either party. */
  memberId?: number | null | undefined;
  /** 2 or 6 digits; matches either party. */
  region?: string | null | undefined;
  relationship?: RelationshipKind | null | undefined;
  state?: BindingState | null | undefined;
};

export type BindingKind =
  | 'MUTUAL_AID'
  | 'PROXY';

export type BindingState =
  | 'ACTIVE'
  | 'PENDING'
  | 'REJECTED'
  | 'REVOKED'
  | 'SUSPENDED'
  | 'TERMINATED';

export type Category =
  | 'COMMERCIAL_HEALTH_INSURANCE'
  | 'COSMETIC'
  | 'FITNESS'
  | 'HEALTH_SUPPLEMENT'
  | 'INPATIENT'
  | 'LONG_TERM_CARE_PREMIUM'
  | 'MATERNITY'
  | 'OUTPATIENT'
  | 'PHARMACY'
  | 'PHYSICAL_EXAM'
  | 'PUBLIC_HEALTH'
  | 'RESIDENT_PREMIUM'
  | 'SPECIAL_OUTPATIENT'
  | 'THIRD_PARTY_LIABILITY'
  | 'TREATMENT_ABROAD'
  | 'VACCINE';

export type ChangePasswordInput = {
  currentPassword: string;
  /** At least 12 characters, 3 of: lower case, upper case, digits, symbols. */
  newPassword: string;
};

/** FRAUD_RECOVERY: money a confirmed fraud case should recover; OTHER: recorded by a caseworker with a reason. */
export type ChargeKind =
  | 'FRAUD_RECOVERY'
  | 'OTHER';

/** OPEN (owed, or partly paid) → PAID (settled at closure, C1) or WAIVED (by a caseworker, with a reason). */
export type ChargeState =
  | 'OPEN'
  | 'PAID'
  | 'WAIVED';

export type ClosureFilter = {
  /** DEATH, EXIT or TRANSFER. */
  cause?: string | null | undefined;
  memberId?: number | null | undefined;
  /** PENDING_PAYMENT, PAID, AWAITING_ACCEPTANCE or COMPLETED. */
  state?: string | null | undefined;
};

/** Confirm a case (INVESTIGATING → CONFIRMED) with any combination of sanctions. */
export type ConfirmFraudCaseInput = {
  caseId: number;
  /** The amount involved for the fine; default: the account money of the settlements linked to the case. */
  fineBaseFen?: number | null | undefined;
  /** Record a fine of 2–5 × the amount involved. */
  fineMultiplier?: number | null | undefined;
  reason: string;
  /** Recover every settlement linked to the case that is not yet reversed (with recoverSettlementIds, the union). */
  recoverAll?: boolean | null | undefined;
  /** Recover the money by fully reversing these settlements (S9); each must be linked to the case. */
  recoverSettlementIds?: Array<number> | null | undefined;
  /** Suspend these bindings (L1); each must be linked to the case. */
  suspendBindingIds?: Array<number> | null | undefined;
  /** Suspend the subject member's network settlement for 3–12 months (S10). */
  suspendMemberMonths?: number | null | undefined;
};

/** R1: correct a member’s name or contact data (staff, in scope, audited). */
export type CorrectMemberInput = {
  contributionBaseFen?: number | null | undefined;
  memberId: number;
  name?: string | null | undefined;
  phone?: string | null | undefined;
  reason: string;
};

export type CreatePolicyVersionInput = {
  /** The version the edit started from. When given it must be the version in force on effectiveFrom (scheduled ones included), else STALE_POLICY_BASE. */
  basedOnVersionId?: number | null | undefined;
  /** YYYY-MM-DD, today or later (history is never rewritten). */
  effectiveFrom: string;
  note: string;
  provinceCode: string;
  rules: PolicyRulesInput;
};

export type DocType =
  | 'BIRTH_CERTIFICATE'
  | 'HOUSEHOLD_REGISTER'
  | 'ID_CARD'
  | 'MARRIAGE_CERTIFICATE'
  | 'OTHER';

/** F9: flag exactly one settlement, member or binding. */
export type FlagFraudInput = {
  bindingId?: number | null | undefined;
  memberId?: number | null | undefined;
  /** e.g. "举报：冒用他人医保卡" (tip-off: impersonation) */
  reason: string;
  score?: number | null | undefined;
  settlementId?: number | null | undefined;
};

export type FraudCaseFilter = {
  assigneeId?: number | null | undefined;
  minScore?: number | null | undefined;
  /** A province (2 digits) or pooling region (6 digits); matches either region of the case. */
  regionCode?: string | null | undefined;
  /** Cases that include this rule. */
  rule?: FraudRule | null | undefined;
  state?: FraudCaseState | null | undefined;
  /** Any of these states. */
  states?: Array<FraudCaseState> | null | undefined;
  subjectId?: number | null | undefined;
  subjectType?: FraudCaseSubject | null | undefined;
};

/** OPEN → INVESTIGATING → CONFIRMED | DISMISSED */
export type FraudCaseState =
  | 'CONFIRMED'
  | 'DISMISSED'
  | 'INVESTIGATING'
  | 'OPEN';

export type FraudCaseSubject =
  | 'BINDING'
  | 'INSTITUTION'
  | 'MEMBER';

export type FraudRule =
  | 'F1'
  | 'F2'
  | 'F3'
  | 'F4'
  | 'F5'
  | 'F6'
  | 'F7'
  | 'F8'
  | 'F9';

export type FraudSanctionKind =
  | 'FINE'
  | 'RECOVER'
  | 'SUSPEND_BINDING'
  | 'SUSPEND_MEMBER';

export type FraudThresholdsInput = {
  /** F7: failed binding attempts in 30 days */
  bindingMismatchAttempts: number;
  /** F6: percent of the balance spent after a new binding */
  drainPercent: number;
  /** F6: days after the binding */
  drainWindowDays: number;
  /** F8: beneficiaries paid for by one giver */
  fanOutBeneficiaries: number;
  /** F8: patients one institution settles against one giver */
  fanOutInstitutionPatients: number;
  /** F8: window, days */
  fanOutWindowDays: number;
  /** F8: children and grandchildren a giver pays for without counting as fan-out */
  householdDescendants?: number;
  /** F8: parents a giver pays for without counting as fan-out */
  householdParents?: number;
  /** F8: spouses a giver pays for without counting as fan-out */
  householdSpouses?: number;
  /** F3: distinct institutions on one day */
  institutionsPerDay: number;
  /** F4: oldest plausible age for a maternity settlement */
  maternityMaxAge: number;
  /** F4: youngest plausible age for a maternity settlement */
  maternityMinAge: number;
  /** F3: fastest plausible travel between two settlements, km/h */
  maxTravelSpeedKmh?: number;
  /** F5: distinct pharmacies on one day */
  pharmaciesPerDay: number;
  /** F5: period, days */
  pharmacyPeriodDays: number;
  /** F5: pharmacy purchases on one day */
  pharmacyPurchasesPerDay?: number;
  /** F5: pharmacy purchases per period */
  pharmacyVisitsPerPeriod: number;
  /** F5: same drug bought this many times in the period */
  sameDrugRepeats: number;
  /** F3: places at least this far apart are judged by speed, km */
  travelDistanceKm: number;
  /** F3 (retired, kept for stored versions): the old fixed travel window, minutes */
  travelWindowMinutes: number;
};

/** C2: the caseworker’s decision on a closed account’s pending payment. */
export type HeirPaymentInput = {
  closureId: number;
  /** Document references (死亡证明编号, 继承公证书 …). */
  documents: Array<string>;
  reason: string;
  /** Shares that add up exactly to the pending amount. */
  shares: Array<PaymentShareInput>;
};

export type Initiator =
  | 'BENEFICIARY'
  | 'GIVER';

export type InstitutionFilter = {
  active?: boolean | null | undefined;
  code?: string | null | undefined;
  ids?: Array<number> | null | undefined;
  kind?: InstitutionKind | null | undefined;
  /** Name contains. */
  name?: string | null | undefined;
  /** 2 or 6 digits. */
  region?: string | null | undefined;
};

export type InstitutionKind =
  | 'HOSPITAL'
  | 'PHARMACY';

export type MemberEventInput = {
  /** YYYY-MM-DD */
  date: string;
  memberId: number;
  reason: string;
};

export type MemberFilter = {
  /** Exact ID number, 18 characters or the old 15-digit form (R3: both find the member). Audited (A4). */
  idNumber?: string | null | undefined;
  ids?: Array<number> | null | undefined;
  /** Name prefix (1–50 characters; % and _ match themselves). Audited (A4). */
  name?: string | null | undefined;
  /** A 2-digit province or 6-digit pooling region. */
  region?: string | null | undefined;
  scheme?: Scheme | null | undefined;
  status?: MemberStatus | null | undefined;
};

/** A change pushed from the insurance registry. */
export type MemberRegistryUpdateInput = {
  /** R2: the date of the change (YYYY-MM-DD), recorded in the audit log. */
  date?: string | null | undefined;
  insuredRegion?: string | null | undefined;
  memberId: number;
  reason: string;
  retired?: boolean | null | undefined;
  scheme?: Scheme | null | undefined;
};

export type MemberStatus =
  | 'ACTIVE'
  | 'DECEASED'
  | 'SUSPENDED'
  | 'TERMINATED';

/** C2: one share, to a named bank account. */
export type PaymentShareInput = {
  amountFen: number;
  /** Bank account number (8–30 digits); shown masked afterwards. */
  bankAccount: string;
  payeeName: string;
};

export type PolicyRulesInput = {
  /** C4 (default false) */
  accountWithdrawalAllowed?: boolean | null | undefined;
  /** E9 */
  activationMode: ActivationMode;
  /** S5 */
  allowedCategories: Array<Category>;
  /** E3 */
  allowedRelationships: Array<RelationshipKind>;
  /** E8 */
  beneficiaryMayInitiate: boolean;
  /** S5 */
  commercialInsuranceMinBalanceFen?: number | null | undefined;
  /** E8 */
  confirmationRequired: boolean;
  /** E7 */
  crossProvinceSharing: boolean;
  /** S13, permille of the contribution base */
  employeeAccountRatePermille: number;
  /** F3–F8 */
  fraud: FraudThresholdsInput;
  /** E7 */
  intraProvinceSharing: boolean;
  /** E4 */
  maxBeneficiariesPerGiver?: number | null | undefined;
  /** E4 */
  maxGiversPerBeneficiary?: number | null | undefined;
  /** E9 */
  requiredProofs: Array<RequiredProofInput>;
  /** S14 */
  residentPremiumFen: number;
  /** S14, MM-DD */
  residentPremiumWindowEnd: string;
  /** S14, MM-DD */
  residentPremiumWindowStart: string;
  /** S13 */
  retireeMonthlyCreditFen: number;
  /** S15: the largest total (fen) of one settlement; omitted = the default, 10,000,000 yuan */
  settlementMaxTotalFen?: number | null | undefined;
  /** E4 */
  singleFamilyNetwork: boolean;
  /** W1–W3 (defaults when omitted) */
  wallet?: WalletPolicyInput | null | undefined;
};

export type PolicyVersionFilter = {
  /** Only the version in force on this date, one per province. */
  effectiveOn?: string | null | undefined;
  ids?: Array<number> | null | undefined;
  provinceCode?: string | null | undefined;
};

export type ProofFilter = {
  bindingId?: number | null | undefined;
  docType?: DocType | null | undefined;
  ids?: Array<number> | null | undefined;
  /** 2 or 6 digits; either party of the binding. */
  region?: string | null | undefined;
  relationship?: RelationshipKind | null | undefined;
  reviewState?: ProofReviewState | null | undefined;
};

export type ProofReviewState =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

/** C1: record an amount the member’s personal account owes the fund (应收未收). */
export type RecordChargeInput = {
  /** Fen, > 0 (checked by the service: C1 CHARGE_AMOUNT_NOT_POSITIVE). */
  amountFen: number;
  /** A document reference (决定书编号 …). */
  documentRef?: string | null | undefined;
  /** FRAUD_RECOVERY: the confirmed fraud case of this member. */
  fraudCaseId?: number | null | undefined;
  kind: ChargeKind;
  memberId: number;
  reason: string;
};

/** 近亲属: the beneficiary seen from the giver */
export type RelationshipKind =
  | 'CHILD'
  | 'GRANDCHILD_VIA_DAUGHTER'
  | 'GRANDCHILD_VIA_SON'
  | 'MATERNAL_GRANDPARENT'
  | 'PARENT'
  | 'PATERNAL_GRANDPARENT'
  | 'SIBLING'
  | 'SPOUSE';

export type RequiredProofInput = {
  /** Any one of these satisfies the requirement; [] means none needed. */
  docTypes: Array<DocType>;
  relationship: RelationshipKind;
};

export type ReviewDecision =
  | 'APPROVE'
  | 'REJECT';

export type Scheme =
  | 'EMPLOYEE'
  | 'NONE'
  | 'RESIDENT';

export type SettlementFilter = {
  category?: Category | null | undefined;
  from?: string | null | undefined;
  institutionId?: number | null | undefined;
  memberId?: number | null | undefined;
  /** Place of treatment or patient region: 2 or 6 digits. */
  region?: string | null | undefined;
  serialNo?: string | null | undefined;
  to?: string | null | undefined;
};

export type Sex =
  | 'FEMALE'
  | 'MALE';

export type SortOrder =
  | 'ASC'
  | 'DESC';

/** Filter of the staff accounts list (A1); always within the caller’s scope. */
export type StaffFilter = {
  active?: boolean | null | undefined;
  role?: StaffRole | null | undefined;
  /** Accounts scoped to this province or pooling region (or inside it). */
  scope?: string | null | undefined;
  /** Part of the username or display name. */
  search?: string | null | undefined;
};

export type StaffLoginInput = {
  password: string;
  username: string;
};

export type StaffPermission =
  | 'REVEAL_PII';

export type StaffRole =
  | 'AUDITOR'
  | 'CASEWORKER'
  | 'FRAUD_ANALYST'
  | 'REGIONAL_ADMIN';

/** C1: waive an open charge, with a reason. */
export type WaiveChargeInput = {
  chargeId: number;
  reason: string;
};

export type WalletPolicyInput = {
  /** W3: days to accept before the transfer returns */
  acceptanceDays: number;
  /** W1: wallet transfers allowed */
  enabled: boolean;
  /** W2: largest single transfer, fen */
  maxTransferFen: number;
  /** W2: transfers per sender per Beijing day */
  maxTransfersPerDay: number;
  /** W2: quiet period start, Beijing HH:MM */
  quietFrom: string;
  /** W2: quiet period end, Beijing HH:MM */
  quietUntil: string;
};

export type Admin_ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type Admin_ChangePasswordMutation = { changePassword: boolean };

export type Admin_LoginMutationVariables = Exact<{
  input: StaffLoginInput;
}>;


export type Admin_LoginMutation = { login: { token: string, expiresAt: string, mustChangePassword: boolean, staff: { id: number, username: string, displayName: string, roles: Array<StaffRole>, permissions: Array<StaffPermission>, scope: string | null } | null } };

export type Admin_ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type Admin_ViewerQuery = { viewer: { kind: string, id: number | null, name: string | null, roles: Array<StaffRole>, permissions: Array<StaffPermission>, scope: string | null } | null };

export type Admin_RecordMemberExitMutationVariables = Exact<{
  input: MemberEventInput;
}>;


export type Admin_RecordMemberExitMutation = { result:
    | { __typename: 'Member', id: number, name: string, idNumber: string, phone: string | null, sex: Sex, birthYear: number, age: number, scheme: Scheme, status: MemberStatus, suspendedUntil: string | null, insuredRegion: string, provinceCode: string, retired: boolean, offsiteAccountPermission: boolean, contributionBaseFen: number | null, diedOn: string | null, exitedOn: string | null, createdAt: string, updatedAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_RecordMemberDeathMutationVariables = Exact<{
  input: MemberEventInput;
}>;


export type Admin_RecordMemberDeathMutation = { result:
    | { __typename: 'Member', id: number, name: string, idNumber: string, phone: string | null, sex: Sex, birthYear: number, age: number, scheme: Scheme, status: MemberStatus, suspendedUntil: string | null, insuredRegion: string, provinceCode: string, retired: boolean, offsiteAccountPermission: boolean, contributionBaseFen: number | null, diedOn: string | null, exitedOn: string | null, createdAt: string, updatedAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_SuspendBindingMutationVariables = Exact<{
  id: number;
  reason: string;
}>;


export type Admin_SuspendBindingMutation = { result:
    | { __typename: 'Binding', id: number, kind: BindingKind, giverId: number, beneficiaryId: number, relationship: RelationshipKind, initiatedBy: Initiator, state: BindingState, commitmentAcceptedAt: string | null, confirmationRequired: boolean, confirmedAt: string | null, activationMode: ActivationMode, approved: boolean, singleLimitFen: number | null, priority: number, reservedFen: number, giverRegion: string, beneficiaryRegion: string, giverProvince: string, beneficiaryProvince: string, policyVersionId: number, activatedAt: string | null, endedAt: string | null, createdAt: string, updatedAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_RestoreBindingMutationVariables = Exact<{
  id: number;
  reason: string;
}>;


export type Admin_RestoreBindingMutation = { result:
    | { __typename: 'Binding', id: number, kind: BindingKind, giverId: number, beneficiaryId: number, relationship: RelationshipKind, initiatedBy: Initiator, state: BindingState, commitmentAcceptedAt: string | null, confirmationRequired: boolean, confirmedAt: string | null, activationMode: ActivationMode, approved: boolean, singleLimitFen: number | null, priority: number, reservedFen: number, giverRegion: string, beneficiaryRegion: string, giverProvince: string, beneficiaryProvince: string, policyVersionId: number, activatedAt: string | null, endedAt: string | null, createdAt: string, updatedAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_ApproveBindingMutationVariables = Exact<{
  id: number;
  reason: string;
}>;


export type Admin_ApproveBindingMutation = { result:
    | { __typename: 'Binding', id: number, kind: BindingKind, giverId: number, beneficiaryId: number, relationship: RelationshipKind, initiatedBy: Initiator, state: BindingState, commitmentAcceptedAt: string | null, confirmationRequired: boolean, confirmedAt: string | null, activationMode: ActivationMode, approved: boolean, singleLimitFen: number | null, priority: number, reservedFen: number, giverRegion: string, beneficiaryRegion: string, giverProvince: string, beneficiaryProvince: string, policyVersionId: number, activatedAt: string | null, endedAt: string | null, createdAt: string, updatedAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_RejectBindingMutationVariables = Exact<{
  id: number;
  reason: string;
}>;


export type Admin_RejectBindingMutation = { result:
    | { __typename: 'Binding', id: number, kind: BindingKind, giverId: number, beneficiaryId: number, relationship: RelationshipKind, initiatedBy: Initiator, state: BindingState, commitmentAcceptedAt: string | null, confirmationRequired: boolean, confirmedAt: string | null, activationMode: ActivationMode, approved: boolean, singleLimitFen: number | null, priority: number, reservedFen: number, giverRegion: string, beneficiaryRegion: string, giverProvince: string, beneficiaryProvince: string, policyVersionId: number, activatedAt: string | null, endedAt: string | null, createdAt: string, updatedAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_ReviewProofMutationVariables = Exact<{
  decision: ReviewDecision;
  id: number;
  reason?: string | null | undefined;
}>;


export type Admin_ReviewProofMutation = { result:
    | { __typename: 'RelationshipProof', id: number, bindingId: number, docType: DocType, fileName: string, mimeType: string, sizeBytes: number, sha256: string, reviewState: ProofReviewState, reviewerId: number | null, reviewerName: string | null, reviewedAt: string | null, reviewReason: string | null, uploadedByMemberId: number | null, createdAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_AddFraudCaseNoteMutationVariables = Exact<{
  id: number;
  text: string;
}>;


export type Admin_AddFraudCaseNoteMutation = { result:
    | { __typename: 'FraudCase', id: number, state: FraudCaseState, score: number, primaryRule: FraudRule, rules: Array<FraudRule>, summary: string, subjectType: FraudCaseSubject, subjectId: number, regionCode: string, provinceCode: string, otherRegionCode: string | null, otherProvinceCode: string | null, assigneeId: number | null, signalCount: number, dismissalReason: string | null, createdAt: string, updatedAt: string, closedAt: string | null, assignee: { id: number, displayName: string } | null }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_AssignFraudCaseMutationVariables = Exact<{
  assigneeId?: number | null | undefined;
  id: number;
}>;


export type Admin_AssignFraudCaseMutation = { result:
    | { __typename: 'FraudCase', id: number, state: FraudCaseState, score: number, primaryRule: FraudRule, rules: Array<FraudRule>, summary: string, subjectType: FraudCaseSubject, subjectId: number, regionCode: string, provinceCode: string, otherRegionCode: string | null, otherProvinceCode: string | null, assigneeId: number | null, signalCount: number, dismissalReason: string | null, createdAt: string, updatedAt: string, closedAt: string | null, assignee: { id: number, displayName: string } | null }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_DismissFraudCaseMutationVariables = Exact<{
  id: number;
  reason: string;
}>;


export type Admin_DismissFraudCaseMutation = { result:
    | { __typename: 'FraudCase', id: number, state: FraudCaseState, score: number, primaryRule: FraudRule, rules: Array<FraudRule>, summary: string, subjectType: FraudCaseSubject, subjectId: number, regionCode: string, provinceCode: string, otherRegionCode: string | null, otherProvinceCode: string | null, assigneeId: number | null, signalCount: number, dismissalReason: string | null, createdAt: string, updatedAt: string, closedAt: string | null, assignee: { id: number, displayName: string } | null }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_ConfirmFraudCaseMutationVariables = Exact<{
  input: ConfirmFraudCaseInput;
}>;


export type Admin_ConfirmFraudCaseMutation = { result:
    | { __typename: 'FraudCase', id: number, state: FraudCaseState, score: number, primaryRule: FraudRule, rules: Array<FraudRule>, summary: string, subjectType: FraudCaseSubject, subjectId: number, regionCode: string, provinceCode: string, otherRegionCode: string | null, otherProvinceCode: string | null, assigneeId: number | null, signalCount: number, dismissalReason: string | null, createdAt: string, updatedAt: string, closedAt: string | null, assignee: { id: number, displayName: string } | null }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_StartFraudInvestigationMutationVariables = Exact<{
  id: number;
}>;


export type Admin_StartFraudInvestigationMutation = { result:
    | { __typename: 'FraudCase', id: number, state: FraudCaseState, score: number, primaryRule: FraudRule, rules: Array<FraudRule>, summary: string, subjectType: FraudCaseSubject, subjectId: number, regionCode: string, provinceCode: string, otherRegionCode: string | null, otherProvinceCode: string | null, assigneeId: number | null, signalCount: number, dismissalReason: string | null, createdAt: string, updatedAt: string, closedAt: string | null, assignee: { id: number, displayName: string } | null }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_FlagFraudMutationVariables = Exact<{
  input: FlagFraudInput;
}>;


export type Admin_FlagFraudMutation = { result:
    | { __typename: 'FraudCase', id: number, state: FraudCaseState, score: number, primaryRule: FraudRule, rules: Array<FraudRule>, summary: string, subjectType: FraudCaseSubject, subjectId: number, regionCode: string, provinceCode: string, otherRegionCode: string | null, otherProvinceCode: string | null, assigneeId: number | null, signalCount: number, dismissalReason: string | null, createdAt: string, updatedAt: string, closedAt: string | null, assignee: { id: number, displayName: string } | null }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_WithdrawPolicyVersionMutationVariables = Exact<{
  id: number;
  reason: string;
}>;


export type Admin_WithdrawPolicyVersionMutation = { result:
    | { __typename: 'PolicyVersion', id: number, provinceCode: string, version: number, effectiveFrom: string, note: string, createdById: number | null, createdByName: string, createdAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_CorrectMemberMutationVariables = Exact<{
  input: CorrectMemberInput;
}>;


export type Admin_CorrectMemberMutation = { result:
    | { __typename: 'Member', id: number, name: string, idNumber: string, phone: string | null, sex: Sex, birthYear: number, age: number, scheme: Scheme, status: MemberStatus, suspendedUntil: string | null, insuredRegion: string, provinceCode: string, retired: boolean, offsiteAccountPermission: boolean, contributionBaseFen: number | null, diedOn: string | null, exitedOn: string | null, createdAt: string, updatedAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_StaffRevokeBindingMutationVariables = Exact<{
  id: number;
  reason: string;
}>;


export type Admin_StaffRevokeBindingMutation = { result:
    | { __typename: 'Binding', id: number, kind: BindingKind, giverId: number, beneficiaryId: number, relationship: RelationshipKind, initiatedBy: Initiator, state: BindingState, commitmentAcceptedAt: string | null, confirmationRequired: boolean, confirmedAt: string | null, activationMode: ActivationMode, approved: boolean, singleLimitFen: number | null, priority: number, reservedFen: number, giverRegion: string, beneficiaryRegion: string, giverProvince: string, beneficiaryProvince: string, policyVersionId: number, activatedAt: string | null, endedAt: string | null, createdAt: string, updatedAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_ApproveBindingWithProofsMutationVariables = Exact<{
  bindingId: number;
  proofIds: Array<number> | number;
  reason: string;
}>;


export type Admin_ApproveBindingWithProofsMutation = { result:
    | { __typename: 'Binding', id: number, kind: BindingKind, giverId: number, beneficiaryId: number, relationship: RelationshipKind, initiatedBy: Initiator, state: BindingState, commitmentAcceptedAt: string | null, confirmationRequired: boolean, confirmedAt: string | null, activationMode: ActivationMode, approved: boolean, singleLimitFen: number | null, priority: number, reservedFen: number, giverRegion: string, beneficiaryRegion: string, giverProvince: string, beneficiaryProvince: string, policyVersionId: number, activatedAt: string | null, endedAt: string | null, createdAt: string, updatedAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type RuleViolationFieldsFragment = { rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> };

export type MemberFieldsFragment = { id: number, name: string, idNumber: string, phone: string | null, sex: Sex, birthYear: number, age: number, scheme: Scheme, status: MemberStatus, suspendedUntil: string | null, insuredRegion: string, provinceCode: string, retired: boolean, offsiteAccountPermission: boolean, contributionBaseFen: number | null, diedOn: string | null, exitedOn: string | null, createdAt: string, updatedAt: string };

export type BindingFieldsFragment = { id: number, kind: BindingKind, giverId: number, beneficiaryId: number, relationship: RelationshipKind, initiatedBy: Initiator, state: BindingState, commitmentAcceptedAt: string | null, confirmationRequired: boolean, confirmedAt: string | null, activationMode: ActivationMode, approved: boolean, singleLimitFen: number | null, priority: number, reservedFen: number, giverRegion: string, beneficiaryRegion: string, giverProvince: string, beneficiaryProvince: string, policyVersionId: number, activatedAt: string | null, endedAt: string | null, createdAt: string, updatedAt: string };

export type BindingTransitionFieldsFragment = { id: number, fromState: BindingState | null, toState: BindingState, actorKind: ActorKind, actorId: number | null, actorName: string, reason: string, rule: string | null, at: string };

export type ProofFieldsFragment = { id: number, bindingId: number, docType: DocType, fileName: string, mimeType: string, sizeBytes: number, sha256: string, reviewState: ProofReviewState, reviewerId: number | null, reviewerName: string | null, reviewedAt: string | null, reviewReason: string | null, uploadedByMemberId: number | null, createdAt: string };

export type PolicyFieldsFragment = { id: number, provinceCode: string, version: number, effectiveFrom: string, note: string, createdById: number | null, createdByName: string, createdAt: string };

export type PolicyRulesFieldsFragment = { allowedRelationships: Array<RelationshipKind>, intraProvinceSharing: boolean, crossProvinceSharing: boolean, beneficiaryMayInitiate: boolean, confirmationRequired: boolean, activationMode: ActivationMode, maxGiversPerBeneficiary: number | null, maxBeneficiariesPerGiver: number | null, singleFamilyNetwork: boolean, allowedCategories: Array<Category>, commercialInsuranceMinBalanceFen: number | null, residentPremiumWindowStart: string, residentPremiumWindowEnd: string, residentPremiumFen: number, retireeMonthlyCreditFen: number, employeeAccountRatePermille: number, settlementMaxTotalFen: number | null, accountWithdrawalAllowed: boolean | null, requiredProofs: Array<{ relationship: RelationshipKind, docTypes: Array<DocType> }>, wallet: { enabled: boolean, maxTransfersPerDay: number, maxTransferFen: number, quietFrom: string, quietUntil: string, acceptanceDays: number } | null, fraud: { travelWindowMinutes: number, travelDistanceKm: number, maxTravelSpeedKmh: number, institutionsPerDay: number, pharmacyVisitsPerPeriod: number, pharmacyPeriodDays: number, pharmaciesPerDay: number, pharmacyPurchasesPerDay: number, sameDrugRepeats: number, drainPercent: number, drainWindowDays: number, fanOutBeneficiaries: number, fanOutInstitutionPatients: number, fanOutWindowDays: number, householdSpouses: number, householdParents: number, householdDescendants: number, bindingMismatchAttempts: number, maternityMinAge: number, maternityMaxAge: number } };

export type FraudCaseFieldsFragment = { id: number, state: FraudCaseState, score: number, primaryRule: FraudRule, rules: Array<FraudRule>, summary: string, subjectType: FraudCaseSubject, subjectId: number, regionCode: string, provinceCode: string, otherRegionCode: string | null, otherProvinceCode: string | null, assigneeId: number | null, signalCount: number, dismissalReason: string | null, createdAt: string, updatedAt: string, closedAt: string | null, assignee: { id: number, displayName: string } | null };

export type FraudSignalFieldsFragment = { id: number, rule: FraudRule, score: number, summary: string, evidence: string, memberId: number | null, bindingId: number | null, settlementId: number | null, institutionId: number | null, regionCode: string, caseId: number | null, createdAt: string };

export type SettlementFieldsFragment = { id: number, serialNo: string, institutionId: number, patientId: number, credentialType: string, credentialNoMasked: string, category: Category, totalFen: number, poolFen: number, selfPayFen: number, acctPayFen: number, mulaidPayFen: number, cashFen: number, reversedFen: number, cashReversedFen: number, acctUsedFlag: boolean, placeRegion: string, placeProvince: string, patientRegion: string, patientProvince: string, offsite: boolean, status: string, treatedAt: string, createdAt: string };

export type AccountClosureFieldsFragment = { id: number, memberId: number, accountId: number, cause: string, state: string, pendingFen: number, closedBalanceFen: number, regionCode: string, fromRegion: string | null, eventDate: string, documents: Array<string>, decisionReason: string | null, decidedBy: string | null, decidedAt: string | null, createdAt: string };

export type Admin_MembersQueryVariables = Exact<{
  filter?: MemberFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  sortField?: string | null | undefined;
  sortOrder?: SortOrder | null | undefined;
}>;


export type Admin_MembersQuery = { page: { total: number, totalCapped: boolean, items: Array<{ id: number, name: string, idNumber: string, phone: string | null, sex: Sex, birthYear: number, age: number, scheme: Scheme, status: MemberStatus, suspendedUntil: string | null, insuredRegion: string, provinceCode: string, retired: boolean, offsiteAccountPermission: boolean, contributionBaseFen: number | null, diedOn: string | null, exitedOn: string | null, createdAt: string, updatedAt: string }> } };

export type Admin_MemberQueryVariables = Exact<{
  id: number;
}>;


export type Admin_MemberQuery = { record: { id: number, name: string, idNumber: string, phone: string | null, sex: Sex, birthYear: number, age: number, scheme: Scheme, status: MemberStatus, suspendedUntil: string | null, insuredRegion: string, provinceCode: string, retired: boolean, offsiteAccountPermission: boolean, contributionBaseFen: number | null, diedOn: string | null, exitedOn: string | null, createdAt: string, updatedAt: string, account: { id: number, balanceFen: number, reservedFen: number } | null } | null };

export type Admin_UpdateMemberRegistryMutationVariables = Exact<{
  input: MemberRegistryUpdateInput;
}>;


export type Admin_UpdateMemberRegistryMutation = { result:
    | { __typename: 'Member', id: number, name: string, idNumber: string, phone: string | null, sex: Sex, birthYear: number, age: number, scheme: Scheme, status: MemberStatus, suspendedUntil: string | null, insuredRegion: string, provinceCode: string, retired: boolean, offsiteAccountPermission: boolean, contributionBaseFen: number | null, diedOn: string | null, exitedOn: string | null, createdAt: string, updatedAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_BindingsQueryVariables = Exact<{
  filter?: BindingFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  sortField?: string | null | undefined;
  sortOrder?: SortOrder | null | undefined;
}>;


export type Admin_BindingsQuery = { page: { total: number, totalCapped: boolean, items: Array<{ id: number, kind: BindingKind, giverId: number, beneficiaryId: number, relationship: RelationshipKind, initiatedBy: Initiator, state: BindingState, commitmentAcceptedAt: string | null, confirmationRequired: boolean, confirmedAt: string | null, activationMode: ActivationMode, approved: boolean, singleLimitFen: number | null, priority: number, reservedFen: number, giverRegion: string, beneficiaryRegion: string, giverProvince: string, beneficiaryProvince: string, policyVersionId: number, activatedAt: string | null, endedAt: string | null, createdAt: string, updatedAt: string }> } };

export type Admin_BindingQueryVariables = Exact<{
  id: number;
}>;


export type Admin_BindingQuery = { record: { id: number, kind: BindingKind, giverId: number, beneficiaryId: number, relationship: RelationshipKind, initiatedBy: Initiator, state: BindingState, commitmentAcceptedAt: string | null, confirmationRequired: boolean, confirmedAt: string | null, activationMode: ActivationMode, approved: boolean, singleLimitFen: number | null, priority: number, reservedFen: number, giverRegion: string, beneficiaryRegion: string, giverProvince: string, beneficiaryProvince: string, policyVersionId: number, activatedAt: string | null, endedAt: string | null, createdAt: string, updatedAt: string, transitions: Array<{ id: number, fromState: BindingState | null, toState: BindingState, actorKind: ActorKind, actorId: number | null, actorName: string, reason: string, rule: string | null, at: string }>, consistency: { giverAge: number, beneficiaryAge: number, problems: Array<string> } | null } | null };

export type Admin_ProofsQueryVariables = Exact<{
  filter?: ProofFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  sortField?: string | null | undefined;
  sortOrder?: SortOrder | null | undefined;
}>;


export type Admin_ProofsQuery = { page: { total: number, totalCapped: boolean, items: Array<{ id: number, bindingId: number, docType: DocType, fileName: string, mimeType: string, sizeBytes: number, sha256: string, reviewState: ProofReviewState, reviewerId: number | null, reviewerName: string | null, reviewedAt: string | null, reviewReason: string | null, uploadedByMemberId: number | null, createdAt: string }> } };

export type Admin_ProofQueryVariables = Exact<{
  id: number;
}>;


export type Admin_ProofQuery = { record: { id: number, bindingId: number, docType: DocType, fileName: string, mimeType: string, sizeBytes: number, sha256: string, reviewState: ProofReviewState, reviewerId: number | null, reviewerName: string | null, reviewedAt: string | null, reviewReason: string | null, uploadedByMemberId: number | null, createdAt: string } | null };

export type Admin_PolicyVersionsQueryVariables = Exact<{
  filter?: PolicyVersionFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  sortField?: string | null | undefined;
  sortOrder?: SortOrder | null | undefined;
}>;


export type Admin_PolicyVersionsQuery = { page: { total: number, totalCapped: boolean, items: Array<{ id: number, provinceCode: string, version: number, effectiveFrom: string, note: string, createdById: number | null, createdByName: string, createdAt: string }> } };

export type Admin_PolicyVersionQueryVariables = Exact<{
  id: number;
}>;


export type Admin_PolicyVersionQuery = { record: { id: number, provinceCode: string, version: number, effectiveFrom: string, note: string, createdById: number | null, createdByName: string, createdAt: string, rules: { allowedRelationships: Array<RelationshipKind>, intraProvinceSharing: boolean, crossProvinceSharing: boolean, beneficiaryMayInitiate: boolean, confirmationRequired: boolean, activationMode: ActivationMode, maxGiversPerBeneficiary: number | null, maxBeneficiariesPerGiver: number | null, singleFamilyNetwork: boolean, allowedCategories: Array<Category>, commercialInsuranceMinBalanceFen: number | null, residentPremiumWindowStart: string, residentPremiumWindowEnd: string, residentPremiumFen: number, retireeMonthlyCreditFen: number, employeeAccountRatePermille: number, settlementMaxTotalFen: number | null, accountWithdrawalAllowed: boolean | null, requiredProofs: Array<{ relationship: RelationshipKind, docTypes: Array<DocType> }>, wallet: { enabled: boolean, maxTransfersPerDay: number, maxTransferFen: number, quietFrom: string, quietUntil: string, acceptanceDays: number } | null, fraud: { travelWindowMinutes: number, travelDistanceKm: number, maxTravelSpeedKmh: number, institutionsPerDay: number, pharmacyVisitsPerPeriod: number, pharmacyPeriodDays: number, pharmaciesPerDay: number, pharmacyPurchasesPerDay: number, sameDrugRepeats: number, drainPercent: number, drainWindowDays: number, fanOutBeneficiaries: number, fanOutInstitutionPatients: number, fanOutWindowDays: number, householdSpouses: number, householdParents: number, householdDescendants: number, bindingMismatchAttempts: number, maternityMinAge: number, maternityMaxAge: number } } } | null };

export type Admin_CreatePolicyVersionMutationVariables = Exact<{
  input: CreatePolicyVersionInput;
}>;


export type Admin_CreatePolicyVersionMutation = { result:
    | { __typename: 'PolicyVersion', id: number, provinceCode: string, version: number, effectiveFrom: string, note: string, createdById: number | null, createdByName: string, createdAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_ProvincesQueryVariables = Exact<{
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  sortField?: string | null | undefined;
  sortOrder?: SortOrder | null | undefined;
}>;


export type Admin_ProvincesQuery = { page: { total: number, totalCapped: boolean, items: Array<{ code: string, name: string, shortName: string, nameEn: string }> } };

export type Admin_ProvinceQueryVariables = Exact<{
  code: string;
}>;


export type Admin_ProvinceQuery = { record: { code: string, name: string, shortName: string, nameEn: string } | null };

export type Admin_InstitutionsQueryVariables = Exact<{
  filter?: InstitutionFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  sortField?: string | null | undefined;
  sortOrder?: SortOrder | null | undefined;
}>;


export type Admin_InstitutionsQuery = { page: { total: number, totalCapped: boolean, items: Array<{ id: number, code: string, name: string, kind: InstitutionKind, regionCode: string, provinceCode: string, active: boolean, createdAt: string }> } };

export type Admin_InstitutionQueryVariables = Exact<{
  id: number;
}>;


export type Admin_InstitutionQuery = { record: { id: number, code: string, name: string, kind: InstitutionKind, regionCode: string, provinceCode: string, active: boolean, createdAt: string } | null };

export type Admin_FraudCasesQueryVariables = Exact<{
  filter?: FraudCaseFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  sortField?: string | null | undefined;
  sortOrder?: SortOrder | null | undefined;
}>;


export type Admin_FraudCasesQuery = { page: { total: number, totalCapped: boolean, items: Array<{ id: number, state: FraudCaseState, score: number, primaryRule: FraudRule, rules: Array<FraudRule>, summary: string, subjectType: FraudCaseSubject, subjectId: number, regionCode: string, provinceCode: string, otherRegionCode: string | null, otherProvinceCode: string | null, assigneeId: number | null, signalCount: number, dismissalReason: string | null, createdAt: string, updatedAt: string, closedAt: string | null, assignee: { id: number, displayName: string } | null }> } };

export type Admin_FraudCaseQueryVariables = Exact<{
  id: number;
}>;


export type Admin_FraudCaseQuery = { record: { id: number, state: FraudCaseState, score: number, primaryRule: FraudRule, rules: Array<FraudRule>, summary: string, subjectType: FraudCaseSubject, subjectId: number, regionCode: string, provinceCode: string, otherRegionCode: string | null, otherProvinceCode: string | null, assigneeId: number | null, signalCount: number, dismissalReason: string | null, createdAt: string, updatedAt: string, closedAt: string | null, signals: Array<{ id: number, rule: FraudRule, score: number, summary: string, evidence: string, memberId: number | null, bindingId: number | null, settlementId: number | null, institutionId: number | null, regionCode: string, caseId: number | null, createdAt: string }>, notes: Array<{ id: number, kind: string, text: string, actorName: string, actorStaffId: number | null, createdAt: string }>, sanctions: Array<{ id: number, kind: FraudSanctionKind, memberId: number | null, bindingId: number | null, months: number | null, untilDate: string | null, settlementId: number | null, reversalId: number | null, amountFen: number | null, baseFen: number | null, multiplier: number | null, createdAt: string, createdByStaffId: number }>, settlements: Array<{ id: number, serialNo: string, institutionId: number, patientId: number, credentialType: string, credentialNoMasked: string, category: Category, totalFen: number, poolFen: number, selfPayFen: number, acctPayFen: number, mulaidPayFen: number, cashFen: number, reversedFen: number, cashReversedFen: number, acctUsedFlag: boolean, placeRegion: string, placeProvince: string, patientRegion: string, patientProvince: string, offsite: boolean, status: string, treatedAt: string, createdAt: string }>, bindings: Array<{ id: number, kind: BindingKind, giverId: number, beneficiaryId: number, relationship: RelationshipKind, initiatedBy: Initiator, state: BindingState, commitmentAcceptedAt: string | null, confirmationRequired: boolean, confirmedAt: string | null, activationMode: ActivationMode, approved: boolean, singleLimitFen: number | null, priority: number, reservedFen: number, giverRegion: string, beneficiaryRegion: string, giverProvince: string, beneficiaryProvince: string, policyVersionId: number, activatedAt: string | null, endedAt: string | null, createdAt: string, updatedAt: string }>, members: Array<{ id: number, name: string, idNumber: string, sex: Sex, birthYear: number, age: number, status: MemberStatus, suspendedUntil: string | null, insuredRegion: string }>, assignee: { id: number, displayName: string } | null } };

export type Admin_SettlementsQueryVariables = Exact<{
  filter?: SettlementFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  sortField?: string | null | undefined;
  sortOrder?: SortOrder | null | undefined;
}>;


export type Admin_SettlementsQuery = { page: { total: number, totalCapped: boolean, items: Array<{ id: number, serialNo: string, institutionId: number, patientId: number, credentialType: string, credentialNoMasked: string, category: Category, totalFen: number, poolFen: number, selfPayFen: number, acctPayFen: number, mulaidPayFen: number, cashFen: number, reversedFen: number, cashReversedFen: number, acctUsedFlag: boolean, placeRegion: string, placeProvince: string, patientRegion: string, patientProvince: string, offsite: boolean, status: string, treatedAt: string, createdAt: string, patient: { id: number, name: string } | null }> } };

export type Admin_SettlementQueryVariables = Exact<{
  id: number;
}>;


export type Admin_SettlementQuery = { record: { drugCodes: Array<string>, id: number, serialNo: string, institutionId: number, patientId: number, credentialType: string, credentialNoMasked: string, category: Category, totalFen: number, poolFen: number, selfPayFen: number, acctPayFen: number, mulaidPayFen: number, cashFen: number, reversedFen: number, cashReversedFen: number, acctUsedFlag: boolean, placeRegion: string, placeProvince: string, patientRegion: string, patientProvince: string, offsite: boolean, status: string, treatedAt: string, createdAt: string, patient: { id: number, name: string, idNumber: string, sex: Sex, birthYear: number, age: number, suspendedUntil: string | null, status: MemberStatus } | null, institution: { id: number, code: string, name: string, kind: InstitutionKind, regionCode: string } | null, payments: Array<{ id: number, seq: number, payerMemberId: number, bindingId: number | null, accountId: number | null, amountFen: number, fromReserveFen: number, reversedFen: number }>, reversals: Array<{ id: number, serialNo: string, amountFen: number, accountFen: number, cashFen: number, createdAt: string }>, policyVersions: Array<{ memberId: number, role: string, provinceCode: string, policyVersionId: number }> } | null };

export type Admin_ImportJobsQueryVariables = Exact<{
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  sortField?: string | null | undefined;
  sortOrder?: SortOrder | null | undefined;
}>;


export type Admin_ImportJobsQuery = { page: { total: number, totalCapped: boolean, items: Array<{ id: number, kind: string, dryRun: boolean, status: string, fileName: string, fileSha256: string, format: string, encoding: string | null, scope: string | null, startedBy: string, totalBytes: number, bytesRead: number, rowsRead: number, inserted: number, updated: number, unchanged: number, rejected: number, problemCount: number, failure: string | null, startedAt: string, finishedAt: string | null }> } };

export type Admin_ImportJobQueryVariables = Exact<{
  id: number;
}>;


export type Admin_ImportJobQuery = { record: { id: number, kind: string, dryRun: boolean, status: string, fileName: string, fileSha256: string, format: string, encoding: string | null, scope: string | null, startedBy: string, totalBytes: number, bytesRead: number, rowsRead: number, inserted: number, updated: number, unchanged: number, rejected: number, problemCount: number, failure: string | null, startedAt: string, finishedAt: string | null } | null };

export type ImportJobFieldsFragment = { id: number, kind: string, dryRun: boolean, status: string, fileName: string, fileSha256: string, format: string, encoding: string | null, scope: string | null, startedBy: string, totalBytes: number, bytesRead: number, rowsRead: number, inserted: number, updated: number, unchanged: number, rejected: number, problemCount: number, failure: string | null, startedAt: string, finishedAt: string | null };

export type Admin_AccountClosuresQueryVariables = Exact<{
  filter?: ClosureFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  sortField?: string | null | undefined;
  sortOrder?: SortOrder | null | undefined;
}>;


export type Admin_AccountClosuresQuery = { page: { total: number, totalCapped: boolean, items: Array<{ id: number, memberId: number, accountId: number, cause: string, state: string, pendingFen: number, closedBalanceFen: number, regionCode: string, fromRegion: string | null, eventDate: string, documents: Array<string>, decisionReason: string | null, decidedBy: string | null, decidedAt: string | null, createdAt: string }> } };

export type Admin_AccountClosureQueryVariables = Exact<{
  id: number;
}>;


export type Admin_AccountClosureQuery = { record: { id: number, memberId: number, accountId: number, cause: string, state: string, pendingFen: number, closedBalanceFen: number, regionCode: string, fromRegion: string | null, eventDate: string, documents: Array<string>, decisionReason: string | null, decidedBy: string | null, decidedAt: string | null, createdAt: string, payments: Array<{ id: number, amountFen: number, payeeName: string, bankAccount: string, createdAt: string }> } | null };

export type Admin_StaffUsersQueryVariables = Exact<{
  filter?: StaffFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  sortField?: string | null | undefined;
  sortOrder?: SortOrder | null | undefined;
}>;


export type Admin_StaffUsersQuery = { page: { total: number, totalCapped: boolean, items: Array<{ id: number, username: string, displayName: string, roles: Array<StaffRole>, permissions: Array<StaffPermission>, scope: string | null, active: boolean, lastLoginAt: string | null, lockedUntil: string | null, mustChangePassword: boolean, passwordChangedAt: string | null, createdAt: string }> } };

export type Admin_AuditLogsQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  sortField?: string | null | undefined;
  sortOrder?: SortOrder | null | undefined;
}>;


export type Admin_AuditLogsQuery = { page: { total: number, totalCapped: boolean, items: Array<{ id: number, at: string, actorKind: ActorKind, actorId: number | null, actorName: string, action: string, entityType: string, entityId: string, reason: string | null, detail: string, prevHash: string, hash: string }> } };

export type Admin_RevealMemberMutationVariables = Exact<{
  id: number;
  reason: string;
}>;


export type Admin_RevealMemberMutation = { result:
    | { __typename: 'RevealedMember', id: number, idNumber: string, name: string, phone: string | null }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_AccountStatementQueryVariables = Exact<{
  memberId: number;
  page: number;
  perPage: number;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type Admin_AccountStatementQuery = { page: { total: number, items: Array<{ id: number, at: string, direction: string, cause: string, amountFen: number, balanceAfterFen: number | null, category: string | null, counterpart: string | null, institutionName: string | null, settlementId: number | null }> } };

export type Admin_CrossProvinceMapQueryVariables = Exact<{
  date?: string | null | undefined;
}>;


export type Admin_CrossProvinceMapQuery = { rows: Array<{ provinceCode: string, name: string, crossProvinceSharing: boolean, intraProvinceSharing: boolean, policyVersionId: number, version: number, effectiveFrom: string, nextEffectiveFrom: string | null }> };

export type Admin_PolicyHistoryQueryVariables = Exact<{
  provinceCode: string;
}>;


export type Admin_PolicyHistoryQuery = { rows: Array<{ id: number, provinceCode: string, version: number, effectiveFrom: string, note: string, createdById: number | null, createdByName: string, createdAt: string, rules: { allowedRelationships: Array<RelationshipKind>, intraProvinceSharing: boolean, crossProvinceSharing: boolean, beneficiaryMayInitiate: boolean, confirmationRequired: boolean, activationMode: ActivationMode, maxGiversPerBeneficiary: number | null, maxBeneficiariesPerGiver: number | null, singleFamilyNetwork: boolean, allowedCategories: Array<Category>, commercialInsuranceMinBalanceFen: number | null, residentPremiumWindowStart: string, residentPremiumWindowEnd: string, residentPremiumFen: number, retireeMonthlyCreditFen: number, employeeAccountRatePermille: number, settlementMaxTotalFen: number | null, accountWithdrawalAllowed: boolean | null, requiredProofs: Array<{ relationship: RelationshipKind, docTypes: Array<DocType> }>, wallet: { enabled: boolean, maxTransfersPerDay: number, maxTransferFen: number, quietFrom: string, quietUntil: string, acceptanceDays: number } | null, fraud: { travelWindowMinutes: number, travelDistanceKm: number, maxTravelSpeedKmh: number, institutionsPerDay: number, pharmacyVisitsPerPeriod: number, pharmacyPeriodDays: number, pharmaciesPerDay: number, pharmacyPurchasesPerDay: number, sameDrugRepeats: number, drainPercent: number, drainWindowDays: number, fanOutBeneficiaries: number, fanOutInstitutionPatients: number, fanOutWindowDays: number, householdSpouses: number, householdParents: number, householdDescendants: number, bindingMismatchAttempts: number, maternityMinAge: number, maternityMaxAge: number } } }> };

export type Admin_PolicyDiffQueryVariables = Exact<{
  fromId: number;
  toId: number;
}>;


export type Admin_PolicyDiffQuery = { rows: Array<{ path: string, before: string | null, after: string | null }> };

export type Admin_SetCrossProvinceSharingMutationVariables = Exact<{
  provinceCode: string;
  enabled: boolean;
  effectiveFrom?: string | null | undefined;
  note?: string | null | undefined;
}>;


export type Admin_SetCrossProvinceSharingMutation = { result:
    | { __typename: 'PolicyVersion', id: number, provinceCode: string, version: number, effectiveFrom: string, note: string, createdById: number | null, createdByName: string, createdAt: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_DashboardStatsQueryVariables = Exact<{
  months?: number | null | undefined;
}>;


export type Admin_DashboardStatsQuery = { stats: { fromMonth: string, toMonth: string, mutualAidByMonth: Array<{ month: string, category: Category, amountFen: number, count: number }>, mutualAidByProvince: Array<{ provinceCode: string, amountFen: number, count: number }>, queues: Array<{ queue: string, total: number, oldestAt: string | null, under1Day: number, days1to3: number, days3to7: number, days7to30: number, over30Days: number }>, today: { date: string, count: number, mutualAidCount: number, totalFen: number, selfPayFen: number, acctPayFen: number, mulaidPayFen: number, cashFen: number } } };

export type FraudCaseCountsFieldsFragment = { total: number, byRule: Array<{ key: string, count: number }>, byRegion: Array<{ key: string, count: number }>, byState: Array<{ key: string, count: number }> };

export type Admin_OpenFraudCaseCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type Admin_OpenFraudCaseCountsQuery = { open: { total: number, byRule: Array<{ key: string, count: number }>, byRegion: Array<{ key: string, count: number }>, byState: Array<{ key: string, count: number }> }, investigating: { total: number, byRule: Array<{ key: string, count: number }>, byRegion: Array<{ key: string, count: number }>, byState: Array<{ key: string, count: number }> } };

export type Admin_MemberRiskProfileQueryVariables = Exact<{
  memberId: number;
}>;


export type Admin_MemberRiskProfileQuery = { profile: { openScore: number, member: { id: number, name: string, idNumber: string, phone: string | null, sex: Sex, birthYear: number, age: number, scheme: Scheme, status: MemberStatus, suspendedUntil: string | null, insuredRegion: string, provinceCode: string, retired: boolean, offsiteAccountPermission: boolean, contributionBaseFen: number | null, diedOn: string | null, exitedOn: string | null, createdAt: string, updatedAt: string }, cases: Array<{ id: number, state: FraudCaseState, score: number, primaryRule: FraudRule, rules: Array<FraudRule>, summary: string, subjectType: FraudCaseSubject, subjectId: number, regionCode: string, provinceCode: string, otherRegionCode: string | null, otherProvinceCode: string | null, assigneeId: number | null, signalCount: number, dismissalReason: string | null, createdAt: string, updatedAt: string, closedAt: string | null, assignee: { id: number, displayName: string } | null }>, signals: Array<{ id: number, rule: FraudRule, score: number, summary: string, evidence: string, memberId: number | null, bindingId: number | null, settlementId: number | null, institutionId: number | null, regionCode: string, caseId: number | null, createdAt: string }>, bindings: Array<{ id: number, kind: BindingKind, giverId: number, beneficiaryId: number, relationship: RelationshipKind, initiatedBy: Initiator, state: BindingState, commitmentAcceptedAt: string | null, confirmationRequired: boolean, confirmedAt: string | null, activationMode: ActivationMode, approved: boolean, singleLimitFen: number | null, priority: number, reservedFen: number, giverRegion: string, beneficiaryRegion: string, giverProvince: string, beneficiaryProvince: string, policyVersionId: number, activatedAt: string | null, endedAt: string | null, createdAt: string, updatedAt: string }>, byPlace: Array<{ key: string, count: number, selfPayFen: number, accountFen: number }>, byCategory: Array<{ key: string, count: number, selfPayFen: number, accountFen: number }> } };

export type Admin_FraudCaseAssigneesQueryVariables = Exact<{
  id: number;
}>;


export type Admin_FraudCaseAssigneesQuery = { assignees: Array<{ id: number, username: string, displayName: string, scope: string | null }> };

export type Admin_ImportProblemsQueryVariables = Exact<{
  jobId: number;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
}>;


export type Admin_ImportProblemsQuery = { page: { total: number, items: Array<{ id: number, rowNumber: number, columnName: string, code: string, message: string }> } };

export type Admin_DecideClosurePaymentMutationVariables = Exact<{
  input: HeirPaymentInput;
}>;


export type Admin_DecideClosurePaymentMutation = { result:
    | { __typename: 'AccountClosure', id: number, state: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_AcceptAccountTransferMutationVariables = Exact<{
  id: number;
  reason: string;
}>;


export type Admin_AcceptAccountTransferMutation = { result:
    | { __typename: 'AccountClosure', id: number, state: string }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_MemberWalletQueryVariables = Exact<{
  memberId: number;
  page: number;
  perPage: number;
}>;


export type Admin_MemberWalletQuery = { wallet: { id: number, balanceFen: number } | null, transfers: { total: number, items: Array<{ id: number, senderId: number, recipientId: number, senderName: string, recipientName: string, relationship: string, amountFen: number, state: string, expiresAt: string, decidedAt: string | null, createdAt: string }> } };

export type Admin_AuditChainCheckQueryVariables = Exact<{
  afterId?: number | null | undefined;
  afterHash?: string | null | undefined;
}>;


export type Admin_AuditChainCheckQuery = { check: { ok: boolean, checked: number, brokenAtId: number | null, lastId: number, lastHash: string, done: boolean, total: number } };

export type Admin_MemberChargesQueryVariables = Exact<{
  memberId: number;
  page: number;
  perPage: number;
}>;


export type Admin_MemberChargesQuery = { charges: { total: number, items: Array<{ id: number, kind: ChargeKind, amountFen: number, paidFen: number, state: ChargeState, reason: string, fraudCaseId: number | null, documentRef: string | null, closureId: number | null, createdBy: string, createdAt: string, settledBy: string | null, settledAt: string | null, waiveReason: string | null }> } };

export type Admin_RecordAccountChargeMutationVariables = Exact<{
  input: RecordChargeInput;
}>;


export type Admin_RecordAccountChargeMutation = { result:
    | { __typename: 'AccountCharge', id: number, state: ChargeState }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_WaiveAccountChargeMutationVariables = Exact<{
  input: WaiveChargeInput;
}>;


export type Admin_WaiveAccountChargeMutation = { result:
    | { __typename: 'AccountCharge', id: number, state: ChargeState }
    | { __typename: 'RuleViolation', rule: string, code: string, message: string, field: string | null, params: Array<{ key: string, value: string }> }
   };

export type Admin_ClosureFeesQueryVariables = Exact<{
  id: number;
}>;


export type Admin_ClosureFeesQuery = { closure: { id: number, feesPaidFen: number, feeShortfallFen: number } | null };

export type Admin_ReviewBindingQueryVariables = Exact<{
  id: number;
}>;


export type Admin_ReviewBindingQuery = { record: { requiredProofTypes: Array<DocType>, id: number, kind: BindingKind, giverId: number, beneficiaryId: number, relationship: RelationshipKind, initiatedBy: Initiator, state: BindingState, commitmentAcceptedAt: string | null, confirmationRequired: boolean, confirmedAt: string | null, activationMode: ActivationMode, approved: boolean, singleLimitFen: number | null, priority: number, reservedFen: number, giverRegion: string, beneficiaryRegion: string, giverProvince: string, beneficiaryProvince: string, policyVersionId: number, activatedAt: string | null, endedAt: string | null, createdAt: string, updatedAt: string, giver: { id: number, name: string, idNumber: string, sex: Sex, birthYear: number, age: number, diedOn: string | null, scheme: Scheme, status: MemberStatus, insuredRegion: string, retired: boolean, account: { balanceFen: number } | null } | null, beneficiary: { id: number, name: string, idNumber: string, sex: Sex, birthYear: number, age: number, diedOn: string | null, scheme: Scheme, status: MemberStatus, insuredRegion: string, retired: boolean, account: { balanceFen: number } | null } | null, proofs: Array<{ id: number, bindingId: number, docType: DocType, fileName: string, mimeType: string, sizeBytes: number, sha256: string, reviewState: ProofReviewState, reviewerId: number | null, reviewerName: string | null, reviewedAt: string | null, reviewReason: string | null, uploadedByMemberId: number | null, createdAt: string }>, consistency: { giverAge: number, beneficiaryAge: number, giverSex: Sex, beneficiarySex: Sex, ageGapYears: number, problems: Array<string> } | null, history: Array<{ id: number, fromState: BindingState | null, toState: BindingState, actorKind: ActorKind, actorId: number | null, actorName: string, reason: string, rule: string | null, at: string }> } | null };

export type ReviewMemberFieldsFragment = { id: number, name: string, idNumber: string, sex: Sex, birthYear: number, age: number, diedOn: string | null, scheme: Scheme, status: MemberStatus, insuredRegion: string, retired: boolean, account: { balanceFen: number } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const RuleViolationFieldsFragmentDoc = new TypedDocumentString(`
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
    `, {"fragmentName":"RuleViolationFields"}) as unknown as TypedDocumentString<RuleViolationFieldsFragment, unknown>;
export const MemberFieldsFragmentDoc = new TypedDocumentString(`
    fragment MemberFields on Member {
  id
  name
  idNumber
  phone
  sex
  birthYear
  age
  scheme
  status
  suspendedUntil
  insuredRegion
  provinceCode
  retired
  offsiteAccountPermission
  contributionBaseFen
  diedOn
  exitedOn
  createdAt
  updatedAt
}
    `, {"fragmentName":"MemberFields"}) as unknown as TypedDocumentString<MemberFieldsFragment, unknown>;
export const BindingFieldsFragmentDoc = new TypedDocumentString(`
    fragment BindingFields on Binding {
  id
  kind
  giverId
  beneficiaryId
  relationship
  initiatedBy
  state
  commitmentAcceptedAt
  confirmationRequired
  confirmedAt
  activationMode
  approved
  singleLimitFen
  priority
  reservedFen
  giverRegion
  beneficiaryRegion
  giverProvince
  beneficiaryProvince
  policyVersionId
  activatedAt
  endedAt
  createdAt
  updatedAt
}
    `, {"fragmentName":"BindingFields"}) as unknown as TypedDocumentString<BindingFieldsFragment, unknown>;
export const BindingTransitionFieldsFragmentDoc = new TypedDocumentString(`
    fragment BindingTransitionFields on BindingTransition {
  id
  fromState
  toState
  actorKind
  actorId
  actorName
  reason
  rule
  at
}
    `, {"fragmentName":"BindingTransitionFields"}) as unknown as TypedDocumentString<BindingTransitionFieldsFragment, unknown>;
export const ProofFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProofFields on RelationshipProof {
  id
  bindingId
  docType
  fileName
  mimeType
  sizeBytes
  sha256
  reviewState
  reviewerId
  reviewerName
  reviewedAt
  reviewReason
  uploadedByMemberId
  createdAt
}
    `, {"fragmentName":"ProofFields"}) as unknown as TypedDocumentString<ProofFieldsFragment, unknown>;
export const PolicyFieldsFragmentDoc = new TypedDocumentString(`
    fragment PolicyFields on PolicyVersion {
  id
  provinceCode
  version
  effectiveFrom
  note
  createdById
  createdByName
  createdAt
}
    `, {"fragmentName":"PolicyFields"}) as unknown as TypedDocumentString<PolicyFieldsFragment, unknown>;
export const PolicyRulesFieldsFragmentDoc = new TypedDocumentString(`
    fragment PolicyRulesFields on PolicyRules {
  allowedRelationships
  intraProvinceSharing
  crossProvinceSharing
  beneficiaryMayInitiate
  confirmationRequired
  requiredProofs {
    relationship
    docTypes
  }
  activationMode
  maxGiversPerBeneficiary
  maxBeneficiariesPerGiver
  singleFamilyNetwork
  allowedCategories
  commercialInsuranceMinBalanceFen
  residentPremiumWindowStart
  residentPremiumWindowEnd
  residentPremiumFen
  retireeMonthlyCreditFen
  employeeAccountRatePermille
  settlementMaxTotalFen
  accountWithdrawalAllowed
  wallet {
    enabled
    maxTransfersPerDay
    maxTransferFen
    quietFrom
    quietUntil
    acceptanceDays
  }
  fraud {
    travelWindowMinutes
    travelDistanceKm
    maxTravelSpeedKmh
    institutionsPerDay
    pharmacyVisitsPerPeriod
    pharmacyPeriodDays
    pharmaciesPerDay
    pharmacyPurchasesPerDay
    sameDrugRepeats
    drainPercent
    drainWindowDays
    fanOutBeneficiaries
    fanOutInstitutionPatients
    fanOutWindowDays
    householdSpouses
    householdParents
    householdDescendants
    bindingMismatchAttempts
    maternityMinAge
    maternityMaxAge
  }
}
    `, {"fragmentName":"PolicyRulesFields"}) as unknown as TypedDocumentString<PolicyRulesFieldsFragment, unknown>;
export const FraudCaseFieldsFragmentDoc = new TypedDocumentString(`
    fragment FraudCaseFields on FraudCase {
  id
  state
  score
  primaryRule
  rules
  summary
  subjectType
  subjectId
  regionCode
  provinceCode
  otherRegionCode
  otherProvinceCode
  assigneeId
  assignee {
    id
    displayName
  }
  signalCount
  dismissalReason
  createdAt
  updatedAt
  closedAt
}
    `, {"fragmentName":"FraudCaseFields"}) as unknown as TypedDocumentString<FraudCaseFieldsFragment, unknown>;
export const FraudSignalFieldsFragmentDoc = new TypedDocumentString(`
    fragment FraudSignalFields on FraudSignal {
  id
  rule
  score
  summary
  evidence
  memberId
  bindingId
  settlementId
  institutionId
  regionCode
  caseId
  createdAt
}
    `, {"fragmentName":"FraudSignalFields"}) as unknown as TypedDocumentString<FraudSignalFieldsFragment, unknown>;
export const SettlementFieldsFragmentDoc = new TypedDocumentString(`
    fragment SettlementFields on Settlement {
  id
  serialNo
  institutionId
  patientId
  credentialType
  credentialNoMasked
  category
  totalFen
  poolFen
  selfPayFen
  acctPayFen
  mulaidPayFen
  cashFen
  reversedFen
  cashReversedFen
  acctUsedFlag
  placeRegion
  placeProvince
  patientRegion
  patientProvince
  offsite
  status
  treatedAt
  createdAt
}
    `, {"fragmentName":"SettlementFields"}) as unknown as TypedDocumentString<SettlementFieldsFragment, unknown>;
export const AccountClosureFieldsFragmentDoc = new TypedDocumentString(`
    fragment AccountClosureFields on AccountClosure {
  id
  memberId
  accountId
  cause
  state
  pendingFen
  closedBalanceFen
  regionCode
  fromRegion
  eventDate
  documents
  decisionReason
  decidedBy
  decidedAt
  createdAt
}
    `, {"fragmentName":"AccountClosureFields"}) as unknown as TypedDocumentString<AccountClosureFieldsFragment, unknown>;
export const ImportJobFieldsFragmentDoc = new TypedDocumentString(`
    fragment ImportJobFields on ImportJob {
  id
  kind
  dryRun
  status
  fileName
  fileSha256
  format
  encoding
  scope
  startedBy
  totalBytes
  bytesRead
  rowsRead
  inserted
  updated
  unchanged
  rejected
  problemCount
  failure
  startedAt
  finishedAt
}
    `, {"fragmentName":"ImportJobFields"}) as unknown as TypedDocumentString<ImportJobFieldsFragment, unknown>;
export const FraudCaseCountsFieldsFragmentDoc = new TypedDocumentString(`
    fragment FraudCaseCountsFields on FraudCaseCounts {
  total
  byRule {
    key
    count
  }
  byRegion {
    key
    count
  }
  byState {
    key
    count
  }
}
    `, {"fragmentName":"FraudCaseCountsFields"}) as unknown as TypedDocumentString<FraudCaseCountsFieldsFragment, unknown>;
export const ReviewMemberFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReviewMemberFields on Member {
  id
  name
  idNumber
  sex
  birthYear
  age
  diedOn
  scheme
  status
  insuredRegion
  retired
  account {
    balanceFen
  }
}
    `, {"fragmentName":"ReviewMemberFields"}) as unknown as TypedDocumentString<ReviewMemberFieldsFragment, unknown>;
export const Admin_ChangePasswordDocument = new TypedDocumentString(`
    mutation Admin_changePassword($input: ChangePasswordInput!) {
  changePassword(input: $input)
}
    `) as unknown as TypedDocumentString<Admin_ChangePasswordMutation, Admin_ChangePasswordMutationVariables>;
export const Admin_LoginDocument = new TypedDocumentString(`
    mutation Admin_login($input: StaffLoginInput!) {
  login(input: $input) {
    token
    expiresAt
    mustChangePassword
    staff {
      id
      username
      displayName
      roles
      permissions
      scope
    }
  }
}
    `) as unknown as TypedDocumentString<Admin_LoginMutation, Admin_LoginMutationVariables>;
export const Admin_ViewerDocument = new TypedDocumentString(`
    query Admin_viewer {
  viewer {
    kind
    id
    name
    roles
    permissions
    scope
  }
}
    `) as unknown as TypedDocumentString<Admin_ViewerQuery, Admin_ViewerQueryVariables>;
export const Admin_RecordMemberExitDocument = new TypedDocumentString(`
    mutation Admin_recordMemberExit($input: MemberEventInput!) {
  result: recordMemberExit(input: $input) {
    __typename
    ... on Member {
      ...MemberFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment MemberFields on Member {
  id
  name
  idNumber
  phone
  sex
  birthYear
  age
  scheme
  status
  suspendedUntil
  insuredRegion
  provinceCode
  retired
  offsiteAccountPermission
  contributionBaseFen
  diedOn
  exitedOn
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<Admin_RecordMemberExitMutation, Admin_RecordMemberExitMutationVariables>;
export const Admin_RecordMemberDeathDocument = new TypedDocumentString(`
    mutation Admin_recordMemberDeath($input: MemberEventInput!) {
  result: recordMemberDeath(input: $input) {
    __typename
    ... on Member {
      ...MemberFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment MemberFields on Member {
  id
  name
  idNumber
  phone
  sex
  birthYear
  age
  scheme
  status
  suspendedUntil
  insuredRegion
  provinceCode
  retired
  offsiteAccountPermission
  contributionBaseFen
  diedOn
  exitedOn
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<Admin_RecordMemberDeathMutation, Admin_RecordMemberDeathMutationVariables>;
export const Admin_SuspendBindingDocument = new TypedDocumentString(`
    mutation Admin_suspendBinding($id: Int!, $reason: String!) {
  result: suspendBinding(id: $id, reason: $reason) {
    __typename
    ... on Binding {
      ...BindingFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment BindingFields on Binding {
  id
  kind
  giverId
  beneficiaryId
  relationship
  initiatedBy
  state
  commitmentAcceptedAt
  confirmationRequired
  confirmedAt
  activationMode
  approved
  singleLimitFen
  priority
  reservedFen
  giverRegion
  beneficiaryRegion
  giverProvince
  beneficiaryProvince
  policyVersionId
  activatedAt
  endedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<Admin_SuspendBindingMutation, Admin_SuspendBindingMutationVariables>;
export const Admin_RestoreBindingDocument = new TypedDocumentString(`
    mutation Admin_restoreBinding($id: Int!, $reason: String!) {
  result: restoreBinding(id: $id, reason: $reason) {
    __typename
    ... on Binding {
      ...BindingFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment BindingFields on Binding {
  id
  kind
  giverId
  beneficiaryId
  relationship
  initiatedBy
  state
  commitmentAcceptedAt
  confirmationRequired
  confirmedAt
  activationMode
  approved
  singleLimitFen
  priority
  reservedFen
  giverRegion
  beneficiaryRegion
  giverProvince
  beneficiaryProvince
  policyVersionId
  activatedAt
  endedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<Admin_RestoreBindingMutation, Admin_RestoreBindingMutationVariables>;
export const Admin_ApproveBindingDocument = new TypedDocumentString(`
    mutation Admin_approveBinding($id: Int!, $reason: String!) {
  result: approveBinding(id: $id, reason: $reason) {
    __typename
    ... on Binding {
      ...BindingFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment BindingFields on Binding {
  id
  kind
  giverId
  beneficiaryId
  relationship
  initiatedBy
  state
  commitmentAcceptedAt
  confirmationRequired
  confirmedAt
  activationMode
  approved
  singleLimitFen
  priority
  reservedFen
  giverRegion
  beneficiaryRegion
  giverProvince
  beneficiaryProvince
  policyVersionId
  activatedAt
  endedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<Admin_ApproveBindingMutation, Admin_ApproveBindingMutationVariables>;
export const Admin_RejectBindingDocument = new TypedDocumentString(`
    mutation Admin_rejectBinding($id: Int!, $reason: String!) {
  result: rejectBinding(id: $id, reason: $reason) {
    __typename
    ... on Binding {
      ...BindingFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment BindingFields on Binding {
  id
  kind
  giverId
  beneficiaryId
  relationship
  initiatedBy
  state
  commitmentAcceptedAt
  confirmationRequired
  confirmedAt
  activationMode
  approved
  singleLimitFen
  priority
  reservedFen
  giverRegion
  beneficiaryRegion
  giverProvince
  beneficiaryProvince
  policyVersionId
  activatedAt
  endedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<Admin_RejectBindingMutation, Admin_RejectBindingMutationVariables>;
export const Admin_ReviewProofDocument = new TypedDocumentString(`
    mutation Admin_reviewProof($decision: ReviewDecision!, $id: Int!, $reason: String) {
  result: reviewProof(decision: $decision, id: $id, reason: $reason) {
    __typename
    ... on RelationshipProof {
      ...ProofFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment ProofFields on RelationshipProof {
  id
  bindingId
  docType
  fileName
  mimeType
  sizeBytes
  sha256
  reviewState
  reviewerId
  reviewerName
  reviewedAt
  reviewReason
  uploadedByMemberId
  createdAt
}`) as unknown as TypedDocumentString<Admin_ReviewProofMutation, Admin_ReviewProofMutationVariables>;
export const Admin_AddFraudCaseNoteDocument = new TypedDocumentString(`
    mutation Admin_addFraudCaseNote($id: Int!, $text: String!) {
  result: addFraudCaseNote(id: $id, text: $text) {
    __typename
    ... on FraudCase {
      ...FraudCaseFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment FraudCaseFields on FraudCase {
  id
  state
  score
  primaryRule
  rules
  summary
  subjectType
  subjectId
  regionCode
  provinceCode
  otherRegionCode
  otherProvinceCode
  assigneeId
  assignee {
    id
    displayName
  }
  signalCount
  dismissalReason
  createdAt
  updatedAt
  closedAt
}`) as unknown as TypedDocumentString<Admin_AddFraudCaseNoteMutation, Admin_AddFraudCaseNoteMutationVariables>;
export const Admin_AssignFraudCaseDocument = new TypedDocumentString(`
    mutation Admin_assignFraudCase($assigneeId: Int, $id: Int!) {
  result: assignFraudCase(assigneeId: $assigneeId, id: $id) {
    __typename
    ... on FraudCase {
      ...FraudCaseFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment FraudCaseFields on FraudCase {
  id
  state
  score
  primaryRule
  rules
  summary
  subjectType
  subjectId
  regionCode
  provinceCode
  otherRegionCode
  otherProvinceCode
  assigneeId
  assignee {
    id
    displayName
  }
  signalCount
  dismissalReason
  createdAt
  updatedAt
  closedAt
}`) as unknown as TypedDocumentString<Admin_AssignFraudCaseMutation, Admin_AssignFraudCaseMutationVariables>;
export const Admin_DismissFraudCaseDocument = new TypedDocumentString(`
    mutation Admin_dismissFraudCase($id: Int!, $reason: String!) {
  result: dismissFraudCase(id: $id, reason: $reason) {
    __typename
    ... on FraudCase {
      ...FraudCaseFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment FraudCaseFields on FraudCase {
  id
  state
  score
  primaryRule
  rules
  summary
  subjectType
  subjectId
  regionCode
  provinceCode
  otherRegionCode
  otherProvinceCode
  assigneeId
  assignee {
    id
    displayName
  }
  signalCount
  dismissalReason
  createdAt
  updatedAt
  closedAt
}`) as unknown as TypedDocumentString<Admin_DismissFraudCaseMutation, Admin_DismissFraudCaseMutationVariables>;
export const Admin_ConfirmFraudCaseDocument = new TypedDocumentString(`
    mutation Admin_confirmFraudCase($input: ConfirmFraudCaseInput!) {
  result: confirmFraudCase(input: $input) {
    __typename
    ... on FraudCase {
      ...FraudCaseFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment FraudCaseFields on FraudCase {
  id
  state
  score
  primaryRule
  rules
  summary
  subjectType
  subjectId
  regionCode
  provinceCode
  otherRegionCode
  otherProvinceCode
  assigneeId
  assignee {
    id
    displayName
  }
  signalCount
  dismissalReason
  createdAt
  updatedAt
  closedAt
}`) as unknown as TypedDocumentString<Admin_ConfirmFraudCaseMutation, Admin_ConfirmFraudCaseMutationVariables>;
export const Admin_StartFraudInvestigationDocument = new TypedDocumentString(`
    mutation Admin_startFraudInvestigation($id: Int!) {
  result: startFraudInvestigation(id: $id) {
    __typename
    ... on FraudCase {
      ...FraudCaseFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment FraudCaseFields on FraudCase {
  id
  state
  score
  primaryRule
  rules
  summary
  subjectType
  subjectId
  regionCode
  provinceCode
  otherRegionCode
  otherProvinceCode
  assigneeId
  assignee {
    id
    displayName
  }
  signalCount
  dismissalReason
  createdAt
  updatedAt
  closedAt
}`) as unknown as TypedDocumentString<Admin_StartFraudInvestigationMutation, Admin_StartFraudInvestigationMutationVariables>;
export const Admin_FlagFraudDocument = new TypedDocumentString(`
    mutation Admin_flagFraud($input: FlagFraudInput!) {
  result: flagFraud(input: $input) {
    __typename
    ... on FraudCase {
      ...FraudCaseFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment FraudCaseFields on FraudCase {
  id
  state
  score
  primaryRule
  rules
  summary
  subjectType
  subjectId
  regionCode
  provinceCode
  otherRegionCode
  otherProvinceCode
  assigneeId
  assignee {
    id
    displayName
  }
  signalCount
  dismissalReason
  createdAt
  updatedAt
  closedAt
}`) as unknown as TypedDocumentString<Admin_FlagFraudMutation, Admin_FlagFraudMutationVariables>;
export const Admin_WithdrawPolicyVersionDocument = new TypedDocumentString(`
    mutation Admin_withdrawPolicyVersion($id: Int!, $reason: String!) {
  result: withdrawPolicyVersion(id: $id, reason: $reason) {
    __typename
    ... on PolicyVersion {
      ...PolicyFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment PolicyFields on PolicyVersion {
  id
  provinceCode
  version
  effectiveFrom
  note
  createdById
  createdByName
  createdAt
}`) as unknown as TypedDocumentString<Admin_WithdrawPolicyVersionMutation, Admin_WithdrawPolicyVersionMutationVariables>;
export const Admin_CorrectMemberDocument = new TypedDocumentString(`
    mutation Admin_correctMember($input: CorrectMemberInput!) {
  result: correctMember(input: $input) {
    __typename
    ... on Member {
      ...MemberFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment MemberFields on Member {
  id
  name
  idNumber
  phone
  sex
  birthYear
  age
  scheme
  status
  suspendedUntil
  insuredRegion
  provinceCode
  retired
  offsiteAccountPermission
  contributionBaseFen
  diedOn
  exitedOn
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<Admin_CorrectMemberMutation, Admin_CorrectMemberMutationVariables>;
export const Admin_StaffRevokeBindingDocument = new TypedDocumentString(`
    mutation Admin_staffRevokeBinding($id: Int!, $reason: String!) {
  result: staffRevokeBinding(id: $id, reason: $reason) {
    __typename
    ... on Binding {
      ...BindingFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment BindingFields on Binding {
  id
  kind
  giverId
  beneficiaryId
  relationship
  initiatedBy
  state
  commitmentAcceptedAt
  confirmationRequired
  confirmedAt
  activationMode
  approved
  singleLimitFen
  priority
  reservedFen
  giverRegion
  beneficiaryRegion
  giverProvince
  beneficiaryProvince
  policyVersionId
  activatedAt
  endedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<Admin_StaffRevokeBindingMutation, Admin_StaffRevokeBindingMutationVariables>;
export const Admin_ApproveBindingWithProofsDocument = new TypedDocumentString(`
    mutation Admin_approveBindingWithProofs($bindingId: Int!, $proofIds: [Int!]!, $reason: String!) {
  result: approveBindingWithProofs(
    bindingId: $bindingId
    proofIds: $proofIds
    reason: $reason
  ) {
    __typename
    ... on Binding {
      ...BindingFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment BindingFields on Binding {
  id
  kind
  giverId
  beneficiaryId
  relationship
  initiatedBy
  state
  commitmentAcceptedAt
  confirmationRequired
  confirmedAt
  activationMode
  approved
  singleLimitFen
  priority
  reservedFen
  giverRegion
  beneficiaryRegion
  giverProvince
  beneficiaryProvince
  policyVersionId
  activatedAt
  endedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<Admin_ApproveBindingWithProofsMutation, Admin_ApproveBindingWithProofsMutationVariables>;
export const Admin_MembersDocument = new TypedDocumentString(`
    query Admin_members($filter: MemberFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {
  page: members(
    filter: $filter
    page: $page
    perPage: $perPage
    sortField: $sortField
    sortOrder: $sortOrder
  ) {
    items {
      ...MemberFields
    }
    total
    totalCapped
  }
}
    fragment MemberFields on Member {
  id
  name
  idNumber
  phone
  sex
  birthYear
  age
  scheme
  status
  suspendedUntil
  insuredRegion
  provinceCode
  retired
  offsiteAccountPermission
  contributionBaseFen
  diedOn
  exitedOn
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<Admin_MembersQuery, Admin_MembersQueryVariables>;
export const Admin_MemberDocument = new TypedDocumentString(`
    query Admin_member($id: Int!) {
  record: member(id: $id) {
    ...MemberFields
    account {
      id
      balanceFen
      reservedFen
    }
  }
}
    fragment MemberFields on Member {
  id
  name
  idNumber
  phone
  sex
  birthYear
  age
  scheme
  status
  suspendedUntil
  insuredRegion
  provinceCode
  retired
  offsiteAccountPermission
  contributionBaseFen
  diedOn
  exitedOn
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<Admin_MemberQuery, Admin_MemberQueryVariables>;
export const Admin_UpdateMemberRegistryDocument = new TypedDocumentString(`
    mutation Admin_updateMemberRegistry($input: MemberRegistryUpdateInput!) {
  result: updateMemberRegistry(input: $input) {
    __typename
    ... on Member {
      ...MemberFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment MemberFields on Member {
  id
  name
  idNumber
  phone
  sex
  birthYear
  age
  scheme
  status
  suspendedUntil
  insuredRegion
  provinceCode
  retired
  offsiteAccountPermission
  contributionBaseFen
  diedOn
  exitedOn
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<Admin_UpdateMemberRegistryMutation, Admin_UpdateMemberRegistryMutationVariables>;
export const Admin_BindingsDocument = new TypedDocumentString(`
    query Admin_bindings($filter: BindingFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {
  page: bindings(
    filter: $filter
    page: $page
    perPage: $perPage
    sortField: $sortField
    sortOrder: $sortOrder
  ) {
    items {
      ...BindingFields
    }
    total
    totalCapped
  }
}
    fragment BindingFields on Binding {
  id
  kind
  giverId
  beneficiaryId
  relationship
  initiatedBy
  state
  commitmentAcceptedAt
  confirmationRequired
  confirmedAt
  activationMode
  approved
  singleLimitFen
  priority
  reservedFen
  giverRegion
  beneficiaryRegion
  giverProvince
  beneficiaryProvince
  policyVersionId
  activatedAt
  endedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<Admin_BindingsQuery, Admin_BindingsQueryVariables>;
export const Admin_BindingDocument = new TypedDocumentString(`
    query Admin_binding($id: Int!) {
  record: binding(id: $id) {
    ...BindingFields
    transitions: history {
      ...BindingTransitionFields
    }
    consistency {
      giverAge
      beneficiaryAge
      problems
    }
  }
}
    fragment BindingFields on Binding {
  id
  kind
  giverId
  beneficiaryId
  relationship
  initiatedBy
  state
  commitmentAcceptedAt
  confirmationRequired
  confirmedAt
  activationMode
  approved
  singleLimitFen
  priority
  reservedFen
  giverRegion
  beneficiaryRegion
  giverProvince
  beneficiaryProvince
  policyVersionId
  activatedAt
  endedAt
  createdAt
  updatedAt
}
fragment BindingTransitionFields on BindingTransition {
  id
  fromState
  toState
  actorKind
  actorId
  actorName
  reason
  rule
  at
}`) as unknown as TypedDocumentString<Admin_BindingQuery, Admin_BindingQueryVariables>;
export const Admin_ProofsDocument = new TypedDocumentString(`
    query Admin_proofs($filter: ProofFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {
  page: proofs(
    filter: $filter
    page: $page
    perPage: $perPage
    sortField: $sortField
    sortOrder: $sortOrder
  ) {
    items {
      ...ProofFields
    }
    total
    totalCapped
  }
}
    fragment ProofFields on RelationshipProof {
  id
  bindingId
  docType
  fileName
  mimeType
  sizeBytes
  sha256
  reviewState
  reviewerId
  reviewerName
  reviewedAt
  reviewReason
  uploadedByMemberId
  createdAt
}`) as unknown as TypedDocumentString<Admin_ProofsQuery, Admin_ProofsQueryVariables>;
export const Admin_ProofDocument = new TypedDocumentString(`
    query Admin_proof($id: Int!) {
  record: proof(id: $id) {
    ...ProofFields
  }
}
    fragment ProofFields on RelationshipProof {
  id
  bindingId
  docType
  fileName
  mimeType
  sizeBytes
  sha256
  reviewState
  reviewerId
  reviewerName
  reviewedAt
  reviewReason
  uploadedByMemberId
  createdAt
}`) as unknown as TypedDocumentString<Admin_ProofQuery, Admin_ProofQueryVariables>;
export const Admin_PolicyVersionsDocument = new TypedDocumentString(`
    query Admin_policyVersions($filter: PolicyVersionFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {
  page: policyVersions(
    filter: $filter
    page: $page
    perPage: $perPage
    sortField: $sortField
    sortOrder: $sortOrder
  ) {
    items {
      ...PolicyFields
    }
    total
    totalCapped
  }
}
    fragment PolicyFields on PolicyVersion {
  id
  provinceCode
  version
  effectiveFrom
  note
  createdById
  createdByName
  createdAt
}`) as unknown as TypedDocumentString<Admin_PolicyVersionsQuery, Admin_PolicyVersionsQueryVariables>;
export const Admin_PolicyVersionDocument = new TypedDocumentString(`
    query Admin_policyVersion($id: Int!) {
  record: policyVersion(id: $id) {
    ...PolicyFields
    rules {
      ...PolicyRulesFields
    }
  }
}
    fragment PolicyFields on PolicyVersion {
  id
  provinceCode
  version
  effectiveFrom
  note
  createdById
  createdByName
  createdAt
}
fragment PolicyRulesFields on PolicyRules {
  allowedRelationships
  intraProvinceSharing
  crossProvinceSharing
  beneficiaryMayInitiate
  confirmationRequired
  requiredProofs {
    relationship
    docTypes
  }
  activationMode
  maxGiversPerBeneficiary
  maxBeneficiariesPerGiver
  singleFamilyNetwork
  allowedCategories
  commercialInsuranceMinBalanceFen
  residentPremiumWindowStart
  residentPremiumWindowEnd
  residentPremiumFen
  retireeMonthlyCreditFen
  employeeAccountRatePermille
  settlementMaxTotalFen
  accountWithdrawalAllowed
  wallet {
    enabled
    maxTransfersPerDay
    maxTransferFen
    quietFrom
    quietUntil
    acceptanceDays
  }
  fraud {
    travelWindowMinutes
    travelDistanceKm
    maxTravelSpeedKmh
    institutionsPerDay
    pharmacyVisitsPerPeriod
    pharmacyPeriodDays
    pharmaciesPerDay
    pharmacyPurchasesPerDay
    sameDrugRepeats
    drainPercent
    drainWindowDays
    fanOutBeneficiaries
    fanOutInstitutionPatients
    fanOutWindowDays
    householdSpouses
    householdParents
    householdDescendants
    bindingMismatchAttempts
    maternityMinAge
    maternityMaxAge
  }
}`) as unknown as TypedDocumentString<Admin_PolicyVersionQuery, Admin_PolicyVersionQueryVariables>;
export const Admin_CreatePolicyVersionDocument = new TypedDocumentString(`
    mutation Admin_createPolicyVersion($input: CreatePolicyVersionInput!) {
  result: createPolicyVersion(input: $input) {
    __typename
    ... on PolicyVersion {
      ...PolicyFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment PolicyFields on PolicyVersion {
  id
  provinceCode
  version
  effectiveFrom
  note
  createdById
  createdByName
  createdAt
}`) as unknown as TypedDocumentString<Admin_CreatePolicyVersionMutation, Admin_CreatePolicyVersionMutationVariables>;
export const Admin_ProvincesDocument = new TypedDocumentString(`
    query Admin_provinces($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {
  page: provinces(
    page: $page
    perPage: $perPage
    sortField: $sortField
    sortOrder: $sortOrder
  ) {
    items {
      code
      name
      shortName
      nameEn
    }
    total
    totalCapped
  }
}
    `) as unknown as TypedDocumentString<Admin_ProvincesQuery, Admin_ProvincesQueryVariables>;
export const Admin_ProvinceDocument = new TypedDocumentString(`
    query Admin_province($code: String!) {
  record: province(code: $code) {
    code
    name
    shortName
    nameEn
  }
}
    `) as unknown as TypedDocumentString<Admin_ProvinceQuery, Admin_ProvinceQueryVariables>;
export const Admin_InstitutionsDocument = new TypedDocumentString(`
    query Admin_institutions($filter: InstitutionFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {
  page: institutions(
    filter: $filter
    page: $page
    perPage: $perPage
    sortField: $sortField
    sortOrder: $sortOrder
  ) {
    items {
      id
      code
      name
      kind
      regionCode
      provinceCode
      active
      createdAt
    }
    total
    totalCapped
  }
}
    `) as unknown as TypedDocumentString<Admin_InstitutionsQuery, Admin_InstitutionsQueryVariables>;
export const Admin_InstitutionDocument = new TypedDocumentString(`
    query Admin_institution($id: Int!) {
  record: institution(id: $id) {
    id
    code
    name
    kind
    regionCode
    provinceCode
    active
    createdAt
  }
}
    `) as unknown as TypedDocumentString<Admin_InstitutionQuery, Admin_InstitutionQueryVariables>;
export const Admin_FraudCasesDocument = new TypedDocumentString(`
    query Admin_fraudCases($filter: FraudCaseFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {
  page: fraudCases(
    filter: $filter
    page: $page
    perPage: $perPage
    sortField: $sortField
    sortOrder: $sortOrder
  ) {
    items {
      ...FraudCaseFields
    }
    total
    totalCapped
  }
}
    fragment FraudCaseFields on FraudCase {
  id
  state
  score
  primaryRule
  rules
  summary
  subjectType
  subjectId
  regionCode
  provinceCode
  otherRegionCode
  otherProvinceCode
  assigneeId
  assignee {
    id
    displayName
  }
  signalCount
  dismissalReason
  createdAt
  updatedAt
  closedAt
}`) as unknown as TypedDocumentString<Admin_FraudCasesQuery, Admin_FraudCasesQueryVariables>;
export const Admin_FraudCaseDocument = new TypedDocumentString(`
    query Admin_fraudCase($id: Int!) {
  record: fraudCase(id: $id) {
    ...FraudCaseFields
    signals {
      ...FraudSignalFields
    }
    notes {
      id
      kind
      text
      actorName
      actorStaffId
      createdAt
    }
    sanctions {
      id
      kind
      memberId
      bindingId
      months
      untilDate
      settlementId
      reversalId
      amountFen
      baseFen
      multiplier
      createdAt
      createdByStaffId
    }
    settlements {
      ...SettlementFields
    }
    bindings {
      ...BindingFields
    }
    members {
      id
      name
      idNumber
      sex
      birthYear
      age
      status
      suspendedUntil
      insuredRegion
    }
  }
}
    fragment BindingFields on Binding {
  id
  kind
  giverId
  beneficiaryId
  relationship
  initiatedBy
  state
  commitmentAcceptedAt
  confirmationRequired
  confirmedAt
  activationMode
  approved
  singleLimitFen
  priority
  reservedFen
  giverRegion
  beneficiaryRegion
  giverProvince
  beneficiaryProvince
  policyVersionId
  activatedAt
  endedAt
  createdAt
  updatedAt
}
fragment FraudCaseFields on FraudCase {
  id
  state
  score
  primaryRule
  rules
  summary
  subjectType
  subjectId
  regionCode
  provinceCode
  otherRegionCode
  otherProvinceCode
  assigneeId
  assignee {
    id
    displayName
  }
  signalCount
  dismissalReason
  createdAt
  updatedAt
  closedAt
}
fragment FraudSignalFields on FraudSignal {
  id
  rule
  score
  summary
  evidence
  memberId
  bindingId
  settlementId
  institutionId
  regionCode
  caseId
  createdAt
}
fragment SettlementFields on Settlement {
  id
  serialNo
  institutionId
  patientId
  credentialType
  credentialNoMasked
  category
  totalFen
  poolFen
  selfPayFen
  acctPayFen
  mulaidPayFen
  cashFen
  reversedFen
  cashReversedFen
  acctUsedFlag
  placeRegion
  placeProvince
  patientRegion
  patientProvince
  offsite
  status
  treatedAt
  createdAt
}`) as unknown as TypedDocumentString<Admin_FraudCaseQuery, Admin_FraudCaseQueryVariables>;
export const Admin_SettlementsDocument = new TypedDocumentString(`
    query Admin_settlements($filter: SettlementFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {
  page: settlements(
    filter: $filter
    page: $page
    perPage: $perPage
    sortField: $sortField
    sortOrder: $sortOrder
  ) {
    items {
      ...SettlementFields
      patient {
        id
        name
      }
    }
    total
    totalCapped
  }
}
    fragment SettlementFields on Settlement {
  id
  serialNo
  institutionId
  patientId
  credentialType
  credentialNoMasked
  category
  totalFen
  poolFen
  selfPayFen
  acctPayFen
  mulaidPayFen
  cashFen
  reversedFen
  cashReversedFen
  acctUsedFlag
  placeRegion
  placeProvince
  patientRegion
  patientProvince
  offsite
  status
  treatedAt
  createdAt
}`) as unknown as TypedDocumentString<Admin_SettlementsQuery, Admin_SettlementsQueryVariables>;
export const Admin_SettlementDocument = new TypedDocumentString(`
    query Admin_settlement($id: SafeInt!) {
  record: settlement(id: $id) {
    ...SettlementFields
    drugCodes
    patient {
      id
      name
      idNumber
      sex
      birthYear
      age
      suspendedUntil
      status
    }
    institution {
      id
      code
      name
      kind
      regionCode
    }
    payments {
      id
      seq
      payerMemberId
      bindingId
      accountId
      amountFen
      fromReserveFen
      reversedFen
    }
    reversals {
      id
      serialNo
      amountFen
      accountFen
      cashFen
      createdAt
    }
    policyVersions {
      memberId
      role
      provinceCode
      policyVersionId
    }
  }
}
    fragment SettlementFields on Settlement {
  id
  serialNo
  institutionId
  patientId
  credentialType
  credentialNoMasked
  category
  totalFen
  poolFen
  selfPayFen
  acctPayFen
  mulaidPayFen
  cashFen
  reversedFen
  cashReversedFen
  acctUsedFlag
  placeRegion
  placeProvince
  patientRegion
  patientProvince
  offsite
  status
  treatedAt
  createdAt
}`) as unknown as TypedDocumentString<Admin_SettlementQuery, Admin_SettlementQueryVariables>;
export const Admin_ImportJobsDocument = new TypedDocumentString(`
    query Admin_importJobs($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {
  page: importJobs(
    page: $page
    perPage: $perPage
    sortField: $sortField
    sortOrder: $sortOrder
  ) {
    items {
      ...ImportJobFields
    }
    total
    totalCapped
  }
}
    fragment ImportJobFields on ImportJob {
  id
  kind
  dryRun
  status
  fileName
  fileSha256
  format
  encoding
  scope
  startedBy
  totalBytes
  bytesRead
  rowsRead
  inserted
  updated
  unchanged
  rejected
  problemCount
  failure
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<Admin_ImportJobsQuery, Admin_ImportJobsQueryVariables>;
export const Admin_ImportJobDocument = new TypedDocumentString(`
    query Admin_importJob($id: Int!) {
  record: importJob(id: $id) {
    ...ImportJobFields
  }
}
    fragment ImportJobFields on ImportJob {
  id
  kind
  dryRun
  status
  fileName
  fileSha256
  format
  encoding
  scope
  startedBy
  totalBytes
  bytesRead
  rowsRead
  inserted
  updated
  unchanged
  rejected
  problemCount
  failure
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<Admin_ImportJobQuery, Admin_ImportJobQueryVariables>;
export const Admin_AccountClosuresDocument = new TypedDocumentString(`
    query Admin_accountClosures($filter: ClosureFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {
  page: accountClosures(
    filter: $filter
    page: $page
    perPage: $perPage
    sortField: $sortField
    sortOrder: $sortOrder
  ) {
    items {
      ...AccountClosureFields
    }
    total
    totalCapped
  }
}
    fragment AccountClosureFields on AccountClosure {
  id
  memberId
  accountId
  cause
  state
  pendingFen
  closedBalanceFen
  regionCode
  fromRegion
  eventDate
  documents
  decisionReason
  decidedBy
  decidedAt
  createdAt
}`) as unknown as TypedDocumentString<Admin_AccountClosuresQuery, Admin_AccountClosuresQueryVariables>;
export const Admin_AccountClosureDocument = new TypedDocumentString(`
    query Admin_accountClosure($id: Int!) {
  record: accountClosure(id: $id) {
    ...AccountClosureFields
    payments {
      id
      amountFen
      payeeName
      bankAccount
      createdAt
    }
  }
}
    fragment AccountClosureFields on AccountClosure {
  id
  memberId
  accountId
  cause
  state
  pendingFen
  closedBalanceFen
  regionCode
  fromRegion
  eventDate
  documents
  decisionReason
  decidedBy
  decidedAt
  createdAt
}`) as unknown as TypedDocumentString<Admin_AccountClosureQuery, Admin_AccountClosureQueryVariables>;
export const Admin_StaffUsersDocument = new TypedDocumentString(`
    query Admin_staffUsers($filter: StaffFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {
  page: staffUsers(
    filter: $filter
    page: $page
    perPage: $perPage
    sortField: $sortField
    sortOrder: $sortOrder
  ) {
    items {
      id
      username
      displayName
      roles
      permissions
      scope
      active
      lastLoginAt
      lockedUntil
      mustChangePassword
      passwordChangedAt
      createdAt
    }
    total
    totalCapped
  }
}
    `) as unknown as TypedDocumentString<Admin_StaffUsersQuery, Admin_StaffUsersQueryVariables>;
export const Admin_AuditLogsDocument = new TypedDocumentString(`
    query Admin_auditLogs($filter: AuditFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {
  page: auditLogs(
    filter: $filter
    page: $page
    perPage: $perPage
    sortField: $sortField
    sortOrder: $sortOrder
  ) {
    items {
      id
      at
      actorKind
      actorId
      actorName
      action
      entityType
      entityId
      reason
      detail
      prevHash
      hash
    }
    total
    totalCapped
  }
}
    `) as unknown as TypedDocumentString<Admin_AuditLogsQuery, Admin_AuditLogsQueryVariables>;
export const Admin_RevealMemberDocument = new TypedDocumentString(`
    mutation Admin_revealMember($id: Int!, $reason: String!) {
  result: revealMember(id: $id, reason: $reason) {
    __typename
    ... on RevealedMember {
      id
      idNumber
      name
      phone
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}`) as unknown as TypedDocumentString<Admin_RevealMemberMutation, Admin_RevealMemberMutationVariables>;
export const Admin_AccountStatementDocument = new TypedDocumentString(`
    query Admin_accountStatement($memberId: Int!, $page: Int!, $perPage: Int!, $from: String, $to: String) {
  page: accountStatement(
    memberId: $memberId
    page: $page
    perPage: $perPage
    from: $from
    to: $to
    sortField: "id"
    sortOrder: DESC
  ) {
    items {
      id
      at
      direction
      cause
      amountFen
      balanceAfterFen
      category
      counterpart
      institutionName
      settlementId
    }
    total
  }
}
    `) as unknown as TypedDocumentString<Admin_AccountStatementQuery, Admin_AccountStatementQueryVariables>;
export const Admin_CrossProvinceMapDocument = new TypedDocumentString(`
    query Admin_crossProvinceMap($date: String) {
  rows: crossProvinceMap(date: $date) {
    provinceCode
    name
    crossProvinceSharing
    intraProvinceSharing
    policyVersionId
    version
    effectiveFrom
    nextEffectiveFrom
  }
}
    `) as unknown as TypedDocumentString<Admin_CrossProvinceMapQuery, Admin_CrossProvinceMapQueryVariables>;
export const Admin_PolicyHistoryDocument = new TypedDocumentString(`
    query Admin_policyHistory($provinceCode: String!) {
  rows: policyHistory(provinceCode: $provinceCode) {
    ...PolicyFields
    rules {
      ...PolicyRulesFields
    }
  }
}
    fragment PolicyFields on PolicyVersion {
  id
  provinceCode
  version
  effectiveFrom
  note
  createdById
  createdByName
  createdAt
}
fragment PolicyRulesFields on PolicyRules {
  allowedRelationships
  intraProvinceSharing
  crossProvinceSharing
  beneficiaryMayInitiate
  confirmationRequired
  requiredProofs {
    relationship
    docTypes
  }
  activationMode
  maxGiversPerBeneficiary
  maxBeneficiariesPerGiver
  singleFamilyNetwork
  allowedCategories
  commercialInsuranceMinBalanceFen
  residentPremiumWindowStart
  residentPremiumWindowEnd
  residentPremiumFen
  retireeMonthlyCreditFen
  employeeAccountRatePermille
  settlementMaxTotalFen
  accountWithdrawalAllowed
  wallet {
    enabled
    maxTransfersPerDay
    maxTransferFen
    quietFrom
    quietUntil
    acceptanceDays
  }
  fraud {
    travelWindowMinutes
    travelDistanceKm
    maxTravelSpeedKmh
    institutionsPerDay
    pharmacyVisitsPerPeriod
    pharmacyPeriodDays
    pharmaciesPerDay
    pharmacyPurchasesPerDay
    sameDrugRepeats
    drainPercent
    drainWindowDays
    fanOutBeneficiaries
    fanOutInstitutionPatients
    fanOutWindowDays
    householdSpouses
    householdParents
    householdDescendants
    bindingMismatchAttempts
    maternityMinAge
    maternityMaxAge
  }
}`) as unknown as TypedDocumentString<Admin_PolicyHistoryQuery, Admin_PolicyHistoryQueryVariables>;
export const Admin_PolicyDiffDocument = new TypedDocumentString(`
    query Admin_policyDiff($fromId: Int!, $toId: Int!) {
  rows: policyDiff(fromId: $fromId, toId: $toId) {
    path
    before
    after
  }
}
    `) as unknown as TypedDocumentString<Admin_PolicyDiffQuery, Admin_PolicyDiffQueryVariables>;
export const Admin_SetCrossProvinceSharingDocument = new TypedDocumentString(`
    mutation Admin_setCrossProvinceSharing($provinceCode: String!, $enabled: Boolean!, $effectiveFrom: String, $note: String) {
  result: setCrossProvinceSharing(
    provinceCode: $provinceCode
    enabled: $enabled
    effectiveFrom: $effectiveFrom
    note: $note
  ) {
    __typename
    ... on PolicyVersion {
      ...PolicyFields
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}
fragment PolicyFields on PolicyVersion {
  id
  provinceCode
  version
  effectiveFrom
  note
  createdById
  createdByName
  createdAt
}`) as unknown as TypedDocumentString<Admin_SetCrossProvinceSharingMutation, Admin_SetCrossProvinceSharingMutationVariables>;
export const Admin_DashboardStatsDocument = new TypedDocumentString(`
    query Admin_dashboardStats($months: Int) {
  stats: dashboardStats(months: $months) {
    fromMonth
    toMonth
    mutualAidByMonth {
      month
      category
      amountFen
      count
    }
    mutualAidByProvince {
      provinceCode
      amountFen
      count
    }
    queues {
      queue
      total
      oldestAt
      under1Day
      days1to3
      days3to7
      days7to30
      over30Days
    }
    today {
      date
      count
      mutualAidCount
      totalFen
      selfPayFen
      acctPayFen
      mulaidPayFen
      cashFen
    }
  }
}
    `) as unknown as TypedDocumentString<Admin_DashboardStatsQuery, Admin_DashboardStatsQueryVariables>;
export const Admin_OpenFraudCaseCountsDocument = new TypedDocumentString(`
    query Admin_openFraudCaseCounts {
  open: fraudCaseCounts(state: OPEN) {
    ...FraudCaseCountsFields
  }
  investigating: fraudCaseCounts(state: INVESTIGATING) {
    ...FraudCaseCountsFields
  }
}
    fragment FraudCaseCountsFields on FraudCaseCounts {
  total
  byRule {
    key
    count
  }
  byRegion {
    key
    count
  }
  byState {
    key
    count
  }
}`) as unknown as TypedDocumentString<Admin_OpenFraudCaseCountsQuery, Admin_OpenFraudCaseCountsQueryVariables>;
export const Admin_MemberRiskProfileDocument = new TypedDocumentString(`
    query Admin_memberRiskProfile($memberId: Int!) {
  profile: memberRiskProfile(memberId: $memberId) {
    openScore
    member {
      ...MemberFields
    }
    cases {
      ...FraudCaseFields
    }
    signals {
      ...FraudSignalFields
    }
    bindings {
      ...BindingFields
    }
    byPlace {
      key
      count
      selfPayFen
      accountFen
    }
    byCategory {
      key
      count
      selfPayFen
      accountFen
    }
  }
}
    fragment MemberFields on Member {
  id
  name
  idNumber
  phone
  sex
  birthYear
  age
  scheme
  status
  suspendedUntil
  insuredRegion
  provinceCode
  retired
  offsiteAccountPermission
  contributionBaseFen
  diedOn
  exitedOn
  createdAt
  updatedAt
}
fragment BindingFields on Binding {
  id
  kind
  giverId
  beneficiaryId
  relationship
  initiatedBy
  state
  commitmentAcceptedAt
  confirmationRequired
  confirmedAt
  activationMode
  approved
  singleLimitFen
  priority
  reservedFen
  giverRegion
  beneficiaryRegion
  giverProvince
  beneficiaryProvince
  policyVersionId
  activatedAt
  endedAt
  createdAt
  updatedAt
}
fragment FraudCaseFields on FraudCase {
  id
  state
  score
  primaryRule
  rules
  summary
  subjectType
  subjectId
  regionCode
  provinceCode
  otherRegionCode
  otherProvinceCode
  assigneeId
  assignee {
    id
    displayName
  }
  signalCount
  dismissalReason
  createdAt
  updatedAt
  closedAt
}
fragment FraudSignalFields on FraudSignal {
  id
  rule
  score
  summary
  evidence
  memberId
  bindingId
  settlementId
  institutionId
  regionCode
  caseId
  createdAt
}`) as unknown as TypedDocumentString<Admin_MemberRiskProfileQuery, Admin_MemberRiskProfileQueryVariables>;
export const Admin_FraudCaseAssigneesDocument = new TypedDocumentString(`
    query Admin_fraudCaseAssignees($id: Int!) {
  assignees: fraudCaseAssignees(id: $id) {
    id
    username
    displayName
    scope
  }
}
    `) as unknown as TypedDocumentString<Admin_FraudCaseAssigneesQuery, Admin_FraudCaseAssigneesQueryVariables>;
export const Admin_ImportProblemsDocument = new TypedDocumentString(`
    query Admin_importProblems($jobId: Int!, $page: Int, $perPage: Int) {
  page: importProblems(
    jobId: $jobId
    page: $page
    perPage: $perPage
    sortField: "rowNumber"
  ) {
    items {
      id
      rowNumber
      columnName
      code
      message
    }
    total
  }
}
    `) as unknown as TypedDocumentString<Admin_ImportProblemsQuery, Admin_ImportProblemsQueryVariables>;
export const Admin_DecideClosurePaymentDocument = new TypedDocumentString(`
    mutation Admin_decideClosurePayment($input: HeirPaymentInput!) {
  result: decideClosurePayment(input: $input) {
    __typename
    ... on AccountClosure {
      id
      state
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}`) as unknown as TypedDocumentString<Admin_DecideClosurePaymentMutation, Admin_DecideClosurePaymentMutationVariables>;
export const Admin_AcceptAccountTransferDocument = new TypedDocumentString(`
    mutation Admin_acceptAccountTransfer($id: Int!, $reason: String!) {
  result: acceptAccountTransfer(id: $id, reason: $reason) {
    __typename
    ... on AccountClosure {
      id
      state
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}`) as unknown as TypedDocumentString<Admin_AcceptAccountTransferMutation, Admin_AcceptAccountTransferMutationVariables>;
export const Admin_MemberWalletDocument = new TypedDocumentString(`
    query Admin_memberWallet($memberId: Int!, $page: Int!, $perPage: Int!) {
  wallet: memberWallet(memberId: $memberId) {
    id
    balanceFen
  }
  transfers: memberWalletTransfers(
    memberId: $memberId
    page: $page
    perPage: $perPage
    sortField: "id"
    sortOrder: DESC
  ) {
    items {
      id
      senderId
      recipientId
      senderName
      recipientName
      relationship
      amountFen
      state
      expiresAt
      decidedAt
      createdAt
    }
    total
  }
}
    `) as unknown as TypedDocumentString<Admin_MemberWalletQuery, Admin_MemberWalletQueryVariables>;
export const Admin_AuditChainCheckDocument = new TypedDocumentString(`
    query Admin_auditChainCheck($afterId: Int, $afterHash: String) {
  check: auditChainCheck(afterId: $afterId, afterHash: $afterHash) {
    ok
    checked
    brokenAtId
    lastId
    lastHash
    done
    total
  }
}
    `) as unknown as TypedDocumentString<Admin_AuditChainCheckQuery, Admin_AuditChainCheckQueryVariables>;
export const Admin_MemberChargesDocument = new TypedDocumentString(`
    query Admin_memberCharges($memberId: Int!, $page: Int!, $perPage: Int!) {
  charges: memberCharges(memberId: $memberId, page: $page, perPage: $perPage) {
    items {
      id
      kind
      amountFen
      paidFen
      state
      reason
      fraudCaseId
      documentRef
      closureId
      createdBy
      createdAt
      settledBy
      settledAt
      waiveReason
    }
    total
  }
}
    `) as unknown as TypedDocumentString<Admin_MemberChargesQuery, Admin_MemberChargesQueryVariables>;
export const Admin_RecordAccountChargeDocument = new TypedDocumentString(`
    mutation Admin_recordAccountCharge($input: RecordChargeInput!) {
  result: recordAccountCharge(input: $input) {
    __typename
    ... on AccountCharge {
      id
      state
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}`) as unknown as TypedDocumentString<Admin_RecordAccountChargeMutation, Admin_RecordAccountChargeMutationVariables>;
export const Admin_WaiveAccountChargeDocument = new TypedDocumentString(`
    mutation Admin_waiveAccountCharge($input: WaiveChargeInput!) {
  result: waiveAccountCharge(input: $input) {
    __typename
    ... on AccountCharge {
      id
      state
    }
    ...RuleViolationFields
  }
}
    fragment RuleViolationFields on RuleViolation {
  rule
  code
  message
  field
  params {
    key
    value
  }
}`) as unknown as TypedDocumentString<Admin_WaiveAccountChargeMutation, Admin_WaiveAccountChargeMutationVariables>;
export const Admin_ClosureFeesDocument = new TypedDocumentString(`
    query Admin_closureFees($id: Int!) {
  closure: accountClosure(id: $id) {
    id
    feesPaidFen
    feeShortfallFen
  }
}
    `) as unknown as TypedDocumentString<Admin_ClosureFeesQuery, Admin_ClosureFeesQueryVariables>;
export const Admin_ReviewBindingDocument = new TypedDocumentString(`
    query Admin_reviewBinding($id: Int!) {
  record: binding(id: $id) {
    ...BindingFields
    giver {
      ...ReviewMemberFields
    }
    beneficiary {
      ...ReviewMemberFields
    }
    proofs {
      ...ProofFields
    }
    requiredProofTypes
    consistency {
      giverAge
      beneficiaryAge
      giverSex
      beneficiarySex
      ageGapYears
      problems
    }
    history {
      ...BindingTransitionFields
    }
  }
}
    fragment BindingFields on Binding {
  id
  kind
  giverId
  beneficiaryId
  relationship
  initiatedBy
  state
  commitmentAcceptedAt
  confirmationRequired
  confirmedAt
  activationMode
  approved
  singleLimitFen
  priority
  reservedFen
  giverRegion
  beneficiaryRegion
  giverProvince
  beneficiaryProvince
  policyVersionId
  activatedAt
  endedAt
  createdAt
  updatedAt
}
fragment BindingTransitionFields on BindingTransition {
  id
  fromState
  toState
  actorKind
  actorId
  actorName
  reason
  rule
  at
}
fragment ProofFields on RelationshipProof {
  id
  bindingId
  docType
  fileName
  mimeType
  sizeBytes
  sha256
  reviewState
  reviewerId
  reviewerName
  reviewedAt
  reviewReason
  uploadedByMemberId
  createdAt
}
fragment ReviewMemberFields on Member {
  id
  name
  idNumber
  sex
  birthYear
  age
  diedOn
  scheme
  status
  insuredRegion
  retired
  account {
    balanceFen
  }
}`) as unknown as TypedDocumentString<Admin_ReviewBindingQuery, Admin_ReviewBindingQueryVariables>;