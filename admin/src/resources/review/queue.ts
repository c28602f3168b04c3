/**
 * The caseworkers' review queue: pending proofs and pending bindings, oldest first, optionally
 * narrowed by region and relationship. The narrowing chosen on the queue page is remembered in
 * memory only (not in the URL or browser storage) so the review page can go straight on to the
 * next item of the same queue.
 */
export type QueueKind = 'proofs' | 'bindings';

export interface QueueFilter {
  region?: string | null;
  relationship?: string | null;
}

let current: QueueFilter = {};

export function getQueueFilter(): QueueFilter {
  return current;
}

export function setQueueFilter(f: QueueFilter): void {
  current = { region: f.region || null, relationship: f.relationship || null };
}

/** The react-admin list filter of a queue: pending items, plus the chosen narrowing. */
export function queueListFilter(kind: QueueKind, f: QueueFilter = current): Record<string, unknown> {
  const out: Record<string, unknown> = kind === 'proofs' ? { reviewState: 'PENDING' } : { state: 'PENDING' };
  if (f.region) out.region = f.region;
  if (f.relationship) out.relationship = f.relationship;
  return out;
}

/** Oldest first: the order items are worked through. */
export const QUEUE_SORT = { field: 'createdAt', order: 'ASC' as const };

/** Paths of the review pages. */
export const reviewPath = (kind: QueueKind, id: number | string) => `/review/${kind}/${id}`;

/**
 * The next item to open after deciding `doneId`: the first of the (oldest-first) candidates that
 * is not the one just decided and not skipped in this session.
 */
export function pickNext<T extends { id: number | string }>(candidates: readonly T[], doneId: number | string, skipped: ReadonlySet<string> = new Set()): T | null {
  return candidates.find((c) => String(c.id) !== String(doneId) && !skipped.has(String(c.id))) ?? null;
}
