import { provinceOf } from '@gongji/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness';
import { Settlement } from '../modules/settlement/settlement.entity';
import { SETTLEMENT_LIST } from '../modules/settlement/settlement-query.service';
import type { RequestContext } from './context';
import { iterateList, runList } from './list-query';
import { ListArgs } from './pagination';
import type { StaffPrincipal } from './principal';

let t: TestServer;
const REGIONS = ['440300', '440100', '110000', '310000'];
let rows: Settlement[] = [];

/** A small deterministic PRNG so a failure replays. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

beforeAll(async () => {
  t = await startTestServer();
  const r = rng(10);
  const base = Date.UTC(2026, 0, 1);
  const inst = await t.run(async (ctx) => (await ctx.em.query('SELECT id FROM institution ORDER BY id LIMIT 1'))[0].id as number);
  const values: Partial<Settlement>[] = [];
  for (let i = 0; i < 120; i++) {
    const patientRegion = REGIONS[Math.floor(r() * 4)];
    const placeRegion = r() < 0.6 ? patientRegion : REGIONS[Math.floor(r() * 4)];
    values.push({
      institutionId: inst,
      serialNo: `LQ${i}`,
      requestHash: 'x',
      patientId: 1 + (i % 7),
      credentialType: '02',
      credentialNoMasked: '***',
      category: i % 3 ? 'OUTPATIENT' : 'PHARMACY',
      totalFen: 100 + i,
      poolFen: 0,
      selfPayFen: 100 + i,
      placeRegion,
      placeProvince: provinceOf(placeRegion),
      patientRegion,
      patientProvince: provinceOf(patientRegion),
      // Many ties on treatedAt, so the id tie-break decides.
      treatedAt: new Date(base + Math.floor(r() * 20) * 60_000),
      acctUsedFlag: true,
      offsite: placeRegion !== patientRegion,
      status: 'SETTLED',
      policyVersions: [],
      drugCodes: [],
    });
  }
  await t.run(async (ctx) => {
    for (let i = 0; i < values.length; i += 40) await ctx.em.insert(Settlement, values.slice(i, i + 40));
  });
  rows = await t.run((ctx) => ctx.em.find(Settlement, { where: {}, order: { id: 'ASC' } }));
  rows = rows.filter((s) => s.serialNo.startsWith('LQ'));
});
afterAll(async () => {
  await t?.close();
});

function asStaff(ctx: RequestContext, scope: string | null): RequestContext {
  const p: StaffPrincipal = { kind: 'staff', id: 1, username: 'x', displayName: 'x', roles: ['CASEWORKER'], permissions: [], scope };
  ctx.principal = p;
  return ctx;
}

function args(o: Partial<ListArgs>): ListArgs {
  return Object.assign(new ListArgs(), o);
}

const inScope = (scope: string | null, code: string) => !scope || (scope.length === 2 ? provinceOf(code) === scope : code === scope);

/** What a page must contain: the rows in scope and filter, sorted by (treatedAt, id) in one direction. */
function expected(scope: string | null, region: string | undefined, order: 'ASC' | 'DESC', by: 'treatedAt' | 'id' | 'selfPayFen' = 'treatedAt') {
  const d = order === 'DESC' ? -1 : 1;
  return rows
    .filter((s) => s.serialNo.startsWith('LQ'))
    .filter((s) => inScope(scope, s.patientRegion) || inScope(scope, s.placeRegion))
    .filter((s) => !region || inScope(region, s.patientRegion) || inScope(region, s.placeRegion))
    .sort((a, b) => (by === 'id' ? 0 : by === 'selfPayFen' ? d * (a.selfPayFen - b.selfPayFen) : d * (a.treatedAt.getTime() - b.treatedAt.getTime())) || d * (Number(a.id) - Number(b.id)))
    .map((s) => Number(s.id));
}

describe('list-query builder', () => {
  for (const [scope, region] of [
    [null, undefined],
    ['44', undefined],
    ['440300', undefined],
    [null, '440300'],
    ['44', '110000'],
    ['44', '440100'],
  ] as Array<[string | null, string | undefined]>) {
    it(`A1: scope ${scope ?? 'national'}, region ${region ?? '-'}: keyset pages and numbered pages list the same rows, in order, once`, async () => {
      // The settlement list plus an amount sort (a non-time column with ties), which the builder must page
      // as well as any; the API does not offer it on settlements (no index orders 10M rows by an amount).
      const spec = { ...SETTLEMENT_LIST, sortable: { ...SETTLEMENT_LIST.sortable, selfPayFen: { column: 's.self_pay_fen' } } };
      for (const [by, order] of [['treatedAt', 'DESC'], ['treatedAt', 'ASC'], ['id', 'DESC'], ['selfPayFen', 'DESC']] as const) {
        const want = expected(scope, region, order, by);
        const filter = { region, from: new Date(Date.UTC(2025, 0, 1)) };
        const byCursor: number[] = [];
        let after: string | null = null;
        let guard = 0;
        do {
          const page = await t.run((ctx) => runList(asStaff(ctx, scope), spec, filter, args({ perPage: 7, sortField: by, sortOrder: order, after })));
          byCursor.push(...page.items.map((s) => Number(s.id)));
          // Every column of every row arrives, whichever column sorts (the sort key is selected apart from it).
          for (const s of page.items) {
            const stored = rows.find((x) => Number(x.id) === Number(s.id))!;
            expect({ serialNo: s.serialNo, selfPayFen: s.selfPayFen, totalFen: s.totalFen, treatedAt: s.treatedAt?.getTime(), patientRegion: s.patientRegion }).toEqual({
              serialNo: stored.serialNo,
              selfPayFen: stored.selfPayFen,
              totalFen: stored.totalFen,
              treatedAt: stored.treatedAt.getTime(),
              patientRegion: stored.patientRegion,
            });
          }
          if (!after) expect(page.total).toBe(want.length);
          after = page.nextCursor;
        } while (after && ++guard < 100);
        expect(byCursor).toEqual(want);

        const byNumber: number[] = [];
        for (let p = 1; p <= Math.ceil(want.length / 7); p++) {
          const page = await t.run((ctx) => runList(asStaff(ctx, scope), spec, filter, args({ page: p, perPage: 7, sortField: by, sortOrder: order })));
          expect(page.totalCapped).toBe(false);
          byNumber.push(...page.items.map((s) => Number(s.id)));
        }
        expect(byNumber).toEqual(want);

        const streamed: number[] = [];
        await t.run(async (ctx) => {
          for await (const batch of iterateList(asStaff(ctx, scope), spec, filter, { sortField: by, sortOrder: order }, 9)) streamed.push(...batch.map((s) => Number(s.id)));
        });
        expect(streamed).toEqual(want);
      }
    });
  }

  it('issue 10: sorted by a column named like its property (s.category), page 1, later pages and cursors carry every column and list the rows in order', async () => {
    // Selected bare as the sort key, such a column was taken by TypeORM for the entity's own and left the rows without it.
    const spec = { ...SETTLEMENT_LIST, sortable: { ...SETTLEMENT_LIST.sortable, category: { column: 's.category' } } };
    const filter = { from: new Date(Date.UTC(2025, 0, 1)) };
    const want = rows
      .filter((x) => x.treatedAt >= filter.from)
      .sort((a, b) => (a.category < b.category ? 1 : a.category > b.category ? -1 : Number(b.id) - Number(a.id)))
      .map((x) => Number(x.id));
    const seen: number[] = [];
    let after: string | null = null;
    let guard = 0;
    do {
      const page = await t.run((ctx) => runList(asStaff(ctx, null), spec, filter, args({ perPage: 9, sortField: 'category', sortOrder: 'DESC', after })));
      for (const x of page.items) {
        const stored = rows.find((r) => Number(r.id) === Number(x.id))!;
        expect({ category: x.category, serialNo: x.serialNo, totalFen: x.totalFen }).toEqual({ category: stored.category, serialNo: stored.serialNo, totalFen: stored.totalFen });
      }
      seen.push(...page.items.map((x) => Number(x.id)));
      after = page.nextCursor;
    } while (after && ++guard < 100);
    expect(seen).toEqual(want);
    const page2 = await t.run((ctx) => runList(asStaff(ctx, null), spec, filter, args({ page: 2, perPage: 9, sortField: 'category', sortOrder: 'DESC' })));
    expect(page2.items.map((x) => Number(x.id))).toEqual(want.slice(9, 18));
    expect(page2.items.every((x) => typeof x.category === 'string' && x.category.length > 0)).toBe(true);
  });

  it('counts cheaply: past the cap the total is a lower bound, flagged as capped', async () => {
    const all = expected(null, undefined, 'ASC').length;
    const page = await t.run((ctx) => runList(asStaff(ctx, null), SETTLEMENT_LIST, { from: new Date(Date.UTC(2025, 0, 1)) }, args({ perPage: 5 }), { countCap: 50 }));
    expect(all).toBeGreaterThan(50);
    expect(page.totalCapped).toBe(true);
    expect(page.total).toBe(50);
    const exact = await t.run((ctx) => runList(asStaff(ctx, null), SETTLEMENT_LIST, { from: new Date(Date.UTC(2025, 0, 1)) }, args({ perPage: 5 }), { countCap: 500 }));
    expect(exact).toMatchObject({ total: all, totalCapped: false });
  });

  it('refuses a forged cursor and an unknown sort field as bad input', async () => {
    await expect(t.run((ctx) => runList(asStaff(ctx, null), SETTLEMENT_LIST, {}, args({ after: 'not-a-cursor' })))).rejects.toThrow(/cursor/);
    await expect(t.run((ctx) => runList(asStaff(ctx, null), SETTLEMENT_LIST, {}, args({ sortField: 'requestHash' })))).rejects.toThrow(/sort/);
  });

  it('the shape cache: one page shape answers each parameter value for itself, and rows hydrate to typed entities', async () => {
    // The same shape (memberId given, scope 44) with each patient in turn, interleaved with region codes
    // (a code is part of the shape) and the unscoped caller: every answer is for its own values.
    for (let round = 0; round < 2; round++)
      for (let patientId = 1; patientId <= 7; patientId++) {
        for (const scope of ['44', null]) {
          const want = rows.filter((s) => s.serialNo.startsWith('LQ') && Number(s.patientId) === patientId && (inScope(scope, s.patientRegion) || inScope(scope, s.placeRegion)));
          const page = await t.run((ctx) => runList(asStaff(ctx, scope), SETTLEMENT_LIST, { memberId: patientId, from: new Date(Date.UTC(2025, 0, 1)) }, args({ perPage: 100, sortField: 'id', sortOrder: 'ASC' })));
          expect(page.items.map((s) => Number(s.id))).toEqual(want.map((s) => Number(s.id)).sort((a, b) => a - b));
          expect(page.total).toBe(want.length);
        }
        const region = REGIONS[patientId % REGIONS.length];
        const byRegion = await t.run((ctx) => runList(asStaff(ctx, null), SETTLEMENT_LIST, { region, from: new Date(Date.UTC(2025, 0, 1)) }, args({ perPage: 5 })));
        expect(byRegion.total).toBe(expected(null, region, 'ASC').length);
      }
    const [first] = (await t.run((ctx) => runList(asStaff(ctx, null), SETTLEMENT_LIST, { from: new Date(Date.UTC(2025, 0, 1)) }, args({ perPage: 1, sortField: 'id', sortOrder: 'ASC' })))).items;
    const stored = rows.filter((s) => s.serialNo.startsWith('LQ')).sort((a, b) => Number(a.id) - Number(b.id))[0];
    expect(first).toBeInstanceOf(Settlement);
    expect(first.treatedAt).toBeInstanceOf(Date);
    expect(first.treatedAt.getTime()).toBe(stored.treatedAt.getTime());
    expect([typeof first.id, typeof first.totalFen, first.totalFen, first.serialNo]).toEqual(['number', 'number', stored.totalFen, stored.serialNo]);
  });

  it('A1: a caller who is neither staff nor system lists nothing', async () => {
    const page = await t.run((ctx) => {
      ctx.principal = null;
      return runList(ctx, SETTLEMENT_LIST, {}, args({}));
    });
    expect(page).toMatchObject({ items: [], total: 0 });
  });
});
