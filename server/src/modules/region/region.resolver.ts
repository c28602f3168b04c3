import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { ListArgs, PageOf } from '../../core/pagination';
import { PoolingRegion, Province } from './region.entity';
import * as regions from './region.service';

const ProvincePage = PageOf(Province, 'Province');

@Resolver(() => Province)
export class RegionResolver {
  @Authorized('CASEWORKER', 'FRAUD_ANALYST', 'REGIONAL_ADMIN', 'AUDITOR', 'MEMBER', 'INSTITUTION')
  @Query(() => ProvincePage, { description: 'The 32 provincial units. sortField: code, name.' })
  provinces(@Ctx() ctx: RequestContext, @Args() args: ListArgs) {
    return regions.listProvinces(ctx, args);
  }

  @Authorized('CASEWORKER', 'FRAUD_ANALYST', 'REGIONAL_ADMIN', 'AUDITOR', 'MEMBER', 'INSTITUTION')
  @Query(() => Province, { nullable: true })
  province(@Ctx() ctx: RequestContext, @Arg('code') code: string) {
    return regions.findProvince(ctx, code);
  }

  @Authorized('CASEWORKER', 'FRAUD_ANALYST', 'REGIONAL_ADMIN', 'AUDITOR', 'MEMBER', 'INSTITUTION')
  @Query(() => [PoolingRegion])
  poolingRegions(@Ctx() ctx: RequestContext, @Arg('provinceCode', () => String, { nullable: true }) provinceCode?: string) {
    return regions.poolingRegions(ctx, provinceCode);
  }

  @FieldResolver(() => [PoolingRegion], { name: 'poolingRegions' })
  regionsOfProvince(@Root() p: Province, @Ctx() ctx: RequestContext) {
    return regions.poolingRegions(ctx, p.code);
  }
}
