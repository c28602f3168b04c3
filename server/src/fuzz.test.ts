/**
 * A8: schema-driven fuzzing with a fixed seed. Random but replayable operations — every query and
 * mutation, arguments built from their types with hostile values (0, negative, huge, empty, long,
 * wildcards, wrong enum members via variables) — as every principal kind. Whatever comes back must be
 * an answer or a typed refusal: never INTERNAL_SERVER_ERROR, never HTTP 5xx, and a refused request
 * must not have changed anything. Replay a failure with GONGJI_FUZZ_SEED=<seed>.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './app';
import { getSchema } from './schema';
import { insertBinding } from './testing/fixtures';
import { startTestServer, type TestServer } from './testing/harness';

const SEED = Number(process.env.GONGJI_FUZZ_SEED ?? 20261201);
const REQUESTS = Number(process.env.GONGJI_FUZZ_REQUESTS ?? 2000);

let t: TestServer;
let app: RunningApp;
let schema: GraphQLSchema;
const tokens: Record<string, string | null> = {};
let ids: number[] = [];

beforeAll(async () => {
  t = await startTestServer();
  // Same database and secret, without rate limits, so every request reaches the pipeline.
  app = await startApp({ ...t.deps, rateLimits: { anonymous: 0, member: 0, institution: 0, staff: 0 } }, 0, '127.0.0.1');
  schema = await getSchema();
  const a = await t.member({ insuredRegion: '440300', birthDate: '1960-01-01' });
  const b = await t.member({ insuredRegion: '440300', birthDate: '1990-01-01' });
  const c = await t.member({ insuredRegion: '110000' });
  await insertBinding(t, a, b, { relationship: 'CHILD' as never });
  ids = [a.id, b.id, c.id, 1, 2];
  tokens.anonymous = null;
  tokens.caseworker = await t.staffToken('caseworker_44');
  tokens.analyst = await t.staffToken('fraud_analyst');
  tokens.admin = await t.staffToken('regional_admin_11');
  tokens.auditor = await t.staffToken('auditor');
  tokens.member = await t.memberToken(a);
  tokens.institution = await t.institutionToken();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

/** mulberry32: small, fast, good enough, replayable. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)], chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

const STRINGS = ['', ' ', 'x', '%', '_', '%_%', '王', '张三', '440300', '44', '11', '2026-01-01', '2999-12-31', 'not-a-date', "'; DROP TABLE member; --", '110105194912310029', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '\u0000', 'x'.repeat(600)];

function value(type: GraphQLInputType, r: Rng, depth = 0): unknown {
  if (isNonNullType(type)) return value(type.ofType, r, depth);
  if (isListType(type)) return Array.from({ length: r.pick([0, 1, 2, 3]) }, () => value(type.ofType, r, depth + 1));
  if (isEnumType(type)) return r.chance(0.05) ? 'NOT_A_MEMBER' : r.pick(type.getValues()).value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      const required = isNonNullType(f.type) && f.defaultValue === undefined;
      if (required || (depth < 3 && r.chance(0.5))) out[f.name] = r.chance(0.03) && !required ? null : value(f.type, r, depth + 1);
    }
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return r.pick([0, 1, 2, 3, -1, 25, 200, 201, 2147483647, -2147483648, ...ids]);
      case 'SafeInt':
        return r.pick([0, 1, 100, 10_000, -5, 9007199254740991, ...ids]);
      case 'Float':
        return r.pick([0, 1.5, -1, 1e308]);
      case 'Boolean':
        return r.chance(0.5);
      case 'DateTimeISO':
      case 'Date':
        return r.pick([new Date().toISOString(), '2020-01-01T00:00:00.000Z', 'yesterday', '']);
      default:
        return r.pick(STRINGS);
    }
  }
  return null;
}

function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isUnionType(named)) return `{ __typename ${named.getTypes().map((m) => `... on ${m.name} { ${scalars(m)} }`).join(' ')} }`;
  if (!isObjectType(named)) return '';
  const nested =
    depth > 0
      ? Object.values(named.getFields())
          .filter((f) => isObjectType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)))
          .slice(0, 3)
          .map((f) => `${f.name} ${selection(f.type, depth - 1)}`)
      : [];
  return `{ ${scalars(named)} ${nested.join(' ')} }`;
}
function scalars(o: { getFields(): Record<string, GraphQLField<unknown, unknown>> }): string {
  const fs = Object.values(o.getFields()).filter((f) => !isObjectType(getNamedType(f.type)) && !isUnionType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)));
  return ['__typename', ...fs.slice(0, 8).map((f) => f.name)].join(' ');
}

function operation(r: Rng): { kind: 'query' | 'mutation'; name: string; text: string; variables: Record<string, unknown> } {
  const kind = r.chance(0.5) ? 'query' : 'mutation';
  const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field = r.pick(Object.values(root.getFields()));
  const defs: string[] = [];
  const args: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const a of field.args) {
    if (!isNonNullType(a.type) && !r.chance(0.6)) continue;
    defs.push(`$${a.name}: ${a.type.toString()}`);
    args.push(`${a.name}: $${a.name}`);
    variables[a.name] = value(a.type, r);
  }
  const text = `${kind}${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection(field.type, 1)} }`;
  return { kind, name: field.name, text, variables };
}

/** Everything a write could touch, in one row. */
async function fingerprint(): Promise<string> {
  const rows = await t.run((ctx) =>
    ctx.em.query(
      `SELECT (SELECT COUNT(*) FROM member) a, (SELECT COALESCE(SUM(version),0) FROM member) b, (SELECT COUNT(*) FROM binding) c,
              (SELECT COALESCE(SUM(version),0) FROM binding) d, (SELECT COUNT(*) FROM settlement) e, (SELECT COALESCE(SUM(balance_fen),0) FROM personal_account) f,
              (SELECT COUNT(*) FROM fraud_case) g, (SELECT COUNT(*) FROM policy_version) h, (SELECT COUNT(*) FROM relationship_proof) i`,
    ),
  );
  return JSON.stringify(rows[0]);
}

describe('A8: schema-driven fuzzing', () => {
  it(`A8: ${REQUESTS} generated requests as every principal kind: no internal error, no 5xx, no write from a refused request (seed ${SEED})`, async () => {
    const r = rng(SEED);
    const principals = Object.keys(tokens);
    const failures: string[] = [];
    let refusedMutations = 0;
    for (let i = 0; i < REQUESTS && failures.length < 5; i++) {
      const who = r.pick(principals);
      const op = operation(r);
      const before = op.kind === 'mutation' ? await fingerprint() : '';
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {}) },
        body: JSON.stringify({ query: op.text, variables: op.variables }),
      });
      const body = (await res.json().catch(() => null)) as { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> } | null;
      const where = `#${i} ${who} ${op.name} ${JSON.stringify(op.variables).slice(0, 200)}`;
      if (res.status >= 500) failures.push(`${where}: HTTP ${res.status} ${JSON.stringify(body?.errors?.[0])}`);
      const internal = body?.errors?.find((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR');
      if (internal) failures.push(`${where}: ${internal.message}`);
      const refused = Boolean(body?.errors?.length) || body?.data?.[op.name]?.__typename === 'RuleViolation';
      // A refused sign-in is counted (A7 lockout) on purpose; everything else refused must change nothing.
      if (op.kind === 'mutation' && refused && !['login', 'changePassword'].includes(op.name)) {
        refusedMutations++;
        const after = await fingerprint();
        if (after !== before) failures.push(`${where}: refused but wrote (${before} → ${after})`);
      }
    }
    expect(failures).toEqual([]);
    expect(refusedMutations).toBeGreaterThan(100);
  }, 180_000);
});
