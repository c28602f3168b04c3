/**
 * Read-only aggregates for the staff home dashboard. Settlement figures come from the rollup tables
 * (dashboard-rollup.consumer.ts keeps them current from the outbox), never from the settlement table;
 * sums are read as exact decimal strings (S15). The review queues are counted live. Portable SQL only
 * (MySQL 8, MariaDB 10.11, TiDB, SQLite). Everything is filtered to the caller's region scope (A1).
 */
import type { Category } from '@gongji/shared';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { requireStaff, type RequestContext } from '../../core/context';
import { InvalidInputError } from '../../core/errors';
import { applyScope, regionColumn, staffScope, type RegionColumns } from '../../core/scope';
import { Binding } from '../binding/binding.entity';
import { RelationshipProof } from '../proof/proof.entity';
import { rollupVersion } from './dashboard-rollup.consumer';
import type { DashboardStats, MutualAidMonth, MutualAidProvince, QueueAge, TodaySettlements } from './dashboard.inputs';

const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

interface Month {
  label: string;
  start: Date;
  end: Date;
}

/** The `count` Beijing calendar months ending with the one `now` falls in, oldest first. */
export function beijingMonths(now: Date, count: number): Month[] {
  const bj = new Date(now.getTime() + BEIJING_OFFSET_MS);
  const y = bj.getUTCFullYear();
  const m = bj.getUTCMonth();
  const out: Month[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = new Date(Date.UTC(y, m - i, 1) - BEIJING_OFFSET_MS);
    const end = new Date(Date.UTC(y, m - i + 1, 1) - BEIJING_OFFSET_MS);
    const s = new Date(start.getTime() + BEIJING_OFFSET_MS);
    out.push({ label: `${s.getUTCFullYear()}-${String(s.getUTCMonth() + 1).padStart(2, '0')}`, start, end });
  }
  return out;
}

function beijingDayStart(now: Date): Date {
  const bj = new Date(now.getTime() + BEIJING_OFFSET_MS);
  return new Date(Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth(), bj.getUTCDate()) - BEIJING_OFFSET_MS);
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
/** An exact decimal string from a SUM read as CAST(… AS CHAR) (null: nothing summed). */
const exact = (v: unknown): string => (v === null || v === undefined ? '0' : BigInt(String(v)).toString());

const ROLLUP_REGIONS: RegionColumns[] = [
  { region: 'patient_region', province: 'patient_province' },
  { region: 'place_region', province: 'place_province' },
];

/**
 * The rollup rows of the caller's scope over a range, as a FROM clause: the month × province table
 * for national and provincial staff, the month × pooling-region table for a pooling region (a few
 * thousand rows for two years, either way). A1: patient or place of treatment in scope. The OR of the two region
 * columns is a UNION ALL of two index ranges (the second without the rows the first already has).
 */
function rollupRows(ctx: RequestContext, range: { fromMonth: string; toMonth: string }): { from: string; month: string; params: string[] } {
  const scope = staffScope(ctx) ?? null;
  if (scope && scope.length === 6) {
    const [patient, place] = ROLLUP_REGIONS.map((c) => regionColumn(c, scope));
    return {
      from: `(SELECT * FROM settlement_rollup_region_month WHERE ${patient} = ? AND month >= ? AND month <= ?
              UNION ALL SELECT * FROM settlement_rollup_region_month WHERE ${place} = ? AND ${patient} <> ? AND month >= ? AND month <= ?) r`,
      month: 'month',
      params: [scope, range.fromMonth, range.toMonth, scope, scope, range.fromMonth, range.toMonth],
    };
  }
  const where = scope ? `(${ROLLUP_REGIONS.map((c) => `${regionColumn(c, scope)} = ?`).join(' OR ')})` : '1 = 1';
  return {
    from: `(SELECT * FROM settlement_rollup_month WHERE month >= ? AND month <= ? AND ${where}) r`,
    month: 'month',
    params: [range.fromMonth, range.toMonth, ...(scope ? [scope, scope] : [])],
  };
}

function monthRange(months: Month[]) {
  return { fromMonth: months[0].label, toMonth: months[months.length - 1].label };
}

async function mutualAidByMonth(ctx: RequestContext, months: Month[]): Promise<MutualAidMonth[]> {
  const src = rollupRows(ctx, monthRange(months));
  const rows = (await ctx.em.query(
    `SELECT ${src.month} AS month, category, CAST(SUM(mulaid_pay_fen) - SUM(mulaid_reversed_fen) AS CHAR) AS amount, CAST(SUM(mulaid_settlements) AS CHAR) AS n
     FROM ${src.from} GROUP BY ${src.month}, category HAVING SUM(mulaid_settlements) > 0 ORDER BY ${src.month}, category`,
    src.params,
  )) as Array<{ month: string; category: Category; amount: unknown; n: unknown }>;
  return rows.map((r) => ({ month: r.month, category: r.category, amountFen: Number(exact(r.amount)), amountFenExact: exact(r.amount), count: num(r.n) }));
}

async function mutualAidByProvince(ctx: RequestContext, months: Month[]): Promise<MutualAidProvince[]> {
  const src = rollupRows(ctx, monthRange(months));
  const rows = (await ctx.em.query(
    `SELECT patient_province AS province, CAST(SUM(mulaid_pay_fen) - SUM(mulaid_reversed_fen) AS CHAR) AS amount, CAST(SUM(mulaid_settlements) AS CHAR) AS n
     FROM ${src.from} GROUP BY patient_province HAVING SUM(mulaid_settlements) > 0`,
    src.params,
  )) as Array<{ province: string; amount: unknown; n: unknown }>;
  return rows
    .map((r) => ({ provinceCode: r.province, amountFen: Number(exact(r.amount)), amountFenExact: exact(r.amount), count: num(r.n) }))
    .sort((a, b) => {
      const d = BigInt(b.amountFenExact) - BigInt(a.amountFenExact);
      return d > 0n ? 1 : d < 0n ? -1 : a.provinceCode.localeCompare(b.provinceCode);
    });
}

/** Count by waiting time with CASE buckets; the oldest item is read as an entity (portable date handling). */
async function queueAge<T extends ObjectLiteral>(ctx: RequestContext, name: string, base: () => SelectQueryBuilder<T>, createdCol: string, orderProp: string): Promise<QueueAge> {
  const now = ctx.now.getTime();
  const t1 = new Date(now - DAY_MS);
  const t3 = new Date(now - 3 * DAY_MS);
  const t7 = new Date(now - 7 * DAY_MS);
  const t30 = new Date(now - 30 * DAY_MS);
  const raw = await base()
    .select('COUNT(*)', 'total')
    .addSelect(`SUM(CASE WHEN ${createdCol} >= :t1 THEN 1 ELSE 0 END)`, 'b0')
    .addSelect(`SUM(CASE WHEN ${createdCol} < :t1 AND ${createdCol} >= :t3 THEN 1 ELSE 0 END)`, 'b1')
    .addSelect(`SUM(CASE WHEN ${createdCol} < :t3 AND ${createdCol} >= :t7 THEN 1 ELSE 0 END)`, 'b3')
    .addSelect(`SUM(CASE WHEN ${createdCol} < :t7 AND ${createdCol} >= :t30 THEN 1 ELSE 0 END)`, 'b7')
    .addSelect(`SUM(CASE WHEN ${createdCol} < :t30 THEN 1 ELSE 0 END)`, 'b30')
    .setParameters({ t1, t3, t7, t30 })
    .getRawOne<Record<string, unknown>>();
  const oldest = await base().orderBy(orderProp, 'ASC').limit(1).getOne();
  return {
    queue: name,
    total: num(raw?.total),
    oldestAt: oldest ? ((oldest as unknown as { createdAt: Date }).createdAt ?? null) : null,
    under1Day: num(raw?.b0),
    days1to3: num(raw?.b1),
    days3to7: num(raw?.b3),
    days7to30: num(raw?.b7),
    over30Days: num(raw?.b30),
  };
}

function bindingScope<T extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<T>) {
  return applyScope(ctx, qb, ['b.giver_region', 'b.beneficiary_region'], ['b.giver_province', 'b.beneficiary_province']);
}

async function queues(ctx: RequestContext): Promise<QueueAge[]> {
  // A proof carries its binding's party regions: the queue's scope is on the proof itself (no join).
  const proofs = () =>
    applyScope(ctx, ctx.em.createQueryBuilder(RelationshipProof, 'p').where('p.review_state = :ps', { ps: 'PENDING' }), ['p.giver_region', 'p.beneficiary_region'], ['p.giver_province', 'p.beneficiary_province']);
  const bindings = () => bindingScope(ctx, ctx.em.createQueryBuilder(Binding, 'b').where('b.state = :bs', { bs: 'PENDING' }));
  return [await queueAge(ctx, 'PROOFS', proofs, 'p.created_at', 'p.createdAt'), await queueAge(ctx, 'BINDINGS', bindings, 'b.created_at', 'b.createdAt')];
}

async function today(ctx: RequestContext): Promise<TodaySettlements> {
  const from = beijingDayStart(ctx.now);
  const d = new Date(from.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
  const scope = staffScope(ctx) ?? null;
  // One day: its rows are a PK range; the scope is a filter on them.
  const where = scope ? `(${ROLLUP_REGIONS.map((c) => `${regionColumn(c, scope)} = ?`).join(' OR ')})` : '1 = 1';
  const sums = ['total_fen', 'self_pay_fen', 'acct_pay_fen', 'mulaid_pay_fen', 'cash_fen'];
  const raw = ((await ctx.em.query(
    `SELECT CAST(SUM(settlements) AS CHAR) AS n, CAST(SUM(mulaid_settlements) AS CHAR) AS mn, ${sums.map((c) => `CAST(SUM(${c}) AS CHAR) AS ${c}`).join(', ')}
     FROM settlement_rollup_day WHERE day = ? AND ${where}`,
    [d, ...(scope ? [scope, scope] : [])],
  )) as Array<Record<string, unknown>>)[0];
  const e = {
    totalFen: exact(raw?.total_fen),
    selfPayFen: exact(raw?.self_pay_fen),
    acctPayFen: exact(raw?.acct_pay_fen),
    mulaidPayFen: exact(raw?.mulaid_pay_fen),
    cashFen: exact(raw?.cash_fen),
  };
  return {
    date: d,
    count: num(raw?.n),
    mutualAidCount: num(raw?.mn),
    totalFen: Number(e.totalFen),
    selfPayFen: Number(e.selfPayFen),
    acctPayFen: Number(e.acctPayFen),
    mulaidPayFen: Number(e.mulaidPayFen),
    cashFen: Number(e.cashFen),
    exact: e,
  };
}

/** Rollup figures per scope, months and day, for a few seconds (and until this process applies a batch). */
const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; value: Omit<DashboardStats, 'queues'> }>();

export async function dashboardStats(ctx: RequestContext, monthCount: number): Promise<DashboardStats> {
  requireStaff(ctx);
  if (!Number.isInteger(monthCount) || monthCount < 1 || monthCount > 24) throw new InvalidInputError('BAD_MONTHS', '月数须在 1 到 24 之间 (months must be 1–24)', 'months');
  const months = beijingMonths(ctx.now, monthCount);
  const key = `${staffScope(ctx) ?? '*'}|${monthCount}|${beijingDayStart(ctx.now).getTime()}|${rollupVersion()}`;
  let hit = cache.get(key);
  if (!hit || ctx.now.getTime() - hit.at > CACHE_MS || hit.at > ctx.now.getTime()) {
    hit = {
      at: ctx.now.getTime(),
      value: {
        fromMonth: months[0].label,
        toMonth: months[months.length - 1].label,
        mutualAidByMonth: await mutualAidByMonth(ctx, months),
        mutualAidByProvince: await mutualAidByProvince(ctx, months),
        today: await today(ctx),
      },
    };
    if (cache.size > 1000) cache.clear();
    cache.set(key, hit);
  }
  // The review queues are read live: they are small indexed ranges, and a reviewer expects them current.
  return { ...hit.value, queues: await queues(ctx) };
}
