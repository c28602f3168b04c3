import { describe, expect, it } from 'vitest';
import { axisYuan, fenToYuanNumber, monthCategorySeries, monthRange } from './series';

describe('dashboard series', () => {
  it('lists every month of the period, across a year end', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-02')).toEqual(['2026-02']);
    expect(monthRange('bad', '2026-02')).toEqual([]);
  });

  it('builds one amount series per category (largest first) and counts per month, with zero months', () => {
    const s = monthCategorySeries({
      fromMonth: '2026-01',
      toMonth: '2026-03',
      mutualAidByMonth: [
        { month: '2026-01', category: 'PHARMACY', amountFen: 500, count: 2 },
        { month: '2026-01', category: 'INPATIENT', amountFen: 10_000, count: 1 },
        { month: '2026-03', category: 'PHARMACY', amountFen: 700, count: 3 },
      ],
    });
    expect(s.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(s.categories).toEqual(['INPATIENT', 'PHARMACY']);
    expect(s.amountsFen).toEqual([
      [10_000, 0, 0],
      [500, 0, 700],
    ]);
    expect(s.counts).toEqual([3, 0, 3]);
    expect(s.totalFen).toBe(11_200);
  });

  it('converts fen to yuan numbers for axes', () => {
    expect(fenToYuanNumber(123456)).toBe(1234.56);
    expect(fenToYuanNumber(0)).toBe(0);
  });
});

describe('axis labels', () => {
  it('uses 万 in Chinese and k/M in English', () => {
    expect(axisYuan(250_000, 'zh-CN')).toBe('25万');
    expect(axisYuan(15_000, 'zh-CN')).toBe('1.5万');
    expect(axisYuan(800, 'zh-CN')).toBe('800');
    expect(axisYuan(250_000, 'en')).toBe('250k');
    expect(axisYuan(1_500_000, 'en')).toBe('1.5M');
  });
});
