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
  /** Verified token claims; the principal comes from them (through the principal cache, core/principal-cache.ts). */
  claims: TokenClaims | null;
  principal: Principal | null;
  /**
   * The operation's transaction (mutations; set by the transaction plugin or runInContext). For a
   * read-only operation on MySQL/MariaDB it is the pool's manager: autocommit reads, no transaction.
   */
  em: EntityManager;
  /**
   * No transaction was opened for this operation (a query on MySQL/MariaDB, or an operation that opens
   * its own, such as settle under group commit): `em` is the pool's manager, in autocommit.
   */
  autocommit: boolean;
  /** Request time: every rule evaluated in this request uses the same clock. */
  readonly now: Date;
  readonly ip: string | null;
  /** Set when a mutation returned a RuleViolation: the transaction is rolled back. */
  rollbackOnly: boolean;
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
    autocommit: false,
    now: init.now ?? new Date(),
    ip: init.ip ?? null,
    rollbackOnly: false,
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

type AfterWork = { kind: 'independent' | 'afterCommit'; job: (db: Database) => Promise<void> };
/** Work queued by a request for after its transaction ends, kept out of the context's public shape. */
const afterWork = new WeakMap<RequestContext, AfterWork[]>();

function queue(ctx: RequestContext, w: AfterWork): void {
  const list = afterWork.get(ctx);
  if (list) list.push(w);
  else afterWork.set(ctx, [w]);
}

/**
 * A write that must persist whatever becomes of the request's transaction — the fraud signal of a
 * refused settlement (F1/F2) survives the refusal's rollback. It runs after the transaction has
 * ended (committed or rolled back), in a transaction of its own; a failure is logged, not raised.
 */
export function writeIndependently(ctx: RequestContext, job: (em: EntityManager) => Promise<unknown>): void {
  queue(ctx, { kind: 'independent', job: (db) => db.transaction(async (em) => void (await job(em))) });
}

/** Run `job` only once the request's transaction has committed (e.g. dropping a cache the change made stale). */
export function afterCommit(ctx: RequestContext, job: () => void | Promise<void>): void {
  queue(ctx, { kind: 'afterCommit', job: async () => void (await job()) });
}

/** Run the queued after-transaction work; `committed` says how the transaction ended. */
export async function runAfterTransaction(ctx: RequestContext, committed: boolean): Promise<void> {
  const jobs = afterWork.get(ctx)?.splice(0) ?? [];
  for (const w of jobs) {
    if (w.kind === 'afterCommit' && !committed) continue;
    try {
      await w.job(ctx.db);
    } catch (e) {
      console.error(`[${ctx.requestId}] after-transaction work failed`, e);
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
  let committed = false;
  try {
    const result = await deps.db.transaction(async (em) => {
      ctx.em = em;
      return fn(ctx);
    });
    committed = true;
    return result;
  } finally {
    await runAfterTransaction(ctx, committed);
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
