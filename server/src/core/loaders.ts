/**
 * Per-request DataLoaders for the records field resolvers return (members, bindings, settlements,
 * proofs, fraud cases, institutions, accounts), with the scope check inside (A1, A6).
 *
 * Two layers: `raw` loaders batch by primary key (one `IN (…)` per entity per tick instead of one
 * statement per row — the N+1 a 500-row page used to cost), and the `visible*` functions are the
 * only way a field resolver reaches a related record: they return it only when the caller may see
 * it, else null (or leave it out of a list). A new field resolver that uses them is scoped by
 * construction; one that calls `ctx.em` directly is not — so don't.
 */
import DataLoader from 'dataloader';
import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { PersonalAccount } from '../modules/account/account.entity';
import { Binding } from '../modules/binding/binding.entity';
import { FraudCase } from '../modules/fraud/fraud-case.entity';
import { Institution } from '../modules/institution/institution.entity';
import { Member } from '../modules/member/member.entity';
import { RelationshipProof } from '../modules/proof/proof.entity';
import { Settlement } from '../modules/settlement/settlement.entity';
import type { RequestContext } from './context';
import { assertInScope, inStaffScope } from './scope';

function byKey<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, key: keyof T & string) {
  return new DataLoader<number, T | null>(
    async (ids) => {
      const rows = await em.find(entity, { where: { [key]: In([...ids]) } as never });
      const map = new Map(rows.map((r) => [r[key] as number, r]));
      return ids.map((id) => map.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );
}

function manyBy<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, key: keyof T & string, order: Record<string, 'ASC' | 'DESC'>) {
  return new DataLoader<number, T[]>(
    async (ids) => {
      const rows = await em.find(entity, { where: { [key]: In([...ids]) } as never, order: order as never });
      const map = new Map<number, T[]>(ids.map((id) => [id, []]));
      for (const r of rows) map.get(r[key] as number)?.push(r);
      return ids.map((id) => map.get(id) ?? []);
    },
    { maxBatchSize: 500 },
  );
}

function create(em: EntityManager) {
  return {
    em,
    member: byKey(em, Member, 'id'),
    binding: byKey(em, Binding, 'id'),
    settlement: byKey(em, Settlement, 'id'),
    proof: byKey(em, RelationshipProof, 'id'),
    fraudCase: byKey(em, FraudCase, 'id'),
    institution: byKey(em, Institution, 'id'),
    accountOfMember: byKey(em, PersonalAccount, 'memberId'),
    bindingsByGiver: manyBy(em, Binding, 'giverId', { id: 'DESC' }),
    bindingsByBeneficiary: manyBy(em, Binding, 'beneficiaryId', { id: 'DESC' }),
    proofsByBinding: manyBy(em, RelationshipProof, 'bindingId', { id: 'ASC' }),
  };
}

export type Loaders = ReturnType<typeof create>;

const perRequest = new WeakMap<RequestContext, Loaders>();

/** The request's loaders (unscoped: for the visible* functions and for computing derived facts). */
export function loaders(ctx: RequestContext): Loaders {
  let l = perRequest.get(ctx);
  // A new transaction (scripts that reuse a context) gets fresh loaders: never serve rows across transactions.
  if (!l || l.em !== ctx.em) {
    l = create(ctx.em);
    perRequest.set(ctx, l);
  }
  return l;
}

// ---------------------------------------------------------------- the scope rules, once

/** Staff: the member is insured in scope. A member: only themself. Institutions: no member records. */
export function canSeeMember(ctx: RequestContext, m: Pick<Member, 'id' | 'provinceCode' | 'insuredRegion'>): boolean {
  const p = ctx.principal;
  if (!p) return false;
  if (p.kind === 'system') return true;
  if (p.kind === 'member') return p.id === m.id;
  if (p.kind === 'staff') return !p.scope || (p.scope.length === 2 ? m.provinceCode === p.scope : m.insuredRegion === p.scope);
  return false;
}

/** Either party in scope (a cross-province binding is visible to both provinces); a member: a party. */
export function canSeeBinding(ctx: RequestContext, b: Pick<Binding, 'giverId' | 'beneficiaryId' | 'giverRegion' | 'beneficiaryRegion'>): boolean {
  const p = ctx.principal;
  if (p?.kind === 'member') return p.id === b.giverId || p.id === b.beneficiaryId;
  return inStaffScope(ctx, b.giverRegion, b.beneficiaryRegion);
}

/** Staff: patient's region or place of treatment in scope. Institutions: their own. A member: their own. */
export function canSeeSettlement(ctx: RequestContext, s: Pick<Settlement, 'institutionId' | 'patientId' | 'patientRegion' | 'placeRegion'>): boolean {
  const p = ctx.principal;
  if (p?.kind === 'institution') return s.institutionId === p.id;
  if (p?.kind === 'member') return s.patientId === p.id;
  return inStaffScope(ctx, s.patientRegion, s.placeRegion);
}

/** Staff with any of the case's regions in scope. */
export function canSeeFraudCase(ctx: RequestContext, c: Pick<FraudCase, 'regionCode' | 'otherRegionCode'>): boolean {
  return inStaffScope(ctx, ...[c.regionCode, c.otherRegionCode].filter((r): r is string => Boolean(r)));
}

// ---------------------------------------------------------------- scoped access for field resolvers

export async function visibleMember(ctx: RequestContext, id: number | null | undefined): Promise<Member | null> {
  if (!id) return null;
  const m = await loaders(ctx).member.load(id);
  return m && canSeeMember(ctx, m) ? m : null;
}

export async function visibleMembers(ctx: RequestContext, ids: Iterable<number>): Promise<Member[]> {
  const rows = await loaders(ctx).member.loadMany([...new Set(ids)]);
  return rows.filter((m): m is Member => m instanceof Member && canSeeMember(ctx, m)).sort((a, b) => a.id - b.id);
}

export async function visibleBinding(ctx: RequestContext, id: number | null | undefined): Promise<Binding | null> {
  if (!id) return null;
  const b = await loaders(ctx).binding.load(id);
  return b && canSeeBinding(ctx, b) ? b : null;
}

export async function visibleBindings(ctx: RequestContext, ids: Iterable<number>): Promise<Binding[]> {
  const rows = await loaders(ctx).binding.loadMany([...new Set(ids)]);
  return rows.filter((b): b is Binding => b instanceof Binding && canSeeBinding(ctx, b)).sort((a, b) => a.id - b.id);
}

/** A visible member's bindings on one side, each itself visible to the caller. */
export async function visibleBindingsOfMember(ctx: RequestContext, m: Member, side: 'giver' | 'beneficiary'): Promise<Binding[]> {
  if (!canSeeMember(ctx, m)) return [];
  const l = loaders(ctx);
  const rows = await (side === 'giver' ? l.bindingsByGiver : l.bindingsByBeneficiary).load(m.id);
  for (const b of rows) l.binding.prime(b.id, b);
  return rows.filter((b) => canSeeBinding(ctx, b));
}

export async function visibleSettlement(ctx: RequestContext, id: number | null | undefined): Promise<Settlement | null> {
  if (!id) return null;
  const s = await loaders(ctx).settlement.load(id);
  return s && canSeeSettlement(ctx, s) ? s : null;
}

export async function visibleSettlements(ctx: RequestContext, ids: Iterable<number>): Promise<Settlement[]> {
  const rows = await loaders(ctx).settlement.loadMany([...new Set(ids)]);
  return rows.filter((s): s is Settlement => s instanceof Settlement && canSeeSettlement(ctx, s)).sort((a, b) => a.id - b.id);
}

/** A proof is visible with its binding. */
export async function visibleProofsOfBinding(ctx: RequestContext, b: Binding): Promise<RelationshipProof[]> {
  if (!canSeeBinding(ctx, b)) return [];
  return loaders(ctx).proofsByBinding.load(b.id);
}

export async function visibleFraudCase(ctx: RequestContext, id: number | null | undefined): Promise<FraudCase | null> {
  if (!id) return null;
  const c = await loaders(ctx).fraudCase.load(id);
  return c && canSeeFraudCase(ctx, c) ? c : null;
}

/** Institutions are public reference data (name, code, region). */
export function institution(ctx: RequestContext, id: number): Promise<Institution | null> {
  return loaders(ctx).institution.load(id);
}

/** A visible member's personal account. */
export async function visibleAccount(ctx: RequestContext, m: Member): Promise<PersonalAccount | null> {
  return canSeeMember(ctx, m) ? loaders(ctx).accountOfMember.load(m.id) : null;
}

// ---------------------------------------------------------------- sanctions

/**
 * A1/A6: every target of a sanction must be in the acting staff member's scope — not just the case.
 * A case can span two provinces; an analyst of one may not suspend a member insured in the other or
 * claw back a settlement of the other's patient. Throws OUT_OF_SCOPE before anything changes.
 */
export async function assertCanSanction(
  ctx: RequestContext,
  targets: { memberIds?: number[]; bindingIds?: number[]; settlements?: Array<Pick<Settlement, 'id' | 'patientRegion'>> },
): Promise<void> {
  const l = loaders(ctx);
  for (const id of new Set(targets.memberIds ?? [])) {
    const m = await l.member.load(id);
    if (!m || !canSeeMember(ctx, m)) assertInScope(ctx, `member ${id}`, m?.insuredRegion ?? '');
  }
  for (const id of new Set(targets.bindingIds ?? [])) {
    const b = await l.binding.load(id);
    assertInScope(ctx, `binding ${id}`, ...(b ? [b.giverRegion, b.beneficiaryRegion] : ['']));
  }
  for (const s of targets.settlements ?? []) assertInScope(ctx, `settlement ${s.id}`, s.patientRegion);
}
