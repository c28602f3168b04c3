import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber, TIMESTAMP } from '../../db/columns';
import type { OutboxEventType } from './outbox.types';

/** One committed fact other modules react to (see outbox.types.ts). Written in the writer's transaction. */
@Entity('outbox_event')
export class OutboxEventRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ type: 'varchar', length: 40 })
  type: OutboxEventType;

  @Column({ type: 'bigint', transformer: bigintNumber })
  subjectId: number;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  settlementId: number | null;

  @Column(TIMESTAMP)
  createdAt: Date;
}

/** How far one consumer has got: the last event id it handled (advanced with its effects, atomically). */
@Entity('outbox_cursor')
export class OutboxCursor {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  consumer: string;

  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  lastEventId: number;

  @Column({ ...TIMESTAMP, nullable: true })
  updatedAt: Date | null;
}
