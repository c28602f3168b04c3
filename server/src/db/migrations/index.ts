/**
 * Schema migrations, one set per SQL dialect, generated from the entities by
 * `pnpm --filter @gongji/server migration:generate <Name>` (see docs/operations.md).
 */
export const MYSQL_MIGRATIONS: Function[] = [];
export const SQLITE_MIGRATIONS: Function[] = [];
