/**
 * The contract test: every GraphQL operation the dashboard sends is validated against the API's
 * schema (shared/src/graphql/schema.graphql, written by `pnpm gen:types`). A renamed field, a
 * changed argument type or a removed query fails here instead of in a bureau's browser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LOGIN_MUTATION, VIEWER_QUERY } from './authProvider';
import * as dp from './dataProvider';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = buildSchema(readFileSync(path.resolve(here, '../../../shared/src/graphql/schema.graphql'), 'utf8'));

function errorsOf(query: string): string[] {
  return validate(schema, parse(query)).map((e) => e.message);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** `dataProvider.command('res', 'mutation' | cond ? 'a' : 'b', vars, { x: 'Int!' })` calls found in the source. */
function commandCalls(): Array<{ where: string; resource: string; mutations: string[]; types: Record<string, string> }> {
  const out = [];
  const re = /\.command(?:<[^>]*>)?\(\s*'(\w+)',\s*([^,]+?),\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\w+),\s*(\{[^{}]*\})\s*\)/g;
  for (const file of sourceFiles(path.resolve(here, '..'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(re)) {
      const mutations = [...m[2].matchAll(/'([a-z]\w+)'/g)].map((x) => x[1]);
      const types = Object.fromEntries([...m[3].matchAll(/(\w+):\s*'([^']+)'/g)].map((x) => [x[1], x[2]]));
      if (mutations.length) out.push({ where: path.basename(file), resource: m[1], mutations, types });
    }
  }
  return out;
}

describe('dashboard operations validate against the API schema', () => {
  it('list and record queries of every resource', () => {
    for (const [name, cfg] of Object.entries(dp.RESOURCES)) {
      const list = dp.buildListQuery(name, { pagination: { page: 1, perPage: 25 } });
      expect(errorsOf(list.query), `${name} list`).toEqual([]);
      if (cfg.one) expect(errorsOf(dp.buildOneQuery(name, 1).query), `${name} one`).toEqual([]);
      for (const write of [cfg.create, cfg.update].filter(Boolean) as dp.WriteConfig[])
        expect(errorsOf(dp.buildWriteMutation(name, write, {}).query), `${name} write`).toEqual([]);
    }
  });

  it('the fixed queries and mutations', () => {
    const fixed = Object.entries(dp).filter(([k, v]) => typeof v === 'string' && /^[A-Z_]+$/.test(k) && /^(query|mutation)\b/.test(v as string));
    expect(fixed.length).toBeGreaterThan(5);
    for (const [k, q] of [...fixed, ['LOGIN_MUTATION', LOGIN_MUTATION], ['VIEWER_QUERY', VIEWER_QUERY]]) expect(errorsOf(q as string), k as string).toEqual([]);
  });

  it('every command mutation in the pages', () => {
    const calls = commandCalls();
    expect(calls.length).toBeGreaterThanOrEqual(4);
    for (const c of calls) for (const m of c.mutations) expect(errorsOf(dp.buildCommand(c.resource, m, c.types)), `${c.where}: ${m}`).toEqual([]);
  });

  it('fails on an operation the schema does not have (the test can fail)', () => {
    expect(errorsOf('query { policyVersions { items { noSuchField } total } }').length).toBeGreaterThan(0);
  });
});
