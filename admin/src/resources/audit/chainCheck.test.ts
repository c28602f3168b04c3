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
});
