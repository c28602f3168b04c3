import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { Authorized } from 'type-graphql';
import { AuthToken, ChangePasswordInput, InstitutionLoginInput, MemberChannelLoginInput, StaffLoginInput, Viewer } from './auth.inputs';
import { changePassword, describeViewer, institutionLogin, memberChannelLogin, staffLogin } from './auth.service';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthToken, { description: 'Staff login (A1). Wrong credentials are thrown as UNAUTHENTICATED.' })
  login(@Ctx() ctx: RequestContext, @Arg('input') input: StaffLoginInput) {
    return staffLogin(ctx, input);
  }

  @Mutation(() => AuthToken, { description: 'Designated institution login (A2).' })
  institutionLogin(@Ctx() ctx: RequestContext, @Arg('input') input: InstitutionLoginInput) {
    return institutionLogin(ctx, input);
  }

  @Mutation(() => AuthToken, { description: 'Member channel login on behalf of one verified member (A2).' })
  memberChannelLogin(@Ctx() ctx: RequestContext, @Arg('input') input: MemberChannelLoginInput) {
    return memberChannelLogin(ctx, input);
  }

  @Authorized('PASSWORD_CHANGE')
  @Mutation(() => Boolean, { description: 'A7: staff change their own password (required after the first sign-in and after a reset); audited.' })
  changePassword(@Ctx() ctx: RequestContext, @Arg('input') input: ChangePasswordInput) {
    return changePassword(ctx, input);
  }

  @Query(() => Viewer, { nullable: true, description: 'The logged-in principal, or null.' })
  viewer(@Ctx() ctx: RequestContext): Viewer | null {
    return describeViewer(ctx);
  }
}
