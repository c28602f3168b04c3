// Staff screens of issues 12/13: a member's 医保钱包 transfers, the statement's date filter and print
// view, registry correction, a move between regions (with the receiving region's acceptance), staff
// revoke of a binding, approving a binding with its proofs (and a stale decision), the staff list.
import assert from 'node:assert/strict';
import { FLOWS, login, switchUser } from './flows.mjs';

const CHANNEL = { clientId: 'member-app', clientSecret: 'channel-demo-secret' };

async function open(page, hashPath) {
  await page.goto(`/#${hashPath}`);
  await page.waitForLoadState('networkidle');
}

/** Type a date (YYYY-MM-DD) into one of the app's Chinese date fields. */
async function typeDate(page, testId, date) {
  await page.getByTestId(testId).locator('[role="spinbutton"]').first().click();
  await page.keyboard.type(date.replace(/-/g, ''));
  await page.waitForLoadState('networkidle');
}

const beijingDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function confirmDialog(page, reason) {
  await page.getByTestId('command-reason').fill(reason);
  await page.getByTestId('command-confirm').click();
  await page.getByTestId('command-confirm').waitFor({ state: 'detached' });
}

/** Active mutual-aid bindings whose both parties are still ACTIVE (other flows record deaths). */
async function liveBindings(api) {
  const q = `{ bindings(filter: { state: ACTIVE, kind: MUTUAL_AID }, perPage: 60, sortField: "id", sortOrder: DESC) { items { id giverId beneficiaryId relationship
    giver { status scheme insuredRegion } beneficiary { status insuredRegion } } } }`;
  return (await api.as('caseworker', q)).bindings.items.filter((b) => b.giver?.status === 'ACTIVE' && b.beneficiary?.status === 'ACTIVE' && b.giver.scheme === 'EMPLOYEE');
}

FLOWS.push({
  name: 'staff screens: caseworker: 医保钱包 transfers, statement date filter and print, registry correction, move between regions and its acceptance',
  timeout: 150_000,
  async run({ page, api, shot }) {
    const [b] = await liveBindings(api);
    assert.ok(b, 'the demo data has a live binding');
    // A real transfer through the member channel (W1), from the giver to the beneficiary.
    const reveal = async (id) => (await api.as('caseworker', 'mutation($id: Int!) { revealMember(id: $id, reason: "端到端测试准备数据") { ... on RevealedMember { idNumber name } } }', { id })).revealMember;
    const giver = await reveal(b.giverId);
    const kid = await reveal(b.beneficiaryId);
    const { memberChannelLogin } = await api.gql('mutation($input: MemberChannelLoginInput!) { memberChannelLogin(input: $input) { token } }', { input: { ...CHANNEL, idNumber: giver.idNumber, name: giver.name } });
    const sent = (
      await api.gql(
        'mutation($input: SendWalletTransferInput!) { sendWalletTransfer(input: $input) { __typename ... on WalletTransfer { id } ... on RuleViolation { code } } }',
        { input: { requestId: `e2e-${Date.now()}`, recipientIdNumber: kid.idNumber, recipientName: kid.name, relationship: b.relationship, amountFen: 12_300 } },
        memberChannelLogin.token,
      )
    ).sendWalletTransfer;
    // W2: no transfers 22:00–06:00 Beijing time; then the section shows its empty state instead.
    assert.ok(sent.__typename === 'WalletTransfer' || sent.code === 'QUIET_HOURS', `transfer refused: ${JSON.stringify(sent)}`);

    await login(page, 'caseworker');
    await open(page, `/members/${b.giverId}/show`);
    const wallet = page.getByTestId('wallet-section');
    await wallet.waitFor();
    if (sent.__typename === 'WalletTransfer') {
      await wallet.getByTestId('wallet-transfers').getByText('待接收').waitFor();
      assert.match(await wallet.innerText(), /转出[\s\S]*¥123\.00/);
    } else await wallet.getByText('暂无医保钱包转账').waitFor();
    await wallet.scrollIntoViewIfNeeded();
    await shot('caseworker-member-wallet');

    // Statement date filter: every demo entry was made today (Beijing), none before.
    const statement = page.getByTestId('statement');
    await statement.waitFor();
    await typeDate(page, 'statement-to', beijingDay(-1));
    await page.getByText('暂无账户明细').waitFor();
    await page.getByTestId('statement-clear').click();
    await typeDate(page, 'statement-from', beijingDay(0));
    await statement.locator('tbody tr').first().waitFor();
    if (sent.__typename === 'WalletTransfer') await statement.getByText('转入亲属医保钱包').first().waitFor();
    await page.getByTestId('statement-filter').scrollIntoViewIfNeeded();
    await shot('caseworker-statement-filtered');
    // The print view: the period heading, no filter or buttons.
    await page.getByTestId('print-statement').click();
    await page.emulateMedia({ media: 'print' });
    await page.getByTestId('statement-print-header').waitFor({ state: 'visible' });
    assert.match(await page.getByTestId('statement-period').innerText(), new RegExp(`期间：${beijingDay(0)} 至`));
    assert.equal(await page.getByTestId('statement-filter').isVisible(), false);
    await shot('caseworker-statement-print');
    await page.emulateMedia({ media: 'screen' });

    // Registry correction (R1): only the phone changes.
    await page.getByTestId('correct-member').click();
    await page.getByTestId('correct-phone').fill('13800138000');
    await shot('caseworker-correct-member-dialog');
    await confirmDialog(page, '参保人来电更正手机号');
    const phone = (await api.as('caseworker', 'mutation($id: Int!) { revealMember(id: $id, reason: "核对更正结果") { ... on RevealedMember { phone name } } }', { id: b.giverId })).revealMember;
    assert.equal(phone.phone, '13800138000');
    assert.equal(phone.name, giver.name, 'a correction changes only what was filled in');

    // Move between regions (R2 → C3): to Beijing, a cross-province transfer awaiting acceptance.
    const mover = (await liveBindings(api)).find((x) => !x.giver.insuredRegion.startsWith('11') && x.giverId !== b.giverId && x.beneficiaryId !== b.giverId);
    assert.ok(mover, 'a member outside Beijing');
    await open(page, `/members/${mover.giverId}/show`);
    await page.getByTestId('move-region').click();
    await page.getByTestId('move-region-input').locator('input').fill('110000');
    await page.getByRole('option', { name: /110000/ }).click();
    await shot('caseworker-move-region-dialog');
    await confirmDialog(page, '工作调动迁往北京');
    const moved = await api.as('caseworker', 'query($id: Int!) { member(id: $id) { insuredRegion } accountClosures(filter: { memberId: $id }) { items { id state cause } } }', { id: mover.giverId });
    assert.equal(moved.member.insuredRegion, '110000');
    const transfer = moved.accountClosures.items.find((c) => c.cause === 'TRANSFER');
    assert.equal(transfer?.state, 'AWAITING_ACCEPTANCE');
    assert.notEqual((await api.as('caseworker', 'query($id: Int!) { binding(id: $id) { state } }', { id: mover.id })).binding.state, 'ACTIVE', 'L2: the move ended the binding');
    // The receiving region accepts (C3).
    await open(page, `/accountClosures/${transfer.id}/show`);
    await page.getByRole('button', { name: '接收转移' }).click();
    await page.getByRole('button', { name: '接收转移' }).waitFor({ state: 'detached' });
    await shot('caseworker-transfer-accepted');
    const accepted = await api.as('caseworker', 'query($id: Int!) { accountClosure(id: $id) { state } }', { id: transfer.id });
    assert.equal(accepted.accountClosure.state, 'COMPLETED');
  },
});

FLOWS.push({
  name: 'staff screens: caseworker revokes a binding and approves a binding with its proofs in one action; a stale decision is shown as such',
  timeout: 120_000,
  async run({ page, api, shot }) {
    const live = await liveBindings(api);
    const target = live[live.length - 1];
    await login(page, 'caseworker');
    await open(page, `/bindings/${target.id}/show`);
    await page.getByTestId('revoke-binding').click();
    await shot('caseworker-revoke-binding-dialog');
    await confirmDialog(page, '共济人书面申请解除');
    await page.getByTestId('revoke-binding').waitFor({ state: 'detached' });
    const revoked = await api.as('caseworker', 'query($id: Int!) { binding(id: $id) { state history { toState actorName } } }', { id: target.id });
    assert.equal(revoked.binding.state, 'REVOKED');
    assert.equal(revoked.binding.history.at(-1).actorName, 'caseworker');

    // Pending bindings ready for approval except for their pending proofs.
    const q = `{ bindings(filter: { state: PENDING, kind: MUTUAL_AID }, perPage: 100, sortField: "id", sortOrder: DESC) { items { id commitmentAcceptedAt confirmationRequired confirmedAt
      giverRegion beneficiaryRegion proofs { id reviewState } } } }`;
    const ready = (await api.as('caseworker', q)).bindings.items.filter(
      (x) => x.commitmentAcceptedAt && (!x.confirmationRequired || x.confirmedAt) && x.proofs.length && x.proofs.every((p) => p.reviewState === 'PENDING'),
    );
    assert.ok(ready.length >= 2, `two pending bindings with pending proofs in the demo data (found ${ready.length})`);
    // The stale one preferably in Guangdong, so that another caseworker (陈经办, caseworker_gd) decides first.
    const inGd = (x) => x.giverRegion.startsWith('44') || x.beneficiaryRegion.startsWith('44');
    const stale = ready.find(inGd) ?? ready[1];
    const one = ready.find((x) => x !== stale);
    const other = inGd(stale) ? 'caseworker_gd' : 'caseworker';

    await open(page, `/review/bindings/${one.id}`);
    await page.getByTestId('review-reason').fill('户口簿与登记信息一致');
    await page.getByTestId('approve-with-proofs').scrollIntoViewIfNeeded();
    await shot('caseworker-approve-with-proofs');
    await page.getByTestId('approve-with-proofs').click();
    await page.waitForURL((u) => !u.hash.endsWith(`/review/bindings/${one.id}`));
    const after = await api.as('caseworker', 'query($id: Int!) { binding(id: $id) { state proofs { reviewState reviewerName } } }', { id: one.id });
    assert.equal(after.binding.state, 'ACTIVE');
    assert.ok(after.binding.proofs.every((p) => p.reviewState === 'APPROVED' && p.reviewerName === 'caseworker'));

    // Someone else reviews a document of the second binding while it is open here.
    await open(page, `/review/bindings/${stale.id}`);
    await page.getByTestId('approve-with-proofs').waitFor();
    const r = await api.as(other, 'mutation($id: Int!) { reviewProof(id: $id, decision: APPROVE) { __typename } }', { id: stale.proofs[0].id });
    assert.equal(r.reviewProof.__typename, 'RelationshipProof');
    await page.getByTestId('review-reason').fill('材料齐全');
    await page.getByTestId('approve-with-proofs').click();
    await page.getByText(/审核期间材料有变化/).waitFor();
    await shot('caseworker-approve-with-proofs-stale');
    assert.equal((await api.as('caseworker', 'query($id: Int!) { binding(id: $id) { state } }', { id: stale.id })).binding.state, 'PENDING', 'a stale decision changes nothing');
  },
});

FLOWS.push({
  name: 'staff screens: regional admin searches the staff accounts (read-only, in scope)',
  async run({ page, shot }) {
    await login(page, 'admin');
    await open(page, '/staffUsers');
    await page.getByTestId('staff-read-only').waitFor();
    await page.locator('input[name="search"]').fill('caseworker');
    await page.locator('table tbody').getByText('admin_gd').waitFor({ state: 'detached' });
    await page.getByText('陈经办（广东）').waitFor();
    const rows = await page.locator('table tbody tr').count();
    assert.equal(rows, 3, 'caseworker, caseworker_gd, caseworker_sz');
    assert.equal(await page.getByText('王分析（全国）').count(), 0);
    await shot('admin-staff-accounts');
    await switchUser(page, 'admin_gd');
    await open(page, '/staffUsers');
    await page.locator('table tbody tr').first().waitFor();
    // A province admin sees only accounts inside the province (the national caseworker's row goes once the list reloads).
    await page.locator('table tbody').getByText('李审核（全国）').waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator('table tbody').getByText('陈经办（广东）').waitFor();
    await shot('admin-gd-staff-accounts');
  },
});
