/**
 * react-query settings for the whole dashboard:
 * - `networkMode: 'always'`: a request made offline fails at once with NETWORK_ERROR (shown with a
 *   retry button) instead of pausing with skeleton rows forever;
 * - no retries of permanent errors (4xx: out of scope, not found, forbidden, bad input): the message
 *   shows at once instead of after ~7 s of backed-off retries; network and server errors retry twice.
 */
import { QueryClient } from '@tanstack/react-query';

export function isPermanentError(error: unknown): boolean {
  const status = (error as { status?: number } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return !isPermanentError(error) && failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', retry: shouldRetry, retryDelay: (n) => Math.min(400 * 2 ** n, 2000) },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
