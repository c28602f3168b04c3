/**
 * The home page's first request, started before React has rendered anything.
 *
 * Without this the home page is a waterfall: the app's JavaScript, then the sign-in check
 * (`viewer`), then the lazily loaded Dashboard chunk, then `dashboardStats`. When the page opens
 * on the home route with a stored session, `startHomePrefetch` fetches the Dashboard chunk and
 * the statistics at once, in parallel with the sign-in check. The Dashboard takes the prefetched
 * result once (`takePrefetchedStats`); later visits fetch as usual. A failed prefetch is dropped
 * and the Dashboard asks again, so an error is still shown the normal way.
 */
const MAX_AGE_MS = 5_000;

let prefetched: { at: number; months: number; promise: Promise<unknown> } | null = null;

export function isHomeRoute(hash: string): boolean {
  return hash === '' || hash === '#' || hash === '#/';
}

export function startHomePrefetch(opts: {
  hash: string;
  hasSession: boolean;
  months: number;
  loadChunk: () => Promise<unknown>;
  fetchStats: (months: number) => Promise<unknown>;
  now?: () => number;
}): boolean {
  if (!opts.hasSession || !isHomeRoute(opts.hash)) return false;
  void opts.loadChunk().catch(() => undefined); // the lazy import retries on render
  const promise = opts.fetchStats(opts.months);
  promise.catch(() => undefined); // unhandled here; the Dashboard re-asks on failure
  prefetched = { at: (opts.now ?? Date.now)(), months: opts.months, promise };
  return true;
}

/** The prefetched statistics for `months`, once, if still fresh; otherwise null. */
export function takePrefetchedStats<T>(months: number, now: number = Date.now()): Promise<T> | null {
  const p = prefetched;
  prefetched = null;
  if (!p || p.months !== months || now - p.at > MAX_AGE_MS) return null;
  return p.promise as Promise<T>;
}
