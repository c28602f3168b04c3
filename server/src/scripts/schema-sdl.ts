import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

/** The schema as SDL, types and fields in alphabetical order so the file diffs cleanly. */
export function renderSchemaSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
