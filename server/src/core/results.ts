import type { ClassType } from 'type-graphql';
import { createUnionType } from 'type-graphql';
import { RuleViolation } from './errors';

/**
 * `XResult = X | RuleViolation`: what a mutation returns. The domain-error middleware turns a
 * DomainError into the RuleViolation member and rolls the transaction back.
 */
export function resultUnion<T extends object>(name: string, type: ClassType<T>) {
  return createUnionType({
    name: `${name}Result`,
    types: () => [type, RuleViolation] as const,
    resolveType: (value) => (value instanceof RuleViolation ? RuleViolation : type),
  });
}
