/** The data provider's custom methods for the review desk, policy map, statements and dashboard. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewProofDocument } from './commands';
import { dataProvider } from './dataProvider';
import { saveSession } from './session';
import { memoryStorage, mockGraphQL, squash } from './testing';

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
  saveSession({ token: 'tok-123', expiresAt: null });
});

describe('custom data-provider methods', () => {
  it('accountStatement asks one page, newest first, and caps perPage', async () => {
    const calls = mockGraphQL(() => ({ data: { page: { items: [{ id: 9, amountFen: 1234, direction: 'DEBIT' }], total: 31 } } }));
    const r = await dataProvider.accountStatement('12', 2, 5000);
    expect(calls[0].variables).toEqual({ memberId: 12, page: 2, perPage: 200 });
    expect(squash(calls[0].query)).toContain(squash('accountStatement(memberId: $memberId, page: $page, perPage: $perPage, from: $from, to: $to, sortField: "id", sortOrder: DESC)'));
    expect(r).toEqual({ data: [{ id: 9, amountFen: 1234, direction: 'DEBIT' }], total: 31 });
  });

  it('accountStatement sends the Beijing days of the date filter as they are, only when set', async () => {
    const calls = mockGraphQL(() => ({ data: { page: { items: [], total: 0 } } }));
    await dataProvider.accountStatement(12, 1, 10, { from: '2026-01-01', to: '' });
    expect(calls[0].variables).toEqual({ memberId: 12, page: 1, perPage: 10, from: '2026-01-01' });
  });

  it('crossProvinceMap sends a date only when given', async () => {
    const calls = mockGraphQL(() => ({ data: { rows: [{ provinceCode: '44', crossProvinceSharing: true }] } }));
    expect(await dataProvider.crossProvinceMap()).toEqual([{ provinceCode: '44', crossProvinceSharing: true }]);
    await dataProvider.crossProvinceMap('2026-01-01');
    expect(calls.map((c) => c.variables)).toEqual([{}, { date: '2026-01-01' }]);
  });

  it('policyHistory returns records with their rules; policyDiff sends numeric ids', async () => {
    const calls = mockGraphQL((req) =>
      req.query.includes('policyHistory') ? { data: { rows: [{ id: 3, version: 1, rules: { crossProvinceSharing: false } }] } } : { data: { rows: [{ path: 'crossProvinceSharing', before: 'false', after: 'true' }] } },
    );
    expect(await dataProvider.policyHistory('44')).toEqual([{ id: 3, version: 1, rules: { crossProvinceSharing: false } }]);
    expect(calls[0].query).toContain('rules {');
    expect(await dataProvider.policyDiff('3', 7)).toEqual([{ path: 'crossProvinceSharing', before: 'false', after: 'true' }]);
    expect(calls[1].variables).toEqual({ fromId: 3, toId: 7 });
  });

  it('setCrossProvinceSharing runs the mutation and unwraps a RuleViolation', async () => {
    const calls = mockGraphQL(() => ({ data: { result: { __typename: 'PolicyVersion', id: 8, version: 4, effectiveFrom: '2026-12-01' } } }));
    expect(await dataProvider.setCrossProvinceSharing('44', true, '2026-12-01', '')).toEqual({ id: 8, version: 4, effectiveFrom: '2026-12-01' });
    expect(calls[0].variables).toEqual({ provinceCode: '44', enabled: true, effectiveFrom: '2026-12-01', note: null });
    expect(squash(calls[0].query)).toContain(squash('setCrossProvinceSharing(provinceCode: $provinceCode, enabled: $enabled, effectiveFrom: $effectiveFrom, note: $note)'));
    mockGraphQL(() => ({ data: { result: { __typename: 'RuleViolation', rule: 'A1', code: 'OUT_OF_SCOPE', message: '不在管辖范围内' } } }));
    await expect(dataProvider.setCrossProvinceSharing('11', true)).rejects.toMatchObject({ status: 400, body: { rule: 'A1' } });
  });

  it('dashboardStats asks six months by default', async () => {
    const calls = mockGraphQL(() => ({ data: { stats: { fromMonth: '2026-06', toMonth: '2026-11', mutualAidByMonth: [], mutualAidByProvince: [], queues: [], today: { count: 0 } } } }));
    const s = await dataProvider.dashboardStats();
    expect(calls[0].variables).toEqual({ months: 6 });
    expect(s.toMonth).toBe('2026-11');
  });

  it('command sends a proof decision with its reason', async () => {
    const calls = mockGraphQL(() => ({ data: { result: { __typename: 'RelationshipProof', id: 5, reviewState: 'REJECTED' } } }));
    await dataProvider.command('proofs', ReviewProofDocument, { id: 5, decision: 'REJECT', reason: '不清晰' });
    expect(calls[0].variables).toEqual({ id: 5, decision: 'REJECT', reason: '不清晰' });
    expect(squash(calls[0].query)).toContain(squash('mutation Admin_reviewProof($decision: ReviewDecision!, $id: Int!, $reason: String)'));
  });
});
