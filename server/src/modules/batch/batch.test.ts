import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { accountOfMember, insertBinding } from '../../testing/fixtures';
import { LedgerEntry } from '../account/account.entity';
import { PolicyVersion } from '../policy/policy.entity';
import { policyInForce } from '../policy/policy-lookup';
import { runMonthlyCredit } from './monthly-credit.service';
import { runResidentPremium } from './resident-premium.service';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

describe('S13 monthly account credits', () => {
  it('S13: in-service members get base × permille, retirees the policy’s fixed amount; a second run credits nobody again', async () => {
    const worker = await t.member({ insuredRegion: '440300', contributionBaseFen: 1_000_000, openingBalanceFen: 0 });
    const retiree = await t.member({ insuredRegion: '450100', retired: true, birthDate: '1950-01-01', openingBalanceFen: 0 });
    const resident = await t.member({ insuredRegion: '450100', scheme: 'RESIDENT' });
    const progress: number[] = [];
    const first = await runMonthlyCredit(t.deps, '2026-10', (p) => progress.push(p.done), 1);
    expect(first.alreadyCompleted).toBe(false);
    expect(progress.length).toBeGreaterThan(1);
    expect((await accountOfMember(t, worker)).balanceFen).toBe(20_000); // 10,000 yuan × 20‰
    const gx = await t.run((ctx) => policyInForce(ctx.em, '45', '2026-10-01'));
    expect((await accountOfMember(t, retiree)).balanceFen).toBe(gx.rules.retireeMonthlyCreditFen);
    const again = await runMonthlyCredit(t.deps, '2026-10');
    expect(again.alreadyCompleted).toBe(true);
    expect((await accountOfMember(t, worker)).balanceFen).toBe(20_000);
    const entries = await t.run((ctx) => ctx.em.countBy(LedgerEntry, { batchId: 'monthly-credit:2026-10' }));
    expect(entries).toBe(first.applied);
    void resident;
  });

  it('S13: a future or malformed period is refused', async () => {
    await expect(runMonthlyCredit(t.deps, '2099-01')).rejects.toMatchObject({ code: 'FUTURE_PERIOD' });
    await expect(runMonthlyCredit(t.deps, '2026-13')).rejects.toMatchObject({ code: 'BAD_PERIOD' });
  });

  it('S11: a resumed run (the batch row exists but is not completed) skips the accounts it already credited', async () => {
    const m = await t.member({ insuredRegion: '440300', contributionBaseFen: 500_000, openingBalanceFen: 0 });
    await runMonthlyCredit(t.deps, '2026-09');
    await t.run((ctx) => ctx.em.query("UPDATE batch_run SET status = 'RUNNING' WHERE job = 'monthly-credit' AND period = '2026-09'"));
    const resumed = await runMonthlyCredit(t.deps, '2026-09');
    expect(resumed.alreadyCompleted).toBe(false);
    expect((await accountOfMember(t, m)).balanceFen).toBe(10_000);
  });
});

describe('S14 resident premiums', () => {
  const PAY = `mutation($id: Int!) { payResidentPremium(bindingId: $id) { __typename ... on ResidentPremiumPayment { amountFen year via } ... on RuleViolation { rule code } } }`;

  it('S14: the opt-in run pays once per beneficiary per year from the first giver who can; by hand afterwards is refused', async () => {
    const kid = await t.member({ insuredRegion: '450100', scheme: 'RESIDENT', birthDate: '2015-01-01' });
    const broke = await t.member({ insuredRegion: '450100', birthDate: '1985-01-01', openingBalanceFen: 100 });
    const mum = await t.member({ insuredRegion: '450100', birthDate: '1986-01-01', openingBalanceFen: 100_000 });
    const b1 = await insertBinding(t, broke, kid, { priority: 1 });
    const b2 = await insertBinding(t, mum, kid, { priority: 2 });
    for (const [g, b] of [[broke, b1], [mum, b2]] as const)
      expect((await t.ok(`mutation($id: Int!) { setResidentPremiumOptIn(bindingId: $id, enabled: true) { __typename } }`, { id: b.id }, await t.memberToken(g))).setResidentPremiumOptIn.__typename).toBe('Binding');
    const run = await runResidentPremium(t.deps);
    expect(run.applied).toBeGreaterThanOrEqual(1);
    expect((await accountOfMember(t, mum)).balanceFen).toBe(100_000 - 40_000);
    expect((await accountOfMember(t, broke)).balanceFen).toBe(100);
    expect((await runResidentPremium(t.deps)).alreadyCompleted).toBe(true);
    const manual = (await t.ok(PAY, { id: b2.id }, await t.memberToken(mum))).payResidentPremium;
    expect(manual).toMatchObject({ __typename: 'RuleViolation', rule: 'S14', code: 'PREMIUM_ALREADY_PAID' });
    expect((await accountOfMember(t, mum)).balanceFen).toBe(60_000);
  });

  it('S14: outside the province’s collection window a payment is refused; inside it a giver pays by hand', async () => {
    const kid = await t.member({ insuredRegion: '330100', scheme: 'RESIDENT', birthDate: '2016-01-01' });
    const dad = await t.member({ insuredRegion: '330100', birthDate: '1984-01-01', openingBalanceFen: 100_000 });
    const b = await insertBinding(t, dad, kid);
    // Zhejiang closes its window (a new policy version effective today)
    await t.run(async (ctx) => {
      const cur = await policyInForce(ctx.em, '33', new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
      const v = await ctx.em.count(PolicyVersion, { where: { provinceCode: '33' } });
      await ctx.em.insert(PolicyVersion, { provinceCode: '33', version: v + 1, effectiveFrom: cur.effectiveFrom, rules: { ...cur.rules, residentPremiumWindowStart: '01-01', residentPremiumWindowEnd: '01-02' }, note: 'test', createdById: null, createdByName: 'test' });
    });
    const refused = (await t.ok(PAY, { id: b.id }, await t.memberToken(dad))).payResidentPremium;
    expect(refused).toMatchObject({ rule: 'S14', code: 'OUTSIDE_PREMIUM_WINDOW' });
    expect((await accountOfMember(t, dad)).balanceFen).toBe(100_000);
    const gxKid = await t.member({ insuredRegion: '450100', scheme: 'RESIDENT', birthDate: '2016-01-01' });
    const gxDad = await t.member({ insuredRegion: '450100', birthDate: '1984-01-01', openingBalanceFen: 100_000 });
    const gb = await insertBinding(t, gxDad, gxKid);
    expect((await t.ok(PAY, { id: gb.id }, await t.memberToken(gxDad))).payResidentPremium).toMatchObject({ amountFen: 40_000, via: 'MANUAL' });
    expect((await t.ok(PAY, { id: gb.id }, await t.memberToken(gxKid))).payResidentPremium).toMatchObject({ code: 'GIVER_ONLY' });
  });
});
