import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import type { Scheme } from '@gongji/shared';
import { SchemeEnum } from '../../core/graphql-enums';

@InputType({ description: 'R1: a member created by staff (in scope); the ID number is checked by R3.' })
export class CreateMemberInput {
  @Field({ description: '18 digits, or an old 15-digit number (upgraded).' })
  @Length(15, 18)
  idNumber: string;

  @Field()
  @Length(1, 50)
  name: string;

  @Field(() => SchemeEnum)
  scheme: Scheme;

  @Field()
  @Matches(/^\d{6}$/)
  insuredRegion: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[\d+\- ]{5,20}$/)
  phone?: string | null;

  @Field({ nullable: true })
  retired?: boolean;

  @Field(() => Int, { nullable: true, description: 'Monthly contribution base in fen.' })
  @IsOptional()
  @Min(0)
  @Max(100_000_000)
  contributionBaseFen?: number | null;

  @Field()
  @Length(2, 500)
  reason: string;
}

@InputType({ description: 'R1: correct a member’s name or contact data (staff, in scope, audited).' })
export class CorrectMemberInput {
  @Field(() => Int)
  memberId: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 50)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[\d+\- ]{5,20}$/)
  phone?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100_000_000)
  contributionBaseFen?: number | null;

  @Field()
  @Length(2, 500)
  reason: string;
}
