/**
 * S14 batch: `node server/dist/scripts/resident-premium.js` — pays this year's resident premiums
 * for opted-in bindings whose beneficiary's province is inside its collection window. Idempotent.
 */
import 'reflect-metadata'; // first: decorators of the services' entities need it at load time
import { runResidentPremium } from '../modules/batch/resident-premium.service';
import { openDeps, progressBar } from './batch-cli';

async function main() {
  const deps = await openDeps();
  try {
    const s = await runResidentPremium(deps, progressBar('resident-premium'));
    if (s.alreadyCompleted) console.log(`resident-premium ${s.period}: already completed earlier; nothing to do`);
    else
      console.log(
        `resident-premium ${s.period}: ${s.applied} premiums paid (${(s.amountFen / 100).toFixed(2)} yuan), ${s.outsideWindow} outside their window, ${s.unpaid} without enough balance`,
      );
  } finally {
    await deps.db.close();
  }
}

main().catch((e) => {
  console.error(`resident-premium failed: ${e.message ?? e}`);
  process.exit(1);
});
