import 'reflect-metadata';
import path from 'node:path';
import { startApp } from './app';
import { loadConfig } from './config';
import { openDataSource } from './db/data-source';
import { Database } from './db/database';
import { proofStorageFromEnv } from './modules/proof/proof-storage';
import { runShutdownHooks } from './ops/lifecycle';
import { log } from './ops/logger';
import { seedIfEmpty } from './seed/seed';

async function main() {
  const config = loadConfig();
  const sqlitePath = path.join(config.dataDir, 'gongji.sqlite');
  console.log(`gongji: database ${config.databaseUrl ? config.databaseUrl.replace(/\/\/[^@]*@/, '//***@') : sqlitePath}`);
  const ds = await openDataSource({ databaseUrl: config.databaseUrl, sqlitePath });
  const db = new Database(ds);
  const storage = proofStorageFromEnv(process.env, config.dataDir);
  await seedIfEmpty({ db, config, storage });
  const app = await startApp({ db, config, storage });
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
