import { requireInstitution, requireStaff, type RequestContext } from '../../core/context';
import { paginate, type ListArgs } from '../../core/pagination';
import { applyScope, inStaffScope } from '../../core/scope';
import { Institution } from './institution.entity';
import type { InstitutionFilter } from './institution.inputs';

const SORTABLE = { id: 'i.id', code: 'i.code', name: 'i.name', regionCode: 'i.regionCode' };

export function listInstitutions(ctx: RequestContext, filter: InstitutionFilter | undefined, args: ListArgs) {
  requireStaff(ctx);
  const qb = ctx.em.createQueryBuilder(Institution, 'i');
  applyScope(ctx, qb, ['i.region_code'], ['i.province_code']);
  if (filter?.code) qb.andWhere('i.code = :code', { code: filter.code });
  if (filter?.name) qb.andWhere('i.name LIKE :name', { name: `%${filter.name}%` });
  if (filter?.kind) qb.andWhere('i.kind = :kind', { kind: filter.kind });
  if (filter?.region) qb.andWhere(filter.region.length === 2 ? 'i.province_code = :r' : 'i.region_code = :r', { r: filter.region });
  if (filter?.active !== undefined && filter.active !== null) qb.andWhere('i.active = :active', { active: filter.active });
  if (filter?.ids?.length) qb.andWhere('i.id IN (:...ids)', { ids: filter.ids });
  return paginate(qb, args, SORTABLE, 'id');
}

export async function findInstitution(ctx: RequestContext, id: number): Promise<Institution | null> {
  const i = await ctx.em.findOneBy(Institution, { id });
  const p = ctx.principal;
  if (!i) return null;
  if (p?.kind === 'institution') return p.id === i.id ? i : null;
  return inStaffScope(ctx, i.regionCode) ? i : null;
}

export function myInstitution(ctx: RequestContext): Promise<Institution> {
  return ctx.em.findOneByOrFail(Institution, { id: requireInstitution(ctx).id });
}
