/**
 * Every outbox consumer, in one place. A module that reacts to committed events exports an
 * `OutboxConsumer` (outbox.types.ts) and adds it here; the worker (in process and `pnpm worker`)
 * hands each one every event in id order, with its own cursor. Never rename a deployed consumer.
 */
import { rollupConsumer } from '../dashboard/dashboard-rollup.consumer';
import { fraudConsumer } from '../fraud/fraud.consumer';
import type { OutboxConsumer } from './outbox.types';

export const OUTBOX_CONSUMERS: readonly OutboxConsumer[] = [fraudConsumer, rollupConsumer];
