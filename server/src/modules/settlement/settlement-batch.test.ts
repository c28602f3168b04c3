/**
 * Group commit (settlement-batch.ts) and the optimistic debit's fallback. On MySQL/MariaDB the
 * settlements go through the batcher the way the transaction plugin sends them (no per-request
 * transaction, ctx.autocommit); on SQLite, which keeps the single path, the same scenarios run as
 * concurrent single settlements and must give the same results.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newContext, runInContext, type RequestContext } from '../../core/context';
import { DomainError } from '../../core/errors';
import type { Principal } from '../../core/principal';
import { startTestServer, type TestServer } from '../../testing/harness';
import { accountOfMember, insertBinding } from '../../testing/fixtures';
import { debitAvailable } from '../account/account.service';
import { loadPrincipal } from '../auth/auth.service';
import type { Member } from '../member/member.entity';
import { configureGroupCommit, groupCommitDefaults, groupCommitStats } from './settlement-batch';
import { Settlement } from './settlement.entity';
import type { SettleInput } from './settlement.inputs';
import { prepareSettlement, settle, settlePrepared, writePrepared, type PreparedSettlement } from './settlement.service';

let t: TestServer;
let principal: Principal;
let mysql: boolean;

beforeAll(async () => {
  t = await startTestServer();
  mysql = !t.db.isSqlite;
  const [row] = await t.run((ctx) => ctx.em.query('SELECT id FROM institution WHERE code = ?', ['H44030300001']));
  principal = (await t.run((ctx) => loadPrincipal(ctx, { kind: 'institution', sub: Number(row.id), iat: 0, exp: 2 ** 31 })))!;
  // One batch at a time, so that requests submitted together are sure to share the next one.
  configureGroupCommit({ enabled: true, inFlight: 1, maxBatch: 64 });
});
afterAll(async () => {
  configureGroupCommit({ inFlight: groupCommitDefaults.inFlight, maxBatch: groupCommitDefaults.maxBatch });
  await t?.close();
});
afterEach(() => configureGroupCommit({ enabled: true }));

function input(patient: Member, selfPayFen: number, serialNo = `G${randomUUID().slice(0, 18)}`): SettleInput {
  return {
    serialNo,
    patientIdNumber: patient.idNumber,
    credentialType: 'T02',
    credentialNo: patient.idNumber,
    category: 'OUTPATIENT',
    totalFen: selfPayFen,
    poolFen: 0,
    selfPayFen,
    placeRegion: '440300',
    treatedAt: new Date(Date.now() - 60_000),
    acctUsedFlag: true,
  } as SettleInput;
}

/** A context as the transaction plugin makes one for settle under group commit: no transaction, the pool's manager. */
function autocommitCtx(): RequestContext {
  const ctx = newContext(t.deps, { principal });
  ctx.em = t.db.dataSource.manager;
  ctx.autocommit = true;
  return ctx;
}

/**
 * Settle all inputs "at once". MySQL: each is prepared first (its checks and its read), then all are
 * handed to the group commit in the same tick behind one filler request — the filler leaves alone,
 * the rest queue while it commits and leave together as the next batch, in the order given.
 * SQLite: concurrent single settlements (queued one after the other by the connection's mutex).
 */
async function settleTogether(inputs: SettleInput[], filler: Member): Promise<Array<Settlement | Error>> {
  const catching = (p: Promise<Settlement>) => p.catch((e: Error) => e);
  if (!mysql) return Promise.all(inputs.map((i) => catching(runInContext(t.deps, principal, (ctx) => settle(ctx, i)))));
  const prepared: Array<{ ctx: RequestContext; p: PreparedSettlement | Settlement }> = [];
  for (const i of [input(filler, 1), ...inputs]) {
    const ctx = autocommitCtx();
    prepared.push({ ctx, p: await prepareSettlement(ctx, i) });
  }
  const all = prepared.map(({ ctx, p }) => catching(p instanceof Settlement ? Promise.resolve(p) : settlePrepared(ctx, p)));
  return (await Promise.all(all)).slice(1);
}

const settled = (r: Settlement | Error): Settlement => {
  if (!(r instanceof Settlement)) throw r;
  return r;
};

async function ledgerOf(accountId: number) {
  const rows: Array<{ amount_fen: number | string; direction: string; balance_after_fen: number | string }> = await t.run((ctx) =>
    ctx.em.query('SELECT amount_fen, direction, balance_after_fen FROM ledger_entry WHERE account_id = ? ORDER BY id', [accountId]),
  );
  return rows.map((r) => ({ amount: Number(r.amount_fen) * (r.direction === 'DEBIT' ? -1 : 1), after: Number(r.balance_after_fen) }));
}

/** S11 for one account: balance = Σ ledger, every entry's balance-after = the running sum, nothing negative. */
async function expectLedgerConsistent(m: Member) {
  const acc = await accountOfMember(t, m);
  const entries = await ledgerOf(acc.id);
  let running = 0;
  for (const e of entries) {
    running += e.amount;
    expect(e.after).toBe(running);
    expect(e.after).toBeGreaterThanOrEqual(0);
  }
  expect(acc.balanceFen).toBe(running);
  return acc.balanceFen;
}

describe('group commit', () => {
  it('S3/S4/S11: concurrent settlements drawing on one giver each get their own split; balances and ledger add up', async () => {
    const filler = await t.member({ openingBalanceFen: 100 });
    const giver = await t.member({ openingBalanceFen: 100_000, birthDate: '1975-01-01' });
    const patients: Member[] = [];
    for (let i = 0; i < 8; i++) {
      const p = await t.member({ openingBalanceFen: 1_000 * (i % 3), birthDate: '1950-01-01' });
      await insertBinding(t, giver, p, { relationship: 'PARENT' });
      patients.push(p);
    }
    const before = { ...groupCommitStats };
    const results = (await settleTogether(patients.map((p, i) => input(p, 2_000 + 500 * i)), filler)).map(settled);
    results.forEach((s, i) => {
      const own = 1_000 * (i % 3);
      expect([s.acctPayFen, s.mulaidPayFen, s.cashFen]).toEqual([Math.min(own, s.selfPayFen), s.selfPayFen - Math.min(own, s.selfPayFen), 0]);
    });
    expect(new Set(results.map((s) => s.id)).size).toBe(8);
    const paid = results.reduce((n, s) => n + s.mulaidPayFen, 0);
    expect(await expectLedgerConsistent(giver)).toBe(100_000 - paid);
    for (const p of patients) expect(await expectLedgerConsistent(p)).toBe(0);
    // The payments as stored match the results.
    const rows: Array<{ settlement_id: number | string; n: number | string }> = await t.run((ctx) =>
      ctx.em.query(`SELECT settlement_id, SUM(amount_fen) AS n FROM settlement_payment WHERE settlement_id IN (${results.map(() => '?').join(',')}) GROUP BY settlement_id`, results.map((s) => s.id)),
    );
    for (const s of results) expect(Number(rows.find((r) => Number(r.settlement_id) === s.id)?.n ?? 0)).toBe(s.acctPayFen + s.mulaidPayFen);
    if (mysql) {
      expect(groupCommitStats.committed - before.committed).toBe(2); // the filler's batch, then all eight in one
      expect(groupCommitStats.largest).toBeGreaterThanOrEqual(8);
    }
  });

  it('S8: the same serial twice in one batch has one effect and both get the first result; a changed payload is a conflict', async () => {
    const filler = await t.member({ openingBalanceFen: 100 });
    const patient = await t.member({ openingBalanceFen: 10_000 });
    const other = await t.member({ openingBalanceFen: 10_000 });
    const first = input(patient, 3_000, `DUP${randomUUID().slice(0, 12)}`);
    const again = { ...first };
    const changed = { ...first, selfPayFen: 4_000, totalFen: 4_000 };
    const [a, b, c, d] = await settleTogether([first, again, changed, input(other, 2_000)], filler);
    expect(settled(b).id).toBe(settled(a).id);
    expect(c).toBeInstanceOf(DomainError);
    expect((c as DomainError).rule).toBe('S8');
    expect(settled(d).acctPayFen).toBe(2_000);
    expect(await expectLedgerConsistent(patient)).toBe(7_000);
    expect(await expectLedgerConsistent(other)).toBe(8_000);
    const n = await t.run((ctx) => ctx.em.query('SELECT COUNT(*) AS n FROM settlement WHERE serial_no = ?', [first.serialNo]));
    expect(Number(n[0].n)).toBe(1);
  });

  it('S4: draws in one batch beyond a giver’s balance: each takes what the earlier ones left, then cash; never negative', async () => {
    const filler = await t.member({ openingBalanceFen: 100 });
    const giver = await t.member({ openingBalanceFen: 5_000, birthDate: '1975-01-01' });
    const patients: Member[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await t.member({ openingBalanceFen: 0, birthDate: '1950-01-01' });
      await insertBinding(t, giver, p, { relationship: 'PARENT' });
      patients.push(p);
    }
    const results = (await settleTogether(patients.map((p) => input(p, 3_000)), filler)).map(settled);
    expect(results.map((s) => s.mulaidPayFen).sort((x, y) => y - x)).toEqual([3_000, 2_000, 0]);
    for (const s of results) expect(s.mulaidPayFen + s.cashFen).toBe(3_000);
    expect(await expectLedgerConsistent(giver)).toBe(0);
  });

  it('S4: a balance that moved after the reads: the batch is rolled back and planned again under the row locks, in the same order', async () => {
    if (!mysql) return void expect(t.db.isSqlite).toBe(true); // SQLite keeps the single path: nothing is read ahead of its lock
    const filler = await t.member({ openingBalanceFen: 100 });
    const giver = await t.member({ openingBalanceFen: 6_000, birthDate: '1975-01-01' });
    const bystander = await t.member({ openingBalanceFen: 5_000 });
    const patients: Member[] = [];
    for (let i = 0; i < 2; i++) {
      const p = await t.member({ openingBalanceFen: 0, birthDate: '1950-01-01' });
      await insertBinding(t, giver, p, { relationship: 'PARENT' });
      patients.push(p);
    }
    const inputs = [input(patients[0], 3_000), input(patients[1], 3_000), input(bystander, 1_000)];
    const prepared: Array<{ ctx: RequestContext; p: PreparedSettlement }> = [];
    for (const i of [input(filler, 1), ...inputs]) {
      const ctx = autocommitCtx();
      prepared.push({ ctx, p: (await prepareSettlement(ctx, i)) as PreparedSettlement });
    }
    // Someone else spends 4,000 of the giver's 6,000 after the reads: the batch's plan (3,000 + 3,000) no longer fits.
    const acc = await accountOfMember(t, giver);
    await runInContext(t.deps, null, (ctx) => debitAvailable(ctx, acc.id, 4_000, { cause: 'SETTLEMENT', memo: 'test: spent elsewhere' }));
    const before = { ...groupCommitStats };
    const results = (await Promise.all(prepared.map(({ ctx, p }) => settlePrepared(ctx, p)))).slice(1);
    expect(groupCommitStats.replanned - before.replanned).toBe(1);
    expect(groupCommitStats.abandoned - before.abandoned).toBe(0);
    // As consecutive single settlements would: the first takes the 2,000 left, the second pays cash.
    expect(results.slice(0, 2).map((s) => [s.mulaidPayFen, s.cashFen])).toEqual([
      [2_000, 1_000],
      [0, 3_000],
    ]);
    expect(results[2].acctPayFen).toBe(1_000);
    expect(await expectLedgerConsistent(giver)).toBe(0);
    expect(await expectLedgerConsistent(bystander)).toBe(4_000);
    const count = await t.run((ctx) => ctx.em.query(`SELECT COUNT(*) AS n FROM settlement WHERE serial_no IN (?, ?, ?)`, inputs.map((i) => i.serialNo)));
    expect(Number(count[0].n)).toBe(3);
  });
});

describe('pool safety', () => {
  it('S4/S8: a settlement that runs alone inside its transaction reads on that transaction, so a full pool cannot deadlock it', async () => {
    if (!mysql) return void expect(t.db.isSqlite).toBe(true); // SQLite: one connection, no shared read, no pool
    // F needs the locked path (its giver has a reservation): it never joins a batch and runs alone, in a transaction.
    const giver = await t.member({ openingBalanceFen: 10_000, birthDate: '1975-01-01' });
    const patient = await t.member({ openingBalanceFen: 0, birthDate: '1950-01-01' });
    await insertBinding(t, giver, patient, { relationship: 'PARENT', reservedFen: 1_000 });
    const fCtx = autocommitCtx();
    const f = (await prepareSettlement(fCtx, input(patient, 2_000))) as PreparedSettlement;
    expect(f.optimistic).toBe(false);
    const others = [await t.member({ openingBalanceFen: 5_000 }), await t.member({ openingBalanceFen: 5_000 })];
    // Take every pooled connection: what follows queues for one, F first (the pool hands them out in order).
    const limit = Number(process.env.GONGJI_DB_POOL ?? 20);
    const held = await Promise.all(Array.from({ length: limit }, () => t.db.begin()));
    const pause = () => new Promise((r) => setTimeout(r, 50));
    let results: unknown[];
    try {
      const fDone = settlePrepared(fCtx, f);
      await pause();
      // Two ordinary requests start their (shared, autocommit) facts reads: both wait for a connection.
      const reads = others.map((m) => prepareSettlement(autocommitCtx(), input(m, 1_000)));
      await pause();
      await held.pop()!.release(); // one connection comes free: F gets it and opens its transaction
      // The others stay held: everything must finish on that one connection.
      results = await Promise.race([
        Promise.all([fDone, ...reads]),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('deadlock: F waits on the shared read, which waits for F’s connection')), 10_000)),
      ]);
    } finally {
      await Promise.all(held.map((h) => h.release()));
    }
    const s = results[0] as Settlement;
    expect([s.mulaidPayFen, s.cashFen]).toEqual([2_000, 0]);
    expect(await expectLedgerConsistent(giver)).toBe(8_000);
  }, 20_000);
});

describe('optimistic debit (single path)', () => {
  it('S4: when the balance moved between the read and the debit, the transaction is rolled back whole and a new one plans under the lock (no savepoint)', async () => {
    const giver = await t.member({ openingBalanceFen: 5_000, birthDate: '1975-01-01' });
    const patient = await t.member({ openingBalanceFen: 0, birthDate: '1950-01-01' });
    await insertBinding(t, giver, patient, { relationship: 'PARENT' });
    const acc = await accountOfMember(t, giver);
    const i = input(patient, 4_000);
    const ds = t.db.dataSource as unknown as { logger: { logQuery(q: string): void } };
    const original = ds.logger;
    const sql: string[] = [];
    let s: Settlement;
    configureGroupCommit({ enabled: false }); // the single path (a batch has its own stale handling, tested above)
    try {
      if (mysql) {
        // As the API settles: checks and read on autocommit, then the write in a transaction of its own.
        const ctx = autocommitCtx();
        const prepared = (await prepareSettlement(ctx, i)) as PreparedSettlement;
        expect(prepared.read.get(acc.id)?.balanceFen).toBe(5_000);
        expect(prepared.optimistic).toBe(true);
        // Another transaction spends 3,000 of it and commits before our debit (READ COMMITTED, no lock held yet).
        await runInContext(t.deps, null, (other) => debitAvailable(other, acc.id, 3_000, { cause: 'SETTLEMENT', memo: 'test: spent elsewhere' }));
        ds.logger = new Proxy(original, { get: (target, prop) => (prop === 'logQuery' ? (q: string) => sql.push(q) : (target as any)[prop]) });
        s = await settlePrepared(ctx, prepared);
      } else
        s = await runInContext(t.deps, principal, async (ctx) => {
          const prepared = (await prepareSettlement(ctx, i)) as PreparedSettlement;
          expect(prepared.optimistic).toBe(false); // SQLite: the transaction holds the only connection, always the locked path
          return writePrepared(ctx, prepared, false);
        });
    } finally {
      ds.logger = original;
    }
    if (mysql) {
      // MariaDB Galera without a binary log replicates what a ROLLBACK TO SAVEPOINT undid: never use one.
      expect(sql.filter((q) => /SAVEPOINT/i.test(q))).toEqual([]);
      // The optimistic transaction (its debit found the balance short) was rolled back, then the locked one committed.
      const control = sql.filter((q) => /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/i.test(q)).map((q) => q.trim().split(/\s+/)[0].toUpperCase());
      expect(control).toEqual(['START', 'ROLLBACK', 'START', 'COMMIT']);
      expect(sql.some((q) => /FOR UPDATE/i.test(q))).toBe(true);
      // Planned again from the locked balance: the giver has 2,000 left, cash covers the rest.
      expect([s.mulaidPayFen, s.cashFen]).toEqual([2_000, 2_000]);
    } else expect([s.mulaidPayFen, s.cashFen]).toEqual([4_000, 0]);
    expect(await expectLedgerConsistent(giver)).toBe(mysql ? 0 : 1_000);
    const rows = await t.run((ctx) => ctx.em.query('SELECT COUNT(*) AS n FROM settlement_payment WHERE settlement_id = ?', [s.id]));
    expect(Number(rows[0].n)).toBe(1);
    const outbox = await t.run((ctx) => ctx.em.query("SELECT COUNT(*) AS n FROM outbox_event WHERE settlement_id = ? AND type = 'settlement.settled'", [s.id]));
    expect(Number(outbox[0].n)).toBe(1);
    // Exactly one settlement for the serial: the rolled-back attempt left nothing.
    const n = await t.run((ctx) => ctx.em.query('SELECT COUNT(*) AS n FROM settlement WHERE serial_no = ?', [i.serialNo]));
    expect(Number(n[0].n)).toBe(1);
  });
});
