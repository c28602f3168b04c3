/** Helpers for unit tests of the providers (node environment: no DOM, no real network). */
import { vi } from 'vitest';

export interface RecordedRequest {
  url: string;
  headers: Record<string, string>;
  query: string;
  variables: Record<string, unknown>;
}

/** A Map-backed stand-in for sessionStorage/localStorage. */
export function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => (m.has(k) ? m.get(k)! : null),
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

/**
 * Replace global fetch with a GraphQL fake: `respond` gets each request and returns the JSON body
 * (or a [status, body] pair). Returns the list of recorded requests.
 */
export function mockGraphQL(respond: (req: RecordedRequest) => unknown | [number, unknown]): RecordedRequest[] {
  const calls: RecordedRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      const req: RecordedRequest = { url, headers: { ...(init.headers as Record<string, string>) }, query: body.query, variables: body.variables };
      calls.push(req);
      const out = respond(req);
      const [status, json] = Array.isArray(out) && typeof out[0] === 'number' ? (out as [number, unknown]) : [200, out];
      return new Response(JSON.stringify(json), { status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

/** Collapse whitespace and commas (insignificant in GraphQL) so queries can be compared however they are printed. */
export const squash = (s: string) =>
  s
    .replace(/[\s,]+/g, ' ')
    .replace(/([({]) /g, '$1')
    .replace(/ ([)}])/g, '$1')
    .trim();
