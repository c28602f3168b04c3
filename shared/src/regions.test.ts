import { describe, expect, it } from 'vitest';
import { POOLING_REGIONS, PROVINCES, provinceOf, regionDistanceKm, regionInScope } from './regions';

describe('regions (GB/T 2260)', () => {
  it('has all 32 provincial units, with 新疆生产建设兵团 as its own unit', () => {
    expect(PROVINCES).toHaveLength(32);
    expect(PROVINCES.find((p) => p.code === '66')?.name).toBe('新疆生产建设兵团');
    expect(provinceOf('659001')).toBe('66');
    expect(provinceOf('650100')).toBe('65');
    for (const r of POOLING_REGIONS) expect(PROVINCES.some((p) => p.code === r.provinceCode)).toBe(true);
  });

  it('A1: scopes are national, a province or one pooling region', () => {
    expect(regionInScope(null, '440300')).toBe(true);
    expect(regionInScope('44', '440300')).toBe(true);
    expect(regionInScope('44', '110000')).toBe(false);
    expect(regionInScope('440300', '440100')).toBe(false);
  });

  it('measures distances between pooling regions for F3', () => {
    expect(regionDistanceKm('110000', '440300')).toBeGreaterThan(1900);
    expect(regionDistanceKm('440300', '440100')).toBeLessThan(150);
    expect(regionDistanceKm('440300', '999999')).toBeNull();
  });
});
