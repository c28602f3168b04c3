import { describe, expect, it } from 'vitest';
import { waitForDatabase } from './wait-for-database';

describe('start-up waits for the database (S16)', () => {
  it('S16: retries with growing delays until the database answers', async () => {
    const delays: number[] = [];
    let calls = 0;
    const v = await waitForDatabase(
      async () => {
        if (++calls < 4) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        return 'open';
      },
      { maxWaitMs: 60_000, sleep: async (ms) => void delays.push(ms) },
    );
    expect(v).toBe('open');
    expect(delays).toEqual([500, 1000, 2000]);
  });

  it('S16: gives up after the configured wait', async () => {
    await expect(waitForDatabase(() => Promise.reject(new Error('down')), { maxWaitMs: 0, sleep: async () => undefined })).rejects.toThrow('down');
  });
});
