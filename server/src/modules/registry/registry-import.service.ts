/**
 * R1/R2: registry import. A file is read as a stream (registry-file.ts) and applied in batches of
 * BATCH_SIZE rows, each batch one transaction; memory stays constant apart from the duplicate check
 * (one number per distinct ID number of the file). Members are upserted by ID number with one
 * multi-row INSERT per batch (portable SQL); existing members whose registry data differ go through
 * the member service, so L2 and the audit trail apply. Running the same file again changes nothing.
 * A dry run makes the same checks and records the same report, and changes no registry data.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ContextDeps } from '../../core/context';
import { beijingDate, requireStaff, runInContext, type RequestContext } from '../../core/context';
import { DomainError, NotFoundError } from '../../core/errors';
import { paginate, type ListArgs } from '../../core/pagination';
import type { Principal } from '../../core/principal';
import { inStaffScope } from '../../core/scope';
import { credit } from '../account/account.service';
import { appendAudit } from '../audit/audit.service';
import { Member } from '../member/member.entity';
import { recordDeath, recordExit, updateRegistry } from '../member/member.service';
import { openRegistryFile, type FileEncoding } from './registry-file';
import { checkEventRow, checkMemberRow, mapHeader, type EventRow, type ImportKind, type MemberRow, type RowProblem } from './registry-rows';
import { ImportJob, ImportProblem } from './import-job.entity';

export const BATCH_SIZE = 1000;
/** Rows per INSERT statement (10 parameters a row: well inside SQLite's and MySQL's limits). */
const INSERT_ROWS = 1000;
/** Problems stored per job (all are counted); a file this bad needs fixing at the source anyway. */
const MAX_STORED_PROBLEMS = 100_000;
const PROGRESS_MS = 1000;

export interface ImportProgress {
  done: number;
  total: number;
  rows: number;
}

export interface ImportRequest {
  kind: ImportKind;
  file: string;
  fileName?: string;
  dryRun: boolean;
  encoding?: FileEncoding;
  /** Known already (computed while the upload was written); else read from the file. */
  sha256?: string;
  onProgress?: (p: ImportProgress) => void;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function actorName(p: Principal): string {
  return p.kind === 'staff' ? p.username : p.kind === 'system' ? p.name : `${p.kind}:${p.id}`;
}

/** Create the job row (RUNNING). The caller then runs `runImportJob`, in the background or not. */
export async function createImportJob(deps: ContextDeps, principal: Principal, req: ImportRequest): Promise<ImportJob> {
  const sha256 = req.sha256 ?? (await sha256OfFile(req.file));
  const { size } = await stat(req.file);
  return runInContext(deps, principal, async (ctx) => {
    const job = ctx.em.create(ImportJob, {
      kind: req.kind,
      dryRun: req.dryRun,
      status: 'RUNNING',
      fileName: (req.fileName ?? path.basename(req.file)).slice(0, 200),
      fileSha256: sha256,
      format: 'csv',
      encoding: null,
      scope: principal.kind === 'staff' ? principal.scope : null,
      startedBy: actorName(principal).slice(0, 64),
      totalBytes: size,
      bytesRead: 0,
      rowsRead: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      problemCount: 0,
      failure: null,
      finishedAt: null,
    });
    return ctx.em.save(ImportJob, job);
  });
}

/** Create and run a job to the end (CLI, tests). */
export async function importRegistryFile(deps: ContextDeps, principal: Principal, req: ImportRequest): Promise<ImportJob> {
  const job = await createImportJob(deps, principal, req);
  return runImportJob(deps, principal, job.id, req);
}

interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** Seen ID numbers of this file → the row they were first seen on (duplicate check, R1). */
class SeenIds {
  private readonly byRegion = new Map<string, Map<number, number>>();
  /** The row where `id` was first seen, or undefined (and remember this row). */
  firstRow(id18: string, rowNumber: number): number | undefined {
    // The first 17 characters determine the check character; split them to stay within a double.
    const key = id18.slice(0, 6);
    let m = this.byRegion.get(key);
    if (!m) this.byRegion.set(key, (m = new Map()));
    const n = Number(id18.slice(6, 17));
    const first = m.get(n);
    if (first === undefined) m.set(n, rowNumber);
    return first;
  }
}

export async function runImportJob(deps: ContextDeps, principal: Principal, jobId: number, req: ImportRequest): Promise<ImportJob> {
  const counts: Counts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  let problemCount = 0;
  let rowsRead = 0;
  let pendingProblems: RowProblem[] = [];
  const today = beijingDate(new Date());
  const file = await openRegistryFile(req.file, req.encoding);
  const totalBytes = (await stat(req.file)).size;

  const flush = async (final: boolean, failure: string | null = null) => {
    const problems = pendingProblems;
    pendingProblems = [];
    await runInContext(deps, principal, async (ctx) => {
      const room = Math.max(0, MAX_STORED_PROBLEMS - (problemCount - problems.length));
      const stored = problems.slice(0, room);
      for (let i = 0; i < stored.length; i += 200)
        await ctx.em.insert(
          ImportProblem,
          stored.slice(i, i + 200).map((p) => ({ jobId, rowNumber: p.rowNumber, columnName: p.column, code: p.code, message: p.message.slice(0, 200) })),
        );
      await ctx.em.update(
        ImportJob,
        { id: jobId },
        {
          format: file.format,
          encoding: file.encoding,
          bytesRead: final ? totalBytes : Math.min(file.bytesRead(), totalBytes),
          rowsRead,
          ...counts,
          problemCount,
          ...(final ? { status: failure ? 'FAILED' : 'COMPLETED', finishedAt: new Date(), failure } : {}),
        },
      );
      if (final) {
        const job = await ctx.em.findOneByOrFail(ImportJob, { id: jobId });
        await appendAudit(ctx, {
          action: req.dryRun ? 'registry.import.dry-run' : 'registry.import',
          entityType: 'ImportJob',
          entityId: jobId,
          regions: job.scope ? [job.scope] : [],
          detail: { kind: req.kind, fileName: job.fileName, sha256: job.fileSha256, rowsRead, ...counts, problemCount, failure },
        });
      }
    });
    req.onProgress?.({ done: final ? totalBytes : Math.min(file.bytesRead(), totalBytes), total: totalBytes, rows: rowsRead });
  };
  const report = (ps: RowProblem[]) => {
    problemCount += ps.length;
    pendingProblems.push(...ps);
  };

  try {
    const { index, problems } = mapHeader(req.kind, file.header);
    if (problems.length) {
      report(problems);
      await flush(true, '文件缺少必需的列 (required columns missing)');
      return finished(deps, principal, jobId);
    }
    const seen = new SeenIds();
    let lastFlush = Date.now();
    let batch: Array<MemberRow | EventRow> = [];
    const apply = async () => {
      if (!batch.length) return;
      const rows = batch;
      batch = [];
      if (req.kind === 'MEMBERS') await applyMemberBatch(deps, principal, rows as MemberRow[], req.dryRun, counts, report);
      else for (const row of rows as EventRow[]) await applyEvent(deps, principal, row, req.dryRun, counts, report);
      // The progress row is written at most every PROGRESS_MS (and always at the end).
      if (Date.now() - lastFlush >= PROGRESS_MS || pendingProblems.length >= 1000) {
        lastFlush = Date.now();
        await flush(false);
      }
    };
    for await (const raw of file.rows) {
      rowsRead++;
      const checked = req.kind === 'MEMBERS' ? checkMemberRow(raw.rowNumber, raw.cells, index, today) : checkEventRow(raw.rowNumber, raw.cells, index, today);
      if (Array.isArray(checked)) {
        counts.rejected++;
        report(checked);
        continue;
      }
      const first = seen.firstRow(checked.idNumber, raw.rowNumber);
      if (first !== undefined && req.kind === 'MEMBERS') {
        counts.rejected++;
        report([{ rowNumber: raw.rowNumber, column: '身份证号', code: 'DUPLICATE_IN_FILE', message: `身份证号与第 ${first} 行重复` }]);
        continue;
      }
      batch.push(checked);
      if (batch.length >= BATCH_SIZE) await apply();
    }
    await apply();
    await flush(true);
  } catch (e) {
    console.error(`registry import ${jobId} failed`, e);
    await flush(true, (e instanceof Error ? e.message : String(e)).slice(0, 500));
  }
  return finished(deps, principal, jobId);
}

function finished(deps: ContextDeps, principal: Principal, jobId: number): Promise<ImportJob> {
  return runInContext(deps, principal, (ctx) => ctx.em.findOneByOrFail(ImportJob, { id: jobId }));
}

interface ExistingMember {
  id: number;
  id_number: string;
  name: string;
  scheme: string;
  insured_region: string;
  retired: number | boolean;
  phone: string | null;
  contribution_base_fen: number | null;
  status: string;
}

const outOfScope = (rowNumber: number): RowProblem => ({ rowNumber, column: '参保地', code: 'OUT_OF_SCOPE', message: '参保人不在您的管辖范围内' });
const closedMember = (rowNumber: number): RowProblem => ({
  rowNumber,
  column: '身份证号',
  code: 'MEMBER_CLOSED',
  message: '参保人已死亡或已终止参保，名册不能再更改其信息',
});

async function applyMemberBatch(
  deps: ContextDeps,
  principal: Principal,
  rows: MemberRow[],
  dryRun: boolean,
  counts: Counts,
  report: (ps: RowProblem[]) => void,
): Promise<void> {
  // A batch that loses a race with a concurrent import of the same people is retried once: the
  // second pass sees the rows the other import inserted.
  for (let attempt = 0; ; attempt++) {
    const local: Counts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
    const problems: RowProblem[] = [];
    try {
      await runInContext(deps, principal, (ctx) => memberBatch(ctx, rows, dryRun, local, (ps) => problems.push(...ps)));
    } catch (e) {
      if (attempt === 0) continue;
      throw e;
    }
    for (const k of Object.keys(local) as Array<keyof Counts>) counts[k] += local[k];
    report(problems);
    return;
  }
}

async function memberBatch(ctx: RequestContext, rows: MemberRow[], dryRun: boolean, counts: Counts, report: (ps: RowProblem[]) => void) {
  const ids = rows.map((r) => r.idNumber);
  const existing: ExistingMember[] = await ctx.em.query(
    `SELECT id, id_number, name, scheme, insured_region, retired, phone, contribution_base_fen, status FROM member WHERE id_number IN (${ids.map(() => '?').join(',')})`,
    ids,
  );
  const byId = new Map(existing.map((e) => [e.id_number, e]));
  const inserts: MemberRow[] = [];
  for (const row of rows) {
    const ex = byId.get(row.idNumber);
    if (!inStaffScope(ctx, row.insuredRegion) || (ex && !inStaffScope(ctx, ex.insured_region))) {
      counts.rejected++;
      report([outOfScope(row.rowNumber)]);
      continue;
    }
    if (!ex) {
      inserts.push(row);
      continue;
    }
    if (ex.name !== row.name) {
      counts.rejected++;
      report([{ rowNumber: row.rowNumber, column: '姓名', code: 'NAME_CONFLICT', message: '姓名与系统中该身份证号的登记不一致（请由经办人员逐个核实更正）' }]);
      continue;
    }
    const contact: Partial<Pick<Member, 'phone' | 'contributionBaseFen'>> = {};
    if (row.phone !== null && row.phone !== ex.phone) contact.phone = row.phone;
    if (row.contributionBaseFen !== null && row.contributionBaseFen !== (ex.contribution_base_fen === null ? null : Number(ex.contribution_base_fen)))
      contact.contributionBaseFen = row.contributionBaseFen;
    const registry: { scheme?: MemberRow['scheme']; insuredRegion?: string; retired?: boolean } = {};
    if (row.scheme !== ex.scheme) registry.scheme = row.scheme;
    if (row.insuredRegion !== ex.insured_region) registry.insuredRegion = row.insuredRegion;
    if (row.retired !== null && row.retired !== Boolean(Number(ex.retired))) registry.retired = row.retired;
    const changed = Object.keys(contact).length + Object.keys(registry).length > 0;
    if (!changed) {
      counts.unchanged++;
      continue;
    }
    if (ex.status === 'DECEASED' || ex.status === 'TERMINATED') {
      counts.rejected++;
      report([closedMember(row.rowNumber)]);
      continue;
    }
    counts.updated++;
    if (dryRun) continue;
    if (Object.keys(contact).length) await ctx.em.update(Member, { id: ex.id }, contact);
    // Scheme, region and retirement are registry events: the member service applies L2 and audits.
    if (Object.keys(registry).length) {
      await updateRegistry(ctx, { memberId: ex.id, ...registry, reason: '名册导入 (registry import)' });
    }
  }
  counts.inserted += inserts.length;
  if (dryRun || !inserts.length) return;
  // One multi-row INSERT per INSERT_ROWS rows: plain portable SQL, the columns' defaults for the timestamps.
  for (let i = 0; i < inserts.length; i += INSERT_ROWS) {
    const chunk = inserts.slice(i, i + INSERT_ROWS);
    await ctx.em.query(
      `INSERT INTO member (id_number, name, phone, sex, birth_date, scheme, status, insured_region, province_code, retired,
         offsite_account_permission, contribution_base_fen, version) VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, 0, ?, 1)").join(', ')}`,
      chunk.flatMap((r) => [r.idNumber, r.name, r.phone, r.sex, r.birthDate, r.scheme, r.insuredRegion, r.provinceCode, r.retired ? 1 : 0, r.contributionBaseFen]),
    );
  }
  const employees = inserts.filter((r) => r.scheme === 'EMPLOYEE').map((r) => r.idNumber);
  if (!employees.length) return;
  // EMPLOYEE members get their personal account in the same statement for the whole batch.
  await ctx.em.query(
    `INSERT INTO personal_account (member_id, balance_fen, reserved_fen)
     SELECT m.id, 0, 0 FROM member m LEFT JOIN personal_account a ON a.member_id = m.id
      WHERE a.id IS NULL AND m.scheme = 'EMPLOYEE' AND m.id_number IN (${employees.map(() => '?').join(',')})`,
    employees,
  );
  const opening = inserts.filter((r) => r.scheme === 'EMPLOYEE' && r.openingBalanceFen);
  if (!opening.length) return;
  const accounts: Array<{ id: number; id_number: string }> = await ctx.em.query(
    `SELECT a.id, m.id_number FROM personal_account a JOIN member m ON m.id = a.member_id WHERE m.id_number IN (${opening.map(() => '?').join(',')})`,
    opening.map((r) => r.idNumber),
  );
  const accountOf = new Map(accounts.map((a) => [a.id_number, Number(a.id)]));
  // Only for accounts created just now, so a re-run cannot credit twice; each is a ledger entry.
  for (const r of opening) await credit(ctx, accountOf.get(r.idNumber)!, r.openingBalanceFen!, { cause: 'OPENING_BALANCE', memo: '名册导入期初余额' });
}

type EventOutcome = { problem: RowProblem } | { unchanged: true } | { applied: true };

async function applyEvent(deps: ContextDeps, principal: Principal, row: EventRow, dryRun: boolean, counts: Counts, report: (ps: RowProblem[]) => void) {
  let outcome: EventOutcome;
  try {
    outcome = await runInContext(deps, principal, async (ctx): Promise<EventOutcome> => {
      const m = await ctx.em.findOneBy(Member, { idNumber: row.idNumber });
      if (!m) return { problem: { rowNumber: row.rowNumber, column: '身份证号', code: 'MEMBER_NOT_FOUND', message: '系统中没有该身份证号的参保人' } };
      if (!inStaffScope(ctx, m.insuredRegion)) return { problem: outOfScope(row.rowNumber) };
      if (row.name && row.name !== m.name)
        return { problem: { rowNumber: row.rowNumber, column: '姓名', code: 'NAME_CONFLICT', message: '姓名与系统中该身份证号的登记不一致' } };
      const already =
        (row.event === 'DEATH' && m.status === 'DECEASED' && m.diedOn === row.date) ||
        (row.event === 'EXIT' && m.status === 'TERMINATED' && m.exitedOn === row.date) ||
        (row.event === 'MOVE' && m.insuredRegion === row.newRegion) ||
        (row.event === 'RETIRE' && m.retired) ||
        (row.event === 'SCHEME' && m.scheme === row.newScheme);
      if (already) return { unchanged: true };
      if (m.status === 'DECEASED' || m.status === 'TERMINATED') return { problem: closedMember(row.rowNumber) };
      if (row.date < m.birthDate) return { problem: { rowNumber: row.rowNumber, column: '日期', code: 'BAD_DATE', message: '「日期」早于出生日期' } };
      if (dryRun) return { applied: true };
      await applyRegistryEvent(ctx, m, row);
      return { applied: true };
    });
  } catch (e) {
    // A refused event rolled its own transaction back; it is reported like any bad row.
    if (!(e instanceof DomainError)) throw e;
    outcome = { problem: { rowNumber: row.rowNumber, column: '事件', code: e.code.slice(0, 32), message: e.message } };
  }
  if ('problem' in outcome) {
    counts.rejected++;
    report([outcome.problem]);
  } else if ('unchanged' in outcome) counts.unchanged++;
  else counts.inserted++;
}

/** R2: apply one registry event through the member service (L2, audit) and then the closure rules (C1). */
export async function applyRegistryEvent(ctx: RequestContext, m: Member, row: Pick<EventRow, 'event' | 'date' | 'reason' | 'newRegion' | 'newScheme'>) {
  const base = { memberId: m.id, reason: row.reason, date: row.date };
  if (row.event === 'DEATH') await recordDeath(ctx, base);
  else if (row.event === 'EXIT') await recordExit(ctx, base);
  else if (row.event === 'MOVE') await updateRegistry(ctx, { ...base, insuredRegion: row.newRegion! });
  else if (row.event === 'RETIRE') await updateRegistry(ctx, { ...base, retired: true });
  else await updateRegistry(ctx, { ...base, scheme: row.newScheme! });
}

// ——— reading jobs (GraphQL) ———

function jobVisible(ctx: RequestContext, job: ImportJob): boolean {
  const staff = requireStaff(ctx);
  return !staff.scope || (job.scope !== null && job.scope.startsWith(staff.scope));
}

export async function getImportJob(ctx: RequestContext, id: number): Promise<ImportJob> {
  const job = await ctx.em.findOneBy(ImportJob, { id });
  if (!job || !jobVisible(ctx, job)) throw new NotFoundError('import job', id);
  return job;
}

export async function findImportJob(ctx: RequestContext, id: number): Promise<ImportJob | null> {
  const job = await ctx.em.findOneBy(ImportJob, { id });
  return job && jobVisible(ctx, job) ? job : null;
}

export async function listImportJobs(ctx: RequestContext, args: ListArgs) {
  const staff = requireStaff(ctx);
  const qb = ctx.em.createQueryBuilder(ImportJob, 'j');
  if (staff.scope) qb.andWhere('j.scope LIKE :scope', { scope: `${staff.scope}%` });
  return paginate(qb, args, { id: 'j.id', startedAt: 'j.startedAt' }, 'id');
}

export async function listImportProblems(ctx: RequestContext, jobId: number, args: ListArgs) {
  await getImportJob(ctx, jobId);
  const qb = ctx.em.createQueryBuilder(ImportProblem, 'p').where('p.job_id = :jobId', { jobId });
  return paginate(qb, args, { id: 'p.id', rowNumber: 'p.rowNumber' }, 'id');
}
