import express from 'express';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminStatic, pickEncoding } from './static-assets';

let dir: string;
let server: Server;
let base: string;
const JS = 'console.log("共济");'.repeat(200);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gongji-static-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets/index-3fqGBfyN.js'), JS);
  writeFileSync(path.join(dir, 'assets/index-3fqGBfyN.js.gz'), gzipSync(JS));
  writeFileSync(path.join(dir, 'assets/index-3fqGBfyN.js.br'), 'brotli-bytes');
  const app = express();
  app.use(adminStatic(dir));
  server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('admin static assets', () => {
  it('picks brotli, then gzip, honouring q=0', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip, br;q=0')).toBe('gzip');
    expect(pickEncoding('identity')).toBe('');
    expect(pickEncoding(undefined)).toBe('');
  });

  it('sends the precompressed sibling with a year-long immutable cache for hashed files', async () => {
    const gz = await fetch(`${base}/assets/index-3fqGBfyN.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('content-type')).toContain('javascript');
    expect(gz.headers.get('cache-control')).toContain('immutable');
    expect(gz.headers.get('vary')).toContain('Accept-Encoding');
    expect(await gz.text()).toBe(JS); // fetch decompresses: the content is the original
    const raw = await new Promise<{ enc?: string; len: number }>((resolve, reject) => {
      import('node:http').then(({ get }) =>
        get(`${base}/assets/index-3fqGBfyN.js`, { headers: { 'accept-encoding': 'br' } }, (res) => {
          let len = 0;
          res.on('data', (d: Buffer) => (len += d.length));
          res.on('end', () => resolve({ enc: res.headers['content-encoding'], len }));
        }).on('error', reject),
      );
    });
    expect(raw).toEqual({ enc: 'br', len: 'brotli-bytes'.length });
  });

  it('serves index.html uncached for client routes and never escapes the directory', async () => {
    const page = await fetch(`${base}/review/proofs/3`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('id="root"');
    const escape = await fetch(`${base}/assets/..%2F..%2Fetc%2Fpasswd.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(await escape.text()).not.toContain('root:');
  });
});
