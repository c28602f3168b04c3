/**
 * R1 over HTTP, for the dashboard:
 *   POST /files/imports?kind=members|events&dryRun=true|false[&encoding=utf8|gb18030]   body: the file
 *        (any content type; the name in the X-File-Name header, URI-encoded). Staff: CASEWORKER or
 *        REGIONAL_ADMIN. The body is streamed to a temporary file (hashed on the way, at most
 *        GONGJI_MAX_IMPORT_BYTES), the job is created and 202 { jobId } returned at once; the import
 *        runs in the background and `importJob(id)` shows its progress.
 *   GET  /files/imports/:id/problems.csv   the job's problems as CSV (the dry-run report).
 */
import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newContext, type RequestContext, type ContextDeps } from '../../core/context';
import { thrown } from '../../core/errors';
import type { StaffPrincipal } from '../../core/principal';
import { claimsFromHeader, loadPrincipal } from '../auth/auth.service';
import { ImportProblem } from './import-job.entity';
import { createImportJob, getImportJob, runImportJob } from './registry-import.service';
import { problemCsvLine, problemsCsvHeader } from './registry-report';
import { writeChunk } from '../../core/streaming';

const IMPORT_ROLES = ['CASEWORKER', 'REGIONAL_ADMIN'] as const;

async function staffOf(deps: ContextDeps, req: Request): Promise<StaffPrincipal> {
  const ctx = newContext(deps, { claims: claimsFromHeader(deps.config.secret, req.headers.authorization), ip: req.ip ?? null });
  const p = await deps.db.transaction(async (em) => {
    ctx.em = em;
    return loadPrincipal(ctx, ctx.claims);
  });
  if (!p) throw thrown('UNAUTHENTICATED', '请先登录 (login required)');
  if (p.kind !== 'staff' || !p.roles.some((r) => (IMPORT_ROLES as readonly string[]).includes(r)))
    throw thrown('FORBIDDEN', `无权执行此操作 (requires one of: ${IMPORT_ROLES.join(', ')})`);
  return p;
}

function fail(res: Response, e: unknown): void {
  const code = e instanceof GraphQLError ? String(e.extensions.code) : 'BAD_REQUEST';
  const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'NOT_FOUND' ? 404 : code === 'TOO_LARGE' ? 413 : 400;
  if (!(e instanceof GraphQLError)) console.error('import route', e);
  res.status(status).json({ error: code, message: e instanceof GraphQLError ? e.message : '请求无效 (bad request)' });
}

export function importUploadRoute(deps: ContextDeps): RequestHandler {
  const limit = Number(process.env.GONGJI_MAX_IMPORT_BYTES ?? 512 * 1024 * 1024);
  return async (req, res) => {
    let file: string | null = null;
    try {
      const staff = await staffOf(deps, req);
      const kind = req.query.kind === 'members' ? 'MEMBERS' : req.query.kind === 'events' ? 'EVENTS' : null;
      if (!kind) throw new GraphQLError('kind 须为 members 或 events (kind must be members or events)', { extensions: { code: 'BAD_REQUEST' } });
      const encoding = req.query.encoding === 'utf8' || req.query.encoding === 'gb18030' ? req.query.encoding : undefined;
      const dryRun = req.query.dryRun !== 'false';
      const fileName = decodeURIComponent(String(req.headers['x-file-name'] ?? 'upload')).slice(0, 200);
      file = path.join(tmpdir(), `gongji-import-${randomUUID()}`);
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          size += chunk.length;
          if (size > limit) return cb(new GraphQLError(`文件超过 ${limit} 字节 (file too large)`, { extensions: { code: 'TOO_LARGE' } }));
          hash.update(chunk);
          cb(null, chunk);
        },
      });
      await pipeline(req, meter, createWriteStream(file));
      const request = { kind, file, fileName, dryRun, encoding, sha256: hash.digest('hex') } as const;
      const job = await createImportJob(deps, staff, request);
      res.status(202).json({ jobId: job.id });
      const uploaded = file;
      file = null;
      void runImportJob(deps, staff, job.id, request)
        .catch((e) => console.error(`import job ${job.id} failed`, e))
        .finally(() => rm(uploaded, { force: true }));
    } catch (e) {
      if (file) await rm(file, { force: true });
      fail(res, e);
    }
  };
}

export function importProblemsRoute(deps: ContextDeps): RequestHandler {
  return async (req, res) => {
    try {
      const staff = await staffOf(deps, req);
      const id = Number(req.params.id);
      const ctx: RequestContext = newContext(deps, { principal: staff });
      await deps.db.transaction(async (em) => {
        ctx.em = em;
        await getImportJob(ctx, id);
      });
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="import-${id}-problems.csv"`);
      res.setHeader('Cache-Control', 'private, no-store');
      let gone = false;
      res.on('close', () => (gone = !res.writableFinished));
      await writeChunk(res, problemsCsvHeader());
      for (let after = 0; !gone; ) {
        const page = await deps.db.transaction((em) =>
          em.createQueryBuilder(ImportProblem, 'p').where('p.job_id = :id AND p.id > :after', { id, after }).orderBy('p.id').limit(2000).getMany(),
        );
        if (!page.length) break;
        // At the socket's pace: a job's problems can be a whole registry's worth of lines.
        await writeChunk(res, page.map(problemCsvLine).join(''));
        after = Number(page[page.length - 1].id);
      }
      res.end();
    } catch (e) {
      if (res.headersSent) res.end();
      else fail(res, e instanceof GraphQLError ? e : new GraphQLError('导入任务不存在或不在您的权限范围内 (not found)', { extensions: { code: 'NOT_FOUND' } }));
    }
  };
}
