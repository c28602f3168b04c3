/**
 * The SQL subset every production engine runs: MySQL 8, MariaDB 10.11 with Galera, and TiDB (which
 * cannot be tested here — this is the checked list instead; see docs/operations.md "TiDB").
 * Galera replicates only InnoDB tables, and only reliably those with a primary key.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MYSQL_MIGRATIONS } from './migrations';

/** The statements each MySQL migration runs, recorded by running its `up` against a recorder. */
async function migrationStatements(): Promise<Array<{ migration: string; sql: string }>> {
  const out: Array<{ migration: string; sql: string }> = [];
  for (const M of MYSQL_MIGRATIONS as Array<new () => { name?: string; up(qr: unknown): Promise<void> }>) {
    const m = new M();
    await m.up({ query: async (sql: string) => void out.push({ migration: m.name ?? M.name, sql }) });
  }
  return out;
}

/** Constructs outside the common subset, with the reason. Matched against migrations and every SQL string in the server. */
export const FORBIDDEN: Array<[RegExp, string]> = [
  [/\bCREATE\s+(DEFINER\s*=\s*\S+\s+)?(TRIGGER|PROCEDURE|FUNCTION|EVENT)\b/i, 'triggers, stored procedures, functions and events (not in TiDB; rules live in the services)'],
  [/\bCALL\s+\w+\s*\(/, 'stored procedure calls'],
  [/\b(GET_LOCK|RELEASE_LOCK|IS_FREE_LOCK)\s*\(/, 'named locks (node-local on Galera)'],
  [/\bLOCK\s+TABLES?\b/, 'LOCK TABLES (not replicated by Galera, unsupported by TiDB)'],
  [/\bSQL_CALC_FOUND_ROWS\b|\bFOUND_ROWS\s*\(/, 'FOUND_ROWS (deprecated in MySQL 8, unsupported by TiDB)'],
  [/\bENGINE\s*=\s*(?!InnoDB\b)\w+/i, 'engines other than InnoDB (Galera replicates InnoDB only)'],
  [/\b(FULLTEXT|SPATIAL)\s+(INDEX|KEY)\b/i, 'FULLTEXT/SPATIAL indexes (not in TiDB)'],
  [/\bMATCH\s*\([^)]*\)\s*AGAINST\b/i, 'full-text search'],
  [/\bCREATE\s+SEQUENCE\b|\bNEXTVAL\s*\(|\bNEXT\s+VALUE\s+FOR\b/i, 'sequences (MariaDB/TiDB only, not MySQL)'],
  [/\bINSERT\b[^;]*\bRETURNING\b|\bDELETE\b[^;]*\bRETURNING\b/, 'INSERT/DELETE … RETURNING (MariaDB/SQLite only, not MySQL)'],
  [/\bXA\s+(START|BEGIN|COMMIT)\b/i, 'XA transactions (not on Galera)'],
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

/** String and template literals of a source file (where its SQL lives). */
function literals(text: string): string[] {
  return [...text.matchAll(/`(?:\\[\s\S]|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g)].map((m) => m[0]);
}

describe('portable SQL (Galera, TiDB)', () => {
  it('every table is InnoDB and has a primary key (Galera)', async () => {
    const creates = (await migrationStatements()).filter((s) => /^\s*CREATE TABLE/i.test(s.sql));
    expect(creates.length).toBeGreaterThan(10);
    for (const s of creates) {
      const table = /CREATE TABLE\s+`?(\w+)`?/i.exec(s.sql)?.[1];
      expect(s.sql, `${s.migration}: ${table} has no primary key`).toMatch(/PRIMARY KEY\s*\(/i);
      expect(s.sql, `${s.migration}: ${table} is not InnoDB`).toMatch(/ENGINE\s*=\s*InnoDB/i);
    }
  });

  it('no migration uses a construct outside the common subset', async () => {
    for (const s of await migrationStatements())
      for (const [re, why] of FORBIDDEN) expect(re.test(s.sql), `${s.migration}: ${why}: ${s.sql.slice(0, 120)}`).toBe(false);
  });

  it('no SQL in the server code uses a construct outside the common subset', () => {
    const root = path.resolve(__dirname, '..');
    const files = sourceFiles(root).filter((f) => !f.includes(`${path.sep}migrations${path.sep}sqlite${path.sep}`) && !f.endsWith('portable-sql.test.ts'));
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const f of files)
      for (const lit of literals(readFileSync(f, 'utf8')))
        for (const [re, why] of FORBIDDEN) if (re.test(lit)) found.push(`${path.relative(root, f)}: ${why}: ${lit.slice(0, 100)}`);
    expect(found).toEqual([]);
  });

  it('the checker itself recognises what it forbids', () => {
    const hits = (sql: string) => FORBIDDEN.filter(([re]) => re.test(sql)).length;
    expect(hits('CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1')).toBe(1);
    expect(hits("SELECT GET_LOCK('batch', 10)")).toBe(1);
    expect(hits('CREATE TABLE `x` (`id` int, PRIMARY KEY (`id`)) ENGINE=MyISAM')).toBe(1);
    expect(hits('CREATE TABLE `x` (`id` int, PRIMARY KEY (`id`)) ENGINE=InnoDB')).toBe(0);
    expect(hits('UPDATE personal_account SET balance_fen = balance_fen - ? WHERE id = ? AND balance_fen >= ?')).toBe(0);
  });
});
