import { Arg, Args, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { ListArgs, PageOf } from '../../core/pagination';
import { resultUnion } from '../../core/results';
import { Binding } from '../binding/binding.entity';
import { BatchRun, ResidentPremiumPayment } from './batch.entity';
import { listBatchRuns } from './batch.service';
import { payResidentPremiumByHand, setResidentPremiumOptIn } from './resident-premium.service';

const BatchRunPage = PageOf(BatchRun, 'BatchRun');
const PremiumResult = resultUnion('ResidentPremium', ResidentPremiumPayment);
const OptInResult = resultUnion('PremiumOptIn', Binding);

@Resolver()
export class BatchResolver {
  @Authorized()
  @Query(() => BatchRunPage, { description: 'Batch runs (S13 monthly credit, S14 resident premium), newest first by default. sortField: id, startedAt.' })
  batchRuns(@Ctx() ctx: RequestContext, @Args() args: ListArgs) {
    return listBatchRuns(ctx, args);
  }

  @Authorized('MEMBER')
  @Mutation(() => PremiumResult, { description: 'S14: the giver pays the beneficiary’s resident premium for this year, inside the window, once.' })
  payResidentPremium(@Ctx() ctx: RequestContext, @Arg('bindingId', () => Int) bindingId: number) {
    return payResidentPremiumByHand(ctx, bindingId);
  }

  @Authorized('MEMBER')
  @Mutation(() => OptInResult, { description: 'S14: the giver opts this binding in or out of the yearly premium run.' })
  setResidentPremiumOptIn(@Ctx() ctx: RequestContext, @Arg('bindingId', () => Int) bindingId: number, @Arg('enabled') enabled: boolean) {
    return setResidentPremiumOptIn(ctx, bindingId, enabled);
  }
}
