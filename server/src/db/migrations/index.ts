import { FraudCaseCountsIndex1796196227496 as MysqlFraudCaseCountsIndex1796196227496 } from './mysql/1796196227496-fraud-case-counts-index';
import { FraudCaseCountsIndex1796196227496 as SqliteFraudCaseCountsIndex1796196227496 } from './sqlite/1796196227496-fraud-case-counts-index';
import { ProofRelationship1796187342642 as MysqlProofRelationship1796187342642 } from './mysql/1796187342642-proof-relationship';
import { ProofRelationship1796187342642 as SqliteProofRelationship1796187342642 } from './sqlite/1796187342642-proof-relationship';
import { FraudCaseRule1796183201065 as MysqlFraudCaseRule1796183201065 } from './mysql/1796183201065-fraud-case-rule';
import { FraudCaseRule1796183201065 as SqliteFraudCaseRule1796183201065 } from './sqlite/1796183201065-fraud-case-rule';
import { ListSortIndexes1796182743741 as MysqlListSortIndexes1796182743741 } from './mysql/1796182743741-list-sort-indexes';
import { ListSortIndexes1796182743741 as SqliteListSortIndexes1796182743741 } from './sqlite/1796182743741-list-sort-indexes';
import { RegionMonthRollup1796145744368 as MysqlRegionMonthRollup1796145744368 } from './mysql/1796145744368-region-month-rollup';
import { RegionMonthRollup1796145744368 as SqliteRegionMonthRollup1796145744368 } from './sqlite/1796145744368-region-month-rollup';
import { Charges1796131961230 as MysqlCharges1796131961230 } from './mysql/1796131961230-charges';
import { Charges1796131961230 as SqliteCharges1796131961230 } from './sqlite/1796131961230-charges';
import { AuditRegionsWidth1796129147727 as MysqlAuditRegionsWidth1796129147727 } from './mysql/1796129147727-audit-regions-width';
import { AuditRegionsWidth1796129147727 as SqliteAuditRegionsWidth1796129147727 } from './sqlite/1796129147727-audit-regions-width';
import { ScaleScope1796128352604 as MysqlScaleScope1796128352604 } from './mysql/1796128352604-scale-scope';
import { ScaleScope1796128352604 as SqliteScaleScope1796128352604 } from './sqlite/1796128352604-scale-scope';
import { Initial1795586905764 as MysqlInitial1795586905764 } from './mysql/1795586905764-initial';
import { Initial1795586905764 as SqliteInitial1795586905764 } from './sqlite/1795586905764-initial';
import { Fraud1795634673124 as MysqlFraud1795634673124 } from './mysql/1795634673124-fraud';
import { Fraud1795634673124 as SqliteFraud1795634673124 } from './sqlite/1795634673124-fraud';
import { Outbox1796119732700 as MysqlOutbox1796119732700 } from './mysql/1796119732700-outbox';
import { Outbox1796119732700 as SqliteOutbox1796119732700 } from './sqlite/1796119732700-outbox';
import { ProofBlob1796121058763 as MysqlProofBlob1796121058763 } from './mysql/1796121058763-proof-blob';
import { ProofBlob1796121058763 as SqliteProofBlob1796121058763 } from './sqlite/1796121058763-proof-blob';
import { Phase21796123556279 as MysqlPhase21796123556279 } from './mysql/1796123556279-phase2';
import { Phase21796123556279 as SqlitePhase21796123556279 } from './sqlite/1796123556279-phase2';
import { WalletSettlement1796123699759 as MysqlWalletSettlement1796123699759 } from './mysql/1796123699759-wallet-settlement';
import { WalletSettlement1796123699759 as SqliteWalletSettlement1796123699759 } from './sqlite/1796123699759-wallet-settlement';
import { DropSettlementDrug1796129768485 as MysqlDropSettlementDrug1796129768485 } from './mysql/1796129768485-drop-settlement-drug';
import { DropSettlementDrug1796129768485 as SqliteDropSettlementDrug1796129768485 } from './sqlite/1796129768485-drop-settlement-drug';
/**
 * Schema migrations, one set per SQL dialect, generated from the entities by
 * `pnpm --filter @gongji/server migration:generate <Name>` (see docs/operations.md).
 */
export const MYSQL_MIGRATIONS: Function[] = [MysqlInitial1795586905764, MysqlFraud1795634673124, MysqlOutbox1796119732700, MysqlProofBlob1796121058763, MysqlPhase21796123556279, MysqlWalletSettlement1796123699759, MysqlScaleScope1796128352604, MysqlAuditRegionsWidth1796129147727, MysqlDropSettlementDrug1796129768485, MysqlCharges1796131961230, MysqlRegionMonthRollup1796145744368, MysqlListSortIndexes1796182743741, MysqlFraudCaseRule1796183201065, MysqlProofRelationship1796187342642, MysqlFraudCaseCountsIndex1796196227496];
export const SQLITE_MIGRATIONS: Function[] = [SqliteInitial1795586905764, SqliteFraud1795634673124, SqliteOutbox1796119732700, SqliteProofBlob1796121058763, SqlitePhase21796123556279, SqliteWalletSettlement1796123699759, SqliteScaleScope1796128352604, SqliteAuditRegionsWidth1796129147727, SqliteDropSettlementDrug1796129768485, SqliteCharges1796131961230, SqliteRegionMonthRollup1796145744368, SqliteListSortIndexes1796182743741, SqliteFraudCaseRule1796183201065, SqliteProofRelationship1796187342642, SqliteFraudCaseCountsIndex1796196227496];
