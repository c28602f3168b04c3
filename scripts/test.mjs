#!/usr/bin/env node
// `pnpm test`: every test, on every database this machine has.
//   0. typecheck of every package, ESLint, server build + scripts/smoke.mjs (every README command
//      against the build; skipped when vitest filter arguments are given)
//   1. shared package unit tests
//   2. server suite on SQLite (embedded)
//   3. server suite on a throwaway MariaDB server (when installed; GONGJI_TEST_MARIADB=1 makes it mandatory, =0 skips)
//   4. admin unit tests, then the browser end-to-end tests in Chromium (when /usr/bin/chromium exists)
// Extra arguments go to vitest (e.g. `pnpm test -- binding`). Ends with one line "N passed, M failed".
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mariadbAvailable, startMariaDb } from './mariadb.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extra = process.argv.slice(2).filter((a) => a !== '--');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gongji-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
let mariadb = null;

function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts, env: { ...process.env, ...(opts.env ?? {}) } });
    child.on('exit', (code, signal) => resolve(signal ? 1 : code ?? 1));
  });
}

async function vitest(label, pkg, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${label} ===`);
  const out = path.join(tmp, `${label.replace(/\W+/g, '-')}.json`);
  const code = await run('pnpm', ['--filter', pkg, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra], { env });
  let r = null;
  try {
    r = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    /* crashed before writing a report */
  }
  if (!r) {
    problems.push(`${label}: vitest crashed (exit ${code})`);
    return;
  }
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  if (code !== 0 && r.numFailedTests === 0) problems.push(`${label}: exit ${code} (failed suites: ${r.numFailedTestSuites})`);
  console.log(`--- ${label}: ${r.numPassedTests} passed, ${r.numFailedTests} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** A check that is not a vitest suite (typecheck, lint): one test that passes or fails. */
async function check(label, cmd, args) {
  console.log(`\n=== ${label} ===`);
  const code = await run(cmd, args);
  if (code === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    problems.push(`${label}: exit ${code}`);
  }
  console.log(`--- ${label}: ${code === 0 ? 'ok' : 'FAILED'}`);
}

async function main() {
  console.log('=== building @gongji/shared ===');
  if ((await run('pnpm', ['--filter', '@gongji/shared', 'build'])) !== 0) throw new Error('shared build failed');
  if (!extra.length) {
    await check('typecheck (pnpm -r typecheck)', 'pnpm', ['-r', 'typecheck']);
    await check('lint (eslint)', 'pnpm', ['lint']);
    await check('server build', 'pnpm', ['--filter', '@gongji/server', 'build']);
    await check('smoke: the commands README documents (scripts/smoke.mjs)', 'node', ['scripts/smoke.mjs']);
  }

  await vitest('shared unit tests', '@gongji/shared');
  await vitest('server tests on SQLite', '@gongji/server', { DATABASE_URL: '' });

  const want = process.env.GONGJI_TEST_MARIADB;
  if (want === '0') console.log('\n=== server tests on MariaDB: skipped (GONGJI_TEST_MARIADB=0) ===');
  else if (!mariadbAvailable()) {
    if (want === '1') problems.push('MariaDB is required (GONGJI_TEST_MARIADB=1) but not installed');
    console.log('\n=== server tests on MariaDB: skipped — install mariadb-server to run them ===');
  } else {
    mariadb = await startMariaDb();
    await vitest(`server tests on ${mariadb.version.replace(/-0\+deb.*$/, '')}`, '@gongji/server', { DATABASE_URL: `${mariadb.url}/gongji` });
    await mariadb.stop();
    mariadb = null;
  }

  if (existsSync(path.join(root, 'admin/vitest.config.ts'))) await vitest('admin unit tests', '@gongji/admin');
  const e2e = path.join(root, 'admin/e2e/run.mjs');
  if (existsSync(e2e)) {
    if (existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH) {
      console.log('\n=== admin browser tests (Chromium) ===');
      const code = await run('node', [e2e, `--report=${path.join(tmp, 'e2e.json')}`]);
      try {
        const r = JSON.parse(readFileSync(path.join(tmp, 'e2e.json'), 'utf8'));
        totals.passed += r.passed;
        totals.failed += r.failed;
        if (code !== 0 && r.failed === 0) problems.push(`browser tests: exit ${code}`);
      } catch {
        problems.push(`browser tests crashed (exit ${code})`);
      }
    } else {
      if (process.env.CI) problems.push('Chromium is required in CI for the browser tests');
      console.log('\n=== admin browser tests: skipped — install chromium and fonts-noto-cjk to run them ===');
    }
  }
}

let crashed = false;
const cleanup = async () => {
  if (mariadb) await mariadb.stop().catch(() => undefined);
  rmSync(tmp, { recursive: true, force: true });
};
process.on('SIGINT', async () => {
  await cleanup();
  process.exit(130);
});
try {
  await main();
} catch (e) {
  crashed = true;
  console.error(e);
} finally {
  await cleanup();
}
console.log('');
for (const p of problems) console.log(`problem: ${p}`);
if (totals.passed + totals.failed === 0) problems.push('no test ran');
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(crashed || totals.failed > 0 || problems.length > 0 ? 1 : 0);
