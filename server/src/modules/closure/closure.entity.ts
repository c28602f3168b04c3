import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SafeInt } from '../../core/scalars';
import { bigintNumber, TIMESTAMP } from '../../db/columns';

/**
 * C1–C5: the closure of a personal account (death, leaving basic insurance) or its transfer to
 * another pooling region (转移接续). `pendingFen` is money that has left the account by a ledger
 * entry (CLOSURE or TRANSFER_OUT) and not yet reached its destination: the heirs' (or leaver's)
 * pending payment, or a transfer in transit awaiting the receiving region.
 */
@ObjectType({ description: '个人账户注销/转移 (account closure or transfer)' })
@Entity('account_closure')
@Index(['accountId', 'id'])
@Index(['regionCode', 'state'])
export class AccountClosure {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  memberId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  accountId: number;

  @Field({ description: 'DEATH (C2), EXIT (left basic insurance, C1) or TRANSFER (C3).' })
  @Column({ type: 'varchar', length: 8 })
  cause: string;

  @Field({ description: 'PENDING_PAYMENT → PAID (DEATH, EXIT); AWAITING_ACCEPTANCE → COMPLETED (TRANSFER).' })
  @Column({ type: 'varchar', length: 20 })
  state: string;

  @Field(() => SafeInt, { description: 'Money held for the payment or in transit, fen.' })
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  pendingFen: number;

  @Field(() => SafeInt, { description: 'Moved out of the account when the closure opened, fen.' })
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  closedBalanceFen: number;

  @Field({ description: 'The region that acts on it: the insured region (DEATH, EXIT) or the receiving region (TRANSFER).' })
  @Column({ type: 'varchar', length: 6 })
  regionCode: string;

  @Field(() => String, { nullable: true, description: 'TRANSFER: the region the account left.' })
  @Column({ type: 'varchar', length: 6, nullable: true })
  fromRegion: string | null;

  @Field({ description: 'The date of the event (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  eventDate: string;

  @Field(() => [String], { description: 'C2: documents the decision rests on (死亡证明, 继承公证书 …).' })
  @Column({ type: 'simple-json' })
  documents: string[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionReason: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ ...TIMESTAMP, nullable: true })
  decidedAt: Date | null;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}

/** C2: one share of a heirs' (or leaver's) payment, to a named bank account (shown masked: ClosurePaymentView). */
@Entity('closure_payment')
@Index(['closureId', 'id'])
export class ClosurePayment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  closureId: number;

  @Column({ type: 'varchar', length: 50 })
  payeeName: string;

  @Column({ type: 'varchar', length: 40 })
  bankAccount: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen: number;

  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}
