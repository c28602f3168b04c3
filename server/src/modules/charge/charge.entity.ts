import { CHARGE_KINDS, CHARGE_STATES, type ChargeKind, type ChargeState } from '@gongji/shared';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SafeInt } from '../../core/scalars';
import { bigintNumber, TIMESTAMP } from '../../db/columns';

export const ChargeKindEnum = Object.fromEntries(CHARGE_KINDS.map((k) => [k, k])) as Record<ChargeKind, ChargeKind>;
registerEnumType(ChargeKindEnum, { name: 'ChargeKind', description: 'FRAUD_RECOVERY: money a confirmed fraud case should recover; OTHER: recorded by a caseworker with a reason.' });
export const ChargeStateEnum = Object.fromEntries(CHARGE_STATES.map((k) => [k, k])) as Record<ChargeState, ChargeState>;
registerEnumType(ChargeStateEnum, { name: 'ChargeState', description: 'OPEN (owed, or partly paid) → PAID (settled at closure, C1) or WAIVED (by a caseworker, with a reason).' });

/**
 * C1: 应收未收 — an amount a personal account owes the fund. Written only by charge.service; the money
 * moves only by a FEE ledger entry (account.service's conditional debit) when the balance is about to
 * leave the account (closure C2, transfer C3, withdrawal C4). `paidFen` only grows, by a conditional
 * update; what is still unpaid is `amountFen − paidFen`.
 */
@ObjectType({ description: '应收未收: an amount owed to the fund by a personal account (C1), fen' })
@Entity('account_charge')
@Index(['accountId', 'state', 'id'])
@Index(['memberId', 'id'])
@Index(['closureId'])
export class AccountCharge {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  accountId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  memberId: number;

  @Field(() => ChargeKindEnum)
  @Column({ type: 'varchar', length: 16 })
  kind: ChargeKind;

  @Field(() => SafeInt, { description: 'Owed, in fen (> 0).' })
  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen: number;

  @Field(() => SafeInt, { description: 'Paid so far by FEE ledger entries, in fen.' })
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  paidFen: number;

  @Field()
  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'FRAUD_RECOVERY: the confirmed fraud case.' })
  @Column({ type: 'int', nullable: true })
  fraudCaseId: number | null;

  @Field(() => String, { nullable: true, description: 'A document reference (决定书编号 …).' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  documentRef: string | null;

  @Field(() => ChargeStateEnum)
  @Column({ type: 'varchar', length: 8 })
  state: ChargeState;

  @Field(() => Int, { nullable: true, description: 'The closure or transfer that last settled (part of) it.' })
  @Column({ type: 'int', nullable: true })
  closureId: number | null;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  createdBy: string;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Who paid (the closure’s actor) or waived it.' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  settledBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ ...TIMESTAMP, nullable: true })
  settledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'WAIVED: why.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  waiveReason: string | null;
}
