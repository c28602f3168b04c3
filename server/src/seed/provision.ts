/**
 * Provisioning for a real installation (no demo data): staff accounts, designated institutions and
 * member-channel clients. Used by `pnpm provision …` (server/src/scripts/provision.ts). Each change
 * is one transaction and is written to the audit log (A4) with the system actor `provision`.
 * Secrets are generated here and shown once; only their scrypt hashes are stored.
 */
import { randomBytes } from 'node:crypto';
import {
  POOLING_REGION_BY_CODE,
  PROVINCE_BY_CODE,
  STAFF_PERMISSIONS,
  STAFF_ROLES,
  provinceOf,
  type StaffPermission,
  type StaffRole,
} from '@gongji/shared';
import type { ContextDeps } from '../core/context';
import { afterCommit, runInContext } from '../core/context';
import { forgetPrincipal } from '../core/principal-cache';
import { hashSecret } from '../core/passwords';
import { PASSWORD_MIN_LENGTH, passwordProblem } from '../modules/auth/password-policy';
import { ChannelClient } from '../modules/auth/channel-client.entity';
import { appendAudit } from '../modules/audit/audit.service';
import { Institution } from '../modules/institution/institution.entity';
import { StaffUser } from '../modules/staff/staff.entity';
import { createChannelClient, createInstitution, createStaff } from './accounts';

export class ProvisionError extends Error {}

const SYSTEM = { kind: 'system' as const, name: 'provision' };

/** A random secret: 20 characters from an alphabet without look-alikes. */
export function generateSecret(length = 20): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  for (;;) {
    const bytes = randomBytes(length);
    const secret = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
    if (!passwordProblem(secret)) return secret; // A7: upper, lower and digits every time
  }
}

function checkScope(scope: string | null): void {
  if (scope === null) return;
  if (!PROVINCE_BY_CODE.has(scope) && !POOLING_REGION_BY_CODE.has(scope))
    throw new ProvisionError(`unknown scope "${scope}": use "national", a 2-digit province code or a 6-digit pooling-region code`);
}

function checkSecret(secret: string): void {
  const problem = passwordProblem(secret);
  if (problem) throw new ProvisionError(`a password or secret must be at least ${PASSWORD_MIN_LENGTH} characters with 3 of: lower case, upper case, digits, symbols (${problem})`);
}

export interface StaffSpec {
  username: string;
  displayName: string;
  roles: string[];
  /** null = national */
  scope: string | null;
  permissions?: string[];
  password?: string;
}

export async function provisionStaff(deps: ContextDeps, spec: StaffSpec): Promise<{ id: number; password: string }> {
  if (!/^[a-z][a-z0-9_.-]{2,39}$/.test(spec.username)) throw new ProvisionError('username: 3–40 characters, lower-case letters, digits, _ . -');
  if (!spec.displayName.trim()) throw new ProvisionError('a display name is required');
  if (spec.roles.length === 0) throw new ProvisionError(`at least one role is required: ${STAFF_ROLES.join(', ')}`);
  for (const r of spec.roles) if (!(STAFF_ROLES as readonly string[]).includes(r)) throw new ProvisionError(`unknown role "${r}": use ${STAFF_ROLES.join(', ')}`);
  for (const p of spec.permissions ?? [])
    if (!(STAFF_PERMISSIONS as readonly string[]).includes(p)) throw new ProvisionError(`unknown permission "${p}": use ${STAFF_PERMISSIONS.join(', ')}`);
  checkScope(spec.scope);
  const password = spec.password ?? generateSecret();
  checkSecret(password);
  return runInContext(deps, SYSTEM, async (ctx) => {
    if (await ctx.em.findOneBy(StaffUser, { username: spec.username })) throw new ProvisionError(`staff user "${spec.username}" already exists`);
    const s = await createStaff(
      ctx.em,
      { username: spec.username, displayName: spec.displayName.trim(), roles: spec.roles as StaffRole[], scope: spec.scope, permissions: (spec.permissions ?? []) as StaffPermission[] },
      password,
      undefined,
      true, // A7: the first sign-in must set a personal password
    );
    await appendAudit(ctx, {
      action: 'staff.create',
      entityType: 'StaffUser',
      entityId: s.id,
      regions: spec.scope ? [spec.scope] : [],
      detail: { username: s.username, roles: s.roles, scope: s.scope, permissions: s.permissions },
    });
    return { id: s.id, password };
  });
}

export async function resetStaffPassword(deps: ContextDeps, username: string, password?: string): Promise<string> {
  const secret = password ?? generateSecret();
  checkSecret(secret);
  const hash = await hashSecret(secret);
  await runInContext(deps, SYSTEM, async (ctx) => {
    const s = await ctx.em.findOneBy(StaffUser, { username });
    if (!s) throw new ProvisionError(`no staff user "${username}"`);
    await ctx.em.update(StaffUser, { id: s.id }, { passwordHash: hash, mustChangePassword: true, failedLogins: 0, failedSince: null, lockedUntil: null });
    afterCommit(ctx, () => forgetPrincipal('staff', s.id));
    await appendAudit(ctx, { action: 'staff.password-reset', entityType: 'StaffUser', entityId: s.id, regions: s.scope ? [s.scope] : [] });
  });
  return secret;
}

export async function setStaffActive(deps: ContextDeps, username: string, active: boolean): Promise<void> {
  await runInContext(deps, SYSTEM, async (ctx) => {
    const s = await ctx.em.findOneBy(StaffUser, { username });
    if (!s) throw new ProvisionError(`no staff user "${username}"`);
    await ctx.em.update(StaffUser, { id: s.id }, { active });
    afterCommit(ctx, () => forgetPrincipal('staff', s.id));
    await appendAudit(ctx, { action: active ? 'staff.activate' : 'staff.deactivate', entityType: 'StaffUser', entityId: s.id, regions: s.scope ? [s.scope] : [] });
  });
}

export interface InstitutionSpec {
  code: string;
  name: string;
  kind: string;
  regionCode: string;
}

export async function provisionInstitution(deps: ContextDeps, spec: InstitutionSpec): Promise<{ id: number; secret: string }> {
  if (!/^[A-Z0-9]{6,40}$/.test(spec.code)) throw new ProvisionError('institution code: 6–40 upper-case letters or digits (the national 定点医药机构编码)');
  if (!spec.name.trim()) throw new ProvisionError('an institution name is required');
  if (spec.kind !== 'HOSPITAL' && spec.kind !== 'PHARMACY') throw new ProvisionError('kind must be HOSPITAL or PHARMACY');
  if (!POOLING_REGION_BY_CODE.has(spec.regionCode)) throw new ProvisionError(`unknown pooling region "${spec.regionCode}"`);
  const secret = generateSecret();
  const hash = await hashSecret(secret);
  return runInContext(deps, SYSTEM, async (ctx) => {
    if (await ctx.em.findOneBy(Institution, { code: spec.code })) throw new ProvisionError(`institution "${spec.code}" already exists`);
    const i = await createInstitution(ctx.em, { code: spec.code, name: spec.name.trim(), kind: spec.kind as 'HOSPITAL' | 'PHARMACY', regionCode: spec.regionCode }, hash);
    await appendAudit(ctx, {
      action: 'institution.create',
      entityType: 'Institution',
      entityId: i.id,
      regions: [spec.regionCode, provinceOf(spec.regionCode)],
      detail: { code: i.code, name: i.name, kind: i.kind },
    });
    return { id: i.id, secret };
  });
}

export async function provisionChannelClient(deps: ContextDeps, clientId: string, name: string): Promise<{ id: number; secret: string }> {
  if (!/^[a-z0-9][a-z0-9_.-]{2,63}$/.test(clientId)) throw new ProvisionError('client id: 3–64 lower-case letters, digits, _ . -');
  if (!name.trim()) throw new ProvisionError('a client name is required');
  const secret = generateSecret(32);
  return runInContext(deps, SYSTEM, async (ctx) => {
    if (await ctx.em.findOneBy(ChannelClient, { clientId })) throw new ProvisionError(`channel client "${clientId}" already exists`);
    const c = await createChannelClient(ctx.em, clientId, name.trim(), secret);
    await appendAudit(ctx, { action: 'channel-client.create', entityType: 'ChannelClient', entityId: c.id, regions: [], detail: { clientId, name: c.name } });
    return { id: c.id, secret };
  });
}
