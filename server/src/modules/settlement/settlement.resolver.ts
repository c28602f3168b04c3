import { LIST_SORTS } from '@gongji/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { pageSelection } from '../../core/list-query';
import { ListArgs, PageOf } from '../../core/pagination';
import { resultUnion } from '../../core/results';
import { SafeInt } from '../../core/scalars';
import { Institution } from '../institution/institution.entity';
import { Member } from '../member/member.entity';
import { reverseSettlement } from './reversal.service';
import * as q from './settlement-query.service';
import { Settlement, SettlementPayment, SettlementReversal } from './settlement.entity';
import { ReverseInput, SettleInput, SettlementFilter, StatementPage } from './settlement.inputs';
import { settle } from './settlement.service';
import { institution, visibleMember } from '../../core/loaders';

const SettlementPage = PageOf(Settlement, 'Settlement');
const SettlementResult = resultUnion('Settlement', Settlement);
const ReversalResult = resultUnion('Reversal', SettlementReversal);

@Resolver(() => Settlement)
export class SettlementResolver {
  @Authorized('INSTITUTION')
  @Mutation(() => SettlementResult, { description: 'S1–S8: settle a patient’s self-pay part. Idempotent by serialNo.' })
  settle(@Ctx() ctx: RequestContext, @Arg('input') input: SettleInput) {
    return settle(ctx, input);
  }

  @Authorized('INSTITUTION')
  @Mutation(() => ReversalResult, { description: 'S9: full or partial reversal, in reverse order of payment. Idempotent by its own serialNo.' })
  reverseSettlement(@Ctx() ctx: RequestContext, @Arg('input') input: ReverseInput) {
    return reverseSettlement(ctx, input);
  }

  @Authorized('INSTITUTION')
  @Query(() => SettlementPage, { description: 'The calling institution’s own settlements.' })
  mySettlements(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Info() info: GraphQLResolveInfo, @Arg('filter', () => SettlementFilter, { nullable: true }) filter?: SettlementFilter) {
    return q.listOwnSettlements(ctx, filter, args, pageSelection(info));
  }

  @Authorized()
  @Query(() => SettlementPage, { description: `Staff: settlements whose patient or place of treatment is in scope. sortField: ${LIST_SORTS.settlements.join(', ')}.` })
  settlements(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Info() info: GraphQLResolveInfo, @Arg('filter', () => SettlementFilter, { nullable: true }) filter?: SettlementFilter) {
    return q.listSettlements(ctx, filter, args, pageSelection(info));
  }

  @Authorized('CASEWORKER', 'FRAUD_ANALYST', 'REGIONAL_ADMIN', 'AUDITOR', 'INSTITUTION')
  @Query(() => Settlement, { nullable: true })
  settlement(@Ctx() ctx: RequestContext, @Arg('id', () => SafeInt) id: number) {
    return q.findSettlement(ctx, id);
  }

  @Authorized('MEMBER')
  @Query(() => StatementPage, { description: 'S11: my account statement (账户明细), newest first.' })
  myStatement(@Ctx() ctx: RequestContext, @Args() args: ListArgs) {
    return q.myStatement(ctx, args);
  }

  @Authorized('MEMBER')
  @Query(() => StatementPage, { description: 'What my mutual-aid givers paid for me.' })
  myMutualAidReceived(@Ctx() ctx: RequestContext, @Args() args: ListArgs) {
    return q.myMutualAidReceived(ctx, args);
  }

  @Authorized()
  @Query(() => StatementPage, { description: 'Staff: a member’s account statement, in scope. from/to: Beijing calendar days (YYYY-MM-DD), both inclusive.' })
  accountStatement(
    @Ctx() ctx: RequestContext,
    @Arg('memberId', () => Int) memberId: number,
    @Args() args: ListArgs,
    @Arg('from', () => String, { nullable: true }) from?: string,
    @Arg('to', () => String, { nullable: true }) to?: string,
  ) {
    return q.accountStatement(ctx, memberId, args, from, to);
  }

  @FieldResolver(() => [SettlementPayment], { description: 'Per-account payments in payment order.' })
  payments(@Root() s: Settlement, @Ctx() ctx: RequestContext) {
    return q.paymentsOf(ctx, s);
  }

  @FieldResolver(() => [SettlementReversal])
  reversals(@Root() s: Settlement, @Ctx() ctx: RequestContext) {
    return q.reversalsOf(ctx, s);
  }

  @FieldResolver(() => Institution, { nullable: true })
  institution(@Root() s: Settlement, @Ctx() ctx: RequestContext) {
    return institution(ctx, s.institutionId);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The patient (masked); null unless the caller may see the member (staff in scope).' })
  patient(@Root() s: Settlement, @Ctx() ctx: RequestContext) {
    return visibleMember(ctx, s.patientId);
  }
}
