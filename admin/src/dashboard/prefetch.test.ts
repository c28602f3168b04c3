import { describe, expect, it } from 'vitest';
import { isHomeRoute, startHomePrefetch, takePrefetchedStats } from './prefetch';

describe('home page prefetch', () => {
  it('starts the Dashboard chunk and the statistics together on the home route with a session', async () => {
    const calls: string[] = [];
    const started = startHomePrefetch({
      hash: '#/',
      hasSession: true,
      months: 6,
      loadChunk: async () => calls.push('chunk'),
      fetchStats: async (m) => {
        calls.push(`stats ${m}`);
        return { months: m };
      },
      now: () => 1_000,
    });
    expect(started).toBe(true);
    expect(calls).toEqual(['chunk', 'stats 6']);
    await expect(takePrefetchedStats(6, 2_000)).resolves.toEqual({ months: 6 });
    // taken once: the next visit fetches as usual
    expect(takePrefetchedStats(6, 2_000)).toBeNull();
  });

  it('does nothing off the home route or without a session', () => {
    const never = () => Promise.reject(new Error('must not be called'));
    expect(startHomePrefetch({ hash: '#/bindings', hasSession: true, months: 6, loadChunk: never, fetchStats: never })).toBe(false);
    expect(startHomePrefetch({ hash: '#/', hasSession: false, months: 6, loadChunk: never, fetchStats: never })).toBe(false);
    expect(takePrefetchedStats(6)).toBeNull();
    expect(isHomeRoute('')).toBe(true);
    expect(isHomeRoute('#/login')).toBe(false);
  });

  it('drops a stale or mismatched prefetch, and a failed one does not reject unobserved', async () => {
    startHomePrefetch({ hash: '', hasSession: true, months: 6, loadChunk: async () => 0, fetchStats: async () => 'x', now: () => 0 });
    expect(takePrefetchedStats(6, 10_000)).toBeNull();
    startHomePrefetch({ hash: '', hasSession: true, months: 6, loadChunk: async () => 0, fetchStats: async () => 'x', now: () => 0 });
    expect(takePrefetchedStats(12, 1)).toBeNull();
    startHomePrefetch({ hash: '', hasSession: true, months: 6, loadChunk: () => Promise.reject(new Error('chunk')), fetchStats: () => Promise.reject(new Error('down')), now: () => 0 });
    await expect(takePrefetchedStats(6, 1)).rejects.toThrow('down');
  });
});
