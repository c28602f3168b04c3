/**
 * The one place the admin talks to the API: POST /graphql (same origin) with a JSON body, which
 * also satisfies Apollo's CSRF prevention, and the staff bearer token.
 *
 * Errors become react-admin HttpErrors so its notification and auth machinery understands them:
 * - extensions.code UNAUTHENTICATED            → status 401 (authProvider.checkError logs out)
 * - FORBIDDEN / OUT_OF_SCOPE                   → status 403 (notify, stay logged in)
 * - BAD_USER_INPUT / GRAPHQL_VALIDATION_FAILED → status 400
 * - CONFLICT_RETRY                             → status 409
 * - anything else                              → the HTTP status, or 500
 * Business failures are not errors at this level: mutations return a RuleViolation value, which
 * `unwrapResult` turns into an HttpError(message, 400, { rule, code, field }).
 */
import { HttpError } from 'ra-core';
import type { RuleViolationFieldsFragment, TypedDocumentString } from '../gql/graphql';
import { i18nProvider, messagesFor } from '../i18n';
import { errorText, normalizeParams, type ErrorParams } from './errorText';
import { getToken } from './session';

/** The message for a code in the current language (see errorText.ts). */
export function localizedError(code: string | undefined, params: ErrorParams, serverMessage?: string): string {
  const locale = i18nProvider.getLocale();
  return errorText(messagesFor(locale), locale, code, params, serverMessage);
}

export const GRAPHQL_URL = '/graphql';

export interface GraphQLErrorShape {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

/** A business refusal, as every command document selects it (fragment RuleViolationFields). */
export type RuleViolation = RuleViolationFieldsFragment & { __typename: 'RuleViolation' };

/** The body of an HttpError thrown by this client. */
export interface ErrorBody {
  /** extensions.code of a thrown GraphQL error, or the RuleViolation code. */
  code: string;
  /** The rule id (E3, S8, A3, INPUT, NOT_FOUND, …) of a RuleViolation. */
  rule?: string;
  field?: string | null;
  /** The values the message was built from (RuleViolation.params / extensions.params). */
  params?: ErrorParams;
  /** All errors of the response. (Deliberately not `errors`: react-admin reads `body.errors` as
   * form-field errors and then suppresses the notification.) */
  graphqlErrors?: GraphQLErrorShape[];
}

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  BAD_REQUEST: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  CONFLICT_RETRY: 409,
};

export function statusForCode(code: string | undefined, httpStatus: number): number {
  if (code && STATUS_BY_CODE[code]) return STATUS_BY_CODE[code];
  return httpStatus >= 400 ? httpStatus : 500;
}

/**
 * The bearer token each failed request was sent with (none: null). A 401 only ends the session it
 * belongs to: an answer to a request of an earlier session (or of none), arriving after someone has
 * signed in, must not sign the new session out. Kept beside the error, never inside it, so the token
 * cannot reach a notification or a log.
 */
const SENT_WITH = new WeakMap<object, string | null>();

/** The token the request that failed with `error` carried: a string, null (none), or undefined (not ours). */
export function tokenSentWith(error: unknown): string | null | undefined {
  return typeof error === 'object' && error !== null ? SENT_WITH.get(error) : undefined;
}

/** Whether an auth failure belongs to an earlier session than the one now stored. */
export function isStaleAuthFailure(error: unknown): boolean {
  const sent = tokenSentWith(error);
  return sent !== undefined && sent !== getToken();
}

function failed(error: HttpError, token: string | null): HttpError {
  SENT_WITH.set(error, token);
  return error;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Send the stored bearer token (default true). */
  auth?: boolean;
  /** Override the token (login flows, tests). */
  token?: string | null;
}

/**
 * Run one typed GraphQL document (`graphql(\`…\`)`, see src/gql) and return its `data`, typed by the
 * document, or throw an HttpError. There are no hand-written query strings: every operation is a
 * generated document validated against the schema.
 */
export async function gqlRequest<T, V>(document: TypedDocumentString<T, V>, variables: V, opts: RequestOptions = {}): Promise<T> {
  const query = document.toString();
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = opts.token !== undefined ? opts.token : opts.auth === false ? null : getToken();
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as { name?: string })?.name === 'AbortError') throw e;
    throw new HttpError(localizedError('NETWORK_ERROR', {}), 0, { code: 'NETWORK_ERROR' } satisfies ErrorBody);
  }

  let body: GraphQLResponse<T> | null;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    body = null;
  }

  const first = body?.errors?.[0];
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
    const ruleCode = typeof first.extensions?.ruleCode === 'string' ? first.extensions.ruleCode : undefined;
    const params = normalizeParams(first.extensions?.params);
    throw failed(
      new HttpError(localizedError(ruleCode ?? code, params, first.message || undefined), statusForCode(code, response.status), {
        code,
        params,
        graphqlErrors: body!.errors,
      } satisfies ErrorBody),
      token,
    );
  }
  if (!response.ok || !body || body.data == null) {
    const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 503 ? 'UNAVAILABLE' : 'HTTP_ERROR';
    const status = response.status || 500;
    throw failed(new HttpError(localizedError(code, { status: String(status) }), statusForCode(code, status), { code, params: { status: String(status) } } satisfies ErrorBody), token);
  }
  return body.data;
}

export function isRuleViolation(value: unknown): value is RuleViolation {
  return typeof value === 'object' && value !== null && (value as { __typename?: unknown }).__typename === 'RuleViolation';
}

/** The message react-admin notifies for a RuleViolation: worded from its code (or the server's text in the current language), then the rule id. */
export function ruleViolationMessage(v: RuleViolation): string {
  const text = localizedError(v.code, normalizeParams(v.params), v.message);
  return ['INPUT', 'NOT_FOUND', 'POLICY'].includes(v.rule) ? text : `${text}（${v.rule}）`;
}

/** A mutation's union result: the payload, or throw the RuleViolation as HttpError(…, 400, { rule, code }). */
export function unwrapResult<T>(value: T | RuleViolation | null | undefined, operation: string): T {
  if (isRuleViolation(value)) {
    const body: ErrorBody = { rule: value.rule, code: value.code, field: value.field ?? null, params: normalizeParams(value.params) };
    throw new HttpError(ruleViolationMessage(value), 400, body);
  }
  if (value === null || value === undefined) throw new HttpError(localizedError('EMPTY_RESULT', {}), 500, { code: 'EMPTY_RESULT', params: { operation } });
  return value;
}
