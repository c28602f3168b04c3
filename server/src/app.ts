import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { newContext, type ContextDeps, type RequestContext } from './core/context';
import { armor, callerKind, checkCostBudget, errorStatusPlugin, formatErrorFor, RateLimits, type CallerKind } from './core/edge';
import { adminStatic } from './core/static-assets';
import { transactionPlugin } from './core/transaction-plugin';
import { claimsFromHeader, loadPrincipal } from './modules/auth/auth.service';
import { exportRoute } from './modules/dashboard/export.route';
import { proofFileRoute } from './modules/proof/proof-file.route';
import { importProblemsRoute, importUploadRoute } from './modules/registry/registry-import.route';
import { getSchema } from './schema';
import { graphqlHandler, operationObserverPlugin } from './ops/graphql-handler';
import { bodyError, graphqlFastPath } from './ops/graphql-http';
import { drainServer, livenessRoute, readinessRoute, trackRequests } from './ops/lifecycle';
import { log } from './ops/logger';
import { metricsRoute, watchPool } from './ops/metrics';

/** What the app runs on: the request context's dependencies (core/context.ts, all that modules see), and the rate limits. */
export interface AppDeps extends ContextDeps {
  /** Requests per minute per principal kind (0: unlimited); defaults in core/edge.ts. */
  rateLimits?: Partial<Record<CallerKind, number>>;
}

export interface RunningApp {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function createApp(
  deps: AppDeps,
): Promise<{ app: express.Express; apollo: ApolloServer<RequestContext>; fastPath: (req: IncomingMessage, res: ServerResponse) => boolean }> {
  const schema = await getSchema();
  const production = deps.config.production;
  const limits = armor(production);
  const rateLimits = new RateLimits({ ...deps.config.rateLimits, ...deps.rateLimits });
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !production,
    csrfPrevention: true,
    // main.ts handles SIGTERM (drain first, then stop Apollo); Apollo's own handler would stop it at once.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: !production,
    validationRules: limits.validationRules,
    plugins: [errorStatusPlugin(), ...limits.plugins, transactionPlugin(loadPrincipal, deps.db.isSqlite ? [] : ['settle']), operationObserverPlugin(), ApolloServerPluginCacheControlDisabled(), ...(production ? [ApolloServerPluginLandingPageDisabled()] : [])],
    formatError: formatErrorFor(production),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No ETag on responses: GraphQL answers POSTs, which no cache revalidates; hashing every body is wasted work.
  app.set('etag', false);
  // Behind a load balancer, the client's address (per-IP rate limit of anonymous callers, audit) comes
  // from X-Forwarded-For only when GONGJI_TRUST_PROXY names the trusted hops (e.g. `1`, `loopback`, a CIDR).
  const trustProxy = process.env.GONGJI_TRUST_PROXY?.trim();
  if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  // Liveness, readiness (database reachable, migrations current, not draining), Prometheus metrics.
  app.get('/healthz', livenessRoute(deps.db));
  app.get('/readyz', readinessRoute(deps.db));
  app.get('/metrics', metricsRoute(deps.config));
  watchPool(deps.db);
  const bodyLimit = Math.ceil(deps.config.maxUploadBytes * 1.4) + 65536;
  const handle = graphqlHandler(apollo, {
    stopped: () => Boolean(app.locals.stopped),
    context: async ({ req, res, body, ip }) => {
      const ctx = newContext(deps, { claims: claimsFromHeader(deps.config.secret, req.headers.authorization), ip });
      res.setHeader('x-request-id', ctx.requestId);
      const kind = callerKind(ctx);
      await rateLimits.consume(kind, ctx.claims ? `${kind}:${ctx.claims.sub}` : `ip:${ip ?? '-'}`);
      checkCostBudget(schema, kind, body);
      return ctx;
    },
  });
  // A plain JSON POST never reaches Express (ops/graphql-http.ts); everything else on /graphql does.
  const fastPath = graphqlFastPath({ limit: bodyLimit, trust: app.get('trust proxy fn'), handle });
  app.use('/graphql', express.json({ limit: bodyLimit }), (req, res) => void handle({ req, res, body: req.body, ip: req.ip ?? null }));
  // Body-parser failures (malformed JSON, too large) answer in GraphQL's shape, never an HTML stack trace.
  app.use('/graphql', (err: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    bodyError(res, err.status && err.status >= 400 && err.status < 500 ? err.status : 400);
  });
  app.get('/files/proofs/:id', proofFileRoute(deps));
  app.get('/export/:resource.csv', exportRoute(deps));
  // The same export with its filter in a JSON body: a search by name or ID number never goes in a URL.
  app.post('/export/:resource.csv', express.json({ limit: '16kb' }), exportRoute(deps));
  app.use('/export', (err: { status?: number }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 400;
    res.status(status).json({ error: 'BAD_USER_INPUT', message: '导出参数须为 JSON 对象 (the body must be a JSON object)' });
  });
  app.post('/files/imports', importUploadRoute(deps));
  app.get('/files/imports/:id/problems.csv', importProblemsRoute(deps));
  if (deps.config.adminDist) {
    app.use(adminStatic(path.resolve(deps.config.adminDist)));
  }
  // Last resort: JSON, logged, no stack trace to the client.
  app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    log().error({ err }, 'http: unexpected error');
    res.status(500).json({ errors: [{ message: '服务器内部错误 (internal error)', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });
  return { app, apollo, fastPath };
}

export async function startApp(deps: AppDeps, port = deps.config.port, host = deps.config.host): Promise<RunningApp> {
  const { app, apollo, fastPath } = await createApp(deps);
  const server: Server = createServer((req, res) => {
    if (!fastPath(req, res)) app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, host, () => resolve()));
  // Keep idle connections longer than the usual load-balancer / client idle timeouts (60 s), so a
  // client never reuses a socket the server has just closed (ECONNRESET on a keep-alive connection).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const requests = trackRequests(server, app);
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `http://${host}:${actual}`,
    // Graceful: stop accepting, let in-flight requests finish (bounded), then stop Apollo.
    close: async () => {
      const { unfinished, ms } = await drainServer(server, requests, deps.config.shutdownTimeoutMs ?? 10_000);
      if (unfinished > 0) log().warn({ unfinished, ms }, 'shutdown: requests cut off');
      app.locals.stopped = true;
      await apollo.stop();
      log().info('shutdown: GraphQL server stopped');
    },
  };
}
