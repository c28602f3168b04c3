import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@ObjectType({ description: '省级单位 (GB/T 2260); 新疆生产建设兵团 is its own unit, 66.' })
@Entity('province')
export class Province {
  @Field()
  @PrimaryColumn({ type: 'varchar', length: 2 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Field()
  @Column({ type: 'varchar', length: 20 })
  shortName: string;

  @Field()
  @Column({ type: 'varchar', length: 40 })
  nameEn: string;
}

@ObjectType({ description: '统筹区 (pooling region), a 6-digit GB/T 2260 code.' })
@Entity('pooling_region')
export class PoolingRegion {
  @Field()
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Field()
  @Index()
  @Column({ type: 'varchar', length: 2 })
  provinceCode: string;
}
