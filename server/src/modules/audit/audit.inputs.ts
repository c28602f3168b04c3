import { IsHexadecimal, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';

/** Entries one auditChainCheck call verifies at most (about a second of work). */
export const CHAIN_WINDOW_MAX = 100_000;

@ArgsType()
export class AuditChainArgs {
  @Field(() => Int, { nullable: true, description: 'Continue after this entry (the lastId of the previous window); absent: from the first entry.' })
  afterId?: number | null;

  @Field(() => String, { nullable: true, description: 'The lastHash of the previous window; required with afterId.' })
  @IsHexadecimal()
  @Length(64, 64)
  afterHash?: string | null;

  @Field(() => Int, { defaultValue: CHAIN_WINDOW_MAX, description: `Entries to verify in this call, 1–${CHAIN_WINDOW_MAX.toLocaleString('en')}.` })
  @Min(1)
  @Max(CHAIN_WINDOW_MAX)
  limit: number = CHAIN_WINDOW_MAX;
}

@InputType()
export class AuditFilter {
  @Field({ nullable: true })
  actorName?: string;

  @Field({ nullable: true, description: 'Action prefix, e.g. "binding." or "member.reveal".' })
  action?: string;

  @Field({ nullable: true })
  entityType?: string;

  @Field({ nullable: true })
  entityId?: string;

  @Field({ nullable: true })
  from?: Date;

  @Field({ nullable: true })
  to?: Date;
}
