import { GraphQLError } from 'graphql';
import { Field, ObjectType } from 'type-graphql';

/**
 * An expected business failure: a rule of DOMAIN.md (E1…A4) or an input check refused the request.
 * Mutations return it as a `RuleViolation` value and the whole transaction is rolled back.
 */
export type ErrorParams = Record<string, string | number | boolean | null>;

export class DomainError extends Error {
  constructor(
    readonly rule: string,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Values the message was built from, so a client can word it itself from `code` (admin i18n). */
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Input that is malformed regardless of any rule. */
export class InvalidInputError extends DomainError {
  constructor(code: string, message: string, field?: string) {
    super('INPUT', code, message, field);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string | number) {
    super('NOT_FOUND', `${entity.toUpperCase()}_NOT_FOUND`, `${entity} ${id} 不存在或不在您的权限范围内 (not found or out of scope)`, undefined, { entity, id });
  }
}

@ObjectType({ simpleResolvers: true, description: 'One value a RuleViolation message was built from (the client words the message from code + params).' })
export class ErrorParam {
  @Field()
  key: string;

  @Field({ description: 'The value as text (numbers and booleans stringified).' })
  value: string;
}

/** `{ a: 1 }` → `[{ key: 'a', value: '1' }]` (null values are left out). */
export function paramList(params: ErrorParams | undefined): ErrorParam[] {
  return Object.entries(params ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([key, value]) => Object.assign(new ErrorParam(), { key, value: String(value) }));
}

@ObjectType({ simpleResolvers: true, description: 'A business rule refused the request. Nothing was changed.' })
export class RuleViolation {
  @Field({ description: 'The rule id from DOMAIN.md (E3, S8, A1, …), INPUT for malformed input, or NOT_FOUND.' })
  rule: string;

  @Field({ description: 'A stable machine-readable code, e.g. RELATIONSHIP_NOT_ALLOWED.' })
  code: string;

  @Field({ description: 'A readable message (Chinese, with English in brackets).' })
  message: string;

  @Field({ nullable: true, description: 'The input field at fault, when there is one.' })
  field?: string;

  @Field(() => [ErrorParam], { description: 'The values in the message, for clients that translate by code (empty when the error has none).' })
  params: ErrorParam[];

  static from(e: DomainError): RuleViolation {
    return Object.assign(new RuleViolation(), { rule: e.rule, code: e.code, message: e.message, field: e.field, params: paramList(e.params) });
  }
}

/** Thrown (not returned) failures carry one of these codes in `extensions.code`. */
export type ThrownCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'OUT_OF_SCOPE' | 'CONFLICT_RETRY' | 'INTERNAL_SERVER_ERROR';

/** `extra.params` (an ErrorParams object) travels as `extensions.params` for clients that translate by code. */
export function thrown(code: ThrownCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}
