import type { MemberStatus, Scheme, Sex } from '@gongji/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { MemberStatusEnum, SchemeEnum, SexEnum } from '../../core/graphql-enums';
import { TIMESTAMP } from '../../db/columns';

/**
 * 参保人. The ID number, name and phone are deliberately not GraphQL fields here: the member
 * resolver exposes them masked (A3), and revealing them is a separate, audited mutation.
 */
@ObjectType({ description: '参保人 (insured member)' })
@Entity('member')
@Index(['provinceCode', 'id'])
@Index(['insuredRegion', 'id'])
@Index(['status', 'id'])
@Index(['scheme', 'id'])
export class Member {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 18, unique: true })
  idNumber: string;

  @Index()
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Field(() => SexEnum, { description: 'From the ID number.' })
  @Column({ type: 'varchar', length: 6 })
  sex: Sex;

  /** From the ID number (YYYY-MM-DD). Exposed by the member resolver: full only to the member (A5). */
  @Column({ type: 'date' })
  birthDate: string;

  @Field(() => SchemeEnum)
  @Column({ type: 'varchar', length: 10 })
  scheme: Scheme;

  @Field(() => MemberStatusEnum)
  @Column({ type: 'varchar', length: 12 })
  status: MemberStatus;

  @Field(() => String, { nullable: true, description: 'Network settlement suspended until this date (inclusive).' })
  @Column({ type: 'date', nullable: true })
  suspendedUntil: string | null;

  @Field({ description: '参保地: insured pooling region (6 digits).' })
  @Column({ type: 'varchar', length: 6 })
  insuredRegion: string;

  @Field()
  @Column({ type: 'varchar', length: 2 })
  provinceCode: string;

  @Field()
  @Column({ type: 'boolean', default: false })
  retired: boolean;

  @Field({ description: '个账支付权限: may use accounts when treated outside the insured region (S7).' })
  @Column({ type: 'boolean', default: false })
  offsiteAccountPermission: boolean;

  @Field(() => Int, { nullable: true, description: 'Monthly contribution base in fen (in-service EMPLOYEE members, S13).' })
  @Column({ type: 'int', nullable: true })
  contributionBaseFen: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  diedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Left basic insurance on this date.' })
  @Column({ type: 'date', nullable: true })
  exitedOn: string | null;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;

  @Field()
  @UpdateDateColumn(TIMESTAMP)
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
