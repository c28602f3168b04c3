import type { ActivationMode, BindingKind, BindingState, Initiator, RelationshipKind } from '@gongji/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import {
  ActivationModeEnum,
  ActorKindEnum,
  BindingKindEnum,
  BindingStateEnum,
  InitiatorEnum,
  RelationshipKindEnum,
} from '../../core/graphql-enums';
import { SafeInt } from '../../core/scalars';
import { bigintNumber, TIMESTAMP } from '../../db/columns';

/**
 * 家庭共济绑定 (MUTUAL_AID) or 亲情账户 (PROXY, moves no money, E10): giver → beneficiary.
 * `liveKey` is set while the binding is PENDING/ACTIVE/SUSPENDED and cleared when it ends, and is
 * unique: the database itself refuses a second live binding of a kind for the same pair (E4).
 */
@ObjectType({ description: '家庭共济绑定 / 亲情账户' })
@Entity('binding')
@Index(['giverId', 'state'])
@Index(['beneficiaryId', 'state', 'priority'])
@Index(['state', 'createdAt'])
@Index(['giverProvince', 'state'])
@Index(['beneficiaryProvince', 'state'])
// Staff lists (issue 10) sort by createdAt within a scope or filter.
@Index(['createdAt'])
@Index(['giverRegion', 'createdAt'])
@Index(['beneficiaryRegion', 'createdAt'])
@Index(['giverProvince', 'createdAt'])
@Index(['beneficiaryProvince', 'createdAt'])
@Index(['kind', 'createdAt'])
@Index(['relationship', 'createdAt'])
export class Binding {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => BindingKindEnum)
  @Column({ type: 'varchar', length: 12 })
  kind: BindingKind;

  @Field(() => Int)
  @Column({ type: 'int' })
  giverId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  beneficiaryId: number;

  @Field(() => RelationshipKindEnum, { description: "The beneficiary is the giver's …" })
  @Column({ type: 'varchar', length: 24 })
  relationship: RelationshipKind;

  @Field(() => InitiatorEnum)
  @Column({ type: 'varchar', length: 12 })
  initiatedBy: Initiator;

  @Field(() => BindingStateEnum)
  @Column({ type: 'varchar', length: 12 })
  state: BindingState;

  @Field(() => Date, { nullable: true, description: "承诺书: when the giver accepted the commitment letter (E9)." })
  @Column({ ...TIMESTAMP, nullable: true })
  commitmentAcceptedAt: Date | null;

  @Field({ description: 'Must the other party confirm (E8, from policy at request time)?' })
  @Column({ type: 'boolean', default: false })
  confirmationRequired: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ ...TIMESTAMP, nullable: true })
  confirmedAt: Date | null;

  @Field(() => ActivationModeEnum, { description: 'From the giver’s policy at request time (E9).' })
  @Column({ type: 'varchar', length: 20 })
  activationMode: ActivationMode;

  @Field({ description: 'Has a caseworker approved the binding (E9)?' })
  @Column({ type: 'boolean', default: false })
  approved: boolean;

  @Field(() => SafeInt, { nullable: true, description: '单笔限额 in fen; null = no limit.' })
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  singleLimitFen: number | null;

  @Field(() => Int, { description: "顺位: order among the beneficiary's givers (1 = first)." })
  @Column({ type: 'int', default: 1 })
  priority: number;

  @Field(() => SafeInt, { description: '共济额度 reserved for this binding, in fen.' })
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  reservedFen: number;

  @Field({ description: 'S14: the giver pays the beneficiary’s yearly resident premium in the batch run.' })
  @Column({ type: 'boolean', default: false })
  residentPremiumOptIn: boolean;

  @Field()
  @Column({ type: 'varchar', length: 6 })
  giverRegion: string;

  @Field()
  @Column({ type: 'varchar', length: 6 })
  beneficiaryRegion: string;

  @Field()
  @Column({ type: 'varchar', length: 2 })
  giverProvince: string;

  @Field()
  @Column({ type: 'varchar', length: 2 })
  beneficiaryProvince: string;

  @Field(() => Int, { description: 'The policy version that decided the request.' })
  @Column({ type: 'int' })
  policyVersionId: number;

  @Column({ type: 'varchar', length: 40, nullable: true, unique: true })
  liveKey: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ ...TIMESTAMP, nullable: true })
  activatedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ ...TIMESTAMP, nullable: true })
  endedAt: Date | null;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;

  @Field()
  @UpdateDateColumn(TIMESTAMP)
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** L3: every transition, who made it, when and why. Rows are only ever inserted. */
@ObjectType({ description: 'One state transition of a binding (L3).' })
@Entity('binding_transition')
@Index(['bindingId', 'id'])
export class BindingTransition {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  bindingId: number;

  @Field(() => BindingStateEnum, { nullable: true })
  @Column({ type: 'varchar', length: 12, nullable: true })
  fromState: BindingState | null;

  @Field(() => BindingStateEnum)
  @Column({ type: 'varchar', length: 12 })
  toState: BindingState;

  @Field(() => ActorKindEnum)
  @Column({ type: 'varchar', length: 12 })
  actorKind: 'STAFF' | 'MEMBER' | 'INSTITUTION' | 'SYSTEM';

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  actorName: string;

  @Field()
  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Field(() => String, { nullable: true, description: 'The rule that caused an automatic transition (L2).' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  rule: string | null;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  at: Date;
}
