import 'reflect-metadata';
import { createRequire } from 'node:module';
const require = createRequire('/work/main/server/dist/main.js');
const { openDataSource } = require('/work/main/server/dist/db/data-source.js');
const { Database } = require('/work/main/server/dist/db/database.js');
const { loadConfig } = require('/work/main/server/dist/config.js');
const { newContext } = require('/work/main/server/dist/core/context.js');
const { listBindings, BINDING_LIST } = require('/work/main/server/dist/modules/binding/binding.service.js');
const { loadPrincipal } = require('/work/main/server/dist/modules/auth/auth.service.js');
process.env.GONGJI_SECRET = 'bench-secret-bench-secret-bench-secret';
const config = loadConfig();
const ds = await openDataSource({ databaseUrl: 'mysql://root@127.0.0.1:43306/bench_scale', runMigrations: false });
const db = new Database(ds);
const staff = await ds.query("SELECT id FROM staff_user WHERE username = 'bench_nat'");
const c0 = newContext({ db, config, storage: null }); c0.em = ds.manager;
const principal = await loadPrincipal(c0, { kind: 'staff', sub: staff[0].id });
console.log('principal', principal?.kind, principal?.scope);
const mk = () => { const ctx = newContext({ db, config, storage: null }, { principal }); ctx.em = ds.manager; ctx.autocommit = true; return ctx; };
const args = { page: 1, perPage: 25, sortField: 'createdAt', sortOrder: 'DESC' };
const sel = undefined;
const raw = require('/work/main/server/node_modules/mysql2/promise.js');
const conn = await raw.createConnection('mysql://root@127.0.0.1:43306/bench_scale');
const apiSql = (await import('node:fs')).readFileSync('/tmp/api_bind.sql', 'utf8').trim();
async function time(name, fn, n = 3000) {
  for (let i = 0; i < 1000; i++) await fn();
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const c = process.cpuUsage(c0); const w = performance.now() - t0;
  console.log(name.padEnd(28), 'wall', (w / n).toFixed(3), 'cpu', ((c.user + c.system) / 1000 / n).toFixed(3));
}
const spin = (ms) => { const e = performance.now() + ms; while (performance.now() < e); };
for (const ms of [0, 0.05, 0.1, 0.2, 0.4]) await time(`raw after ${ms} ms spin`, () => { spin(ms); return conn.query(apiSql); }, 2000);
for (const ms of [0, 0.1, 0.2]) await time(`raw after ${ms} ms spin + setImmediate`, async () => { spin(ms); await new Promise((r) => setImmediate(r)); return conn.query(apiSql); }, 2000);
for (let r = 0; r < 2; r++) {
await time('raw mysql2', () => conn.query(apiSql));
await time('ds.manager.query', () => ds.manager.query(apiSql));
await time('listBindings', () => listBindings(mk(), { memberId: 4242 }, args, sel));
}
process.exit(0);
