import { defineConfig } from 'vitest/config';
import { aliases } from './vite.config.ts';

// Pure unit tests of modules (formatting, data provider, i18n, access rules): no DOM needed.
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
