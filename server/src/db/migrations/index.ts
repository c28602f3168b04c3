import { Initial1795580085166 as MysqlInitial1795580085166 } from './mysql/1795580085166-initial';
import { Initial1795580085166 as SqliteInitial1795580085166 } from './sqlite/1795580085166-initial';
/**
 * Schema migrations, one set per SQL dialect, generated from the entities by
 * `pnpm --filter @gongji/server migration:generate <Name>` (see docs/operations.md).
 */
export const MYSQL_MIGRATIONS: Function[] = [MysqlInitial1795580085166];
export const SQLITE_MIGRATIONS: Function[] = [SqliteInitial1795580085166];
