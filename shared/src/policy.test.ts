import { describe, expect, it } from 'vitest';
import { diffPolicyRules } from './policy';

describe('policy diff', () => {
  it('lists changed knobs only, comparing lists as sets', () => {
    const a = { crossProvinceSharing: false, allowedRelationships: ['SPOUSE', 'CHILD'], fraud: { drainPercent: 80 } } as never;
    const b = { crossProvinceSharing: true, allowedRelationships: ['CHILD', 'SPOUSE'], fraud: { drainPercent: 70 } } as never;
    expect(diffPolicyRules(a, b)).toEqual([
      { path: 'crossProvinceSharing', before: 'false', after: 'true' },
      { path: 'fraud.drainPercent', before: '80', after: '70' },
    ]);
    expect(diffPolicyRules(null, { residentPremiumFen: 40000 } as never)).toEqual([{ path: 'residentPremiumFen', before: null, after: '40000' }]);
  });
});

describe('withPolicyDefaults', () => {
  it('fills in fraud knobs a stored version predates, and keeps the ones it has', async () => {
    const { withPolicyDefaults, DEFAULT_FRAUD_THRESHOLDS } = await import('./policy');
    const stored = { fraud: { travelWindowMinutes: 90 } } as unknown as Parameters<typeof withPolicyDefaults>[0];
    const r = withPolicyDefaults(stored);
    expect(r.fraud.travelWindowMinutes).toBe(90);
    expect(r.fraud.maternityMinAge).toBe(DEFAULT_FRAUD_THRESHOLDS.maternityMinAge);
    expect(r.fraud.maternityMaxAge).toBe(55);
  });
});
