/** S11: the staff statement's date filter (Beijing calendar days, both ends inclusive). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../core/context';
import { startTestServer, type TestServer } from '../../testing/harness';
import { beijingDayStart, statementRange } from './statement-range';

describe('S11: statement date range', () => {
  it('S11: a Beijing day starts at 16:00 UTC the day before; `to` is inclusive', () => {
    expect(beijingDayStart('2026-03-01')?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(statementRange('2026-03-01', '2026-03-31')).toEqual({ from: new Date('2026-02-28T16:00:00Z'), to: new Date('2026-03-31T16:00:00Z') });
    expect(beijingDayStart('2026-02-30')).toBeNull();
    expect(() => statementRange('2026/03/01', null)).toThrow(/YYYY-MM-DD/);
    expect(() => statementRange('2026-03-02', '2026-03-01')).toThrow(/from is after to/);
  });
});

describe('S11: accountStatement(from, to)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t?.close();
  });
  const Q = `query($m: Int!, $from: String, $to: String) { accountStatement(memberId: $m, from: $from, to: $to) { total items { cause amountFen } } }`;
  const day = (offset: number) => beijingDate(new Date(Date.now() + offset * 86_400_000));

  it('S11: only entries made on the chosen Beijing days are listed; a bad range is refused without echoing it (A5)', async () => {
    const m = await t.member({ insuredRegion: '440300', birthDate: '1965-01-01', openingBalanceFen: 12_000 });
    const cw = await t.staffToken('caseworker_44');
    const all = (await t.ok(Q, { m: m.id }, cw)).accountStatement;
    expect(all.total).toBeGreaterThan(0);
    expect((await t.ok(Q, { m: m.id, from: day(0), to: day(0) }, cw)).accountStatement.total).toBe(all.total);
    expect((await t.ok(Q, { m: m.id, to: day(-1) }, cw)).accountStatement).toEqual({ total: 0, items: [] });
    expect((await t.ok(Q, { m: m.id, from: day(1) }, cw)).accountStatement.total).toBe(0);
    const bad = await t.gql(Q, { m: m.id, from: '20260301<x>' }, cw);
    expect(bad.errors?.[0].extensions).toMatchObject({ rule: 'INPUT', ruleCode: 'BAD_DATE', field: 'from' });
    expect(bad.errors?.[0].message).not.toContain('<x>');
    expect((await t.gql(Q, { m: m.id, from: day(0), to: day(-1) }, cw)).errors?.[0].extensions).toMatchObject({ ruleCode: 'BAD_DATE_RANGE' });
    expect((await t.gql(Q, { m: m.id }, await t.staffToken('caseworker_11'))).errors?.[0].extensions).toMatchObject({ rule: 'NOT_FOUND' });
  });
});
