/**
 * W4 (the patient's 医保钱包 pays at settlement), S9 (reversals credit it back exactly) and C5
 * (a reversal after the patient's account closed goes to the heirs' pending payment) through the API.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../core/context';
import { accountOfMember, insertBinding } from '../../testing/fixtures';
import { startTestServer, type TestServer } from '../../testing/harness';
import { LedgerEntry } from '../account/account.entity';
import { AccountClosure } from '../closure/closure.entity';
import type { Member } from '../member/member.entity';
import { WalletAccount, WalletLedgerEntry } from '../wallet/wallet.entity';
import { creditWallet, openWallet } from '../wallet/wallet-account.service';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const SETTLE = `mutation($input: SettleInput!) { settle(input: $input) {
  __typename
  ... on Settlement { id status acctPayFen walletPayFen mulaidPayFen cashFen selfPayFen
    payments { seq payerMemberId accountId walletId bindingId amountFen reversedFen } }
  ... on RuleViolation { rule code message } } }`;
const REVERSE = `mutation($input: ReverseInput!) { reverseSettlement(input: $input) {
  __typename ... on SettlementReversal { id amountFen cashFen accountFen } ... on RuleViolation { rule code message } } }`;
const DEATH = `mutation($input: MemberEventInput!) { recordMemberDeath(input: $input) { __typename ... on RuleViolation { rule code } } }`;

const INSTITUTION_AT: Record<string, string> = { '440300': 'H44030300001', '540100': 'H54010000001' };
async function settle(patient: Member, selfPayFen: number, o: { category?: string; placeRegion?: string; serialNo?: string } = {}) {
  const place = o.placeRegion ?? '440300';
  const input = {
    serialNo: o.serialNo ?? `W${randomUUID().slice(0, 18)}`,
    patientIdNumber: patient.idNumber,
    credentialType: 'T02',
    credentialNo: patient.idNumber,
    category: o.category ?? 'OUTPATIENT',
    totalFen: selfPayFen * 2,
    poolFen: selfPayFen,
    selfPayFen,
    placeRegion: place,
    treatedAt: new Date(Date.now() - 60_000).toISOString(),
    acctUsedFlag: true,
  };
  const token = await t.institutionToken(INSTITUTION_AT[place]);
  return { s: (await t.ok(SETTLE, { input }, token)).settle, serialNo: input.serialNo, token };
}
const reverse = async (token: string, originalSerialNo: string, amountFen?: number) =>
  (await t.ok(REVERSE, { input: { serialNo: `R${randomUUID().slice(0, 18)}`, originalSerialNo, ...(amountFen ? { amountFen } : {}) } }, token)).reverseSettlement;

/** A wallet holding `fen`, credited through its ledger (as an accepted transfer would). */
async function fundWallet(m: Member, fen: number): Promise<number> {
  return t.run(async (ctx) => {
    const w = await openWallet(ctx, m.id);
    await creditWallet(ctx, w.id, fen, { cause: 'WALLET_ACCEPT' });
    return w.id;
  });
}
const walletBalance = (id: number) => t.run(async (ctx) => (await ctx.em.findOneByOrFail(WalletAccount, { id })).balanceFen);
const walletEntries = (id: number) =>
  t.run(async (ctx) => (await ctx.em.find(WalletLedgerEntry, { where: { walletId: id }, order: { id: 'ASC' } })).map((e) => [e.cause, e.direction, e.amountFen, e.balanceAfterFen]));
const balance = async (m: Member) => (await accountOfMember(t, m)).balanceFen;

describe('W4: the patient’s 医保钱包 at settlement', () => {
  it('W4: the wallet pays after the own account and before the givers; acct_pay includes it, walletPayFen reports it', async () => {
    const patient = await t.member({ birthDate: '1955-03-01', openingBalanceFen: 3_000 });
    const son = await t.member({ birthDate: '1982-05-05', openingBalanceFen: 50_000 });
    const b = await insertBinding(t, son, patient, { relationship: 'PARENT', priority: 1 });
    const wid = await fundWallet(patient, 4_000);
    const { s } = await settle(patient, 10_000);
    expect(s).toMatchObject({ __typename: 'Settlement', acctPayFen: 7_000, walletPayFen: 4_000, mulaidPayFen: 3_000, cashFen: 0 });
    expect(s.payments.map((p: any) => [p.seq, p.payerMemberId, p.accountId === null, p.walletId, p.bindingId, p.amountFen])).toEqual([
      [1, patient.id, false, null, null, 3_000],
      [2, patient.id, true, wid, null, 4_000],
      [3, son.id, false, null, b.id, 3_000],
    ]);
    expect(await walletBalance(wid)).toBe(0);
    expect(await walletEntries(wid)).toEqual([
      ['WALLET_ACCEPT', 'CREDIT', 4_000, 4_000],
      ['SETTLEMENT', 'DEBIT', 4_000, 0],
    ]);
    expect(await balance(son)).toBe(47_000);
  });

  it('W4: a RESIDENT patient’s wallet pays first; only what is needed is taken', async () => {
    const patient = await t.member({ birthDate: '2015-03-01', scheme: 'RESIDENT' });
    const wid = await fundWallet(patient, 9_000);
    const { s } = await settle(patient, 2_500, { category: 'PHARMACY' });
    expect(s).toMatchObject({ acctPayFen: 2_500, walletPayFen: 2_500, mulaidPayFen: 0, cashFen: 0 });
    expect(await walletBalance(wid)).toBe(6_500);
  });

  it('W4: a category the patient’s policy does not allow (VACCINE in 西藏) leaves the wallet untouched', async () => {
    const patient = await t.member({ insuredRegion: '540100', birthDate: '1990-03-01', scheme: 'RESIDENT' });
    const wid = await fundWallet(patient, 9_000);
    const { s } = await settle(patient, 2_000, { category: 'VACCINE', placeRegion: '540100' });
    expect(s).toMatchObject({ __typename: 'Settlement', walletPayFen: 0, cashFen: 2_000 });
    expect(await walletBalance(wid)).toBe(9_000);
  });

  it('W4: an empty wallet is skipped, not failed', async () => {
    const patient = await t.member({ birthDate: '1990-03-01', scheme: 'RESIDENT' });
    await t.run((ctx) => openWallet(ctx, patient.id));
    const { s } = await settle(patient, 1_000);
    expect(s).toMatchObject({ __typename: 'Settlement', walletPayFen: 0, cashFen: 1_000 });
  });
});

describe('S9 and C5: reversals with a wallet and after closure', () => {
  it('S9: a partial reversal refunds the givers first, then the wallet; the full rest returns each exactly what it paid', async () => {
    const patient = await t.member({ birthDate: '1955-03-01', openingBalanceFen: 3_000 });
    const son = await t.member({ birthDate: '1982-05-05', openingBalanceFen: 50_000 });
    await insertBinding(t, son, patient, { relationship: 'PARENT', priority: 1 });
    const wid = await fundWallet(patient, 4_000);
    const { serialNo, token } = await settle(patient, 10_000);
    // cash 0 → the giver's 3,000 first, then 1,000 of the wallet's 4,000
    expect(await reverse(token, serialNo, 4_000)).toMatchObject({ amountFen: 4_000, cashFen: 0, accountFen: 4_000 });
    expect(await balance(son)).toBe(50_000);
    expect(await walletBalance(wid)).toBe(1_000);
    expect(await balance(patient)).toBe(0);
    expect(await reverse(token, serialNo)).toMatchObject({ amountFen: 6_000, accountFen: 6_000 });
    expect(await walletBalance(wid)).toBe(4_000);
    expect(await balance(patient)).toBe(3_000);
    const entries = await walletEntries(wid);
    expect(entries.slice(2)).toEqual([
      ['REVERSAL', 'CREDIT', 1_000, 1_000],
      ['REVERSAL', 'CREDIT', 3_000, 4_000],
    ]);
    // Σ entries = balance (W3) and nothing more to refund
    expect(entries.reduce((a, e) => a + (e[1] === 'CREDIT' ? 1 : -1) * (e[2] as number), 0)).toBe(4_000);
    expect(await reverse(token, serialNo, 1)).toMatchObject({ __typename: 'RuleViolation', code: 'REVERSAL_TOO_LARGE' });
  });

  it('C5: a reversal after the patient died goes to the heirs’ pending payment; the closed account takes nothing', async () => {
    const patient = await t.member({ birthDate: '1950-03-01', openingBalanceFen: 5_000 });
    const { s, serialNo, token } = await settle(patient, 3_000);
    expect(s).toMatchObject({ acctPayFen: 3_000, cashFen: 0 });
    await t.ok(DEATH, { input: { memberId: patient.id, date: beijingDate(new Date()), reason: '死亡' } }, await t.staffToken('caseworker'));
    const account = await accountOfMember(t, patient);
    const closure = await t.run((ctx) => ctx.em.findOneByOrFail(AccountClosure, { accountId: account.id }));
    expect(closure.pendingFen).toBe(2_000);
    expect(account.balanceFen).toBe(0);
    const ledgerBefore = await t.run((ctx) => ctx.em.count(LedgerEntry, { where: { accountId: account.id } }));

    expect(await reverse(token, serialNo, 1_200)).toMatchObject({ __typename: 'SettlementReversal', amountFen: 1_200, accountFen: 1_200 });
    const after = await t.run((ctx) => ctx.em.findOneByOrFail(AccountClosure, { id: closure.id }));
    expect(after.pendingFen).toBe(2_000 + 1_200);
    expect(after.state).toBe('PENDING_PAYMENT');
    expect(await balance(patient)).toBe(0);
    expect(await t.run((ctx) => ctx.em.count(LedgerEntry, { where: { accountId: account.id } }))).toBe(ledgerBefore);
  });
});
