import { LIST_SORTS } from '@gongji/shared';
import { HttpError } from 'ra-core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApproveBindingDocument } from './commands';
import { buildListQuery, buildOneQuery, cleanFilter, dataProvider, RESOURCES } from './dataProvider';
import { MembersDocument, RevealMemberDocument } from './documents';
import { saveSession } from './session';
import { memoryStorage, mockGraphQL, squash } from './testing';

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
  saveSession({ token: 'tok-123', expiresAt: null });
});

const listParams = (over: Partial<Parameters<typeof dataProvider.getList>[1]> = {}) => ({
  pagination: { page: 2, perPage: 10 },
  sort: { field: 'status', order: 'DESC' as const },
  filter: {},
  ...over,
});

describe('query building', () => {
  it('builds a list query with filter variables, paging and sorting', () => {
    const op = buildListQuery('members', listParams({ filter: { name: ' 张', scheme: 'EMPLOYEE', status: '', region: null } }));
    expect(op.document).toBe(MembersDocument);
    expect(squash(String(op.document))).toContain(
      squash('query Admin_members($filter: MemberFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) { page: members(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { items { ...MemberFields } total totalCapped } }'),
    );
    expect(String(op.document)).not.toContain('account');
    expect(op.variables).toEqual({ filter: { name: '张', scheme: 'EMPLOYEE' }, page: 2, perPage: 10, sortField: 'status', sortOrder: 'DESC' });
  });

  it('does not send a sort field the API does not accept, and caps perPage', () => {
    const op = buildListQuery('members', listParams({ sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 5000 } }));
    expect(op.variables).toEqual({ page: 1, perPage: 200 });
  });

  it('issue 10: sends a staff list only the sorts the server offers (LIST_SORTS), so an old bookmarked sort is dropped, not refused', () => {
    for (const [resource, fields] of Object.entries(LIST_SORTS)) expect(RESOURCES[resource].sortable, resource).toEqual([...fields]);
    const op = buildListQuery('settlements', listParams({ sort: { field: 'selfPayFen', order: 'DESC' } }));
    expect(op.variables.sortField).toBeUndefined();
  });

  it('maps audit date filters to Beijing day bounds (the API’s `to` is exclusive)', () => {
    const op = buildListQuery('auditLogs', listParams({ sort: { field: 'at', order: 'DESC' }, filter: { actorName: 'alice', from: '2024-05-01', to: '2024-05-31' } }));
    expect(String(op.document)).toContain('$filter: AuditFilter');
    expect(op.variables.filter).toEqual({ actorName: 'alice', from: '2024-04-30T16:00:00.000Z', to: '2024-05-31T16:00:00.000Z' });
  });

  it('uppercases an ID-number filter', () => {
    expect(buildListQuery('members', listParams({ filter: { idNumber: '11010519491231002x' } })).variables.filter).toEqual({ idNumber: '11010519491231002X' });
  });

  it('builds single-record queries with the right key argument', () => {
    const one = buildOneQuery('bindings', '7');
    expect(squash(String(one.document))).toContain(
      squash('query Admin_binding($id: Int!) { record: binding(id: $id) { ...BindingFields transitions: history { ...BindingTransitionFields } consistency { giverAge beneficiaryAge problems } } }'),
    );
    expect(String(one.document)).toContain('fragment BindingTransitionFields on BindingTransition');
    expect(one.variables).toEqual({ id: 7 });
    const province = buildOneQuery('provinces', '44');
    expect(String(province.document)).toContain('($code: String!)');
    expect(province.variables).toEqual({ code: '44' });
  });

  it('drops empty filter values', () => {
    expect(cleanFilter({ a: '', b: null, c: undefined, d: [], e: ' x ', f: false, g: 0 })).toEqual({ e: 'x', f: false, g: 0 });
  });

  it('has a table entry for every resource of the menu', () => {
    expect(Object.keys(RESOURCES).sort()).toEqual(['accountClosures', 'auditLogs', 'bindings', 'fraudCases', 'importJobs', 'institutions', 'members', 'policies', 'proofs', 'provinces', 'settlements', 'staffUsers']);
  });
});

describe('requests', () => {
  it('posts JSON with the bearer token and returns records and total', async () => {
    const calls = mockGraphQL(() => ({ data: { page: { items: [{ id: 1, name: '张*' }, { id: 2, name: '李*' }], total: 42, totalCapped: false } } }));
    const res = await dataProvider.getList('members', listParams());
    expect(res).toEqual({ data: [{ id: 1, name: '张*' }, { id: 2, name: '李*' }], total: 42, meta: { totalCapped: false } });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/graphql');
    expect(calls[0].headers['Content-Type']).toBe('application/json');
    expect(calls[0].headers.Authorization).toBe('Bearer tok-123');
  });

  it('issue 10: passes on a count the server stopped at its cap, for the pagination to show as “10,000+”', async () => {
    mockGraphQL(() => ({ data: { page: { items: [{ id: 7 }], total: 10_000, totalCapped: true } } }));
    expect(await dataProvider.getList('settlements', listParams({ sort: { field: 'treatedAt', order: 'DESC' } }))).toMatchObject({ total: 10_000, meta: { totalCapped: true } });
  });

  it('gives provinces their code as id', async () => {
    mockGraphQL(() => ({ data: { page: { items: [{ code: '44', name: '广东省', shortName: '广东', nameEn: 'Guangdong' }], total: 1 } } }));
    const res = await dataProvider.getList('provinces', listParams({ sort: { field: 'code', order: 'ASC' } }));
    expect(res.data[0]).toMatchObject({ id: '44', code: '44' });
  });

  it('getOne rejects with 404 when the API returns null', async () => {
    mockGraphQL(() => ({ data: { record: null } }));
    await expect(dataProvider.getOne('members', { id: 9 })).rejects.toMatchObject({ status: 404 });
  });

  it('getMany uses the ids filter in one request', async () => {
    const calls = mockGraphQL(() => ({ data: { page: { items: [{ id: 3 }, { id: 5 }], total: 2 } } }));
    const res = await dataProvider.getMany('members', { ids: [3, '5', 3] });
    expect(res.data.map((r) => r.id)).toEqual([3, 5]);
    expect(calls).toHaveLength(1);
    expect(calls[0].variables).toMatchObject({ filter: { ids: [3, 5] }, page: 1, perPage: 2 });
  });

  it('getMany falls back to one query per id when the list has no ids filter', async () => {
    const calls = mockGraphQL((req) => ({ data: { record: { code: req.variables.code, name: 'x' } } }));
    const res = await dataProvider.getMany('provinces', { ids: ['11', '44'] });
    expect(res.data.map((r) => r.id)).toEqual(['11', '44']);
    expect(calls).toHaveLength(2);
  });

  it('getManyReference filters by the target field', async () => {
    const calls = mockGraphQL(() => ({ data: { page: { items: [], total: 0 } } }));
    await dataProvider.getManyReference('bindings', { target: 'giverId', id: 12, pagination: { page: 1, perPage: 25 }, sort: { field: 'createdAt', order: 'DESC' }, filter: { state: 'ACTIVE' } });
    expect(calls[0].variables).toMatchObject({ filter: { state: 'ACTIVE', giverId: 12 }, sortField: 'createdAt', sortOrder: 'DESC' });
  });

  it('update sends the mapped input and selects the payload and RuleViolation', async () => {
    const calls = mockGraphQL(() => ({ data: { result: { __typename: 'Member', id: 4, scheme: 'RESIDENT' } } }));
    const res = await dataProvider.update('members', { id: 4, data: { scheme: 'RESIDENT', reason: '医保系统变更', name: 'ignored' }, previousData: { id: 4 } });
    expect(res.data).toEqual({ id: 4, scheme: 'RESIDENT' });
    expect(squash(calls[0].query)).toContain(
      squash('mutation Admin_updateMemberRegistry($input: MemberRegistryUpdateInput!) { result: updateMemberRegistry(input: $input) { __typename ... on Member { ...MemberFields } ...RuleViolationFields } }'),
    );
    expect(squash(calls[0].query)).toContain(squash('fragment RuleViolationFields on RuleViolation { rule code message field params { key value } }'));
    expect(calls[0].variables).toEqual({ input: { memberId: 4, scheme: 'RESIDENT', reason: '医保系统变更' } });
  });
});

describe('errors', () => {
  it('turns a RuleViolation into HttpError(message, 400, { rule, code })', async () => {
    mockGraphQL(() => ({
      data: { result: { __typename: 'RuleViolation', rule: 'E3', code: 'RELATIONSHIP_NOT_ALLOWED', message: '本省不允许绑定兄弟姐妹', field: 'relationship' } },
    }));
    const err = await dataProvider.create('policies', { data: { provinceCode: '44' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 400, body: { rule: 'E3', code: 'RELATIONSHIP_NOT_ALLOWED', field: 'relationship' } });
    expect((err as HttpError).message).toBe('本省不允许绑定兄弟姐妹（E3）');
    // react-admin would treat body.errors as form errors and skip the notification.
    expect((err as HttpError).body.errors).toBeUndefined();
  });

  it('maps UNAUTHENTICATED to 401 and FORBIDDEN / OUT_OF_SCOPE to 403', async () => {
    mockGraphQL(() => [401, { errors: [{ message: '登录已失效', extensions: { code: 'UNAUTHENTICATED' } }] }]);
    await expect(dataProvider.getList('members', listParams())).rejects.toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' }, message: '登录已失效' });
    mockGraphQL(() => ({ errors: [{ message: '无权执行此操作', extensions: { code: 'FORBIDDEN' } }], data: null }));
    await expect(dataProvider.getList('auditLogs', listParams())).rejects.toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    mockGraphQL(() => ({ errors: [{ message: '不在您的管辖范围内', extensions: { code: 'OUT_OF_SCOPE' } }], data: null }));
    await expect(dataProvider.getOne('members', { id: 1 })).rejects.toMatchObject({ status: 403, body: { code: 'OUT_OF_SCOPE' } });
  });

  it('reports a network failure and a non-JSON response', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
    await expect(dataProvider.getList('members', listParams())).rejects.toMatchObject({ status: 0, body: { code: 'NETWORK_ERROR' } });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })));
    await expect(dataProvider.getList('members', listParams())).rejects.toMatchObject({ status: 502 });
  });

  it('throws a clear error for operations and resources the API does not have', async () => {
    await expect(dataProvider.delete('members', { id: 1 })).rejects.toThrow(/members\.delete/);
    await expect(dataProvider.deleteMany('bindings', { ids: [1] })).rejects.toThrow(/bindings\.deleteMany/);
    await expect(dataProvider.update('auditLogs', { id: 1, data: {}, previousData: { id: 1 } })).rejects.toThrow(/auditLogs\.update/);
    await expect(dataProvider.getOne('auditLogs', { id: 1 })).rejects.toThrow(/auditLogs\.getOne/);
    await expect(dataProvider.getList('nope', listParams())).rejects.toThrow(/unknown resource "nope"/);
  });
});

describe('custom methods', () => {
  it('revealMember sends the reason and returns the clear values', async () => {
    const calls = mockGraphQL(() => ({ data: { result: { __typename: 'RevealedMember', id: 8, idNumber: '11010519491231002X', name: '张三', phone: null } } }));
    const r = await dataProvider.revealMember(8, '核对绑定申请');
    expect(r).toEqual({ id: 8, idNumber: '11010519491231002X', name: '张三', phone: null });
    expect(calls[0].variables).toEqual({ id: 8, reason: '核对绑定申请' });
    expect(calls[0].query).toContain('... on RevealedMember');
    expect(calls[0].query).toBe(String(RevealMemberDocument));
  });

  it('revealMember surfaces the A3 rule', async () => {
    mockGraphQL(() => ({ data: { result: { __typename: 'RuleViolation', rule: 'A3', code: 'REVEAL_REASON_REQUIRED', message: '查看完整个人信息须填写理由', field: 'reason' } } }));
    await expect(dataProvider.revealMember(8, 'x')).rejects.toMatchObject({ status: 400, body: { rule: 'A3', code: 'REVEAL_REASON_REQUIRED' } });
  });

  it('command runs a typed mutation document with its variables', async () => {
    const calls = mockGraphQL(() => ({ data: { result: { __typename: 'Binding', id: 3, state: 'ACTIVE' } } }));
    const res = await dataProvider.command('bindings', ApproveBindingDocument, { id: 3, reason: 'ok' });
    expect(res.data).toEqual({ id: 3, state: 'ACTIVE' });
    expect(squash(calls[0].query)).toContain(squash('mutation Admin_approveBinding($id: Int!, $reason: String!) { result: approveBinding(id: $id, reason: $reason) { __typename ... on Binding {'));
  });
});
