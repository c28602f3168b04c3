/**
 * The outbox contract: how a module reacts to what another module committed, without importing it.
 *
 * A writer (settlement, reversal, wallet, closure …) inserts one small `outbox_event` row in its own
 * transaction, so the event exists exactly when the change does. A worker drains the table in
 * micro-batches and hands each batch to every registered consumer. Each consumer keeps its own
 * cursor (the last event id it has handled), advanced in the same transaction as the consumer's
 * effects: a crash mid-batch rolls both back, so every event is handled exactly once per consumer.
 *
 * Consumers load what they need set-based (one query over the batch's ids), never row by row.
 */
import type { RequestContext } from '../../core/context';

export type OutboxEventType =
  /** A settlement was stored (subjectId = settlement.id). */
  | 'settlement.settled'
  /** A reversal was stored (subjectId = reversal id; settlementId = the reversed settlement). */
  | 'settlement.reversed'
  /** W5: a 医保钱包 transfer was sent (subjectId = wallet_transfer.id; settlementId null): money left the sender. */
  | 'wallet.transferred';

export interface OutboxEvent {
  /** Monotonic id (auto-increment); consumers' cursors compare against it. */
  readonly id: number;
  readonly type: OutboxEventType;
  /** The row the event is about (see OutboxEventType). */
  readonly subjectId: number;
  /** The settlement concerned, for both settlement event types. */
  readonly settlementId: number | null;
  /** When the event was committed (the writer's ctx.now). */
  readonly createdAt: Date;
}

export interface OutboxConsumer {
  /** Stable name: the key of this consumer's cursor. Never rename a deployed consumer. */
  readonly name: string;
  /**
   * Handle one batch, in id order, inside the worker's transaction (`ctx.em`), as the system
   * principal, with `ctx.now` = the worker's clock. Throwing rolls back the batch and its cursor.
   */
  handle(ctx: RequestContext, events: readonly OutboxEvent[]): Promise<void>;
}
