import { describe, expect, it } from 'vitest';
import { accountMoneyFen, addMonths, fineFen, parseEvidence, scoreLevel } from './evidence';

describe('parseEvidence', () => {
  it('F6: figures with formats and links, thresholds and the policy version apart', () => {
    const ev = parseEvidence(
      JSON.stringify({ rule: 'F6', bindingId: 4303, giverId: 855, beneficiaryId: 859, activatedAt: '2026-10-30T00:26:31.594Z', balanceAtActivationFen: 455842, mutualAidPaidFen: 455842, payments: 1, percent: 100, threshold: { drainPercent: 80, drainWindowDays: 7 }, policyVersionId: 29, province: '31' }),
    );
    expect(ev.rule).toBe('F6');
    expect(ev.policyVersionId).toBe(29);
    expect(ev.province).toBe('31');
    expect(ev.thresholds).toEqual([{ key: 'drainPercent', value: 80 }, { key: 'drainWindowDays', value: 7 }]);
    const by = Object.fromEntries(ev.figures.map((f) => [f.key, f]));
    expect(Object.keys(by)).not.toContain('rule');
    expect(Object.keys(by)).not.toContain('threshold');
    expect(by.bindingId).toMatchObject({ ref: 'binding', format: 'plain' });
    expect(by.giverId.ref).toBe('member');
    expect(by.balanceAtActivationFen.format).toBe('yuan');
    expect(by.activatedAt.format).toBe('datetime');
  });

  it('F3: the check comes first, settlements are links and places are regions', () => {
    const ev = parseEvidence(JSON.stringify({ rule: 'F3', settlementIds: [4, 9], places: ['440300', '110100'], distanceKm: 1944, check: 'impossible-travel', threshold: { travelDistanceKm: 500, travelWindowMinutes: 180 }, policyVersionId: 3, province: '44' }));
    expect(ev.figures[0]).toMatchObject({ key: 'check', format: 'check' });
    expect(ev.figures.find((f) => f.key === 'settlementIds')).toMatchObject({ ref: 'settlement', value: [4, 9] });
    expect(ev.figures.find((f) => f.key === 'places')?.format).toBe('region');
  });

  it('F7: a plain-number threshold; F1: no threshold or policy version; bad JSON is shown as is', () => {
    expect(parseEvidence(JSON.stringify({ check: 'identity-mismatch', threshold: 3, policyVersionId: 5, registryHasIdNumber: true })).thresholds).toEqual([{ key: 'threshold', value: 3 }]);
    expect(parseEvidence(JSON.stringify({ check: 'identity-mismatch', registryHasIdNumber: true })).figures[1].format).toBe('bool');
    const f1 = parseEvidence(JSON.stringify({ check: 'credential-owner-mismatch', credentialOwnerId: 7, selfPayFen: 1000 }));
    expect(f1.thresholds).toEqual([]);
    expect(f1.policyVersionId).toBeNull();
    expect(f1.figures.find((f) => f.key === 'credentialOwnerId')?.ref).toBe('member');
    expect(parseEvidence('not json').figures).toEqual([{ key: 'value', value: 'not json', format: 'plain' }]);
  });
});

describe('case helpers', () => {
  it('colours scores in bands', () => {
    expect([95, 80, 79, 60, 45, 10].map(scoreLevel)).toEqual(['high', 'high', 'medium', 'medium', 'low', 'info']);
  });

  it('computes the fine as multiplier × account money of the case settlements', () => {
    const base = accountMoneyFen([{ acctPayFen: 1000, mulaidPayFen: 2550 }, { acctPayFen: 0, mulaidPayFen: 450 }]);
    expect(base).toBe(4000);
    expect(fineFen(base, 3)).toBe(12000);
  });

  it('adds months to a date, clamped to the end of the month', () => {
    expect(addMonths('2026-11-25', 3)).toBe('2027-02-25');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-31', 12)).toBe('2027-01-31');
  });
});
