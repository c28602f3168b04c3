import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../../db/columns';

/**
 * A member-channel client (the bureau's app or the national platform's gateway). It authenticates
 * with its own secret and vouches for the member it acts for, after its own real-name check (A2).
 */
@Entity('channel_client')
export class ChannelClient {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40, unique: true })
  clientId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  secretHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}
