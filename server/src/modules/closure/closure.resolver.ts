import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { ListArgs, PageOf } from '../../core/pagination';
import { resultUnion } from '../../core/results';
import { PersonalAccount } from '../account/account.entity';
import { AccountClosure } from './closure.entity';
import { ClosurePaymentView } from './closure.types';
import { ClosureFilter, HeirPaymentInput, WithdrawalInput } from './closure.inputs';
import * as closures from './closure.service';
import { feesOfClosure } from '../charge/charge.service';
import { SafeInt } from '../../core/scalars';

const ClosurePage = PageOf(AccountClosure, 'AccountClosure');
const ClosureResult = resultUnion('AccountClosure', AccountClosure);
const WithdrawalResult = resultUnion('Withdrawal', PersonalAccount);

@Resolver(() => AccountClosure)
export class ClosureResolver {
  @Authorized('CASEWORKER', 'AUDITOR', 'REGIONAL_ADMIN')
  @Query(() => ClosurePage, { description: 'C1–C3: account closures and transfers in scope. sortField: id, createdAt, state.' })
  accountClosures(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Arg('filter', () => ClosureFilter, { nullable: true }) filter?: ClosureFilter) {
    return closures.listClosures(ctx, filter, args);
  }

  @Authorized('CASEWORKER', 'AUDITOR', 'REGIONAL_ADMIN')
  @Query(() => AccountClosure, { nullable: true, description: 'One closure in scope, or null.' })
  accountClosure(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return closures.findClosure(ctx, id);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => ClosureResult, { description: 'C2: pay the pending balance to the heirs (or the member who left), in shares adding up exactly.' })
  decideClosurePayment(@Ctx() ctx: RequestContext, @Arg('input') input: HeirPaymentInput) {
    return closures.decidePayment(ctx, input);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => ClosureResult, { description: 'C3: the receiving region accepts a cross-province transfer (TRANSFER_IN).' })
  acceptAccountTransfer(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('reason') reason: string) {
    return closures.acceptTransfer(ctx, id, reason);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => WithdrawalResult, { description: 'C4: approve a withdrawal to the member’s own bank account, where the region policy allows it.' })
  approveAccountWithdrawal(@Ctx() ctx: RequestContext, @Arg('input') input: WithdrawalInput) {
    return closures.approveWithdrawal(ctx, input);
  }

  @FieldResolver(() => SafeInt, { description: 'C1: fees owed (应收未收) paid to the fund by FEE entries before the balance left, fen.' })
  async feesPaidFen(@Root() c: AccountClosure, @Ctx() ctx: RequestContext) {
    return (await feesOfClosure(ctx, c.id, c.accountId)).paidFen;
  }

  @FieldResolver(() => SafeInt, { description: 'C1: what its charges still owe because the balance was short, fen.' })
  async feeShortfallFen(@Root() c: AccountClosure, @Ctx() ctx: RequestContext) {
    return (await feesOfClosure(ctx, c.id, c.accountId)).shortfallFen;
  }

  @FieldResolver(() => [ClosurePaymentView], { description: 'C2: the shares paid (bank accounts masked).' })
  async payments(@Root() c: AccountClosure, @Ctx() ctx: RequestContext) {
    return closures.paymentViews(ctx, c);
  }
}

