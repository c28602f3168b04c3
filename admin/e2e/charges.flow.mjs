// C1 应收未收: a caseworker records an amount owed on a member page and waives another; when the
// member dies, the closure settles the open charge first and its page shows the fees paid.
import assert from 'node:assert/strict';
import { FLOWS, login } from './flows.mjs';

async function open(page, hashPath) {
  await page.goto(`/#${hashPath}`);
  await page.waitForLoadState('networkidle');
}

async function recordCharge(page, yuan, reason) {
  await page.getByTestId('charge-record').click();
  await page.getByTestId('charge-amount').fill(yuan);
  await page.getByTestId('charge-reason').fill(reason);
  await page.getByTestId('charge-submit').click();
  await page.getByTestId('charge-submit').waitFor({ state: 'detached' });
  await page.getByTestId('charges-table').getByText(reason).waitFor();
}

FLOWS.push({
  name: 'C1 fees owed: caseworker records and waives a charge; a death settles the open one before the heirs',
  timeout: 120_000,
  async run({ page, api, shot }) {
    // A live member with money in the account and no closure yet (other flows record deaths).
    const q = `{ members(filter: { status: ACTIVE }, perPage: 50, sortField: "id", sortOrder: DESC) { items { id status account { balanceFen } } } }`;
    const member = (await api.as('caseworker', q)).members.items.find((m) => (m.account?.balanceFen ?? 0) >= 10_000);
    assert.ok(member, 'the demo data has an active member with at least ¥100 in the account');
    const balanceBefore = member.account.balanceFen;

    await login(page, 'caseworker');
    await open(page, `/members/${member.id}/show`);
    const section = page.getByTestId('charges-section');
    await section.waitFor();
    await section.scrollIntoViewIfNeeded();

    // Record one charge and waive it; record a second that stays open.
    await recordCharge(page, '12.34', '端到端测试：误记应收');
    const waived = section.getByRole('row').filter({ hasText: '端到端测试：误记应收' });
    await waived.getByRole('button', { name: '减免' }).click();
    await page.getByRole('dialog').locator('textarea').first().fill('核实后为误记');
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await waived.getByText('已减免').waitFor();
    await recordCharge(page, '56.78', '端到端测试：应补缴费用');
    await section.getByRole('row').filter({ hasText: '端到端测试：应补缴费用' }).getByText('未结清').waitFor();
    await shot('caseworker-member-charges');

    // C1: the death closes the account; the open charge is settled first, the waived one is not.
    await page.getByTestId('record-death').click();
    await page.getByTestId('command-reason').fill('民政死亡数据比对');
    await page.getByTestId('command-confirm').click();
    await page.getByTestId('record-death').waitFor({ state: 'detached' });
    const after = await api.as(
      'caseworker',
      'query($id: Int!) { memberCharges(memberId: $id) { items { reason state paidFen } } accountClosures(filter: { memberId: $id }) { items { id feesPaidFen feeShortfallFen } } }',
      { id: member.id },
    );
    const byReason = Object.fromEntries(after.memberCharges.items.map((c) => [c.reason, c]));
    assert.equal(byReason['端到端测试：应补缴费用'].state, 'PAID');
    assert.equal(byReason['端到端测试：应补缴费用'].paidFen, 5678);
    assert.equal(byReason['端到端测试：误记应收'].paidFen, 0, 'a waived charge is not collected');
    const closure = after.accountClosures.items[0];
    assert.ok(closure, 'the death opened a closure');
    assert.equal(closure.feesPaidFen, 5678);
    assert.ok(balanceBefore >= 5678);

    await open(page, `/accountClosures/${closure.id}/show`);
    await page.getByTestId('closure-fees').getByText('¥56.78').waitFor();
    await shot('caseworker-closure-fees');
  },
});
