import { Arg, Args, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { ListArgs, PageOf } from '../../core/pagination';
import { resultUnion } from '../../core/results';
import { AccountCharge } from './charge.entity';
import { RecordChargeInput, WaiveChargeInput } from './charge.inputs';
import * as charges from './charge.service';

const ChargePage = PageOf(AccountCharge, 'AccountCharge');
const ChargeResult = resultUnion('AccountCharge', AccountCharge);

@Resolver(() => AccountCharge)
export class ChargeResolver {
  @Authorized('CASEWORKER', 'FRAUD_ANALYST', 'AUDITOR', 'REGIONAL_ADMIN')
  @Query(() => ChargePage, { description: 'C1: 应收未收 — what a member’s personal account owes the fund (member in scope). sortField: id, createdAt, state; newest first by default.' })
  memberCharges(@Ctx() ctx: RequestContext, @Arg('memberId', () => Int) memberId: number, @Args() args: ListArgs) {
    return charges.listCharges(ctx, memberId, args);
  }

  @Authorized('CASEWORKER', 'FRAUD_ANALYST')
  @Mutation(() => ChargeResult, { description: 'C1: record an amount owed (FRAUD_RECOVERY needs a confirmed case of the member; OTHER a reason). Settled first when the account closes.' })
  recordAccountCharge(@Ctx() ctx: RequestContext, @Arg('input') input: RecordChargeInput) {
    return charges.recordCharge(ctx, input);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => ChargeResult, { description: 'C1: waive what is still unpaid of an open charge, with a reason.' })
  waiveAccountCharge(@Ctx() ctx: RequestContext, @Arg('input') input: WaiveChargeInput) {
    return charges.waiveCharge(ctx, input);
  }
}
