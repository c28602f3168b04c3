import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { DashboardStats } from './dashboard.inputs';
import { dashboardStats } from './dashboard.service';

@Resolver()
export class DashboardResolver {
  @Authorized('CASEWORKER', 'FRAUD_ANALYST', 'REGIONAL_ADMIN', 'AUDITOR')
  @Query(() => DashboardStats, { description: 'Staff home dashboard: mutual aid by month, category and province; review queues; today’s settlements (in scope).' })
  dashboardStats(@Ctx() ctx: RequestContext, @Arg('months', () => Int, { defaultValue: 6, description: 'Months to cover, 1–24, ending with the current one.' }) months: number) {
    return dashboardStats(ctx, months);
  }
}
