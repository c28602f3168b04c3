import { Length, Matches, Min } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { SafeInt } from '../../core/scalars';

@InputType({ description: 'W1: transfer part of my personal account into a close relative’s 医保钱包.' })
export class SendWalletTransferInput {
  @Field({ description: 'W5: the client’s request id; sending the same id again has one effect.' })
  @Matches(/^[A-Za-z0-9_.:-]{8,64}$/)
  requestId: string;

  @Field()
  @Length(15, 18)
  recipientIdNumber: string;

  @Field({ description: 'E6: must match the registry.' })
  @Length(1, 50)
  recipientName: string;

  @Field({ description: 'The recipient’s relationship to me (E3, E5): SPOUSE, PARENT, CHILD, …' })
  relationship: string;

  @Field(() => SafeInt)
  @Min(1)
  amountFen: number;
}
