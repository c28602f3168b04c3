import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { ListArgs, PageOf } from '../../core/pagination';
import { StaffUser } from './staff.entity';
import { StaffFilter } from './staff.inputs';
import { listStaff } from './staff.service';

const StaffUserPage = PageOf(StaffUser, 'StaffUser');

@Resolver(() => StaffUser)
export class StaffResolver {
  @Authorized('AUDITOR', 'REGIONAL_ADMIN')
  @Query(() => StaffUserPage, { description: 'Staff accounts inside the caller’s scope (search by username or name, role, scope). sortField: id, username, lastLoginAt.' })
  staffUsers(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Arg('filter', () => StaffFilter, { nullable: true }) filter?: StaffFilter) {
    return listStaff(ctx, args, filter);
  }
}
