import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { MemberStatus, Scheme } from '@gongji/shared';
import { MemberStatusEnum, SchemeEnum } from '../../core/graphql-enums';

@InputType()
export class MemberFilter {
  @Field({ nullable: true, description: 'Exact ID number, 18 characters or the old 15-digit form (R3: both find the member). Audited (A4).' })
  @Length(15, 18)
  idNumber?: string;

  @Field({ nullable: true, description: 'Name prefix (1–50 characters; % and _ match themselves). Audited (A4).' })
  @Length(1, 50)
  name?: string;

  @Field({ nullable: true, description: 'A 2-digit province or 6-digit pooling region.' })
  @Matches(/^(\d{2}|\d{6})$/)
  region?: string;

  @Field(() => SchemeEnum, { nullable: true })
  scheme?: Scheme;

  @Field(() => MemberStatusEnum, { nullable: true })
  status?: MemberStatus;

  @Field(() => [Int], { nullable: true })
  @ArrayMaxSize(200)
  ids?: number[];
}

@InputType()
export class MemberEventInput {
  @Field(() => Int)
  memberId: number;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date: string;

  @Field()
  @Length(2, 500)
  reason: string;
}

@InputType({ description: 'A change pushed from the insurance registry.' })
export class MemberRegistryUpdateInput {
  @Field(() => Int)
  memberId: number;

  @Field(() => SchemeEnum, { nullable: true })
  scheme?: Scheme;

  @Field({ nullable: true })
  @Matches(/^\d{6}$/)
  insuredRegion?: string;

  @Field({ nullable: true })
  retired?: boolean;

  @Field({ nullable: true, description: 'R2: the date of the change (YYYY-MM-DD), recorded in the audit log.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date?: string;

  @Field()
  @Length(2, 500)
  reason: string;
}

@ObjectType({ description: 'Clear personal data, returned once by an audited reveal (A3).' })
export class RevealedMember {
  @Field(() => Int)
  id: number;

  @Field()
  idNumber: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field({ description: 'YYYY-MM-DD (A5: shown only with the revealed ID number).' })
  birthDate: string;
}
