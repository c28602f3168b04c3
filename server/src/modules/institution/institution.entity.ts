import type { InstitutionKind } from '@gongji/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstitutionKindEnum } from '../../core/graphql-enums';
import { TIMESTAMP } from '../../db/columns';

/** 定点医疗机构 / 定点零售药店: machine clients that settle (A2). */
@ObjectType({ description: '定点医药机构' })
@Entity('institution')
@Index(['provinceCode', 'id'])
export class Institution {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'National institution code, e.g. H44030300001 or P44030300001.' })
  @Column({ type: 'varchar', length: 20, unique: true })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => InstitutionKindEnum)
  @Column({ type: 'varchar', length: 10 })
  kind: InstitutionKind;

  @Field()
  @Column({ type: 'varchar', length: 6 })
  regionCode: string;

  @Field()
  @Column({ type: 'varchar', length: 2 })
  provinceCode: string;

  @Column({ type: 'varchar', length: 200 })
  secretHash: string;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}
