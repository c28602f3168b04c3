// Browser flows of the fraud analyst (基金监管分析员), appended to FLOWS of flows.mjs and run by
// run.mjs. The analyst works the demo seed's open F1 case (server/src/seed/demo-fraud.ts: 刘建国
// presenting his brother's card). Without it, the flow plants a realistic impersonation case
// through the institution API: a man settling a MATERNITY bill (F4), the same man in Beijing 30
// minutes later (F3), and a bill presented with another member's ID card (F1, refused).
import assert from 'node:assert/strict';
import { FLOWS, login } from './flows.mjs';

const INSTITUTION_SECRET = 'inst-demo-secret';

async function open(page, hashPath) {
  await page.goto(`/#${hashPath}`);
  await page.waitForLoadState('networkidle');
}

/** GraphQL as a designated institution (A2). */
async function institutionApi(api, code) {
  const d = await api.gql('mutation($input: InstitutionLoginInput!) { institutionLogin(input: $input) { token } }', { input: { code, secret: INSTITUTION_SECRET } });
  return (query, variables) => api.gql(query, variables, d.institutionLogin.token);
}

const SETTLE = `mutation($input: SettleInput!) { settle(input: $input) { __typename ... on Settlement { id serialNo status } ... on RuleViolation { rule code message } } }`;

function bill(idNumber, over = {}) {
  return {
    serialNo: `E2E-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
    patientIdNumber: idNumber,
    credentialType: 'T02',
    credentialNo: idNumber,
    category: 'OUTPATIENT',
    totalFen: 86_000,
    poolFen: 50_000,
    selfPayFen: 36_000,
    acctUsedFlag: true,
    placeRegion: '440300',
    treatedAt: new Date(Date.now() - 90 * 60_000).toISOString(),
    ...over,
  };
}

/**
 * Two Shenzhen EMPLOYEE members with an account, found and revealed by the analyst (the reveal is
 * audited with its reason, A3): a man (the subject) and another member whose ID card he presents.
 */
export async function plantImpersonationCase(api) {
  const q = `query($f: MemberFilter) { members(filter: $f, perPage: 100, sortField: "id", sortOrder: ASC) { items { id sex status suspendedUntil account { balanceFen } } } }`;
  const list = (await api.as('analyst', q, { f: { region: '440300', scheme: 'EMPLOYEE', status: 'ACTIVE' } })).members.items;
  const usable = list.filter((m) => !m.suspendedUntil && m.account && m.account.balanceFen > 50_000);
  const man = usable.find((m) => m.sex === 'MALE');
  const other = usable.find((m) => m.id !== man?.id);
  assert.ok(man && other, 'the demo data has Shenzhen employee members with money');
  const subject = (await api.as('analyst', REVEAL, { id: man.id })).revealMember;
  const owner = (await api.as('analyst', REVEAL, { id: other.id })).revealMember;

  const sz = await institutionApi(api, 'H44030000001');
  const bj = await institutionApi(api, 'H11000000001');
  const t0 = Date.now() - 3 * 3600_000;
  const maternity = (await sz(SETTLE, { input: bill(subject.idNumber, { category: 'MATERNITY', totalFen: 420_000, poolFen: 300_000, selfPayFen: 120_000, treatedAt: new Date(t0).toISOString() }) })).settle;
  assert.equal(maternity.__typename, 'Settlement', JSON.stringify(maternity));
  const beijing = (await bj(SETTLE, { input: bill(subject.idNumber, { placeRegion: '110000', treatedAt: new Date(t0 + 30 * 60_000).toISOString() }) })).settle;
  assert.equal(beijing.__typename, 'Settlement', JSON.stringify(beijing));
  const refused = (await sz(SETTLE, { input: bill(subject.idNumber, { credentialNo: owner.idNumber, treatedAt: new Date(t0 + 60 * 60_000).toISOString() }) })).settle;
  assert.equal(refused.__typename, 'RuleViolation');
  assert.ok(['S2', 'F1'].includes(refused.rule), `F1 refuses the bill: ${JSON.stringify(refused)}`);

  // Signals are written after the request ends; wait for the case to hold all three rules.
  const cq = `query($id: Int!) { fraudCases(filter: { subjectType: MEMBER, subjectId: $id }, perPage: 5) { items { id state rules score } } }`;
  for (let i = 0; i < 40; i++) {
    const items = (await api.as('analyst', cq, { id: man.id })).fraudCases.items.filter((c) => c.state === 'OPEN');
    if (items.length && ['F1', 'F3', 'F4'].every((r) => items[0].rules.includes(r))) return { caseId: items[0].id, memberId: man.id, idNumber: subject.idNumber, settlementIds: [maternity.id, beijing.id] };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the planted signals did not make one case with F1, F3 and F4');
}

const REVEAL = 'mutation($id: Int!) { revealMember(id: $id, reason: "e2e：核对疑似冒名就医的参保人身份") { ... on RevealedMember { id idNumber name } } }';

/** The demo seed's open impersonation case on a member, or a planted one. */
async function impersonationCase(api) {
  const q = '{ fraudCases(filter: { rule: F1, state: OPEN, subjectType: MEMBER }, perPage: 5, sortField: "score", sortOrder: DESC) { items { id subjectId settlements { id } } } }';
  const found = (await api.as('analyst', q)).fraudCases.items[0];
  if (!found) return plantImpersonationCase(api);
  const { idNumber } = (await api.as('analyst', REVEAL, { id: found.subjectId })).revealMember;
  return { caseId: found.id, memberId: found.subjectId, idNumber, settlementIds: found.settlements.map((s) => s.id) };
}

FLOWS.push({
  name: 'analyst confirms a case with a suspension and sees it take effect',
  timeout: 120_000,
  async run({ page, api, shot }) {
    const planted = await impersonationCase(api);
    await login(page, 'analyst');

    // Home: the open-cases-by-rule chart.
    await open(page, '/');
    await page.getByTestId('chart-fraud-by-rule').locator('canvas').first().waitFor();
    await shot('analyst-dashboard');

    // The queue: open cases, highest score first; the planted case is there.
    await open(page, '/fraudCases');
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    assert.ok((await rows.count()) >= 2, 'the queue has the demo case(s) and the planted one');
    await page.getByText('F1 冒名就医').first().waitFor();
    await page.getByText('F6 绑定后突击消费').first().waitFor();
    await page.getByText('F9 人工标记').first().waitFor();
    await shot('analyst-case-queue');
    await rows.filter({ has: page.getByRole('cell', { name: String(planted.caseId), exact: true }) }).first().click();
    await page.waitForURL(new RegExp(`#/fraudCases/${planted.caseId}/show`));

    // The case page: header, rule explanations with thresholds, evidence, timeline.
    const header = page.getByTestId('case-header');
    await header.getByText('待处理').waitFor();
    await page.getByTestId('signal').first().waitFor();
    await page.getByTestId('signal').getByText('结算凭证属于他人').first().waitFor();
    await page.getByTestId('signal').getByText('凭证与患者不符即拒绝结算').first().waitFor();
    for (const id of planted.settlementIds) await page.getByTestId('evidence-settlements').getByRole('link', { name: `#${id}` }).waitFor();

    // Start the investigation, add a note.
    await page.getByTestId('start-investigation').click();
    await header.getByText('调查中').waitFor();
    await header.getByText('王分析（全国）').waitFor();
    await page.getByTestId('add-note').click();
    await page.getByTestId('note-text').locator('textarea').first().fill('已电话联系参保人：承认将社会保障卡借给其兄使用。');
    await page.getByTestId('note-dialog-submit').click();
    await page.getByTestId('timeline').getByText('已电话联系参保人').waitFor();

    // Hand it to the Guangdong analyst, picked from the analysts whose scope covers the case.
    await page.getByTestId('assign-other').click();
    const assign = page.getByTestId('assign-dialog');
    await assign.getByRole('combobox').click();
    await page.getByRole('option', { name: /analyst_gd/ }).click();
    await assign.getByTestId('assign-dialog-submit').click();
    await header.getByText('何分析（广东）').waitFor();
    await shot('analyst-case-page');

    // Confirm with a 3-month suspension of the member; a missing reason is caught first.
    await page.getByTestId('confirm-case').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByText('暂停参保人联网结算').waitFor();
    await dialog.getByTestId('confirm-dialog-submit').click();
    await dialog.getByText('请填写理由').waitFor();
    await dialog.getByTestId('confirm-reason').locator('textarea').first().fill('出借社会保障卡供他人就医，冒名就医属实（F1）');
    assert.equal(await dialog.getByTestId('suspend-member').locator('input[type=checkbox]').isChecked(), true, 'member suspension is pre-selected');
    await dialog.getByText('将暂停至约').waitFor();
    await shot('analyst-confirm-dialog');
    await dialog.getByTestId('confirm-dialog-submit').click();
    await header.getByText('已认定').waitFor();
    await page.getByTestId('sanction-SUSPEND_MEMBER').waitFor();
    await page.getByTestId('timeline').getByText('已电话联系参保人').waitFor();
    await page.screenshot({ path: new URL('./artifacts/analyst-case-confirmed.png', import.meta.url).pathname, fullPage: true });

    const member = (await api.as('analyst', 'query($id: Int!) { member(id: $id) { suspendedUntil } }', { id: planted.memberId })).member;
    assert.ok(member.suspendedUntil, 'the member is suspended');

    // The effect: the member page shows the date, and the network refuses the member (S10).
    await open(page, `/members/${planted.memberId}/show`);
    await page.getByText(member.suspendedUntil).first().waitFor();
    const sz = await institutionApi(api, 'H44030000001');
    const blocked = (await sz(SETTLE, { input: bill(planted.idNumber, { treatedAt: new Date().toISOString() }) })).settle;
    assert.equal(blocked.__typename, 'RuleViolation');
    assert.equal(blocked.rule, 'S10', JSON.stringify(blocked));

    // The risk profile from the member page.
    await page.getByTestId('risk-profile-link').first().click();
    await page.waitForURL(new RegExp(`#/risk-profile/${planted.memberId}`));
    await page.getByTestId('profile-cases').getByText('已认定').waitFor();
    await page.getByText(`暂停联网结算至 ${member.suspendedUntil}`).waitFor();

    // A risk profile with a settlement pattern: the impossible-travel member (Shenzhen, then Beijing).
    const travel = (await api.as('analyst', '{ fraudCases(filter: { rule: F3, subjectType: MEMBER }, perPage: 1) { items { id subjectId } } }')).fraudCases.items[0];
    assert.ok(travel, 'an F3 case on a member');
    await open(page, `/fraudCases/${travel.id}/show`);
    await page.getByTestId('risk-profile-link').first().click();
    await page.waitForURL(new RegExp(`#/risk-profile/${travel.subjectId}`));
    await page.getByTestId('chart-by-place').locator('canvas').first().waitFor();
    await page.getByTestId('chart-by-category').locator('canvas').first().waitFor();
    await page.getByTestId('profile-cases').getByText('F3 异地/多机构就医异常').waitFor();
    await shot('analyst-risk-profile');
  },
});

FLOWS.push({
  name: 'analyst flags a settlement as impersonation from the settlement page',
  async run({ page, api, shot }) {
    await login(page, 'analyst');
    await open(page, '/settlements');
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    await rows.first().locator('td').first().click(); // the row, not the patient's link
    await page.waitForURL(/#\/settlements\/\d+\/show/);
    const id = Number(/settlements\/(\d+)\/show/.exec(page.url())[1]);
    await page.getByTestId('split').waitFor();
    await page.getByTestId('policy-versions').waitFor();
    await shot('analyst-settlement-page');

    await page.getByTestId('flag-impersonation').click();
    const dialog = page.getByTestId('flag-dialog');
    await dialog.getByTestId('flag-reason').locator('textarea').first().fill('群众举报：该笔结算系冒用其亲属医保凭证');
    await dialog.getByTestId('flag-submit').click();
    await page.waitForURL(/#\/fraudCases\/\d+\/show/);
    const caseId = Number(/fraudCases\/(\d+)\/show/.exec(page.url())[1]);
    await page.getByTestId('signal').getByText('F9 人工标记').first().waitFor();
    await page.getByText('群众举报：该笔结算系冒用其亲属医保凭证').first().waitFor();

    const c = (await api.as('analyst', 'query($id: Int!) { fraudCase(id: $id) { rules signals { rule settlementId } } }', { id: caseId })).fraudCase;
    assert.ok(c.rules.includes('F9'));
    assert.ok(c.signals.some((s) => s.rule === 'F9' && s.settlementId === id), 'the flag names the settlement');
  },
});

/** English react-admin defaults, and raw message keys, that must not show up in the Chinese UI. */
const NOT_CHINESE = [/\bSearch\b/, /\bExport\b/, /Rows per page/, /No results/, /\bAdd filter\b/, /\bRefresh\b/, /\bLoading\b/, /\bCancel\b/, /gongji\.\w+\./, /resources\.\w+\./];

async function expectChinese(page, where) {
  const text = await page.locator('body').innerText();
  for (const re of NOT_CHINESE) assert.ok(!re.test(text), `${where}: ${re} visible`);
}

FLOWS.push({
  name: 'auditor reads fraud cases and settlements but cannot work or flag them',
  async run({ page }) {
    await login(page, 'auditor');
    await open(page, '/fraudCases');
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    await expectChinese(page, '/fraudCases');
    await rows.first().click();
    await page.waitForURL(/#\/fraudCases\/\d+\/show/);
    await page.getByText('只读：您的角色不能办理案件').waitFor();
    await page.getByTestId('signal').first().waitFor();
    assert.equal(await page.getByTestId('case-actions').count(), 0);
    await expectChinese(page, 'case page');

    await open(page, '/settlements');
    await rows.first().waitFor();
    await expectChinese(page, '/settlements');
    await rows.first().locator('td').first().click(); // the row, not the patient's link
    await page.getByTestId('split').waitFor();
    assert.equal(await page.getByTestId('flag-impersonation').count(), 0, 'auditors cannot flag');
    await expectChinese(page, 'settlement page');
  },
});
