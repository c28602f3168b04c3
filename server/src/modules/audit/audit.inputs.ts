import { Field, InputType } from 'type-graphql';

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
