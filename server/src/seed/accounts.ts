/** Staff users, institutions and channel clients: used by the demo seed and the tests. */
import type { StaffPermission, StaffRole } from '@gongji/shared';
import { provinceOf } from '@gongji/shared';
import type { EntityManager } from 'typeorm';
import { hashSecret } from '../core/passwords';
import { ChannelClient } from '../modules/auth/channel-client.entity';
import { Institution } from '../modules/institution/institution.entity';
import { StaffUser } from '../modules/staff/staff.entity';

export interface StaffSeed {
  username: string;
  displayName: string;
  roles: StaffRole[];
  scope: string | null;
  permissions?: StaffPermission[];
}

/** `mustChangePassword`: A7 — real accounts must set their own password at first sign-in; demo and test accounts need not. */
export async function createStaff(em: EntityManager, s: StaffSeed, password: string, hash?: string, mustChangePassword = false): Promise<StaffUser> {
  return em.save(
    StaffUser,
    em.create(StaffUser, {
      username: s.username,
      displayName: s.displayName,
      roles: s.roles,
      permissions: s.permissions ?? [],
      scope: s.scope,
      passwordHash: hash ?? (await hashSecret(password)),
      active: true,
      lastLoginAt: null,
      mustChangePassword,
    }),
  );
}

export interface InstitutionSeed {
  code: string;
  name: string;
  kind: 'HOSPITAL' | 'PHARMACY';
  regionCode: string;
}

export async function createInstitution(em: EntityManager, s: InstitutionSeed, secretHash: string): Promise<Institution> {
  return em.save(Institution, em.create(Institution, { ...s, provinceCode: provinceOf(s.regionCode), secretHash, active: true }));
}

export async function createChannelClient(em: EntityManager, clientId: string, name: string, secret: string): Promise<ChannelClient> {
  return em.save(ChannelClient, em.create(ChannelClient, { clientId, name, secretHash: await hashSecret(secret), active: true }));
}
