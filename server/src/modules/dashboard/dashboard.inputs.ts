import type { Category } from '@gongji/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { CategoryEnum } from '../../core/graphql-enums';
import { SafeInt } from '../../core/scalars';

@ObjectType({ description: 'Mutual-aid payments (givers’ accounts paying for relatives) of one month and category, net of reversals.' })
export class MutualAidMonth {
  @Field({ description: 'YYYY-MM, Beijing time.' })
  month: string;

  @Field(() => CategoryEnum)
  category: Category;

  @Field(() => SafeInt)
  amountFen: number;

  @Field(() => Int, { description: 'Settlements with at least one mutual-aid payment.' })
  count: number;
}

@ObjectType({ description: 'Mutual-aid payments of the period by the patient’s province.' })
export class MutualAidProvince {
  @Field()
  provinceCode: string;

  @Field(() => SafeInt)
  amountFen: number;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'A review queue: how many items wait, and for how long.' })
export class QueueAge {
  @Field({ description: 'PROOFS (relationship proofs to review) or BINDINGS (pending binding requests).' })
  queue: string;

  @Field(() => Int)
  total: number;

  @Field(() => Date, { nullable: true, description: 'When the oldest waiting item was submitted.' })
  oldestAt: Date | null;

  @Field(() => Int, { description: 'Waiting less than one day.' })
  under1Day: number;

  @Field(() => Int)
  days1to3: number;

  @Field(() => Int)
  days3to7: number;

  @Field(() => Int)
  days7to30: number;

  @Field(() => Int, { description: 'Waiting 30 days or more.' })
  over30Days: number;
}

@ObjectType({ description: 'Settlements treated today (Beijing time).' })
export class TodaySettlements {
  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field(() => Int)
  count: number;

  @Field(() => Int, { description: 'Of which paid partly by mutual aid.' })
  mutualAidCount: number;

  @Field(() => SafeInt)
  totalFen: number;

  @Field(() => SafeInt)
  selfPayFen: number;

  @Field(() => SafeInt)
  acctPayFen: number;

  @Field(() => SafeInt)
  mulaidPayFen: number;

  @Field(() => SafeInt)
  cashFen: number;
}

@ObjectType({ description: 'The home dashboard’s figures, inside the caller’s region scope.' })
export class DashboardStats {
  @Field({ description: 'First month of the period, YYYY-MM.' })
  fromMonth: string;

  @Field({ description: 'Last month of the period (the current one), YYYY-MM.' })
  toMonth: string;

  @Field(() => [MutualAidMonth])
  mutualAidByMonth: MutualAidMonth[];

  @Field(() => [MutualAidProvince])
  mutualAidByProvince: MutualAidProvince[];

  @Field(() => [QueueAge])
  queues: QueueAge[];

  @Field(() => TodaySettlements)
  today: TodaySettlements;
}
