import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SafeInt } from '../../core/scalars';
import { bigintNumber, TIMESTAMP } from '../../db/columns';

/** One run of a batch job for one period; (job, period) is unique, so a period is processed once. */
@ObjectType({ description: '批处理任务运行记录' })
@Entity('batch_run')
@Index(['job', 'period'], { unique: true })
export class BatchRun {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'monthly-credit or resident-premium' })
  @Column({ type: 'varchar', length: 32 })
  job: string;

  @Field({ description: 'YYYY-MM (monthly credit) or YYYY (resident premium)' })
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Field({ description: 'RUNNING or COMPLETED' })
  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  processed: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  applied: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  skipped: number;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  amountFen: number;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ ...TIMESTAMP, nullable: true })
  finishedAt: Date | null;
}

/** S14: a beneficiary's resident premium for a year is paid once (unique). */
@ObjectType({ description: '居民医保代缴记录' })
@Entity('resident_premium_payment')
@Index(['beneficiaryId', 'year'], { unique: true })
export class ResidentPremiumPayment {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  beneficiaryId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  bindingId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  giverId: number;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen: number;

  @Field({ description: 'BATCH or MANUAL' })
  @Column({ type: 'varchar', length: 8 })
  via: string;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  paidAt: Date;
}
