import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBinding } from '../../testing/fixtures';
import { startTestServer, type TestServer } from '../../testing/harness';
import { RelationshipProof } from '../proof/proof.entity';
import { copiedFromBinding } from '../proof/proof.service';
import { rebuildRollups } from './dashboard-rollup.consumer';
import { beijingMonths } from './dashboard.service';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const STATS = `query($months: Int) { dashboardStats(months: $months) {
  fromMonth toMonth
  mutualAidByMonth { month category amountFen count }
  mutualAidByProvince { provinceCode amountFen count }
  queues { queue total oldestAt under1Day days1to3 days3to7 days7to30 over30Days }
  today { date count mutualAidCount totalFen selfPayFen acctPayFen mulaidPayFen cashFen } } }`;

const SETTLE = `mutation($input: SettleInput!) { settle(input: $input) { __typename ... on Settlement { id mulaidPayFen } ... on RuleViolation { rule code message } } }`;
const REVERSE = `mutation($input: ReverseInput!) { reverseSettlement(input: $input) { __typename ... on SettlementReversal { id } ... on RuleViolation { rule code message } } }`;

async function settle(token: string, patient: { idNumber: string }, selfPayFen: number, placeRegion: string, category = 'OUTPATIENT') {
  const serialNo = `D${randomUUID().slice(0, 18)}`;
  const r = await t.ok(
    SETTLE,
    {
      input: {
        serialNo,
        patientIdNumber: patient.idNumber,
        credentialType: 'T02',
        credentialNo: patient.idNumber,
        category,
        totalFen: selfPayFen,
        poolFen: 0,
        selfPayFen,
        placeRegion,
        // Just now, so it counts as today (Beijing time) whenever the test runs.
        treatedAt: new Date(Date.now() - 1_000).toISOString(),
        acctUsedFlag: true,
      },
    },
    token,
  );
  expect(r.settle.__typename).toBe('Settlement');
  return { ...r.settle, serialNo };
}

const stats = async (user: string, months = 3) => (await t.ok(STATS, { months }, await t.staffToken(user))).dashboardStats;
const sum = (rows: Array<{ amountFen: number }>) => rows.reduce((a, r) => a + r.amountFen, 0);

describe('dashboard aggregates', () => {
  let expected44 = 0;
  let expected11 = 0;

  beforeAll(async () => {
    const sz = await t.institutionToken('H44030300001');
    const bj = await t.institutionToken('H11000000001');
    // 深圳: a parent with 10.00 of their own, paid for by a child (mutual aid 390.00 and 50.00).
    const parent = await t.member({ birthDate: '1950-01-01', openingBalanceFen: 1_000, insuredRegion: '440300' });
    const child = await t.member({ birthDate: '1978-01-01', openingBalanceFen: 100_000, insuredRegion: '440300' });
    await insertBinding(t, child, parent, { relationship: 'PARENT' });
    const s1 = await settle(sz, parent, 40_000, '440300');
    const s2 = await settle(sz, parent, 5_000, '440300', 'PHARMACY');
    expect(s1.mulaidPayFen).toBe(39_000);
    expect(s2.mulaidPayFen).toBe(5_000);
    expected44 = 44_000;
    // 北京: the same, 200.00 of which 100.00 is later reversed (S9: net of reversals).
    const bParent = await t.member({ birthDate: '1952-01-01', openingBalanceFen: 0, insuredRegion: '110000' });
    const bChild = await t.member({ birthDate: '1980-01-01', openingBalanceFen: 100_000, insuredRegion: '110000' });
    await insertBinding(t, bChild, bParent, { relationship: 'PARENT' });
    const s3 = await settle(bj, bParent, 20_000, '110000');
    const rev = await t.ok(REVERSE, { input: { serialNo: `R${randomUUID().slice(0, 18)}`, originalSerialNo: s3.serialNo, amountFen: 10_000 } }, bj);
    expect(rev.reverseSettlement.__typename).toBe('SettlementReversal');
    expected11 = 10_000;
    // A pending binding in 深圳 with a proof waiting 10 days, and one in 北京.
    const m1 = await t.member({ birthDate: '1985-01-01', insuredRegion: '440300' });
    const m2 = await t.member({ birthDate: '1986-01-01', insuredRegion: '440300' });
    const pending = await insertBinding(t, m1, m2, { relationship: 'SPOUSE', state: 'PENDING' });
    const m3 = await t.member({ birthDate: '1985-01-01', insuredRegion: '110000' });
    const m4 = await t.member({ birthDate: '1986-01-01', insuredRegion: '110000' });
    await insertBinding(t, m3, m4, { relationship: 'SPOUSE', state: 'PENDING' });
    await t.run(async (ctx) => {
      await ctx.em.insert(RelationshipProof, {
        bindingId: pending.id,
        ...copiedFromBinding(pending),
        docType: 'MARRIAGE_CERTIFICATE',
        fileKey: 'test/none',
        fileName: 'm.png',
        mimeType: 'image/png',
        sizeBytes: 1,
        sha256: '0'.repeat(64),
        reviewState: 'PENDING',
        reviewerId: null,
        reviewerName: null,
        reviewedAt: null,
        reviewReason: null,
        uploadedByMemberId: m1.id,
        createdAt: new Date(Date.now() - 10 * 86_400_000),
      } as Partial<RelationshipProof>);
    });
    // Rows above were written directly, not through the outbox: recompute the rollups (and move the consumer's cursor past them).
    await t.run((ctx) => rebuildRollups(ctx));
  });

  it('sums mutual-aid payments by month, category and province, net of reversals', async () => {
    const s = await stats('auditor');
    const months = beijingMonths(new Date(), 3).map((m) => m.label);
    expect([s.fromMonth, s.toMonth]).toEqual([months[0], months[2]]);
    const current = s.mutualAidByMonth.filter((r: { month: string }) => r.month === months[2]);
    expect(current).toEqual(
      expect.arrayContaining([
        { month: months[2], category: 'OUTPATIENT', amountFen: 39_000 + expected11, count: 2 },
        { month: months[2], category: 'PHARMACY', amountFen: 5_000, count: 1 },
      ]),
    );
    const byProvince = Object.fromEntries(s.mutualAidByProvince.map((r: { provinceCode: string; amountFen: number }) => [r.provinceCode, r.amountFen]));
    expect(byProvince).toEqual({ '44': expected44, '11': expected11 });
    expect(s.mutualAidByProvince[0].provinceCode).toBe('44');
  });

  it("counts today's settlements and their split", async () => {
    const { today } = await stats('caseworker');
    expect(today.count).toBe(3);
    expect(today.mutualAidCount).toBe(3);
    expect(today.selfPayFen).toBe(65_000);
    expect(today.acctPayFen + today.mulaidPayFen + today.cashFen).toBe(today.selfPayFen);
    expect(today.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('ages the review queues', async () => {
    const { queues } = await stats('caseworker');
    const proofs = queues.find((q: { queue: string }) => q.queue === 'PROOFS');
    const bindings = queues.find((q: { queue: string }) => q.queue === 'BINDINGS');
    expect(proofs).toMatchObject({ total: 1, days7to30: 1, under1Day: 0 });
    expect(Date.now() - new Date(proofs.oldestAt).getTime()).toBeGreaterThan(9 * 86_400_000);
    expect(bindings).toMatchObject({ total: 2, under1Day: 2 });
  });

  it('A1: a province-scoped user sees only figures of their province', async () => {
    const s = await stats('auditor_44');
    expect(s.mutualAidByProvince.map((r: { provinceCode: string }) => r.provinceCode)).toEqual(['44']);
    expect(sum(s.mutualAidByMonth)).toBe(expected44);
    expect(s.today.count).toBe(2);
    expect(s.queues.find((q: { queue: string }) => q.queue === 'BINDINGS').total).toBe(1);
    // A pooling-region scope reads the day rollup (patient or place in the region).
    const sz = await stats('auditor_440300');
    expect(sum(sz.mutualAidByMonth)).toBe(expected44);
    expect(sz.mutualAidByProvince.map((r: { provinceCode: string }) => r.provinceCode)).toEqual(['44']);
    expect(sz.today.count).toBe(2);
    // Both parties of the pending 深圳 binding (and of its proof) are in 440300: one branch per party
    // region, each counted once.
    const szQueue = (q: string) => sz.queues.find((x: { queue: string }) => x.queue === q);
    expect(szQueue('BINDINGS')).toMatchObject({ total: 1, under1Day: 1 });
    expect(szQueue('PROOFS')).toMatchObject({ total: 1, days7to30: 1 });
    expect(Date.now() - new Date(szQueue('PROOFS').oldestAt).getTime()).toBeGreaterThan(9 * 86_400_000);
    const bj = await stats('regional_admin_11');
    expect(sum(bj.mutualAidByMonth)).toBe(expected11);
    expect(bj.queues.find((q: { queue: string }) => q.queue === 'PROOFS').total).toBe(0);
  });

  it('A1: only staff may ask, and months must be 1–24', async () => {
    const inst = await t.gql(STATS, { months: 3 }, await t.institutionToken('H44030300001'));
    expect(inst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anon = await t.gql(STATS, { months: 3 }, null);
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await t.gql(STATS, { months: 0 }, await t.staffToken('auditor'));
    expect(bad.errors?.length).toBeGreaterThan(0);
  });

  it('buckets months in Beijing time', () => {
    // 2025-01-31 17:00 UTC is already 1 February in Beijing.
    const m = beijingMonths(new Date('2025-01-31T17:00:00Z'), 2);
    expect(m.map((x) => x.label)).toEqual(['2025-01', '2025-02']);
    expect(m[1].start.toISOString()).toBe('2025-01-31T16:00:00.000Z');
    expect(m[0].end.toISOString()).toBe(m[1].start.toISOString());
  });
});
