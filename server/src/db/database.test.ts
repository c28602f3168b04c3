/**
 * Database.begin / transaction: a pooled connection is never handed back with a transaction that may
 * still be open. A Galera node outside the primary component refuses COMMIT and ROLLBACK alike
 * (error 1047) and keeps the transaction; pooled again, the connection's next user would read that
 * transaction's uncommitted rows as its own and its next START TRANSACTION would commit them. The
 * refusal is played here by making the ROLLBACK fail before it reaches the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from 'typeorm';
import { startTestServer, type TestServer } from '../testing/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());
const mysql = () => !t.db.isSqlite;

/** While `fn` runs, every query runner the data source creates refuses ROLLBACK (as a node out of the primary component does). */
async function refusingRollback<T>(fn: () => Promise<T>): Promise<T> {
  const ds = t.db.dataSource;
  const create = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = ((...args: Parameters<typeof create>) => {
    const qr: QueryRunner = create(...args);
    const query = qr.query.bind(qr);
    qr.query = (async (sql: string, params?: unknown[]) => {
      if (/^\s*ROLLBACK\b/i.test(sql)) throw Object.assign(new Error('WSREP has not yet prepared node for application use'), { errno: 1047 });
      return query(sql, params);
    }) as QueryRunner['query'];
    return qr;
  }) as typeof ds.createQueryRunner;
  try {
    return await fn();
  } finally {
    ds.createQueryRunner = create;
  }
}

async function connectionAlive(id: number): Promise<boolean> {
  const rows: unknown[] = await t.db.dataSource.query('SELECT ID FROM information_schema.PROCESSLIST WHERE ID = ?', [id]);
  return rows.length > 0;
}

async function waitClosed(id: number): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (!(await connectionAlive(id))) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe('transactions and the pool', () => {
  it('a rolled-back transaction returns its connection to the pool, open for the next user', async () => {
    if (!mysql()) return void expect(t.db.isSqlite).toBe(true); // SQLite: one connection, nothing pooled
    let session = 0;
    await expect(
      t.db.transaction(async (em) => {
        session = Number((await em.query('SELECT CONNECTION_ID() AS id'))[0].id);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(session).toBeGreaterThan(0);
    expect(await connectionAlive(session)).toBe(true);
  });

  it('a connection whose ROLLBACK failed is closed, not pooled: its uncommitted rows die with it', async () => {
    if (!mysql()) return void expect(t.db.isSqlite).toBe(true);
    const m = await t.member();
    let session = 0;
    await refusingRollback(() =>
      expect(
        t.db.transaction(async (em) => {
          session = Number((await em.query('SELECT CONNECTION_ID() AS id'))[0].id);
          await em.query("UPDATE member SET name = 'uncommitted' WHERE id = ?", [m.id]);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused'),
    );
    expect(await waitClosed(session)).toBe(true);
    // No pooled connection sees the change (the one that made it is gone, so the server rolled it back).
    const seen = await Promise.all(Array.from({ length: 12 }, () => t.db.dataSource.query('SELECT name FROM member WHERE id = ?', [m.id])));
    expect(seen.map((r) => r[0].name)).toEqual(Array(12).fill(m.name));
  });

  it('a connection whose COMMIT and then ROLLBACK failed is closed as well', async () => {
    if (!mysql()) return void expect(t.db.isSqlite).toBe(true);
    let session = 0;
    await refusingRollback(async () => {
      const tx = await t.db.begin();
      session = Number((await tx.em.query('SELECT CONNECTION_ID() AS id'))[0].id);
      // The COMMIT is refused by the server: end the session's transaction state with an error first.
      const qr = tx.em.queryRunner!;
      const query = qr.query.bind(qr);
      qr.query = (async (sql: string, params?: unknown[]) => {
        if (/^\s*COMMIT\b/i.test(sql)) throw Object.assign(new Error('WSREP has not yet prepared node for application use'), { errno: 1047 });
        return query(sql, params);
      }) as QueryRunner['query'];
      await expect(tx.commit()).rejects.toThrow(/WSREP/);
      await tx.rollback(); // a no-op after a failed commit: the handle already tried
      await tx.release();
    });
    expect(await waitClosed(session)).toBe(true);
  });
});
