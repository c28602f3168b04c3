/**
 * Typed GraphQL documents for the dashboard (`pnpm codegen`, also run by `pnpm gen:types`).
 *
 * The schema is the server's SDL (shared/src/graphql/schema.graphql, written by the server's
 * gen:types); the documents are every `graphql(\`…\`)` literal in admin/src. The output in
 * src/gql/ is committed; src/providers/schema.test.ts fails when it is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const at = (p: string) => path.join(here, p);

const config: CodegenConfig = {
  schema: at('../shared/src/graphql/schema.graphql'),
  documents: [at('src/**/*.{ts,tsx}'), `!${at('src/gql/**')}`, `!${at('src/**/*.test.{ts,tsx}')}`],
  ignoreNoDocuments: false,
  generates: {
    [at('src/gql/')]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        // Plain strings on the wire (no graphql runtime in the bundle), typed by result and variables.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        scalars: { SafeInt: 'number', DateTimeISO: 'string' },
      },
    },
  },
};

export default config;
