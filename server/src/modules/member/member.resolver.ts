import { LIST_SORTS } from '@gongji/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { pageSelection } from '../../core/list-query';
import { ListArgs, PageOf } from '../../core/pagination';
import { resultUnion } from '../../core/results';
import { PersonalAccount } from '../account/account.entity';
import { Member } from './member.entity';
import { MemberEventInput, MemberFilter, MemberRegistryUpdateInput, RevealedMember } from './member.inputs';
import * as members from './member.service';
import { visibleAccount } from '../../core/loaders';

const MemberPage = PageOf(Member, 'Member');
const MemberResult = resultUnion('Member', Member);
const RevealResult = resultUnion('Reveal', RevealedMember);

@Resolver(() => Member)
export class MemberResolver {
  @Authorized()
  @Query(() => MemberPage, { description: `Members in the caller’s scope. sortField: ${LIST_SORTS.members.join(', ')}.` })
  members(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Info() info: GraphQLResolveInfo, @Arg('filter', () => MemberFilter, { nullable: true }) filter?: MemberFilter) {
    return members.listMembers(ctx, filter, args, pageSelection(info));
  }

  @Authorized()
  @Query(() => Member, { nullable: true, description: 'One member in scope, or null.' })
  member(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return members.findMember(ctx, id);
  }

  @Authorized('MEMBER')
  @Query(() => Member, { description: 'Member channel: the logged-in member.' })
  myProfile(@Ctx() ctx: RequestContext) {
    return members.myProfile(ctx);
  }

  @Authorized('CASEWORKER', 'FRAUD_ANALYST', 'AUDITOR')
  @Mutation(() => RevealResult, { description: 'A3: reveal clear ID number, name and phone; needs REVEAL_PII and a reason; audited.' })
  revealMember(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('reason') reason: string) {
    return members.revealMember(ctx, id, reason);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => MemberResult, { description: 'Record a death; terminates the member’s bindings (L2).' })
  recordMemberDeath(@Ctx() ctx: RequestContext, @Arg('input') input: MemberEventInput) {
    return members.recordDeath(ctx, input);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => MemberResult, { description: 'Record leaving basic insurance; terminates the member’s bindings (L2).' })
  recordMemberExit(@Ctx() ctx: RequestContext, @Arg('input') input: MemberEventInput) {
    return members.recordExit(ctx, input);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => MemberResult, { description: 'Apply a registry change (scheme, region, retirement); may terminate bindings (L2).' })
  updateMemberRegistry(@Ctx() ctx: RequestContext, @Arg('input') input: MemberRegistryUpdateInput) {
    return members.updateRegistry(ctx, input);
  }

  @Authorized('MEMBER')
  @Mutation(() => MemberResult, { description: 'Member channel: switch 个账支付权限 (S7).' })
  setOffsiteAccountPermission(@Ctx() ctx: RequestContext, @Arg('enabled') enabled: boolean) {
    return members.setOffsitePermission(ctx, enabled);
  }

  @FieldResolver(() => String, { description: 'Masked unless you are this member (A3).' })
  idNumber(@Root() m: Member, @Ctx() ctx: RequestContext) {
    return members.presentIdNumber(ctx, m);
  }

  @FieldResolver(() => String, { description: 'Masked unless you are this member (A3).' })
  name(@Root() m: Member, @Ctx() ctx: RequestContext) {
    return members.presentName(ctx, m);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Masked unless you are this member (A3).' })
  phone(@Root() m: Member, @Ctx() ctx: RequestContext) {
    return members.presentPhone(ctx, m);
  }

  @FieldResolver(() => String, { nullable: true, description: 'A5: the full date (YYYY-MM-DD) only to the member themself; staff see birthYear and age (with a masked ID number the full date would give the ID number back); revealMember shows it.' })
  birthDate(@Root() m: Member, @Ctx() ctx: RequestContext) {
    return members.presentBirthDate(ctx, m);
  }

  @FieldResolver(() => Int)
  birthYear(@Root() m: Member) {
    return Number(m.birthDate.slice(0, 4));
  }

  @FieldResolver(() => Int, { description: 'Age in whole years today (Beijing date), or at death.' })
  age(@Root() m: Member, @Ctx() ctx: RequestContext) {
    return members.ageOf(ctx, m);
  }

  @FieldResolver(() => PersonalAccount, { nullable: true, description: 'EMPLOYEE members only.' })
  account(@Root() m: Member, @Ctx() ctx: RequestContext) {
    return visibleAccount(ctx, m);
  }
}
