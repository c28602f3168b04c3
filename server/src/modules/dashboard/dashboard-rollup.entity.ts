import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The figures every rollup row sums (not a table of its own: each rollup entity extends it). Sums are
 * BIGINT and read back as exact decimal strings (S15); they are never JavaScript numbers in SQL.
 */
export abstract class RollupMeasures {
  @Column({ type: 'bigint', default: 0 })
  settlements: string;

  /** Settlements paid partly by mutual aid (mulaid_pay_fen > 0). */
  @Column({ type: 'bigint', default: 0 })
  mulaidSettlements: string;

  @Column({ type: 'bigint', default: 0 })
  totalFen: string;

  @Column({ type: 'bigint', default: 0 })
  selfPayFen: string;

  @Column({ type: 'bigint', default: 0 })
  acctPayFen: string;

  @Column({ type: 'bigint', default: 0 })
  mulaidPayFen: string;

  @Column({ type: 'bigint', default: 0 })
  cashFen: string;

  /** Self-pay reversed (S9), by all reversals of these settlements. */
  @Column({ type: 'bigint', default: 0 })
  reversedFen: string;

  /** Of which credited back to mutual-aid givers. */
  @Column({ type: 'bigint', default: 0 })
  mulaidReversedFen: string;
}

/**
 * Settlement figures summed per Beijing day, pair of pooling regions (patient → place of treatment)
 * and category: the home dashboard reads these instead of the settlement table. Maintained by the
 * outbox consumer in dashboard-rollup.consumer.ts (settlements added, reversals netted).
 */
@Entity('settlement_rollup_day')
@Index(['patientRegion', 'day'])
@Index(['placeRegion', 'day'])
export class SettlementRollupDay extends RollupMeasures {
  /** YYYY-MM-DD, Beijing time, of treatedAt. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 6 })
  patientRegion: string;

  @PrimaryColumn({ type: 'varchar', length: 6 })
  placeRegion: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  category: string;

  @Column({ type: 'varchar', length: 2 })
  patientProvince: string;

  @Column({ type: 'varchar', length: 2 })
  placeProvince: string;
}

/** The same figures per Beijing month and pair of provinces: what national and provincial staff read. */
@Entity('settlement_rollup_month')
@Index(['patientProvince', 'month'])
@Index(['placeProvince', 'month'])
export class SettlementRollupMonth extends RollupMeasures {
  /** YYYY-MM, Beijing time. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  patientProvince: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  placeProvince: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  category: string;
}

/**
 * The same figures per Beijing month and pair of pooling regions: what pooling-region staff read (a
 * region's two years are a few thousand rows here, against tens of thousands of day rows).
 */
@Entity('settlement_rollup_region_month')
@Index(['patientRegion', 'month'])
@Index(['placeRegion', 'month'])
export class SettlementRollupRegionMonth extends RollupMeasures {
  /** YYYY-MM, Beijing time. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'varchar', length: 6 })
  patientRegion: string;

  @PrimaryColumn({ type: 'varchar', length: 6 })
  placeRegion: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  category: string;

  @Column({ type: 'varchar', length: 2 })
  patientProvince: string;

  @Column({ type: 'varchar', length: 2 })
  placeProvince: string;
}
