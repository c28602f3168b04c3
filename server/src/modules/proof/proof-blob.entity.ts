import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A proof document stored in the database (the default ProofStorage), cut into chunks so no row
 * comes near a packet or Galera/TiDB transaction-entry limit. BLOB is portable (MySQL/MariaDB/TiDB
 * BLOB, SQLite blob) and holds up to 65,535 bytes, hence the chunk size.
 */
@Entity('proof_blob_chunk')
export class ProofBlobChunk {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  storageKey: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'blob' })
  data: Buffer;
}
