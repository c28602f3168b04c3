import 'reflect-metadata';
import path from 'node:path';
import { startApp } from './app';
import { loadConfig } from './config';
import { openDataSource } from './db/data-source';
import { Database } from './db/database';
import { waitForDatabase } from './db/wait-for-database';
import { OUTBOX_CONSUMERS } from './modules/outbox/consumers';
import { OutboxWorker } from './modules/outbox/outbox.worker';
import { proofStorageFromEnv } from './modules/proof/proof-storage';
import { onShutdown, runShutdownHooks } from './ops/lifecycle';
import { log } from './ops/logger';
import { seedIfEmpty } from './seed/seed';

async function main() {
  const config = loadConfig();
  const sqlitePath = path.join(config.dataDir, 'gongji.sqlite');
  console.log(`gongji: database ${config.databaseUrl ? config.databaseUrl.replace(/\/\/[^@]*@/, '//***@') : sqlitePath}`);
  const maxWaitMs = Number(process.env.GONGJI_DB_WAIT_SECONDS ?? 300) * 1000;
  const ds = await waitForDatabase(() => openDataSource({ databaseUrl: config.databaseUrl, sqlitePath }), { maxWaitMs, log: console.warn });
  const db = new Database(ds);
  const storage = proofStorageFromEnv(process.env, config.dataDir);
  await seedIfEmpty({ db, config, storage });
  const app = await startApp({ db, config, storage });
  // The outbox worker in this process (GONGJI_OUTBOX_INTERVAL_MS=0 leaves it to `pnpm worker`).
  const worker = new OutboxWorker({ db, config, storage }, OUTBOX_CONSUMERS);
  worker.start(config.outboxIntervalMs);
  // On SIGTERM the worker finishes its current batch (its cursor moves with it) before the pool closes.
  onShutdown('outbox worker', () => worker.stop());
  console.log(`gongji: API     ${app.url}/graphql`);
  console.log(`gongji: 管理后台 ${config.adminDist ? `${app.url}/` : '(admin not built: run `pnpm build`)'}`);
  // Graceful stop (see ops/lifecycle.ts): stop accepting and finish in-flight requests, then the
  // shutdown hooks (background workers register with onShutdown), then the database pool.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    const timeout = config.shutdownTimeoutMs ?? 10_000;
    log().info({ signal }, 'shutting down');
    // Whatever hangs (a pool waiting on a dead database connection), the process still exits.
    setTimeout(() => {
      log().error({ ms: Date.now() - started }, 'shutdown took too long; exiting');
      process.exit(1);
    }, 3 * timeout + 5_000).unref();
    try {
      await app.close();
      log().info({ ms: Date.now() - started }, 'shutdown: requests drained');
      await runShutdownHooks(timeout);
      await Promise.race([db.close(), new Promise((r) => setTimeout(r, timeout))]);
      log().info({ ms: Date.now() - started }, 'stopped');
      process.exit(0);
    } catch (e) {
      log().error({ err: e }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  console.error('gongji: failed to start:', e);
  process.exit(1);
});
