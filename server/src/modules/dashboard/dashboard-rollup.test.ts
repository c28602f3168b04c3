import { randomUUID } from 'node:crypto';
import { provinceOf } from '@gongji/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../core/context';
import { insertBinding } from '../../testing/fixtures';
import { startTestServer, type TestServer } from '../../testing/harness';
import { Settlement } from '../settlement/settlement.entity';
import { MEASURE_COLUMNS, MEASURES, rebuildRollups, rollupConsumer } from './dashboard-rollup.consumer';
import { pendingEvents } from './dashboard-rollup.testing';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const SETTLE = `mutation($input: SettleInput!) { settle(input: $input) { __typename ... on Settlement { id } ... on RuleViolation { rule code message } } }`;
const REVERSE = `mutation($input: ReverseInput!) { reverseSettlement(input: $input) { __typename ... on SettlementReversal { id } ... on RuleViolation { rule code message } } }`;
const STATS = `query { dashboardStats(months: 2) { mutualAidByMonth { month category amountFen amountFenExact count }
  today { count totalFen mulaidPayFen exact { totalFen mulaidPayFen selfPayFen } } } }`;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** The three rollup tables, every measure as an exact string, in key order. */
async function snapshot(ctx: RequestContext) {
  const measures = MEASURES.map((m) => `CAST(${MEASURE_COLUMNS[m]} AS CHAR) AS ${MEASURE_COLUMNS[m]}`).join(', ');
  const day = await ctx.em.query(`SELECT day, patient_region, place_region, category, patient_province, place_province, ${measures} FROM settlement_rollup_day ORDER BY day, patient_region, place_region, category`);
  const month = await ctx.em.query(`SELECT month, patient_province, place_province, category, ${measures} FROM settlement_rollup_month ORDER BY month, patient_province, place_province, category`);
  const regionMonth = await ctx.em.query(
    `SELECT month, patient_region, place_region, category, patient_province, place_province, ${measures} FROM settlement_rollup_region_month ORDER BY month, patient_region, place_region, category`,
  );
  return { day, month, regionMonth };
}

describe('dashboard rollups (outbox consumer)', () => {
  it('issue 10 / S9: incremental rollups equal a full recomputation after random settlements and reversals, in random batches', async () => {
    const r = rng(2026);
    const sites = [
      { token: await t.institutionToken('H44030300001'), region: '440300' },
      { token: await t.institutionToken('P44030300002'), region: '440300' },
      { token: await t.institutionToken('H11000000001'), region: '110000' },
    ];
    const families = [];
    for (const region of ['440300', '110000', '440300']) {
      const parent = await t.member({ birthDate: '1950-03-01', openingBalanceFen: 2_000, insuredRegion: region });
      const child = await t.member({ birthDate: '1979-05-01', openingBalanceFen: 5_000_000, insuredRegion: region });
      await insertBinding(t, child, parent, { relationship: 'PARENT' });
      families.push({ parent, child });
    }
    const settled: Array<{ site: (typeof sites)[number]; serialNo: string; selfPayFen: number; left: number }> = [];
    for (let i = 0; i < 36; i++) {
      const site = sites[Math.floor(r() * sites.length)];
      const f = families[Math.floor(r() * families.length)];
      const patient = r() < 0.7 ? f.parent : f.child;
      const selfPayFen = 100 + Math.floor(r() * 20_000);
      const serialNo = `RU${randomUUID().slice(0, 16)}`;
      const res = await t.ok(
        SETTLE,
        {
          input: {
            serialNo,
            patientIdNumber: patient.idNumber,
            credentialType: 'T02',
            credentialNo: patient.idNumber,
            category: ['OUTPATIENT', 'PHARMACY', 'INPATIENT'][Math.floor(r() * 3)],
            totalFen: selfPayFen + 500,
            poolFen: 500,
            selfPayFen,
            placeRegion: site.region,
            // Spread over two Beijing days and two months.
            treatedAt: new Date(Date.now() - Math.floor(r() * 40) * 86_400_000 - 60_000).toISOString(),
            acctUsedFlag: true,
          },
        },
        site.token,
      );
      if (res.settle.__typename !== 'Settlement') continue;
      settled.push({ site, serialNo, selfPayFen, left: selfPayFen });
      // Now and then a partial or full reversal of an earlier settlement.
      if (r() < 0.45) {
        const target = settled[Math.floor(r() * settled.length)];
        if (target.left > 0) {
          const amountFen = r() < 0.3 ? target.left : 1 + Math.floor(r() * target.left);
          const rev = await t.ok(REVERSE, { input: { serialNo: `RV${randomUUID().slice(0, 16)}`, originalSerialNo: target.serialNo, amountFen } }, target.site.token);
          expect(rev.reverseSettlement.__typename).toBe('SettlementReversal');
          target.left -= amountFen;
        }
      }
      // The outbox worker hands the rollup consumer whatever has committed (the harness drains after each mutation).
    }
    await t.drainOutbox();
    expect(settled.length).toBeGreaterThan(25);

    const incremental = await t.run(snapshot);
    expect(incremental.day.length).toBeGreaterThan(3);
    // The run did exercise reversals that took money back to mutual-aid givers.
    expect(incremental.day.some((d: Record<string, string>) => BigInt(d.mulaid_reversed_fen) > 0n)).toBe(true);
    await t.run((ctx) => rebuildRollups(ctx));
    const rebuilt = await t.run(snapshot);
    expect(incremental).toEqual(rebuilt);
    // And the figures themselves: the settlement table summed directly.
    const direct = await t.run(async (ctx) => (await ctx.em.query('SELECT CAST(SUM(self_pay_fen) AS CHAR) AS self, CAST(SUM(reversed_fen) AS CHAR) AS rev, COUNT(*) AS n FROM settlement'))[0]);
    const rolled = await t.run(async (ctx) => (await ctx.em.query('SELECT CAST(SUM(self_pay_fen) AS CHAR) AS self, CAST(SUM(reversed_fen) AS CHAR) AS rev, SUM(settlements) AS n FROM settlement_rollup_month'))[0]);
    expect([String(rolled.self), String(rolled.rev), Number(rolled.n)]).toEqual([String(direct.self), String(direct.rev), Number(direct.n)]);
    // The pooling-region months (what region staff read) sum to the same, and split by region pair.
    const byRegion = await t.run(async (ctx) => (await ctx.em.query('SELECT CAST(SUM(self_pay_fen) AS CHAR) AS self, CAST(SUM(reversed_fen) AS CHAR) AS rev, SUM(settlements) AS n FROM settlement_rollup_region_month'))[0]);
    expect([String(byRegion.self), String(byRegion.rev), Number(byRegion.n)]).toEqual([String(direct.self), String(direct.rev), Number(direct.n)]);
    expect(new Set(incremental.regionMonth.map((r: Record<string, string>) => `${r.patient_region}>${r.place_region}`)).size).toBeGreaterThan(1);
  }, 120_000);

  it('ignores event types it does not handle, and an empty batch', async () => {
    const before = await t.run(snapshot);
    await t.run((ctx) => rollupConsumer.handle(ctx, []));
    await t.run((ctx) => rollupConsumer.handle(ctx, [{ id: 1, type: 'member.moved' as never, subjectId: 1, settlementId: null, createdAt: new Date() }]));
    expect(await t.run(snapshot)).toEqual(before);
  });

  it('S15: a 2^53−1 fen settlement and more sum exactly, and the dashboard still answers', async () => {
    const max = Number.MAX_SAFE_INTEGER;
    const token = await t.staffToken('auditor');
    const before = (await t.ok(STATS, {}, token)).dashboardStats;
    await t.run(async (ctx) => {
      await pendingEvents(ctx); // mark what is already stored (the worker has handled it) as seen
      const inst = (await ctx.em.query("SELECT id FROM institution WHERE code = 'H44030300001'"))[0].id as number;
      const base = {
        institutionId: inst,
        requestHash: 'x',
        patientId: 1,
        credentialType: '02',
        credentialNoMasked: '***',
        category: 'INPATIENT' as const,
        poolFen: 0,
        acctPayFen: 0,
        cashFen: 0,
        placeRegion: '440300',
        placeProvince: provinceOf('440300'),
        patientRegion: '440300',
        patientProvince: '44',
        treatedAt: new Date(ctx.now.getTime() - 1000),
        acctUsedFlag: true,
        offsite: false,
        status: 'SETTLED' as const,
        policyVersions: [],
        drugCodes: [],
      };
      await ctx.em.insert(Settlement, [
        { ...base, serialNo: 'BIG1', totalFen: max, selfPayFen: max, mulaidPayFen: max },
        { ...base, serialNo: 'BIG2', totalFen: max, selfPayFen: max, mulaidPayFen: max },
      ]);
      const events = await pendingEvents(ctx);
      expect(events.map((e) => e.type)).toEqual(['settlement.settled', 'settlement.settled']);
      await rollupConsumer.handle(ctx, events);
    });
    const after = (await t.ok(STATS, {}, token)).dashboardStats;
    const twice = 2n * BigInt(max);
    expect(BigInt(after.today.exact.mulaidPayFen) - BigInt(before.today.exact.mulaidPayFen)).toBe(twice);
    expect(BigInt(after.today.exact.totalFen) - BigInt(before.today.exact.totalFen)).toBe(twice);
    expect(after.today.count - before.today.count).toBe(2);
    const inpatient = (rows: Array<{ category: string; amountFenExact: string }>) => rows.filter((m) => m.category === 'INPATIENT').reduce((a, m) => a + BigInt(m.amountFenExact), 0n);
    expect(inpatient(after.mutualAidByMonth) - inpatient(before.mutualAidByMonth)).toBe(twice);
    expect(after.mutualAidByMonth.every((m: { amountFen: number }) => Number.isFinite(m.amountFen))).toBe(true);
    // A recomputation agrees to the last fen.
    const rebuilt = await t.run(async (ctx) => {
      const before = await snapshot(ctx);
      await rebuildRollups(ctx);
      return { before, after: await snapshot(ctx) };
    });
    expect(rebuilt.before).toEqual(rebuilt.after);
  });
});
