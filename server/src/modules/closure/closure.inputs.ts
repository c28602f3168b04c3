import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { SafeInt } from '../../core/scalars';

@InputType()
export class ClosureFilter {
  @Field({ nullable: true, description: 'PENDING_PAYMENT, PAID, AWAITING_ACCEPTANCE or COMPLETED.' })
  @IsOptional()
  state?: string;

  @Field({ nullable: true, description: 'DEATH, EXIT or TRANSFER.' })
  @IsOptional()
  cause?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  memberId?: number;
}

@InputType({ description: 'C2: one share, to a named bank account.' })
export class PaymentShareInput {
  @Field()
  @Length(1, 50)
  payeeName: string;

  @Field({ description: 'Bank account number (8–30 digits); shown masked afterwards.' })
  @Matches(/^\d{8,30}$/)
  bankAccount: string;

  @Field(() => SafeInt)
  @Min(1)
  amountFen: number;
}

@InputType({ description: 'C2: the caseworker’s decision on a closed account’s pending payment.' })
export class HeirPaymentInput {
  @Field(() => Int)
  closureId: number;

  @Field(() => [PaymentShareInput], { description: 'Shares that add up exactly to the pending amount.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  shares: PaymentShareInput[];

  @Field(() => [String], { description: 'Document references (死亡证明编号, 继承公证书 …).' })
  @ArrayMaxSize(20)
  @Length(1, 200, { each: true })
  documents: string[];

  @Field()
  @Length(2, 500)
  reason: string;
}

@InputType({ description: 'C4: withdrawal to the member’s own bank account.' })
export class WithdrawalInput {
  @Field(() => Int)
  memberId: number;

  @Field(() => SafeInt)
  @Min(1)
  @Max(100_000_000_00)
  amountFen: number;

  @Field()
  @Matches(/^\d{8,30}$/)
  bankAccount: string;

  @Field()
  @Length(2, 500)
  reason: string;
}
