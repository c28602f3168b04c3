import type { FraudRule } from '@gongji/shared';
import { Length, Max, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { FraudRuleEnum } from '../../core/graphql-enums';
import { SafeInt } from '../../core/scalars';
import { Binding } from '../binding/binding.entity';
import { FraudSignal } from '../fraud-signal/fraud-signal.entity';
import { Member } from '../member/member.entity';
import { FraudCase } from './fraud-case.entity';
import { CaseStateEnum, CaseSubjectEnum, type CaseState, type CaseSubject } from './fraud.enums';

@InputType()
export class FraudCaseFilter {
  @Field(() => CaseStateEnum, { nullable: true })
  state?: CaseState;

  @Field(() => [CaseStateEnum], { nullable: true, description: 'Any of these states.' })
  states?: CaseState[];

  @Field(() => FraudRuleEnum, { nullable: true, description: 'Cases that include this rule.' })
  rule?: FraudRule;

  @Field({ nullable: true, description: 'A province (2 digits) or pooling region (6 digits); matches either region of the case.' })
  regionCode?: string;

  @Field(() => Int, { nullable: true })
  minScore?: number;

  @Field(() => Int, { nullable: true })
  assigneeId?: number;

  @Field(() => CaseSubjectEnum, { nullable: true })
  subjectType?: CaseSubject;

  @Field(() => Int, { nullable: true })
  subjectId?: number;
}

@InputType({ description: 'Confirm a case (INVESTIGATING → CONFIRMED) with any combination of sanctions.' })
export class ConfirmFraudCaseInput {
  @Field(() => Int)
  caseId: number;

  @Field()
  @Length(1, 500)
  reason: string;

  @Field(() => Int, { nullable: true, description: "Suspend the subject member's network settlement for 3–12 months (S10)." })
  suspendMemberMonths?: number;

  @Field(() => [Int], { nullable: true, description: 'Suspend these bindings (L1); each must be linked to the case.' })
  suspendBindingIds?: number[];

  @Field(() => [SafeInt], { nullable: true, description: 'Recover the money by fully reversing these settlements (S9); each must be linked to the case.' })
  recoverSettlementIds?: number[];

  @Field({ nullable: true, description: 'Recover every settlement linked to the case that is not yet reversed (with recoverSettlementIds, the union).' })
  recoverAll?: boolean;

  @Field(() => Int, { nullable: true, description: 'Record a fine of 2–5 × the amount involved.' })
  fineMultiplier?: number;

  @Field(() => SafeInt, { nullable: true, description: 'The amount involved for the fine; default: the account money of the settlements linked to the case.' })
  fineBaseFen?: number;
}

@InputType({ description: 'F9: flag exactly one settlement, member or binding.' })
export class FlagFraudInput {
  @Field(() => SafeInt, { nullable: true })
  settlementId?: number;

  @Field(() => Int, { nullable: true })
  memberId?: number;

  @Field(() => Int, { nullable: true })
  bindingId?: number;

  @Field({ description: 'e.g. "举报：冒用他人医保卡" (tip-off: impersonation)' })
  @Length(1, 500)
  reason: string;

  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @Min(1)
  @Max(100)
  score?: number;
}

@ObjectType()
export class CountBucket {
  @Field()
  key: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Dashboard counts of the cases in your scope.' })
export class FraudCaseCounts {
  @Field(() => Int)
  total: number;

  @Field(() => [CountBucket], { description: 'Cases per rule they include (a case with F3 and F5 counts for both).' })
  byRule: CountBucket[];

  @Field(() => [CountBucket], { description: 'Cases per province of the subject.' })
  byRegion: CountBucket[];

  @Field(() => [CountBucket])
  byState: CountBucket[];
}

@ObjectType()
export class PatternBucket {
  @Field()
  key: string;

  @Field(() => Int)
  count: number;

  @Field(() => SafeInt)
  selfPayFen: number;

  @Field(() => SafeInt, { description: 'Paid from accounts (own + mutual aid).' })
  accountFen: number;
}

@ObjectType({ description: "A member's fraud risk at a glance." })
export class MemberRiskProfile {
  @Field(() => Member)
  member: Member;

  @Field(() => Int, { description: 'Highest score among the open cases, 0 if none.' })
  openScore: number;

  @Field(() => [FraudCase])
  cases: FraudCase[];

  @Field(() => [FraudSignal])
  signals: FraudSignal[];

  @Field(() => [Binding], { description: 'As giver or beneficiary.' })
  bindings: Binding[];

  @Field(() => [PatternBucket], { description: 'Settlements as patient, by place of treatment.' })
  byPlace: PatternBucket[];

  @Field(() => [PatternBucket], { description: 'Settlements as patient, by category.' })
  byCategory: PatternBucket[];
}

@ObjectType({ description: '为什么是这个分数: one term of a case score.' })
export class FraudScoreFactor {
  @Field({ description: 'What the points are for (Chinese).' })
  label: string;

  @Field(() => Int)
  points: number;
}
