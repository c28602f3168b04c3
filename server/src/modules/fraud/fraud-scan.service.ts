/**
 * The batch scan (F3–F8 over history). Incremental: settlements with id above the stored watermark
 * (fraud_scan_state) are the anchors, scanned in id chunks; each chunk is one transaction that records
 * its signals (merged into cases) and advances the watermark, so an interrupted scan resumes where it
 * stopped. Idempotent: dedup keys make a re-scan (`full`) record no duplicate signal or case.
 * Thresholds: each province's policy version in force on the scan date.
 */
import type { AppDeps } from '../../app';
import { beijingDate } from '../../core/context';
import { execute } from '../../db/database';
import { insertSignal } from '../fraud-signal/fraud-signal.service';
import { policyInForce } from '../policy/policy-lookup';
import { detectRange, toDate, type ProvincePolicy } from './fraud-detect';
import { FraudScanState } from './fraud-case.entity';

export const SCAN_NAME = 'settlement';

export interface ScanOptions {
  /** Settlements per chunk (default 20,000). */
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
  seconds: number;
}

export async function runFraudScan(deps: Pick<AppDeps, 'db'>, opts: ScanOptions = {}): Promise<ScanSummary> {
  const started = Date.now();
  const db = deps.db;
  const chunk = Math.max(1, opts.chunkSize ?? 20_000);
  const on = beijingDate(opts.now ?? new Date());
  const { start, maxId, policies } = await db.transaction(async (em) => {
    let state = await em.findOneBy(FraudScanState, { name: SCAN_NAME });
    if (!state) {
      await em.insert(FraudScanState, { name: SCAN_NAME, lastSettlementId: 0, lastSignals: 0, lastRunAt: null });
      state = await em.findOneByOrFail(FraudScanState, { name: SCAN_NAME });
    }
    const [{ m }] = await em.query('SELECT MAX(id) AS m FROM settlement');
    const provs: Array<{ p: string }> = await em.query('SELECT DISTINCT province_code AS p FROM policy_version');
    const policies: ProvincePolicy[] = [];
    for (const { p } of provs) {
      try {
        const v = await policyInForce(em, p, on);
        policies.push({ provinceCode: p, policyVersionId: v.id, fraud: v.rules.fraud });
      } catch {
        /* no version in force yet for this province */
      }
    }
    return { start: opts.full ? 0 : Number(state.lastSettlementId), maxId: Number(m ?? 0), policies };
  });
  const total = Math.max(0, maxId - start);
  let signals = 0;
  opts.onProgress?.({ done: 0, total });
  for (let lo = start; lo < maxId; lo += chunk) {
    const hi = Math.min(lo + chunk, maxId);
    signals += await db.transaction(async (em) => {
      const [span] = await em.query('SELECT MIN(treated_at) AS f, MAX(treated_at) AS t FROM settlement WHERE id > ? AND id <= ?', [lo, hi]);
      let n = 0;
      if (span?.f) {
        const found = await detectRange(em, { lo, hi }, policies, { treatedFrom: toDate(span.f), treatedTo: toDate(span.t) });
        for (const s of found) if (await insertSignal(em, { ...s, actorName: 'fraud-scan' })) n++;
      }
      // Only move the watermark forward (a full re-scan never lowers it).
      await execute(em, 'UPDATE fraud_scan_state SET last_settlement_id = ? WHERE name = ? AND last_settlement_id < ?', [hi, SCAN_NAME, hi]);
      await em.update(FraudScanState, { name: SCAN_NAME }, { lastSignals: n, lastRunAt: new Date() });
      return n;
    });
    opts.onProgress?.({ done: hi - start, total });
  }
  return { fromId: start, toId: maxId, scanned: total, signals, seconds: (Date.now() - started) / 1000 };
}

/** The watermark, for the dashboard/ops. */
export async function scanState(deps: Pick<AppDeps, 'db'>): Promise<FraudScanState | null> {
  return deps.db.transaction((em) => em.findOneBy(FraudScanState, { name: SCAN_NAME }));
}
