/**
 * Count the SQL statements the server sends while some code runs (tests: "the statement count does
 * not grow with the page size"). Wraps the DataSource's logger, which TypeORM calls for every query
 * on both drivers whatever the logging options; transaction control (BEGIN, COMMIT, …) is kept apart.
 */
import type { Logger } from 'typeorm';
import type { Database } from '../db/database';

export interface StatementCount {
  /** Data statements (SELECT, INSERT, UPDATE, DELETE …). */
  count: number;
  statements: string[];
  /** BEGIN / START TRANSACTION / COMMIT / ROLLBACK / SET TRANSACTION … */
  control: number;
}

const CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SET TRANSACTION|SAVEPOINT|RELEASE SAVEPOINT)/i;

/** Run `fn` and count the statements every connection of `db` sent meanwhile. Not reentrant. */
export async function countStatements<T>(db: Database, fn: () => Promise<T>): Promise<{ result: T } & StatementCount> {
  const ds = db.dataSource;
  const original: Logger = ds.logger;
  const seen: StatementCount = { count: 0, statements: [], control: 0 };
  const counting: Logger = Object.create(original, {
    logQuery: {
      value: (query: string, parameters?: unknown[], runner?: unknown) => {
        if (CONTROL.test(query)) seen.control++;
        else {
          seen.count++;
          seen.statements.push(query);
        }
        return original.logQuery(query, parameters, runner as never);
      },
    },
  });
  (ds as { logger: Logger }).logger = counting;
  try {
    const result = await fn();
    return { result, ...seen };
  } finally {
    (ds as { logger: Logger }).logger = original;
  }
}
