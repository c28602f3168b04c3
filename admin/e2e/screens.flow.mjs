// The screens for actions the API supported without a page: suspend/restore a binding, record a
// member's death, verify the audit hash chain.
import assert from 'node:assert/strict';
import { FLOWS, login } from './flows.mjs';

async function open(page, hashPath) {
  await page.goto(`/#${hashPath}`);
  await page.waitForLoadState('networkidle');
}

async function command(page, testId, reason, { date } = {}) {
  await page.getByTestId(testId).click();
  if (date) {
    await page.getByTestId('command-date').locator('[role="spinbutton"]').first().click();
    await page.keyboard.type(date.replace(/-/g, ''));
  }
  await page.getByTestId('command-reason').fill(reason);
  await page.getByTestId('command-confirm').click();
  await page.getByTestId('command-confirm').waitFor({ state: 'detached' });
}

FLOWS.push({
  name: 'caseworker suspends and restores a binding and records a death; auditor verifies the hash chain',
  timeout: 90_000,
  async run({ page, api, shot, browser, base }) {
    const active = (await api.as('caseworker', '{ bindings(filter: { state: ACTIVE }, perPage: 1) { items { id giverId } } }')).bindings.items[0];
    assert.ok(active, 'the demo data has an active binding');
    await login(page, 'caseworker');
    await open(page, `/bindings/${active.id}/show`);
    await command(page, 'suspend-binding', '配合欺诈调查暂停');
    await page.getByTestId('restore-binding').waitFor();
    await shot('caseworker-binding-suspended');
    assert.equal((await api.as('caseworker', 'query($id: Int!) { binding(id: $id) { state } }', { id: active.id })).binding.state, 'SUSPENDED');
    await command(page, 'restore-binding', '调查结束，恢复使用');
    await page.getByTestId('suspend-binding').waitFor();
    assert.equal((await api.as('caseworker', 'query($id: Int!) { binding(id: $id) { state } }', { id: active.id })).binding.state, 'ACTIVE');

    const member = active.giverId;
    await open(page, `/members/${member}/show`);
    await page.getByTestId('record-death').click();
    await shot('caseworker-record-death-dialog');
    await page.getByTestId('command-reason').fill('民政死亡数据比对');
    await page.getByTestId('command-confirm').click();
    await page.getByTestId('record-death').waitFor({ state: 'detached' });
    await shot('caseworker-member-deceased');
    const after = (await api.as('caseworker', 'query($id: Int!) { member(id: $id) { status } binding(id: ' + active.id + ') { state } }', { id: member }));
    assert.equal(after.member.status, 'DECEASED');
    assert.notEqual(after.binding.state, 'ACTIVE', 'L2: the binding ended with the death');

    const other = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
    try {
      const p2 = await other.newPage();
      await login(p2, 'auditor');
      await open(p2, '/auditLogs');
      await p2.getByTestId('chain-check').click();
      const result = p2.getByTestId('chain-result');
      await result.getByText(/哈希链完整/).waitFor();
      await p2.screenshot({ path: new URL('./artifacts/auditor-chain-check.png', import.meta.url).pathname });
    } finally {
      await other.close();
    }
  },
});
