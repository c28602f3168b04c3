/**
 * W5: 医保钱包 transfers count in the fraud rules as money leaving the sender — F6 (drain after a new
 * binding) and F8 (fan-out to many recipients), from `wallet.transferred` outbox events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../core/context';
import { insertBinding } from '../../testing/fixtures';
import { startTestServer, type TestServer } from '../../testing/harness';
import { FraudSignal } from '../fraud-signal/fraud-signal.entity';
import type { Member } from '../member/member.entity';
import type { OutboxEvent } from '../outbox/outbox.types';
import { policyInForce } from '../policy/policy-lookup';
import { PolicyVersion } from '../policy/policy.entity';
import { WalletTransfer } from '../wallet/wallet.entity';
import { fraudConsumer } from './fraud.consumer';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  // Tests run at any hour: no wallet quiet period in province 44 here.
  await t.run(async (ctx) => {
    const on = beijingDate(new Date());
    const p = await policyInForce(ctx.em, '44', on);
    const [{ v }] = await ctx.em.query('SELECT MAX(version) AS v FROM policy_version WHERE province_code = ?', ['44']);
    await ctx.em.insert(PolicyVersion, {
      provinceCode: '44',
      version: Number(v) + 1,
      effectiveFrom: on,
      rules: { ...p.rules, wallet: { ...p.rules.wallet, quietFrom: '00:00', quietUntil: '00:00' } },
      note: 'test: no wallet quiet hours',
      createdById: null,
      createdByName: 'test',
    });
  });
});
afterAll(async () => {
  await t?.close();
});

const SEND = `mutation($input: SendWalletTransferInput!) { sendWalletTransfer(input: $input) { __typename
  ... on WalletTransfer { id state amountFen } ... on RuleViolation { rule code message } } }`;
let n = 0;
const send = async (from: Member, to: Member, amountFen: number, relationship = 'CHILD') =>
  (
    await t.ok(
      SEND,
      { input: { requestId: `fw-${Date.now()}-${n++}`, recipientIdNumber: to.idNumber, recipientName: to.name, relationship, amountFen } },
      await t.memberToken(from),
    )
  ).sendWalletTransfer;
const signals = (where: Partial<FraudSignal>) => t.run((ctx) => ctx.em.find(FraudSignal, { where: where as any, order: { id: 'ASC' } }));

describe('W5: wallet transfers in F6 and F8', () => {
  it('W5/F6: a new binding’s giver draining most of the balance by wallet transfers raises F6 on the binding; a small transfer does not', async () => {
    const giver = await t.member({ birthDate: '1962-01-01', openingBalanceFen: 100_000 });
    const beneficiary = await t.member({ birthDate: '1990-01-01', scheme: 'RESIDENT' });
    const child = await t.member({ birthDate: '1992-01-01', scheme: 'RESIDENT' });
    const b = await insertBinding(t, giver, beneficiary, { relationship: 'CHILD' });
    const first = await send(giver, child, 30_000);
    expect(first).toMatchObject({ __typename: 'WalletTransfer', state: 'PENDING' });
    expect(await signals({ rule: 'F6', bindingId: b.id })).toHaveLength(0);
    const second = await send(giver, child, 55_000);
    const [sig] = await signals({ rule: 'F6', bindingId: b.id });
    expect(sig).toBeDefined();
    expect(sig.memberId).toBe(giver.id);
    expect(JSON.parse(sig.evidence)).toMatchObject({
      check: 'drain-after-binding',
      balanceAtActivationFen: 100_000,
      walletSentFen: 85_000,
      mutualAidPaidFen: 0,
      percent: 85,
      walletTransferIds: [first.id, second.id],
    });
    expect(sig.summary).toContain('医保钱包转出 850.00 元');
  });

  it('W5/F8: a sender transferring to many recipients beyond the household raises F8; a household’s worth of recipients does not; handling again changes nothing', async () => {
    const sender = await t.member({ birthDate: '1960-01-01', openingBalanceFen: 1_000_000 });
    const family = await t.member({ birthDate: '1961-01-01', openingBalanceFen: 1_000_000 });
    const insert = (from: Member, to: Member, relationship: string) =>
      t.run(async (ctx) => {
        const tr = ctx.em.create(WalletTransfer, {
          senderId: from.id,
          recipientId: to.id,
          relationship,
          amountFen: 10_000,
          state: 'PENDING',
          requestId: `fan-${from.id}-${to.id}`,
          beijingDay: beijingDate(new Date()),
          expiresAt: new Date(Date.now() + 7 * 86_400_000),
          decidedAt: null,
        });
        await ctx.em.insert(WalletTransfer, tr);
        return Number(tr.id);
      });
    const handle = (ids: number[]) =>
      t.run((ctx) =>
        fraudConsumer.handle(
          ctx,
          ids.map((id, i): OutboxEvent => ({ id: i + 1, type: 'wallet.transferred', subjectId: id, settlementId: null, createdAt: new Date() })),
        ),
      );
    const fanOut = async (m: Member) => (await signals({ memberId: m.id, rule: 'F8' })).filter((s) => JSON.parse(s.evidence).check === 'giver-fan-out');

    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await t.member({ birthDate: `19${62 + i}-05-05`, scheme: 'RESIDENT' });
      ids.push(await insert(sender, r, i % 2 ? 'SIBLING' : 'MATERNAL_GRANDPARENT'));
      await handle([ids[i]]);
      if (i < 5) expect(await fanOut(sender)).toHaveLength(0);
    }
    const [sig] = await fanOut(sender);
    expect(JSON.parse(sig.evidence)).toMatchObject({ beneficiaries: 6, outsideHousehold: 6, walletSentFen: 60_000, amountFen: 60_000, settlementIds: [], walletTransferIds: ids });
    expect(sig.summary).toContain('6 笔医保钱包转账');
    const count = () => t.run((ctx) => ctx.em.count(FraudSignal, { where: { memberId: sender.id } }));
    const once = await count();
    await handle(ids);
    expect(await count()).toBe(once);
    expect(JSON.parse((await fanOut(sender))[0].evidence).walletTransferIds).toEqual(ids);

    // spouse, two parents, four children: a household, not fan-out
    const household: number[] = [];
    for (const [rel, year] of [['SPOUSE', 1961], ['PARENT', 1935], ['PARENT', 1936], ['CHILD', 1985], ['CHILD', 1987], ['CHILD', 1989], ['CHILD', 1991]] as const) {
      const r = await t.member({ birthDate: `${year}-05-05`, scheme: 'RESIDENT' });
      household.push(await insert(family, r, rel));
    }
    await handle(household);
    expect(await fanOut(family)).toHaveLength(0);
  });
});
