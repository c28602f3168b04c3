/** Pure shaping of the dashboard aggregates into chart series (unit-tested). */
import type { DashboardStats } from '../providers/dataProvider';

export interface MonthSeries {
  months: string[];
  categories: string[];
  /** amountsFen[c][m]: category c in month m. */
  amountsFen: number[][];
  /** Settlements with mutual aid per month (all categories). */
  counts: number[];
  totalFen: number;
}

/** Every month of the period (also those without payments), categories by total amount, largest first. */
export function monthCategorySeries(stats: Pick<DashboardStats, 'fromMonth' | 'toMonth' | 'mutualAidByMonth'>): MonthSeries {
  const months = monthRange(stats.fromMonth, stats.toMonth);
  const totals = new Map<string, number>();
  for (const r of stats.mutualAidByMonth) totals.set(r.category, (totals.get(r.category) ?? 0) + r.amountFen);
  const categories = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
  const amountsFen = categories.map(() => months.map(() => 0));
  const counts = months.map(() => 0);
  for (const r of stats.mutualAidByMonth) {
    const m = months.indexOf(r.month);
    if (m < 0) continue;
    amountsFen[categories.indexOf(r.category)][m] += r.amountFen;
    counts[m] += r.count;
  }
  return { months, categories, amountsFen, counts, totalFen: [...totals.values()].reduce((a, b) => a + b, 0) };
}

/** "2025-11".."2026-02" → every YYYY-MM in between, inclusive. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  if (!y || !m || !ty || !tm) return out;
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    if (out.length > 120) break;
  }
  return out;
}

export const AGE_BUCKETS = ['under1Day', 'days1to3', 'days3to7', 'days7to30', 'over30Days'] as const;

/** fen → yuan as a number for chart axes (display strings use format.ts). */
export const fenToYuanNumber = (fen: number) => Math.round(fen) / 100;

/** Axis labels in yuan: 万 (10,000) in Chinese, k / M in English. */
export function axisYuan(v: number, locale: string): string {
  if (locale.startsWith('en')) {
    if (Math.abs(v) >= 1_000_000) return `${+(v / 1_000_000).toFixed(1)}M`;
    if (Math.abs(v) >= 1_000) return `${+(v / 1_000).toFixed(1)}k`;
    return String(v);
  }
  return Math.abs(v) >= 10_000 ? `${+(v / 10_000).toFixed(1)}万` : String(v);
}
