/**
 * The outbox: every event reaches every consumer exactly once, in id order, even when a consumer
 * fails mid-batch or the worker is replaced (restart) — effects and cursor commit together.
 * Runs on SQLite and MariaDB (DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newContext, runInContext } from '../../core/context';
import { startTestServer, type TestServer } from '../../testing/harness';
import { emitEvent } from './outbox.service';
import type { OutboxConsumer, OutboxEvent } from './outbox.types';
import { OutboxWorker } from './outbox.worker';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  // A scratch table for the test consumers' effects: no unique key, so a duplicate would show.
  await t.db.dataSource.query('CREATE TABLE outbox_test_effect (consumer VARCHAR(40) NOT NULL, event_id BIGINT NOT NULL)');
});

afterAll(async () => {
  await t?.close();
});

/** Emit `n` events, each in its own committed transaction; returns their subject ids. */
async function emit(n: number, base: number): Promise<number[]> {
  const subjects: number[] = [];
  for (let i = 0; i < n; i++) {
    await t.run((ctx) => emitEvent(ctx, { type: 'settlement.settled', subjectId: base + i, settlementId: base + i }));
    subjects.push(base + i);
  }
  return subjects;
}

/** A consumer that records one effect row per event, optionally failing once at some point. */
function recorder(name: string, failOnce?: (e: OutboxEvent, handledInBatch: number) => boolean): OutboxConsumer & { seen: number[] } {
  let failed = false;
  const seen: number[] = [];
  return {
    name,
    seen,
    async handle(ctx, events) {
      let k = 0;
      for (const e of events) {
        await ctx.em.query('INSERT INTO outbox_test_effect (consumer, event_id) VALUES (?, ?)', [name, e.id]);
        k++;
        if (!failed && failOnce?.(e, k)) {
          failed = true;
          throw new Error(`consumer ${name} crashed after ${k} effects`);
        }
        seen.push(e.subjectId);
      }
    },
  };
}

async function effects(name: string): Promise<number[]> {
  const rows: Array<{ event_id: number | string }> = await t.run((ctx) =>
    ctx.em.query('SELECT event_id FROM outbox_test_effect WHERE consumer = ? ORDER BY event_id', [name]),
  );
  return rows.map((r) => Number(r.event_id));
}

async function cursorOf(name: string): Promise<number> {
  const rows: Array<{ last_event_id: number | string }> = await t.run((ctx) => ctx.em.query('SELECT last_event_id FROM outbox_cursor WHERE consumer = ?', [name]));
  return Number(rows[0]?.last_event_id ?? -1);
}

async function maxEventId(): Promise<number> {
  const [r] = await t.run((ctx) => ctx.em.query('SELECT MAX(id) AS m FROM outbox_event'));
  return Number(r.m);
}

describe('outbox', () => {
  it('every event is handled once per consumer, in id order, in micro-batches; a second drain handles nothing', async () => {
    const before = await maxEventId().catch(() => 0);
    const subjects = await emit(25, 1000);
    const a = recorder('test-a');
    const b = recorder('test-b');
    const w = new OutboxWorker(t.deps, [a, b], { batchSize: 7, gapWaitMs: 0 });
    await w.drain();
    const mine = (xs: number[]) => xs.filter((s) => s >= 1000 && s < 1025);
    expect(mine(a.seen)).toEqual(subjects);
    expect(mine(b.seen)).toEqual(subjects);
    const ids = await effects('test-a');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id > before)).toHaveLength(25);
    expect(await cursorOf('test-a')).toBe(await maxEventId());
    expect(await w.drain()).toBe(0);
    expect(await effects('test-a')).toEqual(ids);
  });

  it('an idle poll costs one read, not a transaction per consumer; the next event is still handled', async () => {
    const a = recorder('test-idle-a');
    const b = recorder('test-idle-b');
    const w = new OutboxWorker(t.deps, [a, b], { gapWaitMs: 0 });
    await w.drain(); // catch up with everything emitted so far
    const ds = t.db.dataSource as unknown as { logger: { logQuery(q: string): void } };
    const original = ds.logger;
    const sql: string[] = [];
    ds.logger = new Proxy(original, { get: (target, prop) => (prop === 'logQuery' ? (q: string) => sql.push(q) : (target as any)[prop]) });
    try {
      expect(await w.drain()).toBe(0);
    } finally {
      ds.logger = original;
    }
    // SQLite takes its turn on the one connection (BEGIN … COMMIT around the read).
    expect(sql.filter((q) => !/^(BEGIN|COMMIT)/i.test(q.trim())), sql.join('\n')).toHaveLength(1);
    expect(sql.some((q) => /FOR UPDATE|outbox_event WHERE id >/i.test(q))).toBe(false);
    const [subject] = await emit(1, 6000);
    expect(await w.drain()).toBe(2); // one event, two consumers
    expect(a.seen).toContain(subject);
    expect(b.seen).toContain(subject);
    // A consumer whose cursor row is missing is not idle: the full path creates it and hands it everything.
    const late = recorder('test-idle-late');
    const w2 = new OutboxWorker(t.deps, [a, late], { gapWaitMs: 0 });
    expect(await w2.drain()).toBeGreaterThan(0);
    expect(late.seen).toContain(subject);
  });

  it('a consumer that crashes mid-batch leaves no effect and no cursor move; after a restart every event is handled exactly once', async () => {
    await emit(12, 2000);
    const errors: string[] = [];
    // Crashes after writing 4 effects of its second batch.
    let batches = 0;
    const crashing = recorder('test-crash', (_e, k) => {
      if (k === 1) batches++;
      return batches === 2 && k === 4;
    });
    const first = new OutboxWorker(t.deps, [crashing], { batchSize: 5, gapWaitMs: 0, onError: (_n, e) => errors.push(String(e)) });
    await first.drain();
    expect(errors).toHaveLength(1);
    const afterCrash = await effects('test-crash');
    // Exactly the first batch committed; the crashed batch's 4 effects were rolled back with its cursor.
    expect(afterCrash).toHaveLength(5);
    expect(await cursorOf('test-crash')).toBe(afterCrash[4]);

    // "Restart": a new worker (new process) with a healthy consumer under the same name.
    const healthy = recorder('test-crash');
    await new OutboxWorker(t.deps, [healthy], { batchSize: 5, gapWaitMs: 0 }).drain();
    const all = await effects('test-crash');
    const total = await maxEventId();
    expect(all).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(await cursorOf('test-crash')).toBe(total);
  });

  it('a transaction interrupted before commit (the process dies) rolls back effects and cursor together', async () => {
    await emit(3, 3000);
    const c = recorder('test-kill');
    const w = new OutboxWorker(t.deps, [c], { gapWaitMs: 0 });
    // Simulate the process dying between the consumer's effects and the commit: the batch's
    // transaction is abandoned (rolled back), as the database does when the connection drops.
    const deps = t.deps;
    const tx = await deps.db.begin();
    const ctx = newContext(deps, { principal: { kind: 'system', name: 'test' } });
    ctx.em = tx.em;
    await ctx.em.query('INSERT INTO outbox_test_effect (consumer, event_id) VALUES (?, ?)', ['test-kill', 1]);
    await tx.rollback();
    await tx.release();
    expect(await effects('test-kill')).toEqual([]);
    await w.drain();
    const total = await maxEventId();
    expect(await effects('test-kill')).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('two workers draining at once (API node and `pnpm worker`) never hand an event to a consumer twice', async () => {
    await emit(30, 4000);
    const name = 'test-race';
    const w1 = new OutboxWorker(t.deps, [recorder(name)], { batchSize: 4, gapWaitMs: 0 });
    const w2 = new OutboxWorker(t.deps, [recorder(name)], { batchSize: 4, gapWaitMs: 0 });
    await Promise.all([w1.drain(), w2.drain(), w1.drain()]);
    const all = await effects(name);
    const total = await maxEventId();
    expect(all).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('an event written in a rolled-back transaction never reaches a consumer; a hole in the ids is waited for, then passed', async () => {
    const c = recorder('test-gap');
    const w = new OutboxWorker(t.deps, [c], { gapWaitMs: 0 });
    await w.drain();
    await expect(
      runInContext(t.deps, null, async (ctx) => {
        await emitEvent(ctx, { type: 'settlement.settled', subjectId: 5000, settlementId: 5000 });
        throw new Error('writer failed');
      }),
    ).rejects.toThrow('writer failed');
    await emit(1, 5001);
    // A long gap wait: on MariaDB the rolled-back id is a hole, so 5001 is held back for now.
    const patient = new OutboxWorker(t.deps, [recorder('test-gap-wait')], { gapWaitMs: 60_000 });
    await patient.drain();
    await w.drain();
    expect(c.seen).not.toContain(5000);
    expect(c.seen).toContain(5001);
    if (!t.db.isSqlite) {
      // The patient worker stopped at the first hole it met (its cursor started at 0, so every id
      // before the hole went through); 5001 is after the rolled-back id.
      const got = await effects('test-gap-wait');
      expect(got).not.toContain(await maxEventId());
    }
  });
});
