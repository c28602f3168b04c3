import type { StaffPermission, StaffRole } from '@gongji/shared';

export interface StaffPrincipal {
  kind: 'staff';
  id: number;
  username: string;
  displayName: string;
  roles: StaffRole[];
  permissions: StaffPermission[];
  /** null: national; 2 digits: a province; 6 digits: a pooling region. */
  scope: string | null;
  /** A7: the session may do nothing but change the password. */
  mustChangePassword?: boolean;
}

export interface MemberPrincipal {
  kind: 'member';
  id: number;
  /** The member-channel client that vouched for this member. */
  channel: string;
}

export interface InstitutionPrincipal {
  kind: 'institution';
  id: number;
  code: string;
  regionCode: string;
}

export interface SystemPrincipal {
  kind: 'system';
  /** e.g. "batch:monthly-credit", "seed" */
  name: string;
}

export type Principal = StaffPrincipal | MemberPrincipal | InstitutionPrincipal | SystemPrincipal;

/** Role names usable in @Authorized(): staff roles, STAFF (any staff), MEMBER, INSTITUTION. */
export type AuthRole = StaffRole | 'STAFF' | 'MEMBER' | 'INSTITUTION' | 'PASSWORD_CHANGE';

export function actorOf(p: Principal | null): { actorKind: 'STAFF' | 'MEMBER' | 'INSTITUTION' | 'SYSTEM'; actorId: number | null; actorName: string } {
  if (!p) return { actorKind: 'SYSTEM', actorId: null, actorName: 'anonymous' };
  switch (p.kind) {
    case 'staff':
      return { actorKind: 'STAFF', actorId: p.id, actorName: p.username };
    case 'member':
      return { actorKind: 'MEMBER', actorId: p.id, actorName: `member:${p.id}` };
    case 'institution':
      return { actorKind: 'INSTITUTION', actorId: p.id, actorName: p.code };
    case 'system':
      return { actorKind: 'SYSTEM', actorId: null, actorName: p.name };
  }
}
