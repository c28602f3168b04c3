import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Config } from './config';
import { newContext, type RequestContext } from './core/context';
import { adminStatic } from './core/static-assets';
import { transactionPlugin } from './core/transaction-plugin';
import { isRetryableConflict, type Database } from './db/database';
import { claimsFromHeader } from './modules/auth/auth.service';
import { proofFileRoute } from './modules/proof/proof-file.route';
import type { ProofStorage } from './modules/proof/proof-storage';
import { getSchema } from './schema';

export interface AppDeps {
  db: Database;
  config: Config;
  storage: ProofStorage;
}

export interface RunningApp {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function createApp(deps: AppDeps): Promise<{ app: express.Express; apollo: ApolloServer<RequestContext> }> {
  const schema = await getSchema();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !deps.config.production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !deps.config.production,
    plugins: [transactionPlugin(), ...(deps.config.production ? [ApolloServerPluginLandingPageDisabled()] : [])],
    formatError: (formatted, error) => {
      if (isRetryableConflict((error as { originalError?: unknown })?.originalError ?? error))
        return { message: '并发冲突，请用同一流水号重试 (lock conflict; retry with the same serial)', extensions: { code: 'CONFLICT_RETRY' } };
      const code = formatted.extensions?.code;
      if (code === 'INTERNAL_SERVER_ERROR' || !code) {
        console.error('unexpected error', error);
        if (deps.config.production) return { message: '服务器内部错误 (internal error)', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
      return formatted;
    },
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // For load balancers: answers 200 only while the database does.
  app.get('/healthz', async (_req, res) => {
    try {
      await deps.db.transaction((em) => em.query('SELECT 1'));
      res.json({ ok: true, database: deps.db.kind });
    } catch (e) {
      console.error('healthz: database unreachable', e);
      res.status(503).json({ ok: false, database: deps.db.kind });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: Math.ceil(deps.config.maxUploadBytes * 1.4) + 65536 }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const ctx = newContext(deps, {
          claims: claimsFromHeader(deps.config.secret, req.headers.authorization),
          ip: req.ip ?? null,
        });
        res.setHeader('x-request-id', ctx.requestId);
        return ctx;
      },
    }),
  );
  app.get('/files/proofs/:id', proofFileRoute(deps));
  if (deps.config.adminDist) {
    app.use(adminStatic(path.resolve(deps.config.adminDist)));
  }
  return { app, apollo };
}

export async function startApp(deps: AppDeps, port = deps.config.port, host = deps.config.host): Promise<RunningApp> {
  const { app, apollo } = await createApp(deps);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, host, () => resolve(s));
  });
  // Keep idle connections longer than the usual load-balancer / client idle timeouts (60 s), so a
  // client never reuses a socket the server has just closed (ECONNRESET on a keep-alive connection).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `http://${host}:${actual}`,
    close: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
