/**
 * GET or POST /export/<resource>.csv — a whole filtered staff list as CSV (issue 10), streamed: read by keyset
 * in batches of 1,000, each batch in its own short read transaction, written with back-pressure, so
 * memory stays constant and there is no row cap. Same bearer token and the same role and scope rules
 * as the list in the API (A1); personal data masked as on screen (A3); every export audited (A4).
 * UTF-8 with a BOM (Excel), Chinese headers, amounts in yuan, times in Beijing time.
 */
import { fenToYuanString, maskIdNumber, maskName, type StaffRole } from '@gongji/shared';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { newContext, type RequestContext, type ContextDeps } from '../../core/context';
import type { StaffPrincipal } from '../../core/principal';
import { readBatch, type ListSpec } from '../../core/list-query';
import { slotsFor, type Slots } from '../../core/slots';
import { writeChunk } from '../../core/streaming';
import { appendAudit, AUDIT_LIST } from '../audit/audit.service';
import { claimsFromHeader, loadPrincipal } from '../auth/auth.service';
import { BINDING_LIST } from '../binding/binding.service';
import { CASE_LIST } from '../fraud/fraud.service';
import { INSTITUTION_LIST } from '../institution/institution.service';
import { MEMBER_LIST, searchTerms } from '../member/member.service';
import { PROOF_LIST } from '../proof/proof.service';
import { SETTLEMENT_LIST } from '../settlement/settlement-query.service';

const BATCH = 1000;

/** YYYY-MM-DD HH:mm:ss in Beijing time. */
function beijing(v: Date | string | null | undefined): string {
  if (!v) return '';
  const d = v instanceof Date ? v : new Date(v);
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : fenToYuanString(Number(fen)));
const orEmpty = (v: unknown) => v ?? '';

interface Column<T> {
  header: string;
  /** The entity property the cell shows (the export reads only these columns). */
  field: keyof T & string;
  /** Its text in the file; the value as it is when absent. */
  format?: (value: never, row: T) => unknown;
}

interface ExportDef<T extends object> {
  spec: ListSpec<T>;
  /** null: every staff role (the service checks scope). */
  roles: StaffRole[] | null;
  /**
   * The order when the caller names none: the list's default sort, which every filter's index serves
   * (each filter index ends in it), so each batch is a range read in order. By id, a filtered export
   * reads the whole table by primary key and keeps the matching rows: 218,370 settlements of one pooling
   * region came at 2,954 rows/s that way and 12,116 rows/s by treatment time (10M settlements).
   */
  sortField: string;
  sortOrder: 'ASC' | 'DESC';
  columns: Array<Column<T>>;
  /** Filters that name a person (members' name and ID number): POST only, audited as a search (A4). */
  personal?: string[];
}

const def = <T extends object>(d: ExportDef<T>) => d as unknown as ExportDef<object>;
const col = <T,>(header: string, field: keyof T & string, format?: (value: never, row: T) => unknown): Column<T> => ({ header, field, format });

export const EXPORTS: Record<string, ExportDef<object>> = {
  members: def({
    spec: MEMBER_LIST,
    roles: null,
    personal: ['name', 'idNumber'],
    sortField: 'id',
    sortOrder: 'ASC',
    columns: [
      col('编号', 'id'),
      col('身份证号码', 'idNumber', maskIdNumber),
      col('姓名', 'name', maskName),
      col('性别', 'sex', (v: string) => (v === 'MALE' ? '男' : '女')),
      col('出生日期', 'birthDate'),
      col('险种', 'scheme'),
      col('状态', 'status'),
      col('参保统筹区', 'insuredRegion'),
      col('登记时间', 'createdAt', beijing),
    ],
  }),
  bindings: def({
    spec: BINDING_LIST,
    roles: null,
    sortField: 'createdAt',
    sortOrder: 'ASC',
    columns: [
      col('编号', 'id'),
      col('类型', 'kind'),
      col('状态', 'state'),
      col('关系', 'relationship'),
      col('授权人编号', 'giverId'),
      col('被授权人编号', 'beneficiaryId'),
      col('授权人统筹区', 'giverRegion'),
      col('被授权人统筹区', 'beneficiaryRegion'),
      col('单笔限额（元）', 'singleLimitFen', yuan),
      col('申请时间', 'createdAt', beijing),
    ],
  }),
  settlements: def({
    spec: SETTLEMENT_LIST,
    roles: null,
    sortField: 'treatedAt',
    sortOrder: 'ASC',
    columns: [
      col('编号', 'id'),
      col('机构编号', 'institutionId'),
      col('结算流水号', 'serialNo'),
      col('参保人编号', 'patientId'),
      col('类别', 'category'),
      col('就医时间', 'treatedAt', beijing),
      col('总费用（元）', 'totalFen', yuan),
      col('统筹支付（元）', 'poolFen', yuan),
      col('个人自付（元）', 'selfPayFen', yuan),
      col('本人个账支付（元）', 'acctPayFen', yuan),
      col('共济支付（元）', 'mulaidPayFen', yuan),
      col('现金支付（元）', 'cashFen', yuan),
      col('已冲正（元）', 'reversedFen', yuan),
      col('就医地', 'placeRegion'),
      col('参保地', 'patientRegion'),
      col('状态', 'status'),
    ],
  }),
  proofs: def({
    spec: PROOF_LIST,
    roles: null,
    sortField: 'createdAt',
    sortOrder: 'ASC',
    columns: [
      col('编号', 'id'),
      col('绑定编号', 'bindingId'),
      col('材料类型', 'docType'),
      col('审核状态', 'reviewState'),
      col('审核人', 'reviewerName', orEmpty),
      col('提交时间', 'createdAt', beijing),
      col('审核时间', 'reviewedAt', beijing),
    ],
  }),
  fraudCases: def({
    spec: CASE_LIST,
    roles: ['FRAUD_ANALYST', 'AUDITOR'],
    sortField: 'id',
    sortOrder: 'ASC',
    columns: [
      col('编号', 'id'),
      col('对象类型', 'subjectType'),
      col('对象编号', 'subjectId'),
      col('规则', 'ruleList'),
      col('风险分', 'score'),
      col('状态', 'state'),
      col('统筹区', 'regionCode'),
      col('另一统筹区', 'otherRegionCode', orEmpty),
      col('立案时间', 'createdAt', beijing),
    ],
  }),
  institutions: def({
    spec: INSTITUTION_LIST,
    roles: null,
    sortField: 'id',
    sortOrder: 'ASC',
    columns: [
      col('编号', 'id'),
      col('机构编码', 'code'),
      col('名称', 'name'),
      col('类型', 'kind'),
      col('统筹区', 'regionCode'),
      col('在用', 'active', (v: boolean) => (v ? '是' : '否')),
      col('登记时间', 'createdAt', beijing),
    ],
  }),
  auditLogs: def({
    spec: AUDIT_LIST,
    roles: ['AUDITOR'],
    sortField: 'id',
    sortOrder: 'ASC',
    columns: [
      col('编号', 'id'),
      col('时间', 'at', beijing),
      col('操作人', 'actorName'),
      col('操作', 'action'),
      col('对象类型', 'entityType'),
      col('对象编号', 'entityId'),
      col('理由', 'reason', orEmpty),
    ],
  }),
};

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export function csvCell(v: unknown): string {
  if (typeof v === 'number') return String(v); // nothing to quote or defuse: most cells of a file
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * The request's parameters (the query string of a GET, the JSON object of a POST) → the list's filter,
 * typed by the filter's kind. A list is a comma-separated string or, in JSON, an array.
 */
function filterFrom(ex: ExportDef<object>, params: Record<string, unknown>, viaUrl: boolean): Record<string, unknown> {
  const spec = ex.spec;
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(params)) {
    if (key === 'sortField' || key === 'sortOrder' || raw === undefined || raw === null || raw === '') continue;
    const f = Object.prototype.hasOwnProperty.call(spec.filters, key) ? spec.filters[key] : undefined;
    if (!f) throw badInput(`unknown filter ${key}`);
    // Proxies and access logs keep URLs: a person's name or ID number travels in a body only.
    if (viaUrl && ex.personal?.includes(key)) throw badInput(`${key}: 按姓名或身份证号导出须放在请求正文中 (POST a JSON body), 不能出现在网址里 (never in the URL)`);
    if (typeof raw === 'boolean') {
      out[key] = raw; // a JSON true/false (e.g. institutions' active)
      continue;
    }
    const values = (Array.isArray(raw) ? raw : [raw]).map((x) => (typeof x === 'string' || typeof x === 'number' ? String(x) : null));
    if (values.some((x) => x === null || x.length > 200)) throw badInput(`bad value for ${key}`);
    const v = (values as string[])[0];
    if (f.kind === 'in') out[key] = (values as string[]).flatMap((x) => x.split(',')).filter(Boolean);
    else if (f.kind === 'gte' || f.kind === 'lt') {
      const d = /^\d+$/.test(v) ? Number(v) : new Date(v);
      if (typeof d !== 'number' && Number.isNaN(d.getTime())) throw badInput(`bad value for ${key}`);
      out[key] = d;
    } else out[key] = v;
  }
  return out;
}

/** The filter as the audit log keeps it: a person's name or ID number only as the list's search audit does (searchTerms). */
function auditedFilter(ex: ExportDef<object>, filter: Record<string, unknown>): Record<string, unknown> {
  const out = Object.fromEntries(Object.entries(filter).filter(([k]) => !ex.personal?.includes(k)));
  return isPersonalSearch(ex, filter) ? { ...out, search: searchTerms(filter as { name?: string; idNumber?: string }) } : out;
}

const isPersonalSearch = (ex: ExportDef<object>, filter: Record<string, unknown>) => Object.keys(filter).some((k) => ex.personal?.includes(k));

function statusOf(e: unknown): { status: number; code: string } {
  const code = e instanceof GraphQLError ? String(e.extensions.code) : 'INTERNAL_SERVER_ERROR';
  const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'BAD_USER_INPUT' || code === 'INPUT' ? 400 : 500;
  return { status, code };
}

/** How many exports run at once on this node (core/slots.ts): an export reads a whole filtered table. */
export function exportSlotsFor(deps: ContextDeps): Slots {
  return slotsFor(deps, 'export', deps.config.exports ?? { perUser: 2, perNode: 4 });
}

export function exportRoute(deps: ContextDeps): RequestHandler {
  return async (req, res) => {
    const resource = String(req.params.resource ?? '');
    const ex = Object.prototype.hasOwnProperty.call(EXPORTS, resource) ? EXPORTS[resource] : undefined;
    if (!ex) {
      res.status(404).json({ error: 'NOT_FOUND', message: `no export ${resource}` });
      return;
    }
    const ctx: RequestContext = newContext(deps, { claims: claimsFromHeader(deps.config.secret, req.headers.authorization), ip: req.ip ?? null });
    // GET: the query string. POST: a JSON object of the same fields, the only way to export a search by name or ID number.
    const viaUrl = req.method !== 'POST';
    const body: unknown = req.body;
    const bodyIsObject = Boolean(body) && typeof body === 'object' && !Array.isArray(body);
    if (!viaUrl && !bodyIsObject) {
      res.status(400).json({ error: 'BAD_USER_INPUT', message: '导出参数须为 JSON 对象 (the body must be a JSON object)' });
      return;
    }
    const params = (viaUrl ? req.query : body) as Record<string, unknown>;
    let filter: Record<string, unknown>;
    const sort = {
      sortField: typeof params.sortField === 'string' ? params.sortField : ex.sortField,
      sortOrder: params.sortOrder === 'DESC' ? ('DESC' as const) : params.sortOrder === 'ASC' ? ('ASC' as const) : ex.sortOrder,
    };
    try {
      filter = filterFrom(ex, params, viaUrl);
      // Authenticate, authorise and check the first batch before the first byte goes out.
      await deps.db.transaction(async (em) => {
        ctx.em = em;
        ctx.principal = await loadPrincipal(ctx, ctx.claims);
        const p = ctx.principal;
        if (!p) throw new GraphQLError('not logged in', { extensions: { code: 'UNAUTHENTICATED' } });
        if (p.kind !== 'staff' || (ex.roles && !ex.roles.some((r) => p.roles.includes(r)))) throw new GraphQLError('not allowed', { extensions: { code: 'FORBIDDEN' } });
      });
    } catch (e) {
      const { status, code } = statusOf(e);
      res.status(status).json({ error: code, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    const slots = exportSlotsFor(deps);
    const release = slots.acquire((ctx.principal as StaffPrincipal).id);
    if (!release) {
      res.setHeader('Retry-After', '10');
      res.status(429).json({
        error: 'TOO_MANY_EXPORTS',
        message: `导出任务过多：每人最多同时 ${slots.limits.perUser} 个、本节点最多 ${slots.limits.perNode} 个，请待当前导出完成后再试 (too many exports running; retry when one has finished)`,
      });
      return;
    }
    try {
      const stamp = beijing(ctx.now).replace(/[-: ]/g, '').slice(0, 12);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${resource}-${stamp}.csv"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      let rows = 0;
      let aborted = false;
      res.on('close', () => (aborted = !res.writableFinished));
      // Audited before the response ends, so the entry exists when the client has the file.
      const audit = (complete: boolean) =>
        deps.db
          .transaction(async (em) => {
            ctx.em = em;
            const scope = ctx.principal?.kind === 'staff' ? ctx.principal.scope : null;
            await appendAudit(ctx, { action: `export.${resource}`, entityType: 'export', entityId: resource, regions: scope ? [scope] : [], detail: { filter: auditedFilter(ex, filter), sort, rows, complete } });
            // A4: a file of the people found by name or ID number is a search, audited as the list's search is.
            if (isPersonalSearch(ex, filter))
              await appendAudit(ctx, { action: 'member.search', entityType: 'member', entityId: '-', regions: scope ? [scope] : [], detail: { ...searchTerms(filter), matches: rows, export: true } });
          })
          .catch((e) => console.error('export: audit failed', e));
      // Only the columns the file shows are read (and made into entities).
      const select = { fields: ex.columns.map((c) => c.field), total: false };
      const cells = ex.columns.map(({ field, format }) => (format ? (row: object) => format((row as Record<string, never>)[field], row) : (row: object) => (row as Record<string, unknown>)[field]));
      try {
        await writeChunk(res, `\uFEFF${ex.columns.map((c) => csvCell(c.header)).join(',')}\r\n`);
        let after: string | null = null;
        do {
          const batch: { items: object[]; next: string | null } = await deps.db.transaction(async (em) => {
            ctx.em = em;
            return readBatch(ctx, ex.spec, filter, sort, BATCH, after, { select });
          });
          if (batch.items.length) await writeChunk(res, batch.items.map((row) => `${cells.map((cell) => csvCell(cell(row))).join(',')}\r\n`).join(''));
          rows += batch.items.length;
          after = batch.next;
        } while (after && !aborted);
        await audit(!aborted);
        res.end();
      } catch (e) {
        console.error(`export ${resource} failed after ${rows} rows`, e);
        await audit(false);
        res.destroy(e instanceof Error ? e : undefined);
      }
    } finally {
      release();
    }
  };
}
