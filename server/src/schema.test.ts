import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSchema } from './schema';
import { renderSchemaFiles } from './scripts/schema-types';

describe('generated GraphQL types for the admin', () => {
  it('shared/src/graphql is up to date with the schema (run `pnpm gen:types`)', async () => {
    const { sdl, types } = renderSchemaFiles(await getSchema());
    const dir = path.resolve(__dirname, '../../shared/src/graphql');
    expect(readFileSync(path.join(dir, 'schema.graphql'), 'utf8')).toBe(sdl);
    expect(readFileSync(path.join(dir, 'types.ts'), 'utf8')).toBe(types);
  });
});
