import type { Category } from '@gongji/shared';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CategoryEnum } from '../../core/graphql-enums';
import { SafeInt } from '../../core/scalars';

@ObjectType({ description: 'Mutual-aid payments (givers’ accounts paying for relatives) of one month and category, net of reversals.' })
export class MutualAidMonth {
  @Field({ description: 'YYYY-MM, Beijing time.' })
  month: string;

  @Field(() => CategoryEnum)
  category: Category;

  @Field(() => Float, { description: 'For charts: exact up to 2^53 fen; amountFenExact is always exact (S15).' })
  amountFen: number;

  @Field({ description: 'The exact sum in fen, as a decimal string (S15).' })
  amountFenExact: string;

  @Field(() => SafeInt, { description: 'Settlements with at least one mutual-aid payment.' })
  count: number;
}

@ObjectType({ description: 'Mutual-aid payments of the period by the patient’s province.' })
export class MutualAidProvince {
  @Field()
  provinceCode: string;

  @Field(() => Float, { description: 'For charts: exact up to 2^53 fen; amountFenExact is always exact (S15).' })
  amountFen: number;

  @Field({ description: 'The exact sum in fen, as a decimal string (S15).' })
  amountFenExact: string;

  @Field(() => SafeInt)
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

@ObjectType({ description: 'Today’s sums in fen as exact decimal strings (S15).' })
export class TodayExact {
  @Field()
  totalFen: string;

  @Field()
  selfPayFen: string;

  @Field()
  acctPayFen: string;

  @Field()
  mulaidPayFen: string;

  @Field()
  cashFen: string;
}

@ObjectType({ description: 'Settlements treated today (Beijing time). Amounts: Float for display (exact up to 2^53 fen); `exact` has every sum as a decimal string (S15).' })
export class TodaySettlements {
  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field(() => SafeInt)
  count: number;

  @Field(() => SafeInt, { description: 'Of which paid partly by mutual aid.' })
  mutualAidCount: number;

  @Field(() => Float)
  totalFen: number;

  @Field(() => Float)
  selfPayFen: number;

  @Field(() => Float)
  acctPayFen: number;

  @Field(() => Float)
  mulaidPayFen: number;

  @Field(() => Float)
  cashFen: number;

  @Field(() => TodayExact)
  exact: TodayExact;
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
