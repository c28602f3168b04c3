/**
 * Writes the API's schema (SDL) into the shared package: shared/src/graphql/schema.graphql. The
 * dashboard's typed documents are generated from it (`pnpm codegen`, admin/codegen.ts); the root
 * `pnpm gen:types` runs both. A test fails while either is out of date.
 */
import 'reflect-metadata';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { renderSchemaSdl } from './schema-sdl';
import { getSchema } from '../schema';

async function main() {
  const out = path.resolve(__dirname, '../../../shared/src/graphql');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'schema.graphql'), renderSchemaSdl(await getSchema()));
  console.log(`wrote ${path.join(out, 'schema.graphql')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
