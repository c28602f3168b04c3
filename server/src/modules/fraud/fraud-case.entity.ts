import type { FraudRule } from '@gongji/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { FraudRuleEnum } from '../../core/graphql-enums';
import { SafeInt } from '../../core/scalars';
import { bigintNumber, TIMESTAMP } from '../../db/columns';
import { CaseStateEnum, CaseSubjectEnum, SanctionKindEnum } from './fraud.enums';
import type { CaseState, CaseSubject, SanctionKind } from './fraud.enums';

/**
 * A fraud case: the signals about one subject (a member, a binding or an institution) grouped for
 * review. While a case is OPEN or INVESTIGATING its `openKey` holds the subject key, so the database
 * itself keeps one open case per subject; new signals about that subject merge into it.
 * Scope (A1): a case belongs to its subject's region and, for cross-region cases, to a second one —
 * analysts of either province see it.
 */
@ObjectType({ description: '风险案件 (fraud case)' })
@Entity('fraud_case')
@Index(['state', 'score'])
@Index(['provinceCode', 'state'])
@Index(['otherProvinceCode', 'state'])
// Lists sort by score within a scope (issue 10): each scope column leads an index ending in score.
@Index(['score'])
@Index(['regionCode', 'score'])
@Index(['otherRegionCode', 'score'])
@Index(['provinceCode', 'score'])
@Index(['otherProvinceCode', 'score'])
@Index(['assigneeId', 'state'])
@Index(['subjectType', 'subjectId'])
// The list's other sorts (shared LIST_SORTS), each read in index order with the id as tie-break.
@Index(['state', 'id'])
@Index(['primaryRule', 'id'])
@Index(['createdAt'])
// The analysts' home panel (fraudCaseCounts): one GROUP BY per state, read from this index alone, for
// every scope (its scope columns are in it too).
@Index('IDX_fraud_case_counts', ['state', 'provinceCode', 'ruleList', 'otherProvinceCode', 'regionCode', 'otherRegionCode'])
export class FraudCase {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => CaseSubjectEnum)
  @Column({ type: 'varchar', length: 12 })
  subjectType: CaseSubject;

  @Field(() => Int)
  @Column({ type: 'int' })
  subjectId: number;

  /** `MEMBER:12` while the case is open, null once closed: one open case per subject. */
  @Column({ type: 'varchar', length: 40, nullable: true, unique: true })
  openKey: string | null;

  /** Comma-separated rules, e.g. `F3,F5`. */
  @Column({ type: 'varchar', length: 40 })
  ruleList: string;

  @Field(() => FraudRuleEnum, { description: 'The rule of the highest-scoring signal.' })
  @Column({ type: 'varchar', length: 4 })
  primaryRule: FraudRule;

  @Field(() => Int, { description: '0–100: the highest signal score plus 5 per further signal, capped at 100 (see scoreBreakdown).' })
  @Column({ type: 'int' })
  score: number;

  /** 为什么是这个分数: JSON list of {label, points}, recomputed whenever a signal arrives or is updated. */
  @Column({ type: 'text', nullable: true })
  scoreDetail: string | null;

  @Field(() => CaseStateEnum)
  @Column({ type: 'varchar', length: 14 })
  state: CaseState;

  @Field({ description: 'Pooling region of the subject.' })
  @Column({ type: 'varchar', length: 6 })
  regionCode: string;

  @Field()
  @Column({ type: 'varchar', length: 2 })
  provinceCode: string;

  @Field(() => String, { nullable: true, description: 'A second region involved (cross-province cases are visible to both provinces).' })
  @Column({ type: 'varchar', length: 6, nullable: true })
  otherRegionCode: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2, nullable: true })
  otherProvinceCode: string | null;

  @Field(() => Int, { nullable: true, description: 'Staff id of the analyst in charge.' })
  @Column({ type: 'int', nullable: true })
  assigneeId: number | null;

  @Field()
  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  signalCount: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  dismissalReason: string | null;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;

  @Field()
  @UpdateDateColumn(TIMESTAMP)
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ ...TIMESTAMP, nullable: true })
  closedAt: Date | null;
}

/** The case timeline: analysts' notes and system events (signals, state changes, sanctions). */
@ObjectType({ description: '案件时间线' })
@Entity('fraud_case_note')
@Index(['caseId', 'id'])
export class FraudCaseNote {
  @Field(() => SafeInt)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  caseId: number;

  @Field({ description: 'NOTE, SIGNAL, ASSIGN, STATE, SANCTION' })
  @Column({ type: 'varchar', length: 10 })
  kind: string;

  @Field()
  @Column({ type: 'varchar', length: 2000 })
  text: string;

  @Field()
  @Column({ type: 'varchar', length: 60 })
  actorName: string;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  actorStaffId: number | null;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}

/** A sanction applied when a case was confirmed. */
@ObjectType({ description: '处理措施 (sanction)' })
@Entity('fraud_sanction')
@Index(['caseId'])
export class FraudSanction {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  caseId: number;

  @Field(() => SanctionKindEnum)
  @Column({ type: 'varchar', length: 16 })
  kind: SanctionKind;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  memberId: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  bindingId: number | null;

  @Field(() => Int, { nullable: true, description: 'SUSPEND_MEMBER: 3–12 months.' })
  @Column({ type: 'int', nullable: true })
  months: number | null;

  @Field(() => String, { nullable: true, description: 'SUSPEND_MEMBER: suspended through this date.' })
  @Column({ type: 'date', nullable: true })
  untilDate: string | null;

  @Field(() => SafeInt, { nullable: true, description: 'RECOVER: the settlement reversed.' })
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  settlementId: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'RECOVER: the reversal (S9) that returned the money.' })
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  reversalId: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'RECOVER: amount reversed; FINE: the fine.' })
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  amountFen: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'RECOVER: of which credited back to accounts; FINE: the amount involved.' })
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  baseFen: number | null;

  @Field(() => Int, { nullable: true, description: 'FINE: 2–5 × the amount involved.' })
  @Column({ type: 'int', nullable: true })
  multiplier: number | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  createdByStaffId: number;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}

/**
 * Evidence: every settlement, binding and member that contributed to a case (DOMAIN F, "a case's
 * evidence links every settlement and binding that contributed to it"). Added to as signals arrive
 * or grow; recovery may cover any of the linked settlements.
 */
@Entity('fraud_case_link')
@Index(['caseId', 'kind', 'refId'], { unique: true })
@Index(['kind', 'refId'])
export class FraudCaseLink {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ type: 'int' })
  caseId: number;

  /** SETTLEMENT, BINDING or MEMBER. */
  @Column({ type: 'varchar', length: 12 })
  kind: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  refId: number;
}

/**
 * One row per rule a case involves (its rule list, a rule each), with the case's score: the case list
 * filtered by a rule reads `(rule, score, case_id)` in order, as the whole list reads `score`, so a rule
 * many cases have costs its page and a rule none has costs nothing (a contains-match over rule_list read
 * every case: 139 ms at 60,000). Kept by refreshCase, the one place a case's rules and score change.
 */
@Entity('fraud_case_rule')
@Index(['rule', 'score', 'caseId'])
@Index(['caseId'])
export class FraudCaseRule {
  @PrimaryColumn({ type: 'varchar', length: 4 })
  rule: FraudRule;

  @PrimaryColumn({ type: 'int' })
  caseId: number;

  @Column({ type: 'int' })
  score: number;
}

/**
 * A running aggregate of the detection rules (F3 last place, F3/F5 per patient-day, F5 per period and
 * per drug, F6 per binding, F8 per giver or institution and window): one small JSON document per key,
 * so every check is O(1) in history. Each aggregate remembers the settlements it counted, so counting
 * a settlement twice (a re-scan, a redelivered event) changes nothing. Rows past `expiresAt` are pruned
 * by the batch scan.
 */
@Entity('fraud_tally')
@Index(['expiresAt'])
export class FraudTally {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  tallyKey: string;

  @Column({ type: 'text' })
  data: string;

  @Column(TIMESTAMP)
  expiresAt: Date;
}

/** The batch scan's watermark: settlements with a larger id have not been scanned yet. */
@Entity('fraud_scan_state')
export class FraudScanState {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 20, unique: true })
  name: string;

  /** The watermark: last settlement id (row `settlement`) or wallet transfer id (row `wallet_transfer`) scanned. */
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  lastSettlementId: number;

  @Column({ type: 'int', default: 0 })
  lastSignals: number;

  @Column({ ...TIMESTAMP, nullable: true })
  lastRunAt: Date | null;
}
