/**
 * Writes the API's schema (SDL) and TypeScript types for it into the shared package, for the admin:
 *   shared/src/graphql/schema.graphql, shared/src/graphql/types.ts
 * Run with `pnpm gen:types` after changing the API; a test fails while they are out of date.
 */
import 'reflect-metadata';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { renderSchemaFiles } from './schema-types';
import { getSchema } from '../schema';

async function main() {
  const out = path.resolve(__dirname, '../../../shared/src/graphql');
  mkdirSync(out, { recursive: true });
  const { sdl, types } = renderSchemaFiles(await getSchema());
  writeFileSync(path.join(out, 'schema.graphql'), sdl);
  writeFileSync(path.join(out, 'types.ts'), types);
  console.log(`wrote ${path.join(out, 'schema.graphql')} and types.ts`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
