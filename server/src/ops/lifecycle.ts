import type { Express, RequestHandler } from 'express';
import type { Server } from 'node:http';
import type { Database } from '../db/database';
import { log } from './logger';

/**
 * Graceful shutdown, in order: stop taking work (readiness turns 503, the listener closes, responses
 * say `Connection: close`), let in-flight requests finish (bounded), run the registered hooks (the
 * outbox worker finishes its current batch), then close the database pools.
 */
type Hook = { name: string; fn: () => Promise<void> | void };
const hooks: Hook[] = [];

/** Register work to finish before the pools close (e.g. the outbox worker's current batch). Returns an unregister function. */
export function onShutdown(name: string, fn: () => Promise<void> | void): () => void {
  const hook = { name, fn };
  hooks.push(hook);
  return () => {
    const i = hooks.indexOf(hook);
    if (i >= 0) hooks.splice(i, 1);
  };
}

/** Run the hooks (latest registered first), each bounded by `timeoutMs`; a failing hook does not stop the others. */
export async function runShutdownHooks(timeoutMs: number): Promise<void> {
  for (const h of hooks.splice(0).reverse()) {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(h.fn),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs))),
      ]);
      log().info({ hook: h.name, ms: Date.now() - started }, 'shutdown hook done');
    } catch (e) {
      log().error({ hook: h.name, err: e }, 'shutdown hook failed');
    } finally {
      clearTimeout(timer);
    }
  }
}

export interface RequestTracker {
  active(): number;
  /** From now on: readiness 503, `Connection: close` on every response. */
  startDraining(): void;
}

/** Counts requests being served, and asks keep-alive clients to reconnect elsewhere once draining. */
export function trackRequests(server: Server, app: Express): RequestTracker {
  let active = 0;
  app.locals.draining = false;
  server.on('request', (_req, res) => {
    active++;
    if (app.locals.draining) res.setHeader('Connection', 'close');
    res.once('close', () => active--);
  });
  return { active: () => active, startDraining: () => void (app.locals.draining = true) };
}

/** Stop accepting connections and wait (at most `timeoutMs`) for in-flight requests; then drop what is left. */
export async function drainServer(server: Server, tracker: RequestTracker, timeoutMs: number): Promise<{ unfinished: number; ms: number }> {
  tracker.startDraining();
  const started = Date.now();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  while (tracker.active() > 0 && Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 25));
    server.closeIdleConnections();
  }
  const unfinished = tracker.active();
  if (unfinished > 0) log().warn({ unfinished, ms: Date.now() - started }, 'shutdown: closing connections of unfinished requests');
  server.closeAllConnections();
  // Bounded too: the listener's close callback waits for every socket to be gone.
  const lingering = await Promise.race([closed.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 2_000))]);
  if (lingering) log().warn({ ms: Date.now() - started }, 'shutdown: listener still had sockets; going on');
  return { unfinished, ms: Date.now() - started };
}

/** GET /healthz — liveness: the process serves HTTP. Does not touch the database (a database outage must not restart every node). */
export function livenessRoute(db: Database): RequestHandler {
  return (_req, res) => {
    res.json({ ok: true, database: db.kind });
  };
}

/** Migrations the code has that the database has not run yet. */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const known = db.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  const rows: Array<{ name: string }> = await db.transaction((em) => em.query('SELECT name FROM schema_migration'));
  const done = new Set(rows.map((r) => r.name));
  return known.filter((n) => !done.has(n));
}

/** GET /readyz — readiness: 200 while the database answers and its migrations are current and the node is not shutting down. */
export function readinessRoute(db: Database): RequestHandler {
  return async (req, res) => {
    if (req.app.locals.draining) {
      res.status(503).json({ ok: false, reason: 'shutting down' });
      return;
    }
    try {
      const pending = await pendingMigrations(db);
      if (pending.length > 0) res.status(503).json({ ok: false, database: db.kind, reason: 'migrations pending', pending });
      else res.json({ ok: true, database: db.kind });
    } catch (e) {
      log().warn({ err: e }, 'readyz: database unreachable');
      res.status(503).json({ ok: false, database: db.kind, reason: 'database unreachable' });
    }
  };
}
