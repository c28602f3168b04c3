#!/usr/bin/env node
// Browser end-to-end tests of the dashboard against the real server.
//
//   node admin/e2e/run.mjs [--report=<file.json>] [--skip-build] [--only=<substring>] [--headed]
//
// 1. builds shared, server and the admin (production build: what the tests drive);
// 2. starts `node server/dist/main.js` on a free port with a fresh temporary GONGJI_DATA_DIR
//    (SQLite, demo seed on first start) and waits for /healthz;
// 3. runs the named flows of flows.mjs in headless Chromium (playwright-core), each with its own
//    browser context and a time limit; a failing flow leaves a screenshot in e2e/artifacts/;
// 4. writes { passed, failed } to the report file and exits non-zero when anything failed.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { FLOWS } from './flows.mjs';
import './analyst.flow.mjs'; // appends the fraud analyst's flows to FLOWS
import './registry.flow.mjs'; // appends the registry import flow
import './chinese.flow.mjs'; // appends the all-Chinese walk of every page for every role
import './perf.flow.mjs'; // appends the home page load budget
import './screens.flow.mjs'; // appends suspend/restore, record death, hash-chain check
import './states.flow.mjs'; // appends the honest error states
import './lists.flow.mjs'; // appends 1280-px lists, member search, Chinese date pickers, server export
import './staffscreens.flow.mjs'; // appends wallet view, statement filter/print, correction, move, revoke, approve with proofs, staff list
import './charges.flow.mjs'; // appends C1 fees owed: record and waive on the member page, settled first at a death
import { freePort } from '../../scripts/mariadb.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const artifacts = path.join(here, 'artifacts');
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    return m ? [m[1], m[2] ?? true] : [a, true];
  }),
);
const TEST_TIMEOUT_MS = Number(process.env.GONGJI_E2E_TIMEOUT_MS ?? 60_000);

const results = [];
let server = null;
let browser = null;
let dataDir = null;

function writeReport() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (typeof args.report === 'string') writeFileSync(args.report, JSON.stringify({ passed, failed, tests: results }, null, 2));
  return { passed, failed };
}

function run(cmd, cmdArgs, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...opts });
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${cmdArgs.join(' ')}: exit ${code ?? signal}`))));
  });
}


async function startServer() {
  const port = await freePort();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongji-e2e-'));
  const log = [];
  const child = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', GONGJI_DATA_DIR: dataDir, DATABASE_URL: '', GONGJI_SEED: 'demo', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const s of [child.stdout, child.stderr]) s.on('data', (d) => log.push(String(d)));
  let exited = null;
  child.on('exit', (code) => (exited = code));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited !== null) throw new Error(`server exited (${exited}):\n${log.join('')}`);
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${log.join('')}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, base, log };
}

function withTimeout(promise, ms, name) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name}: timed out after ${ms / 1000} s`)), ms);
    }),
  ]);
}

/** Plain GraphQL helper for checks behind the UI's back (login as anyone, query anything). */
function apiFor(base) {
  const gql = async (query, variables = {}, token = null) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data;
  };
  const tokens = new Map();
  const login = async (username, password = 'gongji-demo-2026') => {
    if (!tokens.has(username)) {
      const d = await gql('mutation($input: StaffLoginInput!) { login(input: $input) { token } }', { input: { username, password } });
      tokens.set(username, d.login.token);
    }
    return tokens.get(username);
  };
  return { gql, login, as: async (username, query, variables) => gql(query, variables, await login(username)) };
}

async function main() {
  const started = Date.now();
  mkdirSync(artifacts, { recursive: true });
  if (!args['skip-build']) {
    console.log('e2e: building shared, server and admin …');
    await run('pnpm', ['--filter', '@gongji/shared', 'build']);
    await run('pnpm', ['--filter', '@gongji/server', 'build']);
    await run('pnpm', ['--filter', '@gongji/admin', 'build']);
  }
  console.log('e2e: starting the server (fresh SQLite database, demo seed) …');
  server = await startServer();
  console.log(`e2e: server at ${server.base} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: !args.headed,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
  const api = apiFor(server.base);
  const flows = FLOWS.filter((f) => typeof args.only !== 'string' || f.name.includes(args.only));
  for (const flow of flows) {
    const t0 = Date.now();
    const context = await browser.newContext({ baseURL: server.base, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const shot = async (name) => {
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: false });
    };
    try {
      await withTimeout(flow.run({ page, context, browser, api, base: server.base, shot }), flow.timeout ?? TEST_TIMEOUT_MS, flow.name);
      if (pageErrors.length) throw new Error(`uncaught errors in the page: ${pageErrors.join(' | ')}`);
      results.push({ name: flow.name, ok: true, ms: Date.now() - t0 });
      console.log(`  ✓ ${flow.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      const file = `FAILED-${flow.name.replace(/[^\w-]+/g, '_')}.png`;
      await page.screenshot({ path: path.join(artifacts, file), fullPage: true }).catch(() => undefined);
      results.push({ name: flow.name, ok: false, ms: Date.now() - t0, error: String(e?.stack ?? e) });
      console.log(`  ✗ ${flow.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n      ${String(e?.message ?? e).split('\n').join('\n      ')}\n      screenshot: admin/e2e/artifacts/${file}`);
    } finally {
      await context.close().catch(() => undefined);
    }
  }
  const { passed, failed } = writeReport();
  console.log(`e2e: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s (screenshots in admin/e2e/artifacts/)`);
}

async function cleanup() {
  await browser?.close().catch(() => undefined);
  if (server?.child && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await new Promise((r) => {
      const t = setTimeout(() => {
        server.child.kill('SIGKILL');
        r();
      }, 5000);
      server.child.on('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

let crashed = false;
try {
  await main();
} catch (e) {
  crashed = true;
  console.error('e2e: crashed:', e);
  if (!results.length) results.push({ name: 'e2e harness', ok: false, error: String(e?.stack ?? e) });
  writeReport();
} finally {
  await cleanup();
}
const { failed } = writeReport();
process.exit(crashed || failed > 0 ? 1 : 0);
