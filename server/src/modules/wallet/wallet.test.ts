import type { WalletPolicy } from '@gongji/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate, runInContext } from '../../core/context';
import { DomainError } from '../../core/errors';
import { startTestServer, type TestServer } from '../../testing/harness';
import { LedgerEntry, PersonalAccount } from '../account/account.entity';
import { AuditLog } from '../audit/audit.entity';
import { Member } from '../member/member.entity';
import { policyInForce } from '../policy/policy-lookup';
import { PolicyVersion } from '../policy/policy.entity';
import { WalletAccount, WalletLedgerEntry, WalletTransfer } from './wallet.entity';
import { inQuietHours, runWalletReturn, sendTransfer } from './wallet.service';

let t: TestServer;

async function setWalletPolicy(province: string, wallet: Partial<WalletPolicy>) {
  await t.run(async (ctx) => {
    const on = beijingDate(new Date());
    const p = await policyInForce(ctx.em, province, on);
    const [{ v }] = await ctx.em.query('SELECT MAX(version) AS v FROM policy_version WHERE province_code = ?', [province]);
    await ctx.em.insert(PolicyVersion, {
      provinceCode: province,
      version: Number(v) + 1,
      effectiveFrom: on,
      rules: { ...p.rules, wallet: { ...p.rules.wallet, ...wallet } },
      note: 'test: wallet knobs',
      createdById: null,
      createdByName: 'test',
    });
  });
}

beforeAll(async () => {
  t = await startTestServer();
  // Tests run at any hour: province 44 has no quiet period here; the W2 quiet-hours test sets its own clock.
  await setWalletPolicy('44', { quietFrom: '00:00', quietUntil: '00:00' });
});
afterAll(async () => {
  await t?.close();
});

const SEND = `mutation($input: SendWalletTransferInput!) { sendWalletTransfer(input: $input) { __typename
  ... on WalletTransfer { id state amountFen counterpartName } ... on RuleViolation { rule code message } } }`;
const ACCEPT = `mutation($id: Int!) { acceptWalletTransfer(id: $id) { __typename ... on WalletTransfer { state } ... on RuleViolation { rule code } } }`;
const DECLINE = `mutation($id: Int!) { declineWalletTransfer(id: $id) { __typename ... on WalletTransfer { state } ... on RuleViolation { rule code } } }`;
const MY_WALLET = `query { myWallet { balanceFen entries { total items { cause direction amountFen balanceAfterFen } } } }`;

let n = 0;
const rid = () => `req-${Date.now()}-${n++}`;
const balance = async (m: Member) => (await t.run((ctx) => ctx.em.findOneByOrFail(PersonalAccount, { memberId: m.id }))).balanceFen;
async function family(region = '440300', opening = 500_000) {
  const parent = await t.member({ insuredRegion: region, birthDate: '1960-03-03', openingBalanceFen: opening });
  const child = await t.member({ insuredRegion: region, birthDate: '1990-03-03', scheme: 'RESIDENT' });
  return { parent, child };
}
const input = (to: Member, amountFen: number, requestId = rid(), relationship = 'CHILD') => ({ requestId, recipientIdNumber: to.idNumber, recipientName: to.name, relationship, amountFen });

describe('W1–W5: 医保钱包 transfers', () => {
  it('W3: sending debits the sender’s account, accepting credits the wallet; each is a ledger entry and Σ entries = balance', async () => {
    const { parent, child } = await family();
    const r = await t.ok(SEND, { input: input(child, 12_345) }, await t.memberToken(parent));
    expect(r.sendWalletTransfer).toMatchObject({ __typename: 'WalletTransfer', state: 'PENDING', amountFen: 12_345 });
    expect(r.sendWalletTransfer.counterpartName).toMatch(/^.\*+$/);
    expect(await balance(parent)).toBe(500_000 - 12_345);
    const childToken = await t.memberToken(child);
    expect((await t.ok(ACCEPT, { id: r.sendWalletTransfer.id }, childToken)).acceptWalletTransfer).toEqual({ __typename: 'WalletTransfer', state: 'ACCEPTED' });
    const w = await t.ok(MY_WALLET, {}, childToken);
    expect(w.myWallet).toEqual({ balanceFen: 12_345, entries: { total: 1, items: [{ cause: 'WALLET_ACCEPT', direction: 'CREDIT', amountFen: 12_345, balanceAfterFen: 12_345 }] } });
    expect((await t.ok(ACCEPT, { id: r.sendWalletTransfer.id }, childToken)).acceptWalletTransfer).toMatchObject({ rule: 'W3', code: 'TRANSFER_NOT_PENDING' });
    // Only the recipient may accept.
    expect((await t.ok(ACCEPT, { id: r.sendWalletTransfer.id }, await t.memberToken(parent))).acceptWalletTransfer).toMatchObject({ rule: 'NOT_FOUND' });
    const audit = await t.run((ctx) => ctx.em.count(AuditLog, { where: { entityType: 'WalletTransfer', entityId: String(r.sendWalletTransfer.id) } }));
    expect(audit).toBe(2);
  });

  it('W1: the recipient must match the registry (E6) and the relationship must fit the ID data (E5)', async () => {
    const { parent, child } = await family();
    const token = await t.memberToken(parent);
    expect((await t.ok(SEND, { input: { ...input(child, 100), recipientName: '冒名者' } }, token)).sendWalletTransfer).toMatchObject({ rule: 'W1', code: 'RECIPIENT_MISMATCH' });
    expect((await t.ok(SEND, { input: input(child, 100, rid(), 'PARENT') }, token)).sendWalletTransfer).toMatchObject({ rule: 'E5' });
    expect(await balance(parent)).toBe(500_000);
  });

  it('W1: refused where either side’s region policy does not allow wallet transfers', async () => {
    await setWalletPolicy('11', { enabled: false, quietFrom: '00:00', quietUntil: '00:00' });
    const parent = await t.member({ insuredRegion: '440300', birthDate: '1960-03-03' });
    const child = await t.member({ insuredRegion: '110000', birthDate: '1990-03-03' });
    expect((await t.ok(SEND, { input: input(child, 100) }, await t.memberToken(parent))).sendWalletTransfer).toMatchObject({ rule: 'W1', code: 'WALLET_NOT_ALLOWED' });
  });

  it('W2: per-transfer limit, available balance, and quiet hours in Beijing time', async () => {
    const { parent, child } = await family('440300', 150_000);
    const token = await t.memberToken(parent);
    expect((await t.ok(SEND, { input: input(child, 200_001) }, token)).sendWalletTransfer).toMatchObject({ rule: 'W2', code: 'OVER_PER_TRANSFER' });
    expect((await t.ok(SEND, { input: input(child, 150_001) }, token)).sendWalletTransfer).toMatchObject({ rule: 'W2', code: 'INSUFFICIENT_BALANCE' });
    expect(inQuietHours('22:00', '22:00', '06:00')).toBe(true);
    expect(inQuietHours('05:59', '22:00', '06:00')).toBe(true);
    expect(inQuietHours('06:00', '22:00', '06:00')).toBe(false);
    expect(inQuietHours('13:00', '12:00', '14:00')).toBe(true);
    // Province 32 keeps the default 22:00–06:00: 23:30 Beijing is 15:30 UTC.
    const p = await t.member({ insuredRegion: '320100', birthDate: '1960-03-03' });
    const c = await t.member({ insuredRegion: '320100', birthDate: '1990-03-03' });
    const send = (iso: string) =>
      runInContext(t.deps, { kind: 'member', id: p.id, channel: 'test' }, (ctx) => sendTransfer(ctx, input(c, 100)), new Date(iso)).catch((e: DomainError) => e);
    expect(await send('2026-06-01T15:30:00Z')).toMatchObject({ rule: 'W2', code: 'QUIET_HOURS' });
    expect(await send('2026-06-01T02:00:00Z')).toMatchObject({ state: 'PENDING' });
  });

  it('W2/W5: 20 concurrent transfers against the daily limit of 3 take exactly 3 effects; a retried request id takes one', async () => {
    const { parent, child } = await family('440300', 1_000_000);
    const token = await t.memberToken(parent);
    const results = await Promise.all(Array.from({ length: 20 }, () => t.ok(SEND, { input: input(child, 1_000) }, token)));
    const ok = results.filter((r) => r.sendWalletTransfer.__typename === 'WalletTransfer');
    expect(ok).toHaveLength(3);
    expect(results.filter((r) => r.sendWalletTransfer.code === 'OVER_DAILY_COUNT')).toHaveLength(17);
    expect(await balance(parent)).toBe(1_000_000 - 3_000);

    const other = await family('440300', 1_000_000);
    const otherToken = await t.memberToken(other.parent);
    const same = input(other.child, 2_500, rid());
    const retries = await Promise.all(Array.from({ length: 6 }, () => t.ok(SEND, { input: same }, otherToken)));
    const ids = new Set(retries.map((r) => r.sendWalletTransfer.id));
    expect(ids.size).toBe(1);
    expect(await balance(other.parent)).toBe(1_000_000 - 2_500);
    const reused = await t.ok(SEND, { input: { ...same, amountFen: 2_600 } }, otherToken);
    expect(reused.sendWalletTransfer).toMatchObject({ rule: 'W5', code: 'REQUEST_ID_REUSED' });
  });

  it('W5: refused while the sender is suspended (S10)', async () => {
    const { parent, child } = await family();
    await t.run((ctx) => ctx.em.update(Member, { id: parent.id }, { suspendedUntil: '2099-12-31' }));
    expect((await t.ok(SEND, { input: input(child, 100) }, await t.memberToken(parent))).sendWalletTransfer).toMatchObject({ rule: 'W5', code: 'SENDER_SUSPENDED' });
  });

  it('W3: a declined transfer returns at once; an unaccepted one returns after the acceptance period by the batch, once', async () => {
    const { parent, child } = await family();
    const token = await t.memberToken(parent);
    const a = (await t.ok(SEND, { input: input(child, 7_000) }, token)).sendWalletTransfer;
    const b = (await t.ok(SEND, { input: input(child, 3_000) }, token)).sendWalletTransfer;
    expect(await balance(parent)).toBe(490_000);
    expect((await t.ok(DECLINE, { id: a.id }, await t.memberToken(child))).declineWalletTransfer.state).toBe('DECLINED');
    expect(await balance(parent)).toBe(497_000);
    const later = new Date(Date.now() + 8 * 24 * 3600_000);
    const progress: Array<{ done: number; total: number }> = [];
    const s = await runWalletReturn(t.deps, (p) => progress.push(p), later);
    expect(s.returned).toBeGreaterThanOrEqual(1);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect((await t.run((ctx) => ctx.em.findOneByOrFail(WalletTransfer, { id: b.id }))).state).toBe('RETURNED');
    expect(await balance(parent)).toBe(500_000);
    expect((await runWalletReturn(t.deps, undefined, later)).returned).toBe(0);
    const causes = await t.run(async (ctx) => {
      const acct = await ctx.em.findOneByOrFail(PersonalAccount, { memberId: parent.id });
      return (await ctx.em.find(LedgerEntry, { where: { accountId: acct.id }, order: { id: 'ASC' } })).map((e) => e.cause);
    });
    expect(causes).toEqual(['OPENING_BALANCE', 'WALLET_SEND', 'WALLET_SEND', 'WALLET_RETURN', 'WALLET_RETURN']);
  });

  it('W3: money is only moved — Σ accounts + Σ wallets + Σ pending transfers is what came in; every wallet’s entries add up to its balance', async () => {
    await t.run(async (ctx) => {
      const [opening] = await ctx.em.query("SELECT COALESCE(SUM(amount_fen), 0) AS s FROM ledger_entry WHERE cause = 'OPENING_BALANCE'");
      const [accounts] = await ctx.em.query('SELECT COALESCE(SUM(balance_fen), 0) AS s FROM personal_account');
      const [walletSum] = await ctx.em.query('SELECT COALESCE(SUM(balance_fen), 0) AS s FROM wallet_account');
      const [pending] = await ctx.em.query("SELECT COALESCE(SUM(amount_fen), 0) AS s FROM wallet_transfer WHERE state = 'PENDING'");
      expect(Number(accounts.s) + Number(walletSum.s) + Number(pending.s)).toBe(Number(opening.s));
      for (const w of await ctx.em.find(WalletAccount)) {
        const entries = await ctx.em.find(WalletLedgerEntry, { where: { walletId: w.id } });
        expect(entries.reduce((s, e) => s + (e.direction === 'CREDIT' ? e.amountFen : -e.amountFen), 0)).toBe(w.balanceFen);
      }
    });
  });
});
