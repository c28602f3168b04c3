// Fraud batch scan (F3–F8): generate GONGJI_BENCH_FRAUD_ROWS settlements (default 1,000,000) directly
// in MariaDB with INSERT … SELECT, run the real scan code (server/dist, its own Node process, chunked,
// recording signals and cases), then run the very same rule statements once over the whole range
// straight through mysql2, as a floor.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const ROWS = Math.max(1000, Number(process.env.GONGJI_BENCH_FRAUD_ROWS ?? 1_000_000));
const CHUNK = Number(process.env.GONGJI_BENCH_FRAUD_CHUNK ?? 5_000);
const DB = 'bench_fraud';
const INSTITUTIONS = 200;

// The child runs server/dist code: `setup` migrates and seeds reference data, `scan` runs runFraudScan.
const CHILD = `
const path = require('node:path');
require('node:module').createRequire(path.join(process.env.ROOT, 'server', 'package.json'))('reflect-metadata');
const dist = path.join(process.env.ROOT, 'server', 'dist');
const { openDataSource } = require(path.join(dist, 'db', 'data-source.js'));
const { Database } = require(path.join(dist, 'db', 'database.js'));
(async () => {
  const ds = await openDataSource({ databaseUrl: process.env.DATABASE_URL });
  const db = new Database(ds);
  try {
    if (process.argv[2] === 'setup') {
      const { seedReference } = require(path.join(dist, 'seed', 'reference.js'));
      await db.transaction((em) => seedReference(em));
      console.log(JSON.stringify({ ok: true }));
    } else {
      const { runFraudScan } = require(path.join(dist, 'modules', 'fraud', 'fraud-scan.service.js'));
      let last = -1;
      const s = await runFraudScan({ db }, { chunkSize: Number(process.env.CHUNK), onProgress: ({ done, total }) => {
        const pct = total ? Math.floor((done / total) * 10) : 10;
        if (pct !== last) { last = pct; console.error('progress ' + done + '/' + total); }
      } });
      console.log(JSON.stringify({ ...s, maxRssKb: process.resourceUsage().maxRSS }));
    }
  } finally {
    await db.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
`;

function runChild(file, args, env, log) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(process.env.GONGJI_BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean), file, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      for (const line of String(d).split('\n')) if (line.startsWith('progress ')) log(`scan ${line.slice(9)}`);
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`child ${args[0]} failed (${code}): ${err.slice(-2000)}`));
      const last = out.trim().split('\n').pop();
      resolve(JSON.parse(last));
    });
  });
}

export default async function ({ mariadbUrl, root, log }) {
  const require = createRequire(path.join(root, 'server', 'package.json'));
  const mysql = require('mysql2/promise');
  const { detectRange } = require(path.join(root, 'server', 'dist', 'modules', 'fraud', 'fraud-detect.js'));
  const server = new URL(mariadbUrl);
  const conn = await mysql.createConnection({ host: server.hostname, port: Number(server.port), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password), multipleStatements: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'gongji-fraud-bench-'));
  globalThis.__gongjiBenchCleanup?.push(() => rmSync(tmp, { recursive: true, force: true }));
  const childFile = path.join(tmp, 'child.cjs');
  writeFileSync(childFile, CHILD);
  const dbUrl = `mysql://${server.username ? `${server.username}${server.password ? `:${server.password}` : ''}@` : ''}${server.host}/${DB}`;
  const env = { ROOT: root, DATABASE_URL: dbUrl, CHUNK: String(CHUNK), GONGJI_DB_POOL: '4' };
  try {
    await conn.query(`DROP DATABASE IF EXISTS ${DB}; CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; USE ${DB}`);
    log('migrating and seeding reference data');
    await runChild(childFile, ['setup'], env, log);

    // ---- data generation (MariaDB, set-based)
    const g0 = performance.now();
    const members = Math.max(1000, Math.floor(ROWS / 5));
    const givers = Math.max(10, Math.floor(members / 8));
    const [regionRows] = await conn.query('SELECT code, province_code AS p FROM pooling_region ORDER BY code');
    const step = Math.floor(regionRows.length / 8);
    const regions = Array.from({ length: 8 }, (_, i) => regionRows[i * step]);
    const R = (expr) => `ELT(1 + (${expr}) % 8, ${regions.map((r) => `'${r.code}'`).join(', ')})`;
    const P = (expr) => `ELT(1 + (${expr}) % 8, ${regions.map((r) => `'${r.p}'`).join(', ')})`;
    await conn.query('CREATE TABLE bench_nums (n INT PRIMARY KEY)');
    await conn.query(`INSERT INTO bench_nums (n) VALUES ${Array.from({ length: 1000 }, (_, i) => `(${i})`).join(',')}`);
    const seq = (limit) => `SELECT a.n * 1000 + b.n + 1 AS k FROM bench_nums a CROSS JOIN bench_nums b WHERE a.n * 1000 + b.n < ${limit}`;
    const seqBig = (limit) => `SELECT c.n * 1000000 + a.n * 1000 + b.n + 1 AS k FROM bench_nums c CROSS JOIN bench_nums a CROSS JOIN bench_nums b WHERE c.n < ${Math.ceil(limit / 1_000_000)} AND c.n * 1000000 + a.n * 1000 + b.n < ${limit}`;
    await conn.query(`INSERT INTO institution (code, name, kind, region_code, province_code, secret_hash, active)
      SELECT CONCAT(IF(k % 2 = 0, 'P', 'H'), LPAD(k, 11, '0')), CONCAT('bench ', k), IF(k % 2 = 0, 'PHARMACY', 'HOSPITAL'), ${R('k')}, ${P('k')}, 'x', 1 FROM (${seq(INSTITUTIONS)}) s`);
    log(`members: ${members} patients + ${givers} givers`);
    // members 1..M are patients, M+1..M+G givers; region = regions[id % 8]
    await conn.query(`INSERT INTO member (id, id_number, name, sex, birth_date, scheme, status, insured_region, province_code, retired, offsite_account_permission, version)
      SELECT k, CONCAT('B', LPAD(k, 17, '0')), 'bench', IF(k % 2 = 1, 'MALE', 'FEMALE'), DATE_ADD('1950-01-01', INTERVAL (k * 37) % 20000 DAY),
             IF(k > ${members}, 'EMPLOYEE', IF(k % 3 = 0, 'RESIDENT', 'EMPLOYEE')), 'ACTIVE', ${R('k')}, ${P('k')}, 0, 1, 1
      FROM (${seq(members + givers)}) s`);
    await conn.query(`INSERT INTO personal_account (member_id, balance_fen, reserved_fen) SELECT k, 5000000, 0 FROM (${seq(members + givers)}) s WHERE k > ${members}`);
    // one binding per patient p with p % 4 = 0 (id p/4); giver M+1 pays for the first 100 of them (fan-out)
    const giverOf = (p) => `IF(${p} <= 400, ${members + 1}, ${members + 2} + (${p} DIV 4) % ${givers - 1})`;
    await conn.query(`INSERT INTO binding (id, kind, giver_id, beneficiary_id, relationship, initiated_by, state, confirmation_required, activation_mode, approved, priority,
        reserved_fen, resident_premium_opt_in, giver_region, beneficiary_region, giver_province, beneficiary_province, policy_version_id, live_key, activated_at, version)
      SELECT k DIV 4, 'MUTUAL_AID', ${giverOf('k')}, k, 'CHILD', 'GIVER', 'ACTIVE', 0, 'COMMIT_THEN_REVIEW', 1, 1, 0, 0,
             ${R(giverOf('k'))}, ${R('k')}, ${P(giverOf('k'))}, ${P('k')}, 1, CONCAT('b', k), DATE_SUB(NOW(6), INTERVAL (k % 120) DAY), 1
      FROM (${seq(members)}) s WHERE k % 4 = 0`);
    log(`settlements: ${ROWS}`);
    // 30% pharmacy (drug codes), ~0.1% maternity, 2% treated far from home (every 1000th row right after the
    // same patient's previous one: impossible travel); 20 heavy patients (1 in 200 rows)
    const patient = `IF(k % 200 = 7, 1 + (k DIV 200) % 20, 1 + ((k - IF(k % 1000 = 500, 1, 0)) * 7919) % ${members})`;
    const span = 90 * 86400;
    await conn.query(`INSERT INTO settlement (id, institution_id, serial_no, request_hash, patient_id, credential_type, credential_no_masked, category, total_fen, pool_fen, self_pay_fen,
        acct_pay_fen, mulaid_pay_fen, cash_fen, reversed_fen, cash_reversed_fen, place_region, place_province, patient_region, patient_province, treated_at,
        acct_used_flag, offsite, status, policy_versions, drug_codes, created_at)
      SELECT k, IF(k % 200 = 7, 1 + (k DIV 200) % ${INSTITUTIONS}, 1 + k % ${INSTITUTIONS}), CONCAT('B', k), 'b', pt, '02', 'x', cat, sp + 500, 500, sp, 0, mul, sp - mul, 0, 0,
             ${R('pt + far')}, ${P('pt + far')}, ${R('pt')}, ${P('pt')}, DATE_SUB(NOW(6), INTERVAL ${span} - FLOOR(k * ${span} / ${ROWS}) SECOND), 0, far > 0, 'SETTLED', '[]',
             IF(cat = 'PHARMACY', CONCAT('["D', k % 300, '"]'), '[]'), DATE_SUB(NOW(6), INTERVAL ${span} - FLOOR(k * ${span} / ${ROWS}) - 60 SECOND)
      FROM (SELECT k, ${patient} AS pt, IF(k % 50 = 0, 3, 0) AS far, 1000 + k % 5000 AS sp,
                   CASE WHEN k % 997 = 0 THEN 'MATERNITY' WHEN k % 10 < 3 OR k % 200 = 7 THEN 'PHARMACY' ELSE 'OUTPATIENT' END AS cat,
                   IF((${patient}) % 4 = 0 AND k % 3 = 0, (1000 + k % 5000) DIV 2, 0) AS mul
            FROM (${seqBig(ROWS)}) s) x`);
    await conn.query(`INSERT INTO settlement_payment (settlement_id, seq, payer_member_id, account_id, binding_id, amount_fen, from_reserve_fen, reversed_fen)
      SELECT s.id, 1, b.giver_id, b.giver_id - ${members}, b.id, s.mulaid_pay_fen, 0, 0 FROM settlement s JOIN binding b ON b.beneficiary_id = s.patient_id WHERE s.mulaid_pay_fen > 0`);
    await conn.query('DROP TABLE bench_nums');
    const [[counts]] = await conn.query("SELECT (SELECT COUNT(*) FROM settlement) AS s, (SELECT COUNT(*) FROM settlement_payment) AS p, (SELECT COUNT(*) FROM settlement WHERE drug_codes <> '[]') AS d, (SELECT COUNT(*) FROM binding) AS b");
    const genSeconds = (performance.now() - g0) / 1000;
    log(`generated ${counts.s} settlements, ${counts.p} payments, ${counts.d} with drug codes, ${counts.b} bindings in ${genSeconds.toFixed(1)} s`);

    // ---- the real scan (server/dist), in its own process
    log(`scan (chunks of ${CHUNK})`);
    const scan = await runChild(childFile, ['scan'], env, log);
    const [[found]] = await conn.query('SELECT (SELECT COUNT(*) FROM fraud_signal) AS signals, (SELECT COUNT(*) FROM fraud_case) AS cases');
    const [byRule] = await conn.query('SELECT rule, COUNT(*) AS n FROM fraud_signal GROUP BY rule ORDER BY rule');
    log(`scan: ${scan.scanned} settlements in ${scan.seconds.toFixed(1)} s, ${found.signals} signals, ${found.cases} cases, peak RSS ${(scan.maxRssKb / 1024).toFixed(0)} MiB`);

    // ---- the same statements, once over the whole range, straight through mysql2
    const [pv] = await conn.query(
      `SELECT v.id, v.province_code, v.rules FROM policy_version v
       WHERE v.effective_from <= CURDATE() AND NOT EXISTS (SELECT 1 FROM policy_version w WHERE w.province_code = v.province_code AND w.effective_from <= CURDATE()
         AND (w.effective_from > v.effective_from OR (w.effective_from = v.effective_from AND w.version > v.version)))`,
    );
    const policies = pv.map((r) => ({ provinceCode: r.province_code, policyVersionId: r.id, fraud: JSON.parse(r.rules).fraud }));
    const statements = [];
    const recorder = { connection: { options: { type: 'mariadb' } }, query: async (sql, params) => (statements.push({ sql, params }), []) };
    const [[span2]] = await conn.query('SELECT MIN(treated_at) AS f, MAX(treated_at) AS t, MAX(id) AS m FROM settlement');
    await detectRange(recorder, { lo: 0, hi: Number(span2.m) }, policies, { treatedFrom: span2.f, treatedTo: span2.t });
    const names = ['F3 travel', 'F3 institutions/day', 'F4 demographics', 'F5 visits/period', 'F5 pharmacies/day', 'F5 same drug', 'F6 drain', 'F8 giver fan-out', 'F8 institution fan-out'];
    const raw = [];
    for (const [i, st] of statements.entries()) {
      const t0 = performance.now();
      const [rows] = await conn.query(st.sql, st.params);
      raw.push({ name: names[i] ?? `rule ${i + 1}`, rows: rows.length, seconds: (performance.now() - t0) / 1000 });
      log(`raw SQL ${raw.at(-1).name}: ${rows.length} rows in ${raw.at(-1).seconds.toFixed(2)} s`);
    }
    const rawTotal = raw.reduce((s, r) => s + r.seconds, 0);

    const fmt = (n) => n.toLocaleString('en-US');
    const markdown = [
      '## Fraud batch scan (F3–F8)',
      '',
      `${fmt(Number(counts.s))} settlements generated in MariaDB by set-based INSERT … SELECT (${genSeconds.toFixed(1)} s): ${fmt(members)} patients in 8 pooling regions, ${fmt(givers)} givers,`,
      `${fmt(Number(counts.b))} bindings, ${fmt(Number(counts.p))} mutual-aid payments, ${fmt(Number(counts.d))} pharmacy purchases with drug codes; 30% pharmacy, ~0.1% maternity, 2% treated far from home (0.1% minutes after a settlement at home),`,
      `20 heavy pharmacy customers and one giver paying for 100 beneficiaries, spread over 90 days. Thresholds: each province's policy version in force.`,
      '',
      '| run | rows | seconds | rows/s | peak RSS |',
      '|---|---:|---:|---:|---:|',
      `| \`runFraudScan\` (server/dist, own process, chunks of ${fmt(CHUNK)}, signals and cases recorded) | ${fmt(scan.scanned)} | ${scan.seconds.toFixed(1)} | ${fmt(Math.round(scan.scanned / Math.max(scan.seconds, 0.001)))} | ${(scan.maxRssKb / 1024).toFixed(0)} MiB |`,
      `| the same rule statements, once over the whole range, via mysql2 | ${fmt(Number(counts.s))} | ${rawTotal.toFixed(1)} | ${fmt(Math.round(Number(counts.s) / Math.max(rawTotal, 0.001)))} | – |`,
      '',
      `Found: ${fmt(Number(found.signals))} signals (${byRule.map((r) => `${r.rule} ${fmt(Number(r.n))}`).join(', ') || 'none'}) in ${fmt(Number(found.cases))} cases.`,
      '',
      '| rule statement (raw, whole range) | result rows | seconds |',
      '|---|---:|---:|',
      ...raw.map((r) => `| ${r.name} | ${fmt(r.rows)} | ${r.seconds.toFixed(2)} |`),
      '',
      'The scan time includes recording the signals and merging them into cases, one transaction per chunk.',
      'The generated givers have no ledger history, so F6 (which needs the balance before the drain) finds nothing here. The raw F5 same-drug statement compares whole drug-code lists (one code per generated purchase).',
      "The scan runs the outbox consumer's engine (fraud-engine.ts), set-based per chunk: one read per kind of row, the patients' own settlement history by range reads on (patient_id, treated_at) (kept between chunks, so each patient is read about once per scan), and the F6/F8 running aggregates (fraud_tally, one row per binding, giver and institution–giver pair with mutual aid, multi-row upserts of 300). Besides reading it writes those aggregates and records signals and cases; the raw statements only read.",
      `Ratio scan ÷ raw: ${(scan.seconds / Math.max(rawTotal, 0.001)).toFixed(2)}× (target ≤ 1.5×). Both timings share the machine, and the load, of the moment.`,
    ].join('\n');
    return { name: 'fraud-scan', markdown, summary: `scan ${fmt(scan.scanned)} rows in ${scan.seconds.toFixed(1)} s; raw SQL ${rawTotal.toFixed(1)} s; ${found.signals} signals` };
  } finally {
    await conn.query(`DROP DATABASE IF EXISTS ${DB}`).catch(() => undefined);
    await conn.end();
    rmSync(tmp, { recursive: true, force: true });
  }
}
