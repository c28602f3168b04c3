import { requireStaff, type RequestContext } from '../../core/context';
import { paginate, type ListArgs } from '../../core/pagination';
import { StaffUser } from './staff.entity';
import type { StaffFilter } from './staff.inputs';

/** A LIKE pattern matching `text` literally ('!' escapes, portable across MySQL, MariaDB and SQLite). */
const contains = (text: string) => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;

const SORTABLE = { id: 's.id', username: 's.username', lastLoginAt: 's.lastLoginAt' };

/** Staff accounts whose scope lies inside the caller's (national staff see all). Hashes are never exposed. */
export function listStaff(ctx: RequestContext, args: ListArgs, filter?: StaffFilter) {
  const me = requireStaff(ctx);
  const qb = ctx.em.createQueryBuilder(StaffUser, 's');
  if (me.scope) qb.andWhere('s.scope LIKE :scope', { scope: `${me.scope}%` });
  const search = filter?.search?.trim();
  if (search) qb.andWhere("(s.username LIKE :q ESCAPE '!' OR s.display_name LIKE :q ESCAPE '!')", { q: contains(search) });
  if (filter?.role) {
    // roles is a comma-separated column (simple-array): the role alone, first, last or in between.
    const r = filter.role.replace(/[!%_]/g, (c) => `!${c}`);
    qb.andWhere("(s.roles = :role OR s.roles LIKE :first ESCAPE '!' OR s.roles LIKE :last ESCAPE '!' OR s.roles LIKE :mid ESCAPE '!')", {
      role: filter.role,
      first: `${r},%`,
      last: `%,${r}`,
      mid: `%,${r},%`,
    });
  }
  if (filter?.scope) qb.andWhere('s.scope LIKE :within', { within: `${filter.scope}%` });
  if (filter?.active !== undefined && filter.active !== null) qb.andWhere('s.active = :active', { active: filter.active });
  return paginate(qb, args, SORTABLE, 'id');
}
