import { HeaderMap, type ApolloServer, type ApolloServerPlugin, type HTTPGraphQLRequest } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../core/context';
import { log } from './logger';
import { conflictRetries, conflictsExhausted, inFlight, requestDuration, requests, settlementDuration } from './metrics';
import { backoffMs, retryOptionsFromEnv, sleep, type RetryOptions } from './retry';

/** What the observer plugin learns about an operation once it is parsed. */
interface OperationInfo {
  /** The first root field (`settle`, `members`…): stable even when clients send no operation name. */
  field: string;
  type: 'query' | 'mutation' | 'subscription';
  principal?: string;
  rollbackOnly?: boolean;
}

/** By request id: Apollo hands plugins a copy of the context object, not the one the handler made. */
const operations = new Map<string, OperationInfo>();

function firstRootField(op: OperationDefinitionNode | null | undefined): string {
  const sel = op?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  return sel && sel.kind === Kind.FIELD ? sel.name.value : 'unknown';
}

/** Records each operation's root field and type for the request log and the metrics. */
export function operationObserverPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          operations.set(contextValue.requestId, { field: firstRootField(operation), type: operation?.operation ?? 'query' });
        },
        async willSendResponse({ contextValue }) {
          const info = operations.get(contextValue.requestId);
          if (info) {
            info.principal = contextValue.principal?.kind ?? (contextValue.claims ? 'unknown' : 'anonymous');
            info.rollbackOnly = contextValue.rollbackOnly;
          }
        },
      };
    },
  };
}

/** ok, rule:<id> (a RuleViolation was returned), or the first error's code. */
function outcomeOf(body: string, info: OperationInfo | undefined): string {
  if (body.includes('"errors"')) {
    const code = /"code":"([A-Z_]+)"/.exec(body)?.[1];
    const rule = code === 'RULE_VIOLATION' ? /"rule":"([A-Z]+\d+)"/.exec(body)?.[1] : null;
    return rule ? `rule:${rule}` : (code ?? 'ERROR');
  }
  if (info?.rollbackOnly) return `rule:${/"rule":"([A-Z]+\d+)"/.exec(body)?.[1] ?? 'unknown'}`;
  return 'ok';
}

/** A request as the handler needs it: its parsed JSON body and the client's address already worked out. */
export interface GraphqlRequest {
  req: IncomingMessage;
  res: ServerResponse;
  body: unknown;
  ip: string | null;
}

export interface GraphqlHandlerOptions {
  context: (r: GraphqlRequest) => Promise<RequestContext>;
  /** True once the node has drained (main.ts): a request that slips in on a kept-alive connection goes elsewhere. */
  stopped: () => boolean;
  retry?: RetryOptions;
}

/** Write a whole JSON body (no ETag, no freshness check: GraphQL answers are never revalidated). */
export function sendJson(res: ServerResponse, status: number, body: string | object): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.statusCode = status;
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * The /graphql endpoint (in place of `expressMiddleware`): executes the operation and, when it came
 * back CONFLICT_RETRY — a deadlock, lock-wait timeout or Galera certification failure, its
 * transaction rolled back — executes the whole operation again (bounded, with jittered backoff).
 * That is what a client is told to do with CONFLICT_RETRY anyway; settle and reversal are
 * idempotent per serial (S8), so a repeat is never a second effect. Logs one JSON line per request.
 */
export function graphqlHandler(apollo: ApolloServer<RequestContext>, o: GraphqlHandlerOptions): (r: GraphqlRequest) => Promise<void> {
  const retry = o.retry ?? retryOptionsFromEnv();
  return async (r) => {
    const { req, res } = r;
    // A request that slipped in on a kept-alive connection after the drain: the client goes elsewhere.
    if (o.stopped()) {
      res.setHeader('Connection', 'close');
      sendJson(res, 503, { errors: [{ message: '服务正在停止，请重试 (shutting down; retry)', extensions: { code: 'UNAVAILABLE' } }] });
      return;
    }
    const started = process.hrtime.bigint();
    inFlight.inc();
    let ctx: RequestContext | null = null;
    let retries = 0;
    try {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      const url = req.url ?? '';
      const q = url.indexOf('?');
      const httpGraphQLRequest: HTTPGraphQLRequest = {
        method: (req.method ?? 'POST').toUpperCase(),
        headers,
        search: q < 0 ? '' : url.slice(q),
        body: r.body,
      };
      for (;;) {
        const response = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest,
          context: async () => (ctx = await o.context(r)),
        });
        const body = response.body.kind === 'complete' ? response.body.string : null;
        const id = (ctx as RequestContext | null)?.requestId;
        const info = id ? operations.get(id) : undefined;
        if (id) operations.delete(id);
        if (body !== null && body.includes('"CONFLICT_RETRY"') && retries + 1 < retry.attempts) {
          retries++;
          conflictRetries.inc({ operation: info?.field ?? 'unknown' });
          await sleep(backoffMs(retries, retry));
          continue;
        }
        for (const [key, value] of response.headers) res.setHeader(key, value);
        res.statusCode = response.status || 200;
        if (body !== null) sendJson(res, res.statusCode, body);
        else if (response.body.kind === 'chunked') {
          for await (const chunk of response.body.asyncIterator) res.write(chunk);
          res.end();
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const operation = info?.field ?? 'unknown';
        const outcome = body === null ? 'ok' : outcomeOf(body, info);
        if (outcome === 'CONFLICT_RETRY') conflictsExhausted.inc({ operation });
        requests.inc({ operation, outcome });
        requestDuration.observe({ operation }, seconds);
        if (operation === 'settle' || operation === 'reverseSettlement') settlementDuration.observe({ operation, outcome: outcome === 'ok' ? 'ok' : outcome.startsWith('rule:') ? 'rule' : 'error' }, seconds);
        const c = ctx as RequestContext | null;
        log().info(
          {
            requestId: c?.requestId,
            principal: info?.principal ?? (c?.claims ? 'unknown' : 'anonymous'),
            operation,
            type: info?.type,
            outcome,
            status: res.statusCode,
            retries,
            ms: Math.round(seconds * 1000),
          },
          'graphql',
        );
        return;
      }
    } catch (e) {
      log().error({ err: e, requestId: (ctx as RequestContext | null)?.requestId }, 'graphql handler failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    } finally {
      inFlight.dec();
    }
  };
}
