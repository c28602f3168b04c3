import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { newContext, type ContextDeps } from '../../core/context';
import { claimsFromHeader, loadPrincipal } from '../auth/auth.service';
import { readProofFile } from './proof.service';

/**
 * GET /files/proofs/:id — the document behind a proof, for staff in scope and the two members of
 * the binding. Same bearer token as the API; the check runs in a transaction like any request.
 */
export function proofFileRoute(deps: ContextDeps): RequestHandler {
  return async (req, res) => {
    try {
      const ctx = newContext(deps, { claims: claimsFromHeader(deps.config.secret, req.headers.authorization), ip: req.ip ?? null });
      const file = await deps.db.transaction(async (em) => {
        ctx.em = em;
        ctx.principal = await loadPrincipal(ctx, ctx.claims);
        return readProofFile(ctx, Number(req.params.id));
      });
      res.setHeader('Content-Type', file.mimeType);
      res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(file.content);
    } catch (e) {
      const code = e instanceof GraphQLError ? String(e.extensions.code) : 'NOT_FOUND';
      const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' || code === 'OUT_OF_SCOPE' ? 403 : 404;
      res.status(status).json({ error: code, message: e instanceof Error ? e.message : String(e) });
    }
  };
}
