import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../core/context';
import { startTestServer, type TestServer } from '../../testing/harness';
import { LedgerEntry, PersonalAccount } from '../account/account.entity';
import { AuditLog } from '../audit/audit.entity';
import { AccountClosure } from '../closure/closure.entity';
import { FraudCase } from '../fraud/fraud-case.entity';
import type { Member } from '../member/member.entity';
import { AccountCharge } from './charge.entity';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const RECORD = `mutation($input: RecordChargeInput!) { recordAccountCharge(input: $input) { __typename
  ... on AccountCharge { id kind amountFen paidFen state reason fraudCaseId documentRef createdBy } ... on RuleViolation { rule code } } }`;
const WAIVE = `mutation($input: WaiveChargeInput!) { waiveAccountCharge(input: $input) { __typename ... on AccountCharge { id state paidFen waiveReason settledBy } ... on RuleViolation { rule code } } }`;
const LIST = `query($memberId: Int!) { memberCharges(memberId: $memberId) { total items { id kind amountFen paidFen state closureId } } }`;
const DEATH = `mutation($input: MemberEventInput!) { recordMemberDeath(input: $input) { __typename ... on RuleViolation { rule code } } }`;
const MOVE = `mutation($input: MemberRegistryUpdateInput!) { updateMemberRegistry(input: $input) { __typename ... on RuleViolation { rule code } } }`;
const CLOSURE = `query($id: Int!) { accountClosure(id: $id) { id pendingFen closedBalanceFen feesPaidFen feeShortfallFen } }`;
const DECIDE = `mutation($input: HeirPaymentInput!) { decideClosurePayment(input: $input) { __typename ... on AccountClosure { state pendingFen } ... on RuleViolation { rule code } } }`;

const today = () => beijingDate(new Date());
const account = (m: Member) => t.run((ctx) => ctx.em.findOneByOrFail(PersonalAccount, { memberId: m.id }));
const entries = async (m: Member) => {
  const a = await account(m);
  return t.run(async (ctx) => (await ctx.em.find(LedgerEntry, { where: { accountId: a.id }, order: { id: 'ASC' } })).map((e) => [e.cause, e.direction, e.amountFen]));
};
const chargeRows = (m: Member) => t.run((ctx) => ctx.em.find(AccountCharge, { where: { memberId: m.id }, order: { id: 'ASC' } }));
const closureOf = (m: Member) => t.run((ctx) => ctx.em.findOneByOrFail(AccountClosure, { memberId: m.id }));
const other = (memberId: number, amountFen: number, reason = '多计个人账户划入，应予追回') => ({ memberId, kind: 'OTHER', amountFen, reason, documentRef: '深医保追字〔2026〕1号' });

/** Σ balances + Σ pending + Σ paid to heirs + Σ withdrawn + Σ fees paid to the fund: money only moves. */
async function moneyInSystem(): Promise<number> {
  return t.run(async (ctx) => {
    const [bal] = await ctx.em.query('SELECT COALESCE(SUM(balance_fen), 0) AS s FROM personal_account');
    const [pending] = await ctx.em.query('SELECT COALESCE(SUM(pending_fen), 0) AS s FROM account_closure');
    const [paid] = await ctx.em.query('SELECT COALESCE(SUM(amount_fen), 0) AS s FROM closure_payment');
    const [out] = await ctx.em.query("SELECT COALESCE(SUM(amount_fen), 0) AS s FROM ledger_entry WHERE cause IN ('WITHDRAWAL', 'FEE')");
    return Number(bal.s) + Number(pending.s) + Number(paid.s) + Number(out.s);
  });
}

describe('C1: fees owed (应收未收) are settled first', () => {
  it('C1: a caseworker records a charge in scope; it is audited and listed; nothing moves yet', async () => {
    const m = await t.member({ insuredRegion: '440300', openingBalanceFen: 50_000 });
    const token = await t.staffToken('caseworker_440300');
    const r = await t.ok(RECORD, { input: other(m.id, 12_000) }, token);
    expect(r.recordAccountCharge).toMatchObject({ __typename: 'AccountCharge', kind: 'OTHER', amountFen: 12_000, paidFen: 0, state: 'OPEN', documentRef: '深医保追字〔2026〕1号', createdBy: 'caseworker_440300' });
    expect((await account(m)).balanceFen).toBe(50_000);
    const audit = await t.run((ctx) => ctx.em.count(AuditLog, { where: { action: 'charge.record', entityId: String(r.recordAccountCharge.id) } }));
    expect(audit).toBe(1);
    const list = await t.ok(LIST, { memberId: m.id }, await t.staffToken('auditor_44'));
    expect(list.memberCharges).toMatchObject({ total: 1, items: [{ amountFen: 12_000, state: 'OPEN', closureId: null }] });
  });

  it('C1: bad input and closed members are refused and change nothing', async () => {
    const m = await t.member({ insuredRegion: '440300', openingBalanceFen: 1_000 });
    const token = await t.staffToken('caseworker');
    for (const amountFen of [0, -5]) expect((await t.ok(RECORD, { input: other(m.id, amountFen) }, token)).recordAccountCharge).toMatchObject({ rule: 'C1', code: 'CHARGE_AMOUNT_NOT_POSITIVE' });
    expect((await t.ok(RECORD, { input: other(m.id, 100, '   ') }, token)).recordAccountCharge).toMatchObject({ rule: 'C1', code: 'CHARGE_REASON_REQUIRED' });
    const noCase = await t.ok(RECORD, { input: { memberId: m.id, kind: 'FRAUD_RECOVERY', amountFen: 100, reason: '追回' } }, token);
    expect(noCase.recordAccountCharge).toMatchObject({ rule: 'C1', code: 'CHARGE_NEEDS_CONFIRMED_CASE' });
    const resident = await t.member({ insuredRegion: '440300', scheme: 'RESIDENT' });
    expect((await t.ok(RECORD, { input: other(resident.id, 100) }, token)).recordAccountCharge).toMatchObject({ rule: 'C1', code: 'CHARGE_NO_ACCOUNT' });
    await t.ok(DEATH, { input: { memberId: m.id, date: today(), reason: '死亡' } }, token);
    expect((await t.ok(RECORD, { input: other(m.id, 100) }, token)).recordAccountCharge).toMatchObject({ rule: 'C1', code: 'CHARGE_MEMBER_CLOSED' });
    expect(await chargeRows(m)).toEqual([]);
    const analyst = await t.gql(RECORD, { input: other(m.id, 100) }, await t.staffToken('auditor'));
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('C1: out-of-scope staff can neither record, list nor waive a member’s charges', async () => {
    const m = await t.member({ insuredRegion: '440300', openingBalanceFen: 1_000 });
    const own = await t.ok(RECORD, { input: other(m.id, 300) }, await t.staffToken('caseworker_44'));
    const outside = await t.staffToken('caseworker_11');
    expect((await t.gql(RECORD, { input: other(m.id, 100) }, outside)).errors?.[0].extensions?.code).toBe('OUT_OF_SCOPE');
    expect((await t.gql(LIST, { memberId: m.id }, outside)).errors?.[0].extensions?.code).toBe('OUT_OF_SCOPE');
    expect((await t.gql(WAIVE, { input: { chargeId: own.recordAccountCharge.id, reason: '减免' } }, outside)).errors?.[0].extensions?.code).toBe('OUT_OF_SCOPE');
    expect((await chargeRows(m)).map((c) => [c.amountFen, c.state])).toEqual([[300, 'OPEN']]);
  });

  it('C1: at a death the charges are paid first (FEE entries, in creation order); the heirs get the rest', async () => {
    const before = await moneyInSystem();
    const m = await t.member({ insuredRegion: '440300', openingBalanceFen: 100_000 });
    const token = await t.staffToken('caseworker_440300');
    const caseId = await t.run(async (ctx) => {
      const r = await ctx.em.insert(FraudCase, {
        subjectType: 'MEMBER', subjectId: m.id, openKey: null, ruleList: 'F1', primaryRule: 'F1', score: 90, scoreDetail: null, state: 'CONFIRMED',
        regionCode: '440300', provinceCode: '44', otherRegionCode: null, otherProvinceCode: null, assigneeId: null, summary: 'test', signalCount: 1, dismissalReason: null, closedAt: new Date(),
      });
      return Number(r.identifiers[0].id);
    });
    const fraud = await t.ok(RECORD, { input: { memberId: m.id, kind: 'FRAUD_RECOVERY', amountFen: 20_000, reason: '冒名就医所得，余额不足未能冲正', fraudCaseId: caseId } }, token);
    expect(fraud.recordAccountCharge).toMatchObject({ kind: 'FRAUD_RECOVERY', fraudCaseId: caseId, state: 'OPEN' });
    await t.ok(RECORD, { input: other(m.id, 5_000) }, token);
    await t.ok(DEATH, { input: { memberId: m.id, date: today(), reason: '死亡医学证明' } }, token);
    expect(await entries(m)).toEqual([
      ['OPENING_BALANCE', 'CREDIT', 100_000],
      ['FEE', 'DEBIT', 20_000],
      ['FEE', 'DEBIT', 5_000],
      ['CLOSURE', 'DEBIT', 75_000],
    ]);
    expect((await chargeRows(m)).map((c) => [c.state, c.paidFen, c.settledBy])).toEqual([
      ['PAID', 20_000, 'caseworker_440300'],
      ['PAID', 5_000, 'caseworker_440300'],
    ]);
    const c = await closureOf(m);
    expect((await t.ok(CLOSURE, { id: c.id }, token)).accountClosure).toMatchObject({ pendingFen: 75_000, closedBalanceFen: 75_000, feesPaidFen: 25_000, feeShortfallFen: 0 });
    const share = { payeeName: '继承人', bankAccount: '6222000011112222', amountFen: 100_000 };
    expect((await t.ok(DECIDE, { input: { closureId: c.id, shares: [share], documents: ['公证书'], reason: '继承' } }, token)).decideClosurePayment).toMatchObject({ rule: 'C2', code: 'SHARES_DO_NOT_ADD_UP' });
    expect((await t.ok(DECIDE, { input: { closureId: c.id, shares: [{ ...share, amountFen: 75_000 }], documents: ['公证书'], reason: '继承' } }, token)).decideClosurePayment).toMatchObject({ state: 'PAID' });
    expect(await moneyInSystem()).toBe(before + 100_000);
  });

  it('C1: when the balance is short a charge is paid in part and stays OPEN; the closure shows the shortfall; never below zero', async () => {
    const m = await t.member({ insuredRegion: '440300', openingBalanceFen: 10_000 });
    const token = await t.staffToken('caseworker_44');
    await t.ok(RECORD, { input: other(m.id, 6_000) }, token);
    await t.ok(RECORD, { input: other(m.id, 8_000) }, token);
    await t.ok(DEATH, { input: { memberId: m.id, date: today(), reason: '死亡' } }, token);
    expect(await account(m)).toMatchObject({ balanceFen: 0, reservedFen: 0 });
    expect((await entries(m)).slice(1)).toEqual([
      ['FEE', 'DEBIT', 6_000],
      ['FEE', 'DEBIT', 4_000],
    ]);
    const c = await closureOf(m);
    expect((await chargeRows(m)).map((x) => [x.state, x.paidFen, x.closureId])).toEqual([
      ['PAID', 6_000, c.id],
      ['OPEN', 4_000, c.id],
    ]);
    // A charge the balance could not reach at all stays OPEN, linked to the closure, with no payer.
    const n = await t.member({ insuredRegion: '440300', openingBalanceFen: 500 });
    await t.ok(RECORD, { input: other(n.id, 500) }, token);
    await t.ok(RECORD, { input: other(n.id, 700) }, token);
    await t.ok(DEATH, { input: { memberId: n.id, date: today(), reason: '死亡' } }, token);
    expect((await chargeRows(n)).map((x) => [x.state, x.paidFen, x.settledBy])).toEqual([
      ['PAID', 500, 'caseworker_44'],
      ['OPEN', 0, null],
    ]);
    expect((await t.ok(CLOSURE, { id: (await closureOf(n)).id }, token)).accountClosure).toMatchObject({ pendingFen: 0, feesPaidFen: 500, feeShortfallFen: 700 });
    expect((await t.ok(CLOSURE, { id: c.id }, token)).accountClosure).toMatchObject({ pendingFen: 0, feesPaidFen: 10_000, feeShortfallFen: 4_000 });
    const audit = await t.run((ctx) => ctx.em.findOneByOrFail(AuditLog, { action: 'account.close', entityId: String(c.id) }));
    expect(JSON.parse(audit.detail)).toMatchObject({ feesPaidFen: 10_000, feeShortfallFen: 4_000, movedFen: 0 });
  });

  it('C1: a waived charge is ignored at closure; waiving is audited, needs a reason and happens once', async () => {
    const m = await t.member({ insuredRegion: '440300', openingBalanceFen: 9_000 });
    const token = await t.staffToken('caseworker');
    const r = await t.ok(RECORD, { input: other(m.id, 2_000) }, token);
    const id = r.recordAccountCharge.id;
    expect((await t.ok(WAIVE, { input: { chargeId: id, reason: '  ' } }, token)).waiveAccountCharge).toMatchObject({ rule: 'C1', code: 'CHARGE_REASON_REQUIRED' });
    expect((await t.gql(WAIVE, { input: { chargeId: id, reason: '核实为系统误计' } }, await t.staffToken('fraud_analyst'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.ok(WAIVE, { input: { chargeId: id, reason: '核实为系统误计' } }, token)).waiveAccountCharge).toMatchObject({ state: 'WAIVED', paidFen: 0, waiveReason: '核实为系统误计', settledBy: 'caseworker' });
    expect((await t.ok(WAIVE, { input: { chargeId: id, reason: '再次' } }, token)).waiveAccountCharge).toMatchObject({ rule: 'C1', code: 'CHARGE_NOT_OPEN' });
    expect(await t.run((ctx) => ctx.em.count(AuditLog, { where: { action: 'charge.waive', entityId: String(id) } }))).toBe(1);
    await t.ok(DEATH, { input: { memberId: m.id, date: today(), reason: '死亡' } }, token);
    expect((await entries(m)).slice(1)).toEqual([['CLOSURE', 'DEBIT', 9_000]]);
    expect((await closureOf(m)).pendingFen).toBe(9_000);
  });

  it('C1: a transfer to another pooling region settles the charges first and moves what remains (C3)', async () => {
    const m = await t.member({ insuredRegion: '440300', openingBalanceFen: 30_000 });
    const token = await t.staffToken('caseworker_44');
    await t.ok(RECORD, { input: other(m.id, 1_500) }, token);
    await t.ok(MOVE, { input: { memberId: m.id, insuredRegion: '440100', reason: '工作调动', date: today() } }, token);
    expect((await entries(m)).slice(1)).toEqual([
      ['FEE', 'DEBIT', 1_500],
      ['TRANSFER_OUT', 'DEBIT', 28_500],
      ['TRANSFER_IN', 'CREDIT', 28_500],
    ]);
    expect((await account(m)).balanceFen).toBe(28_500);
  });

  it('C1: every account’s entries add up to its balance, and no charge was paid more than it owed', async () => {
    await t.run(async (ctx) => {
      const rows: Array<{ id: number; balance_fen: number; s: number | null }> = await ctx.em.query(
        `SELECT a.id, a.balance_fen, (SELECT SUM(CASE WHEN e.direction = 'CREDIT' THEN e.amount_fen ELSE -e.amount_fen END) FROM ledger_entry e WHERE e.account_id = a.id) AS s FROM personal_account a`,
      );
      for (const r of rows) {
        expect(Number(r.s ?? 0)).toBe(Number(r.balance_fen));
        expect(Number(r.balance_fen)).toBeGreaterThanOrEqual(0);
      }
      const [fees] = await ctx.em.query("SELECT COALESCE(SUM(amount_fen), 0) AS s FROM ledger_entry WHERE cause = 'FEE'");
      const [paid] = await ctx.em.query('SELECT COALESCE(SUM(paid_fen), 0) AS s FROM account_charge');
      expect(Number(fees.s)).toBe(Number(paid.s));
      expect(Number(paid.s)).toBe(20_000 + 5_000 + 10_000 + 500 + 1_500);
      const [over] = await ctx.em.query('SELECT COUNT(*) AS n FROM account_charge WHERE paid_fen > amount_fen');
      expect(Number(over.n)).toBe(0);
    });
  });
});
