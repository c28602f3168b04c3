import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { ListArgs, PageOf } from '../../core/pagination';
import { resultUnion } from '../../core/results';
import { PolicyVersion } from './policy.entity';
import { CreatePolicyVersionInput, PolicyChangeType, PolicyRulesType, PolicyVersionFilter, ProvincePolicyStatus } from './policy.inputs';
import * as policies from './policy.service';

const PolicyVersionPage = PageOf(PolicyVersion, 'PolicyVersion');
const PolicyVersionResult = resultUnion('PolicyVersion', PolicyVersion);

@Resolver(() => PolicyVersion)
export class PolicyResolver {
  @Authorized()
  @Query(() => PolicyVersionPage, { description: 'Policy versions. sortField: id, provinceCode, version, effectiveFrom, createdAt.' })
  policyVersions(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Arg('filter', () => PolicyVersionFilter, { nullable: true }) filter?: PolicyVersionFilter) {
    return policies.listPolicyVersions(ctx, filter, args);
  }

  @Authorized()
  @Query(() => PolicyVersion, { nullable: true })
  policyVersion(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return policies.findPolicyVersion(ctx, id);
  }

  @Authorized('CASEWORKER', 'FRAUD_ANALYST', 'REGIONAL_ADMIN', 'AUDITOR', 'MEMBER', 'INSTITUTION')
  @Query(() => PolicyVersion, { description: 'The version in force for a province on a date (default today).' })
  policyInForce(@Ctx() ctx: RequestContext, @Arg('provinceCode') provinceCode: string, @Arg('date', () => String, { nullable: true }) date?: string) {
    return policies.policyInForceOn(ctx, provinceCode, date);
  }

  @Authorized()
  @Query(() => [PolicyVersion], { description: 'Every version of a province, oldest first.' })
  policyHistory(@Ctx() ctx: RequestContext, @Arg('provinceCode') provinceCode: string) {
    return policies.policyHistory(ctx, provinceCode);
  }

  @Authorized()
  @Query(() => [PolicyChangeType], { description: 'Field-by-field difference between two versions of one province.' })
  policyDiff(@Ctx() ctx: RequestContext, @Arg('fromId', () => Int) fromId: number, @Arg('toId', () => Int) toId: number) {
    return policies.policyDiff(ctx, fromId, toId);
  }

  @Authorized()
  @Query(() => [ProvincePolicyStatus], { description: 'Sharing status of every provincial unit on a date (the China map).' })
  crossProvinceMap(@Ctx() ctx: RequestContext, @Arg('date', () => String, { nullable: true }) date?: string) {
    return policies.crossProvinceMap(ctx, date);
  }

  @Authorized('REGIONAL_ADMIN')
  @Mutation(() => PolicyVersionResult, { description: 'Add a policy version effective today or later; history is never overwritten.' })
  createPolicyVersion(@Ctx() ctx: RequestContext, @Arg('input') input: CreatePolicyVersionInput) {
    return policies.createPolicyVersion(ctx, input);
  }

  @Authorized('REGIONAL_ADMIN')
  @Mutation(() => PolicyVersionResult, { description: 'Turn cross-province sharing on or off from a date (a new version copying the rules in force).' })
  setCrossProvinceSharing(
    @Ctx() ctx: RequestContext,
    @Arg('provinceCode') provinceCode: string,
    @Arg('enabled') enabled: boolean,
    @Arg('effectiveFrom', () => String, { nullable: true }) effectiveFrom?: string,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ) {
    return policies.setCrossProvinceSharing(ctx, provinceCode, enabled, effectiveFrom, note);
  }

  @Authorized('REGIONAL_ADMIN')
  @Mutation(() => PolicyVersionResult, { description: 'Withdraw a version that has not taken effect yet (audited with its rules and the reason). A version in force cannot be withdrawn.' })
  withdrawPolicyVersion(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('reason', () => String) reason: string) {
    return policies.withdrawPolicyVersion(ctx, id, reason);
  }

  @FieldResolver(() => PolicyRulesType)
  rules(@Root() p: PolicyVersion) {
    return policies.rulesToType(p.rules);
  }
}
