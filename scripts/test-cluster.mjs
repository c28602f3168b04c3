#!/usr/bin/env node
// `pnpm test:cluster`: the bank test across two API nodes on a 3-node Galera cluster, with faults.
//   - Galera: 3 MariaDB nodes (scripts/galera.mjs). API node A writes to Galera node 1, API node B to
//     Galera node 2; fixtures and the final checks go through node 3.
//   - Institution clients send concurrent settlements, resends (same and altered payload) and
//     reversals, to A and B alternately; a client whose node fails tries the other one (as a load
//     balancer would), resending the same serial (S8 makes that safe).
//   - Faults: Galera node 2 is SIGKILLed mid-run and restarted (it rejoins by IST/SST); later API
//     node A gets SIGTERM (graceful drain) and its traffic moves to B.
//   - Afterwards, from the database alone: no negative balance, every balance = Σ its ledger entries,
//     exactly one effect per serial, every acknowledged settlement present with its id, money
//     conserved, all three Galera nodes agree; the API logs contain no unmasked ID number.
// Options: --no-build (use server/dist as it is), GONGJI_BANK_SEED=<n>. Ends with one line
// "cluster test: PASSED …" or "cluster test: FAILED …" (exit 1).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './mariadb.mjs';
import { galeraAvailable, sql, startGalera, wsrepStatus } from './galera.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The harness's own in-process API (setup only) stays quiet; the two API nodes log at info.
process.env.GONGJI_LOG_LEVEL ??= 'warn';
const require = createRequire(import.meta.url);
const SEED = Number(process.env.GONGJI_BANK_SEED ?? 7);
const CLIENTS = 12;
const OPS_PER_CLIENT = 40;
const FAMILIES = 40;
const METRICS_TOKEN = 'cluster-test-metrics';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gongji-cluster-'));
const failures = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
const at = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (m) => console.log(`[${at()}] ${m}`);
function check(ok, what) {
  if (!ok) failures.push(what);
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

function run(cmd, args) {
  return new Promise((resolve) => {
    const c = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    c.on('exit', (code) => resolve(code ?? 1));
  });
}

/** mulberry32, as in settlement.concurrency.test.ts. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An API node: `node server/dist/main.js` against one Galera node, logs to a file. */
async function startApiNode(name, databaseUrl, secret) {
  const port = await freePort();
  const logFile = path.join(tmp, `${name}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      GONGJI_SECRET: secret,
      GONGJI_SEED: 'none',
      GONGJI_DATA_DIR: path.join(tmp, name),
      GONGJI_ADMIN_DIST: path.join(tmp, 'no-admin'),
      GONGJI_METRICS_TOKEN: METRICS_TOKEN,
      GONGJI_LOG_LEVEL: 'debug',
      GONGJI_DB_POOL: '10',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const node = { name, port, url: `http://127.0.0.1:${port}`, child, logFile, exited: null, down: false };
  child.on('exit', (code, signal) => (node.exited = { code, signal, at: Date.now() }));
  const started = Date.now();
  for (;;) {
    if (node.exited) throw new Error(`${name} exited at start: ${readFileSync(logFile, 'utf8').slice(-3000)}`);
    const ok = await fetch(`${node.url}/readyz`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    if (Date.now() - started > 60_000) throw new Error(`${name} not ready in 60 s`);
    await sleep(200);
  }
  say(`API node ${name} ready on ${node.url} → ${databaseUrl.replace(/\/[^/]*$/, '')}`);
  return node;
}

async function scrape(node) {
  const res = await fetch(`${node.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await res.text();
  const sum = (name) => text.split('\n').filter((l) => l.startsWith(name)).reduce((s, l) => s + Number(l.split(' ').pop()), 0);
  return {
    retries: sum('gongji_conflict_retries_total'),
    exhausted: sum('gongji_conflict_retries_exhausted_total'),
    requests: sum('gongji_graphql_requests_total'),
    inFlight: sum('gongji_http_in_flight_requests'),
    pool: Object.fromEntries(['open', 'idle', 'waiting'].map((k) => [k, sum(`gongji_db_pool_connections{pool="main",state="${k}"}`)])),
    scripts: Object.fromEntries(['open', 'idle', 'waiting'].map((k) => [k, sum(`gongji_db_pool_connections{pool="scripts",state="${k}"}`)])),
    scriptSeries: text.split('\n').filter((l) => l.startsWith('gongji_db_pool_connections{pool="scripts"')).length,
    groupCommits: sum('gongji_group_commit_batch_size_count'),
  };
}

const SETTLE = `mutation($input: SettleInput!) { settle(input: $input) { __typename ... on Settlement { id } ... on RuleViolation { rule code } } }`;
const REVERSE = `mutation($input: ReverseInput!) { reverseSettlement(input: $input) { __typename ... on SettlementReversal { id } ... on RuleViolation { rule code } } }`;
/** Errors after which a client tries again (the other node first): node or database unavailable, unknown outcome. */
const RETRY_CODES = new Set(['INTERNAL_SERVER_ERROR', 'UNAVAILABLE', 'CONFLICT_RETRY']);

let cluster = null;
let t = null;
const api = [];

async function main() {
  if (!galeraAvailable()) throw new Error('Galera is not installed (apt-get install mariadb-server galera-4 rsync)');
  if (!process.argv.includes('--no-build')) {
    say('building @gongji/shared and @gongji/server');
    if ((await run('pnpm', ['--filter', '@gongji/shared', 'build'])) !== 0) throw new Error('shared build failed');
    if ((await run('pnpm', ['--filter', '@gongji/server', 'build'])) !== 0) throw new Error('server build failed');
  }
  cluster = await startGalera();
  const [g1, g2, g3] = cluster.nodes;

  // Fixtures and checks go through Galera node 3 with the test harness (its own in-process API is unused).
  process.env.DATABASE_URL = `${g3.url}/gongji`;
  require(path.join(root, 'server/node_modules/reflect-metadata'));
  const { startTestServer } = require(path.join(root, 'server/dist/testing/harness.js'));
  const { insertBinding } = require(path.join(root, 'server/dist/testing/fixtures.js'));
  t = await startTestServer();
  const dbName = new URL(t.deps.config.databaseUrl).pathname.slice(1);
  const rnd = prng(42);
  const hot = await t.member({ birthDate: '1970-01-01', openingBalanceFen: 300_000 });
  const patients = [];
  for (let f = 0; f < FAMILIES; f++) {
    const patient = await t.member({ birthDate: '1950-06-01', scheme: f % 3 === 0 ? 'RESIDENT' : 'EMPLOYEE', openingBalanceFen: Math.floor(rnd() * 20_000) });
    const n = 1 + Math.floor(rnd() * 2);
    for (let g = 0; g < n; g++) {
      const giver = await t.member({ birthDate: '1978-06-01', openingBalanceFen: Math.floor(rnd() * 60_000) });
      await insertBinding(t, giver, patient, { relationship: 'PARENT', priority: g + 2, singleLimitFen: rnd() < 0.3 ? 5_000 : null, reservedFen: rnd() < 0.2 ? 1_000 : 0 });
    }
    if (f < FAMILIES * 0.7) await insertBinding(t, hot, patient, { relationship: 'PARENT', priority: 1, singleLimitFen: 8_000 });
    patients.push(patient);
  }
  const tokens = [await t.institutionToken('H44030300001'), await t.institutionToken('P44030300002')];
  say(`fixtures: ${FAMILIES} families and a hot giver in database ${dbName}`);
  const q = (sql, params = []) =>
    t.run(async (ctx) => {
      await ctx.em.query('SET SESSION wsrep_sync_wait = 1'); // causal reads: see every write the cluster has committed
      return ctx.em.query(sql, params);
    });
  const totalBalance = async () => Number((await q('SELECT COALESCE(SUM(balance_fen), 0) AS b FROM personal_account'))[0].b);
  const before = await totalBalance();

  api.push(await startApiNode('A', `${g1.url}/${dbName}`, t.deps.config.secret));
  api.push(await startApiNode('B', `${g2.url}/${dbName}`, t.deps.config.secret));
  const [A, B] = api;

  // ---- the client: prefer one node, fail over to the other on an outage ----
  const stats = { settled: 0, conflicts: 0, refused: 0, reversals: 0, resends: 0, failovers: 0, outageErrors: 0, maxLatencyMs: 0, requests: 0 };
  const outageSeen = { A: 0, B: 0 };
  const outageKinds = new Map();
  async function call(query, input, token, prefer) {
    const started = Date.now();
    let lastErr = null;
    // As a client behind a load balancer would: keep trying (the other node first) for up to two
    // minutes — a Galera node that drops out of the primary component under load comes back by itself.
    for (let attempt = 0; attempt < 120 || Date.now() - started < 120_000; attempt++) {
      const node = api[(prefer + attempt) % api.length];
      if (node.exited || (node.down && Date.now() < node.down)) {
        await sleep(attempt < 2 ? 0 : 100);
        continue;
      }
      try {
        stats.requests++;
        const res = await fetch(`${node.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables: { input } }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = await res.json().catch(() => ({ errors: [{ extensions: { code: `HTTP_${res.status}` } }] }));
        const code = body.errors?.[0]?.extensions?.code;
        if (!body.errors) {
          stats.maxLatencyMs = Math.max(stats.maxLatencyMs, Date.now() - started);
          return body.data;
        }
        if (!RETRY_CODES.has(code) && res.status < 500) throw new Error(`unexpected error from ${node.name}: ${JSON.stringify(body.errors)}`);
        lastErr = `${node.name}: ${code} ${body.errors[0].message}`;
      } catch (e) {
        if (String(e.message).startsWith('unexpected error')) throw e;
        lastErr = `${node.name}: ${e.cause?.code ?? e.message}`;
      }
      // an outage (or an unknown outcome): mark the node down briefly and resend the same input elsewhere
      stats.outageErrors++;
      outageSeen[node.name]++;
      const kind = `${node.name} ${lastErr.replace(/^\w+: /, '').replace(/\d+/g, 'N').slice(0, 90)}`;
      outageKinds.set(kind, (outageKinds.get(kind) ?? 0) + 1);
      stats.failovers++;
      node.down = Date.now() + 500;
      await sleep(50);
    }
    throw new Error(`no node answered: ${lastErr}`);
  }

  // ---- faults, driven by progress ----
  const planned = CLIENTS * OPS_PER_CLIENT;
  let done = 0;
  const fault = { phase: 'before', killedAt: 0, rejoinedAt: 0, rejoinMs: 0, sigtermAt: 0, drainMs: 0, exitCode: null, metricsA: null };
  const faults = (async () => {
    while (done < planned * 0.2) await sleep(50);
    fault.phase = 'galera-kill';
    say(`Galera node 2 (under API node B): SIGKILL after ${done} operations`);
    await g2.kill();
    say("Galera node 2 killed");
    fault.killedAt = Date.now();
    await sleep(4_000);
    // The survivors first agree that it is gone (a primary component of two), as they would long before
    // a crashed server is back: a node restarting on the same address while its old incarnation is still
    // being evicted can be pushed out of the cluster again right after it synced.
    await cluster.waitForSize(2);
    say(`Galera node 2: evicted by the others after ${((Date.now() - fault.killedAt) / 1000).toFixed(1)} s; restarting to rejoin`);
    const r0 = Date.now();
    await g2.start();
    await cluster.waitForSize(3);
    // Rejoined for good: still three, all synced, a second later.
    await sleep(1_000);
    await cluster.waitForSize(3);
    fault.rejoinMs = Date.now() - r0;
    fault.rejoinedAt = Date.now();
    say(`Galera node 2 rejoined (Synced, cluster size 3) in ${fault.rejoinMs} ms; ${JSON.stringify(wsrepStatus(g2.port))}`);
    while (done < planned * 0.55) await sleep(50);
    fault.metricsA = await scrape(A).catch(() => null);
    fault.phase = 'api-sigterm';
    say(`API node A: SIGTERM after ${done} operations`);
    fault.sigtermAt = Date.now();
    A.child.kill('SIGTERM');
    while (!A.exited && Date.now() - fault.sigtermAt < 30_000) await sleep(20);
    fault.drainMs = Date.now() - fault.sigtermAt;
    fault.exitCode = A.exited?.code ?? null;
    say(`API node A exited with code ${fault.exitCode} ${fault.drainMs} ms after SIGTERM`);
    fault.phase = 'done';
  })();

  // ---- the workload ----
  const rndOps = prng(SEED);
  const sent = new Map();
  const acknowledged = new Map(); // serial → settlement id
  const settledSerials = [];
  const clientWork = Array.from({ length: CLIENTS }, (_, c) => (async () => {
    for (let i = 0; i < OPS_PER_CLIENT * 4 && (i < OPS_PER_CLIENT || fault.phase !== 'done'); i++) {
      const op = { r: rndOps(), r2: rndOps(), r3: rndOps(), patient: patients[Math.floor(rndOps() * patients.length)] };
      const token = tokens[c % tokens.length];
      const prefer = (c + i) % 2;
      if (op.r < 0.6 || settledSerials.length === 0) {
        const serial = `C${SEED}-${c}-${i}`;
        const self = 100 + Math.floor(op.r2 * 25_000);
        const input = {
          serialNo: serial, patientIdNumber: op.patient.idNumber, credentialType: 'T02', credentialNo: op.patient.idNumber,
          category: op.r3 < 0.5 ? 'PHARMACY' : 'OUTPATIENT', totalFen: self * 2, poolFen: self, selfPayFen: self,
          placeRegion: '440300', treatedAt: new Date(Date.now() - 60_000).toISOString(), acctUsedFlag: op.r3 < 0.7,
        };
        // one in five is sent three times at once, to both nodes, as a client that times out and resends would
        const copies = op.r2 > 0.8 ? 3 : 1;
        const results = await Promise.all(Array.from({ length: copies }, (_, k) => call(SETTLE, input, token, prefer + k)));
        sent.set(serial, { input, token, ids: new Set(results.map((d) => d.settle.id)), answers: results.map((d) => JSON.stringify(d.settle)) });
        acknowledged.set(serial, results[0].settle.id);
        settledSerials.push({ serial, token });
        stats.settled++;
      } else if (op.r < 0.75) {
        const prev = [...sent.values()][Math.floor(op.r2 * sent.size)];
        const data = await call(SETTLE, prev.input, prev.token, prefer);
        prev.ids.add(data.settle.id);
        prev.answers.push(`resend: ${JSON.stringify(data.settle)}`);
        stats.resends++;
      } else if (op.r < 0.85) {
        const prev = [...sent.values()][Math.floor(op.r2 * sent.size)];
        const data = await call(SETTLE, { ...prev.input, selfPayFen: prev.input.selfPayFen + 1, totalFen: prev.input.totalFen + 1 }, prev.token, prefer);
        if (data.settle.rule !== 'S8') failures.push(`altered resend of ${prev.input.serialNo} was not refused by S8: ${JSON.stringify(data.settle)}`);
        stats.conflicts++;
      } else {
        const target = settledSerials[Math.floor(op.r2 * settledSerials.length)];
        const input = { serialNo: `R${SEED}-${c}-${i}`, originalSerialNo: target.serial };
        if (op.r3 < 0.5) input.amountFen = 1 + Math.floor(op.r3 * 2_000);
        const first = await call(REVERSE, input, target.token, prefer);
        if (first.reverseSettlement.__typename === 'RuleViolation') stats.refused++;
        else {
          stats.reversals++;
          if (op.r3 < 0.3) {
            const again = await call(REVERSE, input, target.token, prefer + 1);
            if (again.reverseSettlement.id !== first.reverseSettlement.id) failures.push(`reversal ${input.serialNo} resent: another id`);
          }
        }
      }
      done++;
    }
  })());
  const workStarted = Date.now();
  await Promise.all(clientWork);
  const workMs = Date.now() - workStarted;
  await faults;
  const metricsB = await scrape(B).catch(() => null);
  say(`workload done: ${done} operations in ${(workMs / 1000).toFixed(1)} s; ${JSON.stringify(stats)}`);

  // ---- invariants, from the database alone ----
  console.log('\ninvariants');
  check(fault.killedAt > 0 && fault.killedAt < workStarted + workMs, 'Galera node 2 was killed while the workload ran');
  check(fault.rejoinedAt > 0, `Galera node 2 rejoined (in ${fault.rejoinMs} ms)`);
  check(fault.sigtermAt > 0 && fault.sigtermAt < workStarted + workMs, 'API node A got SIGTERM while the workload ran');
  check(fault.exitCode === 0, `API node A drained and exited with code 0 (${fault.drainMs} ms after SIGTERM)`);
  // On Galera the group commit sends one statement per round trip (db/database.ts, scriptsOneByOne).
  check(metricsB !== null && metricsB.scriptSeries === 0 && metricsB.groupCommits > 0, `group commit on Galera without multi-statement scripts (API node B: ${metricsB?.groupCommits} batches, ${metricsB?.scriptSeries} script-pool series)`);
  let multi = 0;
  for (const [, s] of sent) if (s.ids.size !== 1) multi++;
  check(multi === 0, `every serial had exactly one effect: all resends saw the first settlement (${sent.size} serials, ${multi} with more than one id)`);
  for (const [serial, s] of [...sent].filter(([, x]) => x.ids.size !== 1).slice(0, 5)) {
    console.log(`       ${serial}: ${[...s.answers].join(' | ')}`);
    // How each API node answered it (debug lines 'settled': the path and the id), and what its requests logged.
    for (const n of api)
      for (const l of readFileSync(n.logFile, 'utf8').split('\n').filter((x) => x.includes(`"serialNo":"${serial}"`))) {
        console.log(`         ${n.name}: ${l.slice(0, 300)}`);
        const id = /"requestId":"([^"]+)"/.exec(l)?.[1];
        if (id) for (const m of readFileSync(n.logFile, 'utf8').split('\n').filter((x) => x.includes(id) && x !== l)) console.log(`           ${m.slice(0, 300)}`);
      }
  }
  const dup = await q('SELECT institution_id, serial_no, COUNT(*) AS n FROM settlement GROUP BY institution_id, serial_no HAVING COUNT(*) > 1');
  check(dup.length === 0, `no serial settled twice in the database (${dup.length} duplicates)`);
  const rows = await q(`SELECT serial_no, id FROM settlement WHERE serial_no LIKE 'C${SEED}-%'`);
  const inDb = new Map(rows.map((r) => [r.serial_no, String(r.id)]));
  const missing = [...acknowledged].filter(([serial, id]) => inDb.get(serial) !== String(id));
  check(missing.length === 0, `every acknowledged settlement is present with its id (${acknowledged.size} acknowledged, ${missing.length} missing or different)`);
  const accounts = await q(`SELECT a.id, a.balance_fen AS balance, a.reserved_fen AS reserved,
      COALESCE(SUM(CASE WHEN e.direction = 'CREDIT' THEN e.amount_fen ELSE -e.amount_fen END), 0) AS ledger
    FROM personal_account a LEFT JOIN ledger_entry e ON e.account_id = a.id GROUP BY a.id, a.balance_fen, a.reserved_fen`);
  check(accounts.every((a) => Number(a.balance) >= 0 && Number(a.reserved) >= 0 && Number(a.reserved) <= Number(a.balance)), `no negative balance or reservation (${accounts.length} accounts)`);
  const off = accounts.filter((a) => Number(a.balance) !== Number(a.ledger));
  check(off.length === 0, `every balance = Σ its ledger entries (${off.length} accounts off)`);
  for (const a of off.slice(0, 5)) {
    console.log(`       account ${a.id}: balance ${a.balance}, ledger ${a.ledger} (balance − ledger = ${Number(a.balance) - Number(a.ledger)})`);
    const last = await q(`SELECT e.id, e.direction, e.amount_fen, e.balance_after_fen, e.cause, e.settlement_id, s.serial_no FROM ledger_entry e
      LEFT JOIN settlement s ON s.id = e.settlement_id WHERE e.account_id = ? ORDER BY e.id DESC LIMIT 6`, [a.id]);
    for (const e of last) console.log(`         ledger ${e.id} ${e.direction} ${e.amount_fen} → ${e.balance_after_fen} ${e.cause} settlement ${e.settlement_id ?? '-'} ${e.serial_no ?? ''}`);
  }
  const perSettlement = await q(`SELECT s.id FROM settlement s
    LEFT JOIN (SELECT settlement_id, COUNT(*) AS n FROM ledger_entry WHERE cause = 'SETTLEMENT' GROUP BY settlement_id) l ON l.settlement_id = s.id
    LEFT JOIN (SELECT settlement_id, COUNT(*) AS n FROM settlement_payment GROUP BY settlement_id) p ON p.settlement_id = s.id
    WHERE COALESCE(l.n, 0) <> COALESCE(p.n, 0)`);
  check(perSettlement.length === 0, `one ledger entry per settlement payment (${perSettlement.length} settlements off)`);
  const [flows] = await q(`SELECT
      (SELECT COALESCE(SUM(acct_pay_fen + mulaid_pay_fen), 0) FROM settlement WHERE serial_no LIKE 'C${SEED}-%') AS out_fen,
      (SELECT COALESCE(SUM(r.account_fen), 0) FROM settlement_reversal r JOIN settlement s ON s.id = r.settlement_id WHERE s.serial_no LIKE 'C${SEED}-%') AS in_fen`);
  const after = await totalBalance();
  check(after === before - Number(flows.out_fen) + Number(flows.in_fen), `money conserved: ${before} − ${flows.out_fen} + ${flows.in_fen} = ${after}`);
  // the three Galera nodes hold the same ledger
  const mysql = require(path.join(root, 'server/node_modules/mysql2/promise'));
  const digests = [];
  for (const g of cluster.nodes) {
    const conn = await mysql.createConnection({ uri: `${g.url}/${dbName}` });
    await conn.query('SET SESSION wsrep_sync_wait = 1');
    const [[d]] = await conn.query('SELECT COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS s, COALESCE(MAX(id), 0) AS m FROM ledger_entry');
    const [[b]] = await conn.query('SELECT COALESCE(SUM(balance_fen), 0) AS b FROM personal_account');
    digests.push(`${d.n}/${d.s}/${d.m}/${b.b}`);
    await conn.end();
  }
  check(new Set(digests).size === 1, `all Galera nodes agree on the ledger (${digests.join(' | ')})`);
  const leaks = [];
  for (const n of api) {
    const lines = readFileSync(n.logFile, 'utf8').split('\n');
    for (const l of lines) if (/(?<!\d)\d{17}[\dXx](?![\dA-Za-z])/.test(l)) leaks.push(`${n.name}: ${l.slice(0, 200)}`);
  }
  const logLines = api.map((n) => readFileSync(n.logFile, 'utf8').split('\n').filter((l) => l.includes('"msg":"graphql"')).length);
  check(leaks.length === 0, `no unmasked 18-digit ID number in the API logs (${logLines.join(' + ')} request lines)${leaks.length ? `: ${leaks.slice(0, 3).join(' / ')}` : ''}`);

  const retries = (fault.metricsA?.retries ?? 0) + (metricsB?.retries ?? 0);
  console.log('\nreport');
  console.log(`  operations ${done} (${stats.settled} settlements, ${stats.resends} resends, ${stats.conflicts} altered resends refused by S8, ${stats.reversals} reversals, ${stats.refused} reversals refused) in ${(workMs / 1000).toFixed(1)} s`);
  console.log(`  server-side conflict retries (Galera certification / deadlock): ${retries} (A before SIGTERM: ${fault.metricsA?.retries ?? '?'}, B: ${metricsB?.retries ?? '?'}); exhausted: ${(fault.metricsA?.exhausted ?? 0) + (metricsB?.exhausted ?? 0)}`);
  console.log(`  outage seen by clients: ${stats.outageErrors} failed attempts resent to the other node (on A: ${outageSeen.A}, on B: ${outageSeen.B}); slowest acknowledged call ${stats.maxLatencyMs} ms`);
  for (const [kind, n] of outageKinds) console.log(`    ${n} × ${kind}`);
  console.log(`  API node B at the end: ${metricsB?.inFlight} requests in flight, pool ${JSON.stringify(metricsB?.pool)}, script pool ${JSON.stringify(metricsB?.scripts)}`);
  console.log(`  Galera node 2 down ${((fault.rejoinedAt - fault.killedAt) / 1000).toFixed(1)} s (rejoin ${fault.rejoinMs} ms); API node A drain ${fault.drainMs} ms`);
}

/** On a failure: what the API nodes and the Galera nodes last said (warnings and errors first), before the temp dirs go. */
function dumpDiagnostics() {
  const tail = (file, n, keep = () => true) => {
    try {
      return readFileSync(file, 'utf8').split('\n').filter(keep).slice(-n);
    } catch {
      return [];
    }
  };
  const notable = (l) => /"level":(40|50|60)|shutdown|stopped|group commit|timed out|error/i.test(l);
  for (const n of api) {
    console.log(`\n--- API node ${n.name}: last warnings, errors and lifecycle lines (${n.logFile})`);
    for (const l of tail(n.logFile, 40, notable)) console.log(`  ${l.slice(0, 400)}`);
    console.log(`--- API node ${n.name}: last lines`);
    for (const l of tail(n.logFile, 15)) console.log(`  ${l.slice(0, 400)}`);
  }
  if (cluster?.dir)
    for (const g of cluster.nodes) {
      console.log(`\n--- Galera ${g.name}: last lines of its error log`);
      const errLog = path.join(cluster.dir, `n${g.name.replace('node', '')}.err`);
      for (const l of tail(errLog, 25, (x) => /\[(ERROR|Warning)\]|Inconsisten|evict|partition|non-primary|Shifting|shutdown/i.test(x))) console.log(`  ! ${l.slice(0, 300)}`);
      for (const l of tail(errLog, 30)) console.log(`  ${l.slice(0, 300)}`);
      if (g.running) {
        const p = sql(g.port, 'SELECT id, command, time, state, LEFT(info, 160) FROM information_schema.processlist WHERE command <> \'Sleep\' AND time > 2');
        console.log(`--- Galera ${g.name}: statements running longer than 2 s\n${p ? p.split('\n').map((l) => `  ${l}`).join('\n') : '  (none or no answer)'}`);
        const locks = sql(g.port, 'SELECT trx_id, trx_state, trx_started, trx_wait_started, LEFT(trx_query, 160) FROM information_schema.innodb_trx');
        console.log(`--- Galera ${g.name}: open InnoDB transactions\n${locks ? locks.split('\n').map((l) => `  ${l}`).join('\n') : '  (none or no answer)'}`);
      }
    }
}

let crashed = null;
try {
  await main();
} catch (e) {
  crashed = e;
  console.error(e);
} finally {
  // While a hang (if any) is still there to be seen.
  if (crashed || failures.length) dumpDiagnostics();
  for (const n of api) if (!n.exited) n.child.kill('SIGTERM');
  const exits = api.map((n) => new Promise((r) => (n.exited ? r() : n.child.once('exit', r))));
  const timer = setTimeout(() => {
    for (const n of api) if (!n.exited) { console.log(`warning: API node ${n.name} did not stop in 45 s after SIGTERM; killed`); n.child.kill('SIGKILL'); }
  }, 45_000);
  await Promise.all(exits);
  clearTimeout(timer);
  for (const n of api.filter((x) => x.name === 'B' && x.exited)) {
    if (n.exited.code !== 0) failures.push(`API node B did not stop cleanly on SIGTERM at the end (${n.exited.signal ?? n.exited.code})`);
    console.log(`API node B stopped at the end: ${JSON.stringify(n.exited.signal ?? n.exited.code)}; ${readFileSync(n.logFile, 'utf8').split('\n').filter((l) => l.startsWith('{') && /shutdown|stopped|shutting/.test(l)).map((l) => JSON.parse(l).msg).join(' → ')}`);
  }
  if (t && process.env.GONGJI_GALERA_KEEP && (crashed || failures.length)) console.log(`kept: database ${t.deps.db.dataSource.options.database ?? ''} and the API logs in ${tmp}`);
  else if (t) await t.close().catch(() => undefined);
  if (cluster) await cluster.stop().catch(() => undefined);
  if (!(process.env.GONGJI_GALERA_KEEP && (crashed || failures.length))) rmSync(tmp, { recursive: true, force: true });
}
const secs = ((Date.now() - t0) / 1000).toFixed(0);
if (crashed || failures.length) {
  for (const f of failures) console.log(`problem: ${f}`);
  console.log(`cluster test: FAILED (${crashed ? `crashed: ${crashed.message}` : `${failures.length} check(s) failed`}) in ${secs} s`);
  process.exit(1);
}
console.log(`cluster test: PASSED — 3 Galera nodes, 2 API nodes, 1 database node killed and rejoined, 1 API node drained, invariants hold (${secs} s)`);
process.exit(0);
