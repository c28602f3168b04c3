import { describe, expect, it } from 'vitest';
import { HttpError } from 'ra-core';
import { createQueryClient, isPermanentError, shouldRetry } from './queryClient';

describe('query client', () => {
  it('never retries permanent errors (out of scope, not found, bad input); retries network and server errors twice', () => {
    expect(isPermanentError(new HttpError('不在管辖范围内', 403))).toBe(true);
    expect(shouldRetry(0, new HttpError('不在管辖范围内', 403))).toBe(false);
    expect(shouldRetry(0, new HttpError('无法连接', 0))).toBe(true);
    expect(shouldRetry(1, new HttpError('服务器出错', 500))).toBe(true);
    expect(shouldRetry(2, new HttpError('服务器出错', 500))).toBe(false);
  });

  it('runs queries offline too, so that they fail visibly instead of pausing', () => {
    const q = createQueryClient().getDefaultOptions().queries;
    expect(q?.networkMode).toBe('always');
  });
});
