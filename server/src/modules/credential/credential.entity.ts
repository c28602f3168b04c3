import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../../db/columns';

/**
 * A credential a member presents at settlement (S2): 01 医保电子凭证 (e-voucher) or 03 社保卡
 * (social-security card). Type 02 (身份证) is the ID number itself and needs no row.
 */
@Entity('member_credential')
@Index(['memberId'])
@Index(['type', 'number'], { unique: true })
export class MemberCredential {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 2 })
  type: '01' | '03';

  @Column({ type: 'varchar', length: 40 })
  number: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;
}
