/**
 * The contract test. Every GraphQL operation the dashboard sends is a typed document (`graphql()`,
 * generated into src/gql by `pnpm codegen` from the API's schema, shared/src/graphql/schema.graphql):
 * - each generated document validates against the schema (a renamed field, a changed argument type
 *   or a removed query fails here instead of in a bureau's browser);
 * - src/gql is what codegen makes of today's schema and sources (not stale);
 * - no hand-written query string is left in the dashboard's sources.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import config from '../../codegen';
import * as generated from '../gql/graphql';
import { RESOURCES } from './dataProvider';

const here = path.dirname(fileURLToPath(import.meta.url));
const src = path.resolve(here, '..');
const schema = buildSchema(readFileSync(path.resolve(here, '../../../shared/src/graphql/schema.graphql'), 'utf8'));

function errorsOf(query: string): string[] {
  return validate(schema, parse(query)).map((e) => e.message);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (p === path.join(src, 'gql')) return [];
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Every operation document codegen generated (fragments are checked inside the operations using them). */
const operations: Array<[string, object]> = Object.entries(generated as Record<string, unknown>).filter(
  (e): e is [string, object] => e[1] instanceof generated.TypedDocumentString && /^\s*(query|mutation)\b/.test(String(e[1])),
);

describe('dashboard operations validate against the API schema', () => {
  it('every generated document', () => {
    expect(operations.length).toBeGreaterThan(40);
    for (const [name, doc] of operations) expect(errorsOf(String(doc)), name).toEqual([]);
  });

  it('every resource of the data provider has its documents among them', () => {
    const docs = new Set(operations.map(([, d]) => d));
    for (const [name, cfg] of Object.entries(RESOURCES)) {
      for (const doc of [cfg.list, cfg.one, cfg.create?.document, cfg.update?.document].filter(Boolean)) expect(docs.has(doc as never), name).toBe(true);
    }
  });

  it('src/gql is up to date with the schema and the sources (run `pnpm codegen`)', async () => {
    const files = await generate(config, false);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(f.filename, 'utf8'), path.relative(src, f.filename)).toBe(f.content);
  }, 60_000);

  it('no hand-written query strings: every operation is a graphql() document', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8').replace(/graphql\(`[^`]*`\)/g, '');
      for (const m of text.matchAll(/[`'"]\s*(query|mutation|subscription)\b\s*\w*\s*[({]/g)) offenders.push(`${path.relative(src, file)}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('fails on an operation the schema does not have (the test can fail)', () => {
    expect(errorsOf('query { policyVersions { items { noSuchField } total } }').length).toBeGreaterThan(0);
  });
});
