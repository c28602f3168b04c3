/**
 * The one list-query builder every staff list uses (issue 10): declarative filters, the A1 scope
 * predicate, index-aligned ordering, keyset (seek) pagination with page numbers still available,
 * and counts that cost nothing at scale.
 *
 * How a page is read — one statement, one round trip:
 *  1. ids: `SELECT id, <sort key> … WHERE … ORDER BY key DIR, id DIR LIMIT n` — the tie-break runs in
 *     the sort's direction so a `(filter…, key)` index (whose entries end in the primary key) delivers
 *     the order without a filesort. A predicate that is an OR over two columns (a settlement's patient
 *     OR place region, a binding's giver OR beneficiary) becomes one branch per column, each index
 *     ordered and limited, merged by a UNION: two index range reads instead of a full scan.
 *  2. rows: the ids as a derived table joined to the rows by primary key (a deferred join: only the
 *     page's rows are read, whatever the offset), selecting only the columns the client asked for
 *     when every field it asked for is a plain column (`pageSelection`).
 *  3. total: an uncorrelated scalar subquery in the same statement, `COUNT(*)` over at most
 *     `countCap + 1` matching ids (evaluated once); past the cap the total is reported as capped
 *     (`totalCapped`), so a 10M-row table never pays for an exact count. Left out when the client did
 *     not ask for the total.
 * Keyset: every page returns `nextCursor` (sort key + id of its last row); passing it as `after` reads
 * the next page by seeking, whatever the depth. Page numbers keep working (OFFSET over the id phase only).
 */
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { Driver, EntityMetadata, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { RequestContext } from './context';
import { InvalidInputError } from './errors';
import type { ListArgs } from './pagination';
import { regionInScope, type ListResource, type ListSortField } from '@gongji/shared';
import { regionColumn, type RegionColumns } from './scope';

export type { RegionColumns } from './scope';

/** How one filter key of a resource's filter input turns into SQL. Columns are SQL column names (`s.patient_id`). */
export type FilterDef =
  | { kind: 'eq'; column: string; join?: string; map?: (v: any) => unknown }
  | { kind: 'in'; column: string; join?: string }
  | { kind: 'gte' | 'lt'; column: string; join?: string }
  /** `LIKE 'value%'` (index-friendly prefix). */
  | { kind: 'prefix'; column: string; join?: string; map?: (v: any) => string }
  /** `LIKE '%value%'` (no index; keep to small tables or combine with an indexed filter). */
  | { kind: 'contains'; column: string; join?: string }
  /** A 2-digit province or 6-digit pooling-region code matched against any of the column pairs. */
  | { kind: 'region'; columns: RegionColumns[]; join?: string }
  /** Equal to any of the columns (e.g. a member as giver or beneficiary). */
  | { kind: 'anyOf'; columns: string[]; join?: string }
  | { kind: 'custom'; apply: (qb: SelectQueryBuilder<any>, value: any, param: string) => void; join?: string }
  /** One of the row's link rows has this code (a case's rules): the page is read from the link's index in order. */
  | { kind: 'link'; link: ListLink; join?: undefined };


export interface SortDef {
  /** SQL column (`s.treated_at`). */
  column: string;
  /** Nullable columns cannot be sought past; they page by OFFSET only (nextCursor is null). */
  nullable?: boolean;
  /** A DATETIME(6) column: its key is read as text so a cursor keeps the microseconds. */
  time?: boolean;
}

/**
 * A list's sorts: exactly the fields `LIST_SORTS` (shared/src/list-sorts.ts) names for the resource,
 * each with its column. A field missing here, or one the resource does not list, does not compile;
 * the EXPLAIN test reads every one of them in index order on MariaDB.
 */
export function sortsOf<R extends ListResource>(_resource: R, defs: { [K in ListSortField<R>]: SortDef }): Record<string, SortDef> {
  return defs;
}

/**
 * A link table that repeats some of the listed row's columns beside a code, so a list narrowed to one
 * code is read from the link's `(code, column…)` index in order: the query joins the link rows of
 * that code and reads the sort key, the key and range filters from the link row.
 *   - As a scope (`scope: { link }`), A1 through links: one row per province and pooling region the
 *     listed row concerns (audit entries concern any number of regions), the staff member's code.
 *   - As a filter (`kind: 'link'`): a case's rule rows, the rule asked for — over the whole list only;
 *     under a region scope or filter the region's index orders the page and the link row is found by
 *     its key. A list uses one link at most.
 */
export interface ListLink {
  /** The link table's entity and alias: when nothing else needs the listed row, ids and count are read from the link alone. */
  entity: EntityTarget<ObjectLiteral>;
  alias: string;
  /** Adds the inner join of the link table (its condition ties the link row to the listed row). */
  join: (qb: SelectQueryBuilder<any>) => void;
  /** The link's code column (`r.region_code`, `f.rule`). */
  code: string;
  /** Listed-row columns (sort keys, the key, range filters) → the same value on the link row. */
  columns: Record<string, string>;
}

/** A link table joined on `on` (`f.case_id = c.id`), narrowed by `code`, repeating `columns`. */
export function listLink(entity: Function, alias: string, on: string, code: string, columns: Record<string, string>): ListLink {
  return { entity, alias, join: (qb) => void qb.innerJoin(entity, alias, on), code, columns };
}

export interface ListSpec<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  alias: string;
  /** Primary key column (default `id`). */
  key?: string;
  /** Joins a filter or the scope may need, by name; applied only when used. */
  joins?: Record<string, (qb: SelectQueryBuilder<T>) => void>;
  /**
   * A1 for staff: the row is visible when any column pair is in scope. A function for anything else
   * (it must add the predicate itself). Non-staff, non-system callers see nothing unless `scope: false`
   * is passed to runList.
   */
  scope: RegionColumns[] | { join: string; columns: RegionColumns[] } | { link: ListLink } | ((ctx: RequestContext, qb: SelectQueryBuilder<T>) => void);
  filters: Record<string, FilterDef>;
  sortable: Record<string, SortDef>;
  defaultSort: string;
  /** Used when the caller gives no sortField (keeps the old API: ASC). */
  defaultOrder?: 'ASC' | 'DESC';
  /** Entity properties the service reads from the page's rows itself (always loaded). */
  always?: string[];
}

export interface ListPage<T> {
  items: T[];
  /** Exact when `totalCapped` is false, else a lower bound ("10,000+"). */
  total: number;
  totalCapped: boolean;
  /** Pass as `after` to read the page after this one by keyset; null on the last page. */
  nextCursor: string | null;
}

export interface RunOptions<T extends ObjectLiteral> {
  /** false: do not apply the staff scope (the caller has already restricted the rows, e.g. to an institution). */
  scope?: boolean;
  /** Extra predicates (applied to every branch). */
  where?: (qb: SelectQueryBuilder<T>) => void;
  /** Maximum counted rows before the total is reported as capped. */
  countCap?: number;
  /** What the client asked for (`pageSelection(info)`); default: every column and the total. */
  select?: PageSelection;
}

/** What a client asked of a page: the columns its item fields read, and whether it wants the total. */
export interface PageSelection {
  /** The item fields asked for; undefined: unknown (load every column). */
  fields?: string[];
  /** false: neither `total` nor `totalCapped` was asked for, so nothing is counted. */
  total: boolean;
}

/** Field names of a selection set, through fragments (directives ignored: a superset is safe). */
function selectedNames(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, out = new Map<string, SelectionSetNode | undefined>()) {
  for (const sel of set?.selections ?? []) {
    if (sel.kind === 'Field') {
      const prev = out.get(sel.name.value);
      // The same field twice (aliases): merge its sub-selections.
      out.set(sel.name.value, prev && sel.selectionSet ? { ...prev, selections: [...prev.selections, ...sel.selectionSet.selections] } : (sel.selectionSet ?? prev));
    } else if (sel.kind === 'InlineFragment') selectedNames(sel.selectionSet, info, out);
    else selectedNames(info.fragments[sel.name.value]?.selectionSet, info, out);
  }
  return out;
}

/**
 * From a list resolver's `info`: the item fields asked for, and whether the total is wanted. Which of the
 * fields are plain columns is decided against the listed entity (`plainColumns`).
 */
export function pageSelection(info: GraphQLResolveInfo): PageSelection {
  const top = new Map<string, SelectionSetNode | undefined>();
  for (const node of info.fieldNodes) selectedNames(node.selectionSet, info, top);
  const total = top.has('total') || top.has('totalCapped');
  const fields = [...selectedNames(top.get('items'), info).keys()].filter((n) => !n.startsWith('__'));
  return { fields, total };
}

const fieldResolved = new WeakMap<Function, Set<string>>();

/** GraphQL fields of an entity type that have their own resolver (type-graphql @FieldResolver, any resolver class). */
function resolvedFields(entity: Function): Set<string> {
  let names = fieldResolved.get(entity);
  if (!names) {
    names = new Set();
    for (const r of getMetadataStorage().fieldResolvers) {
      if (r.getObjectType?.() !== entity) continue;
      names.add(r.methodName);
      if (r.schemaName) names.add(r.schemaName);
    }
    fieldResolved.set(entity, names);
  }
  return names;
}

/**
 * The entity properties a page must load for the asked fields, or null for every column: only when each
 * field is a column with no resolver of its own (graphql's default resolver then reads just that property).
 */
function plainColumns<T extends ObjectLiteral>(ctx: RequestContext, spec: ListSpec<T>, select: PageSelection | undefined): string[] | null {
  if (!select?.fields || typeof spec.entity !== 'function') return null;
  const meta = ctx.em.connection.getMetadata(spec.entity);
  const resolved = resolvedFields(spec.entity);
  const keyProp = spec.key ?? 'id';
  const props = [keyProp, ...select.fields, ...(spec.always ?? [])];
  if (props.some((c) => resolved.has(c) || !meta.findColumnWithPropertyName(c))) return null;
  return [...new Set(props)];
}

export const COUNT_CAP = 10_000;

/** `%` and `_` match themselves; '!' is the escape because a backslash means different things in MySQL and SQLite literals. */
export function escapeLike(v: string): string {
  return v.replace(/[!%_]/g, '!$&');
}

interface Branchable {
  /** Alternatives; a row matches when any does. Each is applied to its own UNION branch. */
  alternatives: Array<{ sql: string; params: Record<string, unknown> }>;
  /** For region groups: the code and the column pairs, so a group implied by another can be dropped. */
  region?: { code: string; columns: RegionColumns[] };
}

interface Plan<T extends ObjectLiteral> {
  base: () => SelectQueryBuilder<T>;
  ors: Branchable[];
  /** Every parameter of the WHERE (steps and kept OR groups), by name. */
  params: Record<string, unknown>;
  /** Scoped through a link table: listed-row columns read from the link row instead. */
  remap?: Record<string, string>;
}

/** A listed-row column as the query reads it (from the link row when scoped through one). */
const remapped = (remap: Record<string, string> | undefined, column: string) => remap?.[column] ?? column;

/**
 * The plan of a list's WHERE: steps to apply to a query builder, OR groups, and every parameter by name.
 * Parameter names are numbered per plan, so the same filter always yields the same SQL text (the shape
 * cache below keys on it) and the page's and the count's plans name the same values alike.
 */
function plan<T extends ObjectLiteral>(ctx: RequestContext, spec: ListSpec<T>, filter: Record<string, unknown> | undefined | null, opts: RunOptions<T>, sortColumn?: string): Plan<T> {
  let n = 0;
  const params: Record<string, unknown> = {};
  const pname = (p: string) => `${p}_${++n}`;
  const steps: Array<(qb: SelectQueryBuilder<T>) => void> = [];
  const ors: Branchable[] = [];
  const joins = new Set<string>();
  let remap: Record<string, string> | undefined;
  let link: ListLink | undefined;
  // Does anything but the scope and remapped range filters read the listed row? If not, a link-scoped
  // page reads its ids and count from the link rows alone (no join per counted row).
  let mainTouched = Boolean(opts.where);
  const p = ctx.principal;
  if (opts.scope !== false && p?.kind !== 'system') {
    if (p?.kind !== 'staff') steps.push((qb) => void qb.andWhere('1 = 0'));
    else if (p.scope) {
      const scope = p.scope;
      if (typeof spec.scope === 'function') {
        const fn = spec.scope;
        steps.push((qb) => fn(ctx, qb));
      } else if ('link' in spec.scope) {
        const l = spec.scope.link;
        const param = pname('sc');
        params[param] = scope;
        link = l;
        remap = l.columns;
        steps.push((qb) => {
          if (mainTouched) l.join(qb);
          qb.andWhere(`${l.code} = :${param}`, { [param]: scope });
        });
      } else {
        const cols = Array.isArray(spec.scope) ? spec.scope : spec.scope.columns;
        if (!Array.isArray(spec.scope)) joins.add(spec.scope.join);
        ors.push(regionAlternatives(cols, scope, pname('sc')));
      }
    }
  }
  const given = (value: unknown) => !(value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0));
  // A link filter given over the whole list: the list is read from the link rows in order, every
  // listed-row column the link repeats read from there (decided before the other filters, which then
  // read theirs from there too). Under a region scope or filter (OR groups over region columns) it
  // orders nothing: each branch reads its region column's (region, sort) index in order and finds the
  // link row by its primary key, reading no more rows than without the filter.
  const regional = ors.length > 0 || Object.entries(filter ?? {}).some(([k, v]) => given(v) && ['region', 'anyOf'].includes(spec.filters[k]?.kind ?? ''));
  let readLink: ListLink | undefined;
  for (const [key, value] of Object.entries(filter ?? {})) {
    const def = spec.filters[key];
    if (def?.kind !== 'link' || !given(value) || regional) continue;
    if (remap) throw new Error(`list ${spec.alias}: one link (scope or filter) per list`);
    readLink = def.link;
    remap = def.link.columns;
    link = def.link;
    // A sort the link does not repeat is read from the listed row.
    if (sortColumn && !remap[sortColumn]) mainTouched = true;
  }
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (!given(value)) continue;
    const def = spec.filters[key];
    // A filter field the spec does not know is a programming error, never silently ignored.
    if (!def) throw new Error(`list filter ${key} is not declared for ${spec.alias}`);
    if (def.join) joins.add(def.join);
    const param = pname(key.replace(/\W/g, ''));
    const column = 'column' in def ? (remap?.[def.column] ?? def.column) : '';
    if (def.kind === 'link' ? def.link !== readLink : def.join || !('column' in def) || !remap?.[def.column]) mainTouched = true;
    const where = (sql: string, v: unknown) => {
      params[param] = v;
      steps.push((qb) => void qb.andWhere(sql, { [param]: v }));
    };
    switch (def.kind) {
      case 'eq':
        where(`${column} = :${param}`, def.map ? def.map(value) : value);
        break;
      case 'in':
        where(`${column} IN (:...${param})`, value);
        break;
      case 'gte':
        where(`${column} >= :${param}`, value);
        break;
      case 'lt':
        where(`${column} < :${param}`, value);
        break;
      case 'prefix':
        where(`${column} LIKE :${param} ESCAPE '!'`, `${escapeLike(def.map ? def.map(value) : String(value))}%`);
        break;
      case 'contains':
        where(`${column} LIKE :${param} ESCAPE '!'`, `%${escapeLike(String(value))}%`);
        break;
      case 'region':
        ors.push(regionAlternatives(def.columns, String(value), param));
        break;
      case 'anyOf':
        ors.push({ alternatives: def.columns.map((c) => ({ sql: `${c} = :${param}`, params: { [param]: value } })) });
        break;
      case 'custom':
        steps.push((qb) => def.apply(qb, value, param));
        break;
      case 'link': {
        params[param] = value;
        // Read in order: the query starts from the link rows (joining the listed row only when something
        // else needs it). Otherwise the link row is joined to the listed row, found by its key.
        const inOrder = def.link === readLink;
        steps.push((qb) => {
          if (!inOrder || mainTouched) def.link.join(qb);
          qb.andWhere(`${def.link.code} = :${param}`, { [param]: value });
        });
        break;
      }
    }
  }
  const kept = dropImplied(ors);
  for (const o of kept) for (const a of o.alternatives) Object.assign(params, a.params);
  return {
    ors: kept,
    remap,
    params,
    base: () => {
      const qb = link && !mainTouched ? (ctx.em.createQueryBuilder(link.entity, link.alias) as unknown as SelectQueryBuilder<T>) : ctx.em.createQueryBuilder(spec.entity, spec.alias);
      for (const j of joins) spec.joins?.[j]?.(qb);
      for (const s of steps) s(qb);
      opts.where?.(qb);
      return qb;
    },
  };
}

/** The scope or region filter as alternatives over the column pairs (one indexed equality each). */
function regionAlternatives(cols: RegionColumns[], code: string, param: string): Branchable {
  const sqls = [...new Set(cols.map((c) => `${regionColumn(c, code)} = :${param}`))];
  return { alternatives: sqls.map((sql) => ({ sql, params: { [param]: code } })), region: { code, columns: cols } };
}

/**
 * A region group over the same column pairs as a wider one implies it (a row of pooling region 440300
 * is in province 44): keep only the narrower, so a scoped, region-filtered list stays one indexed
 * equality per branch instead of two.
 */
function dropImplied(ors: Branchable[]): Branchable[] {
  return ors.filter(
    (o, i) =>
      !o.region ||
      !ors.some(
        (n, j) =>
          j !== i &&
          n.region &&
          JSON.stringify(n.region.columns) === JSON.stringify(o.region!.columns) &&
          regionInScope(o.region!.code, n.region.code) &&
          (n.region.code !== o.region!.code || j < i),
      ),
  );
}

/** Every combination of one alternative per OR group: the UNION branches. */
function branches(ors: Branchable[]): Array<Array<{ sql: string; params: Record<string, unknown> }>> {
  let out: Array<Array<{ sql: string; params: Record<string, unknown> }>> = [[]];
  for (const o of ors) out = out.flatMap((b) => o.alternatives.map((a) => [...b, a]));
  return out;
}

interface Cursor {
  k: unknown;
  id: number | string;
  d?: 1;
}

function encodeCursor(k: unknown, id: unknown): string {
  const c: Cursor = k instanceof Date ? { k: k.toISOString(), id: String(id), d: 1 } : { k, id: String(id) };
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (!c || typeof c !== 'object' || !('k' in c) || (typeof c.id !== 'string' && typeof c.id !== 'number')) throw new Error('shape');
    if (c.d) c.k = new Date(String(c.k));
    return c;
  } catch {
    throw new InvalidInputError('BAD_CURSOR', '分页游标无效 (invalid cursor)', 'after');
  }
}

export interface Resolved {
  column: string;
  order: 'ASC' | 'DESC';
  keyset: boolean;
  time: boolean;
}

export function resolveSort<T extends ObjectLiteral>(spec: ListSpec<T>, args: Pick<ListArgs, 'sortField' | 'sortOrder'>): Resolved {
  const field = args.sortField ?? spec.defaultSort;
  const def = spec.sortable[field];
  if (!def)
    throw new InvalidInputError('BAD_SORT_FIELD', `不支持按 ${field} 排序 (cannot sort by ${field}; use one of ${Object.keys(spec.sortable).join(', ')})`, 'sortField');
  const order = args.sortField ? args.sortOrder : (spec.defaultOrder ?? args.sortOrder);
  return { column: def.column, order: order === 'DESC' ? 'DESC' : 'ASC', keyset: !def.nullable, time: Boolean(def.time) };
}

/** Rows after the cursor in sort order: the sort column, then the key, both in the sort's direction. */
function seekAfter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, sort: Resolved, column: string, key: string, cursor: Cursor): void {
  const cmp = sort.order === 'DESC' ? '<' : '>';
  if (column === key) qb.andWhere(`${key} ${cmp} :ci`, { ci: cursor.id });
  else qb.andWhere(`${column} ${cmp}= :ck AND (${column} ${cmp} :ck OR ${key} ${cmp} :ci)`, { ck: cursor.k, ci: cursor.id });
}

/**
 * The sort key a cursor carries, as an expression of its own: selected bare (`s.score`), TypeORM would
 * take it for the entity's column and move that column to the key's alias, leaving the entity without it
 * (and the key twice as the same expression confuses its select list). `+ 0` keeps the key numeric.
 */
function sortKeyExpression(sort: Resolved, column: string, key: string): string {
  return sort.time ? `CAST(${column} AS CHAR)` : column === key ? `${key} + 0` : `(${column})`;
}

/** The id-phase SQL of one page: ids and sort keys in page order. Exposed for the EXPLAIN test and the bench. */
export function pageSql<T extends ObjectLiteral>(
  ctx: RequestContext,
  spec: ListSpec<T>,
  filter: Record<string, unknown> | undefined | null,
  args: Pick<ListArgs, 'sortField' | 'sortOrder'> & { limit: number; offset?: number; after?: string | null },
  opts: RunOptions<T> = {},
): { sql: string; params: unknown[]; named: NamedSql; sort: Resolved } {
  const sort = resolveSort(spec, args);
  const { base, ors, remap } = plan(ctx, spec, filter, opts, sort.column);
  const key = remapped(remap, `${spec.alias}.${spec.key ?? 'id'}`);
  const column = remapped(remap, sort.column);
  const cursor = args.after ? decodeCursor(args.after) : null;
  if (cursor && !sort.keyset) throw new InvalidInputError('BAD_CURSOR', '该排序不支持游标分页 (this sort pages by number only)', 'after');
  const offset = cursor ? 0 : (args.offset ?? 0);
  const bs = branches(ors);
  const one = (alts: Array<{ sql: string; params: Record<string, unknown> }>, limit: number) => {
    const qb = base();
    for (const a of alts) qb.andWhere(a.sql, a.params);
    if (cursor) seekAfter(qb, sort, column, key, cursor);
    qb.select(key, 'id').addSelect(sortKeyExpression(sort, column, key), 'k').orderBy(column, sort.order);
    if (column !== key) qb.addOrderBy(key, sort.order);
    qb.limit(limit);
    return qb;
  };
  const tail = offset ? ` OFFSET ${offset}` : '';
  const qbs = bs.length === 1 ? [one(bs[0], args.limit)] : bs.map((b) => one(b, args.limit + offset));
  const union = (parts: string[]) =>
    (parts.length === 1 ? parts[0] : parts.map((s, i) => `SELECT id, k FROM (${s}) u${i}`).join(' UNION ') + ` ORDER BY k ${sort.order}, id ${sort.order} LIMIT ${args.limit}`) + tail;
  return rendering(qbs, union, sort);
}

/** The SQL of some query builders combined, with named parameters (to nest), or rendered (`sql`, `params`, rendered on first use). */
function rendering<S>(qbs: SelectQueryBuilder<any>[], combine: (parts: string[]) => string, sort: S) {
  let rendered: Array<[string, unknown[]]> | null = null;
  const render = () => (rendered ??= qbs.map((qb) => qb.getQueryAndParameters()));
  return {
    named: { sql: combine(qbs.map((qb) => qb.getQuery())), params: Object.assign({}, ...qbs.map((qb) => qb.getParameters())) as Record<string, unknown> },
    get sql() {
      return combine(render().map(([s]) => s));
    },
    get params() {
      return render().flatMap(([, p]) => p);
    },
    sort,
  };
}

/** SQL with TypeORM's named parameters (`:name`), to nest in another query builder. */
export interface NamedSql {
  sql: string;
  params: Record<string, unknown>;
}

/** The capped count SQL (COUNT over at most cap + 1 ids). */
export function countSql<T extends ObjectLiteral>(ctx: RequestContext, spec: ListSpec<T>, filter: Record<string, unknown> | undefined | null, cap: number, opts: RunOptions<T> = {}) {
  const { base, ors, remap } = plan(ctx, spec, filter, opts);
  const key = remapped(remap, `${spec.alias}.${spec.key ?? 'id'}`);
  const qbs = branches(ors).map((alts) => {
    const qb = base();
    for (const a of alts) qb.andWhere(a.sql, a.params);
    return qb.select(key, 'id').limit(cap + 1);
  });
  const outer = (parts: string[]) => `SELECT COUNT(*) AS n FROM (${parts.length === 1 ? parts[0] : parts.map((s, i) => `SELECT id FROM (${s}) u${i}`).join(' UNION ')}) c`;
  return rendering(qbs, outer, undefined);
}

/**
 * The one statement of a page, with the capped count as a scalar subquery (`pg_n`) when `cap` is given
 * and each row's sort key (`pg_k`, for the next cursor). Exposed for the EXPLAIN test.
 *   - A page that skips no rows (page 1, or a cursor's seek) of a list read in one branch: the rows
 *     themselves, in index order, LIMIT n.
 *   - Otherwise (OFFSET, a UNION of branches, a list scoped through link rows): its ids (the id-phase SQL
 *     as a derived table, `pg`) joined to the rows by primary key, in page order. The deferred join pays
 *     when OFFSET skips rows, which then cost an index entry each instead of a whole row.
 */
export function listSql<T extends ObjectLiteral>(
  ctx: RequestContext,
  spec: ListSpec<T>,
  filter: Record<string, unknown> | undefined | null,
  args: Pick<ListArgs, 'sortField' | 'sortOrder'> & { limit: number; offset?: number; after?: string | null },
  cap: number | null,
  opts: RunOptions<T> = {},
): { qb: SelectQueryBuilder<T>; sort: Resolved } {
  // A page that skips no rows, read in one branch and not through link rows: the rows in index order
  // with LIMIT. At offset 0 the deferred join only adds a derived table and a sort of the page (on
  // MariaDB, one member's page of settlements took 0.36 ms that way and 0.19 ms this way).
  const cursor = args.after ? decodeCursor(args.after) : null;
  if (cursor || !args.offset) {
    const sort = resolveSort(spec, args);
    if (cursor && !sort.keyset) throw new InvalidInputError('BAD_CURSOR', '该排序不支持游标分页 (this sort pages by number only)', 'after');
    const { base, ors, remap } = plan(ctx, spec, filter, opts, sort.column);
    const bs = branches(ors);
    if (!remap && bs.length === 1) {
      const key = `${spec.alias}.${spec.key ?? 'id'}`;
      const qb = base();
      for (const a of bs[0]) qb.andWhere(a.sql, a.params);
      if (cursor) seekAfter(qb, sort, sort.column, key, cursor);
      const props = plainColumns(ctx, spec, opts.select);
      qb.select(props ? props.map((c) => `${spec.alias}.${c}`) : [spec.alias]).addSelect(sortKeyExpression(sort, sort.column, key), 'pg_k');
      withCount(qb);
      qb.orderBy(sort.column, sort.order);
      if (sort.column !== key) qb.addOrderBy(key, sort.order);
      qb.limit(args.limit);
      return { qb, sort };
    }
  }
  const ids = pageSql(ctx, spec, filter, args, opts);
  const alias = spec.alias;
  const keyProp = spec.key ?? 'id';
  const meta = ctx.em.connection.getMetadata(spec.entity);
  const qb = ctx.em.createQueryBuilder(spec.entity, alias);
  const props = plainColumns(ctx, spec, opts.select);
  if (props) qb.select(props.map((c) => `${alias}.${c}`));
  qb.innerJoin(`(${ids.named.sql})`, 'pg', `pg.id = ${alias}.${meta.findColumnWithPropertyName(keyProp)?.databaseName ?? keyProp}`)
    .setParameters(ids.named.params)
    .addSelect('pg.k', 'pg_k');
  withCount(qb);
  qb.orderBy('pg.k', ids.sort.order).addOrderBy('pg.id', ids.sort.order);
  return { qb, sort: ids.sort };

  function withCount(q: SelectQueryBuilder<T>): void {
    if (cap === null) return;
    const c = countSql(ctx, spec, filter, cap, opts);
    q.addSelect(`(${c.named.sql})`, 'pg_n').setParameters(c.named.params);
  }
}

/** A page's SQL by shape (see `shapeKey`): its text with named parameters, and how its rows become entities. */
interface Shape {
  sql: string;
  columns: Array<{ key: string; column: ColumnMetadata }>;
}
const shapes = new Map<string, Shape>();
const MAX_SHAPES = 2_000;
const specIds = new WeakMap<object, number>();
let specCount = 0;

/**
 * What decides a page's SQL text, apart from parameter values: the list, the caller's kind and scope,
 * the filter keys given (with an IN list's length and a region code, which change the text), the sort,
 * cursor or offset, limit, count cap and selected columns. Null when something outside this key shapes
 * the SQL (an extra predicate, a scope function, a custom filter): that page is built every time.
 */
function shapeKey<T extends ObjectLiteral>(
  ctx: RequestContext,
  spec: ListSpec<T>,
  filter: Record<string, unknown> | undefined | null,
  args: { limit: number; offset?: number; after?: string | null },
  sort: Resolved,
  cap: number | null,
  opts: RunOptions<T>,
  props: string[] | null,
): string | null {
  if (opts.where || typeof spec.scope === 'function' || typeof spec.entity !== 'function') return null;
  let id = specIds.get(spec);
  if (id === undefined) specIds.set(spec, (id = ++specCount));
  const p = ctx.principal;
  const parts: Array<string | number> = [id, p?.kind ?? '-', p?.kind === 'staff' ? (p.scope ?? '*') : '', opts.scope === false ? 0 : 1, sort.column, sort.order];
  parts.push(args.after ? 'after' : (args.offset ?? 0), args.limit, cap ?? '-', props?.join(',') ?? '*');
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    const def = spec.filters[key];
    if (!def || def.kind === 'custom') return null;
    parts.push(def.kind === 'in' ? `${key}#${Array.isArray(value) ? value.length : '?'}` : def.kind === 'region' ? `${key}=${String(value)}` : key);
  }
  return parts.join('|');
}

/** The columns a page's rows carry (`<alias>_<column>`, as TypeORM aliases them), for hydration. */
function shapeColumns<T extends ObjectLiteral>(ctx: RequestContext, spec: ListSpec<T>, props: string[] | null): Shape['columns'] | null {
  const meta = ctx.em.connection.getMetadata(spec.entity);
  const columns = props ? props.map((c) => meta.findColumnWithPropertyName(c)!) : meta.columns;
  // Only plain columns (no relation, embedded or virtual column) with aliases no driver shortens.
  if (columns.some((c) => !c || c.relationMetadata || c.embeddedMetadata || c.isVirtual || spec.alias.length + c.databaseName.length > 60)) return null;
  return columns.map((column) => ({ key: `${spec.alias}_${column.databaseName}`, column }));
}

/**
 * Read a page: its raw rows and its entities. The statement comes from the shape cache when this shape
 * was built before (only the parameter values are new), else from the query builder; either way the
 * parameters come from the plan, so a cached text and a freshly built one are bound alike. Rows are
 * hydrated column by column through the driver.
 */
async function readPage<T extends ObjectLiteral>(
  ctx: RequestContext,
  spec: ListSpec<T>,
  filter: Record<string, unknown> | undefined | null,
  args: Pick<ListArgs, 'sortField' | 'sortOrder'> & { limit: number; offset?: number; after?: string | null },
  cap: number | null,
  opts: RunOptions<T>,
): Promise<{ raw: Array<Record<string, unknown>>; entities: T[]; sort: Resolved }> {
  const sort = resolveSort(spec, args);
  const cursor = args.after ? decodeCursor(args.after) : null;
  if (cursor && !sort.keyset) throw new InvalidInputError('BAD_CURSOR', '该排序不支持游标分页 (this sort pages by number only)', 'after');
  const props = plainColumns(ctx, spec, opts.select);
  const key = shapeKey(ctx, spec, filter, args, sort, cap, opts, props);
  const driver = ctx.em.connection.driver;
  let shape = key === null ? undefined : shapes.get(key);
  const columns = shape?.columns ?? shapeColumns(ctx, spec, props);
  if (!columns) {
    const { raw, entities } = await listSql(ctx, spec, filter, args, cap, opts).qb.getRawAndEntities();
    return { raw: raw as Array<Record<string, unknown>>, entities, sort };
  }
  let sql: string;
  let params: unknown[];
  if (key === null) [sql, params] = listSql(ctx, spec, filter, args, cap, opts).qb.getQueryAndParameters();
  else {
    if (!shape) {
      if (shapes.size >= MAX_SHAPES) shapes.clear();
      shapes.set(key, (shape = { sql: listSql(ctx, spec, filter, args, cap, opts).qb.getQuery(), columns }));
    }
    const named = { ...plan(ctx, spec, filter, opts).params, ...(cursor ? { ck: cursor.k, ci: cursor.id } : {}) };
    [sql, params] = driver.escapeQueryWithParameters(shape.sql, named);
  }
  const raw = (await ctx.em.query(sql, params)) as Array<Record<string, unknown>>;
  const meta = ctx.em.connection.getMetadata(spec.entity);
  return { raw, entities: raw.map(hydratorFor(meta, driver, columns)) as T[], sort };
}

/** Hydrators by entity metadata (one per data source and entity) and column keys. */
const hydrators = new WeakMap<EntityMetadata, Map<string, (row: Record<string, unknown>) => object>>();

function hydratorFor(meta: EntityMetadata, driver: Driver, columns: Shape['columns']) {
  let byKeys = hydrators.get(meta);
  if (!byKeys) hydrators.set(meta, (byKeys = new Map()));
  const keys = columns.map((c) => c.key).join(',');
  let h = byKeys.get(keys);
  if (!h) {
    if (byKeys.size >= MAX_SHAPES) byKeys.clear();
    byKeys.set(keys, (h = hydrator(meta, driver, columns)));
  }
  return h;
}

/**
 * A function that makes an entity of a row, for one set of columns: generated, with one store per
 * property name written out. A loop storing `e[column.propertyName]` meets a different name at each
 * step, which makes V8's store site megamorphic (a dictionary lookup per cell): that loop was a fifth of
 * the server's CPU in a 1,000-row export batch. Values still go through the driver's own conversion
 * (`prepareHydratedValue`: dates, booleans, JSON, transformers). The names come from entity metadata
 * and are written as JSON string literals, so no name can become code.
 */
export function hydrator(meta: EntityMetadata, driver: Driver, columns: Shape['columns']): (row: Record<string, unknown>) => object {
  const lines = columns.map(
    ({ key, column }, i) => `v = row[${JSON.stringify(key)}]; e[${JSON.stringify(column.propertyName)}] = v === undefined ? undefined : driver.prepareHydratedValue(v, c[${i}]);`,
  );
  const make = new Function('meta', 'driver', 'c', `return function hydrate(row) { const e = meta.create(); let v; ${lines.join(' ')} return e; };`) as (
    m: EntityMetadata,
    d: Driver,
    c: ColumnMetadata[],
  ) => (row: Record<string, unknown>) => object;
  return make(meta, driver, columns.map((c) => c.column));
}

/** Read one page. `args.after` (a cursor) seeks; otherwise `page`/`perPage` as before. */
export async function runList<T extends ObjectLiteral>(
  ctx: RequestContext,
  spec: ListSpec<T>,
  filter: object | undefined | null,
  args: ListArgs,
  opts: RunOptions<T> = {},
): Promise<ListPage<T>> {
  const f = filter as Record<string, unknown> | undefined;
  const cap = opts.countCap ?? COUNT_CAP;
  const wantTotal = opts.select?.total !== false;
  const offset = args.after ? 0 : (args.page - 1) * args.perPage;
  const { raw, entities, sort } = await readPage(ctx, spec, f, { ...args, limit: args.perPage + 1, offset }, wantTotal ? cap : null, opts);
  const more = entities.length > args.perPage;
  const items = entities.slice(0, args.perPage);
  const lastRaw = raw[items.length - 1] as Record<string, unknown> | undefined;
  const last = items[items.length - 1] as Record<string, unknown> | undefined;
  const nextCursor = more && last && sort.keyset ? encodeCursor(lastRaw?.pg_k, last[spec.key ?? 'id']) : null;
  let total = offset + items.length + (more ? 1 : 0);
  let totalCapped = false;
  if (wantTotal) {
    // An empty first page: nothing matches. An empty page past the end (or after a cursor) carries no
    // row to read the count from: count on its own.
    const n = raw.length ? Number((raw[0] as Record<string, unknown>).pg_n ?? 0) : offset || args.after ? await countOnly(ctx, spec, f, cap, opts) : 0;
    totalCapped = n > cap;
    total = totalCapped ? Math.max(cap, total) : n;
  }
  return { items, total, totalCapped, nextCursor };
}

async function countOnly<T extends ObjectLiteral>(ctx: RequestContext, spec: ListSpec<T>, filter: Record<string, unknown> | undefined, cap: number, opts: RunOptions<T>): Promise<number> {
  const c = countSql(ctx, spec, filter, cap, opts);
  return Number(((await ctx.em.query(c.sql, c.params)) as Array<{ n: unknown }>)[0]?.n ?? 0);
}

/**
 * One batch of a keyset walk: up to `batch` rows after the cursor, and the cursor of the last row
 * (null when the walk is done). Each call may run in its own short transaction (exports).
 */
export async function readBatch<T extends ObjectLiteral>(
  ctx: RequestContext,
  spec: ListSpec<T>,
  filter: object | undefined | null,
  sort: Pick<ListArgs, 'sortField' | 'sortOrder'>,
  batch: number,
  after: string | null,
  opts: RunOptions<T> = {},
): Promise<{ items: T[]; next: string | null }> {
  if (!resolveSort(spec, sort).keyset) throw new InvalidInputError('BAD_SORT_FIELD', '导出须按非空字段排序 (exports sort by a non-null field)', 'sortField');
  const { raw, entities } = await readPage(ctx, spec, filter as Record<string, unknown>, { ...sort, limit: batch, after }, null, opts);
  const last = entities[entities.length - 1] as Record<string, unknown> | undefined;
  const lastK = (raw[entities.length - 1] as Record<string, unknown> | undefined)?.pg_k;
  return { items: entities, next: entities.length === batch && last ? encodeCursor(lastK, last[spec.key ?? 'id']) : null };
}

/** Every matching row in sort order, `batch` at a time, by keyset: constant memory whatever the size. */
export async function* iterateList<T extends ObjectLiteral>(
  ctx: RequestContext,
  spec: ListSpec<T>,
  filter: object | undefined | null,
  sort: Pick<ListArgs, 'sortField' | 'sortOrder'>,
  batch = 1000,
  opts: RunOptions<T> = {},
): AsyncGenerator<T[]> {
  let after: string | null = null;
  do {
    const r: { items: T[]; next: string | null } = await readBatch(ctx, spec, filter, sort, batch, after, opts);
    if (r.items.length) yield r.items;
    after = r.next;
  } while (after);
}
