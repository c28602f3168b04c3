/**
 * Group commit (MySQL/MariaDB): settle requests that arrive together share ONE transaction with
 * set-based statements, in two round trips whatever the batch size (a script transaction,
 * db/script.ts):
 *   1. START TRANSACTION; one INSERT per settlement (each reports its own id; the unique
 *      (institution, serial) key is still the S8 barrier); ONE conditional debit UPDATE over every
 *      paying account (each account's total for the batch, `balance − reserved ≥ total`).
 *   2. INSERT their payments; INSERT their outbox events; INSERT the ledger entries, each one's
 *      balance-after read from its account row as the debit left it (under our row lock); COMMIT.
 * A batch of one is written the same way: 2 round trips, 7 statements.
 *
 * There is no timer: a request joins the queue; when fewer than GONGJI_GROUP_COMMIT_IN_FLIGHT
 * batches are running, everything queued (at most GONGJI_GROUP_COMMIT_MAX) leaves as the next batch.
 * One client alone therefore gets a batch of one at once; under load, requests gather while the
 * previous batch commits.
 *
 * Each request arrives with its checks done and its facts read (settlement.service.ts,
 * prepareSettlement). The batch plans the requests in arrival order against running balances — a
 * hot giver paying for several of them is debited for each in turn, exactly as consecutive single
 * settlements would — so each request keeps its individual result.
 *
 * Anything the batch cannot take goes back to its request, which then runs the single-settlement
 * path in a transaction of its own (so it gets exactly the result it would have had alone):
 *   - a second request with the same (institution, serial) in one batch (after the batch has ended,
 *     the single path finds the first: a retry, or a conflict when the payload differs, S8);
 *   - a plan that needs the wallet (W4) or a binding reservation;
 *   - a failed batch: a serial taken by another transaction meanwhile, a deadlock or any other error —
 *     the batch is rolled back whole, so nothing of it remains, and every request runs alone.
 * A balance that moved since the reads so that the conditional debit falls short (the overdraft
 * guard, S4) rolls the batch back too; it is then planned again, in the same order, from the
 * balances read under the accounts' row locks (SELECT … FOR UPDATE in id order) and written in a new
 * transaction — what consecutive single settlements would have done — unless a reservation appeared
 * on one of those accounts meanwhile (then every request runs alone).
 */
import type { RequestContext } from '../../core/context';
import { isUniqueViolation, type Database } from '../../db/database';
import { headerOf, rowsOf, type ScriptTx, type StmtResult } from '../../db/script';
import { log } from '../../ops/logger';
import { recordGroupCommit } from '../../ops/metrics';
import { conditionalDebitStatement, debitLedgerStatement, lockAccountsStatement, lockedAccountsFrom, type LockedAccount } from '../account/account.service';
import { eventsStatement } from '../outbox/outbox.service';
import type { SplitPlan } from './settlement-plan';
import { paymentsStatement, settlementInsertStatement, settlementResult, type PreparedSettlement } from './settlement-write';
import type { Settlement } from './settlement.entity';

export interface GroupCommitOptions {
  /** Off: every settle runs alone (GONGJI_GROUP_COMMIT=0). */
  enabled: boolean;
  /** Largest batch (GONGJI_GROUP_COMMIT_MAX, default 64). */
  maxBatch: number;
  /**
   * Batches running at once, each on its own pooled connection (GONGJI_GROUP_COMMIT_IN_FLIGHT, default 1).
   * One at a time makes each batch about twice as large under load, and the larger batch is cheaper per
   * settlement for the API node and the database alike (pnpm bench -- settlement, 16 clients on 2 cores:
   * server 0.6–0.9 against 0.8–1.1 ms and MariaDB 0.6–0.7 against 0.8–0.9 ms per settlement, 795–1,056
   * against 635–914 settlements/s). A database host with cores to spare may take 2 or more.
   */
  inFlight: number;
}

const options: GroupCommitOptions = {
  enabled: (process.env.GONGJI_GROUP_COMMIT ?? '1') !== '0',
  maxBatch: Math.max(1, Number(process.env.GONGJI_GROUP_COMMIT_MAX ?? 64)),
  inFlight: Math.max(1, Number(process.env.GONGJI_GROUP_COMMIT_IN_FLIGHT ?? 1)),
};

/** The knobs as the environment set them (tests put them back after changing them). */
export const groupCommitDefaults: Readonly<GroupCommitOptions> = { ...options };

/** For tests and tools: change the knobs of this process. */
export function configureGroupCommit(o: Partial<GroupCommitOptions>): void {
  Object.assign(options, o);
}

export function groupCommitEnabled(): boolean {
  return options.enabled;
}

/** The batch limits, which the shared facts read (settlement.service.ts) follows too. */
export function groupCommitLimits(): Pick<GroupCommitOptions, 'maxBatch' | 'inFlight'> {
  return { maxBatch: options.maxBatch, inFlight: options.inFlight };
}

/** Counters of this process (tests, diagnostics): batches committed, settlements in them, batches given back. */
export const groupCommitStats = { committed: 0, settled: 0, abandoned: 0, replanned: 0, largest: 0 };

interface Item {
  ctx: RequestContext;
  prepared: PreparedSettlement;
  resolve(result: Settlement | null): void;
}

interface Lane {
  queue: Item[];
  running: number;
}

/** One queue per database (tests run several in one process). */
const lanes = new WeakMap<Database, Lane>();

/**
 * Hand a prepared settlement to the group commit. Resolves with its settlement once its batch has
 * committed, or null when the request must run the single path itself (see above).
 */
export function submitToGroupCommit(ctx: RequestContext, prepared: PreparedSettlement): Promise<Settlement | null> {
  let lane = lanes.get(ctx.db);
  if (!lane) lanes.set(ctx.db, (lane = { queue: [], running: 0 }));
  const l = lane;
  return new Promise((resolve) => {
    l.queue.push({ ctx, prepared, resolve });
    pump(ctx.db, l);
  });
}

function pump(db: Database, lane: Lane): void {
  while (lane.running < options.inFlight && lane.queue.length) {
    const batch = lane.queue.splice(0, options.maxBatch);
    lane.running++;
    void runBatch(db, batch).finally(() => {
      lane.running--;
      pump(db, lane);
    });
  }
}

interface Planned {
  item: Item;
  plan: SplitPlan;
  id?: number;
}

/**
 * Plan the batch's requests in arrival order against running balances that start at `start` (each
 * account's balance as the batch believes it) and are lowered by each plan in turn. Returns the
 * planned requests; the others (a repeated serial, a plan needing the wallet or a reservation) are
 * pushed to `alone`.
 */
function planBatch(items: Item[], start: Map<number, LockedAccount>, alone: Item[]): Planned[] {
  const running = new Map<number, LockedAccount>();
  for (const [id, a] of start) running.set(id, { ...a });
  const serials = new Set<string>();
  const planned: Planned[] = [];
  for (const it of items) {
    const key = `${it.prepared.institutionId}:${it.prepared.input.serialNo}`;
    if (serials.has(key)) {
      alone.push(it);
      continue;
    }
    const view = new Map<number, LockedAccount>();
    for (const [id, a] of it.prepared.read) view.set(id, { ...(running.get(id) ?? a) });
    const plan = it.prepared.plan(view, new Map(), it.prepared.wallet);
    if (plan.walletPayment || plan.payments.some((p) => p.fromReserveFen > 0 || p.amountFen <= 0 || !running.has(p.accountId))) {
      alone.push(it);
      continue;
    }
    serials.add(key);
    for (const p of plan.payments) running.get(p.accountId)!.balanceFen -= p.amountFen;
    planned.push({ item: it, plan });
  }
  return planned;
}

async function runBatch(db: Database, items: Item[]): Promise<void> {
  const alone: Item[] = [];
  let planned: Planned[] = [];
  let results: Settlement[] | null = null;
  try {
    // First from the reads: the lowest balance any request of the batch read for each account.
    // The conditional debit is the guard should a balance have moved since.
    const read = new Map<number, LockedAccount>();
    for (const it of items)
      for (const a of it.prepared.read.values()) {
        const seen = read.get(a.id);
        if (!seen || a.balanceFen < seen.balanceFen) read.set(a.id, a);
      }
    planned = planBatch(items, read, alone);
    let outcome = planned.length ? await attempt(db, planned, null) : null;
    if (outcome === 'stale') {
      // A balance moved (it no longer covers the batch's plan): plan the same requests again, in the
      // same order, from the balances read under their row locks — as consecutive single settlements
      // would — and write them in a new transaction, where the debit can no longer fall short.
      groupCommitStats.replanned++;
      const requests = planned.map((p) => p.item);
      const ids = [...new Set(requests.flatMap((it) => [...it.prepared.read.keys()]))];
      outcome = await attempt(db, null, async (tx) => {
        const [rows] = await tx.run([lockAccountsStatement(ids)]);
        const locked = lockedAccountsFrom(rowsOf(rows));
        // A reservation appeared meanwhile: only the single path's locked read of the bindings plans that exactly.
        planned = [...locked.values()].some((a) => a.reservedFen !== 0) ? [] : planBatch(requests, locked, alone);
        return planned;
      });
    }
    results = Array.isArray(outcome) ? outcome : null;
  } catch (e) {
    results = null;
    log().warn({ err: e, size: items.length }, 'group commit: batch failed; its settlements run alone');
  }
  if (planned.length) {
    recordGroupCommit(planned.length, results !== null);
    if (results) {
      groupCommitStats.committed++;
      groupCommitStats.settled += results.length;
      groupCommitStats.largest = Math.max(groupCommitStats.largest, results.length);
    } else groupCommitStats.abandoned++;
  }
  // Every request is answered once: its settlement, or null (it runs the single path itself).
  const answered = new Set<Item>();
  planned.forEach((p, i) => {
    answered.add(p.item);
    p.item.resolve(results ? results[i] : null);
  });
  for (const it of items) if (!answered.has(it)) it.resolve(null);
}

/**
 * One script transaction (db/script.ts) for the batch: `planned` as given, or planned inside it by
 * `planLocked` (after locking the accounts). Committed when written; rolled back on 'stale' (a debit
 * fell short), 'taken' (a serial exists already) or an error.
 */
async function attempt(db: Database, planned: Planned[] | null, planLocked: ((tx: ScriptTx) => Promise<Planned[]>) | null): Promise<Settlement[] | 'stale' | 'taken' | null> {
  const tx = await db.beginScript();
  try {
    const batch = planLocked ? await planLocked(tx) : (planned ?? []);
    if (!batch.length) {
      await tx.rollback();
      return null;
    }
    const out = await writeBatch(tx, batch);
    if (!Array.isArray(out)) await tx.rollback();
    return out;
  } catch (e) {
    await tx.rollback().catch(() => undefined);
    throw e;
  } finally {
    tx.release();
  }
}

/**
 * Write the batch in two round trips ('taken' when a serial exists already, 'stale' when a balance no
 * longer covers its debits; the caller then rolls back):
 *   1. [START TRANSACTION;] one INSERT per settlement (each reports its own id; the unique
 *      (institution, serial) key is the S8 barrier); ONE conditional debit UPDATE over every paying
 *      account (its total for the batch, never below what it holds).
 *   2. the payments, the outbox events and the ledger entries (each balance-after read from its row
 *      as the debit left it), each one multi-row INSERT; COMMIT.
 */
async function writeBatch(tx: ScriptTx, batch: Planned[]): Promise<Settlement[] | 'stale' | 'taken'> {
  // Ledger entries in split order per settlement (own account, then givers; no wallet here), as the single writer does.
  const entries = batch.flatMap((b) =>
    [...b.plan.payments.filter((p) => p.bindingId === null), ...b.plan.payments.filter((p) => p.bindingId !== null)].map((p) => ({ b, p })),
  );
  const totals = new Map<number, number>();
  for (const { p } of entries) totals.set(p.accountId, (totals.get(p.accountId) ?? 0) + p.amountFen);
  const debit = totals.size
    ? conditionalDebitStatement([...totals.keys()].sort((a, b) => a - b).map((accountId) => ({ accountId, amountFen: totals.get(accountId)!, fromReserveFen: 0 })))
    : null;

  let first: StmtResult[];
  try {
    first = await tx.run([
      ...batch.map(({ item: { ctx, prepared }, plan }) => settlementInsertStatement(prepared.input, prepared.rowFacts, plan, ctx.now)),
      ...(debit ? [debit] : []),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return 'taken'; // a serial was taken by another transaction: each runs alone
    throw e;
  }
  batch.forEach((b, i) => (b.id = Number(headerOf(first[i]).insertId)));
  if (debit && headerOf(first[batch.length]).affectedRows !== totals.size) return 'stale'; // a balance moved since the read

  const payments = paymentsStatement(batch.map((b) => ({ settlementId: b.id!, plan: b.plan, patientId: b.item.prepared.rowFacts.patientId })));
  await tx.commit([
    ...(payments ? [payments] : []),
    eventsStatement(batch.map((b) => ({ type: 'settlement.settled' as const, subjectId: b.id!, settlementId: b.id!, at: b.item.ctx.now }))),
    ...(entries.length
      ? [
          debitLedgerStatement(
            entries.map(({ b, p }) => ({
              accountId: p.accountId,
              amountFen: p.amountFen,
              ref: { cause: 'SETTLEMENT' as const, settlementId: b.id!, bindingId: p.bindingId, memo: p.bindingId === null ? '本人账户支付' : '家庭共济支付' },
            })),
          ),
        ]
      : []),
  ]);
  return batch.map((b) => settlementResult(b.item.ctx, b.item.prepared.input, b.item.prepared.rowFacts, b.plan, b.id!));
}
