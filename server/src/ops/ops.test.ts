/**
 * Operations: request logs without personal data, Prometheus metrics behind a token, readiness,
 * graceful drain, shutdown hooks, and the HTTP-layer retry of lock conflicts.
 */
import { ApolloServer } from '@apollo/server';
import express from 'express';
import { buildSchema, GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../core/context';
import { isRetryableConflict } from '../db/database';
import { startTestServer, type TestServer } from '../testing/harness';
import { graphqlHandler, operationObserverPlugin } from './graphql-handler';
import { onShutdown, runShutdownHooks } from './lifecycle';
import { createLogger, maskIdNumbers, useLogger } from './logger';
import { registry } from './metrics';
import { backoffMs, runInContextWithRetry, withConflictRetry } from './retry';
import { ProofBlobChunk } from '../modules/proof/proof-blob.entity';

const SETTLE = `mutation($input: SettleInput!) { settle(input: $input) { __typename ... on Settlement { id } ... on RuleViolation { rule code } } }`;

let t: TestServer;
const lines: string[] = [];
let previous: ReturnType<typeof useLogger>;

beforeAll(async () => {
  previous = useLogger(createLogger(new Writable({ write: (chunk, _enc, cb) => (lines.push(...String(chunk).split('\n').filter(Boolean)), cb()) }), 'info'));
  t = await startTestServer();
});

afterAll(async () => {
  useLogger(previous);
  await t?.close().catch(() => undefined);
});

async function metricValue(name: string, labels: Record<string, string>): Promise<number> {
  const m = (await registry.getSingleMetric(name)?.get())?.values ?? [];
  const v = m.find((x) => Object.entries(labels).every(([k, val]) => (x.labels as Record<string, unknown>)[k] === val));
  return v ? Number(v.value) : 0;
}

describe('structured request logs', () => {
  it('A3: masks 18-digit ID numbers in any log line', () => {
    expect(maskIdNumbers('dup 440300198001011234 and 11010519491231002X;')).toBe('dup 440300********1234 and 110105********002X;');
    expect(maskIdNumbers('serial 12345678901234567890')).toBe('serial 12345678901234567890');
  });

  it('A3: logs one JSON line per operation (request id, principal kind, operation, outcome, duration) and no unmasked ID number', async () => {
    const patient = await t.member({ openingBalanceFen: 10_000 });
    const token = await t.institutionToken();
    const memberToken = await t.memberToken(patient);
    const input = {
      serialNo: `LOG-${Date.now()}`,
      patientIdNumber: patient.idNumber,
      credentialType: 'T02',
      credentialNo: patient.idNumber,
      category: 'PHARMACY',
      totalFen: 2_000,
      poolFen: 1_000,
      selfPayFen: 1_000,
      placeRegion: '440300',
      treatedAt: new Date(Date.now() - 60_000).toISOString(),
      acctUsedFlag: true,
    };
    expect((await t.ok(SETTLE, { input }, token)).settle.__typename).toBe('Settlement');
    // the same serial with another amount: an S8 refusal, logged by rule
    const refused = await t.ok(SETTLE, { input: { ...input, selfPayFen: 1_001, totalFen: 2_001 } }, token);
    expect(refused.settle).toMatchObject({ rule: 'S8' });
    await t.gql('{ viewer { kind } }', {}, memberToken);
    // an unknown patient: the ID number travels in the request and in error messages
    await t.gql(SETTLE, { input: { ...input, serialNo: `LOG2-${Date.now()}`, patientIdNumber: '440300199001019999' } }, token);

    const records = lines.map((l) => JSON.parse(l));
    const graphql = records.filter((r) => r.msg === 'graphql');
    const settle = graphql.filter((r) => r.operation === 'settle');
    expect(settle.find((r) => r.outcome === 'ok')).toMatchObject({ principal: 'institution', type: 'mutation', status: 200, retries: 0 });
    expect(settle.find((r) => r.outcome === 'rule:S8')).toBeDefined();
    expect(graphql.find((r) => r.operation === 'viewer' && r.principal === 'member')).toBeDefined();
    for (const r of graphql) {
      expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof r.ms).toBe('number');
    }
    const leaks = lines.filter((l) => /(?<!\d)\d{17}[\dXx](?![\dA-Za-z])/.test(l));
    expect(leaks).toEqual([]);
  });
});

describe('Prometheus metrics', () => {
  it('/metrics is disabled without GONGJI_METRICS_TOKEN and needs the bearer token when set', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
    t.deps.config.metricsToken = 'metrics-test-token';
    try {
      expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-xxxxxx' } })).status).toBe(401);
      const res = await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer metrics-test-token' } });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toMatch(/gongji_graphql_requests_total\{operation="settle",outcome="ok"\} [1-9]/);
      expect(text).toMatch(/gongji_settlement_duration_seconds_bucket\{le="\+Inf",operation="settle",outcome="ok"\} [1-9]/);
      expect(text).toMatch(/gongji_db_pool_connections\{pool="main",state="(open|waiting)"\} \d/);
      // On MySQL the settlement above went through the group commit's script pool, which reports too.
      if (!t.db.isSqlite) expect(text).toMatch(/gongji_db_pool_connections\{pool="scripts",state="limit"\} 8/);
      expect(text).toContain('gongji_conflict_retries_total');
      // The outbox worker (drained after the settlement above) reports each consumer's lag.
      expect(text).toMatch(/gongji_outbox_lag_seconds\{consumer="fraud"\} \d/);
      expect(text).toMatch(/gongji_outbox_lag_seconds\{consumer="dashboard-rollups"\} \d/);
    } finally {
      t.deps.config.metricsToken = null;
    }
  });
});

describe('HTTP-layer retry of lock conflicts (Galera certification failures)', () => {
  /** A real Apollo server and the real handler, over a resolver that fails as the driver does for a deadlock. */
  async function conflictServer(failures: number, attempts: number) {
    let calls = 0;
    const deadlock = () => Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 });
    const apollo = new ApolloServer<RequestContext>({
      schema: buildSchema('type Query { n: Int } type Mutation { bump: Int }'),
      plugins: [operationObserverPlugin()],
      rootValue: { n: () => calls, bump: () => (++calls <= failures ? Promise.reject(deadlock()) : calls) },
      formatError: (f, e) => (isRetryableConflict((e as GraphQLError).originalError) ? { message: 'conflict', extensions: { code: 'CONFLICT_RETRY' } } : f),
    });
    await apollo.start();
    const app = express();
    const handle = graphqlHandler(apollo, {
      stopped: () => false,
      context: async () => ({ requestId: randomUUID(), rollbackOnly: false }) as unknown as RequestContext,
      retry: { attempts, baseMs: 1, capMs: 5 },
    });
    app.use('/graphql', express.json(), (req, res) => void handle({ req, res, body: req.body, ip: req.ip ?? null }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const post = async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"mutation { bump }"}' })).json();
    return { post, calls: () => calls, close: async () => (await apollo.stop(), server.close()) };
  }

  it('S8: re-executes the whole operation after a deadlock, up to the configured attempts', async () => {
    const before = await metricValue('gongji_conflict_retries_total', { operation: 'bump' });
    const s = await conflictServer(2, 5);
    try {
      expect(await s.post()).toEqual({ data: { bump: 3 } });
      expect(s.calls()).toBe(3);
      expect((await metricValue('gongji_conflict_retries_total', { operation: 'bump' })) - before).toBe(2);
    } finally {
      await s.close();
    }
  });

  it('S8: gives CONFLICT_RETRY back to the client once the attempts are used up', async () => {
    const s = await conflictServer(10, 3);
    try {
      const body = await s.post();
      expect(body.errors[0].extensions.code).toBe('CONFLICT_RETRY');
      expect(s.calls()).toBe(3);
    } finally {
      await s.close();
    }
  });

  it('withConflictRetry (scripts) retries deadlocks only, and the backoff is bounded', async () => {
    let n = 0;
    const o = { attempts: 4, baseMs: 1, capMs: 3 };
    expect(await withConflictRetry(async () => (++n < 3 ? Promise.reject({ errno: 1213 }) : n), o)).toBe(3);
    await expect(withConflictRetry(async () => Promise.reject(new Error('boom')), o)).rejects.toThrow('boom');
    for (let i = 1; i < 20; i++) expect(backoffMs(i, { attempts: 5, baseMs: 10, capMs: 400 }, () => 0.999)).toBeLessThan(400);
  });
});

describe('scripts: runInContextWithRetry', () => {
  it('S8: a transaction that fails with a deadlock is rolled back and run again whole', async () => {
    const key = `retry-${Date.now()}`;
    let attempt = 0;
    const before = await metricValue('gongji_conflict_retries_total', { operation: 'test-script' });
    await runInContextWithRetry(t.deps, { kind: 'system', name: 'test' }, 'test-script', async (ctx) => {
      attempt++;
      await ctx.em.insert(ProofBlobChunk, { storageKey: key, seq: attempt, data: Buffer.from('x') });
      if (attempt === 1) throw Object.assign(new Error('Deadlock found when trying to get lock'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 });
    }, { attempts: 3, baseMs: 1, capMs: 2 });
    const rows = await t.run((ctx) => ctx.em.findBy(ProofBlobChunk, { storageKey: key }));
    expect(rows.map((r) => r.seq)).toEqual([2]);
    expect((await metricValue('gongji_conflict_retries_total', { operation: 'test-script' })) - before).toBe(1);
  });
});

describe('readiness, graceful shutdown', () => {
  it('/healthz answers without the database; /readyz checks the database and that migrations are current', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ ok: true, database: t.db.kind });
    expect(await (await fetch(`${t.url}/readyz`)).json()).toEqual({ ok: true, database: t.db.kind });
    const [last] = await t.run((ctx) => ctx.em.query('SELECT id, timestamp, name FROM schema_migration ORDER BY id DESC LIMIT 1'));
    await t.run((ctx) => ctx.em.query('DELETE FROM schema_migration WHERE id = ?', [last.id]));
    try {
      const res = await fetch(`${t.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ reason: 'migrations pending', pending: [last.name] });
    } finally {
      await t.run((ctx) => ctx.em.query('INSERT INTO schema_migration (id, timestamp, name) VALUES (?, ?, ?)', [last.id, last.timestamp, last.name]));
    }
  });

  it('shutdown hooks run latest first; a slow or failing hook does not stop the others', async () => {
    const ran: string[] = [];
    onShutdown('outbox worker', async () => void ran.push('worker'));
    onShutdown('failing', () => {
      throw new Error('nope');
    });
    onShutdown('slow', () => new Promise((r) => setTimeout(r, 5_000)));
    const started = Date.now();
    await runShutdownHooks(100);
    expect(ran).toEqual(['worker']);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  // Last: it closes the server.
  it('on close, a request in flight is finished before the server stops', async () => {
    const patient = await t.member({ openingBalanceFen: 10_000 });
    const token = await t.institutionToken();
    // Hold the patient's account (SQLite: the one connection; MySQL: a row lock) so the settlement waits.
    const tx = await t.db.begin();
    await tx.em.query(`SELECT id FROM personal_account WHERE member_id = ?${t.db.isSqlite ? '' : ' FOR UPDATE'}`, [patient.id]);
    const inFlight = t.gql(SETTLE, { input: { serialNo: `DRAIN-${Date.now()}`, patientIdNumber: patient.idNumber, credentialType: 'T02', credentialNo: patient.idNumber,
      category: 'PHARMACY', totalFen: 2_000, poolFen: 1_000, selfPayFen: 1_000, placeRegion: '440300', treatedAt: new Date(Date.now() - 60_000).toISOString(), acctUsedFlag: true } }, token);
    await new Promise((r) => setTimeout(r, 150));
    const closing = t.close();
    await new Promise((r) => setTimeout(r, 150));
    await tx.rollback();
    await tx.release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.data.settle.__typename).toBe('Settlement');
    await closing;
  });
});
