import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { StaffRoleEnum, StaffPermissionEnum } from '../../core/graphql-enums';
import type { StaffPermission, StaffRole } from '@gongji/shared';
import { AuthToken, InstitutionLoginInput, MemberChannelLoginInput, StaffLoginInput } from './auth.inputs';
import { institutionLogin, memberChannelLogin, staffLogin } from './auth.service';

@ObjectType({ description: 'Who is calling.' })
class Viewer {
  @Field()
  kind: string;

  @Field(() => Int, { nullable: true })
  id: number | null;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => [StaffRoleEnum])
  roles: StaffRole[];

  @Field(() => [StaffPermissionEnum])
  permissions: StaffPermission[];

  @Field(() => String, { nullable: true, description: 'Staff scope: null national, 2-digit province, 6-digit pooling region.' })
  scope: string | null;
}

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

  @Query(() => Viewer, { nullable: true, description: 'The logged-in principal, or null.' })
  viewer(@Ctx() ctx: RequestContext): Viewer | null {
    const p = ctx.principal;
    if (!p) return null;
    if (p.kind === 'staff')
      return { kind: 'STAFF', id: p.id, name: p.displayName, roles: p.roles, permissions: p.permissions, scope: p.scope };
    if (p.kind === 'member') return { kind: 'MEMBER', id: p.id, name: null, roles: [], permissions: [], scope: null };
    if (p.kind === 'institution') return { kind: 'INSTITUTION', id: p.id, name: p.code, roles: [], permissions: [], scope: null };
    return { kind: 'SYSTEM', id: null, name: p.name, roles: [], permissions: [], scope: null };
  }
}
