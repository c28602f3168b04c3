/**
 * Script transactions (MySQL/MariaDB/TiDB only): several statements sent in ONE round trip.
 *
 * The group commit (modules/settlement/settlement-batch.ts) writes a batch of settlements with a
 * fixed set of statements. Sent one by one, each costs a network round trip, and on the API node a
 * socket write plus a result parse on the one JavaScript thread that also serves every request. Sent
 * as a script they cost one: `START TRANSACTION; INSERT …; UPDATE …` and then
 * `INSERT …; INSERT …; COMMIT`.
 *
 * That needs the protocol's multi-statement capability (CLIENT_MULTI_STATEMENTS), which also lets an
 * injected `; DROP …` run. So it is switched on only for the connections of this small pool, which
 * run nothing but the statements their callers build from module code with `?` placeholders (values
 * are escaped by the driver, never spliced in). Every other query of the API goes through TypeORM's
 * pool, whose connections refuse a second statement.
 *
 * The connections are set up as TypeORM's (same URL, charset, UTC, big numbers as JS numbers) and
 * read committed, like every transaction of the API (db/database.ts).
 *
 * If a statement of a script fails, the server runs none after it and the driver rejects with that
 * statement's error (a duplicate key, a deadlock, a Galera certification failure…). The transaction
 * may then still be open: the caller rolls back, and `release` always returns the connection (or
 * destroys it when a rollback could not be sent).
 */
import { createPool, type Pool, type PoolConnection, type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';

/** One statement of a script: SQL with `?` placeholders and their values. */
export interface Stmt {
  sql: string;
  params: unknown[];
}

/** What a statement returned: rows for a SELECT, the header (affected rows, first insert id) otherwise. */
export type StmtResult = RowDataPacket[] | ResultSetHeader;

export function rowsOf(r: StmtResult): Array<Record<string, unknown>> {
  if (!Array.isArray(r)) throw new Error('script: expected the rows of a SELECT');
  return r as Array<Record<string, unknown>>;
}

export function headerOf(r: StmtResult): ResultSetHeader {
  if (Array.isArray(r)) throw new Error('script: expected the result of an INSERT, UPDATE or DELETE');
  return r;
}

export interface ScriptTx {
  /** Run `stmts` in one round trip; the first call opens the transaction in the same trip. Results in order. */
  run(stmts: Stmt[]): Promise<StmtResult[]>;
  /** Run `stmts` (may be none) and COMMIT, in one round trip. */
  commit(stmts?: Stmt[]): Promise<StmtResult[]>;
  /** Roll back (nothing when the transaction was never opened or has ended). */
  rollback(): Promise<void>;
  /** Always call once, after commit or rollback. */
  release(): void;
}

export interface ScriptPoolOptions {
  url: string;
  charset?: string;
  /** Told each statement as it is sent (TypeORM's query logger, so logs and statement counts see scripts too). */
  log?: (sql: string, params: unknown[]) => void;
  /** Connections (default 8): the group commit holds one per running batch (GONGJI_GROUP_COMMIT_IN_FLIGHT, default 1). */
  size?: number;
}

export class ScriptPool {
  private readonly pool: Pool;
  private readonly log: ScriptPoolOptions['log'];

  constructor(o: ScriptPoolOptions) {
    this.log = o.log;
    this.pool = createPool({
      uri: o.url.replace(/^mariadb:/, 'mysql:'),
      charset: o.charset ?? 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: false,
      multipleStatements: true,
      connectionLimit: o.size ?? 8,
      trace: false,
    });
    // Once per connection, before its first script (a connection runs its queries in order).
    this.pool.pool.on('connection', (c) => {
      c.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', () => undefined);
    });
  }

  async begin(): Promise<ScriptTx> {
    const conn = await this.pool.getConnection();
    return scriptTx(conn, this.log);
  }

  /** Connections by state, for the metrics (mysql2 keeps them in its pool's internals). */
  state(): { open: number; idle: number; waiting: number; limit: number } {
    const p = this.pool.pool as unknown as { _allConnections?: { length: number }; _freeConnections?: { length: number }; _connectionQueue?: { length: number }; config?: { connectionLimit?: number } };
    return { open: p._allConnections?.length ?? 0, idle: p._freeConnections?.length ?? 0, waiting: p._connectionQueue?.length ?? 0, limit: p.config?.connectionLimit ?? 0 };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function scriptTx(conn: PoolConnection, log: ScriptPoolOptions['log']): ScriptTx {
  let state: 'new' | 'open' | 'ended' = 'new';
  let broken = false;
  let released = false;

  const send = async (stmts: Stmt[], commit: boolean): Promise<StmtResult[]> => {
    if (state === 'ended') throw new Error('script: the transaction has ended');
    const opening = state === 'new';
    const parts = [...(opening ? ['START TRANSACTION'] : []), ...stmts.map((s) => s.sql), ...(commit ? ['COMMIT'] : [])];
    if (!parts.length) return [];
    state = 'open';
    const params = stmts.flatMap((s) => s.params);
    if (log) {
      if (opening) log('START TRANSACTION', []);
      for (const st of stmts) log(st.sql, st.params);
      if (commit) log('COMMIT', []);
    }
    let raw: unknown;
    try {
      [raw] = await conn.query(parts.join(';\n'), params);
    } catch (e) {
      if (commit) state = 'open'; // not committed: the caller rolls back
      throw e;
    }
    if (commit) state = 'ended';
    // One statement comes back as its result; several as the list of their results.
    const all = (parts.length === 1 ? [raw] : (raw as unknown[])) as StmtResult[];
    return all.slice(opening ? 1 : 0, (opening ? 1 : 0) + stmts.length);
  };

  return {
    run: (stmts) => send(stmts, false),
    commit: (stmts = []) => send(stmts, true),
    rollback: async () => {
      if (state !== 'open') return;
      state = 'ended';
      try {
        log?.('ROLLBACK', []);
        await conn.query('ROLLBACK');
      } catch (e) {
        broken = true;
        throw e;
      }
    },
    release: () => {
      if (released) return;
      released = true;
      // Never hand back a connection whose transaction may still be open.
      if (broken || state === 'open') conn.destroy();
      else conn.release();
    },
  };
}
