import type { QueryRunner } from 'typeorm';

/**
 * Back-fill of `audit_log_region` from each entry's `regions` list (`,44,440300,`), in SQL every
 * supported database runs (SUBSTR, INSTR, LENGTH): a work table holds what is left of each list, and
 * each pass moves its first code into the link table, until no list is left. Chunked by entry id so a
 * large log never becomes one huge statement.
 */
export async function backfillAuditRegions(queryRunner: QueryRunner, dialect: 'mysql' | 'sqlite', chunk = 100_000): Promise<void> {
  const rows: unknown = await queryRunner.query('SELECT MIN(id) AS lo, MAX(id) AS hi FROM audit_log');
  const range = Array.isArray(rows) ? (rows[0] as { lo: unknown; hi: unknown } | undefined) : undefined;
  if (range?.lo === null || range?.lo === undefined) return;
  const lo = Number(range.lo);
  const hi = Number(range.hi);
  await queryRunner.query(
    `CREATE TABLE audit_region_backfill (audit_id BIGINT NOT NULL, at DATETIME(6) NOT NULL, rest VARCHAR(1000) NOT NULL, PRIMARY KEY (audit_id))${dialect === 'mysql' ? ' ENGINE=InnoDB' : ''}`,
  );
  try {
    for (let from = lo; from <= hi; from += chunk) {
      await queryRunner.query('INSERT INTO audit_region_backfill (audit_id, at, rest) SELECT id, at, regions FROM audit_log WHERE id >= ? AND id < ? AND LENGTH(regions) > 2', [from, from + chunk]);
      for (let pass = 0; pass < 100; pass++) {
        await queryRunner.query(
          'INSERT INTO audit_log_region (region_code, audit_id, at) SELECT SUBSTR(rest, 2, INSTR(SUBSTR(rest, 2), \',\') - 1), audit_id, at FROM audit_region_backfill WHERE INSTR(SUBSTR(rest, 2), \',\') > 1',
        );
        await queryRunner.query('UPDATE audit_region_backfill SET rest = SUBSTR(rest, INSTR(SUBSTR(rest, 2), \',\') + 1)');
        await queryRunner.query('DELETE FROM audit_region_backfill WHERE LENGTH(rest) <= 1 OR INSTR(SUBSTR(rest, 2), \',\') = 0');
        const left = (await queryRunner.query('SELECT COUNT(*) AS n FROM audit_region_backfill')) as Array<{ n: unknown }>;
        if (!Number(left[0]?.n)) break;
      }
      await queryRunner.query('DELETE FROM audit_region_backfill');
    }
  } finally {
    await queryRunner.query('DROP TABLE audit_region_backfill');
  }
}
