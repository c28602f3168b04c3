// Issue 13, the rest: lists at 1280 px (no sideways scroll, no one-character-per-line cells), the
// member search by name or ID number (18 or 15 digits) in bindings / settlements / fraud cases,
// Chinese date pickers with Chinese validation, and the export through the server's streamed route.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FLOWS, login, switchUser } from './flows.mjs';

async function open(page, hashPath) {
  await page.goto(`/#${hashPath}`);
  await page.waitForLoadState('networkidle');
}

/** The list's filter as react-admin keeps it in the URL. */
function urlFilter(page) {
  const m = /[?&]filter=([^&]*)/.exec(page.url());
  return m ? JSON.parse(decodeURIComponent(m[1])) : {};
}

/** At the current viewport the first table fits: nothing scrolls sideways, no cell wraps one character per line. */
async function fitsWithoutSidewaysScroll(page, where) {
  await page.locator('table tbody tr').first().waitFor();
  const r = await page.evaluate(() => {
    const t = document.querySelector('table');
    const wide = [];
    for (let el = t.parentElement; el && el !== document.body; el = el.parentElement) if (el.scrollWidth > el.clientWidth + 1) wide.push(`${el.tagName}.${String(el.className).slice(0, 60)} ${el.scrollWidth}>${el.clientWidth}`);
    const doc = document.documentElement;
    const squeezed = [];
    for (const cell of t.querySelectorAll('th, td')) {
      const text = cell.innerText.trim();
      if (text.length < 3) continue;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set([...range.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size;
      // A multi-line summary is fine; a short label broken over lines is not.
      if (lines > 2 && text.length <= 12) squeezed.push(`${text} (${lines} lines)`);
    }
    return { docWide: doc.scrollWidth > doc.clientWidth + 1, right: t.getBoundingClientRect().right, vw: window.innerWidth, wide, squeezed };
  });
  assert.ok(!r.docWide && r.right <= r.vw + 1 && r.wide.length === 0, `${where}: scrolls sideways at ${r.vw} px (table right ${r.right}; ${r.wide.join('; ')})`);
  assert.deepEqual(r.squeezed, [], `${where}: cells wrapped one character per line`);
}

/** Type into the member search and pick the first suggestion; returns the chosen member id from the URL. */
async function searchMember(page, text) {
  const box = page.getByRole('combobox', { name: '参保人（姓名或身份证号）' });
  await box.click();
  await box.fill(text);
  const option = page.getByRole('option').first();
  await option.waitFor();
  await option.click();
  await page.waitForFunction(() => /memberId/.test(decodeURIComponent(location.hash)));
  await page.waitForLoadState('networkidle');
  return Number(urlFilter(page).memberId);
}

/** Type a date into a Chinese date picker (digits only: the year, month and day sections advance themselves). */
async function typeDate(page, testId, digits) {
  const field = page.getByTestId(testId);
  await field.locator('[role="spinbutton"]').first().click();
  await page.keyboard.type(digits);
}

const to15 = (id18) => (id18.slice(6, 8) === '19' ? id18.slice(0, 6) + id18.slice(8, 17) : null);

FLOWS.push({
  name: 'lists at 1280 px, member search by name or ID number, Chinese date pickers, server export',
  timeout: 120_000,
  async run({ page, api, shot }) {
    await page.setViewportSize({ width: 1280, height: 800 });
    const reveal = async (id) =>
      (await api.as('caseworker', 'mutation($id: Int!) { revealMember(id: $id, reason: "e2e：列表查找核对") { ... on RevealedMember { idNumber name } } }', { id })).revealMember;

    // Bindings: a giver found by the full 18-character ID number, then by the start of the name.
    const binding = (await api.as('caseworker', '{ bindings(perPage: 1, sortField: "id", sortOrder: ASC) { items { id giverId } } }')).bindings.items[0];
    const giver = await reveal(binding.giverId);
    await login(page, 'caseworker');
    await open(page, '/bindings');
    await fitsWithoutSidewaysScroll(page, 'bindings');
    await shot('lists-1280-bindings');
    // The hint shows as soon as the search box has the focus (filter forms hide helper texts).
    await page.getByRole('combobox', { name: '参保人（姓名或身份证号）' }).click();
    await page.getByText('输入完整身份证号（18 位或 15 位）或姓名开头').first().waitFor();
    await page.getByRole('combobox', { name: '参保人（姓名或身份证号）' }).fill('1101051949');
    await page.getByText('输入完整身份证号（18 位或 15 位）或姓名开头').first().waitFor(); // a partial ID number is not searched
    await shot('lists-member-search-hint');
    assert.equal(await searchMember(page, giver.idNumber), binding.giverId, 'the 18-character ID number finds the giver');
    const expected = (await api.as('caseworker', 'query($m: Int!) { bindings(filter: { memberId: $m }) { total } }', { m: binding.giverId })).bindings.total;
    await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n, Math.min(expected, 25)).catch(() => undefined);
    assert.equal(await page.locator('table tbody tr').count(), Math.min(expected, 25), 'the list shows that member’s bindings');
    await shot('lists-bindings-by-id-number');
    await open(page, '/bindings?filter=%7B%7D');
    const byName = await searchMember(page, giver.name.slice(0, 2));
    assert.ok(byName > 0, 'the start of a name finds members');

    // Members found by the start of a name, exported: the whole list from the server, the name in the
    // request body only (never a URL), masked, and audited as a search (A4).
    const prefix = giver.name.slice(0, 2);
    const found = (await api.as('caseworker', 'query($n: String) { members(filter: { name: $n }) { total } }', { n: prefix })).members.total;
    await open(page, '/members');
    await page.getByLabel('姓名').first().fill(prefix);
    await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n, Math.min(found, 25));
    const exportRequests = [];
    page.on('request', (r) => r.url().includes('/export/') && exportRequests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));
    const [memberFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('server-export').click()]);
    const memberLines = readFileSync(await memberFile.path(), 'utf8').trim().split(/\r\n/);
    assert.equal(memberLines.length - 1, found, 'every member the name finds');
    assert.ok(!memberLines.slice(1).some((l) => l.includes(giver.name)), 'names masked in the file');
    assert.equal(exportRequests.length, 1);
    assert.equal(exportRequests[0].method, 'POST');
    assert.ok(!decodeURIComponent(exportRequests[0].url).includes(prefix), 'the name is not in the URL');
    assert.equal(JSON.parse(exportRequests[0].body).name, prefix);

    // Settlements: a patient found by the old 15-digit ID number (R3), a date range typed as digits.
    const settlement = (await api.as('caseworker', '{ settlements(perPage: 1, sortField: "treatedAt", sortOrder: DESC) { items { id patientId treatedAt } } }')).settlements.items[0];
    const patient = await reveal(settlement.patientId);
    await open(page, '/settlements?filter=%7B%7D');
    await fitsWithoutSidewaysScroll(page, 'settlements');
    await shot('lists-1280-settlements');
    const short = to15(patient.idNumber) ?? patient.idNumber;
    assert.equal(await searchMember(page, short), settlement.patientId, `the ${short.length}-digit ID number finds the patient`);

    const day = new Date(new Date(settlement.treatedAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    await typeDate(page, 'date-from', day.replace(/-/g, ''));
    await page.waitForFunction((d) => decodeURIComponent(location.hash).includes(`"from":"${d}"`), day);
    // (the sections are wrapped in invisible bidi marks)
    assert.ok((await page.getByTestId('date-from').innerText()).replace(/[^\d-]/g, '').includes(day), 'the picker shows 年-月-日');
    // An incomplete date: a Chinese message, and the filter is not sent.
    await typeDate(page, 'date-to', '2026');
    await page.mouse.click(640, 700); // leave the field
    await page.getByText('日期不完整或无效，请按 年-月-日 输入').waitFor();
    assert.equal(urlFilter(page).to, undefined, 'a half-typed date is not applied');
    await shot('lists-date-invalid');
    // The calendar is Chinese.
    await page.getByTestId('date-from').getByRole('button').last().click();
    const calendar = page.getByRole('dialog');
    await calendar.waitFor();
    const calText = await calendar.innerText();
    assert.match(calText, /[一二三四五六日]/, 'Chinese weekday and month names');
    assert.doesNotMatch(calText, /[A-Za-z]{3,}/, `no English in the calendar: ${calText.slice(0, 80)}`);
    await shot('lists-date-calendar');
    await page.keyboard.press('Escape');

    // Export through the server route: the same rows as the list, Chinese headers, audited.
    const filter = urlFilter(page);
    const fromIso = new Date(`${day}T00:00:00+08:00`).toISOString();
    const total = (await api.as('caseworker', 'query($m: Int!, $f: DateTimeISO) { settlements(filter: { memberId: $m, from: $f }) { total } }', { m: settlement.patientId, f: fromIso })).settlements.total;
    assert.equal(filter.memberId, settlement.patientId);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('server-export').click()]);
    assert.match(download.suggestedFilename(), /^settlements-\d{12}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'BOM for Excel');
    const lines = csv.trim().split(/\r\n/);
    assert.match(lines[0], /[\u4e00-\u9fff]/, 'Chinese headers');
    assert.equal(lines.length - 1, total, 'every matching row, nothing else');
    const audit = (await api.as('auditor', '{ auditLogs(filter: { action: "export.settlements", actorName: "caseworker" }, perPage: 1, sortField: "id", sortOrder: DESC) { items { id } } }')).auditLogs.items;
    assert.equal(audit.length, 1, 'the export is audited');

    // Fraud cases (analyst) at 1280 px, and the member search there.
    await switchUser(page, 'analyst');
    await open(page, '/fraudCases');
    await fitsWithoutSidewaysScroll(page, 'fraud cases');
    await shot('lists-1280-fraud-cases');
    const memberCase = (await api.as('analyst', '{ fraudCases(filter: { subjectType: MEMBER }, perPage: 1) { items { id subjectId } } }')).fraudCases.items[0];
    if (memberCase) {
      const subject = await reveal(memberCase.subjectId);
      await open(page, '/fraudCases?filter=%7B%7D');
      assert.equal(await searchMember(page, subject.idNumber), memberCase.subjectId);
      await page.locator('table tbody tr').first().waitFor();
    }
    await open(page, '/settlements?filter=%7B%7D');
    await fitsWithoutSidewaysScroll(page, 'settlements (analyst)');
  },
});

FLOWS.push({
  name: 'caseworker reveals both parties on the review desk to compare with the certificate (A3, audited)',
  async run({ page, api, shot }) {
    const pending = (await api.as('caseworker', '{ bindings(filter: { state: PENDING }, perPage: 1) { items { id giverId beneficiaryId } } }')).bindings.items[0];
    assert.ok(pending, 'the demo data has a binding waiting for review');
    await login(page, 'caseworker');
    await open(page, `/review/bindings/${pending.id}`);
    const giverId = page.getByTestId(`party-id-${pending.giverId}`);
    assert.match(await giverId.innerText(), /\*/, 'masked before the reveal');
    await page.getByTestId(`reveal-party-${pending.giverId}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea').first().fill('与户口簿核对身份证号');
    await dialog.getByRole('button', { name: '确认查看' }).click();
    await dialog.waitFor({ state: 'detached' });
    const clear = (await api.as('caseworker', 'mutation($id: Int!) { revealMember(id: $id, reason: "e2e：与审核页核对") { ... on RevealedMember { idNumber } } }', { id: pending.giverId })).revealMember;
    await page.waitForFunction(([id, v]) => document.querySelector(`[data-testid="party-id-${id}"]`)?.textContent === v, [pending.giverId, clear.idNumber]);
    assert.match(await page.getByTestId(`party-id-${pending.beneficiaryId}`).innerText(), /\*/, 'the other party stays masked');
    await shot('review-desk-reveal');
    const audit = (await api.as('auditor', '{ auditLogs(filter: { action: "member.reveal", actorName: "caseworker" }, perPage: 5, sortField: "id", sortOrder: DESC) { items { entityId reason } } }')).auditLogs.items;
    assert.ok(audit.some((a) => a.entityId === String(pending.giverId) && a.reason === '与户口簿核对身份证号'), 'the reveal is audited with its reason');
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    assert.ok(!storage.includes(clear.idNumber), 'the clear ID number is not in browser storage');
  },
});
