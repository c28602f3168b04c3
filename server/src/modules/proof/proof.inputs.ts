import type { DocType, ProofReviewState, RelationshipKind } from '@gongji/shared';
import { Length } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { DocTypeEnum, ProofReviewStateEnum, RelationshipKindEnum } from '../../core/graphql-enums';

export const ReviewDecisionEnum = { APPROVE: 'APPROVE', REJECT: 'REJECT' } as const;
registerEnumType(ReviewDecisionEnum, { name: 'ReviewDecision' });

@InputType({ description: 'A relationship proof document, base64-encoded (PNG, JPEG or PDF).' })
export class UploadProofInput {
  @Field(() => Int)
  bindingId: number;

  @Field(() => DocTypeEnum)
  docType: DocType;

  @Field()
  @Length(1, 200)
  fileName: string;

  @Field()
  @Length(1, 80)
  mimeType: string;

  @Field()
  contentBase64: string;
}

@InputType()
export class ProofFilter {
  @Field(() => ProofReviewStateEnum, { nullable: true })
  reviewState?: ProofReviewState;

  @Field(() => Int, { nullable: true })
  bindingId?: number;

  @Field(() => DocTypeEnum, { nullable: true })
  docType?: DocType;

  @Field(() => RelationshipKindEnum, { nullable: true })
  relationship?: RelationshipKind;

  @Field({ nullable: true, description: '2 or 6 digits; either party of the binding.' })
  region?: string;

  @Field(() => [Int], { nullable: true })
  ids?: number[];
}
