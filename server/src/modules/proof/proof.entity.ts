import type { DocType, ProofReviewState } from '@gongji/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DocTypeEnum, ProofReviewStateEnum } from '../../core/graphql-enums';
import { TIMESTAMP } from '../../db/columns';

/** A relationship proof (E9). The file itself lives in ProofStorage under `fileKey`. */
@ObjectType({ description: '关系证明材料' })
@Entity('relationship_proof')
@Index(['bindingId'])
@Index(['reviewState', 'createdAt'])
@Index(['createdAt'])
export class RelationshipProof {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  bindingId: number;

  @Field(() => DocTypeEnum)
  @Column({ type: 'varchar', length: 24 })
  docType: DocType;

  @Column({ type: 'varchar', length: 200 })
  fileKey: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Field()
  @Column({ type: 'varchar', length: 80 })
  mimeType: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  sizeBytes: number;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Field(() => ProofReviewStateEnum)
  @Column({ type: 'varchar', length: 10 })
  reviewState: ProofReviewState;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  reviewerId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  reviewerName: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ ...TIMESTAMP, nullable: true })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reviewReason: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  uploadedByMemberId: number | null;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}
