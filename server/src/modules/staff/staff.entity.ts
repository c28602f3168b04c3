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

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}
