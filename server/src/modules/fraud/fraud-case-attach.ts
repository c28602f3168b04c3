/**
 * Signals → cases. Every new signal joins the open case (OPEN or INVESTIGATING) of its subject, or
 * opens one; a case does not multiply per settlement. The unique `open_key` makes "one open case per
 * subject" hold under concurrency: the loser of an insert race merges into the winner's case.
 */
import { provinceOf, type FraudRule } from '@gongji/shared';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation, lockRows } from '../../db/database';
import { FraudSignal } from '../fraud-signal/fraud-signal.entity';
import { FraudCase, FraudCaseNote } from './fraud-case.entity';
import type { CaseSubject } from './fraud.enums';

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
}

/** Score of a case: the highest signal score, plus 5 for each further signal, capped at 100. */
export const MERGE_INCREMENT = 5;

export function subjectKey(type: CaseSubject, id: number): string {
  return `${type}:${id}`;
}

function note(em: EntityManager, caseId: number, kind: string, text: string, actorName: string, actorStaffId: number | null = null) {
  return em.insert(FraudCaseNote, { caseId, kind, text: text.slice(0, 2000), actorName: actorName.slice(0, 60), actorStaffId });
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
      await note(em, caseId, 'STATE', `立案 OPEN：${s.rule} ${s.summary}`, s.actorName, s.actorStaffId ?? null);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  if (caseId === null) {
    const found = open ?? (await em.findOneByOrFail(FraudCase, { openKey: key }));
    await lockRows(em, FraudCase, [found.id]);
    const c = await em.findOneByOrFail(FraudCase, { id: found.id });
    const rules = new Set(c.ruleList.split(',').filter(Boolean));
    rules.add(s.rule);
    const patch: Partial<FraudCase> = {
      ruleList: [...rules].sort().join(','),
      score: Math.min(100, Math.max(c.score, s.score) + MERGE_INCREMENT),
      signalCount: c.signalCount + 1,
    };
    if (s.score > c.score) patch.primaryRule = s.rule;
    if (!c.otherRegionCode) {
      const candidates = [s.otherRegionCode, s.regionCode].filter((r): r is string => Boolean(r) && r !== c.regionCode);
      const cross = candidates.find((r) => provinceOf(r) !== c.provinceCode) ?? candidates[0];
      if (cross) Object.assign(patch, { otherRegionCode: cross, otherProvinceCode: provinceOf(cross) });
    }
    await em.update(FraudCase, { id: c.id }, patch);
    caseId = c.id;
  }
  await em.update(FraudSignal, { id: s.signalId }, { caseId });
  await note(em, caseId, 'SIGNAL', `${s.rule} (${s.score})：${s.summary}`, s.actorName, s.actorStaffId ?? null);
  return caseId;
}
