import { Field, Int, ObjectType } from 'type-graphql';
import { SafeInt } from '../../core/scalars';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LedgerCause, LedgerDirection } from '@gongji/shared';
import { LedgerCauseEnum, LedgerDirectionEnum } from '../../core/graphql-enums';
import { bigintNumber, TIMESTAMP } from '../../db/columns';

/**
 * 个人账户: EMPLOYEE members only. The balance changes only through ledger entries, applied by
 * atomic conditional updates (account.service.ts); it always equals the sum of its entries (S11).
 */
@ObjectType({ description: '个人账户 (personal account), amounts in fen' })
@Entity('personal_account')
export class PersonalAccount {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int', unique: true })
  memberId: number;

  @Field(() => SafeInt, { description: 'Balance in fen, including reserved amounts.' })
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  balanceFen: number;

  @Field(() => SafeInt, { description: '共济额度: the part of the balance reserved for bindings, in fen.' })
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  reservedFen: number;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}

@ObjectType({ description: 'An immutable ledger entry (S11).' })
@Entity('ledger_entry')
@Index(['accountId', 'id'])
@Index(['settlementId'])
@Index(['batchId'])
// A batch (monthly credit, premium run) touches an account at most once: re-runs cannot double-credit.
@Index(['accountId', 'batchId'], { unique: true })
export class LedgerEntry {
  @Field(() => SafeInt)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  accountId: number;

  @Field(() => LedgerDirectionEnum)
  @Column({ type: 'varchar', length: 6 })
  direction: LedgerDirection;

  @Field(() => SafeInt, { description: 'Always positive, in fen.' })
  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen: number;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', transformer: bigintNumber })
  balanceAfterFen: number;

  @Field(() => LedgerCauseEnum)
  @Column({ type: 'varchar', length: 24 })
  cause: LedgerCause;

  @Field(() => SafeInt, { nullable: true })
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  settlementId: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  bindingId: number | null;

  @Field(() => String, { nullable: true, description: 'Batch run key, e.g. monthly-credit:2026-11.' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  batchId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  memo: string | null;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}
