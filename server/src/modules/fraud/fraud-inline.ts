/**
 * Bridge until the outbox worker runs the fraud consumer: right after a settlement has committed, run
 * the consumer's detection (`detectSettlements`) over that one settlement in a transaction of its own.
 * Detection never holds the payers' row locks, never refuses or undoes a payment; if it fails, the
 * batch scan picks the settlement up again. When the worker registers `fraudConsumer`, this hook and
 * its call in the settlement service go away.
 */
import type { RequestContext } from '../../core/context';
import type { Settlement } from '../settlement/settlement.entity';
import { detectSettlements } from './fraud-engine';

export async function detectAfterSettlement(ctx: RequestContext, s: Settlement): Promise<void> {
  const id = s.id;
  const requestId = ctx.requestId;
  ctx.independent.push(async (db) => {
    try {
      await db.transaction(async (em) => {
        // Runs after commit and after rollback alike: only a settlement that was really stored counts.
        const [row] = await em.query('SELECT id FROM settlement WHERE id = ?', [id]);
        if (row) await detectSettlements(em, [id], { actorName: 'system' });
      });
    } catch (e) {
      console.error(`[${requestId}] fraud detection failed for settlement ${id}; the batch scan will retry it`, e);
    }
  });
}
