/**
 * The fraud outbox consumer: F3, F4, F5, F6 and F8 for every `settlement.settled` event, off the
 * settlement's request path; F6 and F8 also for every `wallet.transferred` event (W5: a 医保钱包
 * transfer is money leaving the sender). A batch is handled set-based by the detection engine (one query per kind
 * of row, aggregates loaded and saved in bulk), inside the worker's transaction, so the signals, the
 * aggregates and the consumer's cursor commit together.
 *
 * Register it in the outbox worker's consumer registry: `import { fraudConsumer } from '../fraud/fraud.consumer'`.
 */
import type { RequestContext } from '../../core/context';
import type { OutboxConsumer, OutboxEvent } from '../outbox/outbox.types';
import { detectSettlements, detectWalletTransfers } from './fraud-engine';

export const FRAUD_CONSUMER_NAME = 'fraud';

export const fraudConsumer: OutboxConsumer = {
  name: FRAUD_CONSUMER_NAME,
  async handle(ctx: RequestContext, events: readonly OutboxEvent[]): Promise<void> {
    const ids = events.filter((e) => e.type === 'settlement.settled').map((e) => Number(e.settlementId ?? e.subjectId));
    if (ids.length) await detectSettlements(ctx.em, ids, { actorName: 'fraud-consumer' });
    const transfers = events.filter((e) => e.type === 'wallet.transferred').map((e) => Number(e.subjectId));
    if (transfers.length) await detectWalletTransfers(ctx.em, transfers, { actorName: 'fraud-consumer' });
  },
};
