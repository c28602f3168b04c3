import {
  maskIdNumber,
  maskName,
  maskPhone,
  normalizeIdNumber,
  parseIdNumber,
  POOLING_REGION_BY_CODE,
  provinceOf,
  type MemberStatus,
  type Scheme,
} from '@gongji/shared';
import type { RequestContext } from '../../core/context';
import { requireStaff, today } from '../../core/context';
import { DomainError, InvalidInputError, NotFoundError, thrown } from '../../core/errors';
import { runList, type ListSpec, type PageSelection, sortsOf } from '../../core/list-query';
import type { ListArgs } from '../../core/pagination';
import { canSeeMember } from '../../core/loaders';
import { assertInScope } from '../../core/scope';
import { openAccount } from '../account/account.service';
import { appendAudit } from '../audit/audit.service';
import { terminateBindingsForMember, type TerminationCause } from '../binding/binding-lifecycle';
import { openClosure, transferAccount } from '../closure/closure.service';
import { Member } from './member.entity';
import { badEventDate, memberNotActive, revealReasonRequired, unknownRegion } from './member.errors';
import type { MemberEventInput, MemberFilter, MemberRegistryUpdateInput, RevealedMember } from './member.inputs';

const MEMBER_REGION = { region: 'm.insured_region', province: 'm.province_code' };

export const MEMBER_LIST: ListSpec<Member> = {
  entity: Member,
  alias: 'm',
  scope: [MEMBER_REGION],
  filters: {
    idNumber: { kind: 'eq', column: 'm.id_number', map: (v: string) => normalizeIdNumber(v) },
    name: { kind: 'prefix', column: 'm.name', map: (v: string) => v.trim() },
    region: { kind: 'region', columns: [MEMBER_REGION] },
    scheme: { kind: 'eq', column: 'm.scheme' },
    status: { kind: 'eq', column: 'm.status' },
    ids: { kind: 'in', column: 'm.id' },
  },
  // Each served by its (column, id) index. Others (birth date, created) have none on 1M rows: filter instead.
  sortable: sortsOf('members', {
    id: { column: 'm.id' },
    scheme: { column: 'm.scheme' },
    status: { column: 'm.status' },
    insuredRegion: { column: 'm.insured_region' },
  }),
  defaultSort: 'id',
  // listMembers audits a search with the regions of the members found.
  always: ['insuredRegion'],
};

/** Can the caller see this member at all? The one rule lives with the loaders (A1, A6). */
export { canSeeMember };

/** A member the caller may read, or NOT_FOUND (out-of-scope members are indistinguishable from missing ones). */
export async function getMember(ctx: RequestContext, id: number): Promise<Member> {
  const m = await ctx.em.findOneBy(Member, { id });
  if (!m || !canSeeMember(ctx, m)) throw new NotFoundError('member', id);
  return m;
}

export async function findMember(ctx: RequestContext, id: number): Promise<Member | null> {
  const m = await ctx.em.findOneBy(Member, { id });
  return m && canSeeMember(ctx, m) ? m : null;
}

/** A4: what the audit log keeps of a search by ID number or name: which, the ID number masked, the name's length (never the name). */
export function searchTerms(filter: { idNumber?: string | null; name?: string | null }) {
  return {
    by: [filter.idNumber ? 'idNumber' : null, filter.name ? 'name' : null].filter(Boolean),
    idNumber: filter.idNumber ? maskIdNumber(filter.idNumber) : undefined,
    nameLength: filter.name?.length,
  };
}

export async function listMembers(ctx: RequestContext, filter: MemberFilter | undefined, args: ListArgs, select?: PageSelection) {
  requireStaff(ctx);
  const page = await runList(ctx, MEMBER_LIST, filter, args, { select });
  // A4: looking a person up by ID number or name is itself an access to personal data.
  if (filter?.idNumber || filter?.name)
    await appendAudit(ctx, {
      action: 'member.search',
      entityType: 'member',
      entityId: page.items.length === 1 ? page.items[0].id : '-',
      regions: [...new Set(page.items.map((m) => m.insuredRegion))].slice(0, 20),
      detail: { ...searchTerms(filter), matches: page.total },
    });
  return page;
}

/** A3: masked unless the caller is the member themself. */
export function presentIdNumber(ctx: RequestContext, m: Member): string {
  return isSelf(ctx, m) ? m.idNumber : maskIdNumber(m.idNumber);
}
export function presentName(ctx: RequestContext, m: Member): string {
  return isSelf(ctx, m) ? m.name : maskName(m.name);
}
export function presentPhone(ctx: RequestContext, m: Member): string | null {
  if (!m.phone) return null;
  return isSelf(ctx, m) ? m.phone : maskPhone(m.phone);
}
/** A5: a masked ID number next to the full birth date is the full number; staff get year and age. */
export function presentBirthDate(ctx: RequestContext, m: Member): string | null {
  return isSelf(ctx, m) || ctx.principal?.kind === 'system' ? m.birthDate : null;
}
export function ageOf(ctx: RequestContext, m: Member): number {
  const on = m.diedOn ?? today(ctx);
  const [y, md] = [Number(on.slice(0, 4)) - Number(m.birthDate.slice(0, 4)), on.slice(5) < m.birthDate.slice(5)];
  return md ? y - 1 : y;
}
function isSelf(ctx: RequestContext, m: Member): boolean {
  return ctx.principal?.kind === 'member' && ctx.principal.id === m.id;
}

/** A3: reveal clear personal data — needs REVEAL_PII, a reason, and is audited (A4). */
export async function revealMember(ctx: RequestContext, id: number, reason: string): Promise<RevealedMember> {
  const staff = requireStaff(ctx);
  if (!staff.permissions.includes('REVEAL_PII')) throw thrown('FORBIDDEN', '无查看完整个人信息的权限 (REVEAL_PII permission required)');
  if (!reason || reason.trim().length < 4) throw revealReasonRequired();
  const m = await getMember(ctx, id);
  await appendAudit(ctx, {
    action: 'member.reveal',
    entityType: 'member',
    entityId: m.id,
    regions: [m.insuredRegion],
    reason: reason.trim(),
    detail: { fields: ['idNumber', 'name', 'phone', 'birthDate'] },
  });
  return { id: m.id, idNumber: m.idNumber, name: m.name, phone: m.phone, birthDate: m.birthDate };
}

/** Registry changes come from staff (in scope) or from a registry import run by the system (R2). */
function requireRegistryActor(ctx: RequestContext): void {
  if (ctx.principal?.kind !== 'system') requireStaff(ctx);
}

function checkEventDate(ctx: RequestContext, m: Member, date: string): void {
  if (date > today(ctx) || date < m.birthDate) throw badEventDate();
}

async function staffEvent(
  ctx: RequestContext,
  input: MemberEventInput,
  status: MemberStatus,
  patch: Partial<Member>,
  cause: TerminationCause,
  action: string,
): Promise<Member> {
  requireRegistryActor(ctx);
  const m = await getMember(ctx, input.memberId);
  assertInScope(ctx, 'member', m.insuredRegion);
  if (m.status === 'DECEASED' || m.status === 'TERMINATED') throw memberNotActive(m.status);
  checkEventDate(ctx, m, input.date);
  const before = { status: m.status, scheme: m.scheme };
  Object.assign(m, patch, { status });
  await ctx.em.save(Member, m);
  const ended = await terminateBindingsForMember(ctx, m, cause, input.reason);
  // C1: after L2 released the reservations, the account closes.
  const closure = await openClosure(ctx, m, cause === 'DECEASED' ? 'DEATH' : 'EXIT', input.date);
  await appendAudit(ctx, {
    action,
    entityType: 'member',
    entityId: m.id,
    regions: [m.insuredRegion],
    reason: input.reason,
    detail: { before, after: { status: m.status, scheme: m.scheme }, date: input.date, terminatedBindings: ended, closureId: closure?.id ?? null },
  });
  return m;
}

/** Record a death; L2 terminates every live binding of the member and returns reserved money. */
export function recordDeath(ctx: RequestContext, input: MemberEventInput): Promise<Member> {
  return staffEvent(ctx, input, 'DECEASED', { diedOn: input.date }, 'DECEASED', 'member.death');
}

/** Record that the member left basic insurance (L2). */
export function recordExit(ctx: RequestContext, input: MemberEventInput): Promise<Member> {
  return staffEvent(ctx, input, 'TERMINATED', { exitedOn: input.date, scheme: 'NONE' }, 'LEFT_INSURANCE', 'member.exit');
}

/**
 * A registry change (scheme, insured region, retirement). L2: moving to another pooling region
 * ends the member's bindings; a giver who stops being EMPLOYEE loses the bindings they give.
 */
export async function updateRegistry(ctx: RequestContext, input: MemberRegistryUpdateInput): Promise<Member> {
  requireRegistryActor(ctx);
  const m = await getMember(ctx, input.memberId);
  assertInScope(ctx, 'member', m.insuredRegion);
  if (m.status === 'DECEASED' || m.status === 'TERMINATED') throw memberNotActive(m.status);
  if (input.date) checkEventDate(ctx, m, input.date);
  const before = { scheme: m.scheme, insuredRegion: m.insuredRegion, retired: m.retired };
  const causes: TerminationCause[] = [];
  if (input.insuredRegion && input.insuredRegion !== m.insuredRegion) {
    if (!POOLING_REGION_BY_CODE.has(input.insuredRegion)) throw unknownRegion(input.insuredRegion);
    m.insuredRegion = input.insuredRegion;
    m.provinceCode = provinceOf(input.insuredRegion);
    causes.push('MOVED_REGION');
  }
  if (input.scheme && input.scheme !== m.scheme) {
    if (m.scheme === 'EMPLOYEE') causes.push('LEFT_EMPLOYEE');
    if (input.scheme === 'NONE') causes.push('LEFT_INSURANCE');
    m.scheme = input.scheme;
    if (input.scheme === 'EMPLOYEE') await openAccount(ctx, m.id);
  }
  if (input.retired !== undefined && input.retired !== null) m.retired = input.retired;
  // A no-op change changes nothing and records nothing.
  if (!causes.length && before.scheme === m.scheme && before.retired === m.retired && before.insuredRegion === m.insuredRegion) return m;
  await ctx.em.save(Member, m);
  const ended: number[] = [];
  for (const cause of causes) ended.push(...(await terminateBindingsForMember(ctx, m, cause, input.reason)));
  // C1/C3: leaving basic insurance closes the account; a move transfers it to the new region.
  const eventDate = input.date ?? today(ctx);
  if (causes.includes('LEFT_INSURANCE')) await openClosure(ctx, m, 'EXIT', eventDate);
  else if (causes.includes('MOVED_REGION')) await transferAccount(ctx, m, before.insuredRegion, m.insuredRegion, eventDate);
  await appendAudit(ctx, {
    action: 'member.registry_update',
    entityType: 'member',
    entityId: m.id,
    regions: [before.insuredRegion, m.insuredRegion],
    reason: input.reason,
    detail: { before, after: { scheme: m.scheme, insuredRegion: m.insuredRegion, retired: m.retired }, date: input.date ?? null, terminatedBindings: ended },
  });
  return m;
}

/** Member channel: the logged-in member's own record. */
export function myProfile(ctx: RequestContext): Promise<Member> {
  const p = ctx.principal;
  if (p?.kind !== 'member') throw thrown('FORBIDDEN', 'member channel only');
  return getMember(ctx, p.id);
}

/** S7: the member switches 个账支付权限 on or off (member channel). */
export async function setOffsitePermission(ctx: RequestContext, enabled: boolean): Promise<Member> {
  const p = ctx.principal;
  if (p?.kind !== 'member') throw thrown('FORBIDDEN', 'member channel only');
  const m = await getMember(ctx, p.id);
  m.offsiteAccountPermission = enabled;
  return ctx.em.save(Member, m);
}

export interface RegisterMemberInput {
  idNumber: string;
  name: string;
  scheme: Scheme;
  insuredRegion: string;
  status?: MemberStatus;
  retired?: boolean;
  phone?: string | null;
  contributionBaseFen?: number | null;
  openingBalanceFen?: number;
  offsiteAccountPermission?: boolean;
}

/**
 * Add a member from the insurance registry (seeds, imports, tests). Sex and birth date come from the
 * validated ID number; EMPLOYEE members get a personal account.
 */
export async function registerMember(ctx: RequestContext, input: RegisterMemberInput): Promise<Member> {
  let parsed;
  try {
    parsed = parseIdNumber(normalizeIdNumber(input.idNumber), today(ctx));
  } catch {
    throw new InvalidInputError('INVALID_ID_NUMBER', `身份证号码 ${maskIdNumber(input.idNumber)} 无效 (invalid ID number)`, 'idNumber');
  }
  if (!POOLING_REGION_BY_CODE.has(input.insuredRegion)) throw unknownRegion(input.insuredRegion);
  if (await ctx.em.findOneBy(Member, { idNumber: parsed.idNumber }))
    throw new DomainError('INPUT', 'DUPLICATE_ID_NUMBER', '该身份证号码已登记 (ID number already registered)', 'idNumber');
  const m = await ctx.em.save(
    Member,
    ctx.em.create(Member, {
      idNumber: parsed.idNumber,
      name: input.name.trim(),
      phone: input.phone ?? null,
      sex: parsed.sex,
      birthDate: parsed.birthDate,
      scheme: input.scheme,
      status: input.status ?? 'ACTIVE',
      suspendedUntil: null,
      insuredRegion: input.insuredRegion,
      provinceCode: provinceOf(input.insuredRegion),
      retired: input.retired ?? false,
      offsiteAccountPermission: input.offsiteAccountPermission ?? false,
      contributionBaseFen: input.contributionBaseFen ?? null,
      diedOn: null,
      exitedOn: null,
    }),
  );
  if (m.scheme === 'EMPLOYEE') await openAccount(ctx, m.id, input.openingBalanceFen ?? 0);
  return m;
}
