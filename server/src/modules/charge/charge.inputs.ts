import { IsOptional, Length, Max } from 'class-validator';
import type { ChargeKind } from '@gongji/shared';
import { Field, InputType, Int } from 'type-graphql';
import { SafeInt } from '../../core/scalars';
import { ChargeKindEnum } from './charge.entity';

@InputType({ description: 'C1: record an amount the member’s personal account owes the fund (应收未收).' })
export class RecordChargeInput {
  @Field(() => Int)
  memberId: number;

  @Field(() => ChargeKindEnum)
  kind: ChargeKind;

  @Field(() => SafeInt, { description: 'Fen, > 0 (checked by the service: C1 CHARGE_AMOUNT_NOT_POSITIVE).' })
  @Max(100_000_000_00)
  amountFen: number;

  @Field()
  @Length(1, 500)
  reason: string;

  @Field(() => Int, { nullable: true, description: 'FRAUD_RECOVERY: the confirmed fraud case of this member.' })
  @IsOptional()
  fraudCaseId?: number;

  @Field({ nullable: true, description: 'A document reference (决定书编号 …).' })
  @IsOptional()
  @Length(1, 200)
  documentRef?: string;
}

@InputType({ description: 'C1: waive an open charge, with a reason.' })
export class WaiveChargeInput {
  @Field(() => Int)
  chargeId: number;

  @Field()
  @Length(1, 500)
  reason: string;
}
