// The browser flows run by run.mjs, in order. Each gets { page, context, browser, api, base, shot }:
// a fresh browser context, a GraphQL helper for checks behind the UI's back (api.as(username, query, vars))
// and shot(name) for a screenshot in e2e/artifacts/.
import assert from 'node:assert/strict';

const PASSWORD = 'gongji-demo-2026';
/** English react-admin defaults that must not show up in the Chinese UI. */
const ENGLISH_DEFAULTS = [/\bSearch\b/, /\bExport\b/, /Rows per page/, /No results/, /\bAdd filter\b/, /\bDashboard\b/, /\bRefresh\b/, /\bLoading\b/, /\bSave\b/, /\bCancel\b/];
/** Shared between flows: the province the regional admin changed (found again by the auditor). */
const shared = { changedProvince: null };

export async function login(page, username, password = PASSWORD) {
  await page.goto('/#/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => !u.hash.startsWith('#/login'));
  // The app bar is there once the layout has rendered.
  await page.locator('header').first().waitFor();
}

/**
 * Sign out whoever is signed in and sign in as someone else. Clearing the stored session under a
 * running app leaves its in-flight requests behind; reloading first drops them, so nothing of the
 * previous session can race the new sign-in.
 */
export async function switchUser(page, username, password = PASSWORD) {
  await page.context().clearCookies();
  await page.goto('/#/login');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await login(page, username, password);
}

/** Navigate inside the single-page app and wait for its data to load. */
async function open(page, hashPath) {
  await page.goto(`/#${hashPath}`);
  await page.waitForLoadState('networkidle');
}

async function tableRows(page) {
  const rows = page.locator('table tbody tr');
  await rows.first().waitFor();
  return rows;
}

/** Texts of one column of the first data table, found by its header. */
async function columnTexts(page, header) {
  await tableRows(page);
  return page.evaluate((header) => {
    const table = document.querySelector('table');
    const ths = [...table.querySelectorAll('thead th')];
    let i = ths.findIndex((th) => th.textContent.trim() === header);
    if (i < 0) i = ths.findIndex((th) => th.textContent.trim().startsWith(header));
    if (i < 0) throw new Error(`no column ${header}`);
    // Data rows only (an expanded row's detail is one cell spanning the table).
    return [...table.querySelectorAll('tbody tr')].filter((tr) => tr.children.length > i && !tr.querySelector('td[colspan]')).map((tr) => tr.children[i].textContent.trim());
  }, header);
}

async function expectNoEnglishDefaults(page, where) {
  const text = await page.locator('body').innerText();
  for (const re of ENGLISH_DEFAULTS) assert.ok(!re.test(text), `${where}: English default text ${re} visible`);
}

const proofIdOf = (url) => Number(/#\/review\/proofs\/(\d+)/.exec(url)?.[1]);

export const FLOWS = [
  {
    name: 'caseworker approves and rejects proofs, moving on to the next item',
    async run({ page, api, shot }) {
      await login(page, 'caseworker');
      await open(page, '/review');
      const rows = await tableRows(page);
      assert.ok((await rows.count()) >= 3, 'the queue lists pending proofs');
      await shot('caseworker-review-queue');
      assert.equal(await page.getByRole('button', { name: '从最早一件开始审核' }).isEnabled(), true, 'the queue offers to start with the oldest');
      // Oldest first.
      const submitted = await columnTexts(page, '提交时间');
      assert.deepEqual([...submitted].sort(), submitted, 'queue is oldest first');

      await rows.first().click();
      await page.waitForURL(/#\/review\/proofs\/\d+/);
      const first = proofIdOf(page.url());
      await page.getByTestId('proof-preview').waitFor();
      await page.getByTestId('parties').waitFor();
      await page.getByTestId('consistency').waitFor();
      await page.getByTestId('claimed-relationship').waitFor();
      await shot('caseworker-review-page');

      // Approve: the next item opens without going back to the list.
      await page.getByTestId('approve').click();
      await page.waitForURL((u) => proofIdOf(u.toString()) && proofIdOf(u.toString()) !== first);
      const second = proofIdOf(page.url());
      await page.getByTestId('decided').getByText(`材料 #${first} 已通过`).waitFor();

      // Reject needs a reason.
      await page.getByTestId('reject').click();
      await page.getByText('请填写审核意见').waitFor();
      assert.equal(proofIdOf(page.url()), second, 'a reject without a reason stays on the item');
      await page.getByTestId('review-reason').fill('户口簿照片不清晰，无法核对关系，请重新上传');
      await page.getByTestId('reject').click();
      await page.waitForURL((u) => proofIdOf(u.toString()) && proofIdOf(u.toString()) !== second);
      await page.getByTestId('decided').getByText(`材料 #${second} 已驳回`).waitFor();
      await page.getByTestId('proof-preview').waitFor();

      const q = 'query($id: Int!) { proof(id: $id) { reviewState reviewReason reviewerName } }';
      const a = (await api.as('caseworker', q, { id: first })).proof;
      const b = (await api.as('caseworker', q, { id: second })).proof;
      assert.equal(a.reviewState, 'APPROVED');
      assert.equal(b.reviewState, 'REJECTED');
      assert.equal(b.reviewReason, '户口簿照片不清晰，无法核对关系，请重新上传');
      assert.equal(a.reviewerName, 'caseworker');

      // The queue no longer lists them.
      await open(page, '/review');
      await tableRows(page);
      const ids = (await columnTexts(page, '编号')).map(Number);
      assert.ok(!ids.includes(first) && !ids.includes(second), 'decided proofs left the queue');

      // The pending-binding queue: reject the oldest request, the next one opens.
      await page.getByRole('tab', { name: /待审绑定申请/ }).click();
      await page.getByRole('button', { name: '从最早一件开始审核' }).click();
      await page.waitForURL(/#\/review\/bindings\/\d+/);
      const bindingId = Number(/bindings\/(\d+)/.exec(page.url())[1]);
      await page.getByTestId('parties').waitFor();
      await page.getByTestId('binding-state').getByText('待审核').first().waitFor();
      await shot('caseworker-review-binding');
      await page.getByTestId('review-reason').fill('申请人所报关系与户籍信息不一致');
      await page.getByTestId('reject').click();
      await page.waitForURL((u) => /#\/review\/bindings\/\d+/.test(u.hash) && !u.hash.endsWith(`/${bindingId}`));
      await page.getByTestId('decided').getByText(`绑定 #${bindingId} 已驳回`).waitFor();
      const rejected = (await api.as('caseworker', 'query($id: Int!) { binding(id: $id) { state history { toState reason } } }', { id: bindingId })).binding;
      assert.equal(rejected.state, 'REJECTED');
      assert.ok(rejected.history.some((h) => h.toState === 'REJECTED' && h.reason.includes('申请人所报关系与户籍信息不一致')));
    },
  },
  {
    name: 'caseworker_gd (广东) sees nothing from another province (A1)',
    async run({ page, api, shot }) {
      await login(page, 'caseworker_gd');
      await open(page, '/members');
      const regions = await columnTexts(page, '参保地');
      assert.ok(regions.length > 0);
      for (const r of regions) assert.match(r, /^44\d{4}/, `member region ${r} is in 广东`);
      await shot('caseworker-gd-members');

      await open(page, '/bindings');
      // The region columns are not shown by default (1280-px layout): switch them on with the column chooser.
      await page.getByRole('button', { name: '显示列' }).click();
      for (const name of ['共济人参保地', '被共济人参保地']) await page.locator('.MuiPopover-paper').getByText(name, { exact: true }).click();
      await page.keyboard.press('Escape');
      const givers = await columnTexts(page, '共济人参保地');
      const beneficiaries = await columnTexts(page, '被共济人参保地');
      assert.ok(givers.length > 0);
      givers.forEach((g, i) => assert.ok(g.startsWith('44') || beneficiaries[i].startsWith('44'), `binding row ${i} (${g} → ${beneficiaries[i]}) touches 广东`));
      await shot('caseworker-gd-bindings');

      // A member of 北京 exists (the national caseworker sees it) but is not visible to caseworker_gd.
      const outside = (await api.as('caseworker', '{ members(filter: { region: "11" }, perPage: 1) { items { id } } }')).members.items[0];
      assert.ok(outside, 'a member outside 广东 exists');
      const seen = await api.as('caseworker_gd', 'query($id: Int!) { member(id: $id) { id } }', { id: outside.id });
      assert.equal(seen.member, null, 'the API hides the out-of-scope member');
      await open(page, `/members/${outside.id}/show`);
      await page.getByText('记录不存在或不在您的管辖范围内').first().waitFor();
      assert.ok(!(await page.url()).includes(`/members/${outside.id}/show`) || (await page.locator('text=个人信息').count()) === 0, 'no member page is shown');

      const outsideBinding = (await api.as('caseworker', '{ bindings(filter: { region: "11" }, perPage: 50) { items { id giverProvince beneficiaryProvince } } }')).bindings.items.find(
        (b) => b.giverProvince !== '44' && b.beneficiaryProvince !== '44',
      );
      if (outsideBinding) {
        await open(page, `/bindings/${outsideBinding.id}/show`);
        await page.getByText('记录不存在或不在您的管辖范围内').first().waitFor();
      }
    },
  },
  {
    name: 'regional admin turns on cross-province sharing and the map changes',
    async run({ page, api, shot, browser, base }) {
      const map = (await api.as('admin', '{ crossProvinceMap { provinceCode name crossProvinceSharing } }')).crossProvinceMap;
      const target = map.find((r) => !r.crossProvinceSharing);
      assert.ok(target, 'some province has cross-province sharing off in the demo data');

      await login(page, 'admin');
      await open(page, '/policy-map');
      await page.locator('[data-testid="china-map"] canvas').first().waitFor();
      await page.getByTestId('province-status-table').getByText(target.name, { exact: true }).click();
      const panel = page.getByTestId('province-panel');
      await panel.getByText(`${target.name}（${target.provinceCode}）`).waitFor();
      assert.notEqual(await page.getByTestId(`level-${target.provinceCode}`).first().getAttribute('data-level'), 'CROSS');
      assert.ok(!(await page.getByTestId('map-card').getAttribute('data-cross')).split(',').includes(target.provinceCode));
      await shot('admin-policy-map-before');

      await page.getByTestId('toggle-cross').click();
      await page.getByText(/已生成政策第 \d+ 版/).waitFor();
      await page.waitForFunction((code) => document.querySelector('[data-testid="map-card"]')?.getAttribute('data-cross')?.split(',').includes(code), target.provinceCode);
      assert.equal(await page.getByTestId(`level-${target.provinceCode}`).first().getAttribute('data-level'), 'CROSS');
      await panel.getByTestId('cross-status').getByText('已开通').waitFor();
      await shot('admin-policy-map-after');

      const history = (await api.as('admin', 'query($p: String!) { policyHistory(provinceCode: $p) { version createdByName rules { crossProvinceSharing } } }', { p: target.provinceCode })).policyHistory;
      const last = history.at(-1);
      assert.equal(last.rules.crossProvinceSharing, true);
      assert.equal(last.createdByName, 'admin');
      shared.changedProvince = target.provinceCode;

      // The province's policy page: history and a diff showing the change.
      await open(page, `/provinces/${target.provinceCode}/show`);
      await page.getByTestId('policy-history').waitFor();
      await page.getByTestId('policy-diff').getByText('跨省共济').waitFor();
      await shot('admin-province-policy');

      // The policy editor: every knob, pre-filled from the version in force; saving adds a version.
      await page.getByTestId('new-version').click();
      await page.waitForURL(/#\/policies\/create/);
      const drain = page.locator('input[name="rules.fraud.drainPercent"]');
      await drain.waitFor();
      const before = Number(await drain.inputValue());
      assert.ok(before > 0, 'thresholds are pre-filled');
      assert.ok(Number(await page.locator('input[name="rules.residentPremiumFen"]').inputValue()) > 0, 'money knobs are shown in yuan');
      await shot('admin-policy-editor');
      await drain.fill(String(before + 5));
      await page.locator('input[name="note"]').fill('调整余额消耗预警阈值');
      // Publishing shows the changes first and asks for a confirmation.
      await page.getByTestId('preview-publish').click();
      const confirmDialog = page.getByRole('dialog');
      await confirmDialog.getByTestId('policy-diff').getByText('新绑定后余额消耗比例（%）').waitFor();
      await confirmDialog.getByText('共 1 项变更').waitFor();
      await shot('admin-policy-confirm');
      await confirmDialog.getByTestId('confirm-publish').click();
      await page.waitForURL(new RegExp(`#/provinces/${target.provinceCode}/show`));
      const diff = page.getByTestId('policy-diff');
      await diff.getByText('新绑定后余额消耗比例（%）').waitFor();
      await diff.getByText(String(before + 5), { exact: true }).waitFor();
      const latest = (await api.as('admin', 'query($p: String!) { policyHistory(provinceCode: $p) { note rules { crossProvinceSharing fraud { drainPercent } } } }', { p: target.provinceCode })).policyHistory.at(-1);
      assert.deepEqual(latest, { note: '调整余额消耗预警阈值', rules: { crossProvinceSharing: true, fraud: { drainPercent: before + 5 } } });

      // A version scheduled for later: the editor builds on it (not on the version in force), and it can be withdrawn.
      const inDays = (n) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
      const RULES = 'allowedRelationships intraProvinceSharing crossProvinceSharing beneficiaryMayInitiate confirmationRequired requiredProofs { relationship docTypes } activationMode maxGiversPerBeneficiary maxBeneficiariesPerGiver singleFamilyNetwork allowedCategories commercialInsuranceMinBalanceFen residentPremiumWindowStart residentPremiumWindowEnd residentPremiumFen retireeMonthlyCreditFen employeeAccountRatePermille fraud { travelWindowMinutes travelDistanceKm institutionsPerDay pharmacyVisitsPerPeriod pharmacyPeriodDays pharmaciesPerDay sameDrugRepeats drainPercent drainWindowDays fanOutBeneficiaries fanOutInstitutionPatients fanOutWindowDays bindingMismatchAttempts maternityMinAge maternityMaxAge }';
      const cur = (await api.as('admin', `query($p: String!) { policyInForce(provinceCode: $p) { id rules { ${RULES} } } }`, { p: target.provinceCode })).policyInForce;
      const scheduledDate = inDays(30);
      const sched = (
        await api.as('admin', 'mutation($input: CreatePolicyVersionInput!) { createPolicyVersion(input: $input) { __typename ... on PolicyVersion { id version } ... on RuleViolation { code message } } }', {
          input: { provinceCode: target.provinceCode, effectiveFrom: scheduledDate, note: '下月下调阈值', basedOnVersionId: cur.id, rules: { ...cur.rules, fraud: { ...cur.rules.fraud, drainPercent: 61 } } },
        })
      ).createPolicyVersion;
      assert.equal(sched.__typename, 'PolicyVersion', JSON.stringify(sched));
      await open(page, `/policies/create?province=${target.provinceCode}`);
      await page.getByTestId('based-on-scheduled').waitFor();
      assert.equal(await page.locator('input[name="rules.fraud.drainPercent"]').inputValue(), '61', 'the editor starts from the scheduled version');
      await shot('admin-policy-editor-on-scheduled');
      await open(page, `/provinces/${target.provinceCode}/show`);
      await page.getByTestId(`withdraw-${sched.version}`).click();
      await page.getByTestId('withdraw-reason').fill('排期有误，撤回');
      await page.getByTestId('withdraw-confirm').click();
      await page.getByText(`第 ${sched.version} 版已撤回`).waitFor();
      await page.getByTestId(`withdraw-${sched.version}`).waitFor({ state: 'detached' });
      await shot('admin-policy-withdrawn');

      // A province-scoped admin may not edit elsewhere: the switch is not offered.
      const other = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
      try {
        const p2 = await other.newPage();
        await login(p2, 'admin_gd');
        await open(p2, '/policy-map');
        await p2.getByTestId('province-panel').getByText('广东省（44）').waitFor();
        await p2.getByTestId('toggle-cross').waitFor();
        await p2.getByTestId('province-status-table').getByText('北京市', { exact: true }).click();
        await p2.getByTestId('not-editable').waitFor();
        assert.equal(await p2.getByTestId('toggle-cross').count(), 0);
      } finally {
        await other.close();
      }
    },
  },
  {
    name: 'auditor finds the policy change in the audit log by action and actor',
    async run({ page, api, shot }) {
      let province = shared.changedProvince;
      if (!province) {
        // The previous flow failed before the change: make it through the API so this one still checks the viewer.
        province = (await api.as('admin', '{ crossProvinceMap { provinceCode crossProvinceSharing } }')).crossProvinceMap.find((r) => !r.crossProvinceSharing).provinceCode;
        await api.as('admin', 'mutation($p: String!) { setCrossProvinceSharing(provinceCode: $p, enabled: true) { __typename } }', { p: province });
      }
      await login(page, 'auditor');
      await open(page, '/auditLogs');
      await tableRows(page);
      // The action filter offers labelled choices; the column shows the label (the code is in data-code).
      await page.getByRole('combobox', { name: '操作', exact: true }).click();
      await page.getByRole('option', { name: '发布政策版本', exact: true }).click();
      await page.locator('input[name="actorName"]').fill('admin');
      let actions = [];
      let actors = [];
      for (let i = 0; i < 40; i++) {
        await page.waitForLoadState('networkidle');
        actions = await columnTexts(page, '操作');
        actors = await columnTexts(page, '操作人');
        if (actions.length && actions.every((a) => a === '发布政策版本') && actors.every((a) => a === 'admin')) break;
        await page.waitForTimeout(250);
      }
      assert.ok(actions.length >= 1);
      for (const a of actions) assert.equal(a, '发布政策版本');
      for (const a of actors) assert.equal(a, 'admin');
      // Newest first: the top row is the change; its detail names the province and shows the diff, the record is one click away.
      await page.locator('table tbody tr').first().click();
      const detail = page.getByTestId('audit-detail').first();
      await detail.getByText('省份').waitFor();
      await detail.getByText(province, { exact: true }).first().waitFor();
      await detail.getByTestId('policy-diff').waitFor();
      assert.ok(await page.locator('table tbody tr').first().getByRole('link', { name: /政策版本 \d+/ }).count(), 'the record is linked');
      await shot('auditor-audit-log');
    },
  },
  {
    name: 'UI is in Chinese on every main page, and switches to English',
    timeout: 90_000,
    async run({ page, shot }) {
      await login(page, 'auditor');
      const pages = [
        ['/', 'dashboard'],
        ['/proofs', 'proofs'],
        ['/bindings', 'bindings'],
        ['/members', 'members'],
        ['/policies', 'policies'],
        ['/provinces', 'provinces'],
        ['/institutions', 'institutions'],
        ['/auditLogs', 'audit-log'],
        ['/policy-map', 'policy-map'],
      ];
      for (const [path, name] of pages) {
        await open(page, path);
        if (path === '/') await page.getByTestId('chart-by-month').locator('canvas').first().waitFor();
        else if (path === '/policy-map') await page.locator('[data-testid="china-map"] canvas').first().waitFor();
        else await tableRows(page);
        await expectNoEnglishDefaults(page, path);
        await shot(`zh-${name}`);
      }
      await open(page, '/members');
      await tableRows(page);
      await page.getByText('每页行数').first().waitFor();
      // Language switch in the app bar.
      await page.locator('header').getByRole('button', { name: /简体中文|语言|Language/ }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByText('Rows per page').first().waitFor();
      await page.getByText('Members').first().waitFor();
      assert.ok(!(await page.locator('body').innerText()).includes('每页行数'));
      await shot('en-members');
      await open(page, '/');
      await page.getByText("Today's settlements").waitFor();
      await page.getByTestId('chart-by-month').locator('canvas').first().waitFor();
      await shot('en-dashboard');
      await open(page, '/policy-map');
      await page.getByText('Where family mutual aid may be shared').first().waitFor();
      await shot('en-policy-map');
      await page.locator('header').getByRole('button', { name: /English|Language/ }).click();
      await page.getByRole('menuitem', { name: '简体中文' }).click();
      await page.getByText('家庭共济开通情况').first().waitFor();
      await expectNoEnglishDefaults(page, 'after switching back');
    },
  },
  {
    name: 'ID numbers are masked; reveal asks for a reason and leaves nothing in browser storage (A3)',
    async run({ page, api, shot }) {
      await login(page, 'caseworker');
      await open(page, '/members');
      const ids = await columnTexts(page, '身份证号');
      assert.ok(ids.length > 0);
      for (const id of ids) assert.match(id, /\*/, `ID number ${id} is masked`);
      await page.locator('table tbody tr').first().click();
      await page.waitForURL(/#\/members\/\d+\/show/);
      const memberId = Number(/members\/(\d+)\/show/.exec(page.url())[1]);
      await page.getByText('已脱敏').first().waitFor();
      const masked = (await page.locator('body').innerText()).match(/\d{6}\*+\d*[\dX]?/)?.[0];
      assert.ok(masked, 'a masked ID number is shown');

      await page.getByRole('button', { name: '查看完整信息' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('每次查看都会连同理由记入审计日志', { exact: false }).waitFor();
      const confirm = dialog.getByRole('button', { name: '确认查看' });
      assert.equal(await confirm.isDisabled(), true, 'reveal needs a reason');
      await dialog.locator('textarea').first().fill('核对共济绑定申请的关系证明');
      await confirm.click();
      await page.getByText('已显示完整信息').waitFor();
      const clear = (await api.as('caseworker', 'mutation($id: Int!) { revealMember(id: $id, reason: "e2e：与页面显示核对") { ... on RevealedMember { idNumber name } } }', { id: memberId })).revealMember;
      await page.getByText(clear.idNumber, { exact: true }).waitFor();
      await shot('caseworker-member-revealed');
      await page.getByText('账户明细', { exact: true }).scrollIntoViewIfNeeded();
      await shot('caseworker-member-family-statement');

      const storage = await page.evaluate(() => {
        const dump = (s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
        return `${dump(localStorage)}\n${dump(sessionStorage)}`;
      });
      assert.ok(!storage.includes(clear.idNumber), 'the clear ID number is not in browser storage');
      assert.ok(!storage.includes(clear.name), 'the clear name is not in browser storage');

      // Leaving the page forgets the clear values.
      await open(page, '/members');
      await tableRows(page);
      await open(page, `/members/${memberId}/show`);
      await page.getByText('已脱敏').first().waitFor();
      assert.equal(await page.getByText(clear.idNumber, { exact: true }).count(), 0);

      const audit = (await api.as('auditor', '{ auditLogs(filter: { action: "member.reveal", actorName: "caseworker" }, perPage: 5, sortField: "id", sortOrder: DESC) { items { entityId reason } } }')).auditLogs.items;
      assert.ok(audit.some((a) => a.entityId === String(memberId) && a.reason === '核对共济绑定申请的关系证明'), 'the reveal is audited with its reason');
    },
  },
];

FLOWS.push({
  name: 'home dashboard shows each role its charts with real figures',
  async run({ page, api, shot, browser, base }) {
    const stats = (await api.as('caseworker', '{ dashboardStats(months: 6) { queues { queue total } today { count } mutualAidByMonth { amountFen } } }')).dashboardStats;
    assert.ok(stats.mutualAidByMonth.some((r) => r.amountFen > 0), 'the demo data has mutual-aid payments');
    await login(page, 'caseworker');
    await open(page, '/');
    await page.getByTestId('chart-queues').locator('canvas').first().waitFor();
    await page.getByTestId('chart-by-month').locator('canvas').first().waitFor();
    await page.getByTestId('chart-by-province').locator('canvas').first().waitFor();
    const proofs = stats.queues.find((q) => q.queue === 'PROOFS').total;
    assert.equal(await page.getByTestId('queue-PROOFS').innerText(), String(proofs));
    assert.equal(await page.getByTestId('kpi-count').innerText(), String(stats.today.count));
    await expectNoEnglishDefaults(page, 'caseworker dashboard');
    await shot('dashboard-caseworker');

    const other = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
    try {
      const p2 = await other.newPage();
      await login(p2, 'admin_gd');
      await open(p2, '/');
      await p2.getByTestId('chart-sharing').locator('canvas').first().waitFor();
      await p2.getByTestId('chart-by-month').locator('canvas').first().waitFor();
      await p2.screenshot({ path: new URL('./artifacts/dashboard-admin-gd.png', import.meta.url).pathname });
    } finally {
      await other.close();
    }
  },
});
