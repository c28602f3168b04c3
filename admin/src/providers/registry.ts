/**
 * Registry imports (R1) go over HTTP, not GraphQL, so the file streams: POST /files/imports with the
 * bearer token; the problem report downloads from GET /files/imports/:id/problems.csv. Closure
 * decisions (C2, C3) are GraphQL mutations.
 */
import { HttpError } from 'ra-core';
import { gqlRequest, unwrapResult } from './graphqlClient';
import { getToken } from './session';

export type ImportKind = 'members' | 'events';

async function failure(res: Response): Promise<HttpError> {
  let message = res.statusText;
  let code = 'HTTP_ERROR';
  try {
    const body = (await res.json()) as { error?: string; message?: string };
    message = body.message ?? message;
    code = body.error ?? code;
  } catch {
    /* not JSON */
  }
  return new HttpError(message || 'gongji.import.failed', res.status, { code });
}

export async function uploadRegistryFile(file: File, kind: ImportKind, dryRun: boolean, encoding?: 'utf8' | 'gb18030'): Promise<number> {
  const token = getToken();
  const q = new URLSearchParams({ kind, dryRun: String(dryRun), ...(encoding ? { encoding } : {}) });
  const res = await fetch(`/files/imports?${q}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: file,
    credentials: 'same-origin',
  });
  if (res.status !== 202) throw await failure(res);
  return ((await res.json()) as { jobId: number }).jobId;
}

export async function downloadProblems(jobId: number): Promise<void> {
  const token = getToken();
  const res = await fetch(`/files/imports/${jobId}/problems.csv`, { headers: token ? { Authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
  if (!res.ok) throw await failure(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `import-${jobId}-problems.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface ImportProblemRow {
  id: number;
  rowNumber: number;
  columnName: string;
  code: string;
  message: string;
}

export async function fetchProblems(jobId: number, page: number, perPage: number): Promise<{ items: ImportProblemRow[]; total: number }> {
  const data = await gqlRequest<{ page: { items: ImportProblemRow[]; total: number } }>(
    `query Admin_importProblems($jobId: Int!, $page: Int, $perPage: Int) { page: importProblems(jobId: $jobId, page: $page, perPage: $perPage, sortField: "rowNumber") { items { id rowNumber columnName code message } total } }`,
    { jobId, page, perPage },
  );
  return data.page;
}

export interface PaymentShare {
  payeeName: string;
  bankAccount: string;
  amountFen: number;
}

export async function decideClosurePayment(input: { closureId: number; shares: PaymentShare[]; documents: string[]; reason: string }) {
  const data = await gqlRequest<{ result: Record<string, unknown> }>(
    `mutation Admin_decideClosurePayment($input: HeirPaymentInput!) { result: decideClosurePayment(input: $input) { __typename ... on AccountClosure { id state } ... on RuleViolation { rule code message field } } }`,
    { input },
  );
  return unwrapResult(data.result, 'decideClosurePayment');
}

export async function acceptAccountTransfer(id: number, reason: string) {
  const data = await gqlRequest<{ result: Record<string, unknown> }>(
    `mutation Admin_acceptAccountTransfer($id: Int!, $reason: String!) { result: acceptAccountTransfer(id: $id, reason: $reason) { __typename ... on AccountClosure { id state } ... on RuleViolation { rule code message field } } }`,
    { id, reason },
  );
  return unwrapResult(data.result, 'acceptAccountTransfer');
}
