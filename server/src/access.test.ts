/**
 * A1/A2: the authorization matrix. Every role × scope (national, province 44, province 11, pooling
 * region 440300), the machine principals and anonymous, against in-scope and out-of-scope data.
 * One row per operation; each cell says what must happen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from './core/tokens';
import { insertBinding } from './testing/fixtures';
import { startTestServer, type TestServer } from './testing/harness';
import type { Member } from './modules/member/member.entity';

let t: TestServer;
let gd: Member; // insured in 深圳 440300 (province 44)
let gz: Member; // insured in 广州 440100 (province 44, outside 440300)
let bj: Member; // insured in 北京 110000 (province 11)
let gdBinding: number;
beforeAll(async () => {
  t = await startTestServer();
  gd = await t.member({ insuredRegion: '440300', birthDate: '1960-01-01' });
  gz = await t.member({ insuredRegion: '440100', birthDate: '1985-01-01' });
  bj = await t.member({ insuredRegion: '110000', birthDate: '1985-01-01' });
  gdBinding = (await insertBinding(t, gd, gz)).id;
});
afterAll(async () => {
  await t?.close();
});

type Principal = string; // staff username, 'member', 'institution', 'anonymous'
type Outcome = 'data' | 'null' | 'empty' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'OUT_OF_SCOPE' | 'NOT_FOUND' | 'ok';

const ROLES = ['caseworker', 'fraud_analyst', 'regional_admin', 'auditor'];
const SCOPES = ['', '_44', '_11', '_440300'];
const STAFF = ROLES.flatMap((r) => SCOPES.map((s) => `${r}${s}`));
const ALL: Principal[] = [...STAFF, 'member', 'institution', 'anonymous'];

async function tokenOf(p: Principal): Promise<string | null> {
  if (p === 'anonymous') return null;
  if (p === 'member') return t.memberToken(gd);
  if (p === 'institution') return t.institutionToken();
  return t.staffToken(p);
}

interface Row {
  name: string;
  query: () => string;
  /** expected outcome for a principal */
  expect: (p: Principal) => Outcome;
  /** how to read the result into an outcome when there is no error */
  read: (data: any) => Outcome;
}

const scopeOf = (p: Principal) => (p.endsWith('_44') ? '44' : p.endsWith('_11') ? '11' : p.endsWith('_440300') ? '440300' : '');
const machineOrAnon = (p: Principal): Outcome | null => (p === 'anonymous' ? 'UNAUTHENTICATED' : p === 'member' || p === 'institution' ? 'FORBIDDEN' : null);

const ROWS: Row[] = [
  {
    name: 'read a member insured in 440300',
    query: () => `{ member(id: ${gd.id}) { id } }`,
    expect: (p) => machineOrAnon(p) ?? (scopeOf(p) === '11' ? 'null' : 'data'),
    read: (d) => (d.member ? 'data' : 'null'),
  },
  {
    name: 'read a member insured in 110000',
    query: () => `{ member(id: ${bj.id}) { id } }`,
    expect: (p) => machineOrAnon(p) ?? (scopeOf(p) === '' || scopeOf(p) === '11' ? 'data' : 'null'),
    read: (d) => (d.member ? 'data' : 'null'),
  },
  {
    name: 'list members of province 11',
    query: () => `{ members(filter: { region: "11" }) { total } }`,
    expect: (p) => machineOrAnon(p) ?? (scopeOf(p) === '' || scopeOf(p) === '11' ? 'data' : 'empty'),
    read: (d) => (d.members.total > 0 ? 'data' : 'empty'),
  },
  {
    name: 'reveal a 440300 member',
    query: () => `mutation { revealMember(id: ${gd.id}, reason: "核实身份信息") { __typename } }`,
    expect: (p) => {
      const m = machineOrAnon(p);
      if (m) return m;
      if (p.startsWith('regional_admin')) return 'FORBIDDEN';
      if (p.startsWith('auditor')) return 'FORBIDDEN'; // no REVEAL_PII permission
      return scopeOf(p) === '11' ? 'NOT_FOUND' : 'ok';
    },
    read: (d) => (d.revealMember.__typename === 'RevealedMember' ? 'ok' : 'NOT_FOUND'),
  },
  {
    name: 'record the death of a Beijing member (dry: invalid future date, so nothing changes)',
    query: () => `mutation { recordMemberDeath(input: { memberId: ${bj.id}, date: "2999-01-01", reason: "权限测试" }) { __typename ... on RuleViolation { code } } }`,
    expect: (p) => {
      const m = machineOrAnon(p);
      if (m) return m;
      if (!p.startsWith('caseworker')) return 'FORBIDDEN';
      return scopeOf(p) === '' || scopeOf(p) === '11' ? 'ok' : 'NOT_FOUND';
    },
    read: (d) => (d.recordMemberDeath.code === 'BAD_EVENT_DATE' ? 'ok' : d.recordMemberDeath.code === 'MEMBER_NOT_FOUND' ? 'NOT_FOUND' : 'data'),
  },
  {
    name: 'suspend a Guangdong binding (dry: too-short reason)',
    query: () => `mutation { suspendBinding(id: ${gdBinding}, reason: "x") { __typename ... on RuleViolation { code } } }`,
    expect: (p) => {
      const m = machineOrAnon(p);
      if (m) return m;
      if (!p.startsWith('caseworker') && !p.startsWith('fraud_analyst')) return 'FORBIDDEN';
      return scopeOf(p) === '11' ? 'NOT_FOUND' : 'ok';
    },
    read: (d) => (d.suspendBinding.code === 'REASON_REQUIRED' ? 'ok' : d.suspendBinding.code === 'BINDING_NOT_FOUND' ? 'NOT_FOUND' : 'data'),
  },
  {
    name: 'edit Beijing policy (dry: retroactive date)',
    query: () => `mutation { setCrossProvinceSharing(provinceCode: "11", enabled: true, effectiveFrom: "2020-01-01") { __typename ... on RuleViolation { code } } }`,
    expect: (p) => {
      const m = machineOrAnon(p);
      if (m) return m;
      if (!p.startsWith('regional_admin')) return 'FORBIDDEN';
      return scopeOf(p) === '' || scopeOf(p) === '11' ? 'ok' : 'OUT_OF_SCOPE';
    },
    read: (d) => (d.setCrossProvinceSharing.code === 'RETROACTIVE_POLICY' ? 'ok' : 'data'),
  },
  {
    name: 'read the audit log',
    query: () => `{ auditLogs { total } }`,
    expect: (p) => machineOrAnon(p) ?? (p.startsWith('auditor') ? 'ok' : 'FORBIDDEN'),
    read: () => 'ok',
  },
  {
    name: 'member channel: my profile',
    query: () => `{ myProfile { id } }`,
    expect: (p) => (p === 'anonymous' ? 'UNAUTHENTICATED' : p === 'member' ? 'data' : 'FORBIDDEN'),
    read: (d) => (d.myProfile ? 'data' : 'null'),
  },
  {
    name: 'institution: my settlements',
    query: () => `{ mySettlements { total } }`,
    expect: (p) => (p === 'anonymous' ? 'UNAUTHENTICATED' : p === 'institution' ? 'ok' : 'FORBIDDEN'),
    read: () => 'ok',
  },
  // Binding, proof and settlement operations have rows of their own in their modules' tests;
  // add an operation here as one more row.
];

describe('A1/A2 authorization matrix', () => {
  for (const row of ROWS) {
    it.each(ALL)(`A1: ${row.name} — %s`, async (p) => {
      const token = await tokenOf(p);
      const r = await t.gql(row.query(), {}, token);
      const got: Outcome = r.errors?.length ? (r.errors[0].extensions?.code as Outcome) : row.read(r.data);
      expect(got).toBe(row.expect(p));
    });
  }

  it('A2: an expired or tampered token is refused as UNAUTHENTICATED', async () => {
    const secret = t.deps.config.secret;
    const expired = signToken(secret, { kind: 'staff', sub: 1 }, -10);
    expect((await t.gql(`{ viewer { kind } }`, {}, expired)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const good = await t.staffToken('auditor');
    const tampered = good.replace(/^[^.]+/, Buffer.from(JSON.stringify({ kind: 'staff', sub: 1, iat: 1, exp: 4102444800 })).toString('base64url'));
    expect((await t.gql(`{ viewer { kind } }`, {}, tampered)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.ok(`{ viewer { kind roles scope } }`, {}, good)).viewer).toEqual({ kind: 'STAFF', roles: ['AUDITOR'], scope: null });
  });
});
