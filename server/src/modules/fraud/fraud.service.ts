/**
 * Fraud cases (DOMAIN.md F1–F9, case workflow): lists and details for analysts and auditors, the
 * workflow OPEN → INVESTIGATING → CONFIRMED | DISMISSED with sanctions, and F9 manual flags.
 * Every change goes to the audit log (A4) and onto the case timeline. Scope (A1): a case is visible
 * to staff whose scope covers either of its regions.
 */
import { fenToYuanString, regionInScope } from '@gongji/shared';
import { requireStaff, today, type RequestContext } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { listLink, runList, type ListSpec, sortsOf } from '../../core/list-query';
import type { ListArgs } from '../../core/pagination';
import { applyScope, inStaffScope } from '../../core/scope';
import { execute, lockRows } from '../../db/database';
import { appendAudit } from '../audit/audit.service';
import { Binding } from '../binding/binding.entity';
import { findBinding, suspendBinding } from '../binding/binding.service';
import { FraudSignal } from '../fraud-signal/fraud-signal.entity';
import { insertSignalRow, type SignalInput } from '../fraud-signal/fraud-signal.service';
import { Institution } from '../institution/institution.entity';
import { Member } from '../member/member.entity';
import { canSeeMember } from '../member/member.service';
import { assertCanSanction } from '../../core/loaders';
import { reverseSettlement } from '../settlement/reversal.service';
import { Settlement } from '../settlement/settlement.entity';
import { StaffUser } from '../staff/staff.entity';
import { subjectKey } from './fraud-case-attach';
import { FraudCase, FraudCaseLink, FraudCaseNote, FraudCaseRule, FraudSanction } from './fraud-case.entity';
import type { ScoreFactor } from './fraud-score';
import type { CaseState } from './fraud.enums';
import {
  assigneeNotAnalyst,
  badCaseTransition,
  badFineMultiplier,
  badSuspensionMonths,
  dismissalReasonRequired,
  fineWithoutAmount,
  flagNeedsOneSubject,
  flagReasonRequired,
  noMemberToSuspend,
  notInCase,
  noteRequired,
  reasonRequired,
} from './fraud.errors';
import type { ConfirmFraudCaseInput, CountBucket, FlagFraudInput, FraudCaseCounts, FraudCaseFilter, MemberRiskProfile, PatternBucket } from './fraud.inputs';


function regionsOf(c: FraudCase): string[] {
  return c.otherRegionCode ? [c.regionCode, c.otherRegionCode] : [c.regionCode];
}

function visible(ctx: RequestContext, c: FraudCase): boolean {
  return inStaffScope(ctx, ...regionsOf(c));
}

/** A case the caller may see, or NOT_FOUND (out-of-scope cases look like missing ones). */
export async function getCase(ctx: RequestContext, id: number): Promise<FraudCase> {
  requireStaff(ctx);
  const c = await ctx.em.findOneBy(FraudCase, { id });
  if (!c || !visible(ctx, c)) throw new NotFoundError('fraudCase', id);
  return c;
}

/** Lock and re-read a visible case, for a change. */
async function caseForChange(ctx: RequestContext, id: number): Promise<FraudCase> {
  await getCase(ctx, id);
  await lockRows(ctx.em, FraudCase, [id]);
  return ctx.em.findOneByOrFail(FraudCase, { id });
}

function scopedCases(ctx: RequestContext) {
  const qb = ctx.em.createQueryBuilder(FraudCase, 'c');
  applyScope(ctx, qb, ['c.region_code', 'c.other_region_code'], ['c.province_code', 'c.other_province_code']);
  return qb;
}

const CASE_REGIONS = [
  { region: 'c.region_code', province: 'c.province_code' },
  { region: 'c.other_region_code', province: 'c.other_province_code' },
];

export const CASE_LIST: ListSpec<FraudCase> = {
  entity: FraudCase,
  alias: 'c',
  scope: CASE_REGIONS,
  filters: {
    state: { kind: 'eq', column: 'c.state' },
    states: { kind: 'in', column: 'c.state' },
    // The cases involving a rule: their fraud_case_rule rows, read in (rule, score, case) order.
    rule: { kind: 'link', link: listLink(FraudCaseRule, 'f', 'f.case_id = c.id', 'f.rule', { 'c.id': 'f.case_id', 'c.score': 'f.score' }) },
    regionCode: { kind: 'region', columns: CASE_REGIONS },
    minScore: { kind: 'gte', column: 'c.score' },
    assigneeId: { kind: 'eq', column: 'c.assignee_id' },
    subjectType: { kind: 'eq', column: 'c.subject_type' },
    subjectId: { kind: 'eq', column: 'c.subject_id' },
  },
  sortable: sortsOf('fraudCases', {
    id: { column: 'c.id' },
    score: { column: 'c.score' },
    state: { column: 'c.state' },
    primaryRule: { column: 'c.primary_rule' },
    createdAt: { column: 'c.created_at', time: true },
  }),
  defaultSort: 'id',
};

export async function listCases(ctx: RequestContext, filter: FraudCaseFilter | undefined, args: ListArgs) {
  requireStaff(ctx);
  return runList(ctx, CASE_LIST, filter, args);
}

/**
 * The statement behind fraudCaseCounts: the scoped cases (of one state) counted by state, province
 * and rule list in one pass, which the covering index IDX_fraud_case_counts serves without reading a
 * row. Exported for the EXPLAIN test.
 */
export function caseCountsQuery(ctx: RequestContext, state: CaseState | undefined) {
  const qb = scopedCases(ctx)
    .select('c.state', 's')
    .addSelect('c.province_code', 'p')
    .addSelect('c.rule_list', 'r')
    .addSelect('COUNT(*)', 'n')
    .groupBy('c.state')
    .addGroupBy('c.province_code')
    .addGroupBy('c.rule_list');
  if (state) qb.andWhere('c.state = :state', { state });
  return qb;
}

export async function caseCounts(ctx: RequestContext, state: CaseState | undefined): Promise<FraudCaseCounts> {
  requireStaff(ctx);
  const rows: Array<{ s: string; p: string; r: string; n: string | number }> = await caseCountsQuery(ctx, state).getRawMany();
  const byState = new Map<string, number>();
  const byRegion = new Map<string, number>();
  const byRule = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  let total = 0;
  for (const row of rows) {
    const n = Number(row.n);
    total += n;
    add(byState, String(row.s), n);
    add(byRegion, String(row.p), n);
    for (const rule of String(row.r).split(',')) add(byRule, rule, n);
  }
  const bucket = (m: Map<string, number>): CountBucket[] =>
    [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return {
    total,
    byRule: [...byRule].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key)),
    byRegion: bucket(byRegion),
    byState: bucket(byState),
  };
}

// ---------------------------------------------------------------- timeline and audit

async function note(ctx: RequestContext, caseId: number, kind: string, text: string) {
  const me = requireStaff(ctx);
  await ctx.em.insert(FraudCaseNote, { caseId, kind, text: text.slice(0, 2000), actorName: me.username, actorStaffId: me.id });
}

function audit(ctx: RequestContext, c: FraudCase, action: string, reason: string | null, detail: Record<string, unknown> = {}) {
  return appendAudit(ctx, { action, entityType: 'fraud_case', entityId: c.id, regions: regionsOf(c), reason, detail });
}

function isOpen(c: FraudCase): boolean {
  return c.state === 'OPEN' || c.state === 'INVESTIGATING';
}

/** Who a case can be assigned to: active analysts whose scope covers one of the case's regions. */
export async function caseAssignees(ctx: RequestContext, id: number): Promise<StaffUser[]> {
  const c = await getCase(ctx, id);
  const staff = await ctx.em.find(StaffUser, { where: { active: true }, order: { username: 'ASC' } });
  return staff.filter((s) => s.roles.includes('FRAUD_ANALYST') && regionsOf(c).some((r) => regionInScope(s.scope, r)));
}

// ---------------------------------------------------------------- workflow

export async function assignCase(ctx: RequestContext, id: number, assigneeId: number | null | undefined): Promise<FraudCase> {
  const me = requireStaff(ctx);
  const c = await caseForChange(ctx, id);
  if (!isOpen(c)) throw badCaseTransition(c.state, 'ASSIGNED');
  const target = assigneeId ?? me.id;
  const staff = await ctx.em.findOneBy(StaffUser, { id: target });
  if (!staff || !staff.active || !staff.roles.includes('FRAUD_ANALYST') || !regionsOf(c).some((r) => regionInScope(staff.scope, r))) throw assigneeNotAnalyst(target);
  await ctx.em.update(FraudCase, { id }, { assigneeId: target });
  await note(ctx, id, 'ASSIGN', `指派给 ${staff.username} (assigned to ${staff.username})`);
  await audit(ctx, c, 'fraud.assign', null, { assigneeId: target, previous: c.assigneeId });
  return ctx.em.findOneByOrFail(FraudCase, { id });
}

export async function startInvestigation(ctx: RequestContext, id: number): Promise<FraudCase> {
  const me = requireStaff(ctx);
  const c = await caseForChange(ctx, id);
  if (c.state !== 'OPEN') throw badCaseTransition(c.state, 'INVESTIGATING');
  await ctx.em.update(FraudCase, { id }, { state: 'INVESTIGATING', assigneeId: c.assigneeId ?? me.id });
  await note(ctx, id, 'STATE', 'OPEN → INVESTIGATING');
  await audit(ctx, c, 'fraud.investigate', null, { from: c.state, to: 'INVESTIGATING' });
  return ctx.em.findOneByOrFail(FraudCase, { id });
}

export async function addCaseNote(ctx: RequestContext, id: number, text: string): Promise<FraudCase> {
  const c = await caseForChange(ctx, id);
  const body = (text ?? '').trim();
  if (!body) throw noteRequired();
  await note(ctx, id, 'NOTE', body);
  await audit(ctx, c, 'fraud.note', null, { length: body.length });
  return c;
}

export async function dismissCase(ctx: RequestContext, id: number, reason: string): Promise<FraudCase> {
  const c = await caseForChange(ctx, id);
  const why = (reason ?? '').trim();
  if (!why) throw dismissalReasonRequired();
  if (!isOpen(c)) throw badCaseTransition(c.state, 'DISMISSED');
  await ctx.em.update(FraudCase, { id }, { state: 'DISMISSED', openKey: null, dismissalReason: why.slice(0, 500), closedAt: ctx.now });
  await note(ctx, id, 'STATE', `${c.state} → DISMISSED：${why}`);
  await audit(ctx, c, 'fraud.dismiss', why, { from: c.state });
  return ctx.em.findOneByOrFail(FraudCase, { id });
}

/** YYYY-MM-DD plus whole months (the day clamped to the month's end). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Settlements, bindings and members linked to a case: its subject and everything its signals name. */
export async function linkedIds(ctx: RequestContext, c: FraudCase) {
  const signals = await ctx.em.find(FraudSignal, { where: { caseId: c.id }, order: { id: 'ASC' } });
  const settlementIds = new Set<number>();
  const bindingIds = new Set<number>();
  const memberIds = new Set<number>();
  if (c.subjectType === 'MEMBER') memberIds.add(c.subjectId);
  if (c.subjectType === 'BINDING') bindingIds.add(c.subjectId);
  for (const s of signals) {
    if (s.settlementId) settlementIds.add(Number(s.settlementId));
    if (s.bindingId) bindingIds.add(s.bindingId);
    if (s.memberId) memberIds.add(s.memberId);
    const ev = safeJson(s.evidence);
    for (const id of Array.isArray(ev.settlementIds) ? ev.settlementIds : []) settlementIds.add(Number(id));
  }
  for (const l of await ctx.em.find(FraudCaseLink, { where: { caseId: c.id } })) {
    const id = Number(l.refId);
    if (l.kind === 'SETTLEMENT') settlementIds.add(id);
    else if (l.kind === 'BINDING') bindingIds.add(id);
    else if (l.kind === 'MEMBER') memberIds.add(id);
  }
  return { signals, settlementIds, bindingIds, memberIds };
}

function safeJson(s: string): Record<string, any> {
  try {
    return JSON.parse(s) ?? {};
  } catch {
    return {};
  }
}

export async function confirmCase(ctx: RequestContext, input: ConfirmFraudCaseInput): Promise<FraudCase> {
  const me = requireStaff(ctx);
  const c = await caseForChange(ctx, input.caseId);
  const why = (input.reason ?? '').trim();
  if (!why) throw reasonRequired();
  if (c.state !== 'INVESTIGATING') throw badCaseTransition(c.state, 'CONFIRMED');
  // Validate everything before changing anything.
  const months = input.suspendMemberMonths;
  if (months !== undefined && months !== null && (!Number.isInteger(months) || months < 3 || months > 12)) throw badSuspensionMonths(months);
  const mult = input.fineMultiplier;
  if (mult !== undefined && mult !== null && (!Number.isInteger(mult) || mult < 2 || mult > 5)) throw badFineMultiplier(mult);
  const linked = await linkedIds(ctx, c);
  const memberSubject = c.subjectType === 'MEMBER' ? c.subjectId : null;
  if (months && !memberSubject) throw noMemberToSuspend();
  const memberBindings = memberSubject
    ? await ctx.em.createQueryBuilder(Binding, 'b').where('b.giver_id = :m OR b.beneficiary_id = :m', { m: memberSubject }).getMany()
    : [];
  const bindingOk = new Set([...linked.bindingIds, ...memberBindings.map((b) => b.id)]);
  for (const id of input.suspendBindingIds ?? []) if (!bindingOk.has(id)) throw notInCase('binding', id);
  const recover: Settlement[] = [];
  for (const id of [...new Set(input.recoverSettlementIds ?? [])]) {
    const s = await ctx.em.findOneBy(Settlement, { id });
    if (!s || !(linked.settlementIds.has(id) || (memberSubject && s.patientId === memberSubject))) throw notInCase('settlement', id);
    recover.push(s);
  }
  if (input.recoverAll && linked.settlementIds.size) {
    // Every linked settlement not yet reversed, in one action.
    const chosen = new Set(recover.map((s) => s.id));
    const all = await ctx.em.createQueryBuilder(Settlement, 's').where('s.id IN (:...ids)', { ids: [...linked.settlementIds] }).orderBy('s.id', 'ASC').getMany();
    for (const s of all) if (!chosen.has(s.id) && s.status === 'SETTLED' && Number(s.reversedFen) === 0) recover.push(s);
  }
  await assertCanSanction(ctx, { memberIds: months && memberSubject ? [memberSubject] : [], bindingIds: input.suspendBindingIds ?? [], settlements: recover });
  let fineBase = 0;
  if (mult) {
    if (input.fineBaseFen !== undefined && input.fineBaseFen !== null) fineBase = input.fineBaseFen;
    else if (linked.settlementIds.size) {
      const rows = await ctx.em
        .createQueryBuilder(Settlement, 's')
        .select('SUM(s.acct_pay_fen + s.mulaid_pay_fen)', 'v')
        .where('s.id IN (:...ids)', { ids: [...linked.settlementIds] })
        .getRawOne();
      fineBase = Number(rows?.v ?? 0);
    }
    if (!Number.isSafeInteger(fineBase) || fineBase <= 0) throw fineWithoutAmount();
  }

  const sanctions: Array<Partial<FraudSanction>> = [];
  const base = { caseId: c.id, createdByStaffId: me.id };
  if (months && memberSubject) {
    const until = addMonths(today(ctx), months);
    // S10 refuses while suspended_until >= the treatment date; never shorten a longer suspension.
    await execute(ctx.em, 'UPDATE member SET suspended_until = ?, version = version + 1 WHERE id = ? AND (suspended_until IS NULL OR suspended_until < ?)', [until, memberSubject, until]);
    sanctions.push({ ...base, kind: 'SUSPEND_MEMBER', memberId: memberSubject, months, untilDate: until });
  }
  for (const id of [...new Set(input.suspendBindingIds ?? [])]) {
    await suspendBinding(ctx, id, `风险案件 #${c.id}：${why}`);
    sanctions.push({ ...base, kind: 'SUSPEND_BINDING', bindingId: id });
  }
  for (const s of recover) {
    const inst = await ctx.em.findOneByOrFail(Institution, { id: s.institutionId });
    // The reversal runs as the institution that settled, in this transaction: S9 credits each account what it paid.
    const asInstitution: RequestContext = { ...ctx, principal: { kind: 'institution', id: inst.id, code: inst.code, regionCode: inst.regionCode } };
    const r = await reverseSettlement(asInstitution, { serialNo: `RECOVER-${c.id}-${s.id}`, originalSerialNo: s.serialNo });
    sanctions.push({ ...base, kind: 'RECOVER', settlementId: s.id, reversalId: Number(r.id), amountFen: r.amountFen, baseFen: r.accountFen, memberId: s.patientId });
  }
  if (mult) sanctions.push({ ...base, kind: 'FINE', memberId: memberSubject, multiplier: mult, baseFen: fineBase, amountFen: fineBase * mult });

  for (const s of sanctions) await ctx.em.insert(FraudSanction, s);
  await ctx.em.update(FraudCase, { id: c.id }, { state: 'CONFIRMED', openKey: null, closedAt: ctx.now, assigneeId: c.assigneeId ?? me.id });
  await note(ctx, c.id, 'STATE', `INVESTIGATING → CONFIRMED：${why}`);
  for (const s of sanctions) await note(ctx, c.id, 'SANCTION', describeSanction(s));
  await audit(ctx, c, 'fraud.confirm', why, { sanctions: sanctions.map(({ caseId, createdByStaffId, ...rest }) => rest) });
  return ctx.em.findOneByOrFail(FraudCase, { id: c.id });
}

function describeSanction(s: Partial<FraudSanction>): string {
  switch (s.kind) {
    case 'SUSPEND_MEMBER':
      return `暂停参保人 ${s.memberId} 联网结算 ${s.months} 个月，至 ${s.untilDate} (network settlement suspended)`;
    case 'SUSPEND_BINDING':
      return `暂停绑定 ${s.bindingId} (binding suspended)`;
    case 'RECOVER':
      return `冲正结算 ${s.settlementId}，追回 ${fenToYuanString(s.amountFen ?? 0)} 元，其中退回账户 ${fenToYuanString(s.baseFen ?? 0)} 元 (recovered by reversal ${s.reversalId})`;
    case 'FINE':
      return `罚款 ${s.multiplier} 倍 × ${fenToYuanString(s.baseFen ?? 0)} 元 = ${fenToYuanString(s.amountFen ?? 0)} 元 (fine recorded)`;
    default:
      return String(s.kind);
  }
}

// ---------------------------------------------------------------- F9 manual flag

export async function flag(ctx: RequestContext, input: FlagFraudInput): Promise<FraudCase> {
  const me = requireStaff(ctx);
  const targets = [input.settlementId, input.memberId, input.bindingId].filter((v) => v !== undefined && v !== null);
  if (targets.length !== 1) throw flagNeedsOneSubject();
  const why = (input.reason ?? '').trim();
  if (!why) throw flagReasonRequired();
  const score = input.score ?? 50;
  const common = { rule: 'F9' as const, score, actorName: me.username, actorStaffId: me.id };
  let sig: SignalInput;
  if (input.settlementId) {
    const s = await ctx.em.findOneBy(Settlement, { id: input.settlementId });
    if (!s || !inStaffScope(ctx, s.patientRegion, s.placeRegion)) throw new NotFoundError('settlement', input.settlementId);
    sig = {
      ...common,
      dedupKey: `F9:settlement:${s.id}:${ctx.requestId}`,
      memberId: s.patientId,
      settlementId: s.id,
      institutionId: s.institutionId,
      regionCode: s.patientRegion,
      otherRegionCode: s.placeRegion,
      summary: `人工标记结算 ${s.serialNo}：${why}`,
      evidence: { rule: 'F9', kind: 'settlement', settlementId: s.id, serialNo: s.serialNo, reason: why, flaggedBy: me.username },
    };
  } else if (input.memberId) {
    const m = await ctx.em.findOneBy(Member, { id: input.memberId });
    if (!m || !canSeeMember(ctx, m)) throw new NotFoundError('member', input.memberId);
    sig = {
      ...common,
      dedupKey: `F9:member:${m.id}:${ctx.requestId}`,
      memberId: m.id,
      regionCode: m.insuredRegion,
      summary: `人工标记参保人：${why}`,
      evidence: { rule: 'F9', kind: 'member', memberId: m.id, reason: why, flaggedBy: me.username },
    };
  } else {
    const b = await findBinding(ctx, input.bindingId!);
    if (!b) throw new NotFoundError('binding', input.bindingId!);
    sig = {
      ...common,
      dedupKey: `F9:binding:${b.id}:${ctx.requestId}`,
      bindingId: b.id,
      subject: { type: 'BINDING', id: b.id },
      regionCode: b.giverRegion,
      otherRegionCode: b.beneficiaryRegion,
      summary: `人工标记绑定：${why}`,
      evidence: { rule: 'F9', kind: 'binding', bindingId: b.id, reason: why, flaggedBy: me.username },
    };
  }
  // A second flag on the same object while its case is open adds a note, not a second signal.
  const open = await ctx.em.findOneBy(FraudCase, { openKey: subjectKey(sig.subject?.type ?? (sig.memberId ? 'MEMBER' : 'BINDING'), sig.subject?.id ?? sig.memberId ?? sig.bindingId!) });
  if (open) {
    const earlier = (await ctx.em.find(FraudSignal, { where: { caseId: open.id, rule: 'F9' } })).find((x) => {
      const ev = safeJson(x.evidence);
      return ev.kind === sig.evidence.kind && (ev.settlementId ?? ev.memberId ?? ev.bindingId) === (sig.evidence.settlementId ?? sig.evidence.memberId ?? sig.evidence.bindingId);
    });
    if (earlier) {
      await lockRows(ctx.em, FraudCase, [open.id]);
      await note(ctx, open.id, 'NOTE', `再次人工标记（${sig.summary}）`);
      await audit(ctx, open, 'fraud.flag', why, { signalId: earlier.id, repeated: true, settlementId: input.settlementId ?? null, memberId: input.memberId ?? null, bindingId: input.bindingId ?? null });
      return ctx.em.findOneByOrFail(FraudCase, { id: open.id });
    }
  }
  const signalId = await insertSignalRow(ctx.em, { ...sig, links: { settlementIds: sig.settlementId ? [sig.settlementId] : [], bindingIds: sig.bindingId ? [sig.bindingId] : [], memberIds: sig.memberId ? [sig.memberId] : [] } });
  const signal = await ctx.em.findOneByOrFail(FraudSignal, { id: signalId! });
  const c = await ctx.em.findOneByOrFail(FraudCase, { id: signal.caseId! });
  await audit(ctx, c, 'fraud.flag', why, { signalId, settlementId: input.settlementId ?? null, memberId: input.memberId ?? null, bindingId: input.bindingId ?? null });
  return c;
}

// ---------------------------------------------------------------- field data

export const rulesOf = (c: FraudCase) => c.ruleList.split(',').filter(Boolean);

/** 为什么是这个分数: the case's score as labelled terms that add up to it. */
export function scoreBreakdownOf(c: FraudCase): ScoreFactor[] {
  const parsed = c.scoreDetail ? safeJson(c.scoreDetail) : null;
  return Array.isArray(parsed) ? (parsed as ScoreFactor[]) : [{ label: `${c.primaryRule} 信号分`, points: c.score }];
}
export const signalsOf = (ctx: RequestContext, c: FraudCase) => ctx.em.find(FraudSignal, { where: { caseId: c.id }, order: { id: 'ASC' } });
export const notesOf = (ctx: RequestContext, c: FraudCase) => ctx.em.find(FraudCaseNote, { where: { caseId: c.id }, order: { id: 'ASC' } });
export const sanctionsOf = (ctx: RequestContext, c: FraudCase) => ctx.em.find(FraudSanction, { where: { caseId: c.id }, order: { id: 'ASC' } });

export async function settlementsOf(ctx: RequestContext, c: FraudCase): Promise<Settlement[]> {
  const { settlementIds } = await linkedIds(ctx, c);
  if (!settlementIds.size) return [];
  return ctx.em.createQueryBuilder(Settlement, 's').where('s.id IN (:...ids)', { ids: [...settlementIds] }).orderBy('s.id', 'ASC').getMany();
}

export async function bindingsOf(ctx: RequestContext, c: FraudCase): Promise<Binding[]> {
  const { bindingIds } = await linkedIds(ctx, c);
  if (!bindingIds.size) return [];
  return ctx.em.createQueryBuilder(Binding, 'b').where('b.id IN (:...ids)', { ids: [...bindingIds] }).orderBy('b.id', 'ASC').getMany();
}

export async function membersOf(ctx: RequestContext, c: FraudCase): Promise<Member[]> {
  const { memberIds } = await linkedIds(ctx, c);
  if (!memberIds.size) return [];
  return ctx.em.createQueryBuilder(Member, 'm').where('m.id IN (:...ids)', { ids: [...memberIds] }).orderBy('m.id', 'ASC').getMany();
}

export async function assigneeOf(ctx: RequestContext, c: FraudCase): Promise<StaffUser | null> {
  return c.assigneeId ? ctx.em.findOneBy(StaffUser, { id: c.assigneeId }) : null;
}

// ---------------------------------------------------------------- member risk profile

export async function memberRiskProfile(ctx: RequestContext, memberId: number): Promise<MemberRiskProfile> {
  requireStaff(ctx);
  const member = await ctx.em.findOneBy(Member, { id: memberId });
  if (!member || !canSeeMember(ctx, member)) throw new NotFoundError('member', memberId);
  const signals = await ctx.em.find(FraudSignal, { where: { memberId }, order: { id: 'DESC' }, take: 200 });
  const caseIds = new Set(signals.map((s) => s.caseId).filter((v): v is number => Boolean(v)));
  const qb = scopedCases(ctx);
  if (caseIds.size) qb.andWhere("((c.subject_type = 'MEMBER' AND c.subject_id = :mid) OR c.id IN (:...cids))", { mid: memberId, cids: [...caseIds] });
  else qb.andWhere("c.subject_type = 'MEMBER' AND c.subject_id = :mid", { mid: memberId });
  const cases = (await qb.orderBy('c.id', 'DESC').getMany()).filter((c) => visible(ctx, c));
  const bindings = await ctx.em.createQueryBuilder(Binding, 'b').where('b.giver_id = :m OR b.beneficiary_id = :m', { m: memberId }).orderBy('b.id', 'ASC').getMany();
  const pattern = async (col: string): Promise<PatternBucket[]> => {
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT ${col} AS k, COUNT(*) AS n, SUM(self_pay_fen) AS sp, SUM(acct_pay_fen + mulaid_pay_fen) AS ap FROM settlement WHERE patient_id = ? GROUP BY ${col} ORDER BY COUNT(*) DESC, ${col}`,
      [memberId],
    );
    return rows.map((r) => ({ key: String(r.k), count: Number(r.n), selfPayFen: Number(r.sp ?? 0), accountFen: Number(r.ap ?? 0) }));
  };
  return {
    member,
    openScore: Math.max(0, ...cases.filter(isOpen).map((c) => c.score)),
    cases,
    signals,
    bindings,
    byPlace: await pattern('place_region'),
    byCategory: await pattern('category'),
  };
}

