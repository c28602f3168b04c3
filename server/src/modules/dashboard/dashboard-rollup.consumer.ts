/**
 * The dashboard rollups (issue 10): an outbox consumer that adds each batch of settlements and
 * reversals to settlement_rollup_day, settlement_rollup_month and settlement_rollup_region_month, set-based (a few statements per batch
 * whatever its size), and `rebuildRollups` which recomputes the three tables from the settlement tables.
 *
 * A settlement adds its figures to the Beijing day of its treatment; a reversal nets the self-pay it
 * reversed, and the part of it credited back to mutual-aid givers, on that same day (the dashboard
 * reports mutual aid net of reversals). Amounts are summed as BigInt and written as decimal strings
 * into BIGINT columns with `col = col + new` (integer arithmetic in the database): exact to 2^63 fen (S15).
 */
import { In } from 'typeorm';
import type { RequestContext } from '../../core/context';
import type { OutboxConsumer, OutboxEvent } from '../outbox/outbox.types';
import { Settlement, SettlementPayment, SettlementReversal } from '../settlement/settlement.entity';

const BEIJING_OFFSET_MS = 8 * 3600_000;

export const MEASURES = ['settlements', 'mulaidSettlements', 'totalFen', 'selfPayFen', 'acctPayFen', 'mulaidPayFen', 'cashFen', 'reversedFen', 'mulaidReversedFen'] as const;
export type Measure = (typeof MEASURES)[number];
export const MEASURE_COLUMNS: Record<Measure, string> = {
  settlements: 'settlements',
  mulaidSettlements: 'mulaid_settlements',
  totalFen: 'total_fen',
  selfPayFen: 'self_pay_fen',
  acctPayFen: 'acct_pay_fen',
  mulaidPayFen: 'mulaid_pay_fen',
  cashFen: 'cash_fen',
  reversedFen: 'reversed_fen',
  mulaidReversedFen: 'mulaid_reversed_fen',
};

type Delta = Record<Measure, bigint>;
const zero = (): Delta => Object.fromEntries(MEASURES.map((m) => [m, 0n])) as Delta;

interface Dims {
  day: string;
  patientRegion: string;
  placeRegion: string;
  patientProvince: string;
  placeProvince: string;
  category: string;
}

/** The Beijing calendar date of an instant. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** In-process version of the rollups, bumped by every batch: part of the dashboard cache key. */
let version = 0;
export const rollupVersion = () => version;

const SETTLEMENT_COLUMNS: Array<keyof Settlement> = [
  'id',
  'treatedAt',
  'patientRegion',
  'placeRegion',
  'patientProvince',
  'placeProvince',
  'category',
  'totalFen',
  'selfPayFen',
  'acctPayFen',
  'mulaidPayFen',
  'cashFen',
];

function dimsOf(s: Settlement): Dims {
  return {
    day: beijingDay(s.treatedAt),
    patientRegion: s.patientRegion,
    placeRegion: s.placeRegion,
    patientProvince: s.patientProvince,
    placeProvince: s.placeProvince,
    category: s.category,
  };
}

/**
 * The part of each reversal credited back to mutual-aid givers, replayed in id order exactly as
 * reverseSettlement places it: cash first, then the payments from the last seq back.
 */
async function mulaidPartOfReversals(ctx: RequestContext, settlements: Map<number, Settlement>, wanted: Set<number>): Promise<Map<number, bigint>> {
  const ids = [...settlements.keys()];
  const out = new Map<number, bigint>();
  if (!ids.length) return out;
  const reversals = await ctx.em.find(SettlementReversal, { where: { settlementId: In(ids) }, order: { id: 'ASC' }, select: { id: true, settlementId: true, amountFen: true } });
  const payments = await ctx.em.find(SettlementPayment, { where: { settlementId: In(ids) }, select: { id: true, settlementId: true, seq: true, amountFen: true, bindingId: true } });
  const bySettlement = new Map<number, SettlementPayment[]>();
  for (const p of payments) {
    const list = bySettlement.get(Number(p.settlementId)) ?? [];
    list.push(p);
    bySettlement.set(Number(p.settlementId), list);
  }
  const cashUsed = new Map<number, number>();
  const paidBack = new Map<number, number>();
  for (const r of reversals) {
    const sid = Number(r.settlementId);
    const s = settlements.get(sid)!;
    let left = Number(r.amountFen);
    const cash = Math.min(left, s.cashFen - (cashUsed.get(sid) ?? 0));
    cashUsed.set(sid, (cashUsed.get(sid) ?? 0) + cash);
    left -= cash;
    let mulaid = 0n;
    for (const p of (bySettlement.get(sid) ?? []).sort((a, b) => b.seq - a.seq)) {
      if (left === 0) break;
      const back = Math.min(left, p.amountFen - (paidBack.get(p.id) ?? 0));
      if (back <= 0) continue;
      paidBack.set(p.id, (paidBack.get(p.id) ?? 0) + back);
      left -= back;
      if (p.bindingId !== null) mulaid += BigInt(back);
    }
    if (wanted.has(Number(r.id))) out.set(Number(r.id), mulaid);
  }
  return out;
}

/** The deltas of one batch, per rollup key. */
async function deltasOf(ctx: RequestContext, events: readonly OutboxEvent[]): Promise<Map<string, { dims: Dims; d: Delta }>> {
  const settledIds = events.filter((e) => e.type === 'settlement.settled').map((e) => e.subjectId);
  const reversalIds = events.filter((e) => e.type === 'settlement.reversed').map((e) => e.subjectId);
  const reversals = reversalIds.length ? await ctx.em.find(SettlementReversal, { where: { id: In(reversalIds) }, select: { id: true, settlementId: true, amountFen: true } }) : [];
  const needed = [...new Set([...settledIds, ...reversals.map((r) => Number(r.settlementId))])];
  const rows = needed.length ? await ctx.em.find(Settlement, { where: { id: In(needed) }, select: Object.fromEntries(SETTLEMENT_COLUMNS.map((c) => [c, true])) }) : [];
  const settlements = new Map(rows.map((s) => [Number(s.id), s]));
  const out = new Map<string, { dims: Dims; d: Delta }>();
  const add = (s: Settlement, f: (d: Delta) => void) => {
    const dims = dimsOf(s);
    const key = `${dims.day}|${dims.patientRegion}|${dims.placeRegion}|${dims.category}`;
    const e = out.get(key) ?? { dims, d: zero() };
    f(e.d);
    out.set(key, e);
  };
  for (const id of settledIds) {
    const s = settlements.get(Number(id));
    if (!s) throw new Error(`rollup: settlement ${id} of a settlement.settled event is missing`);
    add(s, (d) => {
      d.settlements += 1n;
      if (s.mulaidPayFen > 0) d.mulaidSettlements += 1n;
      d.totalFen += BigInt(s.totalFen);
      d.selfPayFen += BigInt(s.selfPayFen);
      d.acctPayFen += BigInt(s.acctPayFen);
      d.mulaidPayFen += BigInt(s.mulaidPayFen);
      d.cashFen += BigInt(s.cashFen);
    });
  }
  if (reversals.length) {
    const affected = new Map([...new Set(reversals.map((r) => Number(r.settlementId)))].map((id) => [id, settlements.get(id)!]));
    const mulaid = await mulaidPartOfReversals(ctx, affected, new Set(reversals.map((r) => Number(r.id))));
    for (const r of reversals) {
      const s = settlements.get(Number(r.settlementId));
      if (!s) throw new Error(`rollup: settlement of reversal ${r.id} is missing`);
      add(s, (d) => {
        d.reversedFen += BigInt(r.amountFen);
        d.mulaidReversedFen += mulaid.get(Number(r.id)) ?? 0n;
      });
    }
  }
  return out;
}

/** Add deltas to one rollup table: one multi-row upsert (portable: ON DUPLICATE KEY / ON CONFLICT). */
async function upsert(ctx: RequestContext, table: string, keyColumns: string[], otherColumns: string[], rows: Array<{ keys: string[]; others: string[]; d: Delta }>) {
  const CHUNK = 500;
  const measureCols = MEASURES.map((m) => MEASURE_COLUMNS[m]);
  const cols = [...keyColumns, ...otherColumns, ...measureCols];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const values = part.map(() => `(${cols.map(() => '?').join(',')})`).join(',');
    const params = part.flatMap((r) => [...r.keys, ...r.others, ...MEASURES.map((m) => r.d[m].toString())]);
    const update = ctx.db.isSqlite
      ? `ON CONFLICT (${keyColumns.join(',')}) DO UPDATE SET ${measureCols.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`
      : `ON DUPLICATE KEY UPDATE ${measureCols.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ')}`;
    await ctx.em.query(`INSERT INTO ${table} (${cols.join(',')}) VALUES ${values} ${update}`, params);
  }
}

/** Apply one batch of outbox events to the rollups. */
export async function applyRollupEvents(ctx: RequestContext, events: readonly OutboxEvent[]): Promise<void> {
  const relevant = events.filter((e) => e.type === 'settlement.settled' || e.type === 'settlement.reversed');
  if (!relevant.length) return;
  const deltas = [...(await deltasOf(ctx, relevant)).values()];
  await upsert(
    ctx,
    'settlement_rollup_day',
    ['day', 'patient_region', 'place_region', 'category'],
    ['patient_province', 'place_province'],
    deltas.map(({ dims, d }) => ({ keys: [dims.day, dims.patientRegion, dims.placeRegion, dims.category], others: [dims.patientProvince, dims.placeProvince], d })),
  );
  const months = new Map<string, { keys: string[]; d: Delta }>();
  for (const { dims, d } of deltas) {
    const keys = [dims.day.slice(0, 7), dims.patientProvince, dims.placeProvince, dims.category];
    const k = keys.join('|');
    const e = months.get(k) ?? { keys, d: zero() };
    for (const m of MEASURES) e.d[m] += d[m];
    months.set(k, e);
  }
  await upsert(ctx, 'settlement_rollup_month', ['month', 'patient_province', 'place_province', 'category'], [], [...months.values()].map((m) => ({ ...m, others: [] })));
  const regionMonths = new Map<string, { keys: string[]; others: string[]; d: Delta }>();
  for (const { dims, d } of deltas) {
    const keys = [dims.day.slice(0, 7), dims.patientRegion, dims.placeRegion, dims.category];
    const k = keys.join('|');
    const e = regionMonths.get(k) ?? { keys, others: [dims.patientProvince, dims.placeProvince], d: zero() };
    for (const m of MEASURES) e.d[m] += d[m];
    regionMonths.set(k, e);
  }
  await upsert(ctx, 'settlement_rollup_region_month', ['month', 'patient_region', 'place_region', 'category'], ['patient_province', 'place_province'], [...regionMonths.values()]);
  version++;
}

const ROLLUP_CONSUMER_NAME = 'dashboard-rollups';

/** The outbox consumer the worker runs (cursor name: never rename). */
export const rollupConsumer: OutboxConsumer = {
  name: ROLLUP_CONSUMER_NAME,
  handle: applyRollupEvents,
};

/**
 * Recompute both rollup tables from the settlement tables (back-fill, migration, repair). Run it in
 * the same transaction that moves this consumer's cursor to the newest outbox event, so no event is
 * counted twice or missed.
 */
export async function rebuildRollups(ctx: RequestContext): Promise<void> {
  // Lock this consumer's cursor first, so no worker batch interleaves; the recomputation covers every
  // event committed so far, so the cursor moves to the newest one in the same transaction.
  const forUpdate = ctx.db.isSqlite ? '' : ' FOR UPDATE';
  const cur = (await ctx.em.query(`SELECT last_event_id FROM outbox_cursor WHERE consumer = ?${forUpdate}`, [ROLLUP_CONSUMER_NAME])) as unknown[];
  for (const sql of rebuildStatements(ctx.db.isSqlite)) await ctx.em.query(sql);
  const top = Number(((await ctx.em.query('SELECT MAX(id) AS n FROM outbox_event')) as Array<{ n: unknown }>)[0]?.n ?? 0);
  const at = ctx.now.toISOString().replace('T', ' ').replace('Z', '');
  if (cur.length) await ctx.em.query('UPDATE outbox_cursor SET last_event_id = ?, updated_at = ? WHERE consumer = ?', [top, at, ROLLUP_CONSUMER_NAME]);
  else await ctx.em.query('INSERT INTO outbox_cursor (consumer, last_event_id, updated_at) VALUES (?, ?, ?)', [ROLLUP_CONSUMER_NAME, top, at]);
  version++;
}

/** The statements of a full recomputation (also inlined, as of its date, in the migration that back-fills). */
export function rebuildStatements(sqlite: boolean): string[] {
  const day = sqlite ? "strftime('%Y-%m-%d', s.treated_at, '+8 hours')" : "DATE_FORMAT(s.treated_at + INTERVAL 8 HOUR, '%Y-%m-%d')";
  const cols = MEASURES.map((k) => MEASURE_COLUMNS[k]).join(', ');
  return [
    'DELETE FROM settlement_rollup_day',
    'DELETE FROM settlement_rollup_month',
    'DELETE FROM settlement_rollup_region_month',
    `INSERT INTO settlement_rollup_day (day, patient_region, place_region, category, patient_province, place_province, ${cols}) ` +
      `SELECT ${day}, s.patient_region, s.place_region, s.category, MIN(s.patient_province), MIN(s.place_province), ` +
      'COUNT(*), SUM(CASE WHEN s.mulaid_pay_fen > 0 THEN 1 ELSE 0 END), SUM(s.total_fen), SUM(s.self_pay_fen), SUM(s.acct_pay_fen), ' +
      'SUM(s.mulaid_pay_fen), SUM(s.cash_fen), SUM(s.reversed_fen), SUM(COALESCE(r.fen, 0)) ' +
      'FROM settlement s LEFT JOIN (SELECT settlement_id, SUM(reversed_fen) AS fen FROM settlement_payment ' +
      'WHERE binding_id IS NOT NULL AND reversed_fen > 0 GROUP BY settlement_id) r ON r.settlement_id = s.id ' +
      `GROUP BY ${day}, s.patient_region, s.place_region, s.category`,
    `INSERT INTO settlement_rollup_month (month, patient_province, place_province, category, ${cols}) ` +
      `SELECT SUBSTR(day, 1, 7), patient_province, place_province, category, ${MEASURES.map((k) => `SUM(${MEASURE_COLUMNS[k]})`).join(', ')} ` +
      'FROM settlement_rollup_day GROUP BY SUBSTR(day, 1, 7), patient_province, place_province, category',
    `INSERT INTO settlement_rollup_region_month (month, patient_region, place_region, category, patient_province, place_province, ${cols}) ` +
      `SELECT SUBSTR(day, 1, 7), patient_region, place_region, category, MIN(patient_province), MIN(place_province), ${MEASURES.map((k) => `SUM(${MEASURE_COLUMNS[k]})`).join(', ')} ` +
      'FROM settlement_rollup_day GROUP BY SUBSTR(day, 1, 7), patient_region, place_region, category',
  ];
}
