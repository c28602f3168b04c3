/**
 * A1/A6: the scope matrix, generated from the schema. Every root query that can be called with the
 * fixtures' ids is sent with a selection that follows every object field (no required arguments) a
 * few levels deep, as every principal. Every Member, Binding, Settlement, FraudCase and
 * PersonalAccount anywhere in the answer must be one that principal may see. A new field or query is
 * covered without editing this file.
 */
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from './schema';
import { insertBinding } from './testing/fixtures';
import { startTestServer, TEST_INSTITUTIONS, type TestServer } from './testing/harness';
import type { Member } from './modules/member/member.entity';

let t: TestServer;
let schema: GraphQLSchema;
let gd: Member; // 深圳 440300 (province 44)
let bj: Member; // 北京 110000 (province 11)
const regionOfMember = new Map<number, string>();
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestServer();
  schema = await getSchema();
  gd = await t.member({ insuredRegion: '440300', birthDate: '1960-01-01', openingBalanceFen: 50_000 });
  bj = await t.member({ insuredRegion: '110000', birthDate: '1985-01-01' });
  const gdChild = await t.member({ insuredRegion: '440300', birthDate: '1990-01-01' });
  for (const m of [gd, bj, gdChild]) regionOfMember.set(m.id, m.insuredRegion);
  ids.Binding = (await insertBinding(t, gd, gdChild, { relationship: 'CHILD' as never })).id;
  const inst = await t.institutionToken();
  const settled = await t.ok(
    `mutation($i: SettleInput!) { settle(input: $i) { __typename ... on Settlement { id } ... on RuleViolation { code message } } }`,
    {
      i: {
        serialNo: 'MATRIX-1',
        patientIdNumber: gdChild.idNumber,
        credentialType: 'T02',
        credentialNo: gdChild.idNumber,
        category: 'OUTPATIENT',
        totalFen: 1000,
        poolFen: 0,
        selfPayFen: 1000,
        placeRegion: '440300',
        treatedAt: new Date(Date.now() - 60_000).toISOString(),
        acctUsedFlag: true,
      },
    },
    inst,
  );
  ids.Settlement = Number(settled.settle.id);
  const flagged = await t.ok(`mutation { flagFraud(input: { memberId: ${gd.id}, reason: "矩阵测试举报" }) { __typename ... on FraudCase { id } } }`, {}, await t.staffToken('fraud_analyst'));
  ids.FraudCase = flagged.flagFraud.id;
  ids.Member = gd.id;
});
afterAll(async () => {
  await t?.close();
});

// ---------------------------------------------------------------- principals and what each may see

type Who = { name: string; kind: 'staff'; scope: string } | { name: string; kind: 'member'; id: () => number } | { name: string; kind: 'institution' };
const STAFF_ROLES = ['caseworker', 'fraud_analyst', 'regional_admin', 'auditor'];
const PRINCIPALS: Who[] = [
  ...STAFF_ROLES.flatMap((r) => ['', '_44', '_11', '_440300'].map((s) => ({ name: `${r}${s}`, kind: 'staff' as const, scope: s.slice(1) }))),
  { name: 'member', kind: 'member', id: () => gd.id },
  { name: 'institution', kind: 'institution' },
];
const inScope = (scope: string, ...regions: Array<string | null | undefined>) => !scope || regions.some((r) => r && r.startsWith(scope));

function allowed(who: Who, type: string, o: Record<string, any>): boolean {
  const member = (id: number) => (who.kind === 'member' ? id === who.id() : who.kind === 'staff' && inScope(who.scope, regionOfMember.get(id) ?? o.insuredRegion));
  switch (type) {
    case 'Member':
      return member(o.id);
    case 'PersonalAccount':
      return member(o.memberId);
    case 'Binding':
      return who.kind === 'member' ? [o.giverId, o.beneficiaryId].includes(who.id()) : who.kind === 'staff' && inScope(who.scope, o.giverRegion, o.beneficiaryRegion);
    case 'Settlement':
      if (who.kind === 'institution') return true; // only its own exist in these fixtures' answers
      return who.kind === 'member' ? o.patientId === who.id() : inScope(who.scope, o.patientRegion, o.placeRegion);
    case 'FraudCase':
      return who.kind === 'staff' && inScope(who.scope, o.regionCode, o.otherRegionCode);
    default:
      return true;
  }
}
/** Scalar fields the checker needs, per checked type. */
const KEYS: Record<string, string[]> = {
  Member: ['id', 'insuredRegion'],
  PersonalAccount: ['memberId'],
  Binding: ['giverId', 'beneficiaryId', 'giverRegion', 'beneficiaryRegion'],
  Settlement: ['patientId', 'patientRegion', 'placeRegion'],
  FraudCase: ['regionCode', 'otherRegionCode'],
};

// ---------------------------------------------------------------- query generation

const requiredArgs = (f: GraphQLField<unknown, unknown>) => f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);

function selection(type: GraphQLObjectType, depth: number): string {
  const fields = type.getFields();
  const parts = ['__typename', ...(fields.id ? ['id'] : []), ...(KEYS[type.name] ?? []).filter((k) => fields[k])];
  if (depth > 0)
    for (const f of Object.values(fields)) {
      const named = getNamedType(f.type);
      if (!isObjectType(named) || requiredArgs(f).length) continue;
      parts.push(`${f.name} { ${selection(named, depth - 1)} }`);
    }
  return [...new Set(parts)].join(' ');
}

function rootQueries(maxDepth = 4): Array<{ name: string; query: string }> {
  const out: Array<{ name: string; query: string }> = [];
  for (const f of Object.values(schema.getQueryType()!.getFields())) {
    const named = getNamedType(f.type);
    if (!isObjectType(named)) continue;
    const args: string[] = [];
    let ok = true;
    for (const a of requiredArgs(f)) {
      const target = a.name === 'memberId' ? 'Member' : a.name === 'id' ? named.name : null;
      if (target && ids[target]) args.push(`${a.name}: ${ids[target]}`);
      else ok = false;
    }
    if (!ok) continue;
    const depth = Math.min(maxDepth, isListType(f.type) || named.name.endsWith('Page') ? 3 : 4);
    out.push({ name: f.name, query: `{ ${f.name}${args.length ? `(${args.join(', ')})` : ''} { ${selection(named, depth)} } }` });
  }
  return out;
}

async function tokenOf(who: Who): Promise<string> {
  if (who.kind === 'member') return t.memberToken(gd);
  if (who.kind === 'institution') return t.institutionToken(TEST_INSTITUTIONS[0].code);
  return t.staffToken(who.name);
}

function walk(value: unknown, visit: (type: string, o: Record<string, any>) => void): void {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, any>;
    if (typeof o.__typename === 'string') visit(o.__typename, o);
    for (const v of Object.values(o)) walk(v, visit);
  }
}

describe('A1/A6 scope matrix generated from the schema', () => {
  it('A1: the generator covers the queries that reach members, bindings, settlements and cases', () => {
    const names = rootQueries().map((q) => q.name);
    for (const q of ['member', 'members', 'binding', 'bindings', 'settlement', 'settlements', 'mySettlements', 'myBindings', 'myProfile', 'fraudCase', 'fraudCases', 'memberRiskProfile'])
      expect(names).toContain(q);
  });

  it.each(PRINCIPALS.map((p) => [p.name, p] as const))('A1/A6: %s sees nothing out of scope on any path', async (_name, who) => {
    const token = await tokenOf(who);
    const seen: Record<string, number> = {};
    const leaks: string[] = [];
    for (const q of rootQueries()) {
      let r = await t.gql(q.query, {}, token);
      // Machine principals have small cost budgets: walk shallower until the query fits.
      for (let depth = 3; depth >= 1 && r.errors?.[0]?.extensions?.code === 'QUERY_TOO_COMPLEX'; depth--)
        r = await t.gql(rootQueries(depth).find((x) => x.name === q.name)!.query, {}, token);
      for (const e of r.errors ?? []) expect(['FORBIDDEN', 'UNAUTHENTICATED', 'OUT_OF_SCOPE', 'RULE_VIOLATION'], `${q.name}: ${e.message}`).toContain(e.extensions?.code);
      walk(r.data, (type, o) => {
        if (!KEYS[type]) return;
        seen[type] = (seen[type] ?? 0) + 1;
        if (!allowed(who, type, o)) leaks.push(`${q.name} → ${type} ${JSON.stringify(o).slice(0, 120)}`);
      });
    }
    expect(leaks).toEqual([]);
    // not vacuous: a national or Guangdong caller does see the fixtures
    if (who.kind === 'staff' && (who.scope === '' || who.scope === '44') && who.name.startsWith('caseworker')) expect(seen.Member).toBeGreaterThan(0);
    if (who.kind === 'member') expect(seen.Binding).toBeGreaterThan(0);
  });

  it('A6: the member channel sees relatives through Relative (masked, no balance, no other bindings)', async () => {
    const token = await t.memberToken(gd);
    const r = await t.ok(`{ myBindings { giver { id } beneficiary { id } counterpart { name sex birthYear role paysForMe iPayForThem } } }`, {}, token);
    const b = r.myBindings[0];
    expect(b.giver.id).toBe(gd.id);
    expect(b.beneficiary).toBeNull();
    expect(b.counterpart).toMatchObject({ sex: expect.any(String), birthYear: 1990, role: 'BENEFICIARY', paysForMe: false, iPayForThem: true });
    expect(b.counterpart.name).toContain('*');
  });
});
