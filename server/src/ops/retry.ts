import { runInContext, type ContextDeps, type RequestContext } from '../core/context';
import type { Principal } from '../core/principal';
import { isRetryableConflict } from '../db/database';
import { conflictRetries } from './metrics';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Backoff before retry n (1-based) is random in [0, min(capMs, baseMs · 2^n)) ("full jitter"). */
  baseMs: number;
  capMs: number;
}

export function retryOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): RetryOptions {
  return {
    attempts: Math.max(1, Number(env.GONGJI_CONFLICT_ATTEMPTS ?? 5)),
    baseMs: 10,
    capMs: 400,
  };
}

export function backoffMs(retry: number, o: RetryOptions, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(o.capMs, o.baseMs * 2 ** retry));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Run `fn` again while it fails with a lock conflict — a MySQL deadlock, a lock-wait timeout, or a
 * Galera certification failure (reported as a deadlock, also at COMMIT). Each attempt must be a
 * whole transaction: the failed one was rolled back, and idempotency keys (S8) make a repeat safe.
 */
export async function withConflictRetry<T>(fn: () => Promise<T>, o: RetryOptions = retryOptionsFromEnv(), onRetry?: (attempt: number, e: unknown) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= o.attempts || !isRetryableConflict(e)) throw e;
      onRetry?.(attempt, e);
      await sleep(backoffMs(attempt, o));
    }
  }
}

/**
 * For scripts and workers: `runInContext` (one transaction) re-run on lock conflicts and Galera
 * certification failures, counted in gongji_conflict_retries_total{operation}.
 */
export function runInContextWithRetry<T>(
  deps: ContextDeps,
  principal: Principal | null,
  operation: string,
  fn: (ctx: RequestContext) => Promise<T>,
  o: RetryOptions = retryOptionsFromEnv(),
): Promise<T> {
  return withConflictRetry(() => runInContext(deps, principal, fn), o, () => conflictRetries.inc({ operation }));
}
