import type { RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import client from 'prom-client';
import type { Database } from '../db/database';

/**
 * Prometheus metrics of this process (prom-client's global registry). Names and alert thresholds
 * are listed in docs/operations.md ("Metrics"). Other modules record through the helpers below.
 */
export const registry = client.register;
client.collectDefaultMetrics({ prefix: 'gongji_' });

export const requests = new client.Counter({
  name: 'gongji_graphql_requests_total',
  help: 'GraphQL operations by operation (first root field) and outcome (ok, rule:<id>, or an error code)',
  labelNames: ['operation', 'outcome'] as const,
});

export const requestDuration = new client.Histogram({
  name: 'gongji_graphql_request_duration_seconds',
  help: 'GraphQL operation latency, retries included',
  labelNames: ['operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

export const settlementDuration = new client.Histogram({
  name: 'gongji_settlement_duration_seconds',
  help: 'Latency of settle and reverseSettlement as the institution sees it (retries included)',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5],
});

export const conflictRetries = new client.Counter({
  name: 'gongji_conflict_retries_total',
  help: 'Operations re-executed after a lock conflict or Galera certification failure',
  labelNames: ['operation'] as const,
});

export const conflictsExhausted = new client.Counter({
  name: 'gongji_conflict_retries_exhausted_total',
  help: 'Operations that still conflicted after the last attempt (returned CONFLICT_RETRY to the client)',
  labelNames: ['operation'] as const,
});

export const inFlight = new client.Gauge({ name: 'gongji_http_in_flight_requests', help: 'HTTP requests being served' });

const outboxLag = new client.Gauge({ name: 'gongji_outbox_lag_seconds', help: 'Age of the oldest event a consumer has not yet handled (set by the outbox worker)', labelNames: ['consumer'] as const });
const fraudSignals = new client.Counter({ name: 'gongji_fraud_signals_total', help: 'Fraud signals raised, by rule', labelNames: ['rule'] as const });
const lockouts = new client.Counter({ name: 'gongji_lockouts_total', help: 'Sign-in lockouts, by principal kind', labelNames: ['kind'] as const });

const groupCommitSize = new client.Histogram({
  name: 'gongji_group_commit_batch_size',
  help: 'Settlements per group-commit transaction, by outcome (committed, or fell back to single settlements)',
  labelNames: ['outcome'] as const,
  buckets: [1, 2, 4, 8, 16, 32, 64, 128],
});

/** For the settlement group commit: one batch of `size` settlements committed, or abandoned (each then runs alone). */
export function recordGroupCommit(size: number, committed: boolean): void {
  groupCommitSize.observe({ outcome: committed ? 'committed' : 'fallback' }, size);
}

/** For the outbox worker: seconds since the oldest event this consumer has not handled was written (0 when none). */
export function setOutboxLag(consumer: string, seconds: number): void {
  outboxLag.set({ consumer }, seconds);
}

/** For fraud detection: one signal of rule F<n> raised. */
export function recordFraudSignal(rule: string): void {
  fraudSignals.inc({ rule });
}

/** For sign-in: an account or client locked out after repeated failures. */
export function recordLockout(kind: 'staff' | 'member' | 'institution' | 'channel'): void {
  lockouts.inc({ kind });
}

interface PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

const pools = new Set<Database>();
new client.Gauge({
  name: 'gongji_db_pool_connections',
  help: 'Database connections by pool (main: TypeORM; scripts: the group commit, db/script.ts) and state: open, idle, waiting (requests queued for a connection), limit',
  labelNames: ['pool', 'state'] as const,
  collect() {
    this.reset();
    for (const db of pools) {
      if (!db.dataSource.isInitialized) {
        pools.delete(db);
        continue;
      }
      const p = (db.dataSource.driver as unknown as { pool?: PoolInternals }).pool;
      if (db.isSqlite || !p) {
        this.inc({ pool: 'main', state: 'waiting' }, db.queued);
        continue;
      }
      this.inc({ pool: 'main', state: 'open' }, p._allConnections?.length ?? 0);
      this.inc({ pool: 'main', state: 'idle' }, p._freeConnections?.length ?? 0);
      this.inc({ pool: 'main', state: 'waiting' }, p._connectionQueue?.length ?? 0);
      this.inc({ pool: 'main', state: 'limit' }, p.config?.connectionLimit ?? 0);
      const scripts = db.scriptPoolState();
      if (scripts) for (const [state, n] of Object.entries(scripts)) this.inc({ pool: 'scripts', state }, n);
    }
  },
});

/** Report this database's pool in gongji_db_pool_connections. */
export function watchPool(db: Database): () => void {
  pools.add(db);
  return () => pools.delete(db);
}

/**
 * GET /metrics: enabled only when GONGJI_METRICS_TOKEN is configured, and then only for a
 * `Authorization: Bearer <token>` request (Prometheus' `authorization` / `bearer_token` setting).
 */
export function metricsRoute(config: { metricsToken?: string | null }): RequestHandler {
  return async (req, res) => {
    if (!config.metricsToken) {
      res.status(404).json({ error: 'NOT_FOUND', message: 'metrics are disabled (set GONGJI_METRICS_TOKEN)' });
      return;
    }
    const expected = Buffer.from(`Bearer ${config.metricsToken}`);
    const got = Buffer.from(req.headers.authorization ?? '');
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
      res.status(401).json({ error: 'UNAUTHENTICATED', message: 'bearer token required' });
      return;
    }
    res.setHeader('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  };
}
