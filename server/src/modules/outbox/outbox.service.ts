/**
 * The outbox writer: one INSERT in the caller's transaction, so the event exists exactly when the
 * change it describes does (committed together, rolled back together).
 */
import type { RequestContext } from '../../core/context';
import { sqlDate } from '../../db/database';
import type { Stmt } from '../../db/script';
import type { OutboxEventType } from './outbox.types';

export interface EmitEvent {
  type: OutboxEventType;
  subjectId: number;
  settlementId?: number | null;
}

export async function emitEvent(ctx: RequestContext, e: EmitEvent): Promise<void> {
  await ctx.em.query('INSERT INTO outbox_event (type, subject_id, settlement_id, created_at) VALUES (?, ?, ?, ?)', [
    e.type,
    e.subjectId,
    e.settlementId ?? null,
    sqlDate(ctx.now),
  ]);
}

/** Several events in one multi-row INSERT (group commit), each with its own time. */
export async function emitEvents(ctx: RequestContext, events: Array<EmitEvent & { at: Date }>): Promise<void> {
  if (!events.length) return;
  const { sql, params } = eventsStatement(events);
  await ctx.em.query(sql, params);
}

/** emitEvents as one statement of a script transaction (db/script.ts). */
export function eventsStatement(events: Array<EmitEvent & { at: Date }>): Stmt {
  if (!events.length) throw new Error('eventsStatement: no events');
  return {
    sql: `INSERT INTO outbox_event (type, subject_id, settlement_id, created_at) VALUES ${events.map(() => '(?, ?, ?, ?)').join(', ')}`,
    params: events.flatMap((e) => [e.type, e.subjectId, e.settlementId ?? null, sqlDate(e.at)]),
  };
}
