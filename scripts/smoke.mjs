#!/usr/bin/env node
// Smoke test of the commands README.md documents, against the built server (`pnpm build` or
// `pnpm --filter @gongji/server build` first), on a throwaway SQLite data directory:
//   the server (`pnpm start` minus the build): starts, seeds the demo, answers /healthz and a login,
//   stops on SIGTERM; `pnpm provision …` (staff, password, institution, channel);
//   `pnpm run import members` (dry run, then real), `pnpm batch:monthly-credit`,
//   `pnpm batch:resident-premium`, `pnpm batch:wallet-return`, `pnpm fraud:scan`, `pnpm worker --once`,
//   `pnpm ops:backup`.
// Not run here: `pnpm bench` (minutes on a MariaDB of its own), `pnpm test` (runs this),
// `pnpm gen:types` and `migration:generate` (they rewrite tracked files).
// Exit code 0 when every command worked; prints one line per command.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'server/dist');
if (!existsSync(path.join(dist, 'main.js'))) {
  console.error('smoke: server/dist/main.js missing — run `pnpm --filter @gongji/server build` first');
  process.exit(1);
}
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongji-smoke-'));
const env = { ...process.env, GONGJI_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'production', GONGJI_SECRET: 'smoke-test-secret-0123456789abcdef' };
let failed = 0;

function run(args, { timeoutMs = 120_000, extraEnv = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...env, ...extraEnv } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** GB 11643 ID number with its check character (ISO 7064 MOD 11-2). */
function idNumber(region, birth, seq) {
  const body = `${region}${birth}${seq}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, c, i) => a + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

function report(name, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `\n${detail.split('\n').slice(-15).join('\n')}`}`);
  if (!ok) failed++;
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function server() {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(dist, 'main.js')], { cwd: root, env: { ...env, PORT: String(port) } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  let healthy = false;
  for (let i = 0; i < 240 && !healthy && child.exitCode === null; i++) {
    await new Promise((r) => setTimeout(r, 500));
    healthy = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
  }
  report('server starts, seeds the demo and answers /healthz', healthy, out);
  if (healthy) {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(input: { username: "caseworker", password: "gongji-demo-2026" }) { token mustChangePassword } }' }),
    });
    const body = await res.json();
    report('demo staff sign in (README table)', Boolean(body.data?.login?.token) && body.data.login.mustChangePassword === false, JSON.stringify(body));
  }
  child.kill('SIGTERM');
  const code = await new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (c) => resolve(c))));
  report('server stops on SIGTERM', code === 0, out);
}

async function main() {
  try {
    await server();
    const cli = (name, args, expect = /./) =>
      run([path.join(dist, 'scripts', `${name}.js`), ...args]).then(({ code, out }) => report(`pnpm ${name === 'provision' ? 'provision' : name} ${args.join(' ')}`.trim(), code === 0 && expect.test(out), out));
    await cli('provision', ['staff', 'smoke_user', '--name', '烟雾测试', '--roles', 'AUDITOR', '--scope', 'national']);
    await cli('provision', ['password', 'smoke_user']);
    await cli('provision', ['institution', 'H44030399977', '--name', '烟雾医院', '--kind', 'HOSPITAL', '--region', '440300']);
    await cli('provision', ['channel', 'smoke-app', '--name', '烟雾渠道']);
    // R1: a two-row registry file, checked first, then applied.
    const registry = path.join(dataDir, 'registry.csv');
    writeFileSync(registry, `身份证号,姓名,险种,参保地\n${idNumber('440304', '19800101', '123')},烟一,职工,440300\n${idNumber('440304', '19850202', '244')},烟二,居民,440300\n`);
    await cli('registry-import', ['members', registry, '--dry-run']);
    await cli('registry-import', ['members', registry]);
    await cli('monthly-credit', []);
    await cli('resident-premium', []);
    await cli('wallet-return', []);
    await cli('fraud-scan', []);
    await cli('worker', ['--once']);
    const backup = path.join(dataDir, 'smoke-backup.sqlite');
    const b = await run([path.join(root, 'scripts/backup.mjs'), 'backup', '--out', backup]);
    report('pnpm ops:backup', b.code === 0 && existsSync(backup), b.out);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(failed ? `smoke: ${failed} command(s) failed` : 'smoke: every documented command works');
  process.exit(failed ? 1 : 0);
}

main();
