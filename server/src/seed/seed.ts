import type { AppDeps } from '../app';
import { runInContext } from '../core/context';
import { rebuildRollups } from '../modules/dashboard/dashboard-rollup.consumer';
import { Province } from '../modules/region/region.entity';
import { demoCredentials, seedDemo } from './demo';
import { seedReference } from './reference';

/**
 * On first start, into an empty database: the reference data every installation needs (provinces,
 * pooling regions, the policy history), then — unless `GONGJI_SEED=none` — the demo data.
 * A production installation starts with reference data only and creates its staff accounts,
 * institutions and channel clients with `pnpm provision` (server/src/scripts/provision.ts).
 */
export async function seedIfEmpty(deps: AppDeps): Promise<boolean> {
  const empty = await deps.db.transaction(async (em) => (await em.count(Province)) === 0);
  if (!empty) {
    if (deps.config.seedDemo) console.log('gongji: database already has data; not seeding');
    return false;
  }
  const started = Date.now();
  await runInContext(deps, { kind: 'system', name: 'seed' }, (ctx) => seedReference(ctx.em));
  if (!deps.config.seedDemo) {
    console.log('gongji: reference data (provinces, pooling regions, policy history) loaded; no demo data');
    return true;
  }
  await seedDemo(deps);
  // The demo's settlements were written directly, not through the outbox: sum them into the dashboard rollups.
  await runInContext(deps, { kind: 'system', name: 'seed' }, (ctx) => rebuildRollups(ctx));
  console.log(`gongji: demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(await demoCredentials(deps));
  return true;
}
