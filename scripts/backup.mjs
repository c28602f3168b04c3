#!/usr/bin/env node
// Backup and restore of the gongji database (proof documents included: they live in the database
// unless GONGJI_PROOF_STORAGE says otherwise — then back up the bucket or directory as well).
//   pnpm ops:backup [--out FILE]             DATABASE_URL → FILE (default gongji-<db>-<UTC time>.sql.gz)
//   pnpm ops:restore FILE [--force]           FILE → DATABASE_URL (its database is created if missing;
//                                              refused if it already has tables, unless --force)
// MySQL/MariaDB: a consistent snapshot with `mariadb-dump --single-transaction` (InnoDB, no locks
// held while the API runs; on Galera run it against one node), restored with the `mariadb` client.
// SQLite (no DATABASE_URL): an online copy of $GONGJI_DATA_DIR/gongji.sqlite through SQLite's backup API.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'server/package.json'));

function which(names) {
  for (const name of names)
    for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/bin', '/usr/local/bin'])
      if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  throw new Error(`none of ${names.join(', ')} is installed (apt-get install mariadb-client)`);
}

/** Connection arguments for the mariadb tools; the password goes through the environment, not argv. */
function connection(url) {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new Error('DATABASE_URL must name a database (mysql://user:pass@host:3306/gongji)');
  const args = [`--host=${u.hostname}`, `--port=${u.port || 3306}`, `--user=${decodeURIComponent(u.username)}`, '--default-character-set=utf8mb4'];
  const env = { ...process.env, MYSQL_PWD: decodeURIComponent(u.password) };
  return { args, env, database };
}

function waitFor(child, what) {
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} failed (exit ${code}): ${stderr.slice(-2000)}`)))),
  );
}

async function sqliteFile() {
  const dataDir = path.resolve(process.env.GONGJI_DATA_DIR ?? path.join(process.cwd(), 'data'));
  return path.join(dataDir, 'gongji.sqlite');
}

export async function backup({ databaseUrl = process.env.DATABASE_URL?.trim(), out } = {}) {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
  if (!databaseUrl) {
    const Database = require('better-sqlite3');
    const file = out ?? `gongji-sqlite-${stamp}.sqlite`;
    const db = new Database(await sqliteFile(), { readonly: true });
    await db.backup(file);
    db.close();
    return file;
  }
  const c = connection(databaseUrl);
  const file = out ?? `gongji-${c.database}-${stamp}.sql.gz`;
  const dump = spawn(
    which(['mariadb-dump', 'mysqldump']),
    [...c.args, '--single-transaction', '--quick', '--hex-blob', '--skip-lock-tables', '--no-tablespaces', '--skip-triggers', '--skip-add-drop-table', c.database],
    { env: c.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const done = waitFor(dump, 'mariadb-dump');
  await pipeline(dump.stdout, createGzip(), createWriteStream(file, { mode: 0o600 }));
  await done;
  return file;
}

export async function restore({ databaseUrl = process.env.DATABASE_URL?.trim(), file, force = false }) {
  if (!file || !existsSync(file)) throw new Error(`no backup file ${file ?? '(none given)'}`);
  if (!databaseUrl) {
    const Database = require('better-sqlite3');
    const target = await sqliteFile();
    if (existsSync(target) && !force) throw new Error(`${target} exists; pass --force to overwrite it`);
    const src = new Database(file, { readonly: true });
    await src.backup(target);
    src.close();
    return target;
  }
  const c = connection(databaseUrl);
  const client = which(['mariadb', 'mysql']);
  const ask = (sql, db) =>
    new Promise((resolve, reject) => {
      const p = spawn(client, [...c.args, '-N', '-B', '-e', sql, ...(db ? [db] : [])], { env: c.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      waitFor(p, 'mariadb').then(() => resolve(out.trim()), reject);
    });
  const quoted = `\`${c.database.replace(/`/g, '``')}\``;
  await ask(`CREATE DATABASE IF NOT EXISTS ${quoted} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const tables = Number(await ask(`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '${c.database.replace(/'/g, "''")}'`));
  if (tables > 0 && !force) throw new Error(`database ${c.database} already has ${tables} tables; restore into an empty database, or pass --force`);
  const load = spawn(client, [...c.args, c.database], { env: c.env, stdio: ['pipe', 'ignore', 'pipe'] });
  const done = waitFor(load, 'mariadb (restore)');
  await pipeline(createReadStream(file), ...(file.endsWith('.gz') ? [createGunzip()] : []), load.stdin);
  await done;
  return c.database;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [cmd, ...rest] = process.argv.slice(2);
  const opt = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const started = Date.now();
  try {
    if (cmd === 'backup') {
      const file = await backup({ out: opt('--out') });
      console.log(`backup: wrote ${file} in ${Date.now() - started} ms`);
    } else if (cmd === 'restore') {
      const file = rest.find((a) => !a.startsWith('--'));
      const target = await restore({ file, force: rest.includes('--force') });
      console.log(`restore: ${file} → ${target} in ${Date.now() - started} ms; start the server (migrations newer than the backup run at start), then check auditChainCheck`);
    } else {
      console.error('usage: node scripts/backup.mjs backup [--out FILE] | restore FILE [--force]');
      process.exit(2);
    }
  } catch (e) {
    console.error(`${cmd}: ${e.message}`);
    process.exit(1);
  }
}
