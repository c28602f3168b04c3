import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../app';
import { loadConfig } from '../config';
import type { Database } from '../db/database';
import { startTestServer, type TestServer } from '../testing/harness';
import { isDatabaseUnavailable } from './edge';

let t: TestServer;
let prod: RunningApp;
beforeAll(async () => {
  t = await startTestServer();
  prod = await startApp({ ...t.deps, config: { ...t.deps.config, production: true } }, 0, '127.0.0.1');
});
afterAll(async () => {
  await prod?.close();
  await t?.close();
});

const post = (url: string, body: string, token?: string) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });

/** Binding.giver → Member.givingBindings → … nested `levels` times. */
function nested(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = i % 2 === 0 ? `givingBindings { id giver { ${inner} } }` : `givingBindings { id giver { ${inner} } }`;
  return `{ member(id: 1) { ${inner} } }`;
}

describe('A8: bounded work per request', () => {
  it('A8: a depth-13 query is refused during validation in under 50 ms, and /healthz answers meanwhile', async () => {
    const token = await t.staffToken('caseworker');
    const q = JSON.stringify({ query: nested(7) });
    await post(t.url, q, token); // warm up
    const [res, health] = await Promise.all([post(t.url, q, token), fetch(`${t.url}/healthz`)]);
    const body = (await res.json()) as any;
    expect(['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX']).toContain(body.errors?.[0].extensions?.code);
    expect(body.data).toBeUndefined();
    expect(health.status).toBe(200);
    // Best of five, so other jobs on a shared machine do not decide the result.
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await (await post(t.url, q, token)).json();
      times.push(performance.now() - started);
    }
    expect(Math.min(...times)).toBeLessThan(50);
  });

  it('A8: depth hidden in nested fragments is counted', async () => {
    const token = await t.staffToken('caseworker');
    const frags = `fragment A on Member { givingBindings { giver { ...B } } } fragment B on Member { givingBindings { giver { ...C } } } fragment C on Member { givingBindings { giver { ...D } } } fragment D on Member { givingBindings { giver { ...E } } } fragment E on Member { givingBindings { giver { id } } }`;
    const body = (await (await post(t.url, JSON.stringify({ query: `{ member(id: 1) { ...A } } ${frags}` }), token)).json()) as any;
    expect(['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX']).toContain(body.errors?.[0].extensions?.code);
    // the depth rule alone (national staff budget is large) also refuses it
    expect(JSON.stringify(body.errors)).toMatch(/depth|cost/i);
  });

  it('A8: more than 15 aliases are refused', async () => {
    const token = await t.staffToken('caseworker');
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: viewer { kind }`).join(' ');
    const body = (await (await post(t.url, JSON.stringify({ query: `{ ${aliases} }` }), token)).json()) as any;
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const fine = Array.from({ length: 15 }, (_, i) => `a${i}: viewer { kind }`).join(' ');
    expect(((await (await post(t.url, JSON.stringify({ query: `{ ${fine} }` }), token)).json()) as any).errors).toBeUndefined();
  });

  it('A8: an anonymous caller has a small cost budget; a page holds at most 200 rows', async () => {
    const fields = 'id birthDate scheme status insuredRegion provinceCode retired createdAt updatedAt';
    const query = `{ members(perPage: 200) { total items { ${fields} givingBindings { id state giver { ${fields} } beneficiary { ${fields} } } } } }`;
    const anon = (await (await post(t.url, JSON.stringify({ query }))).json()) as any;
    expect(anon.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const staff = await t.staffToken('auditor');
    expect((await t.gql(`{ members(perPage: 201) { total } }`, {}, staff)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(`{ members(perPage: 200) { total } }`, {}, staff)).errors).toBeUndefined();
  });

  it('A8: per-principal rate limits answer 429 with Retry-After', async () => {
    // Configured as an operator would (GONGJI_RATE_LIMIT_ANONYMOUS=3, read by loadConfig).
    const limited = await startApp({ ...t.deps, config: { ...t.deps.config, rateLimits: loadConfig({ GONGJI_DATA_DIR: t.deps.config.dataDir, GONGJI_RATE_LIMIT_ANONYMOUS: '3' }).rateLimits } }, 0, '127.0.0.1');
    try {
      const q = JSON.stringify({ query: '{ viewer { kind } }' });
      for (let i = 0; i < 3; i++) expect((await post(limited.url, q)).status).toBe(200);
      const res = await post(limited.url, q);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
      // a logged-in principal has its own budget
      expect((await post(limited.url, q, await t.staffToken('auditor'))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('A8: free text longer than its column is refused before the resolver', async () => {
    const token = await t.staffToken('caseworker');
    const r = await t.gql(`mutation($r: String!) { revealMember(id: 1, reason: $r) { __typename } }`, { r: 'x'.repeat(1_000_000) }, token);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(r)).not.toContain('x'.repeat(100));
  });
});

describe('errors that do not leak', () => {
  it('validation errors name the field and rule, never the value (no password, no target)', async () => {
    const r = await t.gql(`mutation($i: StaffLoginInput!) { login(input: $i) { token } }`, { i: { username: '', password: 'hunter2-secret' } });
    const text = JSON.stringify(r);
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain('target');
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username', validationErrors: [{ field: 'username', rules: ['isLength'] }] });
  });

  it('production: no "Did you mean" suggestions', async () => {
    const body = (await (await post(prod.url, JSON.stringify({ query: '{ viewr { kind } }' }))).json()) as any;
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
  });

  it('malformed JSON and oversized bodies come back as GraphQL-shaped JSON, without a stack trace', async () => {
    const bad = await post(t.url, '{"query": ');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/json/);
    const body = (await bad.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js/);
    const big = await post(t.url, JSON.stringify({ query: '{ viewer { kind } }', variables: { x: 'y'.repeat(3 * 1024 * 1024) } }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('more than 50 bad variable values are bad input, not an internal error', async () => {
    const ids = Array.from({ length: 60 }, () => 'not-an-int');
    const r = await t.gql(`query($ids: [Int!]) { members(filter: { ids: $ids }) { total } }`, { ids }, await t.staffToken('auditor'));
    expect(r.errors?.length).toBeGreaterThan(50);
    expect(r.errors?.every((e) => e.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
  });

  it('S16: the database being down is HTTP 503 UNAVAILABLE with Retry-After and no host details', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:3306'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    // A Galera node outside the primary component refuses work with 1047: unavailable (retry elsewhere), not a bug.
    const galera = Object.assign(new Error('QueryFailedError'), {
      driverError: Object.assign(new Error('WSREP has not yet prepared node for application use'), { code: 'ER_UNKNOWN_COM_ERROR', errno: 1047 }),
    });
    expect(isDatabaseUnavailable(galera)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' }))).toBe(false);
    const down = Object.create(t.db) as Database;
    down.begin = async () => {
      throw refused;
    };
    const app = await startApp({ ...t.deps, db: down }, 0, '127.0.0.1');
    try {
      // A mutation always opens a transaction (a query on MySQL reads without one).
      const res = await post(app.url, JSON.stringify({ query: 'mutation { login(input: { username: "nobody", password: "x" }) { token } }' }));
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions.code).toBe('UNAVAILABLE');
      expect(JSON.stringify(body)).not.toContain('10.1.2.3');
    } finally {
      await app.close();
    }
  });
});
