import { getNamedType, GraphQLError, isUnionType, type GraphQLOutputType } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from './context';
import { DomainError, RuleViolation } from './errors';

function returnsRuleViolation(t: GraphQLOutputType): boolean {
  const named = getNamedType(t);
  return isUnionType(named) && named.getTypes().some((x) => x.name === 'RuleViolation');
}

/**
 * Business failures: a field whose type is a union with RuleViolation gets the violation as its
 * value; any other field gets a GraphQL error with code RULE_VIOLATION and the rule id. Either way
 * the operation's transaction is rolled back, so a refused request changes nothing.
 */
export const domainErrorMiddleware: MiddlewareFn<RequestContext> = async ({ context, info }, next) => {
  try {
    return await next();
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    context.rollbackOnly = true;
    if (returnsRuleViolation(info.returnType)) return RuleViolation.from(e);
    throw new GraphQLError(e.message, { extensions: { code: 'RULE_VIOLATION', rule: e.rule, ruleCode: e.code, field: e.field, params: e.params ?? {} } });
  }
};
