import { LIST_SORTS } from '@gongji/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { pageSelection } from '../../core/list-query';
import { ListArgs, PageOf } from '../../core/pagination';
import { Institution } from './institution.entity';
import { InstitutionFilter } from './institution.inputs';
import * as institutions from './institution.service';

const InstitutionPage = PageOf(Institution, 'Institution');

@Resolver(() => Institution)
export class InstitutionResolver {
  @Authorized()
  @Query(() => InstitutionPage, { description: `Designated institutions in scope. sortField: ${LIST_SORTS.institutions.join(', ')}.` })
  institutions(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Info() info: GraphQLResolveInfo, @Arg('filter', () => InstitutionFilter, { nullable: true }) filter?: InstitutionFilter) {
    return institutions.listInstitutions(ctx, filter, args, pageSelection(info));
  }

  @Authorized('CASEWORKER', 'FRAUD_ANALYST', 'REGIONAL_ADMIN', 'AUDITOR', 'INSTITUTION')
  @Query(() => Institution, { nullable: true })
  institution(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return institutions.findInstitution(ctx, id);
  }

  @Authorized('INSTITUTION')
  @Query(() => Institution, { description: 'The calling institution.' })
  myInstitution(@Ctx() ctx: RequestContext) {
    return institutions.myInstitution(ctx);
  }
}
