import type { FraudRule } from '@gongji/shared';
import type { EntityManager } from 'typeorm';
import { writeIndependently, type RequestContext } from '../../core/context';
import { isUniqueViolation, type Database } from '../../db/database';
import { attachToCase, linkToCase, noteOnCase, refreshCase, type CaseLinks } from '../fraud/fraud-case-attach';
import { FraudCase } from '../fraud/fraud-case.entity';
import type { ScoreFactor } from '../fraud/fraud-score';
import type { CaseSubject } from '../fraud/fraud.enums';
import { FraudSignal } from './fraud-signal.entity';
import { recordFraudSignal } from '../../ops/metrics';

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
  /** A second region involved (e.g. a far place of treatment, a giver in another province): the case is visible there too. */
  otherRegionCode?: string | null;
  /** The case subject; by default the member, else the binding, else the institution. */
  subject?: { type: CaseSubject; id: number };
  /** Who raised it (timeline); default "system". */
  actorName?: string;
  actorStaffId?: number | null;
  /** Everything that contributed (linked to the case as evidence, for recovery). */
  links?: CaseLinks;
  /** Why this score (stored in the evidence as `scoreFactors`). */
  factors?: ScoreFactor[];
}

function evidenceOf(s: SignalInput): string {
  // Every piece of evidence names the rule that fired, whoever raised it.
  return JSON.stringify({ rule: s.rule, ...s.evidence, ...(s.factors ? { scoreFactors: s.factors } : {}) });
}

function subjectOf(s: SignalInput): { type: CaseSubject; id: number } {
  if (s.subject) return s.subject;
  if (s.memberId) return { type: 'MEMBER', id: s.memberId };
  if (s.bindingId) return { type: 'BINDING', id: s.bindingId };
  if (s.institutionId) return { type: 'INSTITUTION', id: s.institutionId };
  throw new Error(`fraud signal ${s.dedupKey} has no subject`);
}

/**
 * Insert a signal in the given transaction and attach it to its subject's open case (or open one).
 * A signal with the same dedup key already present is kept. Returns the new signal's id, or null.
 */
export async function insertSignalRow(em: EntityManager, s: SignalInput): Promise<number | null> {
  const dedupKey = s.dedupKey.slice(0, 120);
  if (await em.findOneBy(FraudSignal, { dedupKey })) return null;
  const subject = subjectOf(s);
  let id: number;
  try {
    const r = await em.insert(FraudSignal, {
      rule: s.rule,
      dedupKey,
      regionCode: s.regionCode,
      score: s.score,
      summary: s.summary.slice(0, 500),
      evidence: evidenceOf(s),
      memberId: s.memberId ?? null,
      bindingId: s.bindingId ?? null,
      settlementId: s.settlementId ?? null,
      institutionId: s.institutionId ?? null,
      caseId: null,
    });
    id = Number(r.identifiers[0].id);
    recordFraudSignal(s.rule);
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
  await attachToCase(em, {
    signalId: id,
    rule: s.rule,
    score: s.score,
    summary: s.summary,
    regionCode: s.regionCode,
    otherRegionCode: s.otherRegionCode ?? null,
    subjectType: subject.type,
    subjectId: subject.id,
    actorName: s.actorName ?? 'system',
    actorStaffId: s.actorStaffId ?? null,
    links: s.links,
  });
  return id;
}

/**
 * Record a signal, or bring an existing one (same dedup key) up to date: its figures, summary and
 * score change as the pattern grows, its case links the new settlements and bindings, and the case's
 * score and summary are recomputed. A signal whose case is closed is left as it was.
 * Returns 'new', 'updated' or null (nothing changed).
 */
export async function upsertSignal(em: EntityManager, s: SignalInput): Promise<'new' | 'updated' | null> {
  const dedupKey = s.dedupKey.slice(0, 120);
  const old = await em.findOneBy(FraudSignal, { dedupKey });
  if (!old) return (await insertSignalRow(em, s)) === null ? null : 'new';
  if (!old.caseId) return null;
  const c = await em.findOneBy(FraudCase, { id: old.caseId });
  if (!c || (c.state !== 'OPEN' && c.state !== 'INVESTIGATING')) return null;
  const evidence = evidenceOf(s);
  const summary = s.summary.slice(0, 500);
  await linkToCase(em, c.id, s.links);
  if (old.evidence === evidence && old.summary === summary && old.score === s.score) return null;
  await em.update(FraudSignal, { id: old.id }, { evidence, summary, score: s.score, settlementId: s.settlementId ?? old.settlementId });
  await refreshCase(em, c.id);
  if (old.summary !== summary) await noteOnCase(em, c.id, 'SIGNAL', `${s.rule} 更新 (${s.score})：${summary}`, s.actorName ?? 'system');
  return 'updated';
}

/** Insert a signal in the given transaction (and merge it into a case). Returns true if new. */
export async function insertSignal(em: EntityManager, s: SignalInput): Promise<boolean> {
  return (await insertSignalRow(em, s)) !== null;
}

/** Record a signal in its own transaction (it survives the rollback of a refused request). */
export function recordSignal(db: Database, s: SignalInput): Promise<boolean> {
  return db.transaction((em) => insertSignal(em, s));
}

/** Queue a signal to be recorded after the request's transaction ends, committed or rolled back. */
export function queueSignal(ctx: RequestContext, s: SignalInput): void {
  writeIndependently(ctx, (em) => insertSignal(em, s));
}
