/**
 * Registry imports (R1) go over HTTP, not GraphQL, so the file streams: POST /files/imports with the
 * bearer token; the problem report downloads from GET /files/imports/:id/problems.csv. Closure
 * decisions (C2, C3) are GraphQL mutations.
 */
import { HttpError } from 'ra-core';
import { graphql } from '../gql';
import type { Admin_ImportProblemsQuery, HeirPaymentInput, PaymentShareInput } from '../gql/graphql';
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

const ImportProblemsDocument = graphql(`
  query Admin_importProblems($jobId: Int!, $page: Int, $perPage: Int) {
    page: importProblems(jobId: $jobId, page: $page, perPage: $perPage, sortField: "rowNumber") {
      items {
        id
        rowNumber
        columnName
        code
        message
      }
      total
    }
  }
`);

export type ImportProblemRow = Admin_ImportProblemsQuery['page']['items'][number];

export async function fetchProblems(jobId: number, page: number, perPage: number): Promise<{ items: ImportProblemRow[]; total: number }> {
  return (await gqlRequest(ImportProblemsDocument, { jobId, page, perPage })).page;
}

export type PaymentShare = PaymentShareInput;

const DecideClosurePaymentDocument = graphql(`
  mutation Admin_decideClosurePayment($input: HeirPaymentInput!) {
    result: decideClosurePayment(input: $input) {
      __typename
      ... on AccountClosure {
        id
        state
      }
      ...RuleViolationFields
    }
  }
`);

export async function decideClosurePayment(input: HeirPaymentInput) {
  const data = await gqlRequest(DecideClosurePaymentDocument, { input });
  return unwrapResult(data.result, 'decideClosurePayment');
}

const AcceptAccountTransferDocument = graphql(`
  mutation Admin_acceptAccountTransfer($id: Int!, $reason: String!) {
    result: acceptAccountTransfer(id: $id, reason: $reason) {
      __typename
      ... on AccountClosure {
        id
        state
      }
      ...RuleViolationFields
    }
  }
`);

export async function acceptAccountTransfer(id: number, reason: string) {
  const data = await gqlRequest(AcceptAccountTransferDocument, { id, reason });
  return unwrapResult(data.result, 'acceptAccountTransfer');
}
