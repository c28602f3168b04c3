import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** mysql://user:pass@host:port/db, or empty for the embedded SQLite database. */
  databaseUrl: string | null;
  /** Where the SQLite file, the token secret and uploaded proofs live. */
  dataDir: string;
  production: boolean;
  /** HMAC secret for signed tokens. */
  secret: string;
  /** Seed demo data into an empty database at start. */
  seedDemo: boolean;
  /** Built admin dashboard to serve at / (absent in tests of the API alone). */
  adminDist: string | null;
  staffTokenTtlMinutes: number;
  /** Largest accepted proof upload. */
  maxUploadBytes: number;
  /** The in-process outbox worker's poll interval (GONGJI_OUTBOX_INTERVAL_MS); 0 = none in this process (run `pnpm worker`). */
  outboxIntervalMs: number;
  /** Bearer token for GET /metrics; absent: metrics disabled. */
  metricsToken?: string | null;
  /** How long SIGTERM waits for in-flight requests (and each shutdown hook). */
  shutdownTimeoutMs?: number;
  /** Requests per minute per caller, by kind (GONGJI_RATE_LIMIT_<KIND>; 0: unlimited); the rest keep core/edge.ts's defaults. */
  rateLimits?: Partial<Record<'anonymous' | 'member' | 'institution' | 'staff', number>>;
  /** Large CSV exports running at once on this node, per staff user and in all (GONGJI_EXPORTS_PER_USER, GONGJI_EXPORTS_PER_NODE). */
  exports?: { perUser: number; perNode: number };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  return Number(raw);
}

/** GONGJI_RATE_LIMIT_STAFF etc.: a whole number of requests per minute per caller, 0 for no limit. */
function loadRateLimits(env: NodeJS.ProcessEnv): Config['rateLimits'] {
  const out: NonNullable<Config['rateLimits']> = {};
  for (const kind of ['anonymous', 'member', 'institution', 'staff'] as const) {
    const name = `GONGJI_RATE_LIMIT_${kind.toUpperCase()}`;
    const raw = env[name]?.trim();
    if (!raw) continue;
    if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number of requests per minute (0: no limit), got "${raw}"`);
    out[kind] = Number(raw);
  }
  return out;
}

function loadSecret(dataDir: string, env: NodeJS.ProcessEnv): string {
  if (env.GONGJI_SECRET) return env.GONGJI_SECRET;
  // A generated secret is per node: tokens signed by one node would fail on the others. In
  // production on MySQL (where several nodes may run) the shared secret must be configured.
  if (env.NODE_ENV === 'production' && env.DATABASE_URL?.trim())
    throw new Error('GONGJI_SECRET must be set in production (the same value on every API node)');
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.GONGJI_DATA_DIR ?? path.join(process.cwd(), 'data'));
  mkdirSync(dataDir, { recursive: true });
  const adminDist = path.resolve(env.GONGJI_ADMIN_DIST ?? path.join(__dirname, '../../admin/dist'));
  return {
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir,
    production: env.NODE_ENV === 'production',
    secret: loadSecret(dataDir, env),
    seedDemo: env.GONGJI_SEED !== 'none',
    adminDist: existsSync(path.join(adminDist, 'index.html')) ? adminDist : null,
    staffTokenTtlMinutes: Number(env.GONGJI_TOKEN_TTL_MINUTES ?? 480),
    maxUploadBytes: Number(env.GONGJI_MAX_UPLOAD_BYTES ?? 5 * 1024 * 1024),
    outboxIntervalMs: Number(env.GONGJI_OUTBOX_INTERVAL_MS ?? 200),
    metricsToken: env.GONGJI_METRICS_TOKEN?.trim() || null,
    shutdownTimeoutMs: Number(env.GONGJI_SHUTDOWN_TIMEOUT_MS ?? 10_000),
    rateLimits: loadRateLimits(env),
    exports: { perUser: wholeNumber(env, 'GONGJI_EXPORTS_PER_USER', 2), perNode: wholeNumber(env, 'GONGJI_EXPORTS_PER_NODE', 4) },
  };
}
