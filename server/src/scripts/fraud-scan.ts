/**
 * F3–F8 batch scan: `node server/dist/scripts/fraud-scan.js [--full] [--chunk=N]` (or `pnpm fraud:scan`).
 * Settlements, then 医保钱包 transfers (W5: F6/F8), each incremental from its stored watermark
 * (fraud_scan_state); `--full` re-scans everything, which
 * is safe: aggregates remember what they counted and signals are deduplicated, so a re-scan records
 * nothing twice; each settlement is judged by the policy versions it was made under.
 */
import 'reflect-metadata'; // first: decorators of the services' entities need it at load time
import { runFraudScan } from '../modules/fraud/fraud-scan.service';
import { openDeps, progressBar } from './batch-cli';

async function main() {
  const full = process.argv.includes('--full');
  const chunkArg = process.argv.find((a) => a.startsWith('--chunk='));
  const deps = await openDeps();
  try {
    const s = await runFraudScan(deps, { full, chunkSize: chunkArg ? Number(chunkArg.slice(8)) : undefined, onProgress: progressBar('fraud-scan') });
    if (!s.scanned && !s.transfers) console.log(`fraud-scan: nothing new since settlement ${s.fromId}`);
    else
      console.log(
        `fraud-scan: ${s.scanned} settlements (${s.fromId + 1}…${s.toId}) and ${s.transfers} wallet transfers scanned in ${s.seconds.toFixed(1)} s, ${s.signals} new signals, ${s.updated} updated`,
      );
  } finally {
    await deps.db.close();
  }
}

main().catch((e) => {
  console.error(`fraud-scan failed: ${e.message ?? e}`);
  process.exit(1);
});
