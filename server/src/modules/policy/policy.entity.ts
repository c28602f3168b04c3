import { withPolicyDefaults, type PolicyRules } from '@gongji/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../../db/columns';

/**
 * One version of a province's regional policy. Versions are only ever added: an edit creates a
 * new version with its own effective date, and the version in force on a date is the newest one
 * whose effective date is on or before it. `rules` holds every knob (see PolicyRules).
 */
@ObjectType({ description: '区域政策版本' })
@Entity('policy_version')
@Index(['provinceCode', 'version'], { unique: true })
@Index(['provinceCode', 'effectiveFrom'])
export class PolicyVersion {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 2 })
  provinceCode: string;

  @Field(() => Int, { description: 'Per-province version number, 1, 2, 3, …' })
  @Column({ type: 'int' })
  version: number;

  @Field({ description: 'YYYY-MM-DD (Beijing date) from which this version is in force.' })
  @Column({ type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'simple-json', transformer: { to: (v: PolicyRules) => v, from: (v: PolicyRules) => withPolicyDefaults(v) } })
  rules: PolicyRules;

  @Field()
  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  createdByName: string;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}
