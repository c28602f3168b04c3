import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from './db/entities';
import { getSchema } from './schema';

/** The docs are part of the product: these checks fail when code grows without them. */
const docs = path.resolve(__dirname, '../../docs');
const read = (f: string) => readFileSync(path.join(docs, f), 'utf8');

describe('documentation matches the code', () => {
  it('docs/api.md (with docs/fraud.md) names every query and mutation of the API', async () => {
    const schema = await getSchema();
    const text = read('api.md') + read('fraud.md');
    const missing: string[] = [];
    for (const type of [schema.getQueryType()!, schema.getMutationType()!])
      for (const name of Object.keys(type.getFields())) if (!text.includes(`\`${name}\``) && !text.includes(`${name}(`)) missing.push(`${type.name}.${name}`);
    expect(missing, 'document these in docs/api.md').toEqual([]);
  });

  it('docs/architecture.md lists every table in its data model', () => {
    const text = read('architecture.md');
    const tables = getMetadataArgsStorage()
      .tables.filter((t) => ENTITIES.includes(t.target as never))
      .map((t) => t.name!);
    expect(tables.length).toBe(ENTITIES.length);
    expect(tables.filter((t) => !text.includes(`\`${t}\``)), 'add these tables to docs/architecture.md').toEqual([]);
  });
});
