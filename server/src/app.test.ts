import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './app';
import { startTestServer, type TestServer } from './testing/harness';

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

describe('HTTP hardening', () => {
  it('introspection is off in production and on in development', async () => {
    const q = JSON.stringify({ query: '{ __schema { queryType { name } } }' });
    const res = await fetch(`${prod.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: q });
    const body = (await res.json()) as any;
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await t.ok('{ __schema { queryType { name } } }')).__schema.queryType.name).toBe('Query');
  });

  it("Apollo's CSRF prevention refuses a simple cross-site request", async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ viewer { kind } }')}`, { method: 'GET' });
    expect(res.status).toBe(400);
    const form = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ viewer { kind } }"}' });
    expect(form.status).toBe(400);
  });

  it('serves a liveness check (/healthz; the database is /readyz)', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: t.db.kind });
  });

  it('tags every API response with a request id for the logs', async () => {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ viewer { kind } }"}' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
