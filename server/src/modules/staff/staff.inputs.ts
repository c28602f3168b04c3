import { IsOptional, Length, Matches } from 'class-validator';
import type { StaffRole } from '@gongji/shared';
import { Field, InputType } from 'type-graphql';
import { StaffRoleEnum } from '../../core/graphql-enums';

@InputType({ description: 'Filter of the staff accounts list (A1); always within the caller’s scope.' })
export class StaffFilter {
  @Field({ nullable: true, description: 'Part of the username or display name.' })
  @IsOptional()
  @Length(1, 60)
  search?: string;

  @Field(() => StaffRoleEnum, { nullable: true })
  @IsOptional()
  role?: StaffRole;

  @Field({ nullable: true, description: 'Accounts scoped to this province or pooling region (or inside it).' })
  @IsOptional()
  @Matches(/^\d{2}(\d{4})?$/)
  scope?: string;

  @Field({ nullable: true })
  @IsOptional()
  active?: boolean;
}
