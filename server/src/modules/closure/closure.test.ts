import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../core/context';
import { insertBinding } from '../../testing/fixtures';
import { startTestServer, type TestServer } from '../../testing/harness';
import { LedgerEntry, PersonalAccount } from '../account/account.entity';
import { tryDebitAvailable } from '../account/account.service';
import { AuditLog } from '../audit/audit.entity';
import type { Member } from '../member/member.entity';
import { policyInForce } from '../policy/policy-lookup';
import { PolicyVersion } from '../policy/policy.entity';
import { AccountClosure } from './closure.entity';
import { redirectCreditAfterClosure } from './closure.service';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const DEATH = `mutation($input: MemberEventInput!) { recordMemberDeath(input: $input) { __typename ... on RuleViolation { rule code } } }`;
const EXIT = `mutation($input: MemberEventInput!) { recordMemberExit(input: $input) { __typename ... on RuleViolation { rule code } } }`;
const MOVE = `mutation($input: MemberRegistryUpdateInput!) { updateMemberRegistry(input: $input) { __typename ... on RuleViolation { rule code } } }`;
const DECIDE = `mutation($input: HeirPaymentInput!) { decideClosurePayment(input: $input) { __typename
  ... on AccountClosure { id state pendingFen documents payments { amountFen payeeName bankAccount } } ... on RuleViolation { rule code message } } }`;
const ACCEPT = `mutation($id: Int!) { acceptAccountTransfer(id: $id, reason: "接收转移接续") { __typename ... on AccountClosure { state pendingFen } ... on RuleViolation { rule code } } }`;
const WITHDRAW = `mutation($input: WithdrawalInput!) { approveAccountWithdrawal(input: $input) { __typename ... on PersonalAccount { balanceFen } ... on RuleViolation { rule code } } }`;

const account = (m: Member) => t.run((ctx) => ctx.em.findOneByOrFail(PersonalAccount, { memberId: m.id }));
const closuresOf = (m: Member) => t.run((ctx) => ctx.em.find(AccountClosure, { where: { memberId: m.id }, order: { id: 'ASC' } }));
const causes = async (m: Member) => {
  const a = await account(m);
  return t.run(async (ctx) => (await ctx.em.find(LedgerEntry, { where: { accountId: a.id }, order: { id: 'ASC' } })).map((e) => [e.cause, e.direction, e.amountFen]));
};
const today = () => beijingDate(new Date());

/** Σ balances + Σ pending (payments waiting, money in transit) + Σ paid out (heirs, withdrawals, C1 fees to the fund). */
async function moneyInSystem(): Promise<number> {
  return t.run(async (ctx) => {
    const [bal] = await ctx.em.query('SELECT COALESCE(SUM(balance_fen), 0) AS s FROM personal_account');
    const [pending] = await ctx.em.query('SELECT COALESCE(SUM(pending_fen), 0) AS s FROM account_closure');
    const [paid] = await ctx.em.query('SELECT COALESCE(SUM(amount_fen), 0) AS s FROM closure_payment');
    const [withdrawn] = await ctx.em.query("SELECT COALESCE(SUM(amount_fen), 0) AS s FROM ledger_entry WHERE cause IN ('WITHDRAWAL', 'FEE')");
    return Number(bal.s) + Number(pending.s) + Number(paid.s) + Number(withdrawn.s);
  });
}

async function allowWithdrawal(province: string) {
  await t.run(async (ctx) => {
    const p = await policyInForce(ctx.em, province, today());
    const [{ v }] = await ctx.em.query('SELECT MAX(version) AS v FROM policy_version WHERE province_code = ?', [province]);
    await ctx.em.insert(PolicyVersion, {
      provinceCode: province,
      version: Number(v) + 1,
      effectiveFrom: today(),
      rules: { ...p.rules, accountWithdrawalAllowed: true },
      note: 'test: C4 withdrawal allowed',
      createdById: null,
      createdByName: 'test',
    });
  });
}

describe('C1–C5: account closure', () => {
  it('C2: a death moves the balance to the heirs’ pending payment; shares must add up exactly and rest on documents', async () => {
    const before = await moneyInSystem();
    const giver = await t.member({ insuredRegion: '440300', openingBalanceFen: 100_001 });
    const child = await t.member({ insuredRegion: '440300', birthDate: '2012-01-01', scheme: 'RESIDENT' });
    await insertBinding(t, giver, child, { relationship: 'CHILD', reservedFen: 30_000 });
    const token = await t.staffToken('caseworker_440300');
    expect((await t.ok(DEATH, { input: { memberId: giver.id, date: today(), reason: '死亡医学证明' } }, token)).recordMemberDeath.__typename).toBe('Member');
    // C1: the reservation was released (L2) before the whole balance moved out.
    expect(await account(giver)).toMatchObject({ balanceFen: 0, reservedFen: 0 });
    expect(await causes(giver)).toEqual([
      ['OPENING_BALANCE', 'CREDIT', 100_001],
      ['CLOSURE', 'DEBIT', 100_001],
    ]);
    const [closure] = await closuresOf(giver);
    expect(closure).toMatchObject({ cause: 'DEATH', state: 'PENDING_PAYMENT', pendingFen: 100_001, closedBalanceFen: 100_001 });

    const share = (amountFen: number, payeeName = '继承人甲', bankAccount = '6222020200112233445') => ({ payeeName, bankAccount, amountFen });
    const short = await t.ok(DECIDE, { input: { closureId: closure.id, shares: [share(50_000), share(50_000)], documents: ['继承公证书 (2026) 粤深证字 1 号'], reason: '继承' } }, token);
    expect(short.decideClosurePayment).toMatchObject({ __typename: 'RuleViolation', rule: 'C2', code: 'SHARES_DO_NOT_ADD_UP' });
    const noDocs = await t.ok(DECIDE, { input: { closureId: closure.id, shares: [share(100_001)], documents: [], reason: '继承' } }, token);
    expect(noDocs.decideClosurePayment).toMatchObject({ rule: 'C2', code: 'DOCUMENTS_REQUIRED' });
    const ok = await t.ok(
      DECIDE,
      { input: { closureId: closure.id, shares: [share(50_001, '王大'), share(30_000, '王二', '6222020200199998888'), share(20_000, '王三')], documents: ['死亡医学证明', '继承公证书'], reason: '法定继承，三人按份' } },
      token,
    );
    expect(ok.decideClosurePayment).toMatchObject({ __typename: 'AccountClosure', state: 'PAID', pendingFen: 0, documents: ['死亡医学证明', '继承公证书'] });
    expect(ok.decideClosurePayment.payments).toEqual([
      { amountFen: 50_001, payeeName: '王*', bankAccount: '****3445' },
      { amountFen: 30_000, payeeName: '王*', bankAccount: '****8888' },
      { amountFen: 20_000, payeeName: '王*', bankAccount: '****3445' },
    ]);
    const again = await t.ok(DECIDE, { input: { closureId: closure.id, shares: [share(1)], documents: ['x'], reason: '重复' } }, token);
    expect(again.decideClosurePayment).toMatchObject({ rule: 'C2', code: 'CLOSURE_NOT_PENDING' });
    const audit = await t.run((ctx) => ctx.em.count(AuditLog, { where: { action: 'account.closure-payment', entityId: String(closure.id) } }));
    expect(audit).toBe(1);
    expect(await moneyInSystem()).toBe(before + 100_001);
  });

  it('C5: a closed account takes no debit; a reversal after closure goes to the heirs’ pending payment', async () => {
    const m = await t.member({ insuredRegion: '440300', openingBalanceFen: 5_000 });
    const token = await t.staffToken('caseworker');
    await t.ok(DEATH, { input: { memberId: m.id, date: today(), reason: '死亡' } }, token);
    const a = await account(m);
    expect(await t.run((ctx) => tryDebitAvailable(ctx, a.id, 1, { cause: 'SETTLEMENT' }))).toBeNull();
    const [c] = await closuresOf(m);
    await t.ok(DECIDE, { input: { closureId: c.id, shares: [{ payeeName: '继承人', bankAccount: '6222000011112222', amountFen: 5_000 }], documents: ['公证书'], reason: '继承' } }, token);
    const redirected = await t.run((ctx) => redirectCreditAfterClosure(ctx, a.id, 1_234, 'reversal of settlement 1'));
    expect(redirected).toMatchObject({ id: c.id, state: 'PENDING_PAYMENT', pendingFen: 1_234 });
    expect((await account(m)).balanceFen).toBe(0);
  });

  it('C1: leaving basic insurance closes the account too; the member who left is paid the balance', async () => {
    const m = await t.member({ insuredRegion: '440300', openingBalanceFen: 8_800 });
    const token = await t.staffToken('caseworker_44');
    await t.ok(EXIT, { input: { memberId: m.id, date: today(), reason: '出国定居，终止参保' } }, token);
    const [c] = await closuresOf(m);
    expect(c).toMatchObject({ cause: 'EXIT', pendingFen: 8_800 });
    const r = await t.ok(DECIDE, { input: { closureId: c.id, shares: [{ payeeName: '本人', bankAccount: '6222000011113333', amountFen: 8_800 }], documents: ['终止参保申请表'], reason: '退还本人' } }, token);
    expect(r.decideClosurePayment.state).toBe('PAID');
  });

  it('C3: a move within a province transfers at once (TRANSFER_OUT + TRANSFER_IN, sum preserved)', async () => {
    const m = await t.member({ insuredRegion: '440300', openingBalanceFen: 77_777 });
    await t.ok(MOVE, { input: { memberId: m.id, insuredRegion: '440100', reason: '工作调动', date: today() } }, await t.staffToken('caseworker_44'));
    expect((await account(m)).balanceFen).toBe(77_777);
    expect((await causes(m)).slice(1)).toEqual([
      ['TRANSFER_OUT', 'DEBIT', 77_777],
      ['TRANSFER_IN', 'CREDIT', 77_777],
    ]);
    expect((await closuresOf(m))[0]).toMatchObject({ cause: 'TRANSFER', state: 'COMPLETED', fromRegion: '440300', regionCode: '440100', pendingFen: 0 });
  });

  it('C3: across provinces the transfer waits for the receiving region to accept; only it can, once', async () => {
    const before = await moneyInSystem();
    const m = await t.member({ insuredRegion: '440300', openingBalanceFen: 12_345 });
    await t.ok(MOVE, { input: { memberId: m.id, insuredRegion: '110000', reason: '跨省转移接续', date: today() } }, await t.staffToken('caseworker'));
    expect((await account(m)).balanceFen).toBe(0);
    const [c] = await closuresOf(m);
    expect(c).toMatchObject({ state: 'AWAITING_ACCEPTANCE', pendingFen: 12_345, regionCode: '110000' });
    expect(await moneyInSystem()).toBe(before + 12_345);
    const wrong = await t.gql(ACCEPT, { id: c.id }, await t.staffToken('caseworker_44'));
    expect(wrong.errors?.[0].extensions?.code).toBe('OUT_OF_SCOPE');
    const ok = await t.ok(ACCEPT, { id: c.id }, await t.staffToken('caseworker_11'));
    expect(ok.acceptAccountTransfer).toEqual({ __typename: 'AccountClosure', state: 'COMPLETED', pendingFen: 0 });
    expect((await account(m)).balanceFen).toBe(12_345);
    const twice = await t.ok(ACCEPT, { id: c.id }, await t.staffToken('caseworker_11'));
    expect(twice.acceptAccountTransfer).toMatchObject({ rule: 'C3', code: 'TRANSFER_NOT_AWAITING' });
    expect((await account(m)).balanceFen).toBe(12_345);
  });

  it('C4: withdrawal only where the region policy allows it, never more than the available balance, by a caseworker', async () => {
    const m = await t.member({ insuredRegion: '320100', openingBalanceFen: 10_000 });
    const token = await t.staffToken('caseworker');
    const input = { memberId: m.id, amountFen: 4_000, bankAccount: '6222000044445555', reason: '出国定居' };
    expect((await t.ok(WITHDRAW, { input }, token)).approveAccountWithdrawal).toMatchObject({ rule: 'C4', code: 'WITHDRAWAL_NOT_ALLOWED' });
    await allowWithdrawal('32');
    expect((await t.ok(WITHDRAW, { input: { ...input, amountFen: 10_001 } }, token)).approveAccountWithdrawal).toMatchObject({ rule: 'S4' });
    expect((await t.ok(WITHDRAW, { input }, token)).approveAccountWithdrawal).toEqual({ __typename: 'PersonalAccount', balanceFen: 6_000 });
    expect((await causes(m)).at(-1)).toEqual(['WITHDRAWAL', 'DEBIT', 4_000]);
    const analyst = await t.gql(WITHDRAW, { input }, await t.staffToken('fraud_analyst'));
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('C1: fees owed are settled before a withdrawal, which can take only what remains; a refused withdrawal settles nothing', async () => {
    const before = await moneyInSystem();
    const m = await t.member({ insuredRegion: '320100', openingBalanceFen: 10_000 });
    const token = await t.staffToken('caseworker');
    const RECORD = `mutation($input: RecordChargeInput!) { recordAccountCharge(input: $input) { __typename ... on RuleViolation { code } } }`;
    await t.ok(RECORD, { input: { memberId: m.id, kind: 'OTHER', amountFen: 3_000, reason: '多划入个人账户，应予追回' } }, token);
    const input = { memberId: m.id, amountFen: 7_001, bankAccount: '6222000044446666', reason: '出国定居' };
    expect((await t.ok(WITHDRAW, { input }, token)).approveAccountWithdrawal).toMatchObject({ rule: 'S4' });
    expect(await causes(m)).toEqual([['OPENING_BALANCE', 'CREDIT', 10_000]]);
    expect((await t.ok(WITHDRAW, { input: { ...input, amountFen: 7_000 } }, token)).approveAccountWithdrawal).toEqual({ __typename: 'PersonalAccount', balanceFen: 0 });
    expect((await causes(m)).slice(1)).toEqual([
      ['FEE', 'DEBIT', 3_000],
      ['WITHDRAWAL', 'DEBIT', 7_000],
    ]);
    expect(await moneyInSystem()).toBe(before + 10_000);
  });

  it('C5: money is only moved, never created or lost — every account’s entries add up to its balance', async () => {
    await t.run(async (ctx) => {
      const rows: Array<{ id: number; balance_fen: number; s: number | null }> = await ctx.em.query(
        `SELECT a.id, a.balance_fen, (SELECT SUM(CASE WHEN e.direction = 'CREDIT' THEN e.amount_fen ELSE -e.amount_fen END) FROM ledger_entry e WHERE e.account_id = a.id) AS s FROM personal_account a`,
      );
      expect(rows.length).toBeGreaterThan(5);
      for (const r of rows) expect(Number(r.s ?? 0)).toBe(Number(r.balance_fen));
      // Every fen that left an account by CLOSURE or TRANSFER_OUT is pending, paid out or arrived back.
      const [out] = await ctx.em.query("SELECT COALESCE(SUM(amount_fen), 0) AS s FROM ledger_entry WHERE cause IN ('CLOSURE', 'TRANSFER_OUT')");
      const [back] = await ctx.em.query("SELECT COALESCE(SUM(amount_fen), 0) AS s FROM ledger_entry WHERE cause = 'TRANSFER_IN'");
      const [pending] = await ctx.em.query('SELECT COALESCE(SUM(pending_fen), 0) AS s FROM account_closure');
      const [paid] = await ctx.em.query('SELECT COALESCE(SUM(amount_fen), 0) AS s FROM closure_payment');
      const [redirected] = await ctx.em.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'account.closure-credit'");
      expect(Number(redirected.n)).toBe(1); // the 1,234 fen reversal credited to the heirs' pending payment above
      expect(Number(out.s) + 1_234).toBe(Number(back.s) + Number(pending.s) + Number(paid.s));
    });
  });
});
