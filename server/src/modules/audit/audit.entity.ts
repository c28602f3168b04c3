import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ActorKindEnum } from '../../core/graphql-enums';
import { SafeInt } from '../../core/scalars';
import { bigintNumber, TIMESTAMP } from '../../db/columns';

/**
 * A4: the append-only audit log. The code only ever inserts rows; each row carries the hash of its
 * predecessor (`prevHash`) and its own (`hash`), so a changed or deleted row breaks the chain and
 * `verifyAuditChain` finds it.
 */
@ObjectType({ description: '审计日志 (append-only)' })
@Entity('audit_log')
@Index(['at'])
@Index(['actorName', 'at'])
@Index(['action', 'at'])
@Index(['entityType', 'entityId', 'at'])
export class AuditLog {
  @Field(() => SafeInt)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Field()
  @Column(TIMESTAMP)
  at: Date;

  @Field(() => ActorKindEnum)
  @Column({ type: 'varchar', length: 12 })
  actorKind: 'STAFF' | 'MEMBER' | 'INSTITUTION' | 'SYSTEM';

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  actorName: string;

  @Field({ description: 'e.g. binding.approve, member.reveal, policy.create' })
  @Column({ type: 'varchar', length: 48 })
  action: string;

  @Field()
  @Column({ type: 'varchar', length: 32 })
  entityType: string;

  @Field()
  @Column({ type: 'varchar', length: 40 })
  entityId: string;

  /**
   * ",44,440300,11,110000," — the regions the entity belongs to (covered by the hash; the scope reads
   * audit_log_region). Room for a search's 20 regions with their provinces (at most 201 characters).
   */
  @Column({ type: 'varchar', length: 1000 })
  regions: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Field({ description: 'JSON detail of the change.' })
  @Column({ type: 'text' })
  detail: string;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  prevHash: string;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  hash: string;
}

/**
 * A1 scope of the audit log as an index: one row per province and pooling region an entry concerns
 * (the same codes as its `regions` list), with the entry's time, so a province or region auditor's page
 * is a range read of `(region_code, at)` in page order and its capped count a range of the primary key —
 * never a LIKE scan of the log. Written with the entry; never changed.
 */
@Entity('audit_log_region')
@Index(['regionCode', 'at'])
export class AuditLogRegion {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  regionCode: string;

  @PrimaryColumn({ type: 'bigint', transformer: bigintNumber })
  auditId: number;

  @Column(TIMESTAMP)
  at: Date;
}

/** The head of the audit hash chain: one row, locked while appending so the chain never forks. */
@Entity('audit_head')
export class AuditHead {
  @Column({ type: 'int', primary: true })
  id: number;

  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  lastId: number;
}
