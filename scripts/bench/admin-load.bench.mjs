// Dashboard load (issue 13): the home page's JavaScript over the wire and its first content, measured
// by the Chromium e2e flow "home page load budget" (admin/e2e/perf.flow.mjs) against the real server on
// the demo data (SQLite), from a cold cache, as a caseworker. Runs that flow GONGJI_BENCH_ADMIN_RUNS
// times (default 3, each on a fresh server) and reports every run and the median.
// Budgets: JS before the charts ≤ 500 kB compressed, first contentful paint ≤ 1 s.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNS = Math.max(1, Number(process.env.GONGJI_BENCH_ADMIN_RUNS ?? 3));
const BUDGET_JS = 500 * 1024;
const BUDGET_FCP_MS = 1000;

function e2e(root, skipBuild) {
  return new Promise((resolve, reject) => {
    const args = [path.join(root, 'admin/e2e/run.mjs'), '--only=home page load budget', ...(skipBuild ? ['--skip-build'] : [])];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`e2e perf flow failed (exit ${code}):\n${out.slice(-3000)}`))));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kB = (b) => `${(b / 1024).toFixed(0)} kB`;

export default async function ({ root, log }) {
  const perfFile = path.join(root, 'admin/e2e/artifacts/perf.json');
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    rmSync(perfFile, { force: true });
    await e2e(root, i > 0);
    const r = JSON.parse(readFileSync(perfFile, 'utf8'));
    runs.push(r);
    log(`admin-load: run ${i + 1}/${RUNS}: JS before charts ${kB(r.jsBytesBeforeCharts)}, first content ${r.firstContentfulPaintMs} ms, KPIs ${r.kpiVisibleMs} ms`);
  }
  const js = median(runs.map((r) => r.jsBytesBeforeCharts));
  const fcp = median(runs.map((r) => r.firstContentfulPaintMs));
  const kpi = median(runs.map((r) => r.kpiVisibleMs));
  const load = os.loadavg()[0].toFixed(1);
  const markdown = [
    '## Dashboard load (issue 13)',
    '',
    'The home page of a caseworker (three charts) from a cold cache, in headless Chromium against the real server on the demo data',
    `(SQLite), measured by the e2e flow "home page load budget" (admin/e2e/perf.flow.mjs), ${RUNS} runs on fresh servers.`,
    'JS is what the browser received (brotli, as served); "before charts" excludes the echarts chunks, which load after the figures have painted.',
    'KPIs is the time from navigation start until the first figure (today\'s settlements) is in the page, by the page\'s own clock.',
    '',
    '| run | JS before charts | JS with charts | first contentful paint | KPIs visible | encodings |',
    '|--:|--:|--:|--:|--:|---|',
    ...runs.map((r, i) => `| ${i + 1} | ${kB(r.jsBytesBeforeCharts)} | ${kB(r.jsBytesWithCharts)} | ${r.firstContentfulPaintMs} ms | ${r.kpiVisibleMs} ms | ${r.encodings.join(', ')} |`),
    '',
    '| budget | median | met |',
    '|---|--:|:-:|',
    `| home page JS before charts ≤ 500 kB compressed | ${kB(js)} | ${js <= BUDGET_JS ? 'yes' : '**no**'} |`,
    `| first content ≤ 1 s | ${fcp} ms | ${fcp <= BUDGET_FCP_MS ? 'yes' : '**no**'} |`,
    `| (for information) KPIs visible | ${kpi} ms | |`,
    '',
    `Load average at the end of the run: ${load} (2 cores; the server, Chromium and the test share them).`,
    '',
    `admin-load: js ${kB(js)}; first content ${fcp} ms; kpis ${kpi} ms`,
  ].join('\n');
  return { name: 'admin-load', markdown, summary: `JS ${kB(js)}, first content ${fcp} ms, KPIs ${kpi} ms` };
}
