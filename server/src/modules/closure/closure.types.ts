import { Field, Int, ObjectType } from 'type-graphql';
import { SafeInt } from '../../core/scalars';

@ObjectType('ClosurePaymentShare', { description: 'C2: one share paid; payee and bank account masked (A3).' })
export class ClosurePaymentView {
  @Field(() => Int) id: number;
  @Field(() => SafeInt) amountFen: number;
  @Field({ description: 'Masked (张*).' }) payeeName: string;
  @Field({ description: 'Last 4 digits only.' }) bankAccount: string;
  @Field() createdAt: Date;
}
