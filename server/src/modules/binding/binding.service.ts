/**
 * Bindings (E1–E10, L1–L3): the member channel's requests and settings, and the caseworkers' review.
 * Rules live in binding-rules.ts; state changes go through binding-lifecycle.ts.
 */
import { LIVE_BINDING_STATES, maskIdNumber, maskName, normalizeIdNumber, relationshipConsistency, type DocType, type Initiator } from '@gongji/shared';
import { requireMember, requireStaff, today, type RequestContext } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { canSeeBinding, loaders } from '../../core/loaders';
import { runList, type ListSpec, type PageSelection, sortsOf } from '../../core/list-query';
import type { ListArgs } from '../../core/pagination';
import { assertInScope } from '../../core/scope';
import { isUniqueViolation, lockRows } from '../../db/database';
import { PersonalAccount } from '../account/account.entity';
import { releaseReserve, tryReserve } from '../account/account.service';
import { appendAudit } from '../audit/audit.service';
import { FraudSignal } from '../fraud-signal/fraud-signal.entity';
import { queueSignal } from '../fraud-signal/fraud-signal.service';
import { Member } from '../member/member.entity';
import { getMember } from '../member/member.service';
import { policyInForce } from '../policy/policy-lookup';
import { PolicyVersion } from '../policy/policy.entity';
import { RelationshipProof } from '../proof/proof.entity';
import type { Relative } from './relative.types';
import { badTransition, liveKeyOf, recordCreation, transition } from './binding-lifecycle';
import { checkBeneficiary, checkConsistency, checkGeography, checkGiver, checkRelationshipAllowed, checkUniquenessAndCaps, parseRelationship } from './binding-rules';
import { Binding, BindingTransition } from './binding.entity';
import {
  badLimit,
  badPriorities,
  beneficiaryMayNotInitiate,
  commitmentMissing,
  commitmentOnlyByGiver,
  confirmationMissing,
  duplicateBinding,
  identityMismatch,
  notAParty,
  notEnoughToReserve,
  notNeeded,
  notTheOtherParty,
  onlyBeneficiary,
  onlyGiver,
  proofsMissing,
  proxyHasNoMoney,
  reasonRequired,
  selfBinding,
} from './binding.errors';
import type { BindingFilter, ConsistencyFacts, RequestBindingInput } from './binding.inputs';

/** A binding is in scope when either party is (a cross-province binding is visible to both provinces). */
export const BINDING_REGIONS = [
  { region: 'b.giver_region', province: 'b.giver_province' },
  { region: 'b.beneficiary_region', province: 'b.beneficiary_province' },
];

export const BINDING_LIST: ListSpec<Binding> = {
  entity: Binding,
  alias: 'b',
  scope: BINDING_REGIONS,
  filters: {
    state: { kind: 'eq', column: 'b.state' },
    kind: { kind: 'eq', column: 'b.kind' },
    relationship: { kind: 'eq', column: 'b.relationship' },
    region: { kind: 'region', columns: BINDING_REGIONS },
    memberId: { kind: 'anyOf', columns: ['b.giver_id', 'b.beneficiary_id'] },
    giverId: { kind: 'eq', column: 'b.giver_id' },
    beneficiaryId: { kind: 'eq', column: 'b.beneficiary_id' },
    ids: { kind: 'in', column: 'b.id' },
    createdFrom: { kind: 'gte', column: 'b.created_at' },
    createdTo: { kind: 'lt', column: 'b.created_at' },
  },
  // State and priority are filters (or a member's own ordering), not sorts: no index orders all bindings by them.
  sortable: sortsOf('bindings', {
    id: { column: 'b.id' },
    createdAt: { column: 'b.created_at', time: true },
  }),
  defaultSort: 'id',
};

function requireReason(reason: string | undefined | null): string {
  const r = (reason ?? '').trim();
  if (r.length < 2 || r.length > 500) throw reasonRequired();
  return r;
}

// ---------------------------------------------------------------- member channel

/** E6/F7: a wrong name or ID number for the other party is refused and recorded as a fraud signal. */
async function counterpartOrSignal(ctx: RequestContext, me: Member, input: RequestBindingInput): Promise<Member> {
  const idNumber = normalizeIdNumber(input.counterpartIdNumber);
  const found = await ctx.em.findOneBy(Member, { idNumber });
  if (found && found.name === input.counterpartName.trim()) return found;
  const policy = await policyInForce(ctx.em, me.provinceCode, today(ctx));
  const since = new Date(ctx.now.getTime() - 30 * 24 * 3600_000);
  const earlier = await ctx.em
    .createQueryBuilder(FraudSignal, 's')
    .where("s.rule = 'F7' AND s.member_id = :id AND s.created_at >= :since AND s.dedup_key LIKE 'F7:mismatch:%'", { id: me.id, since })
    .getCount();
  const evidence = {
    requester: me.id,
    counterpartIdNumber: maskIdNumber(idNumber),
    counterpartNameGiven: maskName(input.counterpartName.trim()),
    registryHasIdNumber: Boolean(found),
    relationship: input.relationship,
    as: input.as,
    threshold: policy.rules.fraud.bindingMismatchAttempts,
    policyVersionId: policy.id,
  };
  queueSignal(ctx, {
    rule: 'F7',
    dedupKey: `F7:mismatch:${me.id}:${ctx.requestId}`,
    memberId: me.id,
    regionCode: me.insuredRegion,
    score: 60,
    summary: '绑定时所填对方姓名与身份证号码不符 (binding attempted with mismatching identity data)',
    evidence: { check: 'identity-mismatch', ...evidence },
  });
  if (earlier + 1 >= policy.rules.fraud.bindingMismatchAttempts)
    queueSignal(ctx, {
      rule: 'F7',
      dedupKey: `F7:repeated:${me.id}:${today(ctx).slice(0, 7)}`,
      memberId: me.id,
      regionCode: me.insuredRegion,
      score: 85,
      summary: `30 天内 ${earlier + 1} 次以错误身份信息尝试绑定 (repeated binding attempts with wrong data)`,
      evidence: { check: 'repeated-mismatch', ...evidence, attemptsIn30Days: earlier + 1 },
    });
  throw identityMismatch();
}

export async function requestBinding(ctx: RequestContext, input: RequestBindingInput): Promise<Binding> {
  const me = await getMember(ctx, requireMember(ctx).id);
  const relationship = parseRelationship(input.relationship);
  if (normalizeIdNumber(input.counterpartIdNumber) === me.idNumber) throw selfBinding();
  const other = await counterpartOrSignal(ctx, me, input);
  const [giver, beneficiary] = input.as === 'GIVER' ? [me, other] : [other, me];
  await lockRows(ctx.em, Member, [giver.id, beneficiary.id]);
  const on = today(ctx);
  const giverPolicy = await policyInForce(ctx.em, giver.provinceCode, on);
  const beneficiaryPolicy = await policyInForce(ctx.em, beneficiary.provinceCode, on);

  await checkGiver(ctx.em, giver, input.kind); // E1 (E10: PROXY needs no account)
  checkBeneficiary(beneficiary); // E2
  if (input.as === 'BENEFICIARY' && !giverPolicy.rules.beneficiaryMayInitiate) throw beneficiaryMayNotInitiate(giver.provinceCode); // E8
  checkRelationshipAllowed(giverPolicy, relationship); // E3
  if (input.kind === 'MUTUAL_AID') await checkGeography(ctx.em, giver, beneficiary, on); // E7
  await checkUniquenessAndCaps(ctx.em, input.kind, giver, beneficiary, giverPolicy, beneficiaryPolicy); // E4
  checkConsistency(relationship, giver, beneficiary, on); // E5
  if (input.singleLimitFen !== undefined && input.singleLimitFen !== null) {
    if (input.kind !== 'MUTUAL_AID') throw proxyHasNoMoney();
    if (!Number.isSafeInteger(input.singleLimitFen) || input.singleLimitFen <= 0) throw badLimit();
  }

  const maxPriority = await ctx.em
    .createQueryBuilder(Binding, 'b')
    .select('MAX(b.priority)', 'p')
    .where("b.beneficiary_id = :id AND b.kind = 'MUTUAL_AID' AND b.state IN (:...live)", { id: beneficiary.id, live: LIVE_BINDING_STATES })
    .getRawOne<{ p: number | string | null }>();
  const b = ctx.em.create(Binding, {
    kind: input.kind,
    giverId: giver.id,
    beneficiaryId: beneficiary.id,
    relationship,
    initiatedBy: input.as,
    state: 'PENDING',
    commitmentAcceptedAt: input.as === 'GIVER' && input.commitmentAccepted && input.kind === 'MUTUAL_AID' ? ctx.now : null,
    confirmationRequired: giverPolicy.rules.confirmationRequired,
    confirmedAt: null,
    activationMode: input.kind === 'PROXY' ? 'COMMIT_THEN_REVIEW' : giverPolicy.rules.activationMode,
    approved: false,
    singleLimitFen: input.singleLimitFen ?? null,
    priority: Number(maxPriority?.p ?? 0) + 1,
    reservedFen: 0,
    giverRegion: giver.insuredRegion,
    beneficiaryRegion: beneficiary.insuredRegion,
    giverProvince: giver.provinceCode,
    beneficiaryProvince: beneficiary.provinceCode,
    policyVersionId: giverPolicy.id,
    activatedAt: null,
    endedAt: null,
  });
  b.liveKey = liveKeyOf(b);
  try {
    await ctx.em.save(Binding, b);
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateBinding(); // E4 backed by the unique live key under races
    throw e;
  }
  await recordCreation(ctx, b, input.as === 'GIVER' ? '共济人发起绑定申请 (requested by the giver)' : '被共济人发起绑定申请 (requested by the beneficiary)');
  return maybeActivate(ctx, b);
}

/** Activate a PENDING binding once everything its activation mode needs is in (E8, E9, E10). */
async function maybeActivate(ctx: RequestContext, b: Binding): Promise<Binding> {
  if (b.state !== 'PENDING') return b;
  if (b.confirmationRequired && !b.confirmedAt) return b;
  if (b.kind === 'PROXY') return transition(ctx, b, 'ACTIVE', '亲情账户已确认 (proxy link confirmed)');
  if (!b.commitmentAcceptedAt) return b;
  if (b.activationMode === 'APPROVE_FIRST') return b; // waits for a caseworker (approveBinding)
  return transition(ctx, b, 'ACTIVE', '告知承诺制：承诺书已签署，先行生效，事后审核 (commitment accepted; active, reviewed afterwards)');
}

async function myBinding(ctx: RequestContext, id: number): Promise<{ b: Binding; side: Initiator }> {
  const me = requireMember(ctx);
  const b = await ctx.em.findOneBy(Binding, { id });
  if (!b || (b.giverId !== me.id && b.beneficiaryId !== me.id)) throw notAParty();
  return { b, side: b.giverId === me.id ? 'GIVER' : 'BENEFICIARY' };
}

export async function confirmBinding(ctx: RequestContext, id: number): Promise<Binding> {
  const { b, side } = await myBinding(ctx, id);
  if (side === b.initiatedBy) throw notTheOtherParty();
  if (b.state !== 'PENDING' || b.confirmedAt) throw notNeeded('确认绑定');
  b.confirmedAt = ctx.now;
  await ctx.em.save(Binding, b);
  return maybeActivate(ctx, b);
}

export async function acceptCommitment(ctx: RequestContext, id: number): Promise<Binding> {
  const { b, side } = await myBinding(ctx, id);
  if (side !== 'GIVER') throw commitmentOnlyByGiver();
  if (b.kind !== 'MUTUAL_AID') throw proxyHasNoMoney();
  if (b.state !== 'PENDING' || b.commitmentAcceptedAt) throw notNeeded('签署承诺书');
  b.commitmentAcceptedAt = ctx.now;
  await ctx.em.save(Binding, b);
  return maybeActivate(ctx, b);
}

function assertLiveMutualAid(b: Binding): void {
  if (b.kind !== 'MUTUAL_AID') throw proxyHasNoMoney();
  if (!LIVE_BINDING_STATES.includes(b.state)) throw notNeeded('绑定已结束');
}

export async function setBindingLimit(ctx: RequestContext, id: number, limitFen: number | null): Promise<Binding> {
  const { b, side } = await myBinding(ctx, id);
  if (side !== 'GIVER') throw onlyGiver();
  assertLiveMutualAid(b);
  if (limitFen !== null && (!Number.isSafeInteger(limitFen) || limitFen <= 0)) throw badLimit();
  b.singleLimitFen = limitFen;
  return ctx.em.save(Binding, b);
}

/** 顺位: the beneficiary orders all their live mutual-aid givers; the list must be exactly those bindings. */
export async function setGiverPriorities(ctx: RequestContext, bindingIds: number[]): Promise<Binding[]> {
  const me = requireMember(ctx);
  const live = await ctx.em
    .createQueryBuilder(Binding, 'b')
    .where("b.beneficiary_id = :id AND b.kind = 'MUTUAL_AID' AND b.state IN (:...live)", { id: me.id, live: LIVE_BINDING_STATES })
    .getMany();
  const ids = new Set(live.map((b) => b.id));
  if (live.length === 0) throw onlyBeneficiary();
  if (bindingIds.length !== ids.size || new Set(bindingIds).size !== bindingIds.length || bindingIds.some((x) => !ids.has(x))) throw badPriorities();
  const byId = new Map(live.map((b) => [b.id, b]));
  const ordered = bindingIds.map((id, i) => Object.assign(byId.get(id)!, { priority: i + 1 }));
  return ctx.em.save(Binding, ordered);
}

/** 共济额度: earmark part of the giver's balance for this binding (or lower/clear it). */
export async function setReservedAmount(ctx: RequestContext, id: number, amountFen: number): Promise<Binding> {
  const { b, side } = await myBinding(ctx, id);
  if (side !== 'GIVER') throw onlyGiver();
  assertLiveMutualAid(b);
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw badLimit();
  const account = await ctx.em.findOneByOrFail(PersonalAccount, { memberId: b.giverId });
  await lockRows(ctx.em, Binding, [b.id]);
  const current = (await ctx.em.findOneByOrFail(Binding, { id: b.id })).reservedFen;
  const delta = amountFen - current;
  if (delta > 0 && !(await tryReserve(ctx, account.id, delta))) throw notEnoughToReserve();
  if (delta < 0) await releaseReserve(ctx, account.id, -delta);
  b.reservedFen = amountFen;
  return ctx.em.save(Binding, b);
}

export async function revokeBinding(ctx: RequestContext, id: number, reason: string): Promise<Binding> {
  const { b, side } = await myBinding(ctx, id);
  return transition(ctx, b, 'REVOKED', `${side === 'GIVER' ? '共济人' : '被共济人'}解除绑定：${requireReason(reason)}`);
}

export async function myBindings(ctx: RequestContext, role: Initiator | null | undefined): Promise<Binding[]> {
  const me = requireMember(ctx);
  const qb = ctx.em.createQueryBuilder(Binding, 'b').orderBy('b.id', 'DESC');
  if (role === 'GIVER') qb.where('b.giver_id = :id', { id: me.id });
  else if (role === 'BENEFICIARY') qb.where('b.beneficiary_id = :id', { id: me.id });
  else qb.where('(b.giver_id = :id OR b.beneficiary_id = :id)', { id: me.id });
  return qb.getMany();
}

// ---------------------------------------------------------------- staff

/** Visible to staff when either party is in scope (a cross-province binding is visible to both provinces). */
export { canSeeBinding };

export async function findBinding(ctx: RequestContext, id: number): Promise<Binding | null> {
  const b = await ctx.em.findOneBy(Binding, { id });
  return b && canSeeBinding(ctx, b) ? b : null;
}

async function staffBinding(ctx: RequestContext, id: number): Promise<Binding> {
  requireStaff(ctx);
  const b = await findBinding(ctx, id);
  if (!b) throw new NotFoundError('binding', id);
  assertInScope(ctx, 'binding', b.giverRegion, b.beneficiaryRegion);
  return b;
}

export async function listBindings(ctx: RequestContext, filter: BindingFilter | undefined, args: ListArgs, select?: PageSelection) {
  requireStaff(ctx);
  return runList(ctx, BINDING_LIST, filter, args, { select });
}

/** Proof types the binding's policy version requires for its relationship (E9). */
export async function requiredProofTypes(ctx: RequestContext, b: Binding): Promise<DocType[]> {
  if (b.kind !== 'MUTUAL_AID') return [];
  const policy = await ctx.em.findOneBy(PolicyVersion, { id: b.policyVersionId });
  return policy?.rules.requiredProofs[b.relationship] ?? [];
}

async function audit(ctx: RequestContext, b: Binding, action: string, reason: string, detail: Record<string, unknown> = {}) {
  await appendAudit(ctx, { action, entityType: 'binding', entityId: b.id, regions: [b.giverRegion, b.beneficiaryRegion], reason, detail: { state: b.state, ...detail } });
}

/** E9: a caseworker approves. APPROVE_FIRST needs commitment, confirmation and an approved proof of a required type. */
export async function approveBinding(ctx: RequestContext, id: number, reason: string): Promise<Binding> {
  const b = await staffBinding(ctx, id);
  const why = requireReason(reason);
  if (b.state === 'ACTIVE' && !b.approved) {
    // 告知承诺制: the after-the-fact review confirms an active binding.
    b.approved = true;
    await ctx.em.save(Binding, b);
    await audit(ctx, b, 'binding.review_approve', why);
    return b;
  }
  if (b.state !== 'PENDING') throw notNeeded(`绑定当前为 ${b.state}`);
  if (b.kind === 'MUTUAL_AID' && !b.commitmentAcceptedAt) throw commitmentMissing();
  if (b.confirmationRequired && !b.confirmedAt) throw confirmationMissing();
  const required = await requiredProofTypes(ctx, b);
  if (required.length) {
    const approved = await ctx.em.findBy(RelationshipProof, { bindingId: b.id, reviewState: 'APPROVED' });
    if (!approved.some((p) => required.includes(p.docType))) throw proofsMissing(required);
  }
  b.approved = true;
  await transition(ctx, b, 'ACTIVE', `审核通过：${why}`);
  await audit(ctx, b, 'binding.approve', why);
  return b;
}

/** A caseworker rejects a pending binding, or (告知承诺制) an active one found wrong on review. */
export async function rejectBinding(ctx: RequestContext, id: number, reason: string): Promise<Binding> {
  const b = await staffBinding(ctx, id);
  const why = requireReason(reason);
  await transition(ctx, b, 'REJECTED', `审核不通过：${why}`);
  await audit(ctx, b, 'binding.reject', why);
  return b;
}

export async function suspendBinding(ctx: RequestContext, id: number, reason: string): Promise<Binding> {
  const b = await staffBinding(ctx, id);
  const why = requireReason(reason);
  await transition(ctx, b, 'SUSPENDED', `暂停：${why}`);
  await audit(ctx, b, 'binding.suspend', why);
  return b;
}

export async function restoreBinding(ctx: RequestContext, id: number, reason: string): Promise<Binding> {
  const b = await staffBinding(ctx, id);
  const why = requireReason(reason);
  if (b.state !== 'SUSPENDED') throw badTransition(b.state, 'ACTIVE');
  await transition(ctx, b, 'ACTIVE', `恢复：${why}`);
  await audit(ctx, b, 'binding.restore', why);
  return b;
}

/**
 * L1: a caseworker ends a binding on a party's behalf (e.g. a written request at the counter), in
 * scope and with a reason; recorded like any other transition (L3) and audited. Reserved money
 * returns to the giver (L2) inside `transition`.
 */
export async function staffRevokeBinding(ctx: RequestContext, id: number, reason: string): Promise<Binding> {
  const b = await staffBinding(ctx, id);
  const why = requireReason(reason);
  await transition(ctx, b, 'REVOKED', `经办人员代为解除：${why}`);
  await audit(ctx, b, 'binding.staff_revoke', why);
  return b;
}

// ---------------------------------------------------------------- field data

export function historyOf(ctx: RequestContext, b: Binding): Promise<BindingTransition[]> {
  return ctx.em.find(BindingTransition, { where: { bindingId: b.id }, order: { id: 'ASC' } });
}

/** A party, unscoped: only for facts derived from both parties (E5 consistency), never returned. */
function partyOf(ctx: RequestContext, memberId: number): Promise<Member | null> {
  return loaders(ctx).member.load(memberId);
}

/** Member channel: the other party of my binding, masked (A6). */
export async function counterpartOf(ctx: RequestContext, b: Binding): Promise<Relative | null> {
  const p = ctx.principal;
  if (p?.kind !== 'member' || (p.id !== b.giverId && p.id !== b.beneficiaryId)) return null;
  const otherIsGiver = p.id === b.beneficiaryId;
  const other = await partyOf(ctx, otherIsGiver ? b.giverId : b.beneficiaryId);
  if (!other) return null;
  const active = b.state === 'ACTIVE';
  return {
    name: maskName(other.name),
    sex: other.sex,
    birthYear: Number(other.birthDate.slice(0, 4)),
    role: otherIsGiver ? 'GIVER' : 'BENEFICIARY',
    paysForMe: active && otherIsGiver,
    iPayForThem: active && !otherIsGiver,
  };
}

export async function consistencyOf(ctx: RequestContext, b: Binding): Promise<ConsistencyFacts | null> {
  const [giver, beneficiary] = await Promise.all([partyOf(ctx, b.giverId), partyOf(ctx, b.beneficiaryId)]);
  if (!giver || !beneficiary) return null;
  const facts = relationshipConsistency(b.relationship, giver, beneficiary, today(ctx));
  return { ...facts, giverSex: giver.sex, beneficiarySex: beneficiary.sex };
}

