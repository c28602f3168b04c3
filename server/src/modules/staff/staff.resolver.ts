import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { ListArgs, PageOf } from '../../core/pagination';
import { StaffUser } from './staff.entity';
import { listStaff } from './staff.service';

const StaffUserPage = PageOf(StaffUser, 'StaffUser');

@Resolver(() => StaffUser)
export class StaffResolver {
  @Authorized('AUDITOR', 'REGIONAL_ADMIN')
  @Query(() => StaffUserPage, { description: 'Staff accounts inside the caller’s scope. sortField: id, username, lastLoginAt.' })
  staffUsers(@Ctx() ctx: RequestContext, @Args() args: ListArgs) {
    return listStaff(ctx, args);
  }
}
