/**
 * The batch scan (F3–F8 over history) with the same engine as the outbox consumer. Incremental:
 * settlements with id above the stored watermark (fraud_scan_state) are scanned in id chunks; each
 * chunk is one transaction that updates the aggregates, records or updates signals (merged into cases)
 * and advances the watermark, so an interrupted scan resumes where it stopped. Idempotent: aggregates
 * remember the settlements they counted and signals are keyed, so a re-scan (`full`) records no
 * duplicate signal or case. Thresholds: the policy versions each settlement was made under (a re-scan
 * judges old settlements as they were judged when made, never by today's policy).
 */
import type { AppDeps } from '../../app';
import { execute } from '../../db/database';
import { detectSettlements, pruneTallies } from './fraud-engine';
import { FraudScanState } from './fraud-case.entity';

export const SCAN_NAME = 'settlement';

export interface ScanOptions {
  /** Settlements per chunk (default 5,000). */
  chunkSize?: number;
  /** Re-scan from the first settlement (idempotent). */
  full?: boolean;
  now?: Date;
  onProgress?: (p: { done: number; total: number }) => void;
}

export interface ScanSummary {
  fromId: number;
  toId: number;
  scanned: number;
  signals: number;
  updated: number;
  seconds: number;
}

export async function runFraudScan(deps: Pick<AppDeps, 'db'>, opts: ScanOptions = {}): Promise<ScanSummary> {
  const started = Date.now();
  const db = deps.db;
  const chunk = Math.max(1, opts.chunkSize ?? 5_000);
  const { start, maxId } = await db.transaction(async (em) => {
    let state = await em.findOneBy(FraudScanState, { name: SCAN_NAME });
    if (!state) {
      await em.insert(FraudScanState, { name: SCAN_NAME, lastSettlementId: 0, lastSignals: 0, lastRunAt: null });
      state = await em.findOneByOrFail(FraudScanState, { name: SCAN_NAME });
    }
    const [{ m }] = await em.query('SELECT MAX(id) AS m FROM settlement');
    return { start: opts.full ? 0 : Number(state.lastSettlementId), maxId: Number(m ?? 0) };
  });
  const total = Math.max(0, maxId - start);
  let signals = 0;
  let updated = 0;
  opts.onProgress?.({ done: 0, total });
  for (let lo = start; lo < maxId; lo += chunk) {
    const hi = Math.min(lo + chunk, maxId);
    const r = await db.transaction(async (em) => {
      const found = await detectSettlements(em, { lo, hi }, { actorName: 'fraud-scan' });
      // Only move the watermark forward (a full re-scan never lowers it).
      await execute(em, 'UPDATE fraud_scan_state SET last_settlement_id = ? WHERE name = ? AND last_settlement_id < ?', [hi, SCAN_NAME, hi]);
      await em.update(FraudScanState, { name: SCAN_NAME }, { lastSignals: found.signalsNew, lastRunAt: new Date() });
      return found;
    });
    signals += r.signalsNew;
    updated += r.signalsUpdated;
    opts.onProgress?.({ done: hi - start, total });
  }
  // Aggregates whose window ended more than a day ago can no longer change a decision.
  await db.transaction((em) => pruneTallies(em, new Date((opts.now ?? new Date()).getTime() - 86_400_000)));
  return { fromId: start, toId: maxId, scanned: total, signals, updated, seconds: (Date.now() - started) / 1000 };
}

/** The watermark, for the dashboard/ops. */
export async function scanState(deps: Pick<AppDeps, 'db'>): Promise<FraudScanState | null> {
  return deps.db.transaction((em) => em.findOneBy(FraudScanState, { name: SCAN_NAME }));
}
