import 'reflect-metadata';
import path from 'node:path';
import { startApp } from './app';
import { loadConfig } from './config';
import { openDataSource } from './db/data-source';
import { Database } from './db/database';
import { OUTBOX_CONSUMERS } from './modules/outbox/consumers';
import { OutboxWorker } from './modules/outbox/outbox.worker';
import { waitForDatabase } from './db/wait-for-database';
import { LocalDirectoryStorage } from './modules/proof/proof-storage';
import { seedIfEmpty } from './seed/seed';

async function main() {
  const config = loadConfig();
  const sqlitePath = path.join(config.dataDir, 'gongji.sqlite');
  console.log(`gongji: database ${config.databaseUrl ? config.databaseUrl.replace(/\/\/[^@]*@/, '//***@') : sqlitePath}`);
  const maxWaitMs = Number(process.env.GONGJI_DB_WAIT_SECONDS ?? 300) * 1000;
  const ds = await waitForDatabase(() => openDataSource({ databaseUrl: config.databaseUrl, sqlitePath }), { maxWaitMs, log: console.warn });
  const db = new Database(ds);
  const storage = new LocalDirectoryStorage(path.join(config.dataDir, 'proofs'));
  await seedIfEmpty({ db, config, storage });
  const app = await startApp({ db, config, storage });
  // The outbox worker in this process (GONGJI_OUTBOX_INTERVAL_MS=0 leaves it to `pnpm worker`).
  const worker = new OutboxWorker({ db, config, storage }, OUTBOX_CONSUMERS);
  worker.start(config.outboxIntervalMs);
  console.log(`gongji: API     ${app.url}/graphql`);
  console.log(`gongji: 管理后台 ${config.adminDist ? `${app.url}/` : '(admin not built: run `pnpm build`)'}`);
  const stop = async () => {
    console.log('gongji: shutting down');
    await app.close();
    await worker.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error('gongji: failed to start:', e);
  process.exit(1);
});
