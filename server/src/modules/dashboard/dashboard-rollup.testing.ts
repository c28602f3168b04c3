/**
 * Tests only: build the outbox events the worker would deliver for rows a test wrote directly into the
 * settlement and reversal tables (subjectId = settlement id, or reversal id for reversals).
 */
import type { RequestContext } from '../../core/context';
import type { OutboxEvent } from '../outbox/outbox.types';

const fed = new WeakMap<object, { settlement: number; reversal: number; event: number }>();

/** Events for settlements and reversals stored since the last call for this database, in commit-like order. */
export async function pendingEvents(ctx: RequestContext, key: object = ctx.db): Promise<OutboxEvent[]> {
  const seen = fed.get(key) ?? { settlement: 0, reversal: 0, event: 0 };
  const settlements = (await ctx.em.query('SELECT id, created_at FROM settlement WHERE id > ? ORDER BY id', [seen.settlement])) as Array<{ id: unknown; created_at: unknown }>;
  const reversals = (await ctx.em.query('SELECT id, settlement_id, created_at FROM settlement_reversal WHERE id > ? ORDER BY id', [seen.reversal])) as Array<{
    id: unknown;
    settlement_id: unknown;
    created_at: unknown;
  }>;
  const events: OutboxEvent[] = [];
  for (const s of settlements) events.push({ id: ++seen.event, type: 'settlement.settled', subjectId: Number(s.id), settlementId: Number(s.id), createdAt: new Date(String(s.created_at)) });
  for (const r of reversals) events.push({ id: ++seen.event, type: 'settlement.reversed', subjectId: Number(r.id), settlementId: Number(r.settlement_id), createdAt: new Date(String(r.created_at)) });
  if (settlements.length) seen.settlement = Number(settlements[settlements.length - 1].id);
  if (reversals.length) seen.reversal = Number(reversals[reversals.length - 1].id);
  fed.set(key, seen);
  return events;
}
