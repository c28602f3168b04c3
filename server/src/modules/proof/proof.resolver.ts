import { LIST_SORTS } from '@gongji/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { pageSelection } from '../../core/list-query';
import { ListArgs, PageOf } from '../../core/pagination';
import { resultUnion } from '../../core/results';
import { Binding } from '../binding/binding.entity';
import { RelationshipProof } from './proof.entity';
import { ProofFilter, ReviewDecisionEnum, UploadProofInput } from './proof.inputs';
import * as proofs from './proof.service';
import { visibleBinding } from '../../core/loaders';

const ProofPage = PageOf(RelationshipProof, 'RelationshipProof');
const ProofResult = resultUnion('Proof', RelationshipProof);
const ApprovedBindingResult = resultUnion('ApproveBindingWithProofs', Binding);

@Resolver(() => RelationshipProof)
export class ProofResolver {
  @Authorized('MEMBER')
  @Mutation(() => ProofResult, { description: 'E9: upload a relationship proof (PNG, JPEG or PDF, base64).' })
  uploadProof(@Ctx() ctx: RequestContext, @Arg('input') input: UploadProofInput) {
    return proofs.uploadProof(ctx, input);
  }

  @Authorized()
  @Query(() => ProofPage, { description: `The review queue (oldest first by default). sortField: ${LIST_SORTS.proofs.join(', ')}.` })
  proofs(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Info() info: GraphQLResolveInfo, @Arg('filter', () => ProofFilter, { nullable: true }) filter?: ProofFilter) {
    return proofs.listProofs(ctx, filter, args, pageSelection(info));
  }

  @Authorized()
  @Query(() => RelationshipProof, { nullable: true })
  proof(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return proofs.findProof(ctx, id);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => ProofResult, { description: 'E9: approve or reject a proof; a rejection needs a reason.' })
  reviewProof(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => Int) id: number,
    @Arg('decision', () => ReviewDecisionEnum) decision: 'APPROVE' | 'REJECT',
    @Arg('reason', () => String, { nullable: true }) reason?: string,
  ) {
    return proofs.reviewProof(ctx, id, decision, reason);
  }

  @Authorized('CASEWORKER')
  @Mutation(() => ApprovedBindingResult, {
    description: 'E9: approve every pending proof of a pending binding and then the binding, in one transaction. proofIds: the pending proofs the reviewer saw (a stale view is refused).',
  })
  approveBindingWithProofs(
    @Ctx() ctx: RequestContext,
    @Arg('bindingId', () => Int) bindingId: number,
    @Arg('proofIds', () => [Int]) proofIds: number[],
    @Arg('reason') reason: string,
  ) {
    return proofs.approveBindingWithProofs(ctx, bindingId, proofIds, reason);
  }

  @FieldResolver(() => String, { description: 'Download path (same bearer token).' })
  url(@Root() p: RelationshipProof) {
    return `/files/proofs/${p.id}`;
  }

  @FieldResolver(() => Binding, { nullable: true })
  binding(@Root() p: RelationshipProof, @Ctx() ctx: RequestContext) {
    return visibleBinding(ctx, p.bindingId);
  }
}
