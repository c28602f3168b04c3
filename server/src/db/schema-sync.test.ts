import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { openDataSource } from './data-source';

let ds: DataSource | null = null;
let drop: (() => Promise<void>) | null = null;

afterAll(async () => {
  await ds?.destroy();
  await drop?.();
});

describe('migrations', () => {
  it('create exactly the schema the entities describe, on this database', async () => {
    const url = process.env.DATABASE_URL?.trim();
    let databaseUrl: string | null = null;
    if (url && /^(mysql|mariadb):\/\//.test(url)) {
      const server = new URL(url.replace(/^mariadb:/, 'mysql:'));
      const name = `gongji_s_${randomBytes(4).toString('hex')}`;
      const opts = { host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password) };
      const c = await mysql.createConnection(opts);
      await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await c.end();
      drop = async () => {
        const d = await mysql.createConnection(opts);
        await d.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await d.end();
      };
      server.pathname = `/${name}`;
      databaseUrl = server.toString();
    }
    ds = await openDataSource({ databaseUrl, sqlitePath: ':memory:' });
    expect(ds.migrations.length).toBeGreaterThan(0);
    const pending = (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
    expect(pending, `schema differs from the entities; run migration:generate:\n${pending.join('\n')}`).toEqual([]);
  });
});
