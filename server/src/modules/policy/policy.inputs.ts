import type { ActivationMode, Category, DocType, RelationshipKind } from '@gongji/shared';
import { ArrayUnique, IsOptional, Length, Matches, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ActivationModeEnum, CategoryEnum, DocTypeEnum, RelationshipKindEnum } from '../../core/graphql-enums';
import { SafeInt } from '../../core/scalars';

// Ranges, formats and choices of the knobs are checked against the knob catalogue
// (shared/src/policy-knobs.ts) by the service (`rulesFromInput`), not by decorators here.

@ObjectType('FraudThresholds')
@InputType('FraudThresholdsInput')
export class FraudThresholdsType {
  @Field(() => Int, { description: 'F3 (retired, kept for stored versions): the old fixed travel window, minutes' }) travelWindowMinutes: number;
  @Field(() => Int, { description: 'F3: fastest plausible travel between two settlements, km/h', defaultValue: 300 }) maxTravelSpeedKmh: number;
  @Field(() => Int, { description: 'F3: places at least this far apart are judged by speed, km' }) travelDistanceKm: number;
  @Field(() => Int, { description: 'F3: distinct institutions on one day' }) institutionsPerDay: number;
  @Field(() => Int, { description: 'F5: pharmacy purchases per period' }) pharmacyVisitsPerPeriod: number;
  @Field(() => Int, { description: 'F5: period, days' }) pharmacyPeriodDays: number;
  @Field(() => Int, { description: 'F5: distinct pharmacies on one day' }) pharmaciesPerDay: number;
  @Field(() => Int, { description: 'F5: pharmacy purchases on one day', defaultValue: 5 }) pharmacyPurchasesPerDay: number;
  @Field(() => Int, { description: 'F5: same drug bought this many times in the period' }) sameDrugRepeats: number;
  @Field(() => Int, { description: 'F6: percent of the balance spent after a new binding' }) drainPercent: number;
  @Field(() => Int, { description: 'F6: days after the binding' }) drainWindowDays: number;
  @Field(() => Int, { description: 'F8: beneficiaries paid for by one giver' }) fanOutBeneficiaries: number;
  @Field(() => Int, { description: 'F8: patients one institution settles against one giver' }) fanOutInstitutionPatients: number;
  @Field(() => Int, { description: 'F8: window, days' }) fanOutWindowDays: number;
  @Field(() => Int, { description: 'F8: spouses a giver pays for without counting as fan-out', defaultValue: 1 }) householdSpouses: number;
  @Field(() => Int, { description: 'F8: parents a giver pays for without counting as fan-out', defaultValue: 2 }) householdParents: number;
  @Field(() => Int, { description: 'F8: children and grandchildren a giver pays for without counting as fan-out', defaultValue: 4 }) householdDescendants: number;
  @Field(() => Int, { description: 'F7: failed binding attempts in 30 days' }) bindingMismatchAttempts: number;
  @Field(() => Int, { description: 'F4: youngest plausible age for a maternity settlement' }) maternityMinAge: number;
  @Field(() => Int, { description: 'F4: oldest plausible age for a maternity settlement' }) maternityMaxAge: number;
}

@ObjectType('WalletPolicy')
@InputType('WalletPolicyInput')
export class WalletPolicyType {
  @Field({ description: 'W1: wallet transfers allowed' }) enabled: boolean;
  @Field(() => Int, { description: 'W2: transfers per sender per Beijing day' }) maxTransfersPerDay: number;
  @Field(() => SafeInt, { description: 'W2: largest single transfer, fen' }) maxTransferFen: number;
  @Field({ description: 'W2: quiet period start, Beijing HH:MM' }) quietFrom: string;
  @Field({ description: 'W2: quiet period end, Beijing HH:MM' }) quietUntil: string;
  @Field(() => Int, { description: 'W3: days to accept before the transfer returns' }) acceptanceDays: number;
}

@ObjectType('RequiredProof')
@InputType('RequiredProofInput')
export class RequiredProofType {
  @Field(() => RelationshipKindEnum)
  relationship: RelationshipKind;

  @Field(() => [DocTypeEnum], { description: 'Any one of these satisfies the requirement; [] means none needed.' })
  @ArrayUnique()
  docTypes: DocType[];
}

/** Every knob of one policy version (see PolicyRules in @gongji/shared), as GraphQL output and input. */
@ObjectType('PolicyRules')
@InputType('PolicyRulesInput')
export class PolicyRulesType {
  @Field(() => [RelationshipKindEnum], { description: 'E3' }) @ArrayUnique() allowedRelationships: RelationshipKind[];
  @Field({ description: 'E7' }) intraProvinceSharing: boolean;
  @Field({ description: 'E7' }) crossProvinceSharing: boolean;
  @Field({ description: 'E8' }) beneficiaryMayInitiate: boolean;
  @Field({ description: 'E8' }) confirmationRequired: boolean;
  @Field(() => [RequiredProofType], { description: 'E9' }) @ValidateNested({ each: true }) requiredProofs: RequiredProofType[];
  @Field(() => ActivationModeEnum, { description: 'E9' }) activationMode: ActivationMode;
  @Field(() => Int, { nullable: true, description: 'E4' }) @IsOptional() maxGiversPerBeneficiary: number | null;
  @Field(() => Int, { nullable: true, description: 'E4' }) @IsOptional() maxBeneficiariesPerGiver: number | null;
  @Field({ description: 'E4' }) singleFamilyNetwork: boolean;
  @Field(() => [CategoryEnum], { description: 'S5' }) @ArrayUnique() allowedCategories: Category[];
  @Field(() => SafeInt, { nullable: true, description: 'S5' }) @IsOptional() commercialInsuranceMinBalanceFen: number | null;
  @Field({ description: 'S14, MM-DD' }) residentPremiumWindowStart: string;
  @Field({ description: 'S14, MM-DD' }) residentPremiumWindowEnd: string;
  @Field(() => SafeInt, { description: 'S14' }) residentPremiumFen: number;
  @Field(() => SafeInt, { description: 'S13' }) retireeMonthlyCreditFen: number;
  @Field(() => Int, { description: 'S13, permille of the contribution base' }) employeeAccountRatePermille: number;
  @Field(() => SafeInt, { nullable: true, description: 'S15: the largest total (fen) of one settlement; omitted = the default, 10,000,000 yuan' })
  @IsOptional()
  settlementMaxTotalFen: number | null;
  @Field(() => FraudThresholdsType, { description: 'F3–F8' }) @ValidateNested() fraud: FraudThresholdsType;
  @Field(() => WalletPolicyType, { nullable: true, description: 'W1–W3 (defaults when omitted)' }) @IsOptional() @ValidateNested() wallet?: WalletPolicyType;
  @Field({ nullable: true, description: 'C4 (default false)' }) @IsOptional() accountWithdrawalAllowed?: boolean;
}

@InputType()
export class CreatePolicyVersionInput {
  @Field()
  @Matches(/^\d{2}$/)
  provinceCode: string;

  @Field({ description: 'YYYY-MM-DD, today or later (history is never rewritten).' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  effectiveFrom: string;

  @Field(() => PolicyRulesType)
  @ValidateNested()
  rules: PolicyRulesType;

  @Field()
  @Length(2, 500)
  note: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version the edit started from. When given it must be the version in force on effectiveFrom (scheduled ones included), else STALE_POLICY_BASE.',
  })
  @IsOptional()
  @Min(1)
  basedOnVersionId?: number | null;
}

@InputType()
export class PolicyVersionFilter {
  @Field({ nullable: true })
  provinceCode?: string;

  @Field({ nullable: true, description: 'Only the version in force on this date, one per province.' })
  effectiveOn?: string;

  @Field(() => [Int], { nullable: true })
  ids?: number[];
}

@ObjectType()
export class PolicyChangeType {
  @Field()
  path: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}

@ObjectType({ description: 'One provincial unit on the China map.' })
export class ProvincePolicyStatus {
  @Field()
  provinceCode: string;

  @Field()
  name: string;

  @Field()
  crossProvinceSharing: boolean;

  @Field()
  intraProvinceSharing: boolean;

  @Field(() => Int)
  policyVersionId: number;

  @Field(() => Int)
  version: number;

  @Field()
  effectiveFrom: string;

  @Field(() => String, { nullable: true, description: 'A future version already scheduled, if any.' })
  nextEffectiveFrom: string | null;
}
