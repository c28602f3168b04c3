/**
 * The outbox worker as its own process: `pnpm worker` (node server/dist/scripts/worker.js).
 * Drains the outbox for every registered consumer every GONGJI_OUTBOX_INTERVAL_MS (default 200 ms)
 * until SIGINT/SIGTERM. Safe next to the API's in-process worker: consumers' cursors are locked per batch.
 * `--once` drains what is there and exits.
 */
import 'reflect-metadata';
import { OUTBOX_CONSUMERS } from '../modules/outbox/consumers';
import { OutboxWorker } from '../modules/outbox/outbox.worker';
import { openDeps } from './batch-cli';

async function main() {
  const deps = await openDeps();
  const worker = new OutboxWorker(deps, OUTBOX_CONSUMERS);
  if (process.argv.includes('--once')) {
    const n = await worker.drain();
    console.log(`worker: ${n} event deliveries handled`);
    await deps.db.close();
    return;
  }
  const interval = deps.config.outboxIntervalMs > 0 ? deps.config.outboxIntervalMs : 200;
  worker.start(interval);
  console.log(`worker: draining the outbox every ${interval} ms for ${OUTBOX_CONSUMERS.map((c) => c.name).join(', ')}`);
  const stop = async () => {
    await worker.stop();
    await deps.db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(`worker failed: ${e.message ?? e}`);
  process.exit(1);
});
