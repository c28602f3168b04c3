/** The fraud screens' mappings: fraud cases, settlements, case counts and the member risk profile. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfirmFraudCaseDocument, DismissFraudCaseDocument, FlagFraudDocument } from './commands';
import { buildListQuery, buildOneQuery, dataProvider, mergeCaseCounts } from './dataProvider';
import { saveSession } from './session';
import { memoryStorage, mockGraphQL, squash } from './testing';

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
  saveSession({ token: 'tok-123', expiresAt: null });
});

const params = (over: Record<string, unknown> = {}) => ({ pagination: { page: 1, perPage: 25 }, sort: { field: 'score', order: 'DESC' as const }, filter: {}, ...over });

describe('fraudCases', () => {
  it('lists cases with the FraudCaseFilter, numeric filters as numbers, sorted by score', () => {
    const op = buildListQuery('fraudCases', params({ filter: { state: 'OPEN', rule: 'F1', regionCode: '44', minScore: '60', assigneeId: '4', q: 'ignored', subjectType: '' } }));
    expect(squash(String(op.document))).toContain(squash('query Admin_fraudCases($filter: FraudCaseFilter, $page: Int'));
    expect(squash(String(op.document))).toMatch(/fragment FraudCaseFields on FraudCase \{id state score primaryRule rules summary .* assignee \{id displayName\}/);
    expect(String(op.document)).not.toContain('signals');
    expect(op.variables).toEqual({ filter: { state: 'OPEN', rule: 'F1', regionCode: '44', minScore: 60, assigneeId: 4 }, page: 1, perPage: 25, sortField: 'score', sortOrder: 'DESC' });
  });

  it('maps the queue default UNCLOSED to states OPEN and INVESTIGATING', () => {
    expect(buildListQuery('fraudCases', params({ filter: { state: 'UNCLOSED', rule: 'F3' } })).variables.filter).toEqual({ states: ['OPEN', 'INVESTIGATING'], rule: 'F3' });
  });

  it('only sends sort fields the API accepts', () => {
    expect(buildListQuery('fraudCases', params({ sort: { field: 'createdAt', order: 'ASC' } })).variables).toMatchObject({ sortField: 'createdAt', sortOrder: 'ASC' });
    expect(buildListQuery('fraudCases', params({ sort: { field: 'summary', order: 'ASC' } })).variables.sortField).toBeUndefined();
  });

  it('fetches one case with its signals, timeline, sanctions and evidence', () => {
    const op = buildOneQuery('fraudCases', '12');
    expect(op.variables).toEqual({ id: 12 });
    const q = squash(String(op.document));
    expect(q).toContain(squash('query Admin_fraudCase($id: Int!) { record: fraudCase(id: $id) { ...FraudCaseFields'));
    for (const part of ['signals {...FraudSignalFields}', 'notes {id kind text actorName', 'sanctions {id kind memberId bindingId months untilDate', 'settlements {...SettlementFields}', 'bindings {...BindingFields}', 'members {id name idNumber', 'fragment FraudSignalFields on FraudSignal {id rule score summary evidence'])
      expect(q).toContain(part);
  });

  it('getMany fetches case by case (the filter has no ids)', async () => {
    const calls = mockGraphQL((req) => ({ data: { record: { id: req.variables.id, state: 'OPEN' } } }));
    const res = await dataProvider.getMany('fraudCases', { ids: [1, 2] });
    expect(res.data.map((r) => r.id)).toEqual([1, 2]);
    expect(calls).toHaveLength(2);
  });

  it('runs the workflow mutations through command and surfaces RuleViolations (rule F)', async () => {
    const calls = mockGraphQL(() => ({ data: { result: { __typename: 'FraudCase', id: 5, state: 'CONFIRMED' } } }));
    const input = { caseId: 5, reason: '冒名就医属实', suspendMemberMonths: 3, suspendBindingIds: [7], recoverSettlementIds: [11], fineMultiplier: 2 };
    const res = await dataProvider.command('fraudCases', ConfirmFraudCaseDocument, { input });
    expect(res.data).toEqual({ id: 5, state: 'CONFIRMED' });
    expect(squash(calls[0].query)).toContain(squash('mutation Admin_confirmFraudCase($input: ConfirmFraudCaseInput!) { result: confirmFraudCase(input: $input) { __typename ... on FraudCase { ...FraudCaseFields } ...RuleViolationFields } }'));
    expect(calls[0].variables).toEqual({ input });

    mockGraphQL(() => ({ data: { result: { __typename: 'RuleViolation', rule: 'F', code: 'DISMISSAL_REASON_REQUIRED', message: '排除案件须填写理由', field: 'reason' } } }));
    const err = await dataProvider.command('fraudCases', DismissFraudCaseDocument, { id: 5, reason: '' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, message: '排除案件须填写理由（F）', body: { rule: 'F', code: 'DISMISSAL_REASON_REQUIRED' } });
  });

  it('flags a settlement (F9) and gets the case back', async () => {
    const calls = mockGraphQL(() => ({ data: { result: { __typename: 'FraudCase', id: 9, primaryRule: 'F9' } } }));
    const res = await dataProvider.command('fraudCases', FlagFraudDocument, { input: { settlementId: 42, reason: '举报' } });
    expect(res.data.id).toBe(9);
    expect(calls[0].query).toContain('flagFraud(input: $input)');
  });
});

describe('settlements', () => {
  it('lists settlements with institution, category, region, patient and inclusive Beijing dates', () => {
    const op = buildListQuery('settlements', params({ sort: { field: 'treatedAt', order: 'DESC' }, filter: { institutionId: '3', category: 'PHARMACY', region: '440300', memberId: 8, from: '2026-11-01', to: '2026-11-30' } }));
    expect(String(op.document)).toContain('$filter: SettlementFilter');
    expect(squash(String(op.document))).toContain('patient {id name}');
    expect(op.variables).toEqual({
      filter: { category: 'PHARMACY', region: '440300', institutionId: 3, memberId: 8, from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' },
      page: 1,
      perPage: 25,
      sortField: 'treatedAt',
      sortOrder: 'DESC',
    });
  });

  it('asks for one settlement by SafeInt id, with the split, reversals and policy versions (S12)', () => {
    const op = buildOneQuery('settlements', '77');
    expect(op.variables).toEqual({ id: 77 });
    const q = squash(String(op.document));
    expect(q).toContain(squash('query Admin_settlement($id: SafeInt!) { record: settlement(id: $id) {'));
    for (const part of ['payments {id seq payerMemberId bindingId', 'reversals {id serialNo amountFen', 'policyVersions {memberId role provinceCode policyVersionId}']) expect(q).toContain(part);
  });

  it('getMany of settlements asks one by one with numeric ids', async () => {
    const calls = mockGraphQL((req) => ({ data: { record: { id: req.variables.id } } }));
    await dataProvider.getMany('settlements', { ids: ['4'] });
    expect(calls[0].variables).toEqual({ id: 4 });
  });
});

describe('fraud custom methods', () => {
  it('openFraudCaseCounts asks OPEN and INVESTIGATING in one request and adds them up', async () => {
    const calls = mockGraphQL(() => ({
      data: {
        open: { total: 3, byRule: [{ key: 'F1', count: 2 }, { key: 'F6', count: 1 }], byRegion: [{ key: '44', count: 3 }], byState: [{ key: 'OPEN', count: 3 }] },
        investigating: { total: 2, byRule: [{ key: 'F6', count: 2 }], byRegion: [{ key: '31', count: 2 }], byState: [{ key: 'INVESTIGATING', count: 2 }] },
      },
    }));
    const c = await dataProvider.openFraudCaseCounts();
    expect(calls).toHaveLength(1);
    expect(squash(calls[0].query)).toContain('open: fraudCaseCounts(state: OPEN)');
    expect(squash(calls[0].query)).toContain('investigating: fraudCaseCounts(state: INVESTIGATING)');
    expect(c.total).toBe(5);
    expect(c.byRule).toEqual([{ key: 'F6', count: 3 }, { key: 'F1', count: 2 }]);
    expect(c.byState).toEqual([{ key: 'OPEN', count: 3 }, { key: 'INVESTIGATING', count: 2 }]);
  });

  it('mergeCaseCounts of nothing is empty', () => {
    expect(mergeCaseCounts()).toEqual({ total: 0, byRule: [], byRegion: [], byState: [] });
  });

  it('memberRiskProfile sends the member id as a number', async () => {
    const calls = mockGraphQL(() => ({ data: { profile: { openScore: 70, member: { id: 3 }, cases: [], signals: [], bindings: [], byPlace: [], byCategory: [] } } }));
    const p = await dataProvider.memberRiskProfile('3');
    expect(p.openScore).toBe(70);
    expect(calls[0].variables).toEqual({ memberId: 3 });
    expect(squash(calls[0].query)).toContain(squash('memberRiskProfile(memberId: $memberId) { openScore member { ...MemberFields } cases { ...FraudCaseFields } signals { ...FraudSignalFields } bindings { ...BindingFields } byPlace { key count selfPayFen accountFen } byCategory'));
  });

  it('fraudCaseAssignees asks for the analysts a case can go to, by numeric case id', async () => {
    const calls = mockGraphQL(() => ({ data: { assignees: [{ id: 7, username: 'analyst_gd', displayName: '王分析', scope: '44' }] } }));
    const list = await dataProvider.fraudCaseAssignees('12');
    expect(list).toEqual([{ id: 7, username: 'analyst_gd', displayName: '王分析', scope: '44' }]);
    expect(calls[0].variables).toEqual({ id: 12 });
    expect(squash(calls[0].query)).toContain(squash('fraudCaseAssignees(id: $id) { id username displayName scope }'));
  });
});
