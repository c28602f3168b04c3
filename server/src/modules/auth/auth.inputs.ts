import type { StaffPermission, StaffRole } from '@gongji/shared';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { StaffPermissionEnum, StaffRoleEnum } from '../../core/graphql-enums';
import { Length } from 'class-validator';
import { StaffUser } from '../staff/staff.entity';

@InputType()
export class StaffLoginInput {
  @Field()
  @Length(1, 40)
  username: string;

  @Field()
  @Length(1, 200)
  password: string;
}

@InputType()
export class InstitutionLoginInput {
  @Field()
  @Length(1, 20)
  code: string;

  @Field()
  @Length(1, 200)
  secret: string;
}

@InputType({ description: 'The member channel vouches for a member it has verified (real-name check) and gets a token for that member only.' })
export class MemberChannelLoginInput {
  @Field()
  @Length(1, 40)
  clientId: string;

  @Field()
  @Length(1, 200)
  clientSecret: string;

  @Field()
  @Length(18, 18)
  idNumber: string;

  @Field()
  @Length(1, 50)
  name: string;
}

@ObjectType()
export class AuthToken {
  @Field()
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => StaffUser, { nullable: true })
  staff?: StaffUser | null;

  @Field({ description: 'A7: staff only — the token allows nothing but changePassword until the password is changed.', defaultValue: false })
  mustChangePassword?: boolean;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @Length(1, 200)
  currentPassword: string;

  @Field({ description: 'At least 12 characters, 3 of: lower case, upper case, digits, symbols.' })
  @Length(1, 200)
  newPassword: string;
}

@ObjectType({ description: 'Who is calling.' })
export class Viewer {
  @Field()
  kind: string;

  @Field(() => Int, { nullable: true })
  id: number | null;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => [StaffRoleEnum])
  roles: StaffRole[];

  @Field(() => [StaffPermissionEnum])
  permissions: StaffPermission[];

  @Field(() => String, { nullable: true, description: 'Staff scope: null national, 2-digit province, 6-digit pooling region.' })
  scope: string | null;

  @Field({ description: 'A7: staff must change their password before anything else.', defaultValue: false })
  mustChangePassword?: boolean;
}

