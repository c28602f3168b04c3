import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LIST_SORTS, type Initiator } from '@gongji/shared';
import type { RequestContext } from '../../core/context';
import { DocTypeEnum, InitiatorEnum } from '../../core/graphql-enums';
import { pageSelection } from '../../core/list-query';
import { ListArgs, PageOf } from '../../core/pagination';
import { resultUnion } from '../../core/results';
import { SafeInt } from '../../core/scalars';
import { Member } from '../member/member.entity';
import { RelationshipProof } from '../proof/proof.entity';
import { Binding, BindingTransition } from './binding.entity';
import { BindingFilter, ConsistencyFacts, RequestBindingInput } from './binding.inputs';
import * as bindings from './binding.service';
import { Relative } from './relative.types';
import { visibleBindingsOfMember, visibleMember, visibleProofsOfBinding } from '../../core/loaders';

const BindingPage = PageOf(Binding, 'Binding');
const BindingResult = resultUnion('Binding', Binding);

@Resolver(() => Binding)
export class BindingResolver {
  // ---- member channel
  @Authorized('MEMBER')
  @Mutation(() => BindingResult, { description: 'E1–E10: request a binding, as the giver or (where policy allows) the beneficiary.' })
  requestBinding(@Ctx() ctx: RequestContext, @Arg('input') input: RequestBindingInput) {
    return bindings.requestBinding(ctx, input);
  }

  @Authorized('MEMBER')
  @Mutation(() => BindingResult, { description: 'E8: the party who did not start the request confirms it.' })
  confirmBinding(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return bindings.confirmBinding(ctx, id);
  }

  @Authorized('MEMBER')
  @Mutation(() => BindingResult, { description: 'E9: the giver accepts the commitment letter (承诺书).' })
  acceptCommitment(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return bindings.acceptCommitment(ctx, id);
  }

  @Authorized('MEMBER')
  @Mutation(() => BindingResult, { description: 'The giver sets the single-payment limit (单笔限额); null removes it.' })
  setBindingLimit(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('singleLimitFen', () => SafeInt, { nullable: true }) limit: number | null) {
    return bindings.setBindingLimit(ctx, id, limit ?? null);
  }

  @Authorized('MEMBER')
  @Mutation(() => [Binding], { description: 'The beneficiary orders all their live mutual-aid givers (顺位).' })
  setGiverPriorities(@Ctx() ctx: RequestContext, @Arg('bindingIds', () => [Int]) ids: number[]) {
    return bindings.setGiverPriorities(ctx, ids);
  }

  @Authorized('MEMBER')
  @Mutation(() => BindingResult, { description: 'The giver reserves part of the balance for this binding (共济额度).' })
  setReservedAmount(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('amountFen', () => SafeInt) amountFen: number) {
    return bindings.setReservedAmount(ctx, id, amountFen);
  }

  @Authorized('MEMBER')
  @Mutation(() => BindingResult, { description: 'L1: either party unbinds (REVOKED).' })
  revokeBinding(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('reason') reason: string) {
    return bindings.revokeBinding(ctx, id, reason);
  }

  @Authorized('MEMBER')
  @Query(() => [Binding], { description: 'Member channel: my bindings, as giver, beneficiary or both.' })
  myBindings(@Ctx() ctx: RequestContext, @Arg('role', () => InitiatorEnum, { nullable: true }) role?: Initiator) {
    return bindings.myBindings(ctx, role);
  }

  // ---- staff
  @Authorized()
  @Query(() => BindingPage, { description: `Bindings with either party in scope. sortField: ${LIST_SORTS.bindings.join(', ')}.` })
  bindings(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Info() info: GraphQLResolveInfo, @Arg('filter', () => BindingFilter, { nullable: true }) filter?: BindingFilter) {
    return bindings.listBindings(ctx, filter, args, pageSelection(info));
  }

  @Authorized('CASEWORKER', 'FRAUD_ANALYST', 'REGIONAL_ADMIN', 'AUDITOR', 'MEMBER')
  @Query(() => Binding, { nullable: true })
  binding(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return bindings.findBinding(ctx, id);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => BindingResult, { description: 'E9: approve (APPROVE_FIRST: activates; 告知承诺制: confirms the review).' })
  approveBinding(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('reason') reason: string) {
    return bindings.approveBinding(ctx, id, reason);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => BindingResult, { description: 'Reject a pending binding, or an active one on after-the-fact review.' })
  rejectBinding(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('reason') reason: string) {
    return bindings.rejectBinding(ctx, id, reason);
  }

  @Authorized('CASEWORKER', 'FRAUD_ANALYST')
  @Mutation(() => BindingResult, { description: 'L1: suspend (e.g. during a fraud case).' })
  suspendBinding(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('reason') reason: string) {
    return bindings.suspendBinding(ctx, id, reason);
  }

  @Authorized('CASEWORKER', 'FRAUD_ANALYST')
  @Mutation(() => BindingResult, { description: 'L1: restore a suspended binding.' })
  restoreBinding(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('reason') reason: string) {
    return bindings.restoreBinding(ctx, id, reason);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => BindingResult, { description: 'L1: a caseworker revokes a binding on a party’s behalf (in scope, with a reason, audited).' })
  staffRevokeBinding(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('reason') reason: string) {
    return bindings.staffRevokeBinding(ctx, id, reason);
  }

  // ---- fields
  @FieldResolver(() => Member, { nullable: true })
  giver(@Root() b: Binding, @Ctx() ctx: RequestContext) {
    return visibleMember(ctx, b.giverId);
  }

  @FieldResolver(() => Member, { nullable: true })
  beneficiary(@Root() b: Binding, @Ctx() ctx: RequestContext) {
    return visibleMember(ctx, b.beneficiaryId);
  }

  @FieldResolver(() => Relative, { nullable: true, description: 'Member channel: the other party, masked (A6). Null for staff.' })
  counterpart(@Root() b: Binding, @Ctx() ctx: RequestContext) {
    return bindings.counterpartOf(ctx, b);
  }

  @FieldResolver(() => [BindingTransition], { description: 'L3: every transition, oldest first.' })
  history(@Root() b: Binding, @Ctx() ctx: RequestContext) {
    return bindings.historyOf(ctx, b);
  }

  @FieldResolver(() => [RelationshipProof])
  proofs(@Root() b: Binding, @Ctx() ctx: RequestContext) {
    return visibleProofsOfBinding(ctx, b);
  }

  @FieldResolver(() => ConsistencyFacts, { nullable: true, description: 'E5 facts computed from both ID numbers.' })
  consistency(@Root() b: Binding, @Ctx() ctx: RequestContext) {
    return bindings.consistencyOf(ctx, b);
  }

  @FieldResolver(() => [DocTypeEnum], { description: 'E9: proof types the deciding policy version requires (any one).' })
  requiredProofTypes(@Root() b: Binding, @Ctx() ctx: RequestContext) {
    return bindings.requiredProofTypes(ctx, b);
  }
}

@Resolver(() => Member)
export class MemberBindingsResolver {
  @FieldResolver(() => [Binding], { description: 'Bindings in which this member gives.' })
  givingBindings(@Root() m: Member, @Ctx() ctx: RequestContext) {
    return visibleBindingsOfMember(ctx, m, 'giver');
  }

  @FieldResolver(() => [Binding], { description: 'Bindings in which this member receives.' })
  receivingBindings(@Root() m: Member, @Ctx() ctx: RequestContext) {
    return visibleBindingsOfMember(ctx, m, 'beneficiary');
  }
}
