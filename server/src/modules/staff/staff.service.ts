import { requireStaff, type RequestContext } from '../../core/context';
import { paginate, type ListArgs } from '../../core/pagination';
import { StaffUser } from './staff.entity';

const SORTABLE = { id: 's.id', username: 's.username', lastLoginAt: 's.lastLoginAt' };

/** Staff accounts whose scope lies inside the caller's (national staff see all). Hashes are never exposed. */
export function listStaff(ctx: RequestContext, args: ListArgs) {
  const me = requireStaff(ctx);
  const qb = ctx.em.createQueryBuilder(StaffUser, 's');
  if (me.scope) qb.andWhere('s.scope LIKE :scope', { scope: `${me.scope}%` });
  return paginate(qb, args, SORTABLE, 'id');
}
