import type { DocType, ProofReviewState, RelationshipKind } from '@gongji/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DocTypeEnum, ProofReviewStateEnum } from '../../core/graphql-enums';
import { TIMESTAMP } from '../../db/columns';

/**
 * A relationship proof (E9). The file itself lives in ProofStorage under `fileKey`.
 *
 * The binding's party regions are copied onto the proof when it is uploaded (a binding's regions never
 * change: a member who moves has their bindings terminated), so the review queue's A1 scope is an
 * indexed equality on the proof itself — one `(party region, review state, created)` index per column,
 * read in queue order — instead of a join through binding and a sort. Its relationship is copied too
 * (a binding's relationship never changes either), so the queue filtered by relationship ("the spouse
 * proofs waiting") reads `(review state, relationship, created)` in order, not every pending proof.
 */
@ObjectType({ description: '关系证明材料' })
@Entity('relationship_proof')
@Index(['bindingId'])
@Index(['reviewState', 'createdAt'])
@Index(['reviewState', 'relationship', 'createdAt'])
@Index(['createdAt'])
@Index(['giverRegion', 'reviewState', 'createdAt'])
@Index(['beneficiaryRegion', 'reviewState', 'createdAt'])
@Index(['giverProvince', 'reviewState', 'createdAt'])
@Index(['beneficiaryProvince', 'reviewState', 'createdAt'])
@Index(['giverRegion', 'createdAt'])
@Index(['beneficiaryRegion', 'createdAt'])
@Index(['giverProvince', 'createdAt'])
@Index(['beneficiaryProvince', 'createdAt'])
// Sorted by review time (the list's reviewedAt sort): read in index order.
@Index(['reviewedAt'])
export class RelationshipProof {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  bindingId: number;

  /** Copied from the binding (A1 scope of the review queue). */
  @Column({ type: 'varchar', length: 6 })
  giverRegion: string;

  @Column({ type: 'varchar', length: 2 })
  giverProvince: string;

  @Column({ type: 'varchar', length: 6 })
  beneficiaryRegion: string;

  @Column({ type: 'varchar', length: 2 })
  beneficiaryProvince: string;

  /** Copied from the binding (the queue's relationship filter). */
  @Column({ type: 'varchar', length: 24 })
  relationship: RelationshipKind;

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
