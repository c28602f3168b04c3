import { normalizeIdNumber } from '@gongji/shared';
import type { RequestContext } from '../../core/context';
import { hashSecret, verifySecret } from '../../core/passwords';
import type { Principal } from '../../core/principal';
import { signToken, verifyToken, type TokenClaims } from '../../core/tokens';
import { appendAudit } from '../audit/audit.service';
import { Institution } from '../institution/institution.entity';
import { Member } from '../member/member.entity';
import { StaffUser } from '../staff/staff.entity';
import { badCredentials, principalGone, tokenProblem } from './auth.errors';
import type { AuthToken, InstitutionLoginInput, MemberChannelLoginInput, StaffLoginInput, Viewer } from './auth.inputs';
import { ChannelClient } from './channel-client.entity';

const INSTITUTION_TTL_S = 12 * 3600;
const MEMBER_TTL_S = 30 * 60;
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
      return {
        kind: 'staff',
        id: s.id,
        username: s.username,
        displayName: s.displayName,
        roles: s.roles,
        permissions: s.permissions,
        scope: s.scope,
      };
    }
    case 'institution': {
      const i = await ctx.em.findOneBy(Institution, { id: claims.sub });
      if (!i || !i.active) throw principalGone();
      return { kind: 'institution', id: i.id, code: i.code, regionCode: i.regionCode };
    }
    case 'member': {
      const m = await ctx.em.findOneBy(Member, { id: claims.sub });
      if (!m) throw principalGone();
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

export async function staffLogin(ctx: RequestContext, input: StaffLoginInput): Promise<AuthToken> {
  const user = await ctx.em.findOneBy(StaffUser, { username: input.username });
  const ok = await checkSecret(input.password, user?.passwordHash);
  if (!user || !ok || !user.active) throw badCredentials();
  const ttl = ctx.config.staffTokenTtlMinutes * 60;
  user.lastLoginAt = ctx.now;
  await ctx.em.update(StaffUser, { id: user.id }, { lastLoginAt: ctx.now });
  ctx.principal = {
    kind: 'staff',
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    permissions: user.permissions,
    scope: user.scope,
  };
  await appendAudit(ctx, { action: 'staff.login', entityType: 'staff', entityId: user.id, regions: user.scope ? [user.scope] : [] });
  return {
    token: signToken(ctx.config.secret, { kind: 'staff', sub: user.id }, ttl, ctx.now.getTime()),
    expiresAt: new Date(ctx.now.getTime() + ttl * 1000),
    staff: user,
  };
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
  return {
    token: signToken(ctx.config.secret, { kind: 'member', sub: member.id, via: client.clientId }, MEMBER_TTL_S, ctx.now.getTime()),
    expiresAt: new Date(ctx.now.getTime() + MEMBER_TTL_S * 1000),
  };
}

/** Who is calling, for the `viewer` query. */
export function describeViewer(ctx: RequestContext): Viewer | null {
  const p = ctx.principal;
  if (!p) return null;
  if (p.kind === 'staff') return { kind: 'STAFF', id: p.id, name: p.displayName, roles: p.roles, permissions: p.permissions, scope: p.scope };
  if (p.kind === 'member') return { kind: 'MEMBER', id: p.id, name: null, roles: [], permissions: [], scope: null };
  if (p.kind === 'institution') return { kind: 'INSTITUTION', id: p.id, name: p.code, roles: [], permissions: [], scope: null };
  return { kind: 'SYSTEM', id: null, name: p.name, roles: [], permissions: [], scope: null };
}
