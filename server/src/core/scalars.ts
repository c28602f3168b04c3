import { GraphQLSafeInt } from 'graphql-scalars';

/** Money in integer fen (and other 53-bit integers such as ledger ids): GraphQL's Int is only 32-bit. */
export const SafeInt = GraphQLSafeInt;
