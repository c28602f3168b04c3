import { LIST_SORTS } from '@gongji/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, Info, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { pageSelection } from '../../core/list-query';
import { ListArgs, PageOf } from '../../core/pagination';
import { AuditLog } from './audit.entity';
import { AuditChainArgs, AuditFilter } from './audit.inputs';
import { listAudit, verifyAuditChain } from './audit.service';

const AuditLogPage = PageOf(AuditLog, 'AuditLog');

@ObjectType({ description: 'A4: one window of the hash-chain check; continue with afterId = lastId, afterHash = lastHash until done.' })
class AuditChainCheck {
  @Field({ description: 'False once an entry (or the head) does not match.' })
  ok: boolean;

  @Field(() => Int, { description: 'Entries verified in this call.' })
  checked: number;

  @Field(() => Int, { nullable: true, description: 'The first entry that does not match: it or the one before was changed or deleted.' })
  brokenAtId: number | null;

  @Field(() => Int, { description: 'The last entry verified (0: none yet).' })
  lastId: number;

  @Field({ description: 'Its hash (the genesis hash before the first entry).' })
  lastHash: string;

  @Field({ description: 'True when the check has reached the head (or found a break): nothing left to verify.' })
  done: boolean;

  @Field(() => Int, { description: 'Entries in the chain when this call looked.' })
  total: number;
}

@Resolver(() => AuditLog)
export class AuditResolver {
  @Authorized('AUDITOR')
  @Query(() => AuditLogPage, { description: `A4: the audit log, inside the auditor’s scope. sortField: ${LIST_SORTS.auditLogs.join(', ')}.` })
  auditLogs(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Info() info: GraphQLResolveInfo, @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter) {
    return listAudit(ctx, filter, args, pageSelection(info));
  }

  @Authorized('AUDITOR')
  @Query(() => AuditChainCheck, { description: 'A4: recompute the hash chain, a window of entries per call; any changed or deleted entry breaks it.' })
  auditChainCheck(@Ctx() ctx: RequestContext, @Args() window: AuditChainArgs) {
    return verifyAuditChain(ctx, window);
  }
}
