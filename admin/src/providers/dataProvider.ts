/**
 * The react-admin data provider: one table mapping each admin resource to the typed GraphQL
 * documents of its operations (providers/documents.ts, generated types in src/gql).
 *
 * - list:  the resource's list document, variables `filter` (when it has one), `page`, `perPage`, `sortField`, `sortOrder`
 * - one:   the record document (`record: <one>(id | code)`, null when missing or out of scope)
 * - many:  the list document with `filter: { ids: [...] }`, else one record query per id
 * - writes: mutations returning `<T> | RuleViolation`; a RuleViolation becomes HttpError(message, 400, { rule, code }).
 */
import {
  HttpError,
  type CreateParams,
  type DataProvider,
  type GetListParams,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetOneParams,
  type Identifier,
  type RaRecord,
  type UpdateParams,
} from 'ra-core';
import type {
  Admin_AccountClosureQuery,
  Admin_AccountStatementQuery,
  Admin_BindingQuery,
  Admin_FraudCaseQuery,
  Admin_SettlementQuery,
  Admin_CrossProvinceMapQuery,
  Admin_DashboardStatsQuery,
  Admin_FraudCaseAssigneesQuery,
  Admin_MemberRiskProfileQuery,
  Admin_OpenFraudCaseCountsQuery,
  Admin_PolicyDiffQuery,
  Admin_PolicyHistoryQuery,
  Admin_RevealMemberMutation,
  TypedDocumentString,
} from '../gql/graphql';
import { LIST_SORTS } from '@gongji/shared';
import { beijingDayStartIso } from '../format';
import * as D from './documents';
import { gqlRequest, localizedError, unwrapResult, type RuleViolation } from './graphqlClient';

type Filter = Record<string, unknown>;

/** A list document: `page: <list>(…) { items { … } total }`. */
export type ListDocument = TypedDocumentString<{ page: { items: ReadonlyArray<object>; total: number; totalCapped?: boolean } }, any>;
/** A single-record document: `record: <one>(id: …)`. */
export type OneDocument = TypedDocumentString<{ record: object | null }, any>;
/** A mutation document returning `result: <T> | RuleViolation`. */
export type ResultDocument<V = any> = TypedDocumentString<{ result: object }, V>;

export interface WriteConfig {
  /** The mutation, taking a single `input` argument. */
  document: ResultDocument<{ input: any }>;
  /** Build the mutation input from react-admin's params. */
  toInput: (params: { id?: Identifier; data: Record<string, unknown>; previousData?: Record<string, unknown> }) => Record<string, unknown>;
}

export interface ResourceConfig {
  /** List query (selection for list rows). */
  list: ListDocument;
  /** Single-record query; absent when the API has none. */
  one?: OneDocument;
  /** The key argument of the single query and record field react-admin uses as `id` (default `id`). */
  idField?: string;
  /** The key is a string (default: a number). */
  stringId?: boolean;
  /** The filter field that takes a list of ids (for getMany). */
  idsFilter?: string;
  /** Map react-admin filter values to the GraphQL filter (after empty values are dropped); absent when the list takes no filter. */
  filter?: (f: Filter) => Filter;
  /** Sort fields the list query accepts; others are not sent (the API's default order applies). Staff lists take theirs from LIST_SORTS (issue 10). */
  sortable: string[];
  create?: WriteConfig;
  update?: WriteConfig;
}

function trimmed(v: unknown): unknown {
  return typeof v === 'string' ? v.trim() : v;
}

/** Copy only the named keys (renaming `from → to` where given). */
function pick(f: Filter, keys: Array<string | [string, string]>): Filter {
  const out: Filter = {};
  for (const k of keys) {
    const [from, to] = Array.isArray(k) ? k : [k, k];
    if (f[from] !== undefined) out[to] = f[from];
  }
  return out;
}

export const RESOURCES: Record<string, ResourceConfig> = {
  members: {
    list: D.MembersDocument,
    one: D.MemberDocument,
    idsFilter: 'ids',
    filter: (f) => {
      const out = pick(f, ['name', 'region', 'scheme', 'status', 'ids']);
      if (typeof f.idNumber === 'string') out.idNumber = f.idNumber.toUpperCase();
      // The member search box (components/MemberSearchInput): nobody until there is something to search (no member has id 0).
      if (f.memberSearch && !out.name && !out.idNumber) return { ids: [0] };
      return out;
    },
    sortable: [...LIST_SORTS.members],
    update: {
      document: D.UpdateMemberRegistryDocument,
      toInput: ({ id, data }) => ({ memberId: Number(id), ...pick(data, ['scheme', 'insuredRegion', 'retired', 'reason']) }),
    },
  },
  bindings: {
    list: D.BindingsDocument,
    one: D.BindingDocument,
    idsFilter: 'ids',
    filter: (f) => {
      const out = pick(f, ['state', 'kind', 'relationship', 'region', 'ids']);
      for (const k of ['giverId', 'beneficiaryId', 'memberId']) if (f[k] !== undefined && f[k] !== null && f[k] !== '' && Number.isFinite(Number(f[k]))) out[k] = Number(f[k]);
      return out;
    },
    sortable: [...LIST_SORTS.bindings],
  },
  proofs: {
    list: D.ProofsDocument,
    one: D.ProofDocument,
    idsFilter: 'ids',
    filter: (f) => pick(f, ['reviewState', 'bindingId', 'docType', 'region', 'ids']),
    sortable: [...LIST_SORTS.proofs],
  },
  policies: {
    list: D.PolicyVersionsDocument,
    // Every knob of the version (PolicyRules) is only fetched for one version.
    one: D.PolicyVersionDocument,
    idsFilter: 'ids',
    filter: (f) => pick(f, ['provinceCode', 'ids']),
    sortable: ['id', 'provinceCode', 'version', 'effectiveFrom', 'createdAt'],
    create: {
      document: D.CreatePolicyVersionDocument,
      toInput: ({ data }) => pick(data, ['provinceCode', 'effectiveFrom', 'note', 'rules']),
    },
  },
  provinces: {
    list: D.ProvincesDocument,
    one: D.ProvinceDocument,
    idField: 'code',
    stringId: true,
    sortable: ['code'],
  },
  institutions: {
    list: D.InstitutionsDocument,
    one: D.InstitutionDocument,
    idsFilter: 'ids',
    filter: (f) => pick(f, ['code', 'name', 'kind', 'region', 'active', 'ids']),
    sortable: [...LIST_SORTS.institutions],
  },
  fraudCases: {
    list: D.FraudCasesDocument,
    // With its signals, timeline, sanctions, settlements, bindings and members.
    one: D.FraudCaseDocument,
    filter: (f) => {
      const out = pick(f, ['state', 'states', 'rule', 'regionCode', 'subjectType']);
      // The queue's default: every case still to be worked (OPEN or INVESTIGATING).
      if (out.state === 'UNCLOSED') {
        delete out.state;
        out.states = ['OPEN', 'INVESTIGATING'];
      }
      for (const k of ['minScore', 'assigneeId', 'subjectId']) if (f[k] !== undefined && Number.isFinite(Number(f[k]))) out[k] = Number(f[k]);
      // The member search (components/MemberSearchInput): the cases about that member.
      if (f.memberId !== undefined && f.memberId !== null && f.memberId !== '' && Number.isFinite(Number(f.memberId))) {
        out.subjectType = 'MEMBER';
        out.subjectId = Number(f.memberId);
      }
      return out;
    },
    sortable: [...LIST_SORTS.fraudCases],
  },
  settlements: {
    list: D.SettlementsDocument,
    // With the split, reversals and the policy versions that decided it (S12).
    one: D.SettlementDocument,
    // Treatment dates are picked as Beijing days, both ends inclusive (the API's `to` is exclusive).
    filter: (f) => {
      const out = pick(f, ['category', 'region', 'serialNo']);
      for (const k of ['institutionId', 'memberId']) if (f[k] !== undefined && Number.isFinite(Number(f[k]))) out[k] = Number(f[k]);
      if (typeof f.from === 'string') out.from = beijingDayStartIso(f.from.slice(0, 10));
      if (typeof f.to === 'string') out.to = beijingDayStartIso(f.to.slice(0, 10), 1);
      return out;
    },
    sortable: [...LIST_SORTS.settlements],
  },
  // R1: registry imports (uploaded over HTTP, see providers/registry.ts); read-only here.
  importJobs: {
    list: D.ImportJobsDocument,
    one: D.ImportJobDocument,
    sortable: ['id', 'startedAt'],
  },
  // C1–C5: account closures and transfers; decisions are mutations in providers/registry.ts.
  accountClosures: {
    list: D.AccountClosuresDocument,
    one: D.AccountClosureDocument,
    filter: (f) => {
      const out = pick(f, ['state', 'cause']);
      if (f.memberId !== undefined && Number.isFinite(Number(f.memberId))) out.memberId = Number(f.memberId);
      return out;
    },
    sortable: ['id', 'createdAt', 'state'],
  },
  // A1: staff accounts in the caller's scope (read-only; accounts are provisioned on the command line).
  staffUsers: {
    list: D.StaffUsersDocument,
    filter: (f) => pick(f, ['search', 'role', 'scope', 'active']),
    sortable: ['id', 'username', 'lastLoginAt'],
  },
  auditLogs: {
    list: D.AuditLogsDocument,
    // Dates are picked as Beijing calendar days and both ends are inclusive for the user;
    // the API's `to` is exclusive, so it gets the start of the next day.
    filter: (f) => {
      const out = pick(f, ['actorName', 'action', 'entityType', 'entityId']);
      if (typeof f.from === 'string') out.from = beijingDayStartIso(f.from.slice(0, 10));
      if (typeof f.to === 'string') out.to = beijingDayStartIso(f.to.slice(0, 10), 1);
      return out;
    },
    sortable: [...LIST_SORTS.auditLogs],
  },
};

/** The API's maximum page size (core/pagination.ts). */
export const MAX_PER_PAGE = 200; // the server refuses more (A8)

function config(resource: string): ResourceConfig {
  const cfg = RESOURCES[resource];
  if (!cfg) throw new Error(`dataProvider: unknown resource "${resource}" (known: ${Object.keys(RESOURCES).join(', ')})`);
  return cfg;
}

function unsupported(resource: string, operation: string): never {
  throw new HttpError(`不支持的操作：${resource}.${operation} (operation not supported by the API)`, 405, {
    code: 'UNSUPPORTED_OPERATION',
  });
}

function toRecord<T extends RaRecord = RaRecord>(cfg: ResourceConfig, raw: object): T {
  const { __typename: _typename, ...record } = raw as Record<string, unknown>;
  void _typename;
  const idField = cfg.idField ?? 'id';
  return (idField === 'id' ? record : { ...record, id: record[idField] }) as T;
}

/** Drop empty filter values (react-admin keeps cleared inputs as '' or null) and trim strings. */
export function cleanFilter(filter: Filter | undefined): Filter {
  const out: Filter = {};
  for (const [k, v] of Object.entries(filter ?? {})) {
    const t = trimmed(v);
    if (t === undefined || t === null || t === '') continue;
    if (Array.isArray(t) && t.length === 0) continue;
    out[k] = t;
  }
  return out;
}

function gqlFilter(cfg: ResourceConfig, filter: Filter | undefined): Filter | undefined {
  const f = cleanFilter(filter);
  const mapped = cfg.filter ? cfg.filter(f) : f;
  return Object.keys(mapped).length ? mapped : undefined;
}

export interface BuiltOperation<TDocument> {
  document: TDocument;
  variables: Record<string, unknown>;
}

/** react-admin's getOne/getMany `meta`: a screen may ask for one record with its own document. */
export interface RecordMeta {
  document?: OneDocument;
}

export function buildListQuery(
  resource: string,
  params: { pagination?: { page: number; perPage: number }; sort?: { field: string; order: string }; filter?: Filter },
): BuiltOperation<ListDocument> {
  const cfg = config(resource);
  const variables: Record<string, unknown> = {
    page: Math.max(1, params.pagination?.page ?? 1),
    perPage: Math.min(MAX_PER_PAGE, Math.max(1, params.pagination?.perPage ?? 25)),
  };
  if (cfg.filter) {
    const f = gqlFilter(cfg, params.filter);
    if (f) variables.filter = f;
  }
  const sortField = params.sort?.field;
  if (sortField && cfg.sortable.includes(sortField)) {
    variables.sortField = sortField;
    variables.sortOrder = params.sort?.order === 'DESC' ? 'DESC' : 'ASC';
  }
  return { document: cfg.list, variables };
}

export function buildOneQuery(resource: string, id: Identifier, meta?: RecordMeta): BuiltOperation<OneDocument> {
  const cfg = config(resource);
  const document = meta?.document ?? cfg.one ?? unsupported(resource, 'getOne');
  return { document, variables: { [cfg.idField ?? 'id']: cfg.stringId ? String(id) : Number(id) } };
}

async function runList(resource: string, params: Parameters<typeof buildListQuery>[1] & { signal?: AbortSignal }) {
  const cfg = config(resource);
  const perPage = params.pagination?.perPage ?? 25;
  if (perPage > MAX_PER_PAGE && (params.pagination?.page ?? 1) === 1) {
    // An export asks for more rows than one API page holds: fetch page after page (never cut at 500).
    const rows: RaRecord[] = [];
    let total = 0;
    for (let page = 1; rows.length < perPage; page++) {
      const op = buildListQuery(resource, { ...params, pagination: { page, perPage: MAX_PER_PAGE } });
      const data = await gqlRequest(op.document, op.variables, { signal: params.signal });
      total = data.page.total;
      rows.push(...data.page.items.map((r) => toRecord(cfg, r)));
      if (data.page.items.length < MAX_PER_PAGE || rows.length >= total) break;
    }
    return { data: rows.slice(0, perPage), total };
  }
  const op = buildListQuery(resource, params);
  const data = await gqlRequest(op.document, op.variables, { signal: params.signal });
  // A count that stopped at the server's cap is a lower bound: the pagination says so (“10,000+”).
  return { data: data.page.items.map((r) => toRecord(cfg, r)), total: data.page.total, meta: { totalCapped: data.page.totalCapped === true } };
}

async function runOne(resource: string, id: Identifier, meta?: RecordMeta, signal?: AbortSignal) {
  const cfg = config(resource);
  const op = buildOneQuery(resource, id, meta);
  const data = await gqlRequest(op.document, op.variables, { signal });
  return data.record ? toRecord(cfg, data.record) : null;
}

/** A mutation's `result`: the payload, or the RuleViolation thrown as HttpError(…, 400, { rule, code }). */
async function runResult<TResult extends { result: object }, V>(document: TypedDocumentString<TResult, V>, variables: V) {
  const data = await gqlRequest(document, variables);
  return unwrapResult(data.result as Exclude<TResult['result'], RuleViolation> | RuleViolation, operationName(document));
}

/** The operation's own name without the `Admin_` prefix, for messages. */
function operationName(document: object): string {
  return /(?:query|mutation)\s+(?:Admin_)?(\w+)/.exec(String(document))?.[1] ?? 'operation';
}

type Row<T> = T extends ReadonlyArray<infer U> ? U : never;
type NoViolation<T> = Exclude<T, { __typename: 'RuleViolation' }>;

export type RevealedMember = Omit<NoViolation<Admin_RevealMemberMutation['result']>, '__typename'>;
export type StatementLine = Row<Admin_AccountStatementQuery['page']['items']>;
export type ProvincePolicyStatus = Row<Admin_CrossProvinceMapQuery['rows']>;
export type PolicyChange = Row<Admin_PolicyDiffQuery['rows']>;
export type PolicyHistoryVersion = Row<Admin_PolicyHistoryQuery['rows']>;
export type DashboardStats = Admin_DashboardStatsQuery['stats'];
export type FraudCaseCounts = Admin_OpenFraudCaseCountsQuery['open'];
export type CountBucket = Row<FraudCaseCounts['byRule']>;
export type MemberRiskProfile = Admin_MemberRiskProfileQuery['profile'];
export type PatternBucket = Row<MemberRiskProfile['byPlace']>;
export type CaseAssignee = Row<Admin_FraudCaseAssigneesQuery['assignees']>;

// The records of the show pages, as their documents select them.
export type BindingDetail = NonNullable<Admin_BindingQuery['record']>;
export type SettlementDetail = NonNullable<Admin_SettlementQuery['record']>;
export type FraudCaseDetail = NonNullable<Admin_FraudCaseQuery['record']>;
export type AccountClosureDetail = NonNullable<Admin_AccountClosureQuery['record']>;

/** Add up count tables bucket by bucket (keys in order of first appearance, then by count). */
export function mergeCaseCounts(...parts: FraudCaseCounts[]): FraudCaseCounts {
  const add = (lists: ReadonlyArray<ReadonlyArray<CountBucket>>) => {
    const m = new Map<string, number>();
    for (const list of lists) for (const { key, count } of list) m.set(key, (m.get(key) ?? 0) + count);
    return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  return {
    total: parts.reduce((n, p) => n + p.total, 0),
    byRule: add(parts.map((p) => p.byRule)),
    byRegion: add(parts.map((p) => p.byRegion)),
    byState: add(parts.map((p) => p.byState)),
  };
}

export interface GongjiDataProvider extends DataProvider {
  /** The home dashboard's aggregates (in the viewer's scope) over the last `months` months. */
  dashboardStats(months?: number): Promise<DashboardStats>;
  /** S11: one page of a member's 账户明细, newest first; `range`: Beijing days (YYYY-MM-DD), both inclusive. */
  accountStatement(memberId: Identifier, page: number, perPage: number, range?: { from?: string | null; to?: string | null }): Promise<{ data: StatementLine[]; total: number }>;
  /** E7: each province's sharing flags in force on a date (default today). */
  crossProvinceMap(date?: string | null): Promise<ProvincePolicyStatus[]>;
  /** Every policy version of a province, oldest first, with its rules. */
  policyHistory(provinceCode: string): Promise<PolicyHistoryVersion[]>;
  /** Field-by-field difference between two versions of one province. */
  policyDiff(fromId: Identifier, toId: Identifier): Promise<PolicyChange[]>;
  /** A new version copying the rules in force with cross-province sharing switched. */
  setCrossProvinceSharing(provinceCode: string, enabled: boolean, effectiveFrom?: string | null, note?: string | null): Promise<RaRecord>;

  /** Open fraud cases (OPEN + INVESTIGATING) in scope, by rule, province and state. */
  openFraudCaseCounts(): Promise<FraudCaseCounts>;
  /** A member's cases, signals, bindings and settlement pattern (FRAUD_ANALYST, AUDITOR). */
  memberRiskProfile(memberId: Identifier): Promise<MemberRiskProfile>;
  /** The analysts a case can be assigned to (active, scope covering the case). */
  fraudCaseAssignees(caseId: Identifier): Promise<CaseAssignee[]>;

  /** A3: the clear ID number, name and phone of a member; needs REVEAL_PII and a reason; audited by the API. */
  revealMember(id: Identifier, reason: string): Promise<RevealedMember>;
  /**
   * Run a command mutation (a typed document whose `result` is `<resource type> | RuleViolation`), e.g.
   * `command('bindings', ApproveBindingDocument, { id: 3, reason: '…' })`; returns the record.
   */
  command<TResult extends { result: object }, V>(resource: string, document: TypedDocumentString<TResult, V>, variables: V): Promise<{ data: RaRecord }>;
}

/** A command ready to run: a typed mutation document and its variables (checked against each other). */
export interface Command {
  document: ResultDocument;
  variables: unknown;
}

export function cmd<TResult extends { result: object }, V>(document: TypedDocumentString<TResult, V>, variables: V): Command {
  return { document: document as unknown as ResultDocument, variables };
}

export const dataProvider: GongjiDataProvider = {
  supportAbortSignal: true,

  getList: async (resource: string, params: GetListParams) => runList(resource, params) as never,

  getOne: async (resource: string, params: GetOneParams) => {
    const record = await runOne(resource, params.id, params.meta, params.signal);
    if (!record) throw new HttpError(localizedError('NOT_FOUND', {}), 404, { code: 'NOT_FOUND' });
    return { data: record } as never;
  },

  getMany: async (resource: string, params: GetManyParams) => {
    const cfg = config(resource);
    const ids = [...new Set(params.ids)];
    if (!ids.length) return { data: [] };
    if (cfg.idsFilter && ids.length <= MAX_PER_PAGE) {
      const { data } = await runList(resource, {
        pagination: { page: 1, perPage: ids.length },
        filter: { [cfg.idsFilter]: ids.map((id) => (cfg.stringId ? String(id) : Number(id))) },
        signal: params.signal,
      });
      return { data } as never;
    }
    const records = await Promise.all(ids.map((id) => runOne(resource, id, params.meta, params.signal)));
    return { data: records.filter((r): r is RaRecord => r !== null) } as never;
  },

  getManyReference: async (resource: string, params: GetManyReferenceParams) =>
    runList(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } }) as never,

  update: async (resource: string, params: UpdateParams) => {
    const write = config(resource).update ?? unsupported(resource, 'update');
    return { data: toRecord(config(resource), await runResult(write.document, { input: write.toInput(params) })) } as never;
  },

  create: async (resource: string, params: CreateParams) => {
    const write = config(resource).create ?? unsupported(resource, 'create');
    return { data: toRecord(config(resource), await runResult(write.document, { input: write.toInput({ data: params.data }) })) } as never;
  },

  updateMany: async (resource: string) => unsupported(resource, 'updateMany'),
  delete: async (resource: string) => unsupported(resource, 'delete'),
  deleteMany: async (resource: string) => unsupported(resource, 'deleteMany'),

  revealMember: async (id, reason) => {
    const r = await runResult(D.RevealMemberDocument, { id: Number(id), reason });
    return { id: r.id, idNumber: r.idNumber, name: r.name, phone: r.phone ?? null };
  },

  openFraudCaseCounts: async () => {
    const data = await gqlRequest(D.OpenFraudCaseCountsDocument, {});
    return mergeCaseCounts(data.open, data.investigating);
  },

  fraudCaseAssignees: async (caseId) => (await gqlRequest(D.FraudCaseAssigneesDocument, { id: Number(caseId) })).assignees,

  memberRiskProfile: async (memberId) => (await gqlRequest(D.MemberRiskProfileDocument, { memberId: Number(memberId) })).profile,

  dashboardStats: async (months = 6) => (await gqlRequest(D.DashboardStatsDocument, { months })).stats,

  accountStatement: async (memberId, page, perPage, range) => {
    const data = await gqlRequest(D.AccountStatementDocument, {
      memberId: Number(memberId),
      page: Math.max(1, page),
      perPage: Math.min(MAX_PER_PAGE, Math.max(1, perPage)),
      ...(range?.from ? { from: range.from } : {}),
      ...(range?.to ? { to: range.to } : {}),
    });
    return { data: data.page.items, total: data.page.total };
  },

  crossProvinceMap: async (date) => (await gqlRequest(D.CrossProvinceMapDocument, date ? { date } : {})).rows,

  policyHistory: async (provinceCode) => (await gqlRequest(D.PolicyHistoryDocument, { provinceCode })).rows,

  policyDiff: async (fromId, toId) => (await gqlRequest(D.PolicyDiffDocument, { fromId: Number(fromId), toId: Number(toId) })).rows,

  setCrossProvinceSharing: async (provinceCode, enabled, effectiveFrom, note) =>
    (await dataProvider.command('policies', D.SetCrossProvinceSharingDocument, { provinceCode, enabled, effectiveFrom: effectiveFrom || null, note: note || null })).data,

  command: async (resource, document, variables) => ({ data: toRecord(config(resource), await runResult(document, variables)) }),
};
