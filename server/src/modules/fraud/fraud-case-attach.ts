/**
 * Signals → cases. Every new signal joins the open case (OPEN or INVESTIGATING) of its subject, or
 * opens one; a case does not multiply per settlement. The unique `open_key` makes "one open case per
 * subject" hold under concurrency: the loser of an insert race merges into the winner's case.
 * A case links every settlement, binding and member its signals name (`fraud_case_link`), and its
 * score, primary rule, summary and score breakdown are recomputed from its signals whenever one
 * arrives or grows, so the case always states the current figures.
 */
import { provinceOf, type FraudRule } from '@gongji/shared';
import { In, type EntityManager } from 'typeorm';
import { isUniqueViolation, lockRows } from '../../db/database';
import { FraudSignal } from '../fraud-signal/fraud-signal.entity';
import { FraudCase, FraudCaseLink, FraudCaseNote, FraudCaseRule } from './fraud-case.entity';
import { caseScore, type ScoreFactor } from './fraud-score';
import type { CaseSubject } from './fraud.enums';

export { MERGE_INCREMENT } from './fraud-score';

export interface CaseLinks {
  settlementIds?: Iterable<number>;
  bindingIds?: Iterable<number>;
  memberIds?: Iterable<number>;
}

export interface AttachInput {
  signalId: number;
  rule: FraudRule;
  score: number;
  summary: string;
  regionCode: string;
  otherRegionCode?: string | null;
  subjectType: CaseSubject;
  subjectId: number;
  actorName: string;
  actorStaffId?: number | null;
  links?: CaseLinks;
}

export function subjectKey(type: CaseSubject, id: number): string {
  return `${type}:${id}`;
}

export function noteOnCase(em: EntityManager, caseId: number, kind: string, text: string, actorName: string, actorStaffId: number | null = null) {
  return em.insert(FraudCaseNote, { caseId, kind, text: text.slice(0, 2000), actorName: actorName.slice(0, 60), actorStaffId });
}

/** Link settlements, bindings and members to a case (each once). */
export async function linkToCase(em: EntityManager, caseId: number, links: CaseLinks | undefined): Promise<void> {
  if (!links) return;
  const want: Array<{ kind: string; refId: number }> = [];
  for (const [kind, ids] of [
    ['SETTLEMENT', links.settlementIds],
    ['BINDING', links.bindingIds],
    ['MEMBER', links.memberIds],
  ] as const)
    for (const id of new Set(ids ?? [])) if (Number.isSafeInteger(Number(id)) && Number(id) > 0) want.push({ kind, refId: Number(id) });
  if (!want.length) return;
  const have = new Set(
    (await em.find(FraudCaseLink, { select: { kind: true, refId: true }, where: { caseId, kind: In([...new Set(want.map((w) => w.kind))]) } })).map(
      (l) => `${l.kind}:${Number(l.refId)}`,
    ),
  );
  const rows = want.filter((w) => !have.has(`${w.kind}:${w.refId}`)).map((w) => ({ caseId, ...w }));
  for (let i = 0; i < rows.length; i += 500) await em.insert(FraudCaseLink, rows.slice(i, i + 500));
}

function factorsOf(evidence: string): ScoreFactor[] | null {
  try {
    const f = JSON.parse(evidence)?.scoreFactors;
    return Array.isArray(f) ? f : null;
  } catch {
    return null;
  }
}

/** Recompute a case's rules, score (with its breakdown), primary rule and summary from its signals. */
export async function refreshCase(em: EntityManager, caseId: number): Promise<void> {
  const signals = await em.find(FraudSignal, { select: { id: true, rule: true, score: true, summary: true, evidence: true }, where: { caseId }, order: { id: 'ASC' } });
  if (!signals.length) return;
  let top = signals[0];
  for (const s of signals) if (s.score > top.score) top = s;
  const { score, factors } = caseScore({ rule: top.rule, score: top.score, factors: factorsOf(top.evidence) }, signals.length);
  const rules = [...new Set(signals.map((s) => s.rule))].sort();
  // The case's rule rows (the list's rule filter reads them in score order): rewritten with the case.
  await em.delete(FraudCaseRule, { caseId });
  await em.insert(FraudCaseRule, rules.map((rule) => ({ rule, caseId, score })));
  await em.update(FraudCase, { id: caseId }, {
    ruleList: rules.join(','),
    primaryRule: top.rule,
    score,
    summary: top.summary.slice(0, 500),
    signalCount: signals.length,
    scoreDetail: JSON.stringify(factors),
  });
}

export async function attachToCase(em: EntityManager, s: AttachInput): Promise<number> {
  const key = subjectKey(s.subjectType, s.subjectId);
  let caseId: number | null = null;
  const open = await em.findOneBy(FraudCase, { openKey: key });
  if (!open) {
    const other = s.otherRegionCode && s.otherRegionCode !== s.regionCode ? s.otherRegionCode : null;
    try {
      const r = await em.insert(FraudCase, {
        subjectType: s.subjectType,
        subjectId: s.subjectId,
        openKey: key,
        ruleList: s.rule,
        primaryRule: s.rule,
        score: Math.min(100, s.score),
        scoreDetail: null,
        state: 'OPEN',
        regionCode: s.regionCode,
        provinceCode: provinceOf(s.regionCode),
        otherRegionCode: other,
        otherProvinceCode: other ? provinceOf(other) : null,
        assigneeId: null,
        summary: s.summary.slice(0, 500),
        signalCount: 1,
        dismissalReason: null,
        closedAt: null,
      });
      caseId = Number(r.identifiers[0].id);
      await noteOnCase(em, caseId, 'STATE', `立案 OPEN：${s.rule} ${s.summary}`, s.actorName, s.actorStaffId ?? null);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  if (caseId === null) {
    const found = open ?? (await em.findOneByOrFail(FraudCase, { openKey: key }));
    await lockRows(em, FraudCase, [found.id]);
    const c = await em.findOneByOrFail(FraudCase, { id: found.id });
    if (!c.otherRegionCode) {
      const candidates = [s.otherRegionCode, s.regionCode].filter((r): r is string => Boolean(r) && r !== c.regionCode);
      const cross = candidates.find((r) => provinceOf(r) !== c.provinceCode) ?? candidates[0];
      if (cross) await em.update(FraudCase, { id: c.id }, { otherRegionCode: cross, otherProvinceCode: provinceOf(cross) });
    }
    caseId = c.id;
  }
  await em.update(FraudSignal, { id: s.signalId }, { caseId });
  await linkToCase(em, caseId, s.links);
  await refreshCase(em, caseId);
  await noteOnCase(em, caseId, 'SIGNAL', `${s.rule} (${s.score})：${s.summary}`, s.actorName, s.actorStaffId ?? null);
  return caseId;
}
