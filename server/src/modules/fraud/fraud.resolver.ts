import { LIST_SORTS, type FraudRule } from '@gongji/shared';
import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { FraudRuleEnum } from '../../core/graphql-enums';
import { ListArgs, PageOf } from '../../core/pagination';
import { resultUnion } from '../../core/results';
import { Binding } from '../binding/binding.entity';
import { FraudSignal } from '../fraud-signal/fraud-signal.entity';
import { Member } from '../member/member.entity';
import { Settlement } from '../settlement/settlement.entity';
import { StaffUser } from '../staff/staff.entity';
import { FraudCase, FraudCaseNote, FraudSanction } from './fraud-case.entity';
import { CaseStateEnum, type CaseState } from './fraud.enums';
import { ConfirmFraudCaseInput, FlagFraudInput, FraudCaseCounts, FraudCaseFilter, FraudScoreFactor, MemberRiskProfile } from './fraud.inputs';
import * as fraud from './fraud.service';
import { canSeeBinding, canSeeMember, canSeeSettlement } from '../../core/loaders';

const FraudCasePage = PageOf(FraudCase, 'FraudCase');
const FraudCaseResult = resultUnion('FraudCase', FraudCase);

@Resolver(() => FraudCase)
export class FraudResolver {
  // ---- queries: analysts and auditors (read-only), scope-filtered
  @Authorized('FRAUD_ANALYST', 'AUDITOR')
  @Query(() => FraudCasePage, { description: `Fraud cases in your scope. sortField: ${LIST_SORTS.fraudCases.join(', ')}.` })
  fraudCases(@Ctx() ctx: RequestContext, @Arg('filter', () => FraudCaseFilter, { nullable: true }) filter: FraudCaseFilter | undefined, @Args() args: ListArgs) {
    return fraud.listCases(ctx, filter, args);
  }

  @Authorized('FRAUD_ANALYST', 'AUDITOR')
  @Query(() => FraudCase)
  fraudCase(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return fraud.getCase(ctx, id);
  }

  @Authorized('FRAUD_ANALYST', 'AUDITOR')
  @Query(() => [StaffUser], { description: "Analysts this case can be assigned to: active, with a scope covering one of the case's regions." })
  fraudCaseAssignees(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return fraud.caseAssignees(ctx, id);
  }

  @Authorized('FRAUD_ANALYST', 'AUDITOR')
  @Query(() => FraudCaseCounts, { description: 'Dashboard: case counts by rule, province and state.' })
  fraudCaseCounts(@Ctx() ctx: RequestContext, @Arg('state', () => CaseStateEnum, { nullable: true }) state: CaseState | undefined) {
    return fraud.caseCounts(ctx, state);
  }

  @Authorized('FRAUD_ANALYST', 'AUDITOR')
  @Query(() => MemberRiskProfile, { description: "A member's cases, signals, bindings and settlement pattern." })
  memberRiskProfile(@Ctx() ctx: RequestContext, @Arg('memberId', () => Int) memberId: number) {
    return fraud.memberRiskProfile(ctx, memberId);
  }

  // ---- workflow: fraud analysts
  @Authorized('FRAUD_ANALYST')
  @Mutation(() => FraudCaseResult, { description: 'Assign a case to a fraud analyst (default: yourself).' })
  assignFraudCase(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('assigneeId', () => Int, { nullable: true }) assigneeId?: number) {
    return fraud.assignCase(ctx, id, assigneeId);
  }

  @Authorized('FRAUD_ANALYST')
  @Mutation(() => FraudCaseResult, { description: 'OPEN → INVESTIGATING.' })
  startFraudInvestigation(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return fraud.startInvestigation(ctx, id);
  }

  @Authorized('FRAUD_ANALYST')
  @Mutation(() => FraudCaseResult, { description: 'Add a note to the case timeline.' })
  addFraudCaseNote(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('text') text: string) {
    return fraud.addCaseNote(ctx, id, text);
  }

  @Authorized('FRAUD_ANALYST')
  @Mutation(() => FraudCaseResult, { description: 'INVESTIGATING → CONFIRMED, applying the chosen sanctions.' })
  confirmFraudCase(@Ctx() ctx: RequestContext, @Arg('input') input: ConfirmFraudCaseInput) {
    return fraud.confirmCase(ctx, input);
  }

  @Authorized('FRAUD_ANALYST')
  @Mutation(() => FraudCaseResult, { description: 'OPEN or INVESTIGATING → DISMISSED; a reason is required.' })
  dismissFraudCase(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number, @Arg('reason') reason: string) {
    return fraud.dismissCase(ctx, id, reason);
  }

  @Authorized('FRAUD_ANALYST', 'CASEWORKER')
  @Mutation(() => FraudCaseResult, { description: 'F9: flag a settlement, member or binding (e.g. from a tip-off); opens or joins a case.' })
  flagFraud(@Ctx() ctx: RequestContext, @Arg('input') input: FlagFraudInput) {
    return fraud.flag(ctx, input);
  }

  // ---- case details
  @FieldResolver(() => [FraudRuleEnum], { description: 'Every rule among the case’s signals.' })
  rules(@Root() c: FraudCase): FraudRule[] {
    return fraud.rulesOf(c) as FraudRule[];
  }

  @FieldResolver(() => [FraudScoreFactor], { description: '为什么是这个分数: the terms that add up to the score (base, amount, repetition, relationships, further signals).' })
  scoreBreakdown(@Root() c: FraudCase): FraudScoreFactor[] {
    return fraud.scoreBreakdownOf(c);
  }

  @FieldResolver(() => [FraudSignal], { description: 'The signals with their evidence (JSON).' })
  signals(@Root() c: FraudCase, @Ctx() ctx: RequestContext) {
    return fraud.signalsOf(ctx, c);
  }

  @FieldResolver(() => [FraudCaseNote], { description: 'Timeline: notes and system events.' })
  notes(@Root() c: FraudCase, @Ctx() ctx: RequestContext) {
    return fraud.notesOf(ctx, c);
  }

  @FieldResolver(() => [FraudSanction])
  sanctions(@Root() c: FraudCase, @Ctx() ctx: RequestContext) {
    return fraud.sanctionsOf(ctx, c);
  }

  @FieldResolver(() => [Settlement], { description: 'Settlements named by the signals.' })
  async settlements(@Root() c: FraudCase, @Ctx() ctx: RequestContext) {
    // A1/A6: a case may span two provinces; each record is shown only where the caller may see it.
    return (await fraud.settlementsOf(ctx, c)).filter((s) => canSeeSettlement(ctx, s));
  }

  @FieldResolver(() => [Binding], { description: 'Bindings named by the case.' })
  async bindings(@Root() c: FraudCase, @Ctx() ctx: RequestContext) {
    return (await fraud.bindingsOf(ctx, c)).filter((b) => canSeeBinding(ctx, b));
  }

  @FieldResolver(() => [Member], { description: 'Members named by the case (masked, A3).' })
  async members(@Root() c: FraudCase, @Ctx() ctx: RequestContext) {
    return (await fraud.membersOf(ctx, c)).filter((m) => canSeeMember(ctx, m));
  }

  @FieldResolver(() => StaffUser, { nullable: true })
  assignee(@Root() c: FraudCase, @Ctx() ctx: RequestContext) {
    return fraud.assigneeOf(ctx, c);
  }
}
