import type { RequestContext } from '../../core/context';
import { paginate, type ListArgs } from '../../core/pagination';
import { PoolingRegion, Province } from './region.entity';

const SORTABLE = { code: 'p.code', name: 'p.name' };

export function listProvinces(ctx: RequestContext, args: ListArgs) {
  return paginate(ctx.em.createQueryBuilder(Province, 'p'), args, SORTABLE, 'code');
}

export function findProvince(ctx: RequestContext, code: string) {
  return ctx.em.findOneBy(Province, { code });
}

export function poolingRegions(ctx: RequestContext, provinceCode?: string | null) {
  return ctx.em.find(PoolingRegion, { where: provinceCode ? { provinceCode } : {}, order: { code: 'ASC' } });
}
