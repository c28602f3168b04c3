/**
 * W3 batch: `pnpm batch:wallet-return` returns every 医保钱包 transfer left unaccepted past its
 * acceptance period to its sender. Safe to re-run or to run beside the server.
 */
import 'reflect-metadata';
import { runWalletReturn } from '../modules/wallet/wallet.service';
import { openDeps, progressBar } from './batch-cli';

async function main() {
  const deps = await openDeps();
  try {
    const s = await runWalletReturn(deps, progressBar('wallet-return'));
    console.log(`wallet-return: ${s.returned} transfers returned, ${(s.amountFen / 100).toFixed(2)} yuan in total`);
  } finally {
    await deps.db.close();
  }
}

main().catch((e) => {
  console.error(`wallet-return failed: ${e.message ?? e}`);
  process.exit(1);
});
