import { requireInstitution, requireStaff, type RequestContext } from '../../core/context';
import { runList, type ListSpec, type PageSelection, sortsOf } from '../../core/list-query';
import type { ListArgs } from '../../core/pagination';
import { inStaffScope } from '../../core/scope';
import { Institution } from './institution.entity';
import type { InstitutionFilter } from './institution.inputs';

const INSTITUTION_REGION = { region: 'i.region_code', province: 'i.province_code' };

export const INSTITUTION_LIST: ListSpec<Institution> = {
  entity: Institution,
  alias: 'i',
  scope: [INSTITUTION_REGION],
  filters: {
    code: { kind: 'eq', column: 'i.code' },
    name: { kind: 'contains', column: 'i.name' },
    kind: { kind: 'eq', column: 'i.kind' },
    region: { kind: 'region', columns: [INSTITUTION_REGION] },
    active: { kind: 'eq', column: 'i.active' },
    ids: { kind: 'in', column: 'i.id' },
  },
  sortable: sortsOf('institutions', { id: { column: 'i.id' }, code: { column: 'i.code' }, name: { column: 'i.name' }, regionCode: { column: 'i.region_code' }, createdAt: { column: 'i.created_at', time: true } }),
  defaultSort: 'id',
};

export function listInstitutions(ctx: RequestContext, filter: InstitutionFilter | undefined, args: ListArgs, select?: PageSelection) {
  requireStaff(ctx);
  return runList(ctx, INSTITUTION_LIST, filter, args, { select });
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
