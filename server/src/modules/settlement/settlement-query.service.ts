import { maskName } from '@gongji/shared';
import { requireInstitution, requireMember, requireStaff, type RequestContext } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { runList, type ListSpec, type PageSelection, sortsOf } from '../../core/list-query';
import type { ListArgs } from '../../core/pagination';
import { inStaffScope } from '../../core/scope';
import { And, LessThan, MoreThanOrEqual } from 'typeorm';
import { LedgerEntry, PersonalAccount } from '../account/account.entity';
import { statementRange, type StatementRange } from '../account/statement-range';
import { Institution } from '../institution/institution.entity';
import { Member } from '../member/member.entity';
import { getMember } from '../member/member.service';
import { Settlement, SettlementPayment, SettlementReversal } from './settlement.entity';
import type { SettlementFilter, StatementLine, StatementPage } from './settlement.inputs';

/** Staff see a settlement when the patient's region or the place of treatment is in scope. */
export const SETTLEMENT_REGIONS = [
  { region: 's.patient_region', province: 's.patient_province' },
  { region: 's.place_region', province: 's.place_province' },
];

export const SETTLEMENT_LIST: ListSpec<Settlement> = {
  entity: Settlement,
  alias: 's',
  scope: SETTLEMENT_REGIONS,
  filters: {
    memberId: { kind: 'eq', column: 's.patient_id' },
    institutionId: { kind: 'eq', column: 's.institution_id' },
    category: { kind: 'eq', column: 's.category' },
    serialNo: { kind: 'eq', column: 's.serial_no' },
    region: { kind: 'region', columns: SETTLEMENT_REGIONS },
    from: { kind: 'gte', column: 's.treated_at' },
    to: { kind: 'lt', column: 's.treated_at' },
  },
  // Amount sorts are not offered: no index orders 10M settlements by an amount (sorting by one took
  // 15 s there). Narrow by member, institution, day or region instead; treatment time orders them all.
  sortable: sortsOf('settlements', {
    id: { column: 's.id' },
    treatedAt: { column: 's.treated_at', time: true },
  }),
  defaultSort: 'id',
};

/** Staff see a settlement when the patient's region or the place of treatment is in scope. */
function visibleToCaller(ctx: RequestContext, s: Settlement): boolean {
  const p = ctx.principal;
  if (p?.kind === 'institution') return s.institutionId === p.id;
  if (p?.kind === 'member') return s.patientId === p.id;
  return inStaffScope(ctx, s.patientRegion, s.placeRegion);
}

export async function findSettlement(ctx: RequestContext, id: number): Promise<Settlement | null> {
  const s = await ctx.em.findOneBy(Settlement, { id });
  return s && visibleToCaller(ctx, s) ? s : null;
}

export async function getSettlement(ctx: RequestContext, id: number): Promise<Settlement> {
  const s = await findSettlement(ctx, id);
  if (!s) throw new NotFoundError('settlement', id);
  return s;
}

export async function listSettlements(ctx: RequestContext, filter: SettlementFilter | undefined, args: ListArgs, select?: PageSelection) {
  requireStaff(ctx);
  return runList(ctx, SETTLEMENT_LIST, filter, args, { select });
}

export async function listOwnSettlements(ctx: RequestContext, filter: SettlementFilter | undefined, args: ListArgs, select?: PageSelection) {
  const inst = requireInstitution(ctx);
  return runList(ctx, SETTLEMENT_LIST, filter, args, { select, scope: false, where: (qb) => void qb.andWhere('s.institution_id = :own', { own: inst.id }) });
}

export function paymentsOf(ctx: RequestContext, s: Settlement): Promise<SettlementPayment[]> {
  return ctx.em.find(SettlementPayment, { where: { settlementId: s.id }, order: { seq: 'ASC' } });
}

export function reversalsOf(ctx: RequestContext, s: Settlement): Promise<SettlementReversal[]> {
  return ctx.em.find(SettlementReversal, { where: { settlementId: s.id }, order: { id: 'ASC' } });
}

export function institutionOf(ctx: RequestContext, s: Settlement): Promise<Institution | null> {
  return ctx.em.findOneBy(Institution, { id: s.institutionId });
}

export async function patientOf(ctx: RequestContext, s: Settlement): Promise<Member | null> {
  const m = await ctx.em.findOneBy(Member, { id: s.patientId });
  return m;
}

/** S11 statement of one member's account: entries newest first, mutual-aid lines naming the other party masked. */
async function statementOf(ctx: RequestContext, member: Member, args: ListArgs, range: StatementRange = {}): Promise<StatementPage> {
  const account = await ctx.em.findOneBy(PersonalAccount, { memberId: member.id });
  if (!account) return { items: [], total: 0 };
  const createdAt =
    range.from && range.to ? And(MoreThanOrEqual(range.from), LessThan(range.to)) : range.from ? MoreThanOrEqual(range.from) : range.to ? LessThan(range.to) : undefined;
  const [entries, total] = await ctx.em.findAndCount(LedgerEntry, {
    where: { accountId: account.id, ...(createdAt ? { createdAt } : {}) },
    order: { id: 'DESC' },
    skip: (args.page - 1) * args.perPage,
    take: args.perPage,
  });
  const settlementIds = [...new Set(entries.map((e) => e.settlementId).filter((x): x is number => x !== null))];
  const settlements = settlementIds.length ? await ctx.em.findBy(Settlement, settlementIds.map((id) => ({ id }))) : [];
  const byId = new Map(settlements.map((s) => [s.id, s]));
  const people = await peopleByIds(ctx, settlements.map((s) => s.patientId));
  const insts = await institutionsByIds(ctx, settlements.map((s) => s.institutionId));
  return {
    total,
    items: entries.map((e) => {
      const s = e.settlementId ? byId.get(e.settlementId) : undefined;
      const other = s && s.patientId !== member.id ? people.get(s.patientId) : undefined;
      return {
        id: e.id,
        at: e.createdAt,
        direction: e.direction,
        amountFen: e.amountFen,
        balanceAfterFen: e.balanceAfterFen,
        cause: e.cause,
        settlementId: e.settlementId,
        counterpart: other ? maskName(other.name) : null,
        category: s?.category ?? null,
        institutionName: s ? insts.get(s.institutionId)?.name ?? null : null,
      };
    }),
  };
}

async function peopleByIds(ctx: RequestContext, ids: number[]): Promise<Map<number, Member>> {
  const uniq = [...new Set(ids)];
  const rows = uniq.length ? await ctx.em.findBy(Member, uniq.map((id) => ({ id }))) : [];
  return new Map(rows.map((m) => [m.id, m]));
}

async function institutionsByIds(ctx: RequestContext, ids: number[]): Promise<Map<number, Institution>> {
  const uniq = [...new Set(ids)];
  const rows = uniq.length ? await ctx.em.findBy(Institution, uniq.map((id) => ({ id }))) : [];
  return new Map(rows.map((i) => [i.id, i]));
}

/** Member channel: my account statement (as an account holder and giver). */
export async function myStatement(ctx: RequestContext, args: ListArgs): Promise<StatementPage> {
  const p = requireMember(ctx);
  return statementOf(ctx, await getMember(ctx, p.id), args);
}

/** Member channel: what my givers paid for me (as a beneficiary), giver masked. */
export async function myMutualAidReceived(ctx: RequestContext, args: ListArgs): Promise<StatementPage> {
  const p = requireMember(ctx);
  const qb = ctx.em
    .createQueryBuilder(SettlementPayment, 'p')
    .innerJoin(Settlement, 's', 's.id = p.settlement_id')
    .where('s.patient_id = :me AND p.binding_id IS NOT NULL', { me: p.id })
    .orderBy('p.id', 'DESC')
    .skip((args.page - 1) * args.perPage)
    .take(args.perPage);
  const [payments, total] = await qb.getManyAndCount();
  const settlements = payments.length ? await ctx.em.findBy(Settlement, [...new Set(payments.map((x) => x.settlementId))].map((id) => ({ id }))) : [];
  const byId = new Map(settlements.map((s) => [s.id, s]));
  const givers = await peopleByIds(ctx, payments.map((x) => x.payerMemberId));
  const insts = await institutionsByIds(ctx, settlements.map((s) => s.institutionId));
  const items: StatementLine[] = payments.map((x) => {
    const s = byId.get(x.settlementId)!;
    return {
      id: x.id,
      at: s.treatedAt,
      direction: 'DEBIT',
      amountFen: x.amountFen - x.reversedFen,
      balanceAfterFen: null,
      cause: 'SETTLEMENT',
      settlementId: s.id,
      counterpart: givers.get(x.payerMemberId) ? maskName(givers.get(x.payerMemberId)!.name) : null,
      category: s.category,
      institutionName: insts.get(s.institutionId)?.name ?? null,
    };
  });
  return { items, total };
}

/** Staff: a member's statement, in scope; optionally only the Beijing days from…to (inclusive). */
export async function accountStatement(ctx: RequestContext, memberId: number, args: ListArgs, from?: string | null, to?: string | null): Promise<StatementPage> {
  requireStaff(ctx);
  const range = statementRange(from, to);
  return statementOf(ctx, await getMember(ctx, memberId), args, range);
}
