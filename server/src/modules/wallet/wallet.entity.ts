import type { LedgerDirection } from '@gongji/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LedgerDirectionEnum } from '../../core/graphql-enums';
import { SafeInt } from '../../core/scalars';
import { bigintNumber, TIMESTAMP } from '../../db/columns';

/** W3: 医保钱包 — an account of its own, changed only through its ledger (wallet-account.service.ts). */
@ObjectType({ description: '医保钱包 (wallet), amounts in fen' })
@Entity('wallet_account')
export class WalletAccount {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int', unique: true })
  memberId: number;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  balanceFen: number;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}

@ObjectType({ description: 'An immutable wallet ledger entry (W3).' })
@Entity('wallet_ledger_entry')
@Index(['walletId', 'id'])
export class WalletLedgerEntry {
  @Field(() => SafeInt)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  walletId: number;

  @Field(() => LedgerDirectionEnum)
  @Column({ type: 'varchar', length: 6 })
  direction: LedgerDirection;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen: number;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', transformer: bigintNumber })
  balanceAfterFen: number;

  @Field({ description: 'WALLET_ACCEPT (a transfer arrived) or SETTLEMENT (W4).' })
  @Column({ type: 'varchar', length: 24 })
  cause: string;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  transferId: number | null;

  @Field(() => SafeInt, { nullable: true })
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  settlementId: number | null;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}

/** W1–W3: a transfer from a member's personal account into a close relative's wallet. */
@ObjectType({ description: '医保钱包转账 (wallet transfer)' })
@Entity('wallet_transfer')
@Index(['senderId', 'requestId'], { unique: true })
@Index(['senderId', 'beijingDay'])
@Index(['recipientId', 'id'])
@Index(['state', 'expiresAt'])
export class WalletTransfer {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  senderId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  recipientId: number;

  @Field({ description: 'The recipient’s relationship to the sender.' })
  @Column({ type: 'varchar', length: 24 })
  relationship: string;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen: number;

  @Field({ description: 'PENDING, ACCEPTED, DECLINED or RETURNED (W3).' })
  @Column({ type: 'varchar', length: 10 })
  state: string;

  @Column({ type: 'varchar', length: 64 })
  requestId: string;

  @Field({ description: 'The sender’s Beijing day of sending (W2 daily limit).' })
  @Column({ type: 'date' })
  beijingDay: string;

  @Field({ description: 'Unaccepted by then, it returns to the sender (W3).' })
  @Column(TIMESTAMP)
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ ...TIMESTAMP, nullable: true })
  decidedAt: Date | null;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}
