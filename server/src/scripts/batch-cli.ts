/** Shared start-up for batch scripts: the same configuration and database as the server. */
import 'reflect-metadata';
import path from 'node:path';
import type { AppDeps } from '../app';
import { loadConfig } from '../config';
import { openDataSource } from '../db/data-source';
import { Database } from '../db/database';
import { proofStorageFromEnv } from '../modules/proof/proof-storage';

export async function openDeps(): Promise<AppDeps> {
  const config = loadConfig();
  const ds = await openDataSource({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, 'gongji.sqlite') });
  return { db: new Database(ds), config, storage: proofStorageFromEnv(process.env, config.dataDir) };
}

/** A one-line progress bar, redrawn in place on a terminal and printed every 10% otherwise. */
export function progressBar(label: string) {
  let lastPct = -1;
  const started = Date.now();
  return ({ done, total }: { done: number; total: number }) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    const width = 30;
    const bar = '█'.repeat(Math.round((pct / 100) * width)).padEnd(width, '░');
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    const line = `[${label}] ${bar} ${String(pct).padStart(3)}%  ${done}/${total}  ${rate.toFixed(0)}/s`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}${done >= total ? '\n' : ''}`);
    else if (Math.floor(pct / 10) !== Math.floor(lastPct / 10) || done >= total) console.log(line);
    lastPct = pct;
  };
}
