/**
 * S13 batch: `node server/dist/scripts/monthly-credit.js 2026-11` (default: the current month).
 * Idempotent per period; safe to re-run or resume.
 */
import 'reflect-metadata'; // first: decorators of the services' entities need it at load time
import { runMonthlyCredit } from '../modules/batch/monthly-credit.service';
import { openDeps, progressBar } from './batch-cli';

async function main() {
  const period = process.argv[2] ?? new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  const deps = await openDeps();
  try {
    const s = await runMonthlyCredit(deps, period, progressBar(`monthly-credit ${period}`));
    if (s.alreadyCompleted) console.log(`monthly-credit ${period}: already completed earlier; nothing to do`);
    else console.log(`monthly-credit ${period}: ${s.applied} accounts credited, ${s.skipped} skipped, ${(s.amountFen / 100).toFixed(2)} yuan in total`);
  } finally {
    await deps.db.close();
  }
}

main().catch((e) => {
  console.error(`monthly-credit failed: ${e.message ?? e}`);
  process.exit(1);
});
