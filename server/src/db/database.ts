import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { Mutex } from './mutex';
import { ScriptPool, type ScriptTx, type Stmt, type StmtResult } from './script';

export interface TxHandle {
  em: EntityManager;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Always call once, after commit or rollback. */
  release(): Promise<void>;
}

/**
 * The one way to reach the database. Every unit of work is a transaction; on SQLite (one shared
 * connection) transactions are queued through a mutex so concurrent requests never interleave.
 */
export class Database {
  private readonly mutex = new Mutex();
  /** MySQL connections whose session isolation level is already set (once per connection). */
  private readonly prepared = new WeakSet<object>();
  readonly kind: 'mysql' | 'sqlite';
  /** MySQL: the multi-statement connections of script transactions (db/script.ts), opened on first use. */
  private scriptPool: ScriptPool | null = null;

  constructor(readonly dataSource: DataSource) {
    this.kind = dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb' ? 'mysql' : 'sqlite';
  }

  get isSqlite(): boolean {
    return this.kind === 'sqlite';
  }

  /** Transactions waiting for the SQLite queue (always 0 on MySQL). */
  get queued(): number {
    return this.mutex.queued;
  }

  async begin(): Promise<TxHandle> {
    const unlock = this.isSqlite ? await this.mutex.lock() : null;
    const qr = this.dataSource.createQueryRunner();
    try {
      const conn = (await qr.connect()) as object;
      // MySQL: READ COMMITTED. Correctness rests on row locks and conditional updates, not on
      // snapshots, and a request that loses a unique-key race must be able to read the winner.
      // Set once per pooled connection (SESSION), not per transaction: one statement saved each time.
      if (!this.isSqlite && !this.prepared.has(conn)) {
        await qr.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
        this.prepared.add(conn);
      }
      await qr.startTransaction();
    } catch (e) {
      await qr.release().catch(() => undefined);
      unlock?.();
      throw e;
    }
    let done = false;
    // A pooled connection must never be handed back with a transaction that may still be open: its
    // next user would read that transaction's uncommitted rows as its own, and its next START
    // TRANSACTION would commit them. When a COMMIT or ROLLBACK fails — a Galera node outside the
    // primary component refuses both (error 1047) — the connection is destroyed instead.
    let broken = false;
    const rollbackOrBreak = async () => {
      try {
        await qr.query('ROLLBACK');
      } catch {
        broken = true;
      }
    };
    return {
      em: qr.manager,
      commit: async () => {
        if (!done) {
          done = true;
          try {
            await qr.commitTransaction();
          } catch (e) {
            await rollbackOrBreak();
            throw e;
          }
        }
      },
      rollback: async () => {
        if (!done) {
          done = true;
          if (qr.isTransactionActive)
            try {
              await qr.rollbackTransaction();
            } catch (e) {
              broken = true;
              throw e;
            }
        }
      },
      release: async () => {
        try {
          if (!done && qr.isTransactionActive) {
            done = true;
            await rollbackOrBreak();
          }
          if (broken && !this.isSqlite) (qr as unknown as { databaseConnection?: { destroy(): void } }).databaseConnection?.destroy();
          await qr.release();
        } finally {
          unlock?.();
        }
      },
    };
  }

  /**
   * MySQL/MariaDB only: a transaction whose statements go in a few round trips (db/script.ts) — for
   * writers with a fixed set of statements (the group commit), not for general use.
   */
  async beginScript(): Promise<ScriptTx> {
    if (this.isSqlite) throw new Error('script transactions need MySQL/MariaDB');
    if (await this.scriptsOneByOne()) return sequentialScript(await this.begin());
    if (!this.scriptPool) {
      const o = this.dataSource.options as { url?: string; charset?: string };
      if (!o.url) throw new Error('script transactions need the database URL');
      this.scriptPool = new ScriptPool({ url: o.url, charset: o.charset, log: (sql, params) => this.dataSource.logger.logQuery(sql, params) });
    }
    return this.scriptPool.begin();
  }

  private oneByOne: Promise<boolean> | null = null;

  /** Tests and tools: force the transport of scripts (null: decide from the server, as in production). */
  setScriptsOneByOne(oneByOne: boolean | null): void {
    this.oneByOne = oneByOne === null ? null : Promise.resolve(oneByOne);
  }

  /**
   * Scripts go one statement per round trip on a regular pooled transaction — same statements, same
   * results — on a Galera node (wsrep_on), or when GONGJI_DB_SCRIPTS=0 (=1 forces scripts). On
   * MariaDB 10.11 Galera a packet ending in COMMIT, sent to a transaction that a replicated write set
   * has just aborted, is answered OK though nothing of the transaction is kept — and the statements
   * before the COMMIT run on their own (scripts/galera-multi-statement.mjs reproduces it; the cluster
   * test caught it as a settlement acknowledged and held by no node). Without Galera no transaction
   * is aborted while it waits for its next statement, so scripts are safe there.
   */
  scriptsOneByOne(): Promise<boolean> {
    this.oneByOne ??= (async () => {
      if (process.env.GONGJI_DB_SCRIPTS === '0') return true;
      if (process.env.GONGJI_DB_SCRIPTS === '1') return false;
      try {
        const rows: Array<{ w: number | string | null }> = await this.dataSource.query('SELECT @@global.wsrep_on AS w');
        return rows[0]?.w === 1 || rows[0]?.w === '1' || String(rows[0]?.w).toUpperCase() === 'ON';
      } catch {
        return false; // MySQL, TiDB: no such variable
      }
    })();
    return this.oneByOne;
  }

  /** The script pool's connections by state (null until a script has run). */
  scriptPoolState(): ReturnType<ScriptPool['state']> | null {
    return this.scriptPool?.state() ?? null;
  }

  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    const tx = await this.begin();
    try {
      const result = await fn(tx.em);
      await tx.commit();
      return result;
    } catch (e) {
      await tx.rollback().catch(() => undefined);
      throw e;
    } finally {
      await tx.release();
    }
  }

  async close(): Promise<void> {
    const scripts = this.scriptPool;
    this.scriptPool = null;
    await scripts?.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Lock rows for the rest of the transaction, in id order (so two transactions never deadlock on
 * them). A no-op on SQLite, where the transaction already holds the only connection.
 */
export async function lockRows<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  ids: number[],
): Promise<void> {
  if (em.connection.options.type === 'better-sqlite3' || ids.length === 0) return;
  const meta = em.connection.getMetadata(target);
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  await em.query(`SELECT id FROM ${meta.tableName} WHERE id IN (${sorted.map(() => '?').join(',')}) ORDER BY id FOR UPDATE`, sorted);
}

/** Rows affected by an UPDATE/DELETE run through `em.query` (portable across both drivers). */
export async function execute(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const qr = em.queryRunner;
  if (!qr) throw new Error('execute() needs a transaction-bound EntityManager');
  const result = await qr.query(sql, params, true);
  return result.affected ?? 0;
}

/**
 * Run an INSERT through `em.query`'s runner and return the new auto-increment id (portable across
 * both drivers: mysql2 reports insertId, better-sqlite3 lastInsertRowid).
 */
export async function insertReturningId(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const qr = em.queryRunner;
  if (!qr) throw new Error('insertReturningId() needs a transaction-bound EntityManager');
  const result = await qr.query(sql, params, true);
  const raw = result.raw as { insertId?: number | string } | number | bigint;
  const id = typeof raw === 'object' && raw !== null ? raw.insertId : raw;
  return Number(id);
}

/** A Date as a DATETIME(6) parameter for raw SQL: UTC 'YYYY-MM-DD HH:MM:SS.mmm', as TypeORM stores it on both dialects. */
export function sqlDate(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/** Did this error come from a UNIQUE index (MySQL ER_DUP_ENTRY / SQLite constraint)? */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = err?.driverError?.code ?? err?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || err?.driverError?.errno === 1062;
}

/** A lock conflict the client should simply retry (MySQL deadlock or lock-wait timeout, SQLite busy). */
export function isRetryableConflict(e: unknown): boolean {
  const err = e as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = err?.driverError?.code ?? err?.code;
  const errno = err?.driverError?.errno ?? err?.errno;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || errno === 1213 || errno === 1205 || code === 'SQLITE_BUSY';
}

/**
 * A ScriptTx over a regular transaction (db.begin()): every statement in its own round trip. Results
 * have the same shapes as a script's (rows for a SELECT, the header otherwise).
 */
function sequentialScript(tx: TxHandle): ScriptTx {
  let ended = false;
  const runAll = async (stmts: Stmt[]): Promise<StmtResult[]> => {
    const out: StmtResult[] = [];
    for (const st of stmts) out.push((await tx.em.query(st.sql, st.params)) as StmtResult);
    return out;
  };
  return {
    run: (stmts) => runAll(stmts),
    commit: async (stmts = []) => {
      const out = await runAll(stmts);
      ended = true;
      await tx.commit();
      return out;
    },
    rollback: async () => {
      if (ended) return;
      ended = true;
      await tx.rollback();
    },
    release: () => {
      void tx.release().catch(() => undefined);
    },
  };
}
