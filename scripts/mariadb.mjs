#!/usr/bin/env node
// Start a throwaway MariaDB server (for tests, benchmarks and migration generation).
//   node scripts/mariadb.mjs --check   start, print the version, stop
//   node scripts/mariadb.mjs           start and keep running until Ctrl-C, printing its URL
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function which(name) {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin']) {
    const p = path.join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return null;
}

export function mariadbAvailable() {
  return Boolean(which('mariadbd') && which('mariadb-install-db'));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.once('connect', () => { sock.destroy(); resolve(true); });
    sock.once('error', () => resolve(false));
  });
}

/** Start a server in a temp datadir. Returns { url, port, version, stop() }. */
export async function startMariaDb({ quiet = false } = {}) {
  const mariadbd = which('mariadbd');
  const installDb = which('mariadb-install-db');
  if (!mariadbd || !installDb) throw new Error('MariaDB is not installed (apt-get install -y mariadb-server)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongji-mariadb-'));
  const data = path.join(dir, 'data');
  const init = spawnSync(installDb, [`--user=root`, `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`mariadb-install-db failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const child = spawn(
    mariadbd,
    [
      '--no-defaults', '--user=root', `--datadir=${data}`, `--socket=${path.join(dir, 'sock')}`, `--port=${port}`,
      '--bind-address=127.0.0.1', '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci',
      '--skip-log-bin', '--innodb-buffer-pool-size=256M', '--max-connections=500', '--innodb-flush-log-at-trx-commit=2',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  const started = Date.now();
  while (!(await canConnect(port))) {
    if (exited) throw new Error(`mariadbd exited: ${stderr.slice(-2000)}`);
    if (Date.now() - started > 30_000) throw new Error(`mariadbd did not start in 30 s: ${stderr.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const client = which('mariadb') ?? which('mysql');
  let version = 'MariaDB';
  if (client) {
    for (let i = 0; i < 50; i++) {
      const v = spawnSync(client, ['-h127.0.0.1', `-P${port}`, '-uroot', '-N', '-e', 'SELECT VERSION()'], { encoding: 'utf8' });
      if (v.status === 0) { version = v.stdout.trim(); break; }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!quiet) console.log(`mariadb: ${version} on 127.0.0.1:${port} (started in ${Date.now() - started} ms)`);
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await new Promise((r) => { if (exited) r(); else child.once('exit', r); setTimeout(r, 10_000); });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `mysql://root@127.0.0.1:${port}`, port, version, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const db = await startMariaDb();
  if (process.argv.includes('--check')) {
    await db.stop();
  } else {
    console.log(`DATABASE_URL=${db.url}/gongji   (Ctrl-C stops and deletes it)`);
    const stop = async () => { await db.stop(); process.exit(0); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
}
