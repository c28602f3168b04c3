import type { StaffRole } from '@gongji/shared';
import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from './context';
import { thrown } from './errors';
import type { AuthRole } from './principal';

/**
 * The one place that decides who may call what (A1, A2). `@Authorized()` with no roles means
 * "any logged-in staff"; otherwise the principal must hold one of the listed roles. Machine
 * clients (MEMBER, INSTITUTION) never pass a staff check, and staff never pass a machine check.
 * Region scope is enforced inside the services on the data itself.
 */
export const authChecker: AuthChecker<RequestContext, AuthRole> = ({ context }, roles) => {
  const p = context.principal;
  if (!p) throw thrown('UNAUTHENTICATED', '请先登录 (login required)');
  // A7: a staff session that must change its password may do only that.
  if (p.kind === 'staff' && p.mustChangePassword && !roles.includes('PASSWORD_CHANGE'))
    throw thrown('FORBIDDEN', '请先修改初始密码 (change your password first)', { reason: 'PASSWORD_CHANGE_REQUIRED' });
  const allowed = roles.length === 0 ? ['STAFF'] : roles;
  const ok = allowed.some((role) => {
    switch (role) {
      case 'STAFF':
      case 'PASSWORD_CHANGE':
        return p.kind === 'staff';
      case 'MEMBER':
        return p.kind === 'member';
      case 'INSTITUTION':
        return p.kind === 'institution';
      default:
        return p.kind === 'staff' && p.roles.includes(role as StaffRole);
    }
  });
  if (!ok) throw thrown('FORBIDDEN', `无权执行此操作 (requires one of: ${allowed.join(', ')})`, { requiredRoles: allowed });
  return true;
};
