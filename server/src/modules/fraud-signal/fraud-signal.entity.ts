import type { FraudRule } from '@gongji/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { FraudRuleEnum } from '../../core/graphql-enums';
import { SafeInt } from '../../core/scalars';
import { bigintNumber, TIMESTAMP } from '../../db/columns';

/**
 * A fraud signal (F1–F9): one rule firing on one subject, with its evidence. Signals are written
 * independently of the request's transaction, so a refused request still leaves its signal.
 * The fraud module groups signals into cases (`caseId`).
 */
@ObjectType({ description: '风险信号' })
@Entity('fraud_signal')
@Index(['memberId', 'id'])
@Index(['rule', 'createdAt'])
@Index(['caseId'])
export class FraudSignal {
  @Field(() => SafeInt)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Field(() => FraudRuleEnum)
  @Column({ type: 'varchar', length: 4 })
  rule: FraudRule;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  memberId: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  bindingId: number | null;

  @Field(() => SafeInt, { nullable: true })
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  settlementId: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  institutionId: number | null;

  @Field({ description: 'Pooling region of the subject, for scope.' })
  @Column({ type: 'varchar', length: 6 })
  regionCode: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  score: number;

  @Field()
  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Field({ description: 'JSON evidence: figures, thresholds and policy version.' })
  @Column({ type: 'text' })
  evidence: string;

  /** Dedup key: the same rule on the same subject and window is recorded once. */
  @Column({ type: 'varchar', length: 120, unique: true })
  dedupKey: string;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  caseId: number | null;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}
