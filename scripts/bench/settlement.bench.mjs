// Settlement throughput: the real server (GraphQL over HTTP) against a floor of the same SQL
// statements issued directly through mysql2, at 1, 16 and 64 concurrent clients, on two
// workloads: "uniform" (many patients, each paying from their own account and one giver) and
// "hot giver" (64 beneficiaries all drawing on one giver's account).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../mariadb.mjs';

// GONGJI_BENCH_SCALE=0.3 shortens every level (for trying changes; the numbers get noisier).
const SCALE = Number(process.env.GONGJI_BENCH_SCALE ?? 1);
const LEVELS = [
  { clients: 1, count: Math.round(400 * SCALE) },
  { clients: 16, count: Math.round(1500 * SCALE) },
  { clients: 64, count: Math.round(1500 * SCALE) },
];
const WARMUP = 200;
const LEVEL_TIME_CAP_MS = 20_000;
const REGION = '110000'; // Beijing: one pooling region, no per-giver / per-beneficiary binding caps
const PROVINCE = '11';
const INSTITUTION = { code: 'H11000009901', name: '基准测试医院 (bench hospital)', secret: 'bench-secret' };
const OWN_BALANCE = 3_000; // uniform patients: drained by their one settlement, the giver pays the rest
const GIVER_BALANCE = 100_000_000;
const HOT_BALANCE = 100_000_000_000;
const HOT_BENEFICIARIES = 64;

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
  return {
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

function gqlClient(baseUrl) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const url = new URL('/graphql', baseUrl);
  return (query, variables, token) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (e) {
              reject(new Error(`bad response ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

export default async function settlementBench({ mariadbUrl, root, log }) {
  const require = createRequire(path.join(root, 'server', 'package.json'));
  const mysql = require('mysql2/promise');
  const shared = require('@gongji/shared');
  const { policyHistory } = require(path.join(root, 'server', 'dist', 'seed', 'reference.js'));
  const { hashSecret } = require(path.join(root, 'server', 'dist', 'core', 'passwords.js'));
  ({ requestHash } = require(path.join(root, 'server', 'dist', 'modules', 'settlement', 'request-hash.js')));
  // The settle path ends with the fraud module's inline detection (fraud-inline.ts); its SQL is plain SQL
  // text (fraud-detect.ts), which the floor runs through the same mysql2 connection via a tiny shim.
  const fraud = require(path.join(root, 'server', 'dist', 'modules', 'fraud', 'fraud-detect.js'));

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
  const server = spawn(process.execPath, [...serverArgs, path.join(root, 'server', 'dist', 'main.js')], {
    cwd: path.join(root, 'server'),
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      GONGJI_SEED: 'none',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      GONGJI_DATA_DIR: dataDir,
      GONGJI_SECRET: randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
    const login = await gql(`mutation($i: InstitutionLoginInput!) { institutionLogin(input: $i) { token } }`, {
      i: { code: INSTITUTION.code, secret: INSTITUTION.secret },
    });
    const token = login.data?.institutionLogin?.token;
    if (!token) throw new Error(`institutionLogin failed: ${JSON.stringify(login.errors ?? login)}`);

    let serial = 0;
    const runId = Date.now().toString(36);
    const nextSerial = (tag) => `B${runId}${tag}${(serial++).toString(36)}`;
    const treatedAt = () => new Date(Date.now() - 60_000).toISOString();
    // Uniform: each request takes a fresh patient (own account 30.00 yuan, drained by it; the giver pays the rest),
    // in a shuffled order so consecutive requests touch unrelated accounts. API and floor use disjoint halves.
    const shuffled = shuffle(data.uniform, 20251125);
    const pools = { api: shuffled.slice(0, shuffled.length / 2), floor: shuffled.slice(shuffled.length / 2) };
    const cursor = { api: 0, floor: 0 };
    const pickPatient = (mode, w) => {
      if (w === 'hot') return data.hot.beneficiaries[cursor[`hot${mode}`] = ((cursor[`hot${mode}`] ?? -1) + 1) % HOT_BENEFICIARIES];
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
      return {
        serialNo: nextSerial(w[0]),
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
    };

    const stats = { succeeded: 0, retries: { api: 0, floor: 0 }, failures: [] };
    const apiSettle = async (input) => {
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
    const floorSettle = async (input) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          await floorSettleOnce(pool, data.institutionId, input, fraud);
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
    const captureOne = async (fn) => {
      await admin.query("SET GLOBAL log_output = 'TABLE'");
      await admin.query('TRUNCATE mysql.general_log');
      await admin.query('SET GLOBAL general_log = 1');
      try {
        if (!(await fn())) throw new Error(`captured settle failed: ${stats.failures.at(-1)}`);
      } finally {
        await admin.query('SET GLOBAL general_log = 0');
      }
      const [rows] = await admin.query(
        "SELECT command_type, CONVERT(argument USING utf8mb4) AS sql_text FROM mysql.general_log WHERE command_type IN ('Query','Execute') ORDER BY event_time",
      );
      return rows.map((r) => r.sql_text).filter((t) => !/general_log/i.test(t));
    };
    const captured = {};
    for (const w of ['uniform', 'hot']) {
      await apiSettle(inputFor('api', w)); // untraced first: warm caches
      captured[w] = { api: await captureOne(() => apiSettle(inputFor('api', w))), floor: await captureOne(() => floorSettle(inputFor('floor', w))) };
      log(`${w}: one settle = ${captured[w].api.length} statements via the API, ${captured[w].floor.length} via the floor`);
    }

    // ---- the runs ---------------------------------------------------------------------------------
    // CPU per settlement of each process (noise-resistant, unlike rates on a shared machine)
    const pids = { server: server.pid, bench: 'self', mariadb: mariadbPid(new URL(mariadbUrl).port) };
    const results = { uniform: [], hot: [] };
    for (const w of ['uniform', 'hot']) {
      for (const mode of ['api', 'floor']) {
        const warm = await drive(16, WARMUP / 2, () => settleBy[mode](inputFor(mode, w)));
        if (warm.failed) throw new Error(`${w} ${mode} warm-up: ${warm.failed} failed: ${stats.failures.join('; ')}`);
      }
      for (const level of LEVELS) {
        // Two halves in A-B-B-A order (API, floor, floor, API), so load that comes and goes on the
        // machine falls on both sides alike.
        const runs = { api: [], floor: [] };
        for (const mode of ['api', 'floor', 'floor', 'api'])
          runs[mode].push(await drive(level.clients, Math.ceil(level.count / 2), () => settleBy[mode](inputFor(mode, w)), pids, LEVEL_TIME_CAP_MS / 2));
        const row = { clients: level.clients };
        for (const mode of ['api', 'floor']) {
          const r = summarize(...runs[mode]);
          row[mode] = r;
          log(
            `${w.padEnd(7)} ${mode.padEnd(5)} ${String(level.clients).padStart(2)} clients: ${r.ok} ok${r.failed ? `, ${r.failed} FAILED` : ''} in ${r.seconds.toFixed(1)} s = ${r.rate.toFixed(0)}/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; CPU ms/settle: server ${f1(r.cpu.server)}, bench ${f1(r.cpu.bench)}, mariadb ${f1(r.cpu.mariadb)}`,
          );
        }
        results[w].push(row);
      }
    }

    // ---- integrity, from the database -------------------------------------------------------------
    const integrity = await checkIntegrity(pool, stats.succeeded);
    log(`integrity: ${integrity.ok ? 'OK' : 'FAILED'} — ${integrity.lines.join('; ')}`);
    const markdown = renderMarkdown({ results, captured, integrity, stats, data });
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
  const addMember = (id, balance, birthYear) => {
    const day = new Date(Date.UTC(birthYear, 0, 1) + Math.floor(seq / 1000) * 86_400_000).toISOString().slice(0, 10);
    const idNumber = makeIdNumber(REGION, day, seq % 1000);
    seq++;
    members.push([id, idNumber, `基准${id}`, Number(idNumber[16]) % 2 ? 'MALE' : 'FEMALE', day, 'EMPLOYEE', 'ACTIVE', REGION, PROVINCE, 0, 0, 1]);
    accounts.push([id, id, balance, 0]);
    if (balance > 0) entries.push([id, 'CREDIT', balance, balance, 'OPENING_BALANCE', '期初余额']);
    return { id, idNumber };
  };
  const uniform = [];
  for (let i = 1; i <= pairs; i++) uniform.push(addMember(i, OWN_BALANCE, 1950));
  for (let i = 1; i <= pairs; i++) addMember(pairs + i, GIVER_BALANCE, 1975);
  const hotBeneficiaries = [];
  for (let i = 1; i <= HOT_BENEFICIARIES; i++) hotBeneficiaries.push(addMember(2 * pairs + i, 0, 1945));
  const hotGiver = addMember(2 * pairs + HOT_BENEFICIARIES + 1, HOT_BALANCE, 1980);
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
  await bulk(
    'binding',
    [
      'kind', 'giver_id', 'beneficiary_id', 'relationship', 'initiated_by', 'state', 'commitment_accepted_at', 'confirmation_required', 'confirmed_at',
      'activation_mode', 'approved', 'single_limit_fen', 'priority', 'reserved_fen', 'giver_region', 'beneficiary_region', 'giver_province',
      'beneficiary_province', 'policy_version_id', 'live_key', 'activated_at', 'version',
    ],
    bindings,
  );
  log(`dataset: ${members.length} members/accounts, ${entries.length} ledger entries, ${bindings.length} bindings (hot giver: ${HOT_BENEFICIARIES}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { uniform, hot: { giver: hotGiver, beneficiaries: hotBeneficiaries }, policyId: policy.id, institutionId: inst.id, members: members.length, bindings: bindings.length };
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

// ---- the floor ---------------------------------------------------------------------------------
// The statements the server sends for one settle (captured from MariaDB's general log, see the
// markdown), issued directly through mysql2 on one pooled connection in one READ COMMITTED
// transaction, with the decisions between them done in plain JS. Entity loads read the same columns
// (SELECT *) by the same keys; inserts return what TypeORM's RETURNING returns.


const beijingDate = (at) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const maskId = (no) => `${no.slice(0, 6)}********${no.slice(-4)}`;

/** The canonical request hash (S8): the server's own function, loaded from server/dist by the suite. */
let requestHash = null;

async function floorSettleOnce(pool, institutionId, input, { detectRange, bucketOf }) {
  const conn = await pool.getConnection();
  try {
    await conn.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    await conn.query('START TRANSACTION');
    try {
      const hash = requestHash(input);
      const treatedAt = new Date(input.treatedAt);
      const treatedOn = beijingDate(treatedAt);
      const credentialType = input.credentialType.slice(1);
      const idNumber = input.patientIdNumber.trim().toUpperCase();
      // principal (the transaction plugin loads it inside the operation's transaction)
      const [[inst]] = await conn.query('SELECT * FROM institution WHERE id = ? LIMIT 1', [institutionId]);
      if (!inst?.active) throw new Error('institution gone');
      // S8 idempotency
      const [[dup]] = await conn.query('SELECT id, request_hash FROM settlement WHERE institution_id = ? AND serial_no = ?', [institutionId, input.serialNo]);
      if (dup) throw new Error('duplicate serial in the floor');
      const [[patient]] = await conn.query('SELECT * FROM member WHERE id_number = ? LIMIT 1', [idNumber]);
      if (!patient) throw new Error('patient unknown');
      if (credentialType !== '02' || input.credentialNo.trim().toUpperCase() !== patient.id_number) throw new Error('credential');
      if (patient.status !== 'ACTIVE' || patient.scheme === 'NONE' || (patient.suspended_until && patient.suspended_until >= treatedOn)) throw new Error('blocked');
      const [ins] = await conn.query(
        `INSERT INTO settlement (institution_id, serial_no, request_hash, patient_id, credential_type, credential_no_masked, category, total_fen, pool_fen,
           self_pay_fen, acct_pay_fen, mulaid_pay_fen, cash_fen, reversed_fen, cash_reversed_fen, place_region, place_province, patient_region, patient_province,
           treated_at, acct_used_flag, offsite, status, policy_versions, drug_codes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, 'SETTLED', '[]', ?)
         RETURNING id, acct_pay_fen, mulaid_pay_fen, cash_fen, reversed_fen, cash_reversed_fen, created_at`,
        [
          institutionId, input.serialNo, hash, patient.id, credentialType, maskId(idNumber), input.category, input.totalFen, input.poolFen,
          input.selfPayFen, input.selfPayFen, input.placeRegion, input.placeRegion.slice(0, 2), patient.insured_region, patient.province_code,
          treatedAt, input.acctUsedFlag, input.placeRegion !== patient.insured_region, JSON.stringify(input.drugCodes ?? []),
        ],
      );
      const settlementId = Number(ins[0].id);
      // S3 split
      const policyQ = 'SELECT * FROM policy_version WHERE province_code = ? AND effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1';
      const [[patientPolicy]] = await conn.query(policyQ, [patient.province_code, treatedOn]);
      const policyVersions = [{ role: 'PATIENT', memberId: patient.id, provinceCode: patient.province_code, policyVersionId: patientPolicy.id }];
      const patientRules = JSON.parse(patientPolicy.rules);
      let remaining = input.selfPayFen;
      const [bindings] = await conn.query(
        "SELECT id, giver_id, reserved_fen, single_limit_fen FROM binding WHERE beneficiary_id = ? AND state = 'ACTIVE' AND kind = 'MUTUAL_AID' ORDER BY priority ASC, id ASC",
        [patient.id],
      );
      const giverIds = [...new Set(bindings.map((b) => b.giver_id))];
      const [givers] = giverIds.length ? await conn.query('SELECT id, status, scheme, province_code, insured_region FROM member WHERE id IN (?)', [giverIds]) : [[]];
      const owners = [...(patient.scheme === 'EMPLOYEE' ? [patient.id] : []), ...giverIds];
      const [accounts] = owners.length ? await conn.query('SELECT id, member_id, balance_fen FROM personal_account WHERE member_id IN (?)', [owners]) : [[]];
      const own = patient.scheme === 'EMPLOYEE' ? accounts.find((a) => a.member_id === patient.id) : undefined;
      const giverAccounts = accounts.filter((a) => a.member_id !== patient.id);
      // lock the accounts in id order, reading their balances in the same statement (account.service lockAccounts)
      const lockIds = [...new Set([...(own && input.acctUsedFlag ? [own.id] : []), ...giverAccounts.map((a) => a.id)])].sort((a, b) => a - b);
      const [lockedRows] = lockIds.length
        ? await conn.query('SELECT id, balance_fen, reserved_fen FROM personal_account WHERE id IN (?) ORDER BY id FOR UPDATE', [lockIds])
        : [[]];
      const locked = new Map(lockedRows.map((r) => [r.id, { id: r.id, balance: Number(r.balance_fen), reserved: Number(r.reserved_fen) }]));
      const reservedIds = bindings.filter((b) => Number(b.reserved_fen) > 0).map((b) => b.id);
      const [freshRows] = reservedIds.length
        ? await conn.query('SELECT id, reserved_fen, single_limit_fen FROM binding WHERE id IN (?) ORDER BY id FOR UPDATE', [reservedIds])
        : [[]];
      const freshBindings = new Map(freshRows.map((r) => [r.id, r]));
      const policies = new Map([[patient.province_code, patientPolicy]]);
      const payments = [];
      const ledger = (accountId, amount, balanceAfter, bindingId, memo) =>
        conn.query(
          `INSERT INTO ledger_entry (account_id, direction, amount_fen, balance_after_fen, cause, settlement_id, binding_id, batch_id, memo)
           VALUES (?, 'DEBIT', ?, ?, 'SETTLEMENT', ?, ?, NULL, ?) RETURNING id, created_at`,
          [accountId, amount, balanceAfter, settlementId, bindingId, memo],
        );
      let acctPay = 0;
      let mulaidPay = 0;
      if (own && input.acctUsedFlag && patient.status === 'ACTIVE' && patientRules.allowedCategories.includes(input.category)) {
        const acc = locked.get(own.id);
        const amount = Math.min(remaining, acc.balance - acc.reserved);
        if (amount > 0) {
          // tryDebitAvailable: the balance minus every reservation must cover it
          const [u] = await conn.query('UPDATE personal_account SET balance_fen = balance_fen - ? WHERE id = ? AND balance_fen - reserved_fen >= ?', [amount, acc.id, amount]);
          if (u.affectedRows !== 1) throw new Error('own debit failed');
          acc.balance -= amount;
          await ledger(acc.id, amount, acc.balance, null, '本人账户支付');
          payments.push([settlementId, payments.length + 1, patient.id, acc.id, null, amount, 0, 0]);
          acctPay = amount;
          remaining -= amount;
        }
      }
      for (const b of bindings) {
        if (remaining === 0) break;
        const giver = givers.find((g) => g.id === b.giver_id);
        const account = giverAccounts.find((a) => a.member_id === b.giver_id);
        if (!giver || !account || giver.status !== 'ACTIVE' || giver.scheme !== 'EMPLOYEE') continue;
        let giverPolicy = policies.get(giver.province_code);
        if (!giverPolicy) policies.set(giver.province_code, ([[giverPolicy]] = await conn.query(policyQ, [giver.province_code, treatedOn]))[0][0]);
        policyVersions.push({ role: 'GIVER', memberId: giver.id, provinceCode: giver.province_code, policyVersionId: giverPolicy.id });
        const acc = locked.get(account.id);
        if (!JSON.parse(giverPolicy.rules).allowedCategories.includes(input.category)) continue;
        if (giver.insured_region !== patient.insured_region) throw new Error('the floor covers same-region givers only');
        const fresh = freshBindings.get(b.id) ?? b;
        const bindingReserved = Number(fresh.reserved_fen);
        const available = acc.balance - (acc.reserved - bindingReserved);
        const amount = Math.min(remaining, available, fresh.single_limit_fen == null ? Number.MAX_SAFE_INTEGER : Number(fresh.single_limit_fen));
        if (amount <= 0) continue;
        const fromReserve = Math.min(amount, bindingReserved);
        // tryDebitForBinding: what is reserved for OTHER bindings stays untouched
        const [u] = await conn.query(
          'UPDATE personal_account SET balance_fen = balance_fen - ?, reserved_fen = reserved_fen - ? WHERE id = ? AND reserved_fen >= ? AND balance_fen - reserved_fen + ? >= ?',
          [amount, fromReserve, acc.id, fromReserve, fromReserve, amount],
        );
        if (u.affectedRows !== 1) throw new Error(`debit on locked account ${acc.id} failed`);
        acc.balance -= amount;
        acc.reserved -= fromReserve;
        await ledger(acc.id, amount, acc.balance, b.id, '家庭共济支付');
        if (fromReserve > 0) await conn.query('UPDATE binding SET reserved_fen = reserved_fen - ? WHERE id = ? AND reserved_fen >= ?', [fromReserve, b.id, fromReserve]);
        payments.push([settlementId, payments.length + 1, giver.id, acc.id, b.id, amount, fromReserve, 0]);
        mulaidPay += amount;
        remaining -= amount;
      }
      if (payments.length)
        await conn.query(
          'INSERT INTO settlement_payment (settlement_id, seq, payer_member_id, account_id, binding_id, amount_fen, from_reserve_fen, reversed_fen) VALUES ?',
          [payments],
        );
      await conn.query('UPDATE settlement SET acct_pay_fen = ?, mulaid_pay_fen = ?, cash_fen = ?, policy_versions = ? WHERE id = ?', [
        acctPay, mulaidPay, remaining, JSON.stringify(policyVersions), settlementId,
      ]);
      await conn.query('COMMIT');
      // fraud-inline.ts: after the commit, in a transaction of its own — the settlement is still there,
      // the rules that can fire for it over it alone (no drug codes in this workload), then each new
      // signal (fraud-signal.service insertSignalRow: look the dedup key up, insert when new; attaching
      // a new signal to a case is not mirrored).
      if (detectRange) {
        await conn.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
        await conn.query('START TRANSACTION');
        const [[exists]] = await conn.query('SELECT 1 AS e FROM settlement WHERE id = ? LIMIT 1', [settlementId]);
        const only = new Set(['F3']);
        if (input.category === 'MATERNITY') only.add('F4');
        if (input.category === 'PHARMACY') only.add('F5');
        const provinces = new Set([patient.province_code]);
        const givers = policyVersions.filter((v) => v.role === 'GIVER');
        if (mulaidPay > 0) {
          only.add('F6');
          for (const v of givers) provinces.add(v.provinceCode);
        }
        const policies = [];
        for (const p of provinces) {
          const [[v]] = await conn.query(policyQ, [p, treatedOn]);
          policies.push({ provinceCode: p, policyVersionId: v.id, fraud: JSON.parse(v.rules).fraud });
        }
        if (mulaidPay > 0) {
          // F8 once per giver (and institution) per window: skip the look-back when this window's signals exist
          const keys = (kind) =>
            givers.map((g) => {
              const days = policies.find((p) => p.provinceCode === g.provinceCode).fraud.fanOutWindowDays;
              return `F8:${kind}:${kind === 'giver' ? g.memberId : `${institutionId}:${g.memberId}`}:${bucketOf(treatedAt, days)}`;
            });
          const giverKeys = keys('giver');
          const instKeys = keys('institution');
          const [seenRows] = await conn.query('SELECT dedup_key FROM fraud_signal WHERE dedup_key IN (?)', [[...giverKeys, ...instKeys]]);
          const seen = new Set(seenRows.map((r) => r.dedup_key));
          if (!giverKeys.every((k) => seen.has(k))) only.add('F8giver');
          if (!instKeys.every((k) => seen.has(k))) only.add('F8institution');
        }
        const em = { connection: { options: { type: 'mariadb' } }, query: async (sql, params) => (await conn.query(sql, params))[0] };
        const signals = exists ? await detectRange(em, { lo: settlementId - 1, hi: settlementId }, policies, { only, treatedFrom: treatedAt, treatedTo: treatedAt }) : [];
        for (const sig of signals) {
          const dedupKey = sig.dedupKey.slice(0, 120);
          const [[seen]] = await conn.query('SELECT * FROM fraud_signal WHERE dedup_key = ? LIMIT 1', [dedupKey]);
          if (!seen)
            await conn.query(
              `INSERT IGNORE INTO fraud_signal (rule, dedup_key, region_code, score, summary, evidence, member_id, binding_id, settlement_id, institution_id, case_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
              [sig.rule, dedupKey, sig.regionCode, sig.score, sig.summary.slice(0, 500), JSON.stringify({ rule: sig.rule, ...sig.evidence }), sig.memberId ?? null, sig.bindingId ?? null, sig.settlementId ?? null, sig.institutionId ?? null],
            );
        }
        await conn.query('COMMIT');
      }
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
  const badPayments = await one(`SELECT COUNT(*) AS n FROM settlement s
      LEFT JOIN (SELECT settlement_id, SUM(amount_fen) AS p FROM settlement_payment GROUP BY settlement_id) p ON p.settlement_id = s.id
      WHERE s.acct_pay_fen + s.mulaid_pay_fen <> COALESCE(p.p, 0)`);
  const badLedger = await one(`SELECT COUNT(*) AS n FROM settlement s
      LEFT JOIN (SELECT settlement_id, SUM(amount_fen) AS d FROM ledger_entry WHERE cause = 'SETTLEMENT' GROUP BY settlement_id) l ON l.settlement_id = s.id
      WHERE s.acct_pay_fen + s.mulaid_pay_fen <> COALESCE(l.d, 0)`);
  const checks = [
    [`accounts with a negative balance or reservation: ${negative}`, negative === 0],
    [`accounts whose balance ≠ sum of their ledger entries (S11): ${mismatched} of ${accounts}`, mismatched === 0],
    [`accounts whose latest ledger entry's balance_after ≠ balance: ${lastAfter}`, lastAfter === 0],
    [`settlements in the database: ${settlements}; settle requests that succeeded: ${succeeded}`, settlements === succeeded],
    [`settlements whose own + mutual aid + cash ≠ self-pay: ${badSplit}`, badSplit === 0],
    [`settlements whose payments ≠ own + mutual aid: ${badPayments}`, badPayments === 0],
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
    '| clients | API settlements/s | API p50 ms | API p99 ms | floor settlements/s | floor p50 ms | floor p99 ms | API/floor |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows)
    out.push(
      `| ${r.clients} | ${f0(r.api.rate)} | ${f1(r.api.p50)} | ${f1(r.api.p99)} | ${f0(r.floor.rate)} | ${f1(r.floor.p50)} | ${f1(r.floor.p99)} | ${(r.api.rate / r.floor.rate).toFixed(2)} |`,
    );
  return out.join('\n');
}

function cpuTable(results) {
  const out = [
    '| workload | clients | API: server | API: MariaDB | API: load generator | floor: mysql2 client | floor: MariaDB | CPU-bound API/floor |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const [w, rows] of Object.entries(results))
    for (const r of rows)
      out.push(
        `| ${w} | ${r.clients} | ${f1(r.api.cpu.server)} | ${f1(r.api.cpu.mariadb)} | ${f1(r.api.cpu.bench)} | ${f1(r.floor.cpu.bench)} | ${f1(r.floor.cpu.mariadb)} | ${((r.floor.cpu.bench + r.floor.cpu.mariadb) / (r.api.cpu.server + r.api.cpu.mariadb)).toFixed(2)} |`,
      );
  return out.join('\n');
}

function targetMet(results) {
  return results.uniform.every((r) => r.api.rate >= 0.5 * r.floor.rate);
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
  const out = ['| # | server (TypeORM), captured | floor (mysql2) |', '|--:|---|---|'];
  const n = Math.max(api.length, floor.length);
  const cell = (s) => (s ? `\`${shorten(s).replace(/\|/g, '\\|')}\`` : '');
  for (let i = 0; i < n; i++) out.push(`| ${i + 1} | ${cell(api[i])} | ${cell(floor[i])} |`);
  return out.join('\n');
}

function renderMarkdown({ results, captured, integrity, stats, data }) {
  const met = targetMet(results);
  const levels = LEVELS.map((l) => `${l.clients} (${l.count} requests, at most ${LEVEL_TIME_CAP_MS / 1000} s)`).join(', ');
  const same = (w) => captured[w].api.length === captured[w].floor.length;
  return [
    '## Settlement (`settle`)',
    '',
    `The real server (\`node server/dist/main.js\`, NODE_ENV=production, MariaDB pool of ${process.env.GONGJI_DB_POOL ?? 20} connections) driven over HTTP with`,
    '`settle` mutations, against **the floor**: the same SQL statements for one settlement issued directly through mysql2',
    '(no GraphQL, no ORM) in one READ COMMITTED transaction on a pool of the same size, from the bench process. Each level runs',
    `API and floor in two halves each, in A-B-B-A order (API, floor, floor, API), on fresh serials: clients ${levels},`,
    `after a warm-up of ${WARMUP / 2} settlements per side and workload.`,
    'Latency is per request as the client sees it (HTTP round trip for the API). Lock conflicts are retried with the same serial',
    `(API retries: ${stats.retries.api}, floor retries: ${stats.retries.floor}).`,
    '',
    `Dataset (loaded with bulk SQL inserts): ${data.members} EMPLOYEE members in pooling region ${REGION}, each with an account whose opening`,
    `balance is one OPENING_BALANCE ledger entry; ${data.bindings} ACTIVE MUTUAL_AID bindings. Every uniform request uses a fresh patient`,
    `(own balance ${OWN_BALANCE} fen, self-pay 5,000–7,999 fen: the own account pays ${OWN_BALANCE}, the patient's one giver the rest), so requests`,
    `spread over thousands of accounts. Hot giver: ${HOT_BENEFICIARIES} beneficiaries (own balance 0) all drawing on one giver's account (self-pay 1,000–2,999 fen),`,
    'so every settlement locks and debits the same row until it commits. The inline fraud look-backs (fraud-inline.ts: F3, F6, F8)',
    'run after the commit in a transaction of their own, so they no longer hold that lock, but their cost still grows with the',
    'giver\'s history (F8 counts the distinct beneficiaries the giver paid in the window), API and floor alike.',
    '',
    '### Uniform accounts',
    '',
    table(results.uniform),
    '',
    '### Hot giver (64 beneficiaries → one account)',
    '',
    table(results.hot),
    '',
    `**Target: API ≥ 0.5 × floor on uniform accounts (every level): ${met ? 'met' : 'not met'}.**`,
    '',
    '### CPU per settlement (ms)',
    '',
    'CPU time each process used during a level divided by the settlements it completed (from /proc). Less sensitive to other load',
    'on the machine than the rates above. "API: server" is the whole server process (HTTP, GraphQL, TypeORM and its mysql2 client);',
    'its counterpart is the floor\'s mysql2 client (the bench process during floor runs). The HTTP load generator is not part of',
    'either system. When everything is CPU-bound on the same cores, throughput ∝ 1 ÷ (app CPU + MariaDB CPU) per settlement,',
    'so the last column, (floor client + MariaDB) ÷ (server + MariaDB), estimates API/floor on a machine with nothing else running.',
    '',
    cpuTable(results),
    '',
    '### Integrity after the run',
    '',
    ...integrity.lines.map((l) => `- ${l}`),
    '',
    '### What the floor runs',
    '',
    'Captured from the MariaDB general log for one settlement of each workload, in this run (the server sends values inline; the',
    `floor uses placeholders). Uniform: ${captured.uniform.api.length} statements from the server, ${captured.uniform.floor.length} from the floor${same('uniform') ? '' : ' — **THEY DIFFER: update the floor in scripts/bench/settlement.bench.mjs**'};`,
    `hot giver: ${captured.hot.api.length} vs ${captured.hot.floor.length}${same('hot') ? '' : ' — **THEY DIFFER**'}.`,
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
    'Caveats: server, MariaDB and the load generator share one machine (and, while this ran, other work): numbers are noisy and',
    'the absolute values say little; the API/floor ratio is the point. The floor does the work one settlement needs with the',
    "server's own statements, not the least SQL imaginable.",
  ].join('\n');
}

function renderSummary(results, integrity) {
  return [
    'uniform accounts:',
    table(results.uniform),
    'hot giver:',
    table(results.hot),
    `target API >= 0.5 x floor on uniform accounts: ${targetMet(results) ? 'met' : 'NOT met'}`,
    `integrity: ${integrity.ok ? 'ok' : 'FAILED'}`,
    ...integrity.lines.map((l) => `  ${l}`),
  ].join('\n');
}
