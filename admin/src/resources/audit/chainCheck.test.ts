import { describe, expect, it } from 'vitest';
import { checkChain, type ChainCursor, type ChainWindow } from './chainCheck';

/** A chain of `total` entries served `size` at a time; entry `broken` (if any) fails. */
function server(total: number, size: number, broken?: number) {
  const calls: ChainCursor[] = [];
  const window = async (c: ChainCursor): Promise<ChainWindow> => {
    calls.push(c);
    const from = c.afterId ?? 0;
    expect(c.afterHash ?? 'genesis').toBe(from ? `h${from}` : 'genesis');
    const last = Math.min(from + size, total);
    if (broken && broken > from && broken <= last) return { ok: false, checked: broken - from - 1, brokenAtId: broken, lastId: broken - 1, lastHash: `h${broken - 1}`, done: true, total };
    return { ok: true, checked: last - from, brokenAtId: null, lastId: last, lastHash: `h${last}`, done: last === total, total };
  };
  return { window, calls };
}

describe('hash-chain check by windows (A4)', () => {
  it('carries each window’s last entry and hash into the next, reports progress, and counts every entry once', async () => {
    const s = server(250_000, 100_000);
    const progress: number[] = [];
    await expect(checkChain(s.window, (p) => progress.push(p.checked))).resolves.toEqual({ ok: true, checked: 250_000, brokenAtId: null });
    expect(s.calls).toEqual([{}, { afterId: 100_000, afterHash: 'h100000' }, { afterId: 200_000, afterHash: 'h200000' }]);
    expect(progress).toEqual([100_000, 200_000, 250_000]);
  });

  it('stops at the first broken entry', async () => {
    const s = server(250_000, 100_000, 123_456);
    await expect(checkChain(s.window, () => undefined)).resolves.toEqual({ ok: false, checked: 123_455, brokenAtId: 123_456 });
    expect(s.calls).toHaveLength(2);
  });

  it('can be stopped between windows', async () => {
    const s = server(250_000, 100_000);
    const stop = new AbortController();
    const run = checkChain(s.window, () => stop.abort(), stop.signal);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(s.calls).toHaveLength(1);
  });

  it('waits and asks again while the server says it is busy, then gives up after the allowed attempts', async () => {
    const s = server(150_000, 100_000);
    let refusals = 2;
    const busy = Object.assign(new Error('busy'), { status: 429 });
    const flaky = async (c: ChainCursor) => {
      if (c.afterId && refusals-- > 0) throw busy;
      return s.window(c);
    };
    const waits: number[] = [];
    const retry = { busyDelayMs: (e: unknown) => ((e as { status?: number }).status === 429 ? 5000 : null), attempts: 3, sleep: async (ms: number) => void waits.push(ms) };
    await expect(checkChain(flaky, () => undefined, undefined, retry)).resolves.toEqual({ ok: true, checked: 150_000, brokenAtId: null });
    expect(waits).toEqual([5000, 5000]);
    refusals = 5;
    await expect(checkChain(flaky, () => undefined, undefined, retry)).rejects.toBe(busy);
    // Anything but a busy refusal is not retried.
    const broken = async () => Promise.reject(new Error('network'));
    waits.length = 0;
    await expect(checkChain(broken, () => undefined, undefined, retry)).rejects.toThrow('network');
    expect(waits).toEqual([]);
  });
});
