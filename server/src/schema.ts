import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { authChecker } from './core/auth-checker';
import { domainErrorMiddleware } from './core/domain-error-middleware';
import { validateArgument } from './core/input-validation';
import { AuditResolver } from './modules/audit/audit.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { MemberResolver } from './modules/member/member.resolver';
import { BindingResolver, MemberBindingsResolver } from './modules/binding/binding.resolver';
import { ProofResolver } from './modules/proof/proof.resolver';
import { PolicyResolver } from './modules/policy/policy.resolver';
import { RegionResolver } from './modules/region/region.resolver';
import { InstitutionResolver } from './modules/institution/institution.resolver';
import { StaffResolver } from './modules/staff/staff.resolver';
import { BatchResolver } from './modules/batch/batch.resolver';
import { SettlementResolver } from './modules/settlement/settlement.resolver';
import { FraudResolver } from './modules/fraud/fraud.resolver';
import { DashboardResolver } from './modules/dashboard/dashboard.resolver';
import { RegistryResolver } from './modules/registry/registry.resolver';
import { ChargeResolver } from './modules/charge/charge.resolver';
import { ClosureResolver } from './modules/closure/closure.resolver';
import { WalletAccountResolver, WalletResolver } from './modules/wallet/wallet.resolver';

/** Every resolver of the API. A module adds its resolvers here. */
export const RESOLVERS: NonEmptyArray<Function> = [AuthResolver, AuditResolver, MemberResolver, BindingResolver, MemberBindingsResolver, ProofResolver, PolicyResolver, RegionResolver, InstitutionResolver, StaffResolver, BatchResolver, SettlementResolver, FraudResolver, DashboardResolver, RegistryResolver, ClosureResolver, ChargeResolver, WalletResolver, WalletAccountResolver];

let cached: Promise<GraphQLSchema> | null = null;

export function getSchema(): Promise<GraphQLSchema> {
  // Issue 10: plain property fields are read by graphql's default resolver, outside the middleware
  // chain (no field carries its own auth or middleware; field resolvers keep both). A 500-row page
  // otherwise runs the global middleware, as a promise, for every cell.
  for (const t of getMetadataStorage().objectTypes) t.simpleResolvers ??= true;
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    globalMiddlewares: [domainErrorMiddleware],
    // Every argument: class-validator rules plus length caps, errors that name the field, never the value.
    validateFn: validateArgument,
    emitSchemaFile: false,
  });
  return cached;
}
