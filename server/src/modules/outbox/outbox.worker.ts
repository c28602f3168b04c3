/**
 * The outbox worker: drains `outbox_event` in micro-batches, separately for every consumer.
 *
 * One batch = one transaction: lock the consumer's cursor row (so two workers — the in-process one
 * on every API node and `pnpm worker` — never hand the same batch to the same consumer), read the
 * next events after the cursor, let the consumer apply its effects through `ctx.em`, advance the
 * cursor, commit. A consumer that throws (or a process killed mid-batch) rolls back its effects and
 * its cursor together, so the batch is handed over again later: nothing lost, nothing twice.
 *
 * Auto-increment ids are allocated at INSERT but become visible at COMMIT, so a later id can be
 * visible before an earlier one. The worker therefore never moves past a gap in the ids until the
 * gap has stayed open for `gapWaitMs` (a rolled-back writer leaves a permanent gap; a slow writer
 * fills it within that time — writers' transactions are short, and a writer slower than that would
 * have its event skipped, which is why the default is generous). Where ids are never contiguous
 * (Galera's auto_increment_increment = cluster size, TiDB's per-node ranges) events simply reach
 * consumers `gapWaitMs` later; throughput is unchanged, since all open gaps age at once.
 */
import type { ContextDeps, RequestContext } from '../../core/context';
import { newContext } from '../../core/context';
import type { Database } from '../../db/database';
import type { OutboxConsumer, OutboxEvent, OutboxEventType } from './outbox.types';
import { setOutboxLag } from '../../ops/metrics';

export interface OutboxWorkerOptions {
  /** Events per batch (per consumer, per transaction). */
  batchSize?: number;
  /** How long a gap in the event ids is waited for before it is taken to be a rolled-back writer. */
  gapWaitMs?: number;
  /** Where failures are reported (default console.error). */
  onError?: (consumer: string, e: unknown) => void;
}

interface EventRow {
  id: number | string;
  type: string;
  subject_id: number | string;
  settlement_id: number | string | null;
  created_at: Date | string;
}

function toDate(v: Date | string): Date {
  return v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`);
}

export class OutboxWorker {
  private readonly batchSize: number;
  private readonly gapWaitMs: number;
  private readonly onError: (consumer: string, e: unknown) => void;
  /** Per consumer: the event id just after an open gap → when this worker first saw the gap. */
  private readonly gapsSeen = new Map<string, Map<number, number>>();
  private cursorsReady = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly deps: ContextDeps,
    private readonly consumers: readonly OutboxConsumer[],
    opts: OutboxWorkerOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 500;
    this.gapWaitMs = opts.gapWaitMs ?? 5_000;
    this.onError = opts.onError ?? ((name, e) => console.error(`outbox: consumer ${name} failed; its batch will be retried`, e));
    const names = new Set<string>();
    for (const c of consumers) {
      if (names.has(c.name)) throw new Error(`outbox: two consumers named ${c.name}`);
      names.add(c.name);
    }
  }

  private get db(): Database {
    return this.deps.db;
  }

  /** Create the consumers' cursor rows that do not exist yet (a new consumer starts at the beginning). */
  private async ensureCursors(): Promise<void> {
    if (this.cursorsReady) return;
    await this.db.transaction(async (em) => {
      const have = new Set(
        ((await em.query('SELECT consumer FROM outbox_cursor')) as Array<{ consumer: string }>).map((r) => r.consumer),
      );
      for (const c of this.consumers)
        if (!have.has(c.name)) {
          try {
            await em.query('INSERT INTO outbox_cursor (consumer, last_event_id) VALUES (?, 0)', [c.name]);
          } catch {
            /* another worker created it at the same moment */
          }
        }
    });
    this.cursorsReady = true;
  }

  /**
   * Hand one batch to one consumer. Returns the number of events handled (0: nothing ready).
   * Throws what the consumer threw (after the rollback).
   */
  async runBatch(consumer: OutboxConsumer): Promise<number> {
    const ctx: RequestContext = newContext(this.deps, { principal: { kind: 'system', name: `outbox:${consumer.name}` } });
    return this.db.transaction(async (em) => {
      ctx.em = em;
      const forUpdate = this.db.isSqlite ? '' : ' FOR UPDATE';
      const cur: Array<{ last_event_id: number | string }> = await em.query(`SELECT last_event_id FROM outbox_cursor WHERE consumer = ?${forUpdate}`, [consumer.name]);
      if (!cur.length) throw new Error(`outbox: no cursor for ${consumer.name}`);
      const after = Number(cur[0].last_event_id);
      const rows: EventRow[] = await em.query(
        `SELECT id, type, subject_id, settlement_id, created_at FROM outbox_event WHERE id > ? ORDER BY id LIMIT ${this.batchSize}`,
        [after],
      );
      const gaps = this.gapsSeen.get(consumer.name) ?? new Map<number, number>();
      this.gapsSeen.set(consumer.name, gaps);
      const now = Date.now();
      const events: OutboxEvent[] = [];
      let prev = after;
      for (const r of rows) {
        const id = Number(r.id);
        // Contiguous ids are safe; anything after a hole waits until the hole has aged.
        if (id !== prev + 1) {
          const since = gaps.get(id) ?? now;
          gaps.set(id, since);
          if (now - since < this.gapWaitMs) break;
        }
        gaps.delete(id);
        events.push({
          id,
          type: r.type as OutboxEventType,
          subjectId: Number(r.subject_id),
          settlementId: r.settlement_id === null ? null : Number(r.settlement_id),
          createdAt: toDate(r.created_at),
        });
        prev = id;
      }
      // Lag: how old the oldest event this consumer has not handled is (0 when it is caught up).
      setOutboxLag(consumer.name, rows.length ? Math.max(0, (now - toDate(rows[0].created_at).getTime()) / 1000) : 0);
      if (!events.length) return 0;
      await consumer.handle(ctx, events);
      await em.query('UPDATE outbox_cursor SET last_event_id = ?, updated_at = ? WHERE consumer = ?', [
        events[events.length - 1].id,
        new Date(now).toISOString().replace('T', ' ').replace('Z', ''),
        consumer.name,
      ]);
      return events.length;
    });
  }

  /**
   * Drain every consumer until nothing is ready (or `maxBatches` per consumer). A failing consumer is
   * reported and skipped for this round; the others go on. Returns events handled, summed over consumers.
   */
  async drain(maxBatches = 1_000): Promise<number> {
    await this.ensureCursors();
    // A failed check is no answer: the full path below runs and reports per consumer, as it always has.
    if (await this.caughtUp().catch(() => false)) return 0;
    let total = 0;
    for (const c of this.consumers) {
      for (let i = 0; i < maxBatches && !this.stopped; i++) {
        let n: number;
        try {
          n = await this.runBatch(c);
        } catch (e) {
          this.onError(c.name, e);
          break;
        }
        total += n;
        if (n < this.batchSize) break;
      }
    }
    return total;
  }

  /**
   * Nothing to hand to anyone: no event after the lowest cursor. One autocommit read (the newest id
   * is the end of the primary key), so an idle poll costs one statement instead of a transaction per
   * consumer. Every consumer is idle then, and none of them is waiting on a gap either.
   */
  private async caughtUp(): Promise<boolean> {
    if (!this.consumers.length) return true;
    const sql = `SELECT (SELECT MAX(id) FROM outbox_event) AS head, MIN(last_event_id) AS low, COUNT(*) AS n FROM outbox_cursor WHERE consumer IN (${this.consumers.map(() => '?').join(',')})`;
    const names = this.consumers.map((c) => c.name);
    type Row = { head: number | string | null; low: number | string | null; n: number | string };
    // MySQL: an autocommit read on the pool, as a read-only request's. SQLite: its turn on the one connection.
    const rows: Row[] = this.db.isSqlite ? await this.db.transaction((em) => em.query(sql, names)) : await this.db.dataSource.query(sql, names);
    const r = rows[0];
    if (!r || Number(r.n) !== this.consumers.length) return false; // a cursor row is missing: the full path says so
    return r.head === null || Number(r.head) <= Number(r.low);
  }

  /** Poll every `intervalMs` (never two rounds at once). */
  start(intervalMs: number): void {
    if (this.timer || intervalMs <= 0) return;
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.drain().catch((e) => this.onError('*', e));
      await this.running;
      this.running = null;
      if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  /** Stop polling and wait for the round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
