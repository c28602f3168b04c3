import type { FraudRule } from '@gongji/shared';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { isUniqueViolation, type Database } from '../../db/database';
import { FraudSignal } from './fraud-signal.entity';

export interface SignalInput {
  rule: FraudRule;
  /** Same rule + subject + window → same key: recorded once however often it fires. */
  dedupKey: string;
  regionCode: string;
  score: number;
  summary: string;
  evidence: Record<string, unknown>;
  memberId?: number | null;
  bindingId?: number | null;
  settlementId?: number | null;
  institutionId?: number | null;
}

/** Insert a signal in the given transaction; a signal with the same dedup key already present is kept. Returns true if new. */
export async function insertSignal(em: EntityManager, s: SignalInput): Promise<boolean> {
  if (await em.findOneBy(FraudSignal, { dedupKey: s.dedupKey })) return false;
  try {
    await em.insert(FraudSignal, {
      rule: s.rule,
      dedupKey: s.dedupKey.slice(0, 120),
      regionCode: s.regionCode,
      score: s.score,
      summary: s.summary.slice(0, 500),
      evidence: JSON.stringify(s.evidence),
      memberId: s.memberId ?? null,
      bindingId: s.bindingId ?? null,
      settlementId: s.settlementId ?? null,
      institutionId: s.institutionId ?? null,
      caseId: null,
    });
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/** Record a signal in its own transaction (it survives the rollback of a refused request). */
export function recordSignal(db: Database, s: SignalInput): Promise<boolean> {
  return db.transaction((em) => insertSignal(em, s));
}

/** Queue a signal to be recorded after the request's transaction ends, committed or rolled back. */
export function queueSignal(ctx: RequestContext, s: SignalInput): void {
  ctx.independent.push(async (db) => {
    await recordSignal(db, s);
  });
}
