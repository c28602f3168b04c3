/**
 * Proof documents are served at GET /files/proofs/:id with the same bearer token as the API, so
 * they cannot be plain links: the file is fetched and shown through a short-lived object URL
 * (memory only; revoked after a minute).
 */
import { HttpError } from 'ra-core';
import { getToken } from './session';

export const proofFileUrl = (id: number | string) => `/files/proofs/${encodeURIComponent(String(id))}`;

export async function fetchProofFile(id: number | string): Promise<Blob> {
  const token = getToken();
  const res = await fetch(proofFileUrl(id), {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    credentials: 'same-origin',
    cache: 'no-store',
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
    throw new HttpError(message || 'gongji.proof.open_failed', res.status, { code });
  }
  return res.blob();
}

/** Open the proof in a new tab. */
export async function openProofFile(id: number | string): Promise<void> {
  const blob = await fetchProofFile(id);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
