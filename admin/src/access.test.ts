import { describe, expect, it } from 'vitest';
import { canAccess, visibleResources } from './access';

const as = (roles: string[], permissions: string[] = []) => ({ roles, permissions });

describe('role-aware access', () => {
  it('shows each role its resources in menu order', () => {
    expect(visibleResources(as(['CASEWORKER']))).toEqual(['proofs', 'bindings', 'members']);
    expect(visibleResources(as(['FRAUD_ANALYST']))).toEqual(['bindings', 'members', 'institutions']);
    expect(visibleResources(as(['REGIONAL_ADMIN']))).toEqual(['policies', 'provinces']);
    expect(visibleResources(as(['AUDITOR']))).toEqual(['proofs', 'bindings', 'members', 'policies', 'provinces', 'institutions', 'auditLogs']);
    expect(visibleResources(as([]))).toEqual([]);
    expect(visibleResources(null)).toEqual([]);
  });

  it('keeps the auditor read-only', () => {
    for (const r of ['proofs', 'bindings', 'members', 'policies', 'provinces', 'institutions', 'auditLogs']) {
      expect(canAccess(as(['AUDITOR']), r, 'show')).toBe(true);
      for (const a of ['create', 'edit', 'delete', 'review', 'clone']) expect(canAccess(as(['AUDITOR']), r, a)).toBe(false);
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
