import type { StaffPermission, StaffRole } from '@gongji/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { StaffPermissionEnum, StaffRoleEnum } from '../../core/graphql-enums';
import { TIMESTAMP } from '../../db/columns';

@ObjectType({ description: 'A bureau staff account (A1).' })
@Entity('staff_user')
export class StaffUser {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 40, unique: true })
  username: string;

  @Field()
  @Column({ type: 'varchar', length: 60 })
  displayName: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Field(() => [StaffRoleEnum])
  @Column({ type: 'simple-array' })
  roles: StaffRole[];

  @Field(() => [StaffPermissionEnum])
  @Column({ type: 'simple-array' })
  permissions: StaffPermission[];

  @Field(() => String, { nullable: true, description: 'null: national; 2 digits: a province; 6 digits: a pooling region.' })
  @Column({ type: 'varchar', length: 6, nullable: true })
  scope: string | null;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ ...TIMESTAMP, nullable: true })
  lastLoginAt: Date | null;

  @Field({ description: 'A7: must set a new password before doing anything else (first sign-in, after a reset).' })
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** A7: failed sign-ins in the current window (since failedSince). */
  @Column({ type: 'int', default: 0 })
  failedLogins: number;

  @Column({ ...TIMESTAMP, nullable: true })
  failedSince: Date | null;

  @Field(() => Date, { nullable: true, description: 'A7: locked after repeated failed sign-ins until this time.' })
  @Column({ ...TIMESTAMP, nullable: true })
  lockedUntil: Date | null;

  /** A7: last request, for the idle timeout (updated at most once a minute). */
  @Column({ ...TIMESTAMP, nullable: true })
  lastActiveAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ ...TIMESTAMP, nullable: true })
  passwordChangedAt: Date | null;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}
