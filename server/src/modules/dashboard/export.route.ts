/**
 * GET /export/<resource>.csv — a whole filtered staff list as CSV (issue 10), streamed: read by keyset
 * in batches of 1,000, each batch in its own short read transaction, written with back-pressure, so
 * memory stays constant and there is no row cap. Same bearer token and the same role and scope rules
 * as the list in the API (A1); personal data masked as on screen (A3); every export audited (A4).
 * UTF-8 with a BOM (Excel), Chinese headers, amounts in yuan, times in Beijing time.
 */
import { fenToYuanString, maskIdNumber, maskName, type StaffRole } from '@gongji/shared';
import type { RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { newContext, type RequestContext, type ContextDeps } from '../../core/context';
import { readBatch, type ListSpec } from '../../core/list-query';
import { appendAudit, AUDIT_LIST } from '../audit/audit.service';
import { claimsFromHeader, loadPrincipal } from '../auth/auth.service';
import { BINDING_LIST } from '../binding/binding.service';
import { CASE_LIST } from '../fraud/fraud.service';
import { MEMBER_LIST } from '../member/member.service';
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

interface Column<T> {
  header: string;
  value: (row: T) => unknown;
}

interface ExportDef<T extends object> {
  spec: ListSpec<T>;
  /** null: every staff role (the service checks scope). */
  roles: StaffRole[] | null;
  sortField: string;
  sortOrder: 'ASC' | 'DESC';
  columns: Array<Column<T>>;
}

const def = <T extends object>(d: ExportDef<T>) => d as unknown as ExportDef<object>;

export const EXPORTS: Record<string, ExportDef<object>> = {
  members: def({
    spec: MEMBER_LIST,
    roles: null,
    sortField: 'id',
    sortOrder: 'ASC',
    columns: [
      { header: '编号', value: (m) => m.id },
      { header: '身份证号码', value: (m) => maskIdNumber(m.idNumber) },
      { header: '姓名', value: (m) => maskName(m.name) },
      { header: '性别', value: (m) => (m.sex === 'MALE' ? '男' : '女') },
      { header: '出生日期', value: (m) => m.birthDate },
      { header: '险种', value: (m) => m.scheme },
      { header: '状态', value: (m) => m.status },
      { header: '参保统筹区', value: (m) => m.insuredRegion },
      { header: '登记时间', value: (m) => beijing(m.createdAt) },
    ],
  }),
  bindings: def({
    spec: BINDING_LIST,
    roles: null,
    sortField: 'id',
    sortOrder: 'ASC',
    columns: [
      { header: '编号', value: (b) => b.id },
      { header: '类型', value: (b) => b.kind },
      { header: '状态', value: (b) => b.state },
      { header: '关系', value: (b) => b.relationship },
      { header: '授权人编号', value: (b) => b.giverId },
      { header: '被授权人编号', value: (b) => b.beneficiaryId },
      { header: '授权人统筹区', value: (b) => b.giverRegion },
      { header: '被授权人统筹区', value: (b) => b.beneficiaryRegion },
      { header: '单笔限额（元）', value: (b) => yuan(b.singleLimitFen) },
      { header: '申请时间', value: (b) => beijing(b.createdAt) },
    ],
  }),
  settlements: def({
    spec: SETTLEMENT_LIST,
    roles: null,
    sortField: 'id',
    sortOrder: 'ASC',
    columns: [
      { header: '编号', value: (s) => s.id },
      { header: '机构编号', value: (s) => s.institutionId },
      { header: '结算流水号', value: (s) => s.serialNo },
      { header: '参保人编号', value: (s) => s.patientId },
      { header: '类别', value: (s) => s.category },
      { header: '就医时间', value: (s) => beijing(s.treatedAt) },
      { header: '总费用（元）', value: (s) => yuan(s.totalFen) },
      { header: '统筹支付（元）', value: (s) => yuan(s.poolFen) },
      { header: '个人自付（元）', value: (s) => yuan(s.selfPayFen) },
      { header: '本人个账支付（元）', value: (s) => yuan(s.acctPayFen) },
      { header: '共济支付（元）', value: (s) => yuan(s.mulaidPayFen) },
      { header: '现金支付（元）', value: (s) => yuan(s.cashFen) },
      { header: '已冲正（元）', value: (s) => yuan(s.reversedFen) },
      { header: '就医地', value: (s) => s.placeRegion },
      { header: '参保地', value: (s) => s.patientRegion },
      { header: '状态', value: (s) => s.status },
    ],
  }),
  proofs: def({
    spec: PROOF_LIST,
    roles: null,
    sortField: 'createdAt',
    sortOrder: 'ASC',
    columns: [
      { header: '编号', value: (p) => p.id },
      { header: '绑定编号', value: (p) => p.bindingId },
      { header: '材料类型', value: (p) => p.docType },
      { header: '审核状态', value: (p) => p.reviewState },
      { header: '审核人', value: (p) => p.reviewerName ?? '' },
      { header: '提交时间', value: (p) => beijing(p.createdAt) },
      { header: '审核时间', value: (p) => beijing(p.reviewedAt) },
    ],
  }),
  fraudCases: def({
    spec: CASE_LIST,
    roles: ['FRAUD_ANALYST', 'AUDITOR'],
    sortField: 'id',
    sortOrder: 'ASC',
    columns: [
      { header: '编号', value: (c) => c.id },
      { header: '对象类型', value: (c) => c.subjectType },
      { header: '对象编号', value: (c) => c.subjectId },
      { header: '规则', value: (c) => c.ruleList },
      { header: '风险分', value: (c) => c.score },
      { header: '状态', value: (c) => c.state },
      { header: '统筹区', value: (c) => c.regionCode },
      { header: '另一统筹区', value: (c) => c.otherRegionCode ?? '' },
      { header: '立案时间', value: (c) => beijing(c.createdAt) },
    ],
  }),
  auditLogs: def({
    spec: AUDIT_LIST,
    roles: ['AUDITOR'],
    sortField: 'id',
    sortOrder: 'ASC',
    columns: [
      { header: '编号', value: (a) => a.id },
      { header: '时间', value: (a) => beijing(a.at) },
      { header: '操作人', value: (a) => a.actorName },
      { header: '操作', value: (a) => a.action },
      { header: '对象类型', value: (a) => a.entityType },
      { header: '对象编号', value: (a) => a.entityId },
      { header: '理由', value: (a) => a.reason ?? '' },
    ],
  }),
};

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Query parameters → the list's filter, typed by the filter's kind. */
function filterFrom(spec: ListSpec<object>, query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(query)) {
    if (key === 'sortField' || key === 'sortOrder') continue;
    const f = spec.filters[key];
    if (!f) throw new GraphQLError(`unknown filter ${key}`, { extensions: { code: 'BAD_USER_INPUT' } });
    const v = Array.isArray(raw) ? String(raw[0]) : String(raw);
    if (f.kind === 'in') out[key] = v.split(',').filter(Boolean);
    else if (f.kind === 'gte' || f.kind === 'lt') {
      const d = /^\d+$/.test(v) ? Number(v) : new Date(v);
      if (typeof d !== 'number' && Number.isNaN(d.getTime())) throw new GraphQLError(`bad value for ${key}`, { extensions: { code: 'BAD_USER_INPUT' } });
      out[key] = d;
    } else out[key] = v;
  }
  return out;
}

function write(res: Response, chunk: string): Promise<void> {
  return res.write(chunk) ? Promise.resolve() : new Promise((resolve) => res.once('drain', resolve));
}

function statusOf(e: unknown): { status: number; code: string } {
  const code = e instanceof GraphQLError ? String(e.extensions.code) : 'INTERNAL_SERVER_ERROR';
  const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'BAD_USER_INPUT' || code === 'INPUT' ? 400 : 500;
  return { status, code };
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
    let filter: Record<string, unknown>;
    const sort = {
      sortField: typeof req.query.sortField === 'string' ? req.query.sortField : ex.sortField,
      sortOrder: req.query.sortOrder === 'DESC' ? ('DESC' as const) : req.query.sortOrder === 'ASC' ? ('ASC' as const) : ex.sortOrder,
    };
    try {
      filter = filterFrom(ex.spec, req.query as Record<string, unknown>);
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
          await appendAudit(ctx, { action: `export.${resource}`, entityType: 'export', entityId: resource, regions: scope ? [scope] : [], detail: { filter, sort, rows, complete } });
        })
        .catch((e) => console.error('export: audit failed', e));
    try {
      await write(res, `\uFEFF${ex.columns.map((c) => csvCell(c.header)).join(',')}\r\n`);
      let after: string | null = null;
      do {
        const batch: { items: object[]; next: string | null } = await deps.db.transaction(async (em) => {
          ctx.em = em;
          return readBatch(ctx, ex.spec, filter, sort, BATCH, after);
        });
        if (batch.items.length) await write(res, batch.items.map((row) => `${ex.columns.map((c) => csvCell(c.value(row))).join(',')}\r\n`).join(''));
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
  };
}
