import { describe, expect, it } from 'vitest';
import { panelsFor, registerDashboardPanel } from './panels';

const Dummy = () => null;

describe('dashboard panels', () => {
  it('shows each role its panels in order, and replaces a panel registered twice', () => {
    registerDashboardPanel({ id: 'b', roles: ['CASEWORKER'], width: 6, order: 20, component: Dummy });
    registerDashboardPanel({ id: 'a', roles: ['CASEWORKER', 'AUDITOR'], width: 6, order: 10, component: Dummy });
    registerDashboardPanel({ id: 'c', roles: ['FRAUD_ANALYST'], width: 12, order: 5, component: Dummy });
    expect(panelsFor(['CASEWORKER']).map((p) => p.id)).toEqual(['a', 'b']);
    expect(panelsFor(['AUDITOR']).map((p) => p.id)).toEqual(['a']);
    registerDashboardPanel({ id: 'a', roles: ['AUDITOR'], width: 6, order: 30, component: Dummy });
    expect(panelsFor(['CASEWORKER']).map((p) => p.id)).toEqual(['b']);
    expect(panelsFor([]).map((p) => p.id)).toEqual([]);
  });
});
