import type { InstitutionKind } from '@gongji/shared';
import { Field, InputType, Int } from 'type-graphql';
import { InstitutionKindEnum } from '../../core/graphql-enums';

@InputType()
export class InstitutionFilter {
  @Field({ nullable: true })
  code?: string;

  @Field({ nullable: true, description: 'Name contains.' })
  name?: string;

  @Field(() => InstitutionKindEnum, { nullable: true })
  kind?: InstitutionKind;

  @Field({ nullable: true, description: '2 or 6 digits.' })
  region?: string;

  @Field({ nullable: true })
  active?: boolean;

  @Field(() => [Int], { nullable: true })
  ids?: number[];
}
