import type { EntityManager } from 'typeorm';
import { normalizeIdNumber } from '@gongji/shared';
import { afterCommit, writeIndependently, type RequestContext } from '../../core/context';
import { forgetPrincipal } from '../../core/principal-cache';
import { hashSecret, verifySecret } from '../../core/passwords';
import type { Principal } from '../../core/principal';
import { signToken, verifyToken, type TokenClaims } from '../../core/tokens';
import { appendAudit } from '../audit/audit.service';
import { Institution } from '../institution/institution.entity';
import { Member } from '../member/member.entity';
import { StaffUser } from '../staff/staff.entity';
import { accountLocked, badCredentials, badNewPassword, principalGone, sessionIdle, tokenProblem } from './auth.errors';
import { passwordProblem } from './password-policy';
import type { AuthToken, ChangePasswordInput, InstitutionLoginInput, MemberChannelLoginInput, StaffLoginInput, Viewer } from './auth.inputs';
import { ChannelClient } from './channel-client.entity';
import { recordLockout } from '../../ops/metrics';

const INSTITUTION_TTL_S = 12 * 3600;
const MEMBER_TTL_S = 30 * 60;
/** A7: 5 failed sign-ins within 15 minutes lock the account for 15 minutes. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_MS = 15 * 60_000;
/** A7: a staff session ends after 30 minutes without a request. */
export const STAFF_IDLE_MS = 30 * 60_000;
/** lastActiveAt is written at most this often (one small write per minute per active user). */
const ACTIVITY_GRANULARITY_MS = 60_000;
/** Members whose record is closed get no member-channel session (A7). */
const CLOSED_MEMBER = new Set(['DECEASED', 'TERMINATED']);
/** Compared against when the user does not exist, so a wrong username costs the same time. */
let dummyHash: Promise<string> | null = null;

/** Parse the Authorization header ("Bearer …"); a bad or expired token is an auth failure. */
export function claimsFromHeader(secret: string, header: string | undefined): TokenClaims | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw tokenProblem('MALFORMED');
  const claims = verifyToken(secret, m[1]);
  if (typeof claims === 'string') throw tokenProblem(claims);
  return claims;
}

/** Load the current principal for verified claims, inside the request's transaction. */
export async function loadPrincipal(ctx: RequestContext, claims: TokenClaims | null): Promise<Principal | null> {
  if (!claims) return ctx.principal;
  switch (claims.kind) {
    case 'staff': {
      const s = await ctx.em.findOneBy(StaffUser, { id: claims.sub });
      if (!s || !s.active) throw principalGone();
      const now = ctx.now.getTime();
      const last = s.lastActiveAt?.getTime() ?? claims.iat * 1000;
      if (now - last > STAFF_IDLE_MS) throw sessionIdle();
      if (now - last > ACTIVITY_GRANULARITY_MS) writeIndependently(ctx, async (em) => {
          await touchActivity(em, s.id, ctx.now);
        });
      return {
        kind: 'staff',
        id: s.id,
        username: s.username,
        displayName: s.displayName,
        roles: s.roles,
        permissions: s.permissions,
        scope: s.scope,
        mustChangePassword: s.mustChangePassword,
      };
    }
    case 'institution': {
      const i = await ctx.em.findOneBy(Institution, { id: claims.sub });
      if (!i || !i.active) throw principalGone();
      return { kind: 'institution', id: i.id, code: i.code, regionCode: i.regionCode };
    }
    case 'member': {
      const m = await ctx.em.findOneBy(Member, { id: claims.sub });
      if (!m || CLOSED_MEMBER.has(m.status)) throw principalGone();
      return { kind: 'member', id: m.id, channel: claims.via ?? 'unknown' };
    }
  }
}

async function checkSecret(secret: string, hash: string | undefined): Promise<boolean> {
  if (hash) return verifySecret(secret, hash);
  dummyHash ??= hashSecret('not-a-real-secret');
  await verifySecret(secret, await dummyHash);
  return false;
}

/** Only ever moves lastActiveAt forward (concurrent requests of one user write once). */
function touchActivity(em: EntityManager, id: number, at: Date): Promise<unknown> {
  return em
    .createQueryBuilder()
    .update(StaffUser)
    .set({ lastActiveAt: at })
    .where('id = :id AND (last_active_at IS NULL OR last_active_at < :at)', { id, at })
    .execute();
}

/** A7: count a failed sign-in in its own transaction (the login's is rolled back); lock at the 5th. */
function recordFailedLogin(ctx: RequestContext, userId: number): void {
  const now = ctx.now;
  writeIndependently(ctx, async (em) => {
    const u = await em.findOneBy(StaffUser, { id: userId });
    if (!u) return;
    const fresh = !u.failedSince || now.getTime() - u.failedSince.getTime() > LOCKOUT_WINDOW_MS;
    const failures = fresh ? 1 : u.failedLogins + 1;
    const locked = failures >= LOCKOUT_FAILURES;
    await em.update(
      StaffUser,
      { id: u.id },
      locked
        ? { failedLogins: 0, failedSince: null, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) }
        : { failedLogins: failures, failedSince: fresh ? now : u.failedSince },
    );
    const actx = { ...ctx, em, principal: null };
    await appendAudit(actx, { action: 'staff.login_failed', entityType: 'staff', entityId: u.id, regions: u.scope ? [u.scope] : [], detail: { failures } });
    if (locked) recordLockout('staff');
    if (locked)
      await appendAudit(actx, { action: 'staff.locked', entityType: 'staff', entityId: u.id, regions: u.scope ? [u.scope] : [], detail: { until: new Date(now.getTime() + LOCKOUT_MS).toISOString() } });
  });
}

export async function staffLogin(ctx: RequestContext, input: StaffLoginInput): Promise<AuthToken> {
  const user = await ctx.em.findOneBy(StaffUser, { username: input.username });
  // A locked account is refused before the password is even checked, so guessing on gains nothing.
  if (user?.lockedUntil && user.lockedUntil > ctx.now) {
    await checkSecret(input.password, undefined); // same cost as a real check
    throw accountLocked(user.lockedUntil, ctx.now);
  }
  const ok = await checkSecret(input.password, user?.passwordHash);
  if (user && !ok) recordFailedLogin(ctx, user.id);
  if (!user || !ok || !user.active) throw badCredentials();
  const ttl = ctx.config.staffTokenTtlMinutes * 60;
  user.lastLoginAt = ctx.now;
  await ctx.em.update(StaffUser, { id: user.id }, { lastLoginAt: ctx.now, lastActiveAt: ctx.now, failedLogins: 0, failedSince: null, lockedUntil: null });
  ctx.principal = {
    kind: 'staff',
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    permissions: user.permissions,
    scope: user.scope,
    mustChangePassword: user.mustChangePassword,
  };
  await appendAudit(ctx, { action: 'staff.login', entityType: 'staff', entityId: user.id, regions: user.scope ? [user.scope] : [], detail: { mustChangePassword: user.mustChangePassword } });
  return {
    token: signToken(ctx.config.secret, { kind: 'staff', sub: user.id }, ttl, ctx.now.getTime()),
    expiresAt: new Date(ctx.now.getTime() + ttl * 1000),
    staff: user,
    mustChangePassword: user.mustChangePassword,
  };
}

/** A7: a signed-in staff member sets a new password (self-service; required after first sign-in or a reset). */
export async function changePassword(ctx: RequestContext, input: ChangePasswordInput): Promise<boolean> {
  const p = ctx.principal;
  if (p?.kind !== 'staff') throw badCredentials();
  const user = await ctx.em.findOneByOrFail(StaffUser, { id: p.id });
  if (!(await verifySecret(input.currentPassword, user.passwordHash))) {
    recordFailedLogin(ctx, user.id);
    throw badCredentials();
  }
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw badNewPassword(problem);
  if (await verifySecret(input.newPassword, user.passwordHash)) throw badNewPassword('SAME_AS_OLD');
  await ctx.em.update(StaffUser, { id: user.id }, { passwordHash: await hashSecret(input.newPassword), mustChangePassword: false, passwordChangedAt: ctx.now });
  // The cached principal still says "must change": drop it once this commits.
  afterCommit(ctx, () => forgetPrincipal('staff', user.id));
  await appendAudit(ctx, { action: 'staff.password_change', entityType: 'staff', entityId: user.id, regions: user.scope ? [user.scope] : [] });
  return true;
}

export async function institutionLogin(ctx: RequestContext, input: InstitutionLoginInput): Promise<AuthToken> {
  const inst = await ctx.em.findOneBy(Institution, { code: input.code });
  const ok = await checkSecret(input.secret, inst?.secretHash);
  if (!inst || !ok || !inst.active) throw badCredentials();
  return {
    token: signToken(ctx.config.secret, { kind: 'institution', sub: inst.id }, INSTITUTION_TTL_S, ctx.now.getTime()),
    expiresAt: new Date(ctx.now.getTime() + INSTITUTION_TTL_S * 1000),
  };
}

export async function memberChannelLogin(ctx: RequestContext, input: MemberChannelLoginInput): Promise<AuthToken> {
  const client = await ctx.em.findOneBy(ChannelClient, { clientId: input.clientId });
  const ok = await checkSecret(input.clientSecret, client?.secretHash);
  if (!client || !ok || !client.active) throw badCredentials();
  const member = await ctx.em.findOneBy(Member, { idNumber: normalizeIdNumber(input.idNumber) });
  if (!member || member.name !== input.name.trim()) throw badCredentials();
  if (CLOSED_MEMBER.has(member.status)) throw principalGone();
  return {
    token: signToken(ctx.config.secret, { kind: 'member', sub: member.id, via: client.clientId }, MEMBER_TTL_S, ctx.now.getTime()),
    expiresAt: new Date(ctx.now.getTime() + MEMBER_TTL_S * 1000),
  };
}

/** Who is calling, for the `viewer` query. */
export function describeViewer(ctx: RequestContext): Viewer | null {
  const p = ctx.principal;
  if (!p) return null;
  if (p.kind === 'staff')
    return { kind: 'STAFF', id: p.id, name: p.displayName, roles: p.roles, permissions: p.permissions, scope: p.scope, mustChangePassword: Boolean(p.mustChangePassword) };
  if (p.kind === 'member') return { kind: 'MEMBER', id: p.id, name: null, roles: [], permissions: [], scope: null, mustChangePassword: false };
  if (p.kind === 'institution') return { kind: 'INSTITUTION', id: p.id, name: p.code, roles: [], permissions: [], scope: null, mustChangePassword: false };
  return { kind: 'SYSTEM', id: null, name: p.name, roles: [], permissions: [], scope: null, mustChangePassword: false };
}
