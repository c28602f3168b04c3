import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { ProofStorage } from '../modules/proof/proof-storage';
import { thrown } from './errors';
import type { InstitutionPrincipal, MemberPrincipal, Principal, StaffPrincipal } from './principal';
import type { TokenClaims } from './tokens';

/** Everything a service may use for one request. All database access goes through `em`. */
export interface RequestContext {
  readonly requestId: string;
  readonly db: Database;
  readonly config: Config;
  readonly storage: ProofStorage;
  /** Verified token claims; the principal is loaded from them inside the operation's transaction. */
  claims: TokenClaims | null;
  principal: Principal | null;
  /** The operation's transaction. Set by the transaction plugin (API) or runInContext (scripts, tests). */
  em: EntityManager;
  /** Request time: every rule evaluated in this request uses the same clock. */
  readonly now: Date;
  readonly ip: string | null;
  /** Set when a mutation returned a RuleViolation: the transaction is rolled back. */
  rollbackOnly: boolean;
  /** Work that must persist even if the transaction is rolled back (fraud signals), run after it ends. */
  readonly independent: Array<(db: Database) => Promise<void>>;
}

export interface ContextDeps {
  db: Database;
  config: Config;
  storage: ProofStorage;
}

export function newContext(deps: ContextDeps, init: Partial<Pick<RequestContext, 'claims' | 'principal' | 'now' | 'ip'>> = {}): RequestContext {
  return {
    requestId: randomUUID(),
    db: deps.db,
    config: deps.config,
    storage: deps.storage,
    claims: init.claims ?? null,
    principal: init.principal ?? null,
    em: undefined as unknown as EntityManager,
    now: init.now ?? new Date(),
    ip: init.ip ?? null,
    rollbackOnly: false,
    independent: [],
  };
}

/** The request date as YYYY-MM-DD in China time (policies take effect on Beijing dates). */
export function today(ctx: Pick<RequestContext, 'now'>): string {
  return beijingDate(ctx.now);
}

/** The Beijing (UTC+8) calendar date of an instant, YYYY-MM-DD. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Run the queued independent writes (after the main transaction committed or rolled back). */
export async function runIndependent(ctx: RequestContext): Promise<void> {
  const jobs = ctx.independent.splice(0);
  for (const job of jobs) {
    try {
      await job(ctx.db);
    } catch (e) {
      console.error(`[${ctx.requestId}] independent write failed`, e);
    }
  }
}

/** For scripts and tests: run `fn` as one transaction with a given principal. */
export async function runInContext<T>(
  deps: ContextDeps,
  principal: Principal | null,
  fn: (ctx: RequestContext) => Promise<T>,
  now?: Date,
): Promise<T> {
  const ctx = newContext(deps, { principal, now });
  try {
    return await deps.db.transaction(async (em) => {
      ctx.em = em;
      return fn(ctx);
    });
  } finally {
    await runIndependent(ctx);
  }
}

export function requireStaff(ctx: RequestContext): StaffPrincipal {
  if (ctx.principal?.kind !== 'staff') throw thrown(ctx.principal ? 'FORBIDDEN' : 'UNAUTHENTICATED', 'staff login required');
  return ctx.principal;
}

export function requireMember(ctx: RequestContext): MemberPrincipal {
  if (ctx.principal?.kind !== 'member') throw thrown(ctx.principal ? 'FORBIDDEN' : 'UNAUTHENTICATED', 'member channel login required');
  return ctx.principal;
}

export function requireInstitution(ctx: RequestContext): InstitutionPrincipal {
  if (ctx.principal?.kind !== 'institution') throw thrown(ctx.principal ? 'FORBIDDEN' : 'UNAUTHENTICATED', 'institution login required');
  return ctx.principal;
}
