/**
 * Read-only aggregates for the staff home dashboard. Portable SQL only (MySQL 8, MariaDB 10.11,
 * TiDB, SQLite): plain GROUP BY, SUM/COUNT and CASE; month buckets are computed here in Beijing time
 * and queried as half-open [start, end) ranges of the indexed treated_at / created_at columns.
 * Everything is filtered to the caller's region scope (A1).
 */
import type { Category } from '@gongji/shared';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { requireStaff, type RequestContext } from '../../core/context';
import { InvalidInputError } from '../../core/errors';
import { applyScope } from '../../core/scope';
import { Binding } from '../binding/binding.entity';
import { RelationshipProof } from '../proof/proof.entity';
import { Settlement, SettlementPayment } from '../settlement/settlement.entity';
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

/** Settlements visible to the caller: patient or place of treatment in scope. */
function settlementScope<T extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<T>) {
  return applyScope(ctx, qb, ['s.patient_region', 's.place_region'], ['s.patient_province', 's.place_province']);
}

/** Payments from givers' accounts (binding set) joined to their settlement, in scope, treated in [from, to). */
function mutualAidPayments(ctx: RequestContext, from: Date, to: Date) {
  const qb = ctx.em
    .createQueryBuilder(SettlementPayment, 'p')
    .innerJoin(Settlement, 's', 's.id = p.settlement_id')
    .where('p.binding_id IS NOT NULL')
    .andWhere('s.treated_at >= :from AND s.treated_at < :to', { from, to });
  return settlementScope(ctx, qb);
}

async function mutualAidByMonth(ctx: RequestContext, months: Month[]): Promise<MutualAidMonth[]> {
  const out: MutualAidMonth[] = [];
  for (const m of months) {
    const rows = await mutualAidPayments(ctx, m.start, m.end)
      .select('s.category', 'category')
      .addSelect('SUM(p.amount_fen - p.reversed_fen)', 'amount')
      .addSelect('COUNT(DISTINCT s.id)', 'n')
      .groupBy('s.category')
      .orderBy('s.category', 'ASC')
      .getRawMany<{ category: Category; amount: unknown; n: unknown }>();
    for (const r of rows) out.push({ month: m.label, category: r.category, amountFen: num(r.amount), count: num(r.n) });
  }
  return out;
}

async function mutualAidByProvince(ctx: RequestContext, from: Date, to: Date): Promise<MutualAidProvince[]> {
  const rows = await mutualAidPayments(ctx, from, to)
    .select('s.patient_province', 'province')
    .addSelect('SUM(p.amount_fen - p.reversed_fen)', 'amount')
    .addSelect('COUNT(DISTINCT s.id)', 'n')
    .groupBy('s.patient_province')
    .getRawMany<{ province: string; amount: unknown; n: unknown }>();
  return rows.map((r) => ({ provinceCode: r.province, amountFen: num(r.amount), count: num(r.n) })).sort((a, b) => b.amountFen - a.amountFen || a.provinceCode.localeCompare(b.provinceCode));
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
  const proofs = () => bindingScope(ctx, ctx.em.createQueryBuilder(RelationshipProof, 'p').innerJoin(Binding, 'b', 'b.id = p.binding_id').where('p.review_state = :ps', { ps: 'PENDING' }));
  const bindings = () => bindingScope(ctx, ctx.em.createQueryBuilder(Binding, 'b').where('b.state = :bs', { bs: 'PENDING' }));
  return [await queueAge(ctx, 'PROOFS', proofs, 'p.created_at', 'p.createdAt'), await queueAge(ctx, 'BINDINGS', bindings, 'b.created_at', 'b.createdAt')];
}

async function today(ctx: RequestContext): Promise<TodaySettlements> {
  const from = beijingDayStart(ctx.now);
  const to = new Date(from.getTime() + DAY_MS);
  const raw = await settlementScope(ctx, ctx.em.createQueryBuilder(Settlement, 's').where('s.treated_at >= :from AND s.treated_at < :to', { from, to }))
    .select('COUNT(*)', 'n')
    .addSelect('SUM(CASE WHEN s.mulaid_pay_fen > 0 THEN 1 ELSE 0 END)', 'mn')
    .addSelect('SUM(s.total_fen)', 'total')
    .addSelect('SUM(s.self_pay_fen)', 'self')
    .addSelect('SUM(s.acct_pay_fen)', 'acct')
    .addSelect('SUM(s.mulaid_pay_fen)', 'mulaid')
    .addSelect('SUM(s.cash_fen)', 'cash')
    .getRawOne<Record<string, unknown>>();
  const d = new Date(from.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
  return {
    date: d,
    count: num(raw?.n),
    mutualAidCount: num(raw?.mn),
    totalFen: num(raw?.total),
    selfPayFen: num(raw?.self),
    acctPayFen: num(raw?.acct),
    mulaidPayFen: num(raw?.mulaid),
    cashFen: num(raw?.cash),
  };
}

export async function dashboardStats(ctx: RequestContext, monthCount: number): Promise<DashboardStats> {
  requireStaff(ctx);
  if (!Number.isInteger(monthCount) || monthCount < 1 || monthCount > 24) throw new InvalidInputError('BAD_MONTHS', '月数须在 1 到 24 之间 (months must be 1–24)', 'months');
  const months = beijingMonths(ctx.now, monthCount);
  const from = months[0].start;
  const to = months[months.length - 1].end;
  return {
    fromMonth: months[0].label,
    toMonth: months[months.length - 1].label,
    mutualAidByMonth: await mutualAidByMonth(ctx, months),
    mutualAidByProvince: await mutualAidByProvince(ctx, from, to),
    queues: await queues(ctx),
    today: await today(ctx),
  };
}
