import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { PolicyVersion } from './policy.entity';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const plusDays = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
const RULES = `allowedRelationships intraProvinceSharing crossProvinceSharing beneficiaryMayInitiate confirmationRequired
  requiredProofs { relationship docTypes } activationMode maxGiversPerBeneficiary maxBeneficiariesPerGiver singleFamilyNetwork
  allowedCategories commercialInsuranceMinBalanceFen residentPremiumWindowStart residentPremiumWindowEnd residentPremiumFen
  retireeMonthlyCreditFen employeeAccountRatePermille fraud { travelWindowMinutes travelDistanceKm institutionsPerDay pharmacyVisitsPerPeriod
  pharmacyPeriodDays pharmaciesPerDay sameDrugRepeats drainPercent drainWindowDays fanOutBeneficiaries fanOutInstitutionPatients fanOutWindowDays bindingMismatchAttempts maternityMinAge maternityMaxAge }`;
const CREATE = `mutation($input: CreatePolicyVersionInput!) { createPolicyVersion(input: $input) {
  __typename ... on PolicyVersion { id provinceCode version effectiveFrom note rules { crossProvinceSharing residentPremiumFen } } ... on RuleViolation { rule code message } } }`;

async function rulesInForce(province: string, token: string) {
  return (await t.ok(`query($p: String!) { policyInForce(provinceCode: $p) { id version rules { ${RULES} } } }`, { p: province }, token)).policyInForce;
}

describe('regional policy', () => {
  it('POLICY: an edit adds version N+1 with its own effective date; older versions are untouched; the future one is not yet in force', async () => {
    const admin = await t.staffToken('regional_admin_44');
    const before = await rulesInForce('44', admin);
    const beforeRows = await t.run((ctx) => ctx.em.find(PolicyVersion, { where: { provinceCode: '44' }, order: { version: 'ASC' } }));
    const future = plusDays(30);
    const created = (await t.ok(CREATE, { input: { provinceCode: '44', effectiveFrom: future, note: '提高居民医保代缴标准', rules: { ...before.rules, residentPremiumFen: 42_000 } } }, admin)).createPolicyVersion;
    expect(created).toMatchObject({ __typename: 'PolicyVersion', provinceCode: '44', version: beforeRows.length + 1, effectiveFrom: future, rules: { residentPremiumFen: 42_000 } });
    const afterRows = await t.run((ctx) => ctx.em.find(PolicyVersion, { where: { provinceCode: '44' }, order: { version: 'ASC' } }));
    expect(afterRows.slice(0, beforeRows.length).map((r) => [r.id, r.effectiveFrom, JSON.stringify(r.rules)])).toEqual(beforeRows.map((r) => [r.id, r.effectiveFrom, JSON.stringify(r.rules)]));
    expect((await rulesInForce('44', admin)).id).toBe(before.id);
    const later = (await t.ok(`query($d: String) { policyInForce(provinceCode: "44", date: $d) { id } }`, { d: future }, admin)).policyInForce;
    expect(later.id).toBe(created.id);
    const diff = (await t.ok(`query($a: Int!, $b: Int!) { policyDiff(fromId: $a, toId: $b) { path before after } }`, { a: before.id, b: created.id }, admin)).policyDiff;
    expect(diff).toEqual([{ path: 'residentPremiumFen', before: '40000', after: '42000' }]);
    const history = (await t.ok(`{ policyHistory(provinceCode: "44") { version effectiveFrom } }`, {}, admin)).policyHistory;
    expect(history.map((h: any) => h.version)).toEqual(afterRows.map((r) => r.version));
  });

  it('POLICY: the 2021 policy allowed spouse, parents and children only; Dec 2024 all close relatives', async () => {
    const token = await t.staffToken('auditor');
    const q = `query($d: String) { policyInForce(provinceCode: "45", date: $d) { rules { allowedRelationships crossProvinceSharing } } }`;
    expect((await t.ok(q, { d: '2022-01-01' }, token)).policyInForce.rules.allowedRelationships.sort()).toEqual(['CHILD', 'PARENT', 'SPOUSE']);
    expect((await t.ok(q, { d: '2025-01-01' }, token)).policyInForce.rules.allowedRelationships).toHaveLength(8);
    expect((await t.ok(q, { d: '2025-08-31' }, token)).policyInForce.rules.crossProvinceSharing).toBe(false);
    expect((await t.ok(q, { d: '2025-09-01' }, token)).policyInForce.rules.crossProvinceSharing).toBe(true);
  });

  it('POLICY: a retroactive effective date is refused and nothing is written', async () => {
    const admin = await t.staffToken('regional_admin');
    const cur = await rulesInForce('11', admin);
    const count = await t.run((ctx) => ctx.em.countBy(PolicyVersion, { provinceCode: '11' }));
    const r = (await t.ok(CREATE, { input: { provinceCode: '11', effectiveFrom: '2024-01-01', note: '补录', rules: cur.rules } }, admin)).createPolicyVersion;
    expect(r).toMatchObject({ __typename: 'RuleViolation', rule: 'POLICY', code: 'RETROACTIVE_POLICY' });
    expect(await t.run((ctx) => ctx.em.countBy(PolicyVersion, { provinceCode: '11' }))).toBe(count);
  });

  it('S5: a policy cannot allow a never-allowed category; optional ones can be switched on', async () => {
    const admin = await t.staffToken('regional_admin');
    const cur = await rulesInForce('54', admin);
    const bad = (await t.ok(CREATE, { input: { provinceCode: '54', effectiveFrom: today(), note: '误操作', rules: { ...cur.rules, allowedCategories: [...cur.rules.allowedCategories, 'COSMETIC'] } } }, admin)).createPolicyVersion;
    expect(bad).toMatchObject({ rule: 'S5', code: 'CATEGORY_NEVER_ALLOWED' });
    const ok = (await t.ok(CREATE, { input: { provinceCode: '54', effectiveFrom: today(), note: '开通疫苗', rules: { ...cur.rules, allowedCategories: [...cur.rules.allowedCategories, 'VACCINE'] } } }, admin)).createPolicyVersion;
    expect(ok.__typename).toBe('PolicyVersion');
    const bounds = await t.gql(CREATE, { input: { provinceCode: '54', effectiveFrom: today(), note: '越界', rules: { ...cur.rules, fraud: { ...cur.rules.fraud, drainPercent: 150 } } } }, admin);
    expect(bounds.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('A1: a province-scoped admin edits only their province; a pooling-region-scoped admin and other roles cannot edit', async () => {
    const gd = await t.staffToken('regional_admin_44');
    const cur = await rulesInForce('11', gd);
    const input = { provinceCode: '11', effectiveFrom: today(), note: '越权修改', rules: cur.rules };
    expect((await t.gql(CREATE, { input }, gd)).errors?.[0].extensions?.code).toBe('OUT_OF_SCOPE');
    expect((await t.gql(CREATE, { input: { ...input, provinceCode: '44' } }, await t.staffToken('regional_admin_440300'))).errors?.[0].extensions?.code).toBe('OUT_OF_SCOPE');
    expect((await t.gql(CREATE, { input }, await t.staffToken('caseworker'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('E7: the map reads cross-province sharing from the policy in force; switching Guangdong on shows at once and is audited', async () => {
    const admin = await t.staffToken('regional_admin_44');
    const MAP = `{ crossProvinceMap { provinceCode crossProvinceSharing intraProvinceSharing version } }`;
    const before = (await t.ok(MAP, {}, admin)).crossProvinceMap;
    expect(before).toHaveLength(32);
    expect(before.find((r: any) => r.provinceCode === '44').crossProvinceSharing).toBe(false);
    expect(before.filter((r: any) => r.crossProvinceSharing)).toHaveLength(31);
    const r = (await t.ok(`mutation { setCrossProvinceSharing(provinceCode: "44", enabled: true) { __typename ... on PolicyVersion { id rules { crossProvinceSharing } } } }`, {}, admin)).setCrossProvinceSharing;
    expect(r.rules.crossProvinceSharing).toBe(true);
    expect((await t.ok(MAP, {}, admin)).crossProvinceMap.find((x: any) => x.provinceCode === '44').crossProvinceSharing).toBe(true);
    const audit = (await t.ok(`{ auditLogs(filter: { action: "policy.create", entityId: "${r.id}" }) { items { actorName detail } } }`, {}, await t.staffToken('auditor'))).auditLogs.items;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail).changes).toEqual([{ path: 'crossProvinceSharing', before: 'false', after: 'true' }]);
  });

  it('lists policies with filters, including the version in force per province on a date', async () => {
    const token = await t.staffToken('caseworker_11');
    const all = (await t.ok(`{ policyVersions(perPage: 200) { total } }`, {}, token)).policyVersions.total;
    expect(all).toBeGreaterThan(32 * 3);
    const onDay = (await t.ok(`{ policyVersions(filter: { effectiveOn: "2025-01-15" }, perPage: 100) { total items { provinceCode } } }`, {}, token)).policyVersions;
    expect(onDay.total).toBe(32);
    expect(new Set(onDay.items.map((i: any) => i.provinceCode)).size).toBe(32);
  });
});
