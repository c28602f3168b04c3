import type { Initiator, Sex } from '@gongji/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { InitiatorEnum, SexEnum } from '../../core/graphql-enums';

/**
 * Member channel (A6): the other party of one of my bindings, as much as the binding needs and no
 * more — a masked name, sex, birth year and what the binding lets each side do. Never a balance,
 * never that person's other bindings.
 */
@ObjectType({ description: 'Member channel: the other party of one of my bindings (masked; no balance, no other bindings).' })
export class Relative {
  @Field({ description: 'Masked name (A3).' })
  name: string;

  @Field(() => SexEnum)
  sex: Sex;

  @Field(() => Int)
  birthYear: number;

  @Field(() => InitiatorEnum, { description: 'Their side of the binding: GIVER pays for me, BENEFICIARY is paid for by me.' })
  role: Initiator;

  @Field({ description: 'While the binding is active: may they pay for me?' })
  paysForMe: boolean;

  @Field({ description: 'While the binding is active: may I pay for them?' })
  iPayForThem: boolean;
}
