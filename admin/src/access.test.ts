import { describe, expect, it } from 'vitest';
import { canAccess, canEditProvince, canSeePage, visibleResources } from './access';

const as = (roles: string[], permissions: string[] = []) => ({ roles, permissions });

describe('role-aware access', () => {
  it('shows each role its resources in menu order', () => {
    expect(visibleResources(as(['CASEWORKER']))).toEqual(['proofs', 'bindings', 'members', 'importJobs', 'accountClosures', 'settlements']);
    expect(visibleResources(as(['FRAUD_ANALYST']))).toEqual(['fraudCases', 'bindings', 'members', 'settlements', 'institutions']);
    expect(visibleResources(as(['REGIONAL_ADMIN']))).toEqual(['importJobs', 'accountClosures', 'policies', 'provinces', 'staffUsers']);
    expect(visibleResources(as(['AUDITOR']))).toEqual(['fraudCases', 'proofs', 'bindings', 'members', 'importJobs', 'accountClosures', 'settlements', 'policies', 'provinces', 'institutions', 'staffUsers', 'auditLogs']);
    expect(visibleResources(as([]))).toEqual([]);
    expect(visibleResources(null)).toEqual([]);
  });

  it('keeps the auditor read-only', () => {
    for (const r of ['fraudCases', 'proofs', 'bindings', 'members', 'importJobs', 'accountClosures', 'settlements', 'policies', 'provinces', 'institutions', 'auditLogs']) {
      expect(canAccess(as(['AUDITOR']), r, 'show')).toBe(true);
      for (const a of ['create', 'edit', 'delete', 'review', 'clone', 'investigate', 'flag']) expect(canAccess(as(['AUDITOR']), r, a)).toBe(false);
    }
  });

  it('combines roles', () => {
    const both = as(['CASEWORKER', 'REGIONAL_ADMIN']);
    expect(canAccess(both, 'policies', 'create')).toBe(true);
    expect(canAccess(both, 'proofs', 'review')).toBe(true);
    expect(canAccess(both, 'auditLogs', 'list')).toBe(false);
  });

  it('needs REVEAL_PII on top of the role to reveal', () => {
    expect(canAccess(as(['CASEWORKER']), 'members', 'reveal')).toBe(false);
    expect(canAccess(as(['CASEWORKER'], ['REVEAL_PII']), 'members', 'reveal')).toBe(true);
    expect(canAccess(as(['REGIONAL_ADMIN'], ['REVEAL_PII']), 'members', 'reveal')).toBe(false);
  });

  it('treats field-level read as show and denies unknown resources', () => {
    expect(canAccess(as(['CASEWORKER']), 'members', 'read')).toBe(true);
    expect(canAccess(as(['AUDITOR']), 'secrets', 'list')).toBe(false);
  });
});

describe('custom pages and province edits', () => {
  it('shows the review queue to caseworkers and the map to admins and auditors', () => {
    expect(canSeePage(as(['CASEWORKER']), 'review')).toBe(true);
    expect(canSeePage(as(['AUDITOR']), 'review')).toBe(false);
    expect(canSeePage(as(['REGIONAL_ADMIN']), 'policyMap')).toBe(true);
    expect(canSeePage(as(['AUDITOR']), 'policyMap')).toBe(true);
    expect(canSeePage(as(['CASEWORKER']), 'policyMap')).toBe(false);
    expect(canSeePage(null, 'review')).toBe(false);
  });

  it('lets a regional admin edit only the provinces of their scope (A1)', () => {
    expect(canEditProvince({ roles: ['REGIONAL_ADMIN'], scope: null }, '11')).toBe(true);
    expect(canEditProvince({ roles: ['REGIONAL_ADMIN'], scope: '44' }, '44')).toBe(true);
    expect(canEditProvince({ roles: ['REGIONAL_ADMIN'], scope: '44' }, '11')).toBe(false);
    expect(canEditProvince({ roles: ['REGIONAL_ADMIN'], scope: '440300' }, '44')).toBe(false);
    expect(canEditProvince({ roles: ['AUDITOR'], scope: null }, '44')).toBe(false);
  });

  it('lets only fraud analysts work cases; analysts and caseworkers may flag a settlement', () => {
    expect(canAccess(as(['FRAUD_ANALYST']), 'fraudCases', 'investigate')).toBe(true);
    expect(canAccess(as(['AUDITOR']), 'fraudCases', 'show')).toBe(true);
    expect(canAccess(as(['AUDITOR']), 'fraudCases', 'investigate')).toBe(false);
    expect(canAccess(as(['CASEWORKER']), 'fraudCases', 'list')).toBe(false);
    expect(canAccess(as(['CASEWORKER']), 'settlements', 'flag')).toBe(true);
    expect(canAccess(as(['FRAUD_ANALYST']), 'settlements', 'flag')).toBe(true);
    expect(canAccess(as(['REGIONAL_ADMIN']), 'settlements', 'list')).toBe(false);
  });
});

describe('R1/C2: registry import and account closures', () => {
  it('R1: caseworkers and regional admins upload registry files; auditors only read; analysts see neither', () => {
    expect(canAccess({ roles: ['CASEWORKER'] }, 'importJobs', 'create')).toBe(true);
    expect(canAccess({ roles: ['REGIONAL_ADMIN'] }, 'importJobs', 'create')).toBe(true);
    expect(canAccess({ roles: ['AUDITOR'] }, 'importJobs', 'create')).toBe(false);
    expect(canAccess({ roles: ['FRAUD_ANALYST'] }, 'importJobs', 'list')).toBe(false);
  });

  it('C2: only caseworkers decide heirs’ payments and accept transfers', () => {
    expect(canAccess({ roles: ['CASEWORKER'] }, 'accountClosures', 'review')).toBe(true);
    expect(canAccess({ roles: ['REGIONAL_ADMIN'] }, 'accountClosures', 'review')).toBe(false);
    expect(canAccess({ roles: ['AUDITOR'] }, 'accountClosures', 'show')).toBe(true);
  });
});
