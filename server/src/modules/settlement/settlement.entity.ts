import type { Category } from '@gongji/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CategoryEnum } from '../../core/graphql-enums';
import { SafeInt } from '../../core/scalars';
import { bigintNumber, TIMESTAMP } from '../../db/columns';

export type SettlementStatus = 'SETTLED' | 'PARTIALLY_REVERSED' | 'REVERSED';

@ObjectType({ simpleResolvers: true, description: 'S12: which policy version decided a settlement, for whom.' })
export class PolicyVersionUsed {
  @Field(() => String, { description: 'PATIENT or GIVER' })
  role: 'PATIENT' | 'GIVER';

  @Field(() => Int)
  memberId: number;

  @Field()
  provinceCode: string;

  @Field(() => Int)
  policyVersionId: number;
}

/**
 * One settlement submitted by a designated institution (S1). (institution_id, serial_no) is unique:
 * the database itself makes a serial take effect once (S8). Amounts in fen; acct + mulaid + cash = self-pay.
 */
@ObjectType({ simpleResolvers: true, description: '结算' })
@Entity('settlement')
@Index(['institutionId', 'serialNo'], { unique: true })
@Index(['patientId', 'treatedAt'])
@Index(['placeRegion', 'treatedAt'])
@Index(['patientProvince', 'treatedAt'])
@Index(['treatedAt'])
// Staff lists (issue 10): every filter the dashboard offers leads an index ending in treatedAt, the
// default sort, so a page is an ordered index range read, never a filesort.
@Index(['patientRegion', 'treatedAt'])
@Index(['placeProvince', 'treatedAt'])
@Index(['institutionId', 'treatedAt'])
@Index(['category', 'treatedAt'])
@Index(['serialNo'])
export class Settlement {
  @Field(() => SafeInt)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  institutionId: number;

  @Field()
  @Column({ type: 'varchar', length: 40 })
  serialNo: string;

  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  patientId: number;

  @Field({ description: 'mdtrt_cert_type: 01, 02 or 03' })
  @Column({ type: 'varchar', length: 2 })
  credentialType: string;

  @Field({ description: 'The credential number presented, masked.' })
  @Column({ type: 'varchar', length: 40 })
  credentialNoMasked: string;

  @Field(() => CategoryEnum)
  @Column({ type: 'varchar', length: 32 })
  category: Category;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', transformer: bigintNumber })
  totalFen: number;

  @Field(() => SafeInt, { description: '统筹基金支付: never drawn from accounts (S6).' })
  @Column({ type: 'bigint', transformer: bigintNumber })
  poolFen: number;

  @Field(() => SafeInt, { description: '个人自付' })
  @Column({ type: 'bigint', transformer: bigintNumber })
  selfPayFen: number;

  @Field(() => SafeInt, { description: 'acct_pay: the patient’s own personal-account funds — the own account plus the 医保钱包 (walletPayFen is the wallet’s part, W4).' })
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  acctPayFen: number;

  @Field(() => SafeInt, { description: 'W4: paid from the patient’s 医保钱包; included in acctPayFen.' })
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  walletPayFen: number;

  @Field(() => SafeInt, { description: 'acct_mulaid_pay: paid by mutual-aid givers in total.' })
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  mulaidPayFen: number;

  @Field(() => SafeInt, { description: 'Paid in cash.' })
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  cashFen: number;

  @Field(() => SafeInt, { description: 'Self-pay amount reversed so far (S9).' })
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  reversedFen: number;

  @Field(() => SafeInt, { description: 'Of which refunded as cash.' })
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  cashReversedFen: number;

  @Field({ description: '就医地: pooling region of treatment.' })
  @Column({ type: 'varchar', length: 6 })
  placeRegion: string;

  @Field()
  @Column({ type: 'varchar', length: 2 })
  placeProvince: string;

  @Field({ description: 'The patient’s insured region at settlement time.' })
  @Column({ type: 'varchar', length: 6 })
  patientRegion: string;

  @Field()
  @Column({ type: 'varchar', length: 2 })
  patientProvince: string;

  @Field()
  @Column(TIMESTAMP)
  treatedAt: Date;

  @Field()
  @Column({ type: 'boolean' })
  acctUsedFlag: boolean;

  @Field({ description: 'Treated outside the insured pooling region (S7).' })
  @Column({ type: 'boolean' })
  offsite: boolean;

  @Field(() => String, { description: 'SETTLED, PARTIALLY_REVERSED or REVERSED' })
  @Column({ type: 'varchar', length: 20 })
  status: SettlementStatus;

  @Field(() => [PolicyVersionUsed], { description: 'S12' })
  @Column({ type: 'simple-json' })
  policyVersions: PolicyVersionUsed[];

  @Field(() => [String])
  @Column({ type: 'simple-json' })
  drugCodes: string[];

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}

/** One account's part in a settlement: the patient's own account (bindingId null), the patient's wallet (walletId, W4) or a giver's. */
@ObjectType({ simpleResolvers: true, description: 'One account’s payment in a settlement.' })
@Entity('settlement_payment')
@Index(['settlementId', 'seq'], { unique: true })
@Index(['payerMemberId', 'id'])
@Index(['bindingId'])
export class SettlementPayment {
  @Field(() => SafeInt)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', transformer: bigintNumber })
  settlementId: number;

  @Field(() => Int, { description: 'Payment order: 1 = first.' })
  @Column({ type: 'int' })
  seq: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  payerMemberId: number;

  @Field(() => Int, { nullable: true, description: 'The personal account that paid; null when the patient’s 医保钱包 paid (walletId, W4).' })
  @Column({ type: 'int', nullable: true })
  accountId: number | null;

  @Field(() => Int, { nullable: true, description: 'W4: the patient’s 医保钱包 that paid; null for a personal account.' })
  @Column({ type: 'int', nullable: true })
  walletId: number | null;

  @Field(() => Int, { nullable: true, description: 'null: the patient’s own account or wallet.' })
  @Column({ type: 'int', nullable: true })
  bindingId: number | null;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen: number;

  @Field(() => SafeInt, { description: 'Drawn from the binding’s reserved amount (共济额度).' })
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  fromReserveFen: number;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  reversedFen: number;
}

/** A reversal (冲正/退费), idempotent by its own (institution, serial). */
@ObjectType({ simpleResolvers: true, description: '冲正/退费' })
@Entity('settlement_reversal')
@Index(['institutionId', 'serialNo'], { unique: true })
@Index(['settlementId'])
export class SettlementReversal {
  @Field(() => SafeInt)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', transformer: bigintNumber })
  settlementId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  institutionId: number;

  @Field()
  @Column({ type: 'varchar', length: 40 })
  serialNo: string;

  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen: number;

  @Field(() => SafeInt, { description: 'Of which cash (refunded by the institution).' })
  @Column({ type: 'bigint', transformer: bigintNumber })
  cashFen: number;

  @Field(() => SafeInt, { description: 'Of which credited back to accounts (including the patient’s 医保钱包, W4; after closure to its successor or heirs, C5).' })
  @Column({ type: 'bigint', transformer: bigintNumber })
  accountFen: number;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}
