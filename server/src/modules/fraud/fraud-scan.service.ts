/**
 * The batch scan (F3–F8 over history) with the same engine as the outbox consumer. Incremental:
 * settlements with id above the stored watermark (fraud_scan_state, row `settlement`) are scanned in id
 * chunks, then 医保钱包 transfers above theirs (row `wallet_transfer`, W5: money leaving the sender, F6/F8).
 * Each chunk is one transaction that judges the chunk set-based (one read per kind of row; F3/F5 from the
 * patients' own settlement history by range reads on (patient_id, treated_at); F6/F8 aggregates loaded and
 * saved with multi-row upserts), records or updates signals (merged into cases) and advances the
 * watermark, so an interrupted scan resumes where it stopped. Idempotent: a settlement is judged against
 * the settlements made up to it (id ≤ its own), F6/F8 aggregates remember what they counted and signals
 * are keyed, so a re-scan (`full`) records no duplicate signal or case. Thresholds: the policy versions
 * each settlement was made under (a re-scan judges old settlements as they were judged when made).
 */
import { execute } from '../../db/database';
import type { EntityManager } from 'typeorm';
import { detectSettlements, detectWalletTransfers, HistoryCache, pruneTallies, toDate, type DetectResult } from './fraud-engine';

type Row = Record<string, unknown>;
import { FraudScanState } from './fraud-case.entity';
import type { ContextDeps } from '../../core/context';

export const SCAN_NAME = 'settlement';
export const WALLET_SCAN_NAME = 'wallet_transfer';

export interface ScanOptions {
  /** Settlements (or transfers) per chunk (default 5,000). */
  chunkSize?: number;
  /** Re-scan from the first settlement and transfer (idempotent). */
  full?: boolean;
  now?: Date;
  /** Called after every chunk: rows (settlements + transfers) done of the total. */
  onProgress?: (p: { done: number; total: number }) => void;
}

export interface ScanSummary {
  fromId: number;
  toId: number;
  /** Settlements scanned. */
  scanned: number;
  /** 医保钱包 transfers scanned (W5). */
  transfers: number;
  signals: number;
  updated: number;
  seconds: number;
}

async function watermark(em: EntityManager, name: string): Promise<number> {
  let state = await em.findOneBy(FraudScanState, { name });
  if (!state) {
    await em.insert(FraudScanState, { name, lastSettlementId: 0, lastSignals: 0, lastRunAt: null });
    state = await em.findOneByOrFail(FraudScanState, { name });
  }
  return Number(state.lastSettlementId);
}

async function advance(em: EntityManager, name: string, to: number, signalsNew: number): Promise<void> {
  // Only move the watermark forward (a full re-scan never lowers it).
  await execute(em, 'UPDATE fraud_scan_state SET last_settlement_id = ? WHERE name = ? AND last_settlement_id < ?', [to, name, to]);
  await em.update(FraudScanState, { name }, { lastSignals: signalsNew, lastRunAt: new Date() });
}

function add(a: DetectResult, b: DetectResult): void {
  a.settlements += b.settlements;
  a.signalsNew += b.signalsNew;
  a.signalsUpdated += b.signalsUpdated;
}

export async function runFraudScan(deps: Pick<ContextDeps, 'db'>, opts: ScanOptions = {}): Promise<ScanSummary> {
  const started = Date.now();
  const db = deps.db;
  const chunk = Math.max(1, opts.chunkSize ?? 5_000);
  const init = await db.transaction(async (em) => {
    const s = await watermark(em, SCAN_NAME);
    const w = await watermark(em, WALLET_SCAN_NAME);
    const [{ m }] = await em.query('SELECT MAX(id) AS m FROM settlement');
    const [{ t }] = await em.query('SELECT MAX(id) AS t FROM wallet_transfer');
    return { start: opts.full ? 0 : s, maxId: Number(m ?? 0), tStart: opts.full ? 0 : w, tMax: Number(t ?? 0) };
  });
  const total = Math.max(0, init.maxId - init.start) + Math.max(0, init.tMax - init.tStart);
  let done = 0;
  let tDone = init.tStart;
  const sum: DetectResult = { settlements: 0, signalsNew: 0, signalsUpdated: 0 };
  // patients' recent settlements, kept between chunks so a patient's history is read once per scan, not per chunk
  const cache = new HistoryCache();
  cache.upTo = init.start;
  const scan = { actorName: 'fraud-scan', cache };
  opts.onProgress?.({ done: 0, total });
  // settlements in id chunks; transfers (W5) sent while a chunk's settlements were made are judged in between,
  // in the order the outbox consumer saw them (by when the money moved), so both paths count the same windows
  for (let lo = init.start; lo < init.maxId; lo += chunk) {
    const hi = Math.min(lo + chunk, init.maxId);
    const [r, tTo] = await db.transaction(async (em) => {
      const found: DetectResult = { settlements: 0, signalsNew: 0, signalsUpdated: 0 };
      const [{ c }] = await em.query('SELECT MAX(created_at) AS c FROM settlement WHERE id > ? AND id <= ?', [lo, hi]);
      const transfers: Array<{ id: number; at: number }> =
        c === null || tDone >= init.tMax
          ? []
          : (await em.query('SELECT id, created_at FROM wallet_transfer WHERE id > ? AND id <= ? AND created_at <= ? ORDER BY id', [tDone, init.tMax, c])).map((x: Row) => ({
              id: Number(x.id),
              at: toDate(x.created_at).getTime(),
            }));
      if (!transfers.length) add(found, await detectSettlements(em, { lo, hi }, scan));
      else {
        // split the chunk at each transfer's time
        const made: Array<{ id: number; at: number }> = (await em.query('SELECT id, created_at FROM settlement WHERE id > ? AND id <= ? ORDER BY id', [lo, hi])).map((x: Row) => ({
          id: Number(x.id),
          at: toDate(x.created_at).getTime(),
        }));
        let from = lo;
        let i = 0;
        for (const tr of transfers) {
          while (i < made.length && made[i].at <= tr.at) i++;
          const to = i ? made[i - 1].id : lo;
          if (to > from) add(found, await detectSettlements(em, { lo: from, hi: to }, scan));
          from = Math.max(from, to);
          add(found, await detectWalletTransfers(em, [tr.id], { actorName: 'fraud-scan' }));
        }
        if (hi > from) add(found, await detectSettlements(em, { lo: from, hi }, scan));
      }
      await advance(em, SCAN_NAME, hi, found.signalsNew);
      const last = transfers.length ? transfers[transfers.length - 1].id : tDone;
      if (transfers.length) await advance(em, WALLET_SCAN_NAME, last, 0);
      return [found, last] as const;
    });
    add(sum, r);
    done += hi - lo + (tTo - tDone);
    tDone = tTo;
    opts.onProgress?.({ done, total });
  }
  // transfers sent after the last settlement
  for (let lo = tDone; lo < init.tMax; lo += chunk) {
    const hi = Math.min(lo + chunk, init.tMax);
    const r = await db.transaction(async (em) => {
      const ids = (await em.query('SELECT id FROM wallet_transfer WHERE id > ? AND id <= ? ORDER BY id', [lo, hi])).map((x: Row) => Number(x.id));
      const found = await detectWalletTransfers(em, ids, { actorName: 'fraud-scan' });
      await advance(em, WALLET_SCAN_NAME, hi, found.signalsNew);
      return found;
    });
    add(sum, r);
    done += hi - lo;
    opts.onProgress?.({ done, total });
  }
  // Aggregates whose window ended more than a day ago can no longer change a decision.
  await db.transaction((em) => pruneTallies(em, new Date((opts.now ?? new Date()).getTime() - 86_400_000)));
  return {
    fromId: init.start,
    toId: init.maxId,
    scanned: Math.max(0, init.maxId - init.start),
    transfers: Math.max(0, init.tMax - init.tStart),
    signals: sum.signalsNew,
    updated: sum.signalsUpdated,
    seconds: (Date.now() - started) / 1000,
  };
}

/** The settlement watermark, for the dashboard/ops. */
export async function scanState(deps: Pick<ContextDeps, 'db'>): Promise<FraudScanState | null> {
  return deps.db.transaction((em) => em.findOneBy(FraudScanState, { name: SCAN_NAME }));
}
