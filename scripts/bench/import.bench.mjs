// Registry import (R1): write a members CSV of GONGJI_BENCH_IMPORT_ROWS rows (default 1,000,000; valid
// ID numbers, 8 pooling regions, 70% EMPLOYEE), import it with the real code (server/dist, its own Node
// process, streamed, batches, progress, audit), and compare with a floor: the same rows, already parsed,
// inserted straight through mysql2 as multi-row INSERTs of 1,000 rows (+ the accounts INSERT … SELECT)
// into empty copies of the same tables.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const ROWS = Math.max(1000, Number(process.env.GONGJI_BENCH_IMPORT_ROWS ?? 1_000_000));
const DB = 'bench_import';

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
      const { importRegistryFile } = require(path.join(dist, 'modules', 'registry', 'registry-import.service.js'));
      let last = -1;
      const t0 = performance.now();
      const job = await importRegistryFile({ db, config: {}, storage: null }, { kind: 'system', name: 'bench' }, {
        kind: 'MEMBERS', file: process.env.FILE, dryRun: false,
        onProgress: ({ done, total }) => {
          const pct = total ? Math.floor((done / total) * 10) : 10;
          if (pct !== last) { last = pct; console.error('progress ' + done + '/' + total); }
        },
      });
      console.log(JSON.stringify({ job, seconds: (performance.now() - t0) / 1000, maxRssKb: process.resourceUsage().maxRSS }));
    }
  } finally {
    await db.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
`;

function runChild(file, args, env, log) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      for (const line of String(d).split('\n')) if (line.startsWith('progress ')) log(`import ${line.slice(9)} bytes`);
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`child ${args[0]} failed (${code}): ${err.slice(-2000)}`));
      resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

export default async function ({ mariadbUrl, root, log }) {
  const require = createRequire(path.join(root, 'server', 'package.json'));
  const mysql = require('mysql2/promise');
  const shared = require(path.join(root, 'shared', 'dist', 'index.js'));
  const server = new URL(mariadbUrl);
  const conn = await mysql.createConnection({ host: server.hostname, port: Number(server.port), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password), multipleStatements: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'gongji-import-bench-'));
  globalThis.__gongjiBenchCleanup?.push(() => rmSync(tmp, { recursive: true, force: true }));
  const childFile = path.join(tmp, 'child.cjs');
  writeFileSync(childFile, CHILD);
  const csv = path.join(tmp, 'members.csv');
  const dbUrl = `mysql://${server.username ? `${server.username}${server.password ? `:${server.password}` : ''}@` : ''}${server.host}/${DB}`;
  const env = { ROOT: root, DATABASE_URL: dbUrl, FILE: csv, GONGJI_DB_POOL: '4' };
  try {
    await conn.query(`DROP DATABASE IF EXISTS ${DB}; CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; USE ${DB}`);
    log('migrating and seeding reference data');
    await runChild(childFile, ['setup'], env, log);

    // ---- the file: distinct valid ID numbers (district 440305 … birth dates × sequence numbers)
    const regions = ['440300', '440100', '110000', '310000', '330100', '320100', '510100', '420100'];
    const districts = ['440305', '440106', '110105', '310104', '330106', '320106', '510107', '420106'];
    const rows = [];
    const g0 = performance.now();
    const out = createWriteStream(csv);
    out.write('身份证号,姓名,性别,险种,参保地,是否退休\n');
    for (let i = 0; i < ROWS; i++) {
      const day = Math.floor(i / 1000);
      const birth = new Date(Date.UTC(1940, 0, 1) + day * 86400_000).toISOString().slice(0, 10);
      const id = shared.makeIdNumber(districts[i % 8], birth, i % 1000);
      const sex = (i % 1000) % 2 === 1 ? 'MALE' : 'FEMALE';
      const scheme = i % 10 < 7 ? 'EMPLOYEE' : 'RESIDENT';
      const retired = birth < '1963-01-01';
      rows.push([id, `测试${i}`, sex, birth, scheme, regions[i % 8], regions[i % 8].slice(0, 2), retired ? 1 : 0]);
      if (!out.write(`${id},测试${i},${sex === 'MALE' ? '男' : '女'},${scheme === 'EMPLOYEE' ? '职工' : '居民'},${regions[i % 8]},${retired ? '是' : '否'}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const bytes = statSync(csv).size;
    log(`wrote ${ROWS} rows (${(bytes / 1024 ** 2).toFixed(0)} MiB) in ${((performance.now() - g0) / 1000).toFixed(1)} s`);

    // ---- the real import
    const real = await runChild(childFile, ['import'], env, log);
    const [[count]] = await conn.query('SELECT (SELECT COUNT(*) FROM member) AS m, (SELECT COUNT(*) FROM personal_account) AS a');
    log(`import: ${real.job.inserted} members in ${real.seconds.toFixed(1)} s (${count.a} accounts), peak RSS ${(real.maxRssKb / 1024).toFixed(0)} MiB`);

    // ---- the floor: the same rows, parsed already, multi-row INSERTs straight through mysql2
    await conn.query('CREATE TABLE floor_member LIKE member; CREATE TABLE floor_account LIKE personal_account');
    const f0 = performance.now();
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await conn.query(
        'INSERT INTO floor_member (id_number, name, sex, birth_date, scheme, status, insured_region, province_code, retired, offsite_account_permission, version) VALUES ' +
          chunk.map(() => "(?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, 0, 1)").join(','),
        chunk.flat(),
      );
      const ids = chunk.filter((r) => r[4] === 'EMPLOYEE').map((r) => r[0]);
      if (ids.length)
        await conn.query(
          `INSERT INTO floor_account (member_id, balance_fen, reserved_fen) SELECT id, 0, 0 FROM floor_member WHERE id_number IN (${ids.map(() => '?').join(',')})`,
          ids,
        );
    }
    const floorSeconds = (performance.now() - f0) / 1000;
    log(`floor: ${rows.length} rows in ${floorSeconds.toFixed(1)} s`);

    const fmt = (n) => n.toLocaleString('en-US');
    const ratio = real.seconds / floorSeconds;
    const markdown = [
      '## Registry import (R1)',
      '',
      `A members CSV of ${fmt(ROWS)} rows (${(bytes / 1024 ** 2).toFixed(0)} MiB, UTF-8; valid ID numbers in 8 pooling regions, 70% EMPLOYEE) imported into an empty`,
      'MariaDB registry by `pnpm run import members` code (`importRegistryFile` from server/dist in its own process: streamed csv-parse, R3 checks,',
      'duplicate check, batches of 1,000 rows per transaction with one multi-row INSERT, accounts by INSERT … SELECT, progress row at most',
      'once a second, audit with the SHA-256), against a floor: the same rows already parsed, inserted straight through mysql2 as multi-row',
      'INSERTs of 1,000 rows plus the same accounts INSERT … SELECT, into empty copies of the tables.',
      '',
      '| run | rows | seconds | rows/s | peak RSS |',
      '|---|---:|---:|---:|---:|',
      `| \`importRegistryFile\` (real run) | ${fmt(real.job.inserted)} | ${real.seconds.toFixed(1)} | ${fmt(Math.round(real.job.inserted / real.seconds))} | ${(real.maxRssKb / 1024).toFixed(0)} MiB |`,
      `| floor: multi-row INSERT via mysql2 | ${fmt(rows.length)} | ${floorSeconds.toFixed(1)} | ${fmt(Math.round(rows.length / floorSeconds))} | – |`,
      '',
      `Import / floor: **${ratio.toFixed(2)}×** (target ≤ 3×). ${fmt(Number(count.a))} personal accounts opened.`,
    ].join('\n');
    return { name: 'import', markdown, summary: `import ${fmt(real.job.inserted)} rows in ${real.seconds.toFixed(1)} s; floor ${floorSeconds.toFixed(1)} s; ${ratio.toFixed(2)}×` };
  } finally {
    await conn.query(`DROP DATABASE IF EXISTS ${DB}`).catch(() => undefined);
    await conn.end();
    rmSync(tmp, { recursive: true, force: true });
  }
}
