import 'reflect-metadata';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource, type DataSourceOptions, type LogLevel } from 'typeorm';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming';

export interface DataSourceParams {
  /** mysql://… selects MySQL/MariaDB; otherwise SQLite at `sqlitePath`. */
  databaseUrl: string | null;
  sqlitePath?: string;
  /** Tests of the migrations themselves may ask for an empty schema. */
  runMigrations?: boolean;
  logging?: boolean;
}

/** MySQL or MariaDB behind a mysql:// URL? TypeORM reads MariaDB's column defaults correctly only as 'mariadb'. */
export async function detectMysqlFlavor(databaseUrl: string): Promise<'mysql' | 'mariadb'> {
  const conn = await mysql.createConnection({ uri: databaseUrl.replace(/^mariadb:/, 'mysql:') });
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return String((rows as Array<{ v: string }>)[0].v).includes('MariaDB') ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

export function dataSourceOptions(p: DataSourceParams, flavor: 'mysql' | 'mariadb' = 'mysql'): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // Failed queries are thrown and handled (a lost unique-key race is expected), so the driver does not log them.
    logging: (p.logging ? ['query', 'error'] : ['warn']) as LogLevel[],
  };
  if (p.databaseUrl && /^(mysql|mariadb):\/\//.test(p.databaseUrl)) {
    return {
      ...common,
      type: flavor,
      url: p.databaseUrl.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      // BIGINT ids and fen come back as JS numbers (exact below 2^53); larger values would come back as strings.
      bigNumberStrings: false,
      poolSize: Number(process.env.GONGJI_DB_POOL ?? 20),
      // mysql2 captures a stack trace for every query so a failure can point at its caller; TypeORM's
      // QueryFailedError carries its own, and the capture costs ~3 % of a settlement's CPU.
      extra: { trace: false },
      migrations: MYSQL_MIGRATIONS,
      migrationsTableName: 'schema_migration',
    };
  }
  if (p.databaseUrl) throw new Error(`DATABASE_URL must start with mysql:// (got ${p.databaseUrl.split(':')[0]}:)`);
  const database = p.sqlitePath ?? path.join(process.cwd(), 'data', 'gongji.sqlite');
  return {
    ...common,
    type: 'better-sqlite3',
    database,
    enableWAL: database !== ':memory:',
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
    migrations: SQLITE_MIGRATIONS,
    migrationsTableName: 'schema_migration',
  };
}

export async function openDataSource(p: DataSourceParams): Promise<DataSource> {
  const flavor = p.databaseUrl ? await detectMysqlFlavor(p.databaseUrl) : 'mysql';
  const ds = new DataSource(dataSourceOptions(p, flavor));
  await ds.initialize();
  if (ds.options.type === 'better-sqlite3') sqliteBigintKeys(ds);
  if (p.runMigrations !== false) await ds.runMigrations({ transaction: 'each' });
  return ds;
}

/**
 * BIGINT auto-increment keys (ledger entries, audit log, signals) are MySQL BIGINT. SQLite only
 * auto-increments an INTEGER PRIMARY KEY — which is 64-bit there — so map those keys to INTEGER.
 */
function sqliteBigintKeys(ds: DataSource): void {
  for (const meta of ds.entityMetadatas)
    for (const col of meta.primaryColumns) if (col.isGenerated && col.type === 'bigint') col.type = 'integer';
}
