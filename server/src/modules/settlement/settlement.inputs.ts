import type { Category } from '@gongji/shared';
import { Length, Matches } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CategoryEnum, CredentialTypeEnum } from '../../core/graphql-enums';
import { SafeInt } from '../../core/scalars';

@InputType({ description: 'S1: what a designated institution submits.' })
export class SettleInput {
  @Field({ description: 'The institution’s own serial number (1–40 characters).' })
  @Length(1, 40)
  @Matches(/^[A-Za-z0-9_\-.:]+$/)
  serialNo: string;

  @Field()
  @Length(18, 18)
  patientIdNumber: string;

  @Field(() => CredentialTypeEnum)
  credentialType: 'T01' | 'T02' | 'T03';

  @Field()
  @Length(1, 40)
  credentialNo: string;

  @Field(() => CategoryEnum)
  category: Category;

  @Field(() => SafeInt)
  totalFen: number;

  @Field(() => SafeInt)
  poolFen: number;

  @Field(() => SafeInt)
  selfPayFen: number;

  @Field({ description: '就医地 pooling region (6 digits).' })
  @Matches(/^\d{6}$/)
  placeRegion: string;

  @Field()
  treatedAt: Date;

  @Field({ description: 'acct_used_flag: use the patient’s own account.' })
  acctUsedFlag: boolean;

  @Field(() => [String], { nullable: true, description: 'Drug codes of a pharmacy purchase (F5).' })
  drugCodes?: string[];

  /**
   * The settle path's fast check (core/input-validation.ts): true only when every class-validator rule
   * above surely holds — printable ASCII text, so its length is its character count. Anything else
   * (false) gets the full class-validator check and its errors.
   */
  static surelyValid(v: SettleInput): boolean {
    const ascii = (x: unknown, min: number, max: number) => typeof x === 'string' && x.length >= min && x.length <= max && PRINTABLE_ASCII.test(x);
    return (
      ascii(v.serialNo, 1, 40) &&
      SERIAL.test(v.serialNo) &&
      ascii(v.patientIdNumber, 18, 18) &&
      ascii(v.credentialNo, 1, 40) &&
      typeof v.placeRegion === 'string' &&
      REGION.test(v.placeRegion)
    );
  }
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const SERIAL = /^[A-Za-z0-9_\-.:]+$/;
const REGION = /^\d{6}$/;

@InputType({ description: 'S9: a full or partial reversal of a settlement’s self-pay part.' })
export class ReverseInput {
  @Field({ description: 'The reversal’s own serial number.' })
  @Length(1, 40)
  @Matches(/^[A-Za-z0-9_\-.:]+$/)
  serialNo: string;

  @Field()
  @Length(1, 40)
  originalSerialNo: string;

  @Field(() => SafeInt, { nullable: true, description: 'Self-pay amount to refund; default: everything not yet reversed.' })
  amountFen?: number;
}

@InputType()
export class SettlementFilter {
  @Field(() => Int, { nullable: true })
  memberId?: number;

  @Field(() => Int, { nullable: true })
  institutionId?: number;

  @Field(() => CategoryEnum, { nullable: true })
  category?: Category;

  @Field({ nullable: true, description: 'Place of treatment or patient region: 2 or 6 digits.' })
  region?: string;

  @Field({ nullable: true })
  serialNo?: string;

  @Field({ nullable: true })
  from?: Date;

  @Field({ nullable: true })
  to?: Date;
}

@ObjectType({ description: 'A statement line (账户明细).' })
export class StatementLine {
  @Field(() => SafeInt)
  id: number;

  @Field()
  at: Date;

  @Field()
  direction: string;

  @Field(() => SafeInt)
  amountFen: number;

  @Field(() => SafeInt, { nullable: true })
  balanceAfterFen: number | null;

  @Field()
  cause: string;

  @Field(() => SafeInt, { nullable: true })
  settlementId: number | null;

  @Field(() => String, { nullable: true, description: 'For mutual-aid lines: the other party, masked.' })
  counterpart: string | null;

  @Field(() => String, { nullable: true })
  category: string | null;

  @Field(() => String, { nullable: true })
  institutionName: string | null;
}

@ObjectType()
export class StatementPage {
  @Field(() => [StatementLine])
  items: StatementLine[];

  @Field(() => Int)
  total: number;
}
