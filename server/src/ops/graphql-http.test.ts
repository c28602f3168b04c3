/**
 * The /graphql fast path (graphql-http.ts) answers exactly as the Express path did: bodies it cannot
 * read, bodies it does not take (left to Express and Apollo), and the client address behind a proxy.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../app';
import { startTestServer, type TestServer } from '../testing/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const VIEWER = JSON.stringify({ query: '{ viewer { kind } }' });

/** A raw request, so the test controls framing (chunked, no Content-Length) and every header. */
function raw(url: string, o: { headers?: Record<string, string>; chunks: string[] }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/graphql`, { method: 'POST', headers: o.headers ?? { 'content-type': 'application/json' } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON: kept as text */
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    for (const c of o.chunks) req.write(c);
    req.end();
  });
}

describe('POST /graphql without Express', () => {
  it('A8: a chunked body (no Content-Length) over the limit is refused with 413 PAYLOAD_TOO_LARGE', async () => {
    const piece = 'y'.repeat(256 * 1024);
    const chunks = [`{"query":"{ viewer { kind } }","variables":{"x":"`, ...Array.from({ length: 12 }, () => piece), '"}}'];
    const r = await raw(t.url, { chunks });
    expect(r.status).toBe(413);
    expect(r.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a body that is JSON but not an object or array is 400 BAD_REQUEST, as express.json (strict) answered', async () => {
    for (const body of ['"just a string"', '42', 'null']) {
      const r = await raw(t.url, { chunks: [body] });
      expect(r.status).toBe(400);
      expect(r.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    }
  });

  it('an empty JSON body and a charset parameter are handled like any JSON POST', async () => {
    const empty = await raw(t.url, { chunks: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].message).toMatch(/POST body missing/); // Apollo's answer, as before
    const utf8 = await raw(t.url, { headers: { 'content-type': 'application/json; charset=utf-8' }, chunks: [VIEWER] });
    expect(utf8.status).toBe(200);
    expect(utf8.body.data.viewer).toBeNull();
    expect(utf8.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('A8: what the fast path does not take goes through Express and Apollo: a text/plain POST is refused as a possible CSRF', async () => {
    const r = await raw(t.url, { headers: { 'content-type': 'text/plain' }, chunks: [VIEWER] });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/CSRF|csrf/);
    // A query string sends even a JSON POST through Express: same answer as without one.
    const res = await fetch(`${t.url}/graphql?x=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: VIEWER });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.viewer).toBeNull();
  });

  it('A8: the anonymous rate limit counts per client address; X-Forwarded-For counts only behind a trusted proxy', async () => {
    const burst = async (app: RunningApp, forwardedFor: string) =>
      (await raw(app.url, { headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, chunks: [VIEWER] })).status;
    const saved = process.env.GONGJI_TRUST_PROXY;
    let direct: RunningApp | null = null;
    let proxied: RunningApp | null = null;
    try {
      delete process.env.GONGJI_TRUST_PROXY;
      direct = await startApp({ ...t.deps, rateLimits: { anonymous: 2 } }, 0, '127.0.0.1');
      process.env.GONGJI_TRUST_PROXY = 'loopback';
      proxied = await startApp({ ...t.deps, rateLimits: { anonymous: 2 } }, 0, '127.0.0.1');
      // Not trusted: the header is ignored, every request is the loopback client's.
      expect([await burst(direct, '203.0.113.1'), await burst(direct, '203.0.113.1'), await burst(direct, '203.0.113.2')]).toEqual([200, 200, 429]);
      // Trusted loopback proxy: each forwarded client has its own budget.
      expect([await burst(proxied, '203.0.113.1'), await burst(proxied, '203.0.113.1'), await burst(proxied, '203.0.113.1')]).toEqual([200, 200, 429]);
      expect(await burst(proxied, '203.0.113.2')).toBe(200);
    } finally {
      if (saved === undefined) delete process.env.GONGJI_TRUST_PROXY;
      else process.env.GONGJI_TRUST_PROXY = saved;
      await direct?.close();
      await proxied?.close();
    }
  });
});
