import { Initial1795581044763 as MysqlInitial1795581044763 } from './mysql/1795581044763-initial';
import { Initial1795581044763 as SqliteInitial1795581044763 } from './sqlite/1795581044763-initial';
/**
 * Schema migrations, one set per SQL dialect, generated from the entities by
 * `pnpm --filter @gongji/server migration:generate <Name>` (see docs/operations.md).
 */
export const MYSQL_MIGRATIONS: Function[] = [MysqlInitial1795581044763];
export const SQLITE_MIGRATIONS: Function[] = [SqliteInitial1795581044763];
