// Settlement throughput: the real server (GraphQL over HTTP) against the MINIMAL FLOOR — the least
// SQL one settlement needs, issued directly through mysql2: START, INSERT settlement (unique
// institution+serial), one atomic conditional debit UPDATE and one ledger INSERT per paying account,
// COMMIT (7 statements when the own account and one giver pay) — at 1, 16 and 64 concurrent clients,
// on three workloads: "uniform" (many patients, each paying from their own account and one giver),
// "hot giver" (64 beneficiaries all drawing on one fresh giver's account) and "long-history hot giver"
// (the same against a giver with 100,000 earlier payments, inserted set-based).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gqlClient } from './gql-client.mjs';
import { freePort } from '../mariadb.mjs';

// GONGJI_BENCH_SCALE=0.3 shortens every level (for trying changes; the numbers get noisier).
const SCALE = Number(process.env.GONGJI_BENCH_SCALE ?? 1);
// Enough requests per level that a level lasts several seconds per side: at 1,500 the 16-client level
// lasted about 2 s a side, and its API/floor ratio moved ±0.07 from run to run with the machine's load.
const LEVELS = [
  { clients: 1, count: Math.round(400 * SCALE) },
  { clients: 16, count: Math.round(4000 * SCALE) },
  { clients: 64, count: Math.round(4000 * SCALE) },
];
// Settlements per side (API, floor) and workload before measuring, at each level's concurrency in turn
// (a few at 1 client, then half at 16 and the rest at 64), so that every level's code paths are compiled.
// Measured with V8's code log (--log-code): after 1,000 at 16 clients only, the server's JIT still made
// 25–60 TurboFan compilations a second during the 16-client level, and the server's background threads
// (the compiler) took about a third of its CPU; after 10,000, 2–20 a second. GONGJI_BENCH_WARMUP to change.
const WARMUP = Math.max(0, Number(process.env.GONGJI_BENCH_WARMUP ?? 10_000));
const WARMUP_STEPS = [
  { clients: 1, count: Math.round(WARMUP * 0.05) },
  { clients: 16, count: Math.round(WARMUP * 0.5) },
  { clients: 64, count: WARMUP - Math.round(WARMUP * 0.05) - Math.round(WARMUP * 0.5) },
].filter((s) => s.count > 0);
const LEVEL_TIME_CAP_MS = 20_000;
const REGION = '110000'; // Beijing: one pooling region, no per-giver / per-beneficiary binding caps
const PROVINCE = '11';
const INSTITUTION = { code: 'H11000009901', name: '基准测试医院 (bench hospital)', secret: 'bench-secret' };
const OWN_BALANCE = 3_000; // uniform patients: drained by their one settlement, the giver pays the rest
const GIVER_BALANCE = 100_000_000;
const HOT_BALANCE = 100_000_000_000;
const HOT_BENEFICIARIES = 64;
// Earlier payments of the long-history hot giver (GONGJI_BENCH_HISTORY to change).
const HISTORY = Number(process.env.GONGJI_BENCH_HISTORY ?? 100_000);
const HISTORY_FEN = 100; // each earlier payment: 1 yuan
const HISTORY_SPAN_DAYS = 730; // the earlier payments' treatment times: evenly over the last two years
// GONGJI_BENCH_WORKLOADS=uniform,hot runs only those workloads (for trying changes; the report then lacks the others).
const WORKLOADS = (process.env.GONGJI_BENCH_WORKLOADS ?? 'uniform,hot,hotlong').split(',').map((w) => w.trim()).filter(Boolean);
const LABEL = { uniform: 'uniform', hot: 'hot giver', hotlong: 'long-history hot giver' };

const SETTLE = `mutation($input: SettleInput!) { settle(input: $input) {
  __typename ... on Settlement { id acctPayFen mulaidPayFen cashFen } ... on RuleViolation { rule code message } } }`;


const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** CPU time (ms) a process has used so far, from /proc (Linux); null elsewhere. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

/**
 * The statements of one general-log entry: a script (several statements sent in one round trip,
 * server/src/db/script.ts) is logged as one entry. Split at semicolons outside quotes.
 */
function splitStatements(text) {
  const out = [];
  let quote = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === ';') {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

/** The pid of the mariadbd listening on `port`, found through /proc. */
function mariadbPid(port) {
  try {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
        if (cmd.includes('mariadbd') && cmd.includes(`--port=${port}`)) return Number(d);
      } catch {
        /* gone */
      }
    }
  } catch {
    /* no /proc */
  }
  return null;
}

/** Run `count` jobs (or until the time cap) over `clients` concurrent workers; job(i) resolves true on success. */
async function drive(clients, count, job, pids = {}, timeCapMs = LEVEL_TIME_CAP_MS) {
  const cpu0 = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, pid === 'self' ? process.cpuUsage() : cpuMs(pid)]));
  const latencies = [];
  let next = 0;
  let ok = 0;
  let failed = 0;
  const t0 = performance.now();
  const deadline = t0 + timeCapMs;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      const s = performance.now();
      const good = await job(i);
      latencies.push(performance.now() - s);
      if (good) ok++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const cpuTotal = {};
  for (const [k, pid] of Object.entries(pids)) {
    if (pid === 'self') {
      const u = process.cpuUsage(cpu0[k]);
      cpuTotal[k] = (u.user + u.system) / 1000;
    } else {
      const now = cpuMs(pid);
      cpuTotal[k] = now === null || cpu0[k] === null ? NaN : now - cpu0[k];
    }
  }
  return summarize({ clients, ok, failed, seconds, latencies, cpuTotal });
}

/** Rates, percentiles and CPU per settlement of one or more runs of the same level (merged). */
function summarize(...runs) {
  const ok = runs.reduce((n, r) => n + r.ok, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const cpuTotal = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.cpuTotal)) cpuTotal[k] = (cpuTotal[k] ?? 0) + v;
  const cpu = Object.fromEntries(Object.entries(cpuTotal).map(([k, v]) => [k, v / Math.max(1, ok)]));
  const batches = runs.reduce((n, r) => n + (r.batches ?? 0), 0);
  return {
    /** Group commit: settlements per committed batch (API only; NaN when not measured). */
    meanBatch: batches ? runs.reduce((n, r) => n + (r.batched ?? 0), 0) / batches : NaN,
    clients: runs[0].clients,
    ok,
    failed: runs.reduce((n, r) => n + r.failed, 0),
    seconds,
    latencies,
    cpuTotal,
    rate: ok / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpu,
  };
}

export default async function settlementBench({ mariadbUrl, root, log }) {
  const require = createRequire(path.join(root, 'server', 'package.json'));
  const mysql = require('mysql2/promise');
  const shared = require('@gongji/shared');
  const { policyHistory } = require(path.join(root, 'server', 'dist', 'seed', 'reference.js'));
  const { hashSecret } = require(path.join(root, 'server', 'dist', 'core', 'passwords.js'));
  ({ requestHash } = require(path.join(root, 'server', 'dist', 'modules', 'settlement', 'request-hash.js')));

  const cleanups = [];
  const registry = globalThis.__gongjiBenchCleanup ?? [];
  const onExit = () => cleanups.forEach((fn) => fn.sync?.());
  process.on('exit', onExit);
  const addCleanup = (fn, sync) => {
    fn.sync = sync;
    cleanups.push(fn);
    registry.push(fn);
  };

  const admin = await mysql.createConnection({ uri: mariadbUrl });
  await admin.query('DROP DATABASE IF EXISTS bench_settlement');
  await admin.query('CREATE DATABASE bench_settlement CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  const dbUrl = `${mariadbUrl}/bench_settlement`;

  // ---- the real server -------------------------------------------------------------------------
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongji-bench-settle-'));
  const port = await freePort();
  let serverLog = '';
  // GONGJI_BENCH_SERVER_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const serverArgs = (process.env.GONGJI_BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  // GONGJI_BENCH_WORKER_ARGS: the same for the outbox worker (`pnpm worker`).
  const workerArgs = (process.env.GONGJI_BENCH_WORKER_ARGS ?? '').split(' ').filter(Boolean);
  // The outbox worker (fraud detection F3–F8 and any other consumer) runs as its own process
  // (`pnpm worker`), so the server's CPU below is the request path and the worker's is shown apart.
  const serverEnv = {
    ...process.env,
    DATABASE_URL: dbUrl,
    GONGJI_SEED: 'none',
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    GONGJI_DATA_DIR: dataDir,
    GONGJI_SECRET: randomBytes(32).toString('hex'),
    GONGJI_OUTBOX_INTERVAL_MS: '0',
    // /metrics for the group-commit batch sizes of each level.
    GONGJI_METRICS_TOKEN: 'bench-metrics',
  };
  const server = spawn(process.execPath, [...serverArgs, path.join(root, 'server', 'dist', 'main.js')], {
    cwd: path.join(root, 'server'),
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let worker = null;
  let workerExited = true;
  const startWorker = () => {
    worker = spawn(process.execPath, [...workerArgs, path.join(root, 'server', 'dist', 'scripts', 'worker.js')], {
      cwd: path.join(root, 'server'),
      env: { ...serverEnv, GONGJI_OUTBOX_INTERVAL_MS: '200' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workerExited = false;
    worker.stdout.on('data', (d) => (serverLog = (serverLog + d).slice(-20_000)));
    worker.stderr.on('data', (d) => (serverLog = (serverLog + d).slice(-20_000)));
    worker.on('exit', () => (workerExited = true));
  };
  addCleanup(
    async () => {
      if (worker && !workerExited) {
        worker.kill('SIGTERM');
        await Promise.race([new Promise((r) => worker.once('exit', r)), sleep(10_000)]);
        if (!workerExited) worker.kill('SIGKILL');
      }
    },
    () => {
      if (worker && !workerExited) worker.kill('SIGKILL');
    },
  );
  server.stdout.on('data', (d) => (serverLog = (serverLog + d).slice(-20_000)));
  server.stderr.on('data', (d) => (serverLog = (serverLog + d).slice(-20_000)));
  let serverExited = false;
  server.on('exit', () => (serverExited = true));
  const stopServer = async () => {
    if (!serverExited) {
      server.kill('SIGTERM');
      await Promise.race([new Promise((r) => server.once('exit', r)), sleep(10_000)]);
      if (!serverExited) server.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  addCleanup(stopServer, () => {
    if (!serverExited) server.kill('SIGKILL');
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const t0 = Date.now();
    for (;;) {
      if (serverExited) throw new Error(`server exited:\n${serverLog}`);
      if (Date.now() - t0 > 90_000) throw new Error(`server did not answer /healthz in 90 s:\n${serverLog}`);
      try {
        const res = await fetch(`${baseUrl}/healthz`);
        if (res.ok) break;
      } catch {
        /* not up yet */
      }
      await sleep(200);
    }
    log(`server up on ${baseUrl} (migrations ran) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    startWorker();

    // ---- the dataset ---------------------------------------------------------------------------
    // the floor's pool: the server's size (GONGJI_DB_POOL, default 20) and the driver options TypeORM uses (data-source.ts)
    const pool = mysql.createPool({
      uri: dbUrl,
      connectionLimit: Number(process.env.GONGJI_DB_POOL ?? 20),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: false,
    });
    addCleanup(() => pool.end().catch(() => undefined));
    const perMode = LEVELS.reduce((s, l) => s + l.count, 0) + WARMUP;
    const pairs = 2 * perMode + 200; // every uniform request uses a fresh patient
    const data = await loadDataset({ pool, shared, policyHistory, hashSecret, pairs, log });

    // ---- statement capture: what one settle really sends to the database --------------------------
    const gql = gqlClient(baseUrl);
    /** The server's group-commit histogram so far: committed batches and the settlements in them. */
    const batchTotals = async () => {
      const text = await (await fetch(`${baseUrl}/metrics`, { headers: { authorization: 'Bearer bench-metrics' } })).text();
      const read = (name) => Number(new RegExp(`^${name}\\{outcome="committed"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
      return { sum: read('gongji_group_commit_batch_size_sum'), count: read('gongji_group_commit_batch_size_count') };
    };
    const login = await gql(`mutation($i: InstitutionLoginInput!) { institutionLogin(input: $i) { token } }`, {
      i: { code: INSTITUTION.code, secret: INSTITUTION.secret },
    });
    const token = login.data?.institutionLogin?.token;
    if (!token) throw new Error(`institutionLogin failed: ${JSON.stringify(login.errors ?? login)}`);

    let serial = 0;
    const runId = Date.now().toString(36);
    // API serials start with B, the floor's with M (the floor writes no settlement_payment rows).
    const nextSerial = (mode, tag) => `${mode === 'floor' ? 'M' : 'B'}${runId}${tag}${(serial++).toString(36)}`;
    const treatedAt = () => new Date(Date.now() - 60_000).toISOString();
    // Uniform: each request takes a fresh patient (own account 30.00 yuan, drained by it; the giver pays the rest),
    // in a shuffled order so consecutive requests touch unrelated accounts. API and floor use disjoint halves.
    const shuffled = shuffle(data.uniform, 20251125);
    const pools = { api: shuffled.slice(0, shuffled.length / 2), floor: shuffled.slice(shuffled.length / 2) };
    const cursor = { api: 0, floor: 0 };
    const pickPatient = (mode, w) => {
      if (w === 'hot' || w === 'hotlong') {
        const key = `${w}${mode}`;
        return data[w].beneficiaries[(cursor[key] = ((cursor[key] ?? -1) + 1) % HOT_BENEFICIARIES)];
      }
      const p = pools[mode][cursor[mode]++];
      if (!p) throw new Error(`uniform ${mode} patients exhausted`);
      return p;
    };
    let amountSeq = 0;
    const inputFor = (mode, w) => {
      const p = pickPatient(mode, w);
      const k = amountSeq++;
      const selfPayFen = w === 'uniform' ? 5_000 + ((k * 7919) % 3_000) : 1_000 + ((k * 7919) % 2_000);
      const poolFen = 2 * selfPayFen;
      const input = {
        serialNo: nextSerial(mode, w === 'hotlong' ? 'l' : w[0]),
        patientIdNumber: p.idNumber,
        credentialType: 'T02',
        credentialNo: p.idNumber,
        category: 'OUTPATIENT',
        totalFen: poolFen + selfPayFen,
        poolFen,
        selfPayFen,
        placeRegion: REGION,
        treatedAt: treatedAt(),
        acctUsedFlag: true,
      };
      return { input, p };
    };

    const stats = { succeeded: 0, retries: { api: 0, floor: 0 }, failures: [], load: [] };
    const apiSettle = async ({ input }) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const r = await gql(SETTLE, { input }, token);
        const s = r.data?.settle;
        if (s?.__typename === 'Settlement') {
          stats.succeeded++;
          return true;
        }
        if (r.errors?.[0]?.extensions?.code === 'CONFLICT_RETRY') {
          stats.retries.api++;
          continue;
        }
        if (stats.failures.length < 5) stats.failures.push(`API: ${JSON.stringify(r.errors ?? s).slice(0, 300)}`);
        return false;
      }
      return false;
    };
    const floorSettle = async (job) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          await minimalFloor(pool, data.institutionId, job);
          stats.succeeded++;
          return true;
        } catch (e) {
          if (e?.code === 'ER_LOCK_DEADLOCK' || e?.code === 'ER_LOCK_WAIT_TIMEOUT') {
            stats.retries.floor++;
            continue;
          }
          if (stats.failures.length < 5) stats.failures.push(`floor: ${e?.message ?? e}`);
          return false;
        }
      }
      return false;
    };
    const settleBy = { api: apiSettle, floor: floorSettle };

    // ---- statement capture: what one settle really sends to the database (MariaDB general log) ----
    // Only the connection that served the settlement counts (found by its serial): the in-process
    // outbox worker polls on other connections meanwhile.
    // `idNumber`: statements outside the transaction that carry the patient's ID number count too — the
    // API's facts read runs on autocommit before the (group-commit) transaction.
    const captureOne = async (fn, serialNo, idNumber) => {
      await admin.query("SET GLOBAL log_output = 'TABLE'");
      await admin.query('TRUNCATE mysql.general_log');
      await admin.query('SET GLOBAL general_log = 1');
      try {
        if (!(await fn())) throw new Error(`captured settle failed: ${stats.failures.at(-1)}`);
      } finally {
        await admin.query('SET GLOBAL general_log = 0');
      }
      const [rows] = await admin.query(
        "SELECT thread_id, command_type, CONVERT(argument USING utf8mb4) AS sql_text FROM mysql.general_log WHERE command_type IN ('Query','Execute') ORDER BY event_time",
      );
      // That connection's transaction: from the START before the serial's INSERT to the COMMIT after it.
      const hit = rows.find((r) => r.sql_text.includes(serialNo));
      if (!hit) throw new Error(`serial ${serialNo} not in the general log`);
      const mine = rows.filter((r) => r.thread_id === hit.thread_id).map((r) => r.sql_text);
      const at = mine.indexOf(hit.sql_text);
      let from = at;
      while (from > 0 && !/^\s*(START TRANSACTION|BEGIN)/i.test(mine[from])) from--;
      let to = at;
      while (to < mine.length - 1 && !/^\s*COMMIT/i.test(mine[to])) to++;
      const tx = mine.slice(from, to + 1);
      const before = idNumber ? rows.filter((r) => r.sql_text.includes(idNumber) && !tx.includes(r.sql_text)).map((r) => r.sql_text) : [];
      // Statements, one per entry of the list; `trips`: the round trips that carried them.
      const trips = [...before, ...tx];
      return Object.assign(trips.flatMap(splitStatements), { trips: trips.length });
    };
    const captured = {};
    for (const w of WORKLOADS) {
      await apiSettle(inputFor('api', w)); // untraced first: warm caches
      const a = inputFor('api', w);
      const f = inputFor('floor', w);
      captured[w] = { api: await captureOne(() => apiSettle(a), a.input.serialNo, a.input.patientIdNumber), floor: await captureOne(() => floorSettle(f), f.input.serialNo) };
      log(`${w}: one settle = ${captured[w].api.length} statements in ${captured[w].api.trips} round trips via the API, ${captured[w].floor.length} in ${captured[w].floor.trips} via the floor`);
    }

    // ---- the runs ---------------------------------------------------------------------------------
    // CPU per settlement of each process (noise-resistant, unlike rates on a shared machine)
    const pids = { server: server.pid, worker: worker.pid, bench: 'self', mariadb: mariadbPid(new URL(mariadbUrl).port) };
    const results = { uniform: [], hot: [], hotlong: [] };
    // The fresh and the long-history hot giver are compared with each other (the history target), so
    // they run interleaved: each level in one palindromic order (hot API, hot floor, long API, long
    // floor, then back), so load that comes and goes on the machine falls on every side alike.
    const groups = [['uniform'], ['hot', 'hotlong']].map((g) => g.filter((w) => WORKLOADS.includes(w))).filter((g) => g.length);
    for (const group of groups) {
      for (const w of group)
        for (const mode of ['api', 'floor']) {
          for (const step of WARMUP_STEPS) {
            const warm = await drive(step.clients, step.count, () => settleBy[mode](inputFor(mode, w)));
            if (warm.failed) throw new Error(`${w} ${mode} warm-up: ${warm.failed} failed: ${stats.failures.join('; ')}`);
          }
        }
      for (const level of LEVELS) {
        // Two halves per side, A-B-B-A (API, floor, floor, API). Two workloads, which the history target
        // compares with each other, get four halves each in two palindromes, the second with the workloads
        // swapped (A-B-C-D-D-C-B-A, then C-D-A-B-B-A-D-C): a slowdown of the machine in the middle of a
        // palindrome (MariaDB flushing, another job) then falls on both workloads alike, not on the inner one.
        const order = (ws) => {
          const sides = ws.flatMap((w) => ['api', 'floor'].map((mode) => ({ w, mode })));
          return [...sides, ...[...sides].reverse()];
        };
        const sequence = group.length > 1 ? [...order(group), ...order([...group].reverse())] : order(group);
        const runs = Object.fromEntries(group.map((w) => [w, { api: [], floor: [] }]));
        for (const { w, mode } of sequence) {
          const b0 = mode === 'api' ? await batchTotals() : null;
          const run = await drive(level.clients, Math.ceil(level.count / 2), () => settleBy[mode](inputFor(mode, w)), pids, LEVEL_TIME_CAP_MS / 2);
          if (b0) {
            const b1 = await batchTotals();
            Object.assign(run, { batches: b1.count - b0.count, batched: b1.sum - b0.sum });
          }
          runs[w][mode].push(run);
          stats.load.push(os.loadavg()[0]);
        }
        for (const w of group) {
          const row = { clients: level.clients };
          for (const mode of ['api', 'floor']) {
            const r = summarize(...runs[w][mode]);
            row[mode] = r;
            log(
              `${w.padEnd(7)} ${mode.padEnd(5)} ${String(level.clients).padStart(2)} clients: ${r.ok} ok${r.failed ? `, ${r.failed} FAILED` : ''} in ${r.seconds.toFixed(1)} s = ${r.rate.toFixed(0)}/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; CPU ms/settle: server ${f1(r.cpu.server)}, worker ${f1(r.cpu.worker)}, bench ${f1(r.cpu.bench)}, mariadb ${f1(r.cpu.mariadb)}${mode === 'api' ? `; mean group-commit batch ${f1(r.meanBatch)}` : ''}`,
            );
          }
          results[w].push(row);
        }
      }
    }

    // ---- integrity, from the database -------------------------------------------------------------
    const integrity = await checkIntegrity(pool, stats.succeeded + data.history);
    log(`integrity: ${integrity.ok ? 'OK' : 'FAILED'} — ${integrity.lines.join('; ')}`);
    if (WORKLOADS.length < 3) {
      for (const w of WORKLOADS) for (const c of [16, 64]) log(`${w} ${c} clients: API/floor ${ratio(results[w], c).toFixed(2)}`);
      throw new Error(`partial run (GONGJI_BENCH_WORKLOADS=${WORKLOADS.join(',')}, integrity ${integrity.ok ? 'OK' : 'FAILED'}): report not written`);
    }
    const markdown = renderMarkdown({ results, captured, integrity, stats, data });
    log(ratioLine(results));
    const summary = renderSummary(results, integrity);
    return { name: 'settlement', markdown, summary };
  } catch (e) {
    log(`failed; the server's last output${serverExited ? ' (it exited)' : ''}:\n${serverLog.slice(-4000)}`);
    throw e;
  } finally {
    for (const fn of cleanups.splice(0).reverse()) {
      const i = registry.indexOf(fn);
      if (i >= 0) registry.splice(i, 1);
      await fn();
    }
    process.off('exit', onExit);
    await admin.end().catch(() => undefined);
  }
}

async function loadDataset({ pool, shared, policyHistory, hashSecret, pairs, log }) {
  const t0 = Date.now();
  const { PROVINCES, POOLING_REGIONS, makeIdNumber } = shared;
  const now = new Date();
  const bulk = async (table, cols, rows, ignore = false) => {
    for (let i = 0; i < rows.length; i += 2000) {
      const chunk = rows.slice(i, i + 2000);
      await pool.query(`INSERT ${ignore ? 'IGNORE ' : ''}INTO ${table} (${cols.join(',')}) VALUES ?`, [chunk]);
    }
  };
  // Reference data: the server loads it at start (GONGJI_SEED=none still gets regions and policies);
  // INSERT IGNORE keeps whatever it loaded and fills in anything missing.
  await bulk('province', ['code', 'name', 'short_name', 'name_en'], PROVINCES.map((p) => [p.code, p.name, p.shortName, p.nameEn]), true);
  await bulk('pooling_region', ['code', 'name', 'province_code'], POOLING_REGIONS.map((r) => [r.code, r.name, r.provinceCode]), true);
  const policyRows = [];
  for (const p of PROVINCES)
    policyHistory(p.code).forEach((step, i) => policyRows.push([p.code, i + 1, step.effectiveFrom, JSON.stringify(step.rules), step.note, null, 'bench']));
  await bulk('policy_version', ['province_code', 'version', 'effective_from', 'rules', 'note', 'created_by_id', 'created_by_name'], policyRows, true);
  const [[policy]] = await pool.query('SELECT id, rules FROM policy_version WHERE province_code = ? ORDER BY effective_from DESC, version DESC LIMIT 1', [PROVINCE]);
  const activationMode = JSON.parse(policy.rules).activationMode;

  await bulk('institution', ['code', 'name', 'kind', 'region_code', 'province_code', 'secret_hash', 'active'], [
    [INSTITUTION.code, INSTITUTION.name, 'HOSPITAL', REGION, PROVINCE, await hashSecret(INSTITUTION.secret), 1],
  ]);
  const [[inst]] = await pool.query('SELECT id FROM institution WHERE code = ?', [INSTITUTION.code]);

  // members: uniform patients 1..pairs, their givers pairs+1..2*pairs, hot beneficiaries, then the hot giver
  const members = [];
  const accounts = [];
  const entries = [];
  let seq = 0;
  const addMember = (id, balance, birthYear, openingFen = balance) => {
    const day = new Date(Date.UTC(birthYear, 0, 1) + Math.floor(seq / 1000) * 86_400_000).toISOString().slice(0, 10);
    const idNumber = makeIdNumber(REGION, day, seq % 1000);
    seq++;
    members.push([id, idNumber, `基准${id}`, Number(idNumber[16]) % 2 ? 'MALE' : 'FEMALE', day, 'EMPLOYEE', 'ACTIVE', REGION, PROVINCE, 0, 0, 1]);
    accounts.push([id, id, balance, 0]);
    if (openingFen > 0) entries.push([id, 'CREDIT', openingFen, openingFen, 'OPENING_BALANCE', '期初余额']);
    return { id, idNumber };
  };
  // Accounts have the member's id, so the floor knows which accounts pay without reading anything.
  const uniform = [];
  for (let i = 1; i <= pairs; i++) uniform.push({ ...addMember(i, OWN_BALANCE, 1950), ownFen: OWN_BALANCE, giverId: pairs + i });
  for (let i = 1; i <= pairs; i++) addMember(pairs + i, GIVER_BALANCE, 1975);
  const hotBeneficiaries = [];
  for (let i = 1; i <= HOT_BENEFICIARIES; i++) hotBeneficiaries.push({ ...addMember(2 * pairs + i, 0, 1945), ownFen: 0, giverId: 2 * pairs + HOT_BENEFICIARIES + 1 });
  const hotGiver = addMember(2 * pairs + HOT_BENEFICIARIES + 1, HOT_BALANCE, 1980);
  // The long-history hot giver: its own 64 beneficiaries, and HISTORY earlier payments (added below).
  const longBase = 2 * pairs + HOT_BENEFICIARIES + 1;
  const longGiverId = longBase + HOT_BENEFICIARIES + 1;
  const longBeneficiaries = [];
  for (let i = 1; i <= HOT_BENEFICIARIES; i++) longBeneficiaries.push({ ...addMember(longBase + i, 0, 1946), ownFen: 0, giverId: longGiverId });
  const longGiver = addMember(longGiverId, HOT_BALANCE, 1981, HOT_BALANCE + HISTORY * HISTORY_FEN);
  await bulk(
    'member',
    ['id', 'id_number', 'name', 'sex', 'birth_date', 'scheme', 'status', 'insured_region', 'province_code', 'retired', 'offsite_account_permission', 'version'],
    members,
  );
  await bulk('personal_account', ['id', 'member_id', 'balance_fen', 'reserved_fen'], accounts);
  await bulk('ledger_entry', ['account_id', 'direction', 'amount_fen', 'balance_after_fen', 'cause', 'memo'], entries);

  const bindings = [];
  const binding = (giverId, beneficiaryId, relationship) =>
    bindings.push([
      'MUTUAL_AID', giverId, beneficiaryId, relationship, 'GIVER', 'ACTIVE', now, 0, now, activationMode, 1, null, 1, 0,
      REGION, REGION, PROVINCE, PROVINCE, policy.id, `MUTUAL_AID:${giverId}:${beneficiaryId}`, now, 1,
    ]);
  for (let i = 1; i <= pairs; i++) binding(pairs + i, i, 'PARENT');
  for (const b of hotBeneficiaries) binding(hotGiver.id, b.id, 'PARENT');
  for (const b of longBeneficiaries) binding(longGiver.id, b.id, 'PARENT');
  await bulk(
    'binding',
    [
      'kind', 'giver_id', 'beneficiary_id', 'relationship', 'initiated_by', 'state', 'commitment_accepted_at', 'confirmation_required', 'confirmed_at',
      'activation_mode', 'approved', 'single_limit_fen', 'priority', 'reserved_fen', 'giver_region', 'beneficiary_region', 'giver_province',
      'beneficiary_province', 'policy_version_id', 'live_key', 'activated_at', 'version',
    ],
    bindings,
  );

  // The long-history giver's earlier payments, set-based (MariaDB's sequence engine): one settlement,
  // one payment and one ledger debit each, spread evenly over the last two years (HISTORY_SPAN_DAYS), its
  // balance consistent with its ledger (opening credit, then the debits in order). Spread over days
  // rather than weeks so that the run compares the giver's history and not the patients' same-day
  // density: in 23 days, 100,000 payments put 68 visits a day on each of the 64 beneficiaries, and the
  // outbox worker's F3 check (every settlement of the patient's Beijing day) read them all.
  const t1 = Date.now();
  const historyStepS = Math.max(1, Math.floor((HISTORY_SPAN_DAYS * 86_400) / Math.max(1, HISTORY)));
  if (HISTORY > 0) {
    const firstBen = longBeneficiaries[0].id;
    await pool.query(
      `INSERT INTO settlement (institution_id, serial_no, request_hash, patient_id, credential_type, credential_no_masked, category, total_fen, pool_fen,
         self_pay_fen, acct_pay_fen, mulaid_pay_fen, cash_fen, reversed_fen, cash_reversed_fen, place_region, place_province, patient_region, patient_province,
         treated_at, acct_used_flag, offsite, status, policy_versions, drug_codes, created_at)
       SELECT ?, CONCAT('HIST', seq), REPEAT('0', 64), ? + (seq % ?), '02', 'history', 'OUTPATIENT', ?, 0, ?, 0, ?, 0, 0, 0, ?, ?, ?, ?,
         DATE_SUB(UTC_TIMESTAMP(6), INTERVAL seq * ? SECOND), 1, 0, 'SETTLED', '[]', '[]', DATE_SUB(UTC_TIMESTAMP(6), INTERVAL seq * ? SECOND)
         FROM seq_1_to_${HISTORY} ORDER BY seq`,
      [inst.id, firstBen, HOT_BENEFICIARIES, HISTORY_FEN, HISTORY_FEN, HISTORY_FEN, REGION, PROVINCE, REGION, PROVINCE, historyStepS, historyStepS],
    );
    await pool.query(
      `INSERT INTO settlement_payment (settlement_id, seq, payer_member_id, account_id, binding_id, amount_fen, from_reserve_fen, reversed_fen)
       SELECT s.id, 1, ?, ?, b.id, ?, 0, 0 FROM settlement s JOIN binding b ON b.beneficiary_id = s.patient_id AND b.giver_id = ?
        WHERE s.serial_no LIKE 'HIST%' ORDER BY s.id`,
      [longGiverId, longGiverId, HISTORY_FEN, longGiverId],
    );
    await pool.query(
      `INSERT INTO ledger_entry (account_id, direction, amount_fen, balance_after_fen, cause, settlement_id, binding_id, memo)
       SELECT ?, 'DEBIT', ?, ? - ? * CAST(SUBSTRING(s.serial_no, 5) AS UNSIGNED), 'SETTLEMENT', s.id, p.binding_id, '家庭共济支付'
         FROM settlement s JOIN settlement_payment p ON p.settlement_id = s.id
        WHERE s.serial_no LIKE 'HIST%' ORDER BY CAST(SUBSTRING(s.serial_no, 5) AS UNSIGNED)`,
      [longGiverId, HISTORY_FEN, HOT_BALANCE + HISTORY * HISTORY_FEN, HISTORY_FEN],
    );
  }
  log(
    `dataset: ${members.length} members/accounts, ${entries.length} ledger entries, ${bindings.length} bindings (hot givers: ${HOT_BENEFICIARIES} beneficiaries each) in ${((t1 - t0) / 1000).toFixed(1)} s; ` +
      `${HISTORY} earlier payments of the long-history giver in ${((Date.now() - t1) / 1000).toFixed(1)} s`,
  );
  return {
    uniform,
    hot: { giver: hotGiver, beneficiaries: hotBeneficiaries },
    hotlong: { giver: longGiver, beneficiaries: longBeneficiaries },
    history: HISTORY,
    policyId: policy.id,
    institutionId: inst.id,
    members: members.length,
    bindings: bindings.length,
  };
}

function shuffle(list, seed) {
  const out = [...list];
  let x = seed >>> 0;
  const rnd = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// ---- the minimal floor ---------------------------------------------------------------------------
// The least SQL one settlement needs, issued directly through mysql2 on a pooled connection (READ
// COMMITTED set once per connection): START; INSERT the settlement with its final amounts (the unique
// institution+serial key is the idempotency barrier); per paying account one atomic conditional debit
// UPDATE and one ledger INSERT that takes balance-after from the row it just updated; COMMIT.
// It knows who pays what from the dataset (no reads, no policy, no payment rows, no outbox event), so
// it is a floor, not a settlement engine: the server must read, decide and record more.

const maskId = (no) => `${no.slice(0, 6)}********${no.slice(-4)}`;

/** The canonical request hash (S8): the server's own function, loaded from server/dist by the suite. */
let requestHash = null;
const readCommitted = new WeakSet();

async function minimalFloor(pool, institutionId, { input, p }) {
  const conn = await pool.getConnection();
  try {
    if (!readCommitted.has(conn.connection)) {
      await conn.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
      readCommitted.add(conn.connection);
    }
    await conn.query('START TRANSACTION');
    try {
      const own = Math.min(p.ownFen, input.selfPayFen);
      const giver = input.selfPayFen - own;
      const [ins] = await conn.query(
        `INSERT INTO settlement (institution_id, serial_no, request_hash, patient_id, credential_type, credential_no_masked, category, total_fen, pool_fen,
           self_pay_fen, acct_pay_fen, mulaid_pay_fen, cash_fen, reversed_fen, cash_reversed_fen, place_region, place_province, patient_region, patient_province,
           treated_at, acct_used_flag, offsite, status, policy_versions, drug_codes, created_at)
         VALUES (?, ?, ?, ?, '02', ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?, 1, 0, 'SETTLED', '[]', '[]', UTC_TIMESTAMP(6))`,
        [
          institutionId, input.serialNo, requestHash(input), p.id, maskId(p.idNumber), input.category, input.totalFen, input.poolFen, input.selfPayFen, own, giver,
          input.placeRegion, input.placeRegion.slice(0, 2), input.placeRegion, input.placeRegion.slice(0, 2), new Date(input.treatedAt),
        ],
      );
      const settlementId = ins.insertId;
      const debits = [
        [p.id, own],
        [p.giverId, giver],
      ].filter(([, fen]) => fen > 0);
      for (const [account, fen] of debits) {
        const [u] = await conn.query('UPDATE personal_account SET balance_fen = balance_fen - ? WHERE id = ? AND balance_fen - reserved_fen >= ?', [fen, account, fen]);
        if (u.affectedRows !== 1) throw new Error(`floor debit of ${fen} on account ${account} refused`);
      }
      for (const [account, fen] of debits)
        await conn.query(
          `INSERT INTO ledger_entry (account_id, direction, amount_fen, balance_after_fen, cause, settlement_id, binding_id, batch_id, memo)
           SELECT id, 'DEBIT', ?, balance_fen, 'SETTLEMENT', ?, NULL, NULL, NULL FROM personal_account WHERE id = ?`,
          [fen, settlementId, account],
        );
      await conn.query('COMMIT');
    } catch (e) {
      await conn.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  } finally {
    conn.release();
  }
}

async function checkIntegrity(pool, succeeded) {
  const one = async (sql) => Number((await pool.query(sql))[0][0].n);
  const negative = await one('SELECT COUNT(*) AS n FROM personal_account WHERE balance_fen < 0 OR reserved_fen < 0 OR reserved_fen > balance_fen');
  const mismatched = await one(`SELECT COUNT(*) AS n FROM personal_account a
      LEFT JOIN (SELECT account_id, SUM(CASE direction WHEN 'CREDIT' THEN amount_fen ELSE -amount_fen END) AS s FROM ledger_entry GROUP BY account_id) l
        ON l.account_id = a.id
      WHERE a.balance_fen <> COALESCE(l.s, 0)`);
  const lastAfter = await one(`SELECT COUNT(*) AS n FROM personal_account a
      JOIN ledger_entry e ON e.id = (SELECT MAX(id) FROM ledger_entry x WHERE x.account_id = a.id)
      WHERE e.balance_after_fen <> a.balance_fen`);
  const accounts = await one('SELECT COUNT(*) AS n FROM personal_account');
  const settlements = await one('SELECT COUNT(*) AS n FROM settlement');
  const badSplit = await one('SELECT COUNT(*) AS n FROM settlement WHERE acct_pay_fen + mulaid_pay_fen + cash_fen <> self_pay_fen');
  // The minimal floor (serials M…) writes no payment rows; every other settlement must have them.
  const badPayments = await one(`SELECT COUNT(*) AS n FROM settlement s
      LEFT JOIN (SELECT settlement_id, SUM(amount_fen) AS p FROM settlement_payment GROUP BY settlement_id) p ON p.settlement_id = s.id
      WHERE s.serial_no NOT LIKE 'M%' AND s.acct_pay_fen + s.mulaid_pay_fen <> COALESCE(p.p, 0)`);
  const badLedger = await one(`SELECT COUNT(*) AS n FROM settlement s
      LEFT JOIN (SELECT settlement_id, SUM(amount_fen) AS d FROM ledger_entry WHERE cause = 'SETTLEMENT' GROUP BY settlement_id) l ON l.settlement_id = s.id
      WHERE s.acct_pay_fen + s.mulaid_pay_fen <> COALESCE(l.d, 0)`);
  const checks = [
    [`accounts with a negative balance or reservation: ${negative}`, negative === 0],
    [`accounts whose balance ≠ sum of their ledger entries (S11): ${mismatched} of ${accounts}`, mismatched === 0],
    [`accounts whose latest ledger entry's balance_after ≠ balance: ${lastAfter}`, lastAfter === 0],
    [`settlements in the database: ${settlements}; settle requests that succeeded + earlier history: ${succeeded}`, settlements === succeeded],
    [`settlements whose own + mutual aid + cash ≠ self-pay: ${badSplit}`, badSplit === 0],
    [`settlements (API and history) whose payments ≠ own + mutual aid: ${badPayments}`, badPayments === 0],
    [`settlements whose SETTLEMENT ledger debits ≠ own + mutual aid: ${badLedger}`, badLedger === 0],
  ];
  const [signals] = await pool.query('SELECT rule, COUNT(*) AS n FROM fraud_signal GROUP BY rule ORDER BY rule').catch(() => [[]]);
  const lines = checks.map(([t, ok]) => `${ok ? 'ok' : 'FAILED'}: ${t}`);
  lines.push(`(info) fraud signals recorded: ${signals.length ? signals.map((r) => `${r.rule} ${r.n}`).join(', ') : 'none'}`);
  return { ok: checks.every(([, ok]) => ok), lines };
}

const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');

function table(rows) {
  const out = [
    '| clients | API settlements/s | API p50 ms | API p99 ms | API settlements per group commit | minimal floor settlements/s | floor p50 ms | floor p99 ms | API/floor | API p99 / floor p99 |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows)
    out.push(
      `| ${r.clients} | ${f0(r.api.rate)} | ${f1(r.api.p50)} | ${f1(r.api.p99)} | ${f1(r.api.meanBatch)} | ${f0(r.floor.rate)} | ${f1(r.floor.p50)} | ${f1(r.floor.p99)} | ${(r.api.rate / r.floor.rate).toFixed(2)} | ${(r.api.p99 / r.floor.p99).toFixed(2)} |`,
    );
  return out.join('\n');
}

function cpuTable(results) {
  const out = [
    '| workload | clients | API: server | API: MariaDB | API: outbox worker | API: load generator | floor: mysql2 client | floor: MariaDB | CPU-bound API/floor |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const [w, rows] of Object.entries(results))
    for (const r of rows)
      out.push(
        `| ${LABEL[w]} | ${r.clients} | ${f1(r.api.cpu.server)} | ${f1(r.api.cpu.mariadb)} | ${f1(r.api.cpu.worker)} | ${f1(r.api.cpu.bench)} | ${f1(r.floor.cpu.bench)} | ${f1(r.floor.cpu.mariadb)} | ${((r.floor.cpu.bench + r.floor.cpu.mariadb) / (r.api.cpu.server + r.api.cpu.mariadb)).toFixed(2)} |`,
      );
  return out.join('\n');
}

const at = (rows, clients) => rows.find((r) => r.clients === clients);
const ratio = (rows, clients) => {
  const r = at(rows, clients);
  return r ? r.api.rate / r.floor.rate : NaN;
};

/** The headline: API throughput over the minimal floor's, uniform accounts, 16 clients. */
function ratioLine(results) {
  return `API/minimal-floor ratio: uniform 16 clients ${ratio(results.uniform, 16).toFixed(2)}`;
}

/** The issue's targets, each with the measured value. */
function targets(results, captured) {
  const hist = (c) => {
    const fresh = at(results.hot, c);
    const long = at(results.hotlong, c);
    return fresh && long ? long.api.rate / fresh.api.rate : NaN;
  };
  const p99 = (c) => {
    const r = at(results.uniform, c);
    return r ? r.api.p99 / r.floor.p99 : NaN;
  };
  const rows = [
    ['API/minimal floor ≥ 0.5, uniform, 16 clients', ratio(results.uniform, 16), (x) => x >= 0.5],
    ['API/minimal floor ≥ 0.5, uniform, 64 clients', ratio(results.uniform, 64), (x) => x >= 0.5],
    ['hot giver: API ≥ 0.5 × the floor’s hot-row rate, 16 clients', ratio(results.hot, 16), (x) => x >= 0.5],
    ['hot giver: API ≥ 0.5 × the floor’s hot-row rate, 64 clients', ratio(results.hot, 64), (x) => x >= 0.5],
    ['long-history hot giver within 10 % of a fresh one (API, 16 clients)', hist(16), (x) => x >= 0.9],
    ['long-history hot giver within 10 % of a fresh one (API, 64 clients)', hist(64), (x) => x >= 0.9],
    ['API p99 ≤ 2 × floor p99, uniform, 16 clients', p99(16), (x) => x <= 2],
    ['API p99 ≤ 2 × floor p99, uniform, 64 clients', p99(64), (x) => x <= 2],
    ['≤ 10 statements per settlement (uniform, from the general log)', captured.uniform.api.length, (x) => x <= 10],
  ];
  return rows.map(([what, v, ok]) => ({ what, value: v, ok: Number.isFinite(v) && ok(v) }));
}

/** A statement, shortened for the table: TypeORM's column lists folded to "…". */
function shorten(sql) {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/SELECT (`\w+`\.`\w+` AS `\w+`(, )?)+ FROM/, 'SELECT … FROM')
    .replace(/INSERT INTO (`?\w+`?) ?\(([^)]*)\)/, 'INSERT INTO $1 (…)')
    .replace(/VALUES \(.*\) RETURNING/, 'VALUES (…) RETURNING')
    .replace(/`/g, '')
    .slice(0, 160);
}

function statementTable(api, floor) {
  const out = ['| # | server, captured | minimal floor, captured |', '|--:|---|---|'];
  const n = Math.max(api.length, floor.length);
  const cell = (x) => (x ? `\`${shorten(x).replace(/\|/g, '\\|')}\`` : '');
  for (let i = 0; i < n; i++) out.push(`| ${i + 1} | ${cell(api[i])} | ${cell(floor[i])} |`);
  return out.join('\n');
}

function renderMarkdown({ results, captured, integrity, stats, data }) {
  const levels = LEVELS.map((l) => `${l.clients} (${l.count} requests, at most ${LEVEL_TIME_CAP_MS / 1000} s)`).join(', ');
  const t = targets(results, captured);
  return [
    '## Settlement (`settle`)',
    '',
    `The real server (\`node server/dist/main.js\`, NODE_ENV=production, MariaDB pool of ${process.env.GONGJI_DB_POOL ?? 20} connections; the outbox worker`,
    'runs beside it as its own process, `pnpm worker`, polling every 200 ms — fraud detection F3–F8 happens there, after commit —',
    'and its MariaDB queries count in the API\'s MariaDB CPU) driven over HTTP with `settle` mutations, against',
    '**the minimal floor**: the least SQL one settlement needs, through mysql2 from the bench process on a pool of the same size —',
    'START; INSERT the settlement with its final amounts (unique institution + serial); per paying account one atomic conditional',
    'debit UPDATE and one ledger INSERT (balance-after taken from the row just updated); COMMIT: 7 statements when the own account',
    'and one giver pay. The floor knows from the dataset who pays what, so it reads nothing and writes no payment rows or events.',
    `Each level runs API and floor in two halves each, in A-B-B-A order (API, floor, floor, API), on fresh serials — the hot giver and the long-history hot giver, which the history target compares, interleaved in two palindromes (hot API, hot floor, long API, long floor, then back; then the same starting with the long-history giver), so four halves per side with twice the requests — clients ${levels},`,
    `after a warm-up of ${WARMUP.toLocaleString('en-US')} settlements per side and workload (${WARMUP_STEPS.map((x) => `${x.count.toLocaleString('en-US')} at ${x.clients} client${x.clients === 1 ? '' : 's'}`).join(', ')}): a node runs for days, so its JIT is measured warm — after only 1,000 at 16 clients it was still compiling (V8's code log: 25–60 TurboFan compilations a second during the 16-client level, its compiler threads about a third of the server's CPU), after 10,000 it makes 2–20 a second. Latency is per request as the client sees it (HTTP round trip`,
    `for the API). Lock conflicts are retried with the same serial (API retries: ${stats.retries.api}, floor retries: ${stats.retries.floor}).`,
    '',
    process.env.GONGJI_GROUP_COMMIT === '0'
      ? 'Group commit was off (`GONGJI_GROUP_COMMIT=0`): one transaction per settlement.'
      : `The server runs with group commit (docs/architecture.md): concurrent settlements share one transaction (at most ${process.env.GONGJI_GROUP_COMMIT_MAX ?? 64}, ${process.env.GONGJI_GROUP_COMMIT_IN_FLIGHT ?? 1} batch${(process.env.GONGJI_GROUP_COMMIT_IN_FLIGHT ?? '1') === '1' ? '' : 'es'} at a time) and one facts read; the floor stays one transaction per settlement.`,
    '',
    `${ratioLine(results)}`,
    '',
    `Load average (1 min) sampled after each half-level: ${Math.min(...stats.load).toFixed(1)}–${Math.max(...stats.load).toFixed(1)} on ${os.cpus().length} cores${
      Math.max(...stats.load) > os.cpus().length + 1
        ? ' — more runnable threads than cores (the bench’s own server, worker, MariaDB and load generator, and any other job on the machine), so the rates and latencies below are noisy; the CPU-per-settlement table is the steadier measure'
        : ''
    }.`,
    '',
    `Dataset (bulk SQL inserts): ${data.members} EMPLOYEE members in pooling region ${REGION}, each with an account whose opening balance`,
    `is one OPENING_BALANCE ledger entry; ${data.bindings} ACTIVE MUTUAL_AID bindings. Every uniform request uses a fresh patient (own balance`,
    `${OWN_BALANCE} fen, self-pay 5,000–7,999 fen: the own account pays ${OWN_BALANCE}, the patient's one giver the rest). Hot giver:`,
    `${HOT_BENEFICIARIES} beneficiaries (own balance 0) drawing on one giver's account, so every settlement locks and debits the same row.`,
    `Long-history hot giver: the same with another giver that already has ${data.history.toLocaleString('en')} earlier payments (settlements,`,
    `payment rows and ledger debits inserted set-based, treated evenly over the last ${HISTORY_SPAN_DAYS / 365} years), to show that the request path does not grow with a giver's history.`,
    'The warm-up adds its settlements to both hot givers alike.',
    '',
    '### Targets (issue 8)',
    '',
    '| target | measured | met |',
    '|---|--:|:-:|',
    ...t.map((x) => `| ${x.what} | ${Number.isInteger(x.value) ? x.value : x.value.toFixed(2)} | ${x.ok ? 'yes' : '**no**'} |`),
    '',
    '### Uniform accounts',
    '',
    table(results.uniform),
    '',
    `### Hot giver (${HOT_BENEFICIARIES} beneficiaries → one account)`,
    '',
    table(results.hot),
    '',
    `### Long-history hot giver (${data.history.toLocaleString('en')} earlier payments)`,
    '',
    table(results.hotlong),
    '',
    '### Statements per settlement',
    '',
    'Counted from the MariaDB general log for one settlement of each workload sent alone (a batch of one), in this run (START and',
    'COMMIT included; for the API also its facts read, which runs on autocommit before the transaction). The API writes through the',
    'group commit, which sends its statements as two scripts (several statements in one round trip, server/src/db/script.ts), so a',
    'batch of n settlements costs n facts reads plus 2 round trips carrying n + 6 statements (one INSERT per settlement, one debit,',
    'three multi-row INSERTs, START and COMMIT). The floor sends each statement in a round trip of its own.',
    '',
    ...WORKLOADS.map((w) => `- ${LABEL[w]}: server ${captured[w].api.length} statements in ${captured[w].api.trips} round trips, minimal floor ${captured[w].floor.length} in ${captured[w].floor.trips}`),
    '',
    '### CPU per settlement (ms)',
    '',
    'CPU time each process used during a level divided by the settlements it completed (from /proc). Less sensitive to other load',
    'on the machine than the rates above. "API: server" is the whole server process (HTTP, GraphQL, TypeORM and its mysql2 client);',
    'its counterpart is the floor\'s mysql2 client (the bench process during floor runs). "API: MariaDB" includes the outbox worker\'s',
    'fraud-detection queries, which run meanwhile. The HTTP load generator is part of neither. When everything is CPU-bound on the',
    'same cores, throughput ∝ 1 ÷ (app CPU + MariaDB CPU) per settlement, so the last column, (floor client + MariaDB) ÷',
    '(server + MariaDB), estimates API/floor on the request path on a machine with nothing else running (the worker excluded).',
    '',
    cpuTable(results),
    '',
    '### Integrity after the run',
    '',
    ...integrity.lines.map((l) => `- ${l}`),
    '',
    '<details><summary>Uniform settlement: statement by statement</summary>',
    '',
    statementTable(captured.uniform.api, captured.uniform.floor),
    '',
    '</details>',
    '',
    '<details><summary>Hot-giver settlement: statement by statement</summary>',
    '',
    statementTable(captured.hot.api, captured.hot.floor),
    '',
    '</details>',
    '',
    'Caveats: server, MariaDB and the load generator share one 2-core machine (and, while this ran, other jobs): numbers are noisy',
    'and the absolute values say little; the API/floor ratios are the point. The HTTP load generator runs in the bench process and',
    'competes for the same cores only during API runs.',
  ].join('\n');
}

function renderSummary(results, integrity) {
  return [
    ratioLine(results),
    'uniform accounts:',
    table(results.uniform),
    'hot giver:',
    table(results.hot),
    'long-history hot giver:',
    table(results.hotlong),
    `integrity: ${integrity.ok ? 'ok' : 'FAILED'}`,
    ...integrity.lines.map((l) => `  ${l}`),
  ].join('\n');
}
