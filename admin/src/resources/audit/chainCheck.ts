/**
 * A4: the hash-chain check, a window at a time (the API verifies at most 100,000 entries per call, so a
 * chain of any length is checked in bounded requests). Each window continues from the last entry and
 * hash of the one before, so the windows together check the whole chain; the caller sees progress
 * after each window and can stop between windows.
 */
export interface ChainWindow {
  ok: boolean;
  checked: number;
  brokenAtId?: number | null;
  lastId: number;
  lastHash: string;
  done: boolean;
  total: number;
}

export interface ChainCursor {
  afterId?: number;
  afterHash?: string;
}

export interface ChainOutcome {
  ok: boolean;
  /** Entries verified in all windows. */
  checked: number;
  brokenAtId: number | null;
}

export interface ChainProgress {
  checked: number;
  /** Entries in the chain as of the last window (it grows while staff work). */
  total: number;
}

export async function checkChain(
  window: (cursor: ChainCursor) => Promise<ChainWindow>,
  onProgress: (p: ChainProgress) => void,
  signal?: AbortSignal,
): Promise<ChainOutcome> {
  let cursor: ChainCursor = {};
  let checked = 0;
  for (;;) {
    if (signal?.aborted) throw new DOMException('chain check stopped', 'AbortError');
    const w = await window(cursor);
    checked += w.checked;
    onProgress({ checked, total: Math.max(w.total, checked) });
    if (!w.ok) return { ok: false, checked, brokenAtId: w.brokenAtId ?? null };
    if (w.done) return { ok: true, checked, brokenAtId: null };
    if (w.lastId <= (cursor.afterId ?? 0)) throw new Error('chain check made no progress');
    cursor = { afterId: w.lastId, afterHash: w.lastHash };
  }
}
