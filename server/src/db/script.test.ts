/**
 * Script transactions (db/script.ts): several statements in one round trip, on MySQL/MariaDB only.
 * What the group commit relies on: results in order, nothing after a failed statement runs, a
 * transaction is never left open on a pooled connection, the ledger's balance-after is read from the
 * row the debit left — and TypeORM's own connections still refuse a second statement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conditionalDebitStatement, debitLedgerStatement } from '../modules/account/account.service';
import { startTestServer, type TestServer } from '../testing/harness';
import { isUniqueViolation } from './database';
import { headerOf, rowsOf } from './script';

let t: TestServer;
let mysql = false;
beforeAll(async () => {
  t = await startTestServer();
  mysql = !t.db.isSqlite;
});
afterAll(async () => {
  await t?.close();
});

async function accountOf(memberId: number): Promise<number> {
  const rows: Array<{ id: number | string }> = await t.db.dataSource.query('SELECT id FROM personal_account WHERE member_id = ?', [memberId]);
  return Number(rows[0].id);
}

async function balances(ids: number[]): Promise<number[]> {
  const rows: Array<{ id: number | string; balance_fen: number | string }> = await t.db.dataSource.query(
    `SELECT id, balance_fen FROM personal_account WHERE id IN (${ids.map(() => '?').join(',')})`,
    ids,
  );
  return ids.map((id) => Number(rows.find((r) => Number(r.id) === id)!.balance_fen));
}

// Both transports: multi-statement round trips (MySQL, plain MariaDB) and one statement per round
// trip (Galera, GONGJI_DB_SCRIPTS=0) must give the same results and the same guarantees.
describe.each(['multi-statement', 'one by one'])('script transactions (%s)', (transport) => {
  beforeAll(() => t.db.setScriptsOneByOne(transport === 'one by one'));
  afterAll(() => t.db.setScriptsOneByOne(null));

  it('SQLite has none: a clear error, so nothing silently runs one statement at a time', async () => {
    if (mysql) return void expect(t.db.isSqlite).toBe(false);
    await expect(t.db.beginScript()).rejects.toThrow(/MySQL\/MariaDB/);
  });

  it('script connections read committed, as every transaction of the API', async () => {
    if (!mysql) return void expect(t.db.isSqlite).toBe(true);
    const tx = await t.db.beginScript();
    try {
      const [vars] = await tx.commit([{ sql: "SHOW SESSION VARIABLES LIKE '%isolation'", params: [] }]);
      // tx_isolation (MariaDB), transaction_isolation (MySQL 8, MariaDB 11)
      const values = rowsOf(vars)
        .filter((r) => /^(tx|transaction)_isolation$/i.test(String(r.Variable_name)))
        .map((r) => String(r.Value));
      expect(values.length).toBeGreaterThan(0);
      expect(new Set(values)).toEqual(new Set(['READ-COMMITTED']));
    } finally {
      tx.release();
    }
  });

  it('S4/S11: debits and their ledger entries in two round trips; balance-after follows each account, in order', async () => {
    if (!mysql) return void expect(t.db.isSqlite).toBe(true);
    const [a, b] = [await accountOf((await t.member({ openingBalanceFen: 10_000 })).id), await accountOf((await t.member({ openingBalanceFen: 5_000 })).id)];
    const tx = await t.db.beginScript();
    try {
      // a pays 1,000 then 2,500; b pays 700: the UPDATE takes each account's total.
      const [debit, read] = await tx.run([
        conditionalDebitStatement([
          { accountId: a, amountFen: 3_500, fromReserveFen: 0 },
          { accountId: b, amountFen: 700, fromReserveFen: 0 },
        ]),
        { sql: 'SELECT balance_fen FROM personal_account WHERE id = ?', params: [a] },
      ]);
      expect(headerOf(debit).affectedRows).toBe(2);
      expect(Number(rowsOf(read)[0].balance_fen)).toBe(6_500); // our own write, inside the transaction
      const [ledger] = await tx.commit([
        debitLedgerStatement([
          { accountId: a, amountFen: 1_000, ref: { cause: 'SETTLEMENT', memo: 'first' } },
          { accountId: b, amountFen: 700, ref: { cause: 'SETTLEMENT', memo: 'b' } },
          { accountId: a, amountFen: 2_500, ref: { cause: 'SETTLEMENT', memo: 'second' } },
        ]),
      ]);
      expect(headerOf(ledger).affectedRows).toBe(3);
    } finally {
      tx.release();
    }
    expect(await balances([a, b])).toEqual([6_500, 4_300]);
    const entries: Array<{ account_id: number | string; amount_fen: number | string; balance_after_fen: number | string; memo: string }> = await t.db.dataSource.query(
      `SELECT account_id, amount_fen, balance_after_fen, memo FROM ledger_entry WHERE account_id IN (?, ?) AND direction = 'DEBIT' ORDER BY id`,
      [a, b],
    );
    expect(entries.map((e) => [Number(e.account_id), Number(e.amount_fen), Number(e.balance_after_fen), e.memo])).toEqual([
      [a, 1_000, 9_000, 'first'],
      [b, 700, 4_300, 'b'],
      [a, 2_500, 6_500, 'second'],
    ]);
  });

  it('S4: a debit the balance does not cover changes no row; the caller sees it in the affected count and rolls back', async () => {
    if (!mysql) return void expect(t.db.isSqlite).toBe(true);
    const a = await accountOf((await t.member({ openingBalanceFen: 1_000 })).id);
    const b = await accountOf((await t.member({ openingBalanceFen: 1_000 })).id);
    const tx = await t.db.beginScript();
    try {
      const [debit] = await tx.run([
        conditionalDebitStatement([
          { accountId: a, amountFen: 600, fromReserveFen: 0 },
          { accountId: b, amountFen: 1_001, fromReserveFen: 0 },
        ]),
      ]);
      expect(headerOf(debit).affectedRows).toBe(1);
      await tx.rollback();
    } finally {
      tx.release();
    }
    expect(await balances([a, b])).toEqual([1_000, 1_000]);
  });

  it('a failed statement stops the script: nothing after it runs, and the rollback leaves nothing of it', async () => {
    if (!mysql) return void expect(t.db.isSqlite).toBe(true);
    const a = await accountOf((await t.member({ openingBalanceFen: 2_000 })).id);
    const tx = await t.db.beginScript();
    let error: unknown = null;
    try {
      await tx.run([
        { sql: 'UPDATE personal_account SET balance_fen = balance_fen - 100 WHERE id = ?', params: [a] },
        { sql: 'INSERT INTO personal_account (id, member_id, balance_fen, reserved_fen) SELECT id, member_id, 0, 0 FROM personal_account WHERE id = ?', params: [a] },
        { sql: 'UPDATE personal_account SET balance_fen = balance_fen - 900 WHERE id = ?', params: [a] },
      ]);
    } catch (e) {
      error = e;
      await tx.rollback();
    } finally {
      tx.release();
    }
    expect(isUniqueViolation(error), String(error)).toBe(true);
    expect(await balances([a])).toEqual([2_000]);
  });

  it('a connection released with its transaction open is closed, not pooled: its changes are gone', async () => {
    if (!mysql) return void expect(t.db.isSqlite).toBe(true);
    const a = await accountOf((await t.member({ openingBalanceFen: 3_000 })).id);
    const tx = await t.db.beginScript();
    await tx.run([{ sql: 'UPDATE personal_account SET balance_fen = balance_fen - 1 WHERE id = ?', params: [a] }]);
    tx.release(); // neither commit nor rollback
    // The next script gets a working connection, and the row is not held by the abandoned transaction.
    const next = await t.db.beginScript();
    try {
      await next.commit([{ sql: 'UPDATE personal_account SET balance_fen = balance_fen - 2 WHERE id = ?', params: [a] }]);
    } finally {
      next.release();
    }
    expect(await balances([a])).toEqual([2_998]);
  });

  it('security: TypeORM’s connections refuse a second statement in one query; only script connections take them', async () => {
    if (!mysql) return void expect(t.db.isSqlite).toBe(true);
    await expect(t.db.dataSource.query('SELECT 1; SELECT 2')).rejects.toThrow(/syntax/i);
  });
});
