/**
 * Who sees what in the dashboard (A1). The API enforces roles and scope itself; this table only
 * decides which menus, pages and buttons to offer, so staff are not shown actions they cannot take.
 */
import type { StaffPermission, StaffRole } from '@gongji/shared';

export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export' | 'reveal' | 'review' | 'investigate' | 'flag' | 'suspend';
export type AdminResource =
  | 'fraudCases' | 'proofs' | 'bindings' | 'members' | 'settlements' | 'policies' | 'provinces' | 'institutions' | 'auditLogs'
  | 'importJobs' | 'accountClosures' | 'staffUsers';

/** Menu order. */
export const RESOURCE_ORDER: AdminResource[] = ['fraudCases', 'proofs', 'bindings', 'members', 'importJobs', 'accountClosures', 'settlements', 'policies', 'provinces', 'institutions', 'staffUsers', 'auditLogs'];

const READ: Action[] = ['list', 'show', 'export'];

/**
 * - 经办审核员 CASEWORKER: the proof queue, bindings (review), members (registry events, reveal).
 * - 基金监管分析员 FRAUD_ANALYST: fraud cases (work them), settlements (flag), members, bindings, institutions.
 * - 区域政策管理员 REGIONAL_ADMIN: policy versions, provinces.
 * - 审计员 AUDITOR: everything read-only, plus the audit log.
 */
export const ACCESS: Record<AdminResource, Partial<Record<StaffRole, Action[]>>> = {
  proofs: { CASEWORKER: [...READ, 'review'], AUDITOR: READ },
  bindings: { CASEWORKER: [...READ, 'review', 'suspend'], FRAUD_ANALYST: [...READ, 'suspend'], AUDITOR: READ },
  members: { CASEWORKER: [...READ, 'edit', 'reveal'], FRAUD_ANALYST: [...READ, 'reveal'], AUDITOR: [...READ, 'reveal'] },
  policies: { REGIONAL_ADMIN: [...READ, 'create'], AUDITOR: READ },
  provinces: { REGIONAL_ADMIN: READ, AUDITOR: READ },
  institutions: { FRAUD_ANALYST: READ, AUDITOR: READ },
  // Fraud cases: analysts work them (investigate = assign, start, note, confirm, dismiss); auditors read.
  fraudCases: { FRAUD_ANALYST: [...READ, 'investigate'], AUDITOR: READ },
  // Settlements: flag = F9 "flag as impersonation" (flagFraud allows FRAUD_ANALYST and CASEWORKER).
  settlements: { FRAUD_ANALYST: [...READ, 'flag'], CASEWORKER: [...READ, 'flag'], AUDITOR: READ },
  auditLogs: { AUDITOR: READ },
  // R1: caseworkers and regional admins import the registry (create = upload); auditors read.
  importJobs: { CASEWORKER: [...READ, 'create'], REGIONAL_ADMIN: [...READ, 'create'], AUDITOR: READ },
  // C2/C3: caseworkers decide heirs' payments and accept transfers (review).
  accountClosures: { CASEWORKER: [...READ, 'review'], REGIONAL_ADMIN: READ, AUDITOR: READ },
  // A1: staff accounts, read-only (the API's staffUsers: regional admins and auditors; no single-record query).
  staffUsers: { REGIONAL_ADMIN: ['list', 'export'], AUDITOR: ['list', 'export'] },
};

/** Actions that also need a fine-grained permission on top of the role. */
const NEEDS_PERMISSION: Partial<Record<Action, StaffPermission>> = { reveal: 'REVEAL_PII' };

export interface AccessSubject {
  roles: readonly string[];
  permissions?: readonly string[];
}

/** react-admin asks with actions like `list`, `show`, `edit`, `delete`, `clone`, `export`, or a field-level `read`. */
export function canAccess(subject: AccessSubject | null | undefined, resource: string, action: string): boolean {
  if (!subject) return false;
  const table = ACCESS[resource as AdminResource];
  if (!table) return false;
  const wanted = (action === 'read' ? 'show' : action === 'clone' ? 'create' : action) as Action;
  const allowed = subject.roles.some((role) => table[role as StaffRole]?.includes(wanted));
  if (!allowed) return false;
  const permission = NEEDS_PERMISSION[wanted];
  return !permission || (subject.permissions ?? []).includes(permission);
}

/** The resources a subject can list, in menu order. */
export function visibleResources(subject: AccessSubject | null | undefined): AdminResource[] {
  return RESOURCE_ORDER.filter((r) => canAccess(subject, r, 'list'));
}

/** Custom pages (not resources) and the roles that see them in the menu. */
export type AdminPage = 'review' | 'policyMap';
export const PAGE_ORDER: AdminPage[] = ['review', 'policyMap'];
export const PAGE_PATHS: Record<AdminPage, string> = { review: '/review', policyMap: '/policy-map' };
export const PAGE_ACCESS: Record<AdminPage, StaffRole[]> = {
  review: ['CASEWORKER'],
  policyMap: ['REGIONAL_ADMIN', 'AUDITOR'],
};

export function canSeePage(subject: AccessSubject | null | undefined, page: AdminPage): boolean {
  return !!subject && subject.roles.some((r) => PAGE_ACCESS[page].includes(r as StaffRole));
}

/**
 * May this subject change the policy of a province? Regional admins only, national ones
 * everywhere, province-scoped ones in their own province (the API checks the same, A1).
 */
export function canEditProvince(subject: (AccessSubject & { scope?: string | null }) | null | undefined, provinceCode: string): boolean {
  if (!subject?.roles.includes('REGIONAL_ADMIN')) return false;
  return !subject.scope || subject.scope === provinceCode;
}
