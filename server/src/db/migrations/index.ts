import { WalletSettlement1796123699759 as MysqlWalletSettlement1796123699759 } from './mysql/1796123699759-wallet-settlement';
import { WalletSettlement1796123699759 as SqliteWalletSettlement1796123699759 } from './sqlite/1796123699759-wallet-settlement';
import { Initial1795586905764 as MysqlInitial1795586905764 } from './mysql/1795586905764-initial';
import { Initial1795586905764 as SqliteInitial1795586905764 } from './sqlite/1795586905764-initial';
import { Fraud1795634673124 as MysqlFraud1795634673124 } from './mysql/1795634673124-fraud';
import { Fraud1795634673124 as SqliteFraud1795634673124 } from './sqlite/1795634673124-fraud';
import { Outbox1796119732700 as MysqlOutbox1796119732700 } from './mysql/1796119732700-outbox';
import { Outbox1796119732700 as SqliteOutbox1796119732700 } from './sqlite/1796119732700-outbox';
import { Scale1796120357888 as MysqlScale1796120357888 } from './mysql/1796120357888-scale';
import { Scale1796120357888 as SqliteScale1796120357888 } from './sqlite/1796120357888-scale';
import { Registry1796120539866 as MysqlRegistry1796120539866 } from './mysql/1796120539866-registry';
import { Registry1796120539866 as SqliteRegistry1796120539866 } from './sqlite/1796120539866-registry';
import { StaffSignIn1796121175836 as MysqlStaffSignIn1796121175836 } from './mysql/1796121175836-staff-sign-in';
import { StaffSignIn1796121175836 as SqliteStaffSignIn1796121175836 } from './sqlite/1796121175836-staff-sign-in';
import { FraudAggregates1796121236781 as MysqlFraudAggregates1796121236781 } from './mysql/1796121236781-fraud-aggregates';
import { FraudAggregates1796121236781 as SqliteFraudAggregates1796121236781 } from './sqlite/1796121236781-fraud-aggregates';
/**
 * Schema migrations, one set per SQL dialect, generated from the entities by
 * `pnpm --filter @gongji/server migration:generate <Name>` (see docs/operations.md).
 */
export const MYSQL_MIGRATIONS: Function[] = [MysqlInitial1795586905764, MysqlFraud1795634673124, MysqlOutbox1796119732700, MysqlScale1796120357888, MysqlRegistry1796120539866, MysqlStaffSignIn1796121175836, MysqlFraudAggregates1796121236781, MysqlWalletSettlement1796123699759];
export const SQLITE_MIGRATIONS: Function[] = [SqliteInitial1795586905764, SqliteFraud1795634673124, SqliteOutbox1796119732700, SqliteScale1796120357888, SqliteRegistry1796120539866, SqliteStaffSignIn1796121175836, SqliteFraudAggregates1796121236781, SqliteWalletSettlement1796123699759];
