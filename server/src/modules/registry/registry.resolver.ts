import { Arg, Args, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { ListArgs, PageOf } from '../../core/pagination';
import { resultUnion } from '../../core/results';
import { Member } from '../member/member.entity';
import { ImportJob, ImportProblem } from './import-job.entity';
import { CorrectMemberInput, CreateMemberInput } from './registry.inputs';
import * as imports from './registry-import.service';
import * as registry from './registry-member.service';

const ImportJobPage = PageOf(ImportJob, 'ImportJob');
const ImportProblemPage = PageOf(ImportProblem, 'ImportProblem');
const CreatedMemberResult = resultUnion('CreateMember', Member);
const CorrectedMemberResult = resultUnion('CorrectMember', Member);

@Resolver()
export class RegistryResolver {
  @Authorized('CASEWORKER', 'REGIONAL_ADMIN', 'AUDITOR')
  @Query(() => ImportJobPage, { description: 'R1: registry imports in the caller’s scope, newest last unless sorted. sortField: id, startedAt.' })
  importJobs(@Ctx() ctx: RequestContext, @Args() args: ListArgs) {
    return imports.listImportJobs(ctx, args);
  }

  @Authorized('CASEWORKER', 'REGIONAL_ADMIN', 'AUDITOR')
  @Query(() => ImportJob, { nullable: true, description: 'R1: one import with its progress and counts (poll while RUNNING), or null.' })
  importJob(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return imports.findImportJob(ctx, id);
  }

  @Authorized('CASEWORKER', 'REGIONAL_ADMIN', 'AUDITOR')
  @Query(() => ImportProblemPage, { description: 'R1: the problems of an import (row, column, rule). sortField: id, rowNumber.' })
  importProblems(@Ctx() ctx: RequestContext, @Arg('jobId', () => Int) jobId: number, @Args() args: ListArgs) {
    return imports.listImportProblems(ctx, jobId, args);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => CreatedMemberResult, { description: 'R1: register one member (in scope); the ID number must pass R3.' })
  createMember(@Ctx() ctx: RequestContext, @Arg('input') input: CreateMemberInput) {
    return registry.createMember(ctx, input);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => CorrectedMemberResult, { description: 'R1: correct a member’s name, phone or contribution base (in scope, audited).' })
  correctMember(@Ctx() ctx: RequestContext, @Arg('input') input: CorrectMemberInput) {
    return registry.correctMember(ctx, input);
  }
}
