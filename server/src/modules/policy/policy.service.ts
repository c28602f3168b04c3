/**
 * The versioned regional policy table. Versions are only ever added; the version in force on a date
 * is the newest with effectiveFrom ≤ date. Every staff role may read it; REGIONAL_ADMIN edits, within scope.
 */
import { DEFAULT_SETTLEMENT_MAX_TOTAL_FEN, DEFAULT_WALLET_POLICY, diffPolicyRules, FORBIDDEN_CATEGORIES, policyKnobProblems, PROVINCE_BY_CODE, PROVINCES, type DocType, type PolicyRules, type RelationshipKind } from '@gongji/shared';
import { requireStaff, today, type RequestContext } from '../../core/context';
import { InvalidInputError, NotFoundError, thrown } from '../../core/errors';
import { paginate, type ListArgs } from '../../core/pagination';
import { isUniqueViolation } from '../../db/database';
import { appendAudit } from '../audit/audit.service';
import { Binding } from '../binding/binding.entity';
import { invalidatePolicyCache, policyInForce } from './policy-lookup';
import { PolicyVersion } from './policy.entity';
import {
  alreadyInForce,
  badDate,
  badWindow,
  dateTaken,
  diffAcrossProvinces,
  forbiddenCategoryInPolicy,
  knobRefused,
  laterScheduled,
  policyInUse,
  retroactivePolicy,
  staleBase,
  tooFarAhead,
  unknownProvince,
} from './policy.errors';
import type { CreatePolicyVersionInput, PolicyChangeType, PolicyRulesType, PolicyVersionFilter, ProvincePolicyStatus } from './policy.inputs';

const SORTABLE = { id: 'p.id', provinceCode: 'p.provinceCode', version: 'p.version', effectiveFrom: 'p.effectiveFrom', createdAt: 'p.createdAt' };

/** Stored rules → the GraphQL shape (requiredProofs as a list). */
export function rulesToType(rules: PolicyRules): PolicyRulesType {
  return {
    ...rules,
    requiredProofs: Object.entries(rules.requiredProofs).map(([relationship, docTypes]) => ({ relationship: relationship as RelationshipKind, docTypes: docTypes ?? [] })),
  } as PolicyRulesType;
}

/** The GraphQL input → stored rules, with the checks class-validator cannot express. */
export function rulesFromInput(input: PolicyRulesType): PolicyRules {
  const forbidden = input.allowedCategories.filter((c) => FORBIDDEN_CATEGORIES.includes(c));
  if (forbidden.length) throw forbiddenCategoryInPolicy(forbidden);
  const requiredProofs: Partial<Record<RelationshipKind, DocType[]>> = {};
  for (const r of input.requiredProofs) requiredProofs[r.relationship] = [...new Set(r.docTypes)];
  const rules: PolicyRules = {
    allowedRelationships: [...new Set(input.allowedRelationships)],
    intraProvinceSharing: input.intraProvinceSharing,
    crossProvinceSharing: input.crossProvinceSharing,
    beneficiaryMayInitiate: input.beneficiaryMayInitiate,
    confirmationRequired: input.confirmationRequired,
    requiredProofs,
    activationMode: input.activationMode,
    maxGiversPerBeneficiary: input.maxGiversPerBeneficiary ?? null,
    maxBeneficiariesPerGiver: input.maxBeneficiariesPerGiver ?? null,
    singleFamilyNetwork: input.singleFamilyNetwork,
    allowedCategories: [...new Set(input.allowedCategories)],
    commercialInsuranceMinBalanceFen: input.commercialInsuranceMinBalanceFen ?? null,
    residentPremiumWindowStart: input.residentPremiumWindowStart,
    residentPremiumWindowEnd: input.residentPremiumWindowEnd,
    residentPremiumFen: input.residentPremiumFen,
    retireeMonthlyCreditFen: input.retireeMonthlyCreditFen,
    employeeAccountRatePermille: input.employeeAccountRatePermille,
    settlementMaxTotalFen: input.settlementMaxTotalFen ?? DEFAULT_SETTLEMENT_MAX_TOTAL_FEN,
    wallet: { ...DEFAULT_WALLET_POLICY, ...(input.wallet ?? {}) },
    accountWithdrawalAllowed: input.accountWithdrawalAllowed ?? false,
    fraud: { ...input.fraud },
  };
  const problem = policyKnobProblems(rules)[0];
  if (problem) throw knobRefused(problem);
  if (rules.residentPremiumWindowStart > rules.residentPremiumWindowEnd) throw badWindow();
  return rules;
}

export async function listPolicyVersions(ctx: RequestContext, filter: PolicyVersionFilter | undefined, args: ListArgs) {
  requireStaff(ctx);
  const qb = ctx.em.createQueryBuilder(PolicyVersion, 'p');
  if (filter?.provinceCode) qb.andWhere('p.province_code = :pc', { pc: filter.provinceCode });
  if (filter?.ids?.length) qb.andWhere('p.id IN (:...ids)', { ids: filter.ids });
  if (filter?.effectiveOn) {
    // the version in force that day in each province: no newer version already effective by then
    qb.andWhere('p.effective_from <= :on', { on: filter.effectiveOn }).andWhere(
      `NOT EXISTS (SELECT 1 FROM policy_version n WHERE n.province_code = p.province_code AND n.effective_from <= :on
        AND (n.effective_from > p.effective_from OR (n.effective_from = p.effective_from AND n.version > p.version)))`,
    );
  }
  return paginate(qb, args, SORTABLE, 'id');
}

export async function findPolicyVersion(ctx: RequestContext, id: number): Promise<PolicyVersion | null> {
  requireStaff(ctx);
  return ctx.em.findOneBy(PolicyVersion, { id });
}

export function policyInForceOn(ctx: RequestContext, provinceCode: string, date?: string | null): Promise<PolicyVersion> {
  if (!PROVINCE_BY_CODE.has(provinceCode)) throw unknownProvince(provinceCode);
  return policyInForce(ctx.em, provinceCode, date ?? today(ctx));
}

export function policyHistory(ctx: RequestContext, provinceCode: string): Promise<PolicyVersion[]> {
  requireStaff(ctx);
  return ctx.em.find(PolicyVersion, { where: { provinceCode }, order: { version: 'ASC' } });
}

export async function policyDiff(ctx: RequestContext, fromId: number, toId: number): Promise<PolicyChangeType[]> {
  requireStaff(ctx);
  const [a, b] = await Promise.all([ctx.em.findOneBy(PolicyVersion, { id: fromId }), ctx.em.findOneBy(PolicyVersion, { id: toId })]);
  if (!a) throw new NotFoundError('policy version', fromId);
  if (!b) throw new NotFoundError('policy version', toId);
  if (a.provinceCode !== b.provinceCode) throw diffAcrossProvinces();
  return diffPolicyRules(a.rules, b.rules);
}

/** One row per provincial unit: the sharing flags in force on a date (the dashboard's China map). */
export async function crossProvinceMap(ctx: RequestContext, date?: string | null): Promise<ProvincePolicyStatus[]> {
  const on = date ?? today(ctx);
  const all = await ctx.em.find(PolicyVersion, { order: { provinceCode: 'ASC', effectiveFrom: 'ASC', version: 'ASC' } });
  const byProvince = new Map<string, PolicyVersion[]>();
  for (const v of all) byProvince.set(v.provinceCode, [...(byProvince.get(v.provinceCode) ?? []), v]);
  const rows: ProvincePolicyStatus[] = [];
  for (const p of PROVINCES) {
    const versions = byProvince.get(p.code) ?? [];
    const current = versions.filter((v) => v.effectiveFrom <= on).at(-1);
    if (!current) continue;
    const next = versions.find((v) => v.effectiveFrom > on);
    rows.push({
      provinceCode: p.code,
      name: p.name,
      crossProvinceSharing: current.rules.crossProvinceSharing,
      intraProvinceSharing: current.rules.intraProvinceSharing,
      policyVersionId: current.id,
      version: current.version,
      effectiveFrom: current.effectiveFrom,
      nextEffectiveFrom: next?.effectiveFrom ?? null,
    });
  }
  return rows;
}

/** A1: national regional admins edit every province, province-scoped ones only their own; pooling-region scope cannot. */
function assertMayEdit(ctx: RequestContext, provinceCode: string): void {
  const staff = requireStaff(ctx);
  if (staff.scope && staff.scope !== provinceCode)
    throw thrown('OUT_OF_SCOPE', `省份 ${provinceCode} 的政策不在您的管辖范围内 (outside your scope)`, { params: { province: provinceCode } });
}

function checkEffectiveDate(ctx: RequestContext, date: string): void {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw badDate(date);
  const now = today(ctx);
  if (date < now) throw retroactivePolicy(date, now);
  const limit = new Date(`${now}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 2);
  if (d > limit) throw tooFarAhead(date);
}

/** Add a new version (never overwriting history); audited with the diff against the version in force. */
export async function createPolicyVersion(ctx: RequestContext, input: CreatePolicyVersionInput): Promise<PolicyVersion> {
  const staff = requireStaff(ctx);
  if (!PROVINCE_BY_CODE.has(input.provinceCode)) throw unknownProvince(input.provinceCode);
  assertMayEdit(ctx, input.provinceCode);
  checkEffectiveDate(ctx, input.effectiveFrom);
  const rules = rulesFromInput(input.rules);
  return addVersion(ctx, input.provinceCode, input.effectiveFrom, rules, input.note.trim(), staff.id, staff.username, input.basedOnVersionId ?? null);
}

/**
 * POLICY (safe publishing): a new version may not be scheduled on a date another scheduled version
 * already holds, nor before a version already scheduled later (that one would silently undo this
 * edit when it takes effect); when the editor says which version it started from, that must be the
 * version in force on the new date (scheduled ones included), so no change is lost.
 */
async function checkPublishing(ctx: RequestContext, provinceCode: string, effectiveFrom: string, inForce: PolicyVersion | null, basedOn: number | null) {
  const now = today(ctx);
  const sameOrLater = await ctx.em
    .createQueryBuilder(PolicyVersion, 'p')
    .where('p.province_code = :pc', { pc: provinceCode })
    .andWhere('p.effective_from >= :d', { d: effectiveFrom })
    .orderBy('p.effective_from', 'DESC')
    .addOrderBy('p.version', 'DESC')
    .getMany();
  const later = sameOrLater.find((v) => v.effectiveFrom > effectiveFrom);
  if (later) throw laterScheduled(effectiveFrom, later.version, later.effectiveFrom);
  const same = sameOrLater.find((v) => v.effectiveFrom === effectiveFrom);
  // A same-day replacement of a version taking effect today stays possible (the newer one wins).
  if (same && effectiveFrom > now) throw dateTaken(effectiveFrom, same.version);
  if (basedOn != null && inForce && basedOn !== inForce.id) throw staleBase(basedOn, inForce.id, inForce.version, effectiveFrom);
}

async function addVersion(
  ctx: RequestContext,
  provinceCode: string,
  effectiveFrom: string,
  rules: PolicyRules,
  note: string,
  byId: number,
  byName: string,
  basedOn: number | null = null,
) {
  const inForce = await policyInForce(ctx.em, provinceCode, effectiveFrom).catch(() => null);
  await checkPublishing(ctx, provinceCode, effectiveFrom, inForce, basedOn);
  const max = await ctx.em
    .createQueryBuilder(PolicyVersion, 'p')
    .select('MAX(p.version)', 'v')
    .where('p.province_code = :pc', { pc: provinceCode })
    .getRawOne<{ v: number | string | null }>();
  const row = ctx.em.create(PolicyVersion, {
    provinceCode,
    version: Number(max?.v ?? 0) + 1,
    effectiveFrom,
    rules,
    note,
    createdById: byId,
    createdByName: byName,
  });
  try {
    await ctx.em.save(PolicyVersion, row);
    invalidatePolicyCache(ctx);
  } catch (e) {
    if (isUniqueViolation(e)) throw thrown('CONFLICT_RETRY', '另一位管理员同时提交了新版本，请刷新后重试 (another version was just added; reload and retry)');
    throw e;
  }
  await appendAudit(ctx, {
    action: 'policy.create',
    entityType: 'policy_version',
    entityId: row.id,
    regions: [provinceCode],
    reason: note,
    detail: { provinceCode, version: row.version, effectiveFrom, basedOn: inForce?.id ?? null, changes: diffPolicyRules(inForce?.rules ?? null, rules) },
  });
  return row;
}

/** The map's toggle: copy the rules in force on the date and flip cross-province sharing. */
export async function setCrossProvinceSharing(ctx: RequestContext, provinceCode: string, enabled: boolean, effectiveFrom?: string | null, note?: string | null) {
  const staff = requireStaff(ctx);
  if (!PROVINCE_BY_CODE.has(provinceCode)) throw unknownProvince(provinceCode);
  assertMayEdit(ctx, provinceCode);
  const date = effectiveFrom ?? today(ctx);
  checkEffectiveDate(ctx, date);
  const base = await policyInForce(ctx.em, provinceCode, date);
  const text = note?.trim() || (enabled ? '开通跨省共济 (cross-province sharing on)' : '暂停跨省共济 (cross-province sharing off)');
  return addVersion(ctx, provinceCode, date, { ...base.rules, crossProvinceSharing: enabled }, text, staff.id, staff.username);
}

/**
 * Withdraw a version that has not taken effect yet (a mistaken or superseded schedule). Nothing should
 * reference it (bindings and settlements use the version in force; bindings are checked), so the row goes; the audit
 * entry (A4) keeps its full rules and the stated reason. A version in force is never withdrawn.
 */
export async function withdrawPolicyVersion(ctx: RequestContext, id: number, reason: string): Promise<PolicyVersion> {
  requireStaff(ctx);
  const text = reason.trim();
  if (text.length < 2 || text.length > 500) throw new InvalidInputError('REASON_REQUIRED', '请填写撤回原因（2–500 字）(a reason of 2–500 characters is required)', 'reason');
  const v = await ctx.em.findOneBy(PolicyVersion, { id });
  if (!v) throw new NotFoundError('policy version', id);
  assertMayEdit(ctx, v.provinceCode);
  if (v.effectiveFrom <= today(ctx)) throw alreadyInForce(v.version, v.effectiveFrom);
  // Settlements use the version in force when they happen, so a future one is never among them.
  if ((await ctx.em.countBy(Binding, { policyVersionId: id })) > 0) throw policyInUse(v.version);
  const previous = await policyInForce(ctx.em, v.provinceCode, v.effectiveFrom).catch(() => null);
  await ctx.em.delete(PolicyVersion, { id });
  await appendAudit(ctx, {
    action: 'policy.withdraw',
    entityType: 'policy_version',
    entityId: v.id,
    regions: [v.provinceCode],
    reason: text,
    detail: { provinceCode: v.provinceCode, version: v.version, effectiveFrom: v.effectiveFrom, note: v.note, rules: v.rules, previousId: previous && previous.id !== v.id ? previous.id : null },
  });
  return v;
}
