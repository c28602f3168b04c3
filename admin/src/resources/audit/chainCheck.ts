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

export interface ChainRetry {
  /** How long to wait before asking again when `error` says the server is busy (another window of this auditor's, or the node's limit); null: not a busy refusal. */
  busyDelayMs: (error: unknown) => number | null;
  /** Busy refusals in a row before giving up. */
  attempts: number;
  sleep?: (ms: number) => Promise<void>;
}

const NO_RETRY: ChainRetry = { busyDelayMs: () => null, attempts: 1 };

export async function checkChain(
  window: (cursor: ChainCursor) => Promise<ChainWindow>,
  onProgress: (p: ChainProgress) => void,
  signal?: AbortSignal,
  retry: ChainRetry = NO_RETRY,
): Promise<ChainOutcome> {
  let cursor: ChainCursor = {};
  let checked = 0;
  const sleep = retry.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const ask = async (c: ChainCursor): Promise<ChainWindow> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await window(c);
      } catch (e) {
        const delay = retry.busyDelayMs(e);
        if (delay === null || attempt >= retry.attempts || signal?.aborted) throw e;
        await sleep(delay);
        if (signal?.aborted) throw new DOMException('chain check stopped', 'AbortError');
      }
    }
  };
  for (;;) {
    if (signal?.aborted) throw new DOMException('chain check stopped', 'AbortError');
    const w = await ask(cursor);
    checked += w.checked;
    onProgress({ checked, total: Math.max(w.total, checked) });
    if (!w.ok) return { ok: false, checked, brokenAtId: w.brokenAtId ?? null };
    if (w.done) return { ok: true, checked, brokenAtId: null };
    if (w.lastId <= (cursor.afterId ?? 0)) throw new Error('chain check made no progress');
    cursor = { afterId: w.lastId, afterHash: w.lastHash };
  }
}
