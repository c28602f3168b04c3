/**
 * Exports through the server's streamed CSV route (issue 10; docs/api.md "CSV exports"):
 * `POST /export/<resource>.csv` with the list's filter fields, `sortField` and `sortOrder` as a JSON
 * body and the bearer token. The server reads the whole filtered list by keyset (no row cap), writes
 * Chinese headers, yuan, Beijing time and masked personal data, and audits the export. The filter goes
 * through the same mapping as the list query (dataProvider's RESOURCES), so the file holds exactly the
 * rows on screen; it travels in the body, so a search by name or ID number never lands in a URL (the
 * server refuses those in a query string). Lists without a route keep the client-side exporter
 * (export/csv.ts).
 */
import { HttpError } from 'ra-core';
import { buildListQuery } from '../providers/dataProvider';
import { getToken } from '../providers/session';
import { beijingToday } from '../format';

/** The lists the server exports (the growing ones); the small lists keep the client-side exporter. */
export const SERVER_EXPORTS = ['members', 'institutions', 'bindings', 'settlements', 'proofs', 'fraudCases', 'auditLogs'] as const;

export function hasServerExport(resource: string): boolean {
  return (SERVER_EXPORTS as readonly string[]).includes(resource);
}

function param(v: unknown): string | string[] | boolean | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.length ? v.map(String) : null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return null;
  return String(v);
}

/** The route and its JSON body for a list's current filter and sort (filter values as the API takes them: ISO instants, lists). */
export function serverExportRequest(resource: string, filter: Record<string, unknown>, sort?: { field: string; order: string }): { url: string; body: Record<string, string | string[] | boolean> } {
  const { variables } = buildListQuery(resource, { filter, sort, pagination: { page: 1, perPage: 1 } });
  const body: Record<string, string | string[] | boolean> = {};
  for (const [k, v] of Object.entries((variables.filter as Record<string, unknown> | undefined) ?? {})) {
    const s = param(v);
    if (s !== null) body[k] = s;
  }
  if (typeof variables.sortField === 'string') {
    body.sortField = variables.sortField;
    body.sortOrder = variables.sortOrder === 'DESC' ? 'DESC' : 'ASC';
  }
  return { url: `/export/${encodeURIComponent(resource)}.csv`, body };
}

/** The file name the server suggests (Content-Disposition), else `<name>-<Beijing date>.csv`. */
export function fileNameFrom(disposition: string | null, fallbackBase: string): string {
  const m = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return m ? decodeURIComponent(m[1]) : `${fallbackBase}-${beijingToday()}.csv`;
}

/** How far a download has come: data rows received (the header line not counted) and bytes. */
export interface ExportProgress {
  rows: number;
  bytes: number;
}

/** Line ends in a chunk of the file (a cell with a line break in it counts once more: progress only). */
export function countLines(chunk: Uint8Array): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * The response body as a Blob, read chunk by chunk so the caller can show progress: a large file
 * streams for minutes (about 25,000 rows a second from the server on the scale dataset).
 */
export async function readWithProgress(res: Response, onProgress?: (p: ExportProgress) => void): Promise<Blob> {
  const type = res.headers.get('Content-Type') ?? 'text/csv;charset=utf-8';
  if (!res.body) return new Blob([await res.arrayBuffer()], { type });
  const reader = res.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let lines = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array<ArrayBuffer>);
    bytes += value.length;
    lines += countLines(value);
    onProgress?.({ rows: Math.max(0, lines - 1), bytes });
  }
  return new Blob(chunks, { type });
}

/** Fetch the export and save it. Errors become an HttpError with the server's code (shown by the caller). */
export async function downloadServerExport(
  resource: string,
  filter: Record<string, unknown>,
  sort: { field: string; order: string } | undefined,
  fallbackBase: string,
  opts: { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void } = {},
): Promise<void> {
  const token = getToken();
  const { url, body } = serverExportRequest(resource, filter, sort);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
    signal: opts.signal,
  });
  if (!res.ok) {
    let message = res.statusText;
    let code = 'HTTP_ERROR';
    try {
      const body = (await res.json()) as { error?: string; message?: string };
      message = body.message ?? message;
      code = body.error ?? code;
    } catch {
      /* not JSON */
    }
    throw new HttpError(message || 'gongji.export.failed', res.status, { code });
  }
  const blob = await readWithProgress(res, opts.onProgress);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameFrom(res.headers.get('Content-Disposition'), fallbackBase);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
