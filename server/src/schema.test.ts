import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSchema } from './schema';
import { renderSchemaSdl } from './scripts/schema-sdl';

describe('the API schema the dashboard is generated from', () => {
  it('shared/src/graphql/schema.graphql is up to date with the schema (run `pnpm gen:types`)', async () => {
    const dir = path.resolve(__dirname, '../../shared/src/graphql');
    expect(readFileSync(path.join(dir, 'schema.graphql'), 'utf8')).toBe(renderSchemaSdl(await getSchema()));
  });
});
