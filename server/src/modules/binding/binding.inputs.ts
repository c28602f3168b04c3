import type { BindingKind, BindingState, Initiator, RelationshipKind } from '@gongji/shared';
import { Length } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { BindingKindEnum, BindingStateEnum, InitiatorEnum, RelationshipKindEnum, SexEnum } from '../../core/graphql-enums';
import { SafeInt } from '../../core/scalars';

@InputType({ description: 'Member channel: start a binding. The caller is one party; the other is named by ID number and name (E6).' })
export class RequestBindingInput {
  @Field(() => BindingKindEnum, { defaultValue: 'MUTUAL_AID' })
  kind: BindingKind = 'MUTUAL_AID';

  @Field(() => InitiatorEnum, { description: 'Which side the caller is on.' })
  as: Initiator;

  @Field()
  @Length(18, 18)
  counterpartIdNumber: string;

  @Field()
  @Length(1, 50)
  counterpartName: string;

  @Field({
    description:
      "The beneficiary is the giver's …: SPOUSE, PARENT, CHILD, SIBLING, PATERNAL_GRANDPARENT, MATERNAL_GRANDPARENT, GRANDCHILD_VIA_SON, GRANDCHILD_VIA_DAUGHTER. Anything else (e.g. SPOUSE_PARENT) is refused with E3.",
  })
  @Length(1, 40)
  relationship: string;

  @Field(() => SafeInt, { nullable: true })
  singleLimitFen?: number;

  @Field({ nullable: true, description: 'The giver accepts the commitment letter (承诺书) with the request.' })
  commitmentAccepted?: boolean;
}

@InputType()
export class BindingFilter {
  @Field(() => BindingStateEnum, { nullable: true })
  state?: BindingState;

  @Field(() => BindingKindEnum, { nullable: true })
  kind?: BindingKind;

  @Field(() => RelationshipKindEnum, { nullable: true })
  relationship?: RelationshipKind;

  @Field({ nullable: true, description: '2 or 6 digits; matches either party.' })
  region?: string;

  @Field(() => Int, { nullable: true, description: 'Either party.' })
  memberId?: number;

  @Field(() => Int, { nullable: true })
  giverId?: number;

  @Field(() => Int, { nullable: true })
  beneficiaryId?: number;

  @Field(() => [Int], { nullable: true })
  ids?: number[];

  @Field({ nullable: true })
  createdFrom?: Date;

  @Field({ nullable: true })
  createdTo?: Date;
}

@ObjectType({ description: 'E5: the relationship checked against both ID numbers.' })
export class ConsistencyFacts {
  @Field(() => Int)
  giverAge: number;

  @Field(() => Int)
  beneficiaryAge: number;

  @Field(() => SexEnum)
  giverSex: string;

  @Field(() => SexEnum)
  beneficiarySex: string;

  @Field(() => Int, { description: "Beneficiary's age minus giver's age." })
  ageGapYears: number;

  @Field(() => [String])
  problems: string[];
}
