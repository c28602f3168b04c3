/**
 * The react-admin data provider: one table mapping each admin resource to the GraphQL API.
 *
 * Conventions of the API (server/src/modules/*):
 * - list:  `<list>(filter: <Filter>, page: Int, perPage: Int, sortField: String, sortOrder: SortOrder): <T>Page { items total }`
 * - one:   `<one>(id: Int!): <T>` (null when missing or out of scope)
 * - many:  the list query with `filter: { ids: [...] }`
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
import { beijingDayStartIso } from '../format';
import { gqlRequest, localizedError, unwrapResult } from './graphqlClient';

type Filter = Record<string, unknown>;

export interface WriteConfig {
  /** Mutation name, e.g. `updateMemberRegistry`. */
  mutation: string;
  /** GraphQL input type of its single `input` argument, e.g. `MemberRegistryUpdateInput`. */
  inputType: string;
  /** Build the mutation input from react-admin's params. */
  toInput: (params: { id?: Identifier; data: Record<string, unknown>; previousData?: Record<string, unknown> }) => Record<string, unknown>;
}

export interface ResourceConfig {
  /** GraphQL object type of a record (for `... on <type>` in mutation results). */
  type: string;
  /** List query name. */
  list: string;
  /** Single-record query name; absent when the API has none. */
  one?: string;
  /** Name and type of the single query's key argument (default `id: Int!`). */
  idArg?: { name: string; type: string };
  /** The record field react-admin uses as `id` (default `id`). */
  idField?: string;
  /** Selection set for one record. */
  fields: string;
  /** Smaller selection set for list rows (default `fields`). */
  listFields?: string;
  /** Extra selection for getOne only (e.g. nested history). */
  oneExtraFields?: string;
  /** GraphQL input type of the list filter; absent when the list takes no filter. */
  filterType?: string;
  /** The filter field that takes a list of ids (for getMany). */
  idsFilter?: string;
  /** Map react-admin filter values to the GraphQL filter (after empty values are dropped). */
  filter?: (f: Filter) => Filter;
  /** Sort fields the list query accepts; others are not sent (the API's default order applies). */
  sortable: string[];
  create?: WriteConfig;
  update?: WriteConfig;
}

const RULE_VIOLATION_FIELDS = 'rule code message field params { key value }';

// ---------------------------------------------------------------------------------------------
// Field selections (server/src/modules/*/*.entity.ts)
// ---------------------------------------------------------------------------------------------

// A5: staff get birth year and age, never the full birth date next to a masked ID number.
const MEMBER_FIELDS = `id name idNumber phone sex birthYear age scheme status suspendedUntil insuredRegion provinceCode retired
  offsiteAccountPermission contributionBaseFen diedOn exitedOn createdAt updatedAt`;
const BINDING_FIELDS = `id kind giverId beneficiaryId relationship initiatedBy state commitmentAcceptedAt confirmationRequired
  confirmedAt activationMode approved singleLimitFen priority reservedFen giverRegion beneficiaryRegion giverProvince
  beneficiaryProvince policyVersionId activatedAt endedAt createdAt updatedAt`;
const BINDING_TRANSITION_FIELDS = 'id fromState toState actorKind actorId actorName reason rule at';
const PROOF_FIELDS = `id bindingId docType fileName mimeType sizeBytes sha256 reviewState reviewerId reviewerName reviewedAt
  reviewReason uploadedByMemberId createdAt`;
const POLICY_FIELDS = 'id provinceCode version effectiveFrom note createdById createdByName createdAt';
const POLICY_RULES_FIELDS = `rules { allowedRelationships intraProvinceSharing crossProvinceSharing beneficiaryMayInitiate confirmationRequired
  requiredProofs { relationship docTypes } activationMode maxGiversPerBeneficiary maxBeneficiariesPerGiver singleFamilyNetwork
  allowedCategories commercialInsuranceMinBalanceFen residentPremiumWindowStart residentPremiumWindowEnd residentPremiumFen
  retireeMonthlyCreditFen employeeAccountRatePermille fraud { travelWindowMinutes travelDistanceKm institutionsPerDay
  pharmacyVisitsPerPeriod pharmacyPeriodDays pharmaciesPerDay sameDrugRepeats drainPercent drainWindowDays fanOutBeneficiaries
  fanOutInstitutionPatients fanOutWindowDays bindingMismatchAttempts maternityMinAge maternityMaxAge } }`;
const PROVINCE_FIELDS = 'code name shortName nameEn';
const INSTITUTION_FIELDS = 'id code name kind regionCode provinceCode active createdAt';
const AUDIT_FIELDS = 'id at actorKind actorId actorName action entityType entityId reason detail prevHash hash';
// Fraud (server/src/modules/fraud): cases, their signals/timeline/sanctions, settlements.
const FRAUD_CASE_FIELDS = `id state score primaryRule rules summary subjectType subjectId regionCode provinceCode otherRegionCode
  otherProvinceCode assigneeId assignee { id displayName } signalCount dismissalReason createdAt updatedAt closedAt`;
const FRAUD_SIGNAL_FIELDS = 'id rule score summary evidence memberId bindingId settlementId institutionId regionCode caseId createdAt';
const FRAUD_SANCTION_FIELDS = 'id kind memberId bindingId months untilDate settlementId reversalId amountFen baseFen multiplier createdAt createdByStaffId';
const SETTLEMENT_FIELDS = `id serialNo institutionId patientId credentialType credentialNoMasked category totalFen poolFen selfPayFen acctPayFen
  mulaidPayFen cashFen reversedFen cashReversedFen acctUsedFlag placeRegion placeProvince patientRegion patientProvince offsite status
  treatedAt createdAt`;
const SETTLEMENT_DETAIL_FIELDS = `drugCodes patient { id name idNumber sex birthYear age suspendedUntil status } institution { id code name kind regionCode }
  payments { id seq payerMemberId bindingId accountId amountFen fromReserveFen reversedFen }
  reversals { id serialNo amountFen accountFen cashFen createdAt } policyVersions { memberId role provinceCode policyVersionId }`;
const FRAUD_CASE_DETAIL_FIELDS = `signals { ${FRAUD_SIGNAL_FIELDS} } notes { id kind text actorName actorStaffId createdAt }
  sanctions { ${FRAUD_SANCTION_FIELDS} } settlements { ${SETTLEMENT_FIELDS} } bindings { ${BINDING_FIELDS} }
  members { id name idNumber sex birthYear age status suspendedUntil insuredRegion }`;

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
    type: 'Member',
    list: 'members',
    one: 'member',
    fields: `${MEMBER_FIELDS} account { id balanceFen reservedFen }`,
    listFields: MEMBER_FIELDS,
    filterType: 'MemberFilter',
    idsFilter: 'ids',
    filter: (f) => {
      const out = pick(f, ['name', 'region', 'scheme', 'status', 'ids']);
      if (typeof f.idNumber === 'string') out.idNumber = f.idNumber.toUpperCase();
      // The member search box (components/MemberSearchInput): nobody until there is something to search (no member has id 0).
      if (f.memberSearch && !out.name && !out.idNumber) return { ids: [0] };
      return out;
    },
    sortable: ['id', 'birthDate', 'scheme', 'status', 'insuredRegion', 'createdAt'],
    update: {
      mutation: 'updateMemberRegistry',
      inputType: 'MemberRegistryUpdateInput',
      toInput: ({ id, data }) => ({ memberId: Number(id), ...pick(data, ['scheme', 'insuredRegion', 'retired', 'reason']) }),
    },
  },
  bindings: {
    type: 'Binding',
    list: 'bindings',
    one: 'binding',
    fields: BINDING_FIELDS,
    oneExtraFields: `transitions: history { ${BINDING_TRANSITION_FIELDS} } consistency { giverAge beneficiaryAge problems }`,
    filterType: 'BindingFilter',
    idsFilter: 'ids',
    filter: (f) => {
      const out = pick(f, ['state', 'kind', 'relationship', 'region', 'ids']);
      for (const k of ['giverId', 'beneficiaryId', 'memberId']) if (f[k] !== undefined && f[k] !== null && f[k] !== '' && Number.isFinite(Number(f[k]))) out[k] = Number(f[k]);
      return out;
    },
    sortable: ['id', 'state', 'createdAt', 'updatedAt', 'priority'],
  },
  proofs: {
    type: 'RelationshipProof',
    list: 'proofs',
    one: 'proof',
    fields: PROOF_FIELDS,
    filterType: 'ProofFilter',
    idsFilter: 'ids',
    filter: (f) => pick(f, ['reviewState', 'bindingId', 'docType', 'region', 'ids']),
    sortable: ['id', 'createdAt', 'reviewedAt'],
  },
  policies: {
    type: 'PolicyVersion',
    list: 'policyVersions',
    one: 'policyVersion',
    fields: POLICY_FIELDS,
    // Every knob of the version (PolicyRules); only fetched for one version.
    oneExtraFields: POLICY_RULES_FIELDS,
    filterType: 'PolicyVersionFilter',
    idsFilter: 'ids',
    filter: (f) => pick(f, ['provinceCode', 'ids']),
    sortable: ['id', 'provinceCode', 'version', 'effectiveFrom', 'createdAt'],
    create: {
      mutation: 'createPolicyVersion',
      inputType: 'CreatePolicyVersionInput',
      toInput: ({ data }) => pick(data, ['provinceCode', 'effectiveFrom', 'note', 'rules']),
    },
  },
  provinces: {
    type: 'Province',
    list: 'provinces',
    one: 'province',
    idArg: { name: 'code', type: 'String!' },
    idField: 'code',
    fields: PROVINCE_FIELDS,
    sortable: ['code'],
  },
  institutions: {
    type: 'Institution',
    list: 'institutions',
    one: 'institution',
    fields: INSTITUTION_FIELDS,
    filterType: 'InstitutionFilter',
    idsFilter: 'ids',
    filter: (f) => pick(f, ['code', 'name', 'kind', 'region', 'active', 'ids']),
    sortable: ['id', 'code', 'createdAt'],
  },
  fraudCases: {
    type: 'FraudCase',
    list: 'fraudCases',
    one: 'fraudCase',
    fields: FRAUD_CASE_FIELDS,
    oneExtraFields: FRAUD_CASE_DETAIL_FIELDS,
    filterType: 'FraudCaseFilter',
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
    sortable: ['id', 'score', 'state', 'createdAt', 'updatedAt', 'primaryRule'],
  },
  settlements: {
    type: 'Settlement',
    list: 'settlements',
    one: 'settlement',
    idArg: { name: 'id', type: 'SafeInt!' },
    fields: SETTLEMENT_FIELDS,
    listFields: `${SETTLEMENT_FIELDS} patient { id name }`,
    oneExtraFields: SETTLEMENT_DETAIL_FIELDS,
    filterType: 'SettlementFilter',
    // Treatment dates are picked as Beijing days, both ends inclusive (the API's `to` is exclusive).
    filter: (f) => {
      const out = pick(f, ['category', 'region', 'serialNo']);
      for (const k of ['institutionId', 'memberId']) if (f[k] !== undefined && Number.isFinite(Number(f[k]))) out[k] = Number(f[k]);
      if (typeof f.from === 'string') out.from = beijingDayStartIso(f.from.slice(0, 10));
      if (typeof f.to === 'string') out.to = beijingDayStartIso(f.to.slice(0, 10), 1);
      return out;
    },
    sortable: ['id', 'treatedAt', 'selfPayFen', 'totalFen', 'createdAt'],
  },
  // R1: registry imports (uploaded over HTTP, see providers/registry.ts); read-only here.
  importJobs: {
    type: 'ImportJob',
    list: 'importJobs',
    one: 'importJob',
    fields: `id kind dryRun status fileName fileSha256 format encoding scope startedBy totalBytes bytesRead rowsRead inserted updated
      unchanged rejected problemCount failure startedAt finishedAt`,
    sortable: ['id', 'startedAt'],
  },
  // C1–C5: account closures and transfers; decisions are mutations in providers/registry.ts.
  accountClosures: {
    type: 'AccountClosure',
    list: 'accountClosures',
    one: 'accountClosure',
    fields: `id memberId accountId cause state pendingFen closedBalanceFen regionCode fromRegion eventDate documents decisionReason decidedBy
      decidedAt createdAt`,
    oneExtraFields: 'payments { id amountFen payeeName bankAccount createdAt }',
    filterType: 'ClosureFilter',
    filter: (f) => {
      const out = pick(f, ['state', 'cause']);
      if (f.memberId !== undefined && Number.isFinite(Number(f.memberId))) out.memberId = Number(f.memberId);
      return out;
    },
    sortable: ['id', 'createdAt', 'state'],
  },
  // A1: staff accounts in the caller's scope (read-only; accounts are provisioned on the command line).
  staffUsers: {
    type: 'StaffUser',
    list: 'staffUsers',
    fields: 'id username displayName roles permissions scope active lastLoginAt lockedUntil mustChangePassword passwordChangedAt createdAt',
    filterType: 'StaffFilter',
    filter: (f) => pick(f, ['search', 'role', 'scope', 'active']),
    sortable: ['id', 'username', 'lastLoginAt'],
  },
  auditLogs: {
    type: 'AuditLog',
    list: 'auditLogs',
    fields: AUDIT_FIELDS,
    filterType: 'AuditFilter',
    // Dates are picked as Beijing calendar days and both ends are inclusive for the user;
    // the API's `to` is exclusive, so it gets the start of the next day.
    filter: (f) => {
      const out = pick(f, ['actorName', 'action', 'entityType', 'entityId']);
      if (typeof f.from === 'string') out.from = beijingDayStartIso(f.from.slice(0, 10));
      if (typeof f.to === 'string') out.to = beijingDayStartIso(f.to.slice(0, 10), 1);
      return out;
    },
    sortable: ['id', 'at', 'action', 'actorName'],
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

function toRecord<T extends RaRecord = RaRecord>(cfg: ResourceConfig, raw: Record<string, unknown>): T {
  const { __typename: _typename, ...record } = raw;
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

export interface BuiltOperation {
  query: string;
  variables: Record<string, unknown>;
}

function selection(fields: string): string {
  return fields.replace(/\s+/g, ' ').trim();
}

export function buildListQuery(
  resource: string,
  params: { pagination?: { page: number; perPage: number }; sort?: { field: string; order: string }; filter?: Filter; meta?: { fields?: string } },
): BuiltOperation {
  const cfg = config(resource);
  const varDefs = ['$page: Int', '$perPage: Int', '$sortField: String', '$sortOrder: SortOrder'];
  const args = ['page: $page', 'perPage: $perPage', 'sortField: $sortField', 'sortOrder: $sortOrder'];
  const variables: Record<string, unknown> = {
    page: Math.max(1, params.pagination?.page ?? 1),
    perPage: Math.min(MAX_PER_PAGE, Math.max(1, params.pagination?.perPage ?? 25)),
  };
  if (cfg.filterType) {
    varDefs.unshift(`$filter: ${cfg.filterType}`);
    args.unshift('filter: $filter');
    const f = gqlFilter(cfg, params.filter);
    if (f) variables.filter = f;
  }
  const sortField = params.sort?.field;
  if (sortField && cfg.sortable.includes(sortField)) {
    variables.sortField = sortField;
    variables.sortOrder = params.sort?.order === 'DESC' ? 'DESC' : 'ASC';
  }
  const fields = selection(params.meta?.fields ?? cfg.listFields ?? cfg.fields);
  const name = `Admin_${cfg.list}`;
  return {
    query: `query ${name}(${varDefs.join(', ')}) { page: ${cfg.list}(${args.join(', ')}) { items { ${fields} } total } }`,
    variables,
  };
}

export function buildOneQuery(resource: string, id: Identifier, meta?: { fields?: string }): BuiltOperation {
  const cfg = config(resource);
  if (!cfg.one) unsupported(resource, 'getOne');
  const arg = cfg.idArg ?? { name: 'id', type: 'Int!' };
  const fields = selection(meta?.fields ?? [cfg.fields, cfg.oneExtraFields].filter(Boolean).join(' '));
  const value = /^(Safe)?Int\b/.test(arg.type) ? Number(id) : String(id);
  return {
    query: `query Admin_${cfg.one}($${arg.name}: ${arg.type}) { record: ${cfg.one}(${arg.name}: $${arg.name}) { ${fields} } }`,
    variables: { [arg.name]: value },
  };
}

export function buildWriteMutation(resource: string, write: WriteConfig, input: Record<string, unknown>): BuiltOperation {
  const cfg = config(resource);
  return {
    query:
      `mutation Admin_${write.mutation}($input: ${write.inputType}!) { result: ${write.mutation}(input: $input) ` +
      `{ __typename ... on ${cfg.type} { ${selection(cfg.fields)} } ... on RuleViolation { ${RULE_VIOLATION_FIELDS} } } }`,
    variables: { input },
  };
}

type Page = { page: { items: Record<string, unknown>[]; total: number } };

async function runList(resource: string, params: Parameters<typeof buildListQuery>[1] & { signal?: AbortSignal }) {
  const cfg = config(resource);
  const perPage = params.pagination?.perPage ?? 25;
  if (perPage > MAX_PER_PAGE && (params.pagination?.page ?? 1) === 1) {
    // An export asks for more rows than one API page holds: fetch page after page (never cut at 500).
    const rows: RaRecord[] = [];
    let total = 0;
    for (let page = 1; rows.length < perPage; page++) {
      const op = buildListQuery(resource, { ...params, pagination: { page, perPage: MAX_PER_PAGE } });
      const data = await gqlRequest<Page>(op.query, op.variables, { signal: params.signal });
      total = data.page.total;
      rows.push(...data.page.items.map((r) => toRecord(cfg, r)));
      if (data.page.items.length < MAX_PER_PAGE || rows.length >= total) break;
    }
    return { data: rows.slice(0, perPage), total };
  }
  const op = buildListQuery(resource, params);
  const data = await gqlRequest<Page>(op.query, op.variables, { signal: params.signal });
  return { data: data.page.items.map((r) => toRecord(cfg, r)), total: data.page.total };
}

async function runOne(resource: string, id: Identifier, meta?: { fields?: string }, signal?: AbortSignal) {
  const cfg = config(resource);
  const op = buildOneQuery(resource, id, meta);
  const data = await gqlRequest<{ record: Record<string, unknown> | null }>(op.query, op.variables, { signal });
  return data.record ? toRecord(cfg, data.record) : null;
}

async function runWrite(resource: string, write: WriteConfig, input: Record<string, unknown>) {
  const cfg = config(resource);
  const op = buildWriteMutation(resource, write, input);
  const data = await gqlRequest<{ result: unknown }>(op.query, op.variables);
  return toRecord(cfg, unwrapResult(data.result as Record<string, unknown>, write.mutation));
}

export interface RevealedMember {
  id: number;
  idNumber: string;
  name: string;
  phone: string | null;
}

export interface StatementLine {
  id: number;
  at: string;
  direction: string;
  cause: string;
  amountFen: number;
  balanceAfterFen: number | null;
  category: string | null;
  counterpart: string | null;
  institutionName: string | null;
  settlementId: number | null;
}

export interface ProvincePolicyStatus {
  provinceCode: string;
  name: string;
  crossProvinceSharing: boolean;
  intraProvinceSharing: boolean;
  policyVersionId: number;
  version: number;
  effectiveFrom: string;
  nextEffectiveFrom: string | null;
}

export interface PolicyChange {
  path: string;
  before: string | null;
  after: string | null;
}

export const ACCOUNT_STATEMENT = `query Admin_accountStatement($memberId: Int!, $page: Int!, $perPage: Int!, $from: String, $to: String) { page: accountStatement(memberId: $memberId, page: $page, perPage: $perPage, from: $from, to: $to, sortField: "id", sortOrder: DESC) { items { id at direction cause amountFen balanceAfterFen category counterpart institutionName settlementId } total } }`;
export const CROSS_PROVINCE_MAP = `query Admin_crossProvinceMap($date: String) { rows: crossProvinceMap(date: $date) { provinceCode name crossProvinceSharing intraProvinceSharing policyVersionId version effectiveFrom nextEffectiveFrom } }`;
export const POLICY_HISTORY = `query Admin_policyHistory($provinceCode: String!) { rows: policyHistory(provinceCode: $provinceCode) { ${POLICY_FIELDS} ${POLICY_RULES_FIELDS} } }`;
export const AUDIT_CHAIN_CHECK = 'query Admin_auditChainCheck { check: auditChainCheck { ok checked brokenAtId } }';
export const POLICY_DIFF = `query Admin_policyDiff($fromId: Int!, $toId: Int!) { rows: policyDiff(fromId: $fromId, toId: $toId) { path before after } }`;

export interface DashboardStats {
  fromMonth: string;
  toMonth: string;
  mutualAidByMonth: Array<{ month: string; category: string; amountFen: number; count: number }>;
  mutualAidByProvince: Array<{ provinceCode: string; amountFen: number; count: number }>;
  queues: Array<{ queue: 'PROOFS' | 'BINDINGS'; total: number; oldestAt: string | null; under1Day: number; days1to3: number; days3to7: number; days7to30: number; over30Days: number }>;
  today: { date: string; count: number; mutualAidCount: number; totalFen: number; selfPayFen: number; acctPayFen: number; mulaidPayFen: number; cashFen: number };
}

export const DASHBOARD_STATS = `query Admin_dashboardStats($months: Int) { stats: dashboardStats(months: $months) { fromMonth toMonth
  mutualAidByMonth { month category amountFen count } mutualAidByProvince { provinceCode amountFen count }
  queues { queue total oldestAt under1Day days1to3 days3to7 days7to30 over30Days }
  today { date count mutualAidCount totalFen selfPayFen acctPayFen mulaidPayFen cashFen } } }`;

export interface CountBucket {
  key: string;
  count: number;
}
export interface FraudCaseCounts {
  total: number;
  byRule: CountBucket[];
  byRegion: CountBucket[];
  byState: CountBucket[];
}
export interface PatternBucket {
  key: string;
  count: number;
  selfPayFen: number;
  accountFen: number;
}
export interface MemberRiskProfile {
  member: RaRecord;
  openScore: number;
  cases: RaRecord[];
  signals: RaRecord[];
  bindings: RaRecord[];
  byPlace: PatternBucket[];
  byCategory: PatternBucket[];
}

const COUNTS_SELECTION = 'total byRule { key count } byRegion { key count } byState { key count }';
/** Open = OPEN + INVESTIGATING: the API counts one state at a time, so both are asked in one request. */
export const OPEN_FRAUD_CASE_COUNTS = `query Admin_openFraudCaseCounts { open: fraudCaseCounts(state: OPEN) { ${COUNTS_SELECTION} } investigating: fraudCaseCounts(state: INVESTIGATING) { ${COUNTS_SELECTION} } }`;
export const MEMBER_RISK_PROFILE = `query Admin_memberRiskProfile($memberId: Int!) { profile: memberRiskProfile(memberId: $memberId) { openScore
  member { ${MEMBER_FIELDS} } cases { ${FRAUD_CASE_FIELDS} } signals { ${FRAUD_SIGNAL_FIELDS} } bindings { ${BINDING_FIELDS} }
  byPlace { key count selfPayFen accountFen } byCategory { key count selfPayFen accountFen } } }`;

export const FRAUD_CASE_ASSIGNEES = `query Admin_fraudCaseAssignees($id: Int!) { assignees: fraudCaseAssignees(id: $id) { id username displayName scope } }`;

/** Add up count tables bucket by bucket (keys in order of first appearance, then by count). */
export function mergeCaseCounts(...parts: FraudCaseCounts[]): FraudCaseCounts {
  const add = (lists: CountBucket[][]) => {
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

/** The list-query selection of each resource (for `meta.fields` of custom screens). */
export const FIELDS = { MEMBER_FIELDS, BINDING_FIELDS, BINDING_TRANSITION_FIELDS, PROOF_FIELDS, POLICY_FIELDS, POLICY_RULES_FIELDS } as const;

export interface CaseAssignee {
  id: number;
  username: string;
  displayName: string;
  scope: string | null;
}

export interface GongjiDataProvider extends DataProvider {
  /** The home dashboard's aggregates (in the viewer's scope) over the last `months` months. */
  dashboardStats(months?: number): Promise<DashboardStats>;
  /** S11: one page of a member's 账户明细, newest first; `range`: Beijing days (YYYY-MM-DD), both inclusive. */
  accountStatement(memberId: Identifier, page: number, perPage: number, range?: { from?: string | null; to?: string | null }): Promise<{ data: StatementLine[]; total: number }>;
  /** E7: each province's sharing flags in force on a date (default today). */
  crossProvinceMap(date?: string | null): Promise<ProvincePolicyStatus[]>;
  /** Every policy version of a province, oldest first, with its rules. */
  policyHistory(provinceCode: string): Promise<RaRecord[]>;
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
   * Run a command mutation returning `<resource type> | RuleViolation`, e.g.
   * `command('bindings', 'approveBinding', { id: 3, reason: '…' }, { id: 'Int!', reason: 'String!' })`.
   */
  command<T extends RaRecord = RaRecord>(
    resource: string,
    mutation: string,
    variables: Record<string, unknown>,
    variableTypes: Record<string, string>,
  ): Promise<{ data: T }>;
}

export function buildCommand(resource: string, mutation: string, variableTypes: Record<string, string>): string {
  const cfg = config(resource);
  const names = Object.keys(variableTypes);
  const defs = names.map((n) => `$${n}: ${variableTypes[n]}`).join(', ');
  const args = names.map((n) => `${n}: $${n}`).join(', ');
  return (
    `mutation Admin_${mutation}${defs ? `(${defs})` : ''} { result: ${mutation}${args ? `(${args})` : ''} ` +
    `{ __typename ... on ${cfg.type} { ${selection(cfg.fields)} } ... on RuleViolation { ${RULE_VIOLATION_FIELDS} } } }`
  );
}

export const REVEAL_MEMBER = `mutation Admin_revealMember($id: Int!, $reason: String!) { result: revealMember(id: $id, reason: $reason) { __typename ... on RevealedMember { id idNumber name phone } ... on RuleViolation { ${RULE_VIOLATION_FIELDS} } } }`;

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
      const numeric = /^(Safe)?Int\b/.test(cfg.idArg?.type ?? 'Int!');
      const { data } = await runList(resource, {
        pagination: { page: 1, perPage: ids.length },
        filter: { [cfg.idsFilter]: ids.map((id) => (numeric ? Number(id) : String(id))) },
        meta: params.meta,
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
    return { data: await runWrite(resource, write, write.toInput(params)) } as never;
  },

  create: async (resource: string, params: CreateParams) => {
    const write = config(resource).create ?? unsupported(resource, 'create');
    return { data: await runWrite(resource, write, write.toInput({ data: params.data })) } as never;
  },

  updateMany: async (resource: string) => unsupported(resource, 'updateMany'),
  delete: async (resource: string) => unsupported(resource, 'delete'),
  deleteMany: async (resource: string) => unsupported(resource, 'deleteMany'),

  revealMember: async (id, reason) => {
    const data = await gqlRequest<{ result: unknown }>(REVEAL_MEMBER, { id: Number(id), reason });
    const r = unwrapResult(data.result as RevealedMember, 'revealMember');
    return { id: r.id, idNumber: r.idNumber, name: r.name, phone: r.phone ?? null };
  },

  openFraudCaseCounts: async () => {
    const data = await gqlRequest<{ open: FraudCaseCounts; investigating: FraudCaseCounts }>(OPEN_FRAUD_CASE_COUNTS);
    return mergeCaseCounts(data.open, data.investigating);
  },

  fraudCaseAssignees: async (caseId) => {
    const data = await gqlRequest<{ assignees: CaseAssignee[] }>(FRAUD_CASE_ASSIGNEES, { id: Number(caseId) });
    return data.assignees;
  },

  memberRiskProfile: async (memberId) => {
    const data = await gqlRequest<{ profile: MemberRiskProfile }>(MEMBER_RISK_PROFILE, { memberId: Number(memberId) });
    return data.profile;
  },

  dashboardStats: async (months = 6) => {
    const data = await gqlRequest<{ stats: DashboardStats }>(DASHBOARD_STATS, { months });
    return data.stats;
  },

  accountStatement: async (memberId, page, perPage, range) => {
    const data = await gqlRequest<Page>(ACCOUNT_STATEMENT, {
      memberId: Number(memberId),
      page: Math.max(1, page),
      perPage: Math.min(MAX_PER_PAGE, Math.max(1, perPage)),
      ...(range?.from ? { from: range.from } : {}),
      ...(range?.to ? { to: range.to } : {}),
    });
    return { data: data.page.items as unknown as StatementLine[], total: data.page.total };
  },

  crossProvinceMap: async (date) => {
    const data = await gqlRequest<{ rows: ProvincePolicyStatus[] }>(CROSS_PROVINCE_MAP, date ? { date } : {});
    return data.rows;
  },

  policyHistory: async (provinceCode) => {
    const data = await gqlRequest<{ rows: Record<string, unknown>[] }>(POLICY_HISTORY, { provinceCode });
    return data.rows.map((r) => toRecord(config('policies'), r));
  },

  policyDiff: async (fromId, toId) => {
    const data = await gqlRequest<{ rows: PolicyChange[] }>(POLICY_DIFF, { fromId: Number(fromId), toId: Number(toId) });
    return data.rows;
  },

  setCrossProvinceSharing: async (provinceCode, enabled, effectiveFrom, note) => {
    const { data } = await dataProvider.command(
      'policies',
      'setCrossProvinceSharing',
      { provinceCode, enabled, effectiveFrom: effectiveFrom || null, note: note || null },
      { provinceCode: 'String!', enabled: 'Boolean!', effectiveFrom: 'String', note: 'String' },
    );
    return data;
  },

  command: async (resource, mutation, variables, variableTypes) => {
    const cfg = config(resource);
    const data = await gqlRequest<{ result: unknown }>(buildCommand(resource, mutation, variableTypes), variables);
    return { data: toRecord(cfg, unwrapResult(data.result as Record<string, unknown>, mutation)) } as never;
  },
};
