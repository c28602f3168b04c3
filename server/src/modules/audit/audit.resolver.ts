import { LIST_SORTS } from '@gongji/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, Info, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { pageSelection } from '../../core/list-query';
import { ListArgs, PageOf } from '../../core/pagination';
import { AuditLog } from './audit.entity';
import { AuditFilter } from './audit.inputs';
import { listAudit, verifyAuditChain } from './audit.service';

const AuditLogPage = PageOf(AuditLog, 'AuditLog');

@ObjectType()
class AuditChainCheck {
  @Field()
  ok: boolean;

  @Field(() => Int)
  checked: number;

  @Field(() => Int, { nullable: true })
  brokenAtId: number | null;
}

@Resolver(() => AuditLog)
export class AuditResolver {
  @Authorized('AUDITOR')
  @Query(() => AuditLogPage, { description: `A4: the audit log, inside the auditor’s scope. sortField: ${LIST_SORTS.auditLogs.join(', ')}.` })
  auditLogs(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Info() info: GraphQLResolveInfo, @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter) {
    return listAudit(ctx, filter, args, pageSelection(info));
  }

  @Authorized('AUDITOR')
  @Query(() => AuditChainCheck, { description: 'A4: recompute the hash chain; any changed or deleted entry breaks it.' })
  auditChainCheck(@Ctx() ctx: RequestContext) {
    return verifyAuditChain(ctx);
  }
}
