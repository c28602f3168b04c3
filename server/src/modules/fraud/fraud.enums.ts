import { registerEnumType } from 'type-graphql';

export const CASE_STATES = ['OPEN', 'INVESTIGATING', 'CONFIRMED', 'DISMISSED'] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const OPEN_CASE_STATES: CaseState[] = ['OPEN', 'INVESTIGATING'];

export const CASE_SUBJECTS = ['MEMBER', 'BINDING', 'INSTITUTION'] as const;
export type CaseSubject = (typeof CASE_SUBJECTS)[number];

export const SANCTION_KINDS = ['SUSPEND_MEMBER', 'SUSPEND_BINDING', 'RECOVER', 'FINE'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

function gqlEnum<T extends string>(values: readonly T[], name: string, description?: string): Record<T, T> {
  const obj = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(obj, { name, description });
  return obj;
}

export const CaseStateEnum = gqlEnum(CASE_STATES, 'FraudCaseState', 'OPEN → INVESTIGATING → CONFIRMED | DISMISSED');
export const CaseSubjectEnum = gqlEnum(CASE_SUBJECTS, 'FraudCaseSubject');
export const SanctionKindEnum = gqlEnum(SANCTION_KINDS, 'FraudSanctionKind');
