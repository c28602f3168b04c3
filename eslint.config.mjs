// ESLint (flat config): typescript-eslint's recommended rules, without type information so it stays
// fast; `pnpm -r typecheck` does the type checking. Run by `pnpm lint` and by `pnpm test`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/data/**', 'shared/src/graphql/**', 'admin/src/gql/**', 'admin/public/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Tests read GraphQL answers as `any`; production code is held to the type checker instead.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // type-graphql resolvers and entities are classes whose names are types too
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
      // file names and text are cleaned of control characters on purpose
      'no-control-regex': 'off',
    },
  },
);
