/** GraphQL enum types built from the shared domain enums, so the wire values match everywhere. */
import {
  ACTIVATION_MODES,
  BINDING_KINDS,
  BINDING_STATES,
  CATEGORIES,
  CREDENTIAL_TYPES,
  DOC_TYPES,
  FRAUD_RULES,
  INITIATORS,
  INSTITUTION_KINDS,
  LEDGER_CAUSES,
  LEDGER_DIRECTIONS,
  MEMBER_STATUSES,
  PROOF_REVIEW_STATES,
  RELATIONSHIP_KINDS,
  SCHEMES,
  SEXES,
  STAFF_PERMISSIONS,
  STAFF_ROLES,
} from '@gongji/shared';
import { registerEnumType } from 'type-graphql';

function gqlEnum<T extends string>(values: readonly T[], name: string, description?: string): Record<T, T> {
  const obj = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(obj, { name, description });
  return obj;
}

export const RelationshipKindEnum = gqlEnum(RELATIONSHIP_KINDS, 'RelationshipKind', '近亲属: the beneficiary seen from the giver');
export const SchemeEnum = gqlEnum(SCHEMES, 'Scheme');
export const MemberStatusEnum = gqlEnum(MEMBER_STATUSES, 'MemberStatus');
export const SexEnum = gqlEnum(SEXES, 'Sex');
export const BindingKindEnum = gqlEnum(BINDING_KINDS, 'BindingKind');
export const BindingStateEnum = gqlEnum(BINDING_STATES, 'BindingState');
export const InitiatorEnum = gqlEnum(INITIATORS, 'Initiator');
export const ActivationModeEnum = gqlEnum(ACTIVATION_MODES, 'ActivationMode');
export const DocTypeEnum = gqlEnum(DOC_TYPES, 'DocType');
export const ProofReviewStateEnum = gqlEnum(PROOF_REVIEW_STATES, 'ProofReviewState');
export const CategoryEnum = gqlEnum(CATEGORIES, 'Category');
export const InstitutionKindEnum = gqlEnum(INSTITUTION_KINDS, 'InstitutionKind');
export const StaffRoleEnum = gqlEnum(STAFF_ROLES, 'StaffRole');
export const StaffPermissionEnum = gqlEnum(STAFF_PERMISSIONS, 'StaffPermission');
export const FraudRuleEnum = gqlEnum(FRAUD_RULES, 'FraudRule');
export const LedgerDirectionEnum = gqlEnum(LEDGER_DIRECTIONS, 'LedgerDirection');
export const LedgerCauseEnum = gqlEnum(LEDGER_CAUSES, 'LedgerCause');
export const CredentialTypeEnum = gqlEnum(
  CREDENTIAL_TYPES.map((c) => `T${c}` as const),
  'CredentialType',
  'mdtrt_cert_type: T01 医保电子凭证, T02 身份证, T03 社保卡',
);
export const SortOrderEnum = gqlEnum(['ASC', 'DESC'] as const, 'SortOrder');
export const ActorKindEnum = gqlEnum(['STAFF', 'MEMBER', 'INSTITUTION', 'SYSTEM'] as const, 'ActorKind');
