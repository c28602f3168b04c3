/**
 * The GraphQL edge: what a request may cost before any resolver runs (A8), how fast a principal may
 * call, and how failures look on the wire. Every limit here refuses the request during validation or
 * before the transaction opens, so a refused request does no database work at all.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { GraphQLError, parse, validate, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { isRetryableConflict } from '../db/database';
import type { RequestContext } from './context';
import type { TokenKind } from './tokens';
import { log } from '../ops/logger';

/** Deepest selection (fragments flattened). The deepest query the dashboard sends is 6. */
export const MAX_DEPTH = 10;
export const MAX_ALIASES = 15;
export const MAX_TOKENS = 3000;
export const MAX_DIRECTIVES = 20;

export type CallerKind = TokenKind | 'anonymous';

/** graphql-armor cost units (object 2, scalar 1, ×1.5 per level) a single operation may spend. */
export const COST_BUDGET: Record<CallerKind, number> = { anonymous: 100, member: 1000, institution: 1000, staff: 5000 };

/** Requests per minute per principal (anonymous callers: per IP). */
export const DEFAULT_RATE_LIMITS: Record<CallerKind, number> = { anonymous: 300, member: 600, institution: 60000, staff: 3000 };

export function callerKind(ctx: Pick<RequestContext, 'claims'>): CallerKind {
  return ctx.claims?.kind ?? 'anonymous';
}

/** Static limits: depth, aliases, tokens, directives, and the largest cost budget; field suggestions off in production. */
export function armor(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: MAX_DEPTH, flattenFragments: true, exposeLimits: true, ignoreIntrospection: true },
    maxAliases: { n: MAX_ALIASES, exposeLimits: true },
    maxTokens: { n: MAX_TOKENS, exposeLimits: true },
    maxDirectives: { n: MAX_DIRECTIVES, exposeLimits: true },
    costLimit: { maxCost: Math.max(...Object.values(COST_BUDGET)), exposeLimits: true, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

/**
 * The per-principal cost budget: armor's cost rule run again with the caller's own budget. Called
 * from the context function, before Apollo's pipeline opens a transaction for the operation.
 */
export function checkCostBudget(schema: GraphQLSchema, kind: CallerKind, body: unknown): void {
  const query = (body as { query?: unknown } | null)?.query;
  if (typeof query !== 'string') return;
  // The cost depends on the document alone: a document already measured for this caller kind is not
  // parsed and validated again (clients send the same few documents over and over).
  const key = `${kind}\u0000${query}`;
  const known = costVerdicts.get(key);
  if (known === undefined) {
    const ok = measureCost(schema, kind, query);
    if (costVerdicts.size >= MAX_COST_VERDICTS) costVerdicts.clear();
    costVerdicts.set(key, ok);
    if (!ok) throw tooComplex(kind);
  } else if (!known) throw tooComplex(kind);
}

/** Cost verdicts by caller kind and document text; bounded (cleared when full). */
const costVerdicts = new Map<string, boolean>();
const MAX_COST_VERDICTS = 2000;

function tooComplex(kind: CallerKind): GraphQLError {
  return new GraphQLError(`查询过于复杂 (query cost exceeds the ${kind} budget of ${COST_BUDGET[kind]})`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400, headers: new Map() } },
  });
}

/** Within the kind's budget? A document that does not parse counts as within: Apollo reports it. */
function measureCost(schema: GraphQLSchema, kind: CallerKind, query: string): boolean {
  let document;
  try {
    document = parse(query, { maxTokens: MAX_TOKENS });
  } catch {
    return true; // Apollo reports the syntax error (or the token limit) itself
  }
  let errors: readonly GraphQLError[];
  try {
    errors = validate(schema, document, [costLimitRule({ maxCost: COST_BUDGET[kind], exposeLimits: true, ignoreIntrospection: true })]);
  } catch (e) {
    errors = [e as GraphQLError]; // armor reports a refusal by throwing
  }
  return errors.length === 0;
}

/**
 * Per-principal rate limits, in this process's memory. With several API nodes behind a load
 * balancer each node counts on its own; for one shared budget swap RateLimiterMemory for
 * RateLimiterRedis / RateLimiterMySQL (same interface) — see docs/architecture.md.
 */
export class RateLimits {
  private readonly limiters: Record<CallerKind, RateLimiterMemory | null>;
  constructor(limits: Partial<Record<CallerKind, number>> = {}) {
    const merged = { ...DEFAULT_RATE_LIMITS, ...limits };
    this.limiters = Object.fromEntries(
      Object.entries(merged).map(([k, n]) => [k, n > 0 ? new RateLimiterMemory({ keyPrefix: `rl_${k}`, points: n, duration: 60 }) : null]),
    ) as Record<CallerKind, RateLimiterMemory | null>;
  }

  /** Throws RATE_LIMITED (HTTP 429, Retry-After) when the caller is over budget. */
  async consume(kind: CallerKind, key: string): Promise<void> {
    const limiter = this.limiters[kind];
    if (!limiter) return;
    try {
      await limiter.consume(key);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new GraphQLError(`请求过于频繁，请 ${seconds} 秒后重试 (rate limited)`, {
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds, http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
      });
    }
  }
}

// ---------------------------------------------------------------- failures on the wire

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_ACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'POOL_CLOSED',
  // 1047: a Galera node outside the primary component ("WSREP has not yet prepared node for application use").
  'ER_UNKNOWN_COM_ERROR',
]);

/** Is this the database being unreachable (S16), rather than a bug? */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur = e as any, i = 0; cur && i < 5; cur = cur.originalError ?? cur.driverError ?? cur.cause, i++) {
    if (typeof cur.code === 'string' && UNAVAILABLE_CODES.has(cur.code)) return true;
    if (cur.fatal === true && typeof cur.code === 'string') return true;
    if (typeof cur.message === 'string' && /Pool is closed|connection is in closed state|Can't add new command when connection is in closed state/i.test(cur.message)) return true;
  }
  return false;
}

const UNAVAILABLE_RETRY_AFTER_S = 5;

/** The code a failure gets on the wire, when it is one of ours rather than a bug. */
function edgeCode(error: unknown): 'UNAVAILABLE' | 'CONFLICT_RETRY' | null {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (isDatabaseUnavailable(original)) return 'UNAVAILABLE';
  if (isRetryableConflict(original)) return 'CONFLICT_RETRY';
  return null;
}

/**
 * HTTP status from the errors (before they are formatted): UNAVAILABLE → 503 with Retry-After,
 * CONFLICT_RETRY → 409 with Retry-After, so a client or proxy can tell "retry" from "bug".
 */
export function errorStatusPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const err of errors) {
            const ext = err.extensions as Record<string, unknown>;
            const code = edgeCode(err) ?? (ext.code === 'CONFLICT_RETRY' ? 'CONFLICT_RETRY' : null);
            if (!code) {
              if ((!ext.code || ext.code === 'INTERNAL_SERVER_ERROR') && !/error limit reached/.test(err.message)) {
                ext.requestId = contextValue?.requestId;
                log().error({ requestId: contextValue?.requestId, err: err.originalError ?? err }, 'unexpected error');
              }
              continue;
            }
            const status = code === 'UNAVAILABLE' ? 503 : 409;
            const retry = code === 'UNAVAILABLE' ? UNAVAILABLE_RETRY_AFTER_S : 1;
            ext.http = { status, headers: new Map([['retry-after', String(retry)]]) };
          }
        },
      };
    },
  };
}

/** The codes a client may see unchanged; anything else is logged and returned generically. */
const PASS_THROUGH = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OUT_OF_SCOPE',
  'CONFLICT_RETRY',
  'RULE_VIOLATION',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'PASSWORD_CHANGE_REQUIRED',
  'UNAVAILABLE',
]);

/** Apollo's formatError: our codes pass (minus stack traces in production); anything else is generic. */
export function formatErrorFor(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const edge = edgeCode(error);
    if (edge === 'UNAVAILABLE')
      return { message: '数据库暂不可用，请稍后重试 (service temporarily unavailable; retry later)', extensions: { code: 'UNAVAILABLE', retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_S } };
    if (edge === 'CONFLICT_RETRY')
      return { message: '并发冲突，请用同一流水号重试 (lock conflict; retry with the same serial)', extensions: { code: 'CONFLICT_RETRY' } };
    let code = formatted.extensions?.code as string | undefined;
    // graphql-js stops coercing variables after 50 errors with an error that has no code.
    if (!code || code === 'INTERNAL_SERVER_ERROR') {
      if (/error limit reached|Variable "\$/.test(formatted.message)) return { message: formatted.message.slice(0, 300), extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (code && PASS_THROUGH.has(code)) {
      const { stacktrace: _s, exception: _e, ...ext } = (formatted.extensions ?? {}) as Record<string, unknown>;
      return { ...formatted, message: formatted.message.length > 1000 ? `${formatted.message.slice(0, 1000)}…` : formatted.message, extensions: production ? ext : formatted.extensions };
    }
    code = 'INTERNAL_SERVER_ERROR';
    const requestId = formatted.extensions?.requestId as string | undefined;
    if (production) return { message: '服务器内部错误 (internal error)', extensions: { code, requestId } };
    return { ...formatted, extensions: { ...formatted.extensions, code, requestId } };
  };
}
