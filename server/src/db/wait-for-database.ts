/**
 * S16: at start-up the database may not be up yet (both started together, a failover in progress).
 * Keep trying with exponential backoff instead of exiting; give up only after GONGJI_DB_WAIT_SECONDS.
 */
export async function waitForDatabase<T>(open: () => Promise<T>, opts: { maxWaitMs: number; log?: (msg: string) => void; sleep?: (ms: number) => Promise<void> }): Promise<T> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = Date.now();
  let delay = 500;
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (e) {
      const waited = Date.now() - started;
      if (waited + delay > opts.maxWaitMs) throw e;
      // No connection string or host in the log line: only the driver's error code.
      const code = (e as { code?: string })?.code ?? (e as Error)?.name ?? 'error';
      opts.log?.(`gongji: database not reachable (${code}); attempt ${attempt}, retrying in ${(delay / 1000).toFixed(1)} s`);
      await sleep(delay);
      delay = Math.min(delay * 2, 15_000);
    }
  }
}
