import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicyRules, POLICY_KNOBS } from '@gongji/shared';
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

const REFUSED = `mutation($input: CreatePolicyVersionInput!) { createPolicyVersion(input: $input) {
  __typename ... on PolicyVersion { id } ... on RuleViolation { rule code message field params { key value } } } }`;

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
    // withdrawn again, so that the E7 test below can switch Guangdong on from today
    const w = (await t.ok(`mutation($id: Int!) { withdrawPolicyVersion(id: $id, reason: "测试后撤回") { __typename } }`, { id: created.id }, admin)).withdrawPolicyVersion;
    expect(w.__typename).toBe('PolicyVersion');
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
  });

  it('F6: a knob outside the catalogue range is refused as a RuleViolation naming the rule and the knob; nothing is written', async () => {
    const admin = await t.staffToken('regional_admin');
    const cur = await rulesInForce('54', admin);
    const count = await t.run((ctx) => ctx.em.countBy(PolicyVersion, { provinceCode: '54' }));
    const input = { provinceCode: '54', effectiveFrom: today(), note: '越界', rules: { ...cur.rules, fraud: { ...cur.rules.fraud, drainPercent: 150 } } };
    const bad = (await t.ok(REFUSED, { input }, admin)).createPolicyVersion;
    expect(bad).toMatchObject({ __typename: 'RuleViolation', rule: 'F6', code: 'POLICY_KNOB_OUT_OF_RANGE', field: 'rules.fraud.drainPercent' });
    expect(Object.fromEntries(bad.params.map((p: { key: string; value: string }) => [p.key, p.value]))).toEqual({ knob: 'fraud.drainPercent', min: '1', max: '100', value: '150' });
    expect(bad.message).toContain('新绑定后余额消耗比例');
    expect(await t.run((ctx) => ctx.em.countBy(PolicyVersion, { provinceCode: '54' }))).toBe(count);
  });

  it('POLICY: every numeric knob of the catalogue bounds the server: one past either end is refused with the knob’s own rule', async () => {
    const admin = await t.staffToken('regional_admin');
    const base = { ...defaultPolicyRules(), requiredProofs: [] } as Record<string, unknown>;
    const numeric = POLICY_KNOBS.filter((k) => k.type === 'integer' || k.type === 'fen');
    expect(numeric.length).toBeGreaterThan(25);
    for (const knob of numeric) {
      const outside = [knob.min! - 1, ...(knob.max! < Number.MAX_SAFE_INTEGER ? [knob.max! + 1] : [])];
      for (const value of outside) {
        const rules = structuredClone(base);
        const path = knob.key.split('.');
        let node = rules;
        for (const p of path.slice(0, -1)) node = node[p] as Record<string, unknown>;
        node[path.at(-1)!] = value;
        const r = (await t.ok(REFUSED, { input: { provinceCode: '54', effectiveFrom: today(), note: '越界', rules } }, admin)).createPolicyVersion;
        expect(r, `${knob.key} = ${value}`).toMatchObject({ rule: knob.rule, code: 'POLICY_KNOB_OUT_OF_RANGE', field: `rules.${knob.key}` });
      }
    }
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

describe('safe policy publishing', () => {
  const WITHDRAW = `mutation($id: Int!, $reason: String!) { withdrawPolicyVersion(id: $id, reason: $reason) {
    __typename ... on PolicyVersion { id version effectiveFrom } ... on RuleViolation { rule code message params { key value } } } }`;
  const create = (token: string, input: Record<string, unknown>) => t.ok(CREATE.replace('message }', 'message params { key value } }'), { input }, token).then((d) => d.createPolicyVersion);

  it('POLICY: an edit must start from the version in force on its date (scheduled ones included), else nothing is written', async () => {
    const admin = await t.staffToken('regional_admin');
    const cur = await rulesInForce('33', admin);
    const v5 = await create(admin, { provinceCode: '33', effectiveFrom: plusDays(40), note: '下调快速消耗阈值', basedOnVersionId: cur.id, rules: { ...cur.rules, fraud: { ...cur.rules.fraud, drainPercent: 80 } } });
    expect(v5.__typename).toBe('PolicyVersion');
    const count = await t.run((ctx) => ctx.em.countBy(PolicyVersion, { provinceCode: '33' }));
    // v6 edits only the maternity age but starts from the version in force today: it would revert v5's threshold
    const stale = await create(admin, { provinceCode: '33', effectiveFrom: plusDays(60), note: '调整生育年龄', basedOnVersionId: cur.id, rules: { ...cur.rules, fraud: { ...cur.rules.fraud, maternityMaxAge: 55 } } });
    expect(stale).toMatchObject({ __typename: 'RuleViolation', rule: 'POLICY', code: 'STALE_POLICY_BASE' });
    expect(stale.params).toContainEqual({ key: 'expectedId', value: String(v5.id) });
    expect(await t.run((ctx) => ctx.em.countBy(PolicyVersion, { provinceCode: '33' }))).toBe(count);
    const onTop = await create(admin, { provinceCode: '33', effectiveFrom: plusDays(60), note: '调整生育年龄', basedOnVersionId: v5.id, rules: { ...cur.rules, fraud: { ...cur.rules.fraud, drainPercent: 80, maternityMaxAge: 55 } } });
    expect(onTop.__typename).toBe('PolicyVersion');
    const later = (await t.ok(`query($d: String) { policyInForce(provinceCode: "33", date: $d) { rules { fraud { drainPercent maternityMaxAge } } } }`, { d: plusDays(61) }, admin)).policyInForce;
    expect(later.rules.fraud).toEqual({ drainPercent: 80, maternityMaxAge: 55 });
  });

  it('POLICY: two versions cannot be scheduled for the same date, nor one before a version already scheduled later', async () => {
    const admin = await t.staffToken('regional_admin');
    const cur = await rulesInForce('32', admin);
    const first = await create(admin, { provinceCode: '32', effectiveFrom: plusDays(30), note: '第一次排期', rules: cur.rules });
    expect(first.__typename).toBe('PolicyVersion');
    const same = await create(admin, { provinceCode: '32', effectiveFrom: plusDays(30), note: '同日第二版', rules: { ...cur.rules, residentPremiumFen: 41_000 } });
    expect(same).toMatchObject({ rule: 'POLICY', code: 'EFFECTIVE_DATE_TAKEN' });
    expect(same.params).toContainEqual({ key: 'version', value: String(first.version) });
    const before = await create(admin, { provinceCode: '32', effectiveFrom: plusDays(10), note: '插在前面', rules: { ...cur.rules, residentPremiumFen: 41_000 } });
    expect(before).toMatchObject({ rule: 'POLICY', code: 'LATER_VERSION_SCHEDULED' });
    const map = await t.gql(`mutation { setCrossProvinceSharing(provinceCode: "32", enabled: false) { __typename ... on RuleViolation { code } } }`, {}, admin);
    expect(map.data.setCrossProvinceSharing).toEqual({ __typename: 'RuleViolation', code: 'LATER_VERSION_SCHEDULED' });
  });

  it('A4: a scheduled version can be withdrawn before it takes effect (audited with its rules and reason); one in force cannot', async () => {
    const admin = await t.staffToken('regional_admin');
    const cur = await rulesInForce('31', admin);
    const v = await create(admin, { provinceCode: '31', effectiveFrom: plusDays(20), note: '误排期', rules: { ...cur.rules, residentPremiumFen: 39_000 } });
    expect((await t.ok(WITHDRAW, { id: v.id, reason: ' ' }, admin)).withdrawPolicyVersion).toMatchObject({ rule: 'INPUT', code: 'REASON_REQUIRED' });
    const other = await t.gql(WITHDRAW, { id: v.id, reason: '越权撤回' }, await t.staffToken('regional_admin_44'));
    expect(other.errors?.[0].extensions?.code).toBe('OUT_OF_SCOPE');
    expect((await t.gql(WITHDRAW, { id: v.id, reason: '审计员' }, await t.staffToken('auditor'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const done = (await t.ok(WITHDRAW, { id: v.id, reason: '排期错误，撤回' }, admin)).withdrawPolicyVersion;
    expect(done).toMatchObject({ __typename: 'PolicyVersion', id: v.id });
    expect(await t.run((ctx) => ctx.em.findOneBy(PolicyVersion, { id: v.id }))).toBeNull();
    expect((await t.ok(`query($d: String) { policyInForce(provinceCode: "31", date: $d) { id } }`, { d: plusDays(21) }, admin)).policyInForce.id).toBe(cur.id);
    const audit = (await t.ok(`{ auditLogs(filter: { action: "policy.withdraw", entityId: "${v.id}" }) { items { reason detail } } }`, {}, await t.staffToken('auditor'))).auditLogs.items;
    expect(audit).toHaveLength(1);
    expect(audit[0].reason).toBe('排期错误，撤回');
    expect(JSON.parse(audit[0].detail)).toMatchObject({ provinceCode: '31', version: v.version, rules: { residentPremiumFen: 39_000 } });
    const inForce = (await t.ok(WITHDRAW, { id: cur.id, reason: '撤回现行版本' }, admin)).withdrawPolicyVersion;
    expect(inForce).toMatchObject({ rule: 'POLICY', code: 'POLICY_ALREADY_IN_FORCE' });
    expect(await t.run((ctx) => ctx.em.findOneBy(PolicyVersion, { id: cur.id }))).not.toBeNull();
  });
});
