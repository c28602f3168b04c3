import type { AppDeps } from '../app';
import { runInContext } from '../core/context';
import { Province } from '../modules/region/region.entity';
import { demoCredentials, seedDemo } from './demo';
import { seedReference } from './reference';

/** On first start: reference data, then demo data, into an empty database. */
export async function seedIfEmpty(deps: AppDeps): Promise<boolean> {
  const empty = await deps.db.transaction(async (em) => (await em.count(Province)) === 0);
  if (!empty) {
    console.log('gongji: database already has data; not seeding');
    return false;
  }
  const started = Date.now();
  await runInContext(deps, { kind: 'system', name: 'seed' }, (ctx) => seedReference(ctx.em));
  await seedDemo(deps);
  console.log(`gongji: demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(await demoCredentials(deps));
  return true;
}
