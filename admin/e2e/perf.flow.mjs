// Load budget of the home page: JavaScript bytes over the wire (compressed) and first content,
// from a cold cache, for a caseworker (the role whose home page draws three charts).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { FLOWS, login } from './flows.mjs';

const BUDGET_JS_BYTES = 500 * 1024;
const BUDGET_FIRST_CONTENT_MS = 1000;

FLOWS.push({
  name: 'home page load budget (compressed JS, first content, echarts only with a chart)',
  async run({ page, context, shot }) {
    await login(page, 'caseworker');
    // cold cache: a fresh page in the same (signed-in) context, cache disabled through CDP
    const p = await context.newPage();
    const cdp = await context.newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const js = new Map();
    cdp.on('Network.loadingFinished', (e) => js.has(e.requestId) && (js.get(e.requestId).bytes = e.encodedDataLength));
    cdp.on('Network.responseReceived', (e) => {
      if (/\.js$/.test(new URL(e.response.url).pathname)) js.set(e.requestId, { url: e.response.url, encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '', bytes: 0, at: e.timestamp });
    });
    // When the first figure enters the page, by the page's own clock (navigation start = 0): the
    // test's polling can lag behind while the charts' chunk is being evaluated.
    await p.addInitScript(() => {
      const seen = () => {
        if (window.__kpiAt === undefined && document.querySelector('[data-testid="kpi-count"]')) window.__kpiAt = performance.now();
      };
      new MutationObserver(seen).observe(document, { childList: true, subtree: true });
    });
    await p.goto('/#/');
    await p.getByTestId('kpi-count').waitFor();
    const kpiMs = Math.round(await p.evaluate(() => window.__kpiAt));
    const fcp = await p.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    const beforeCharts = [...js.values()].filter((r) => !/echarts|EChartImpl/.test(r.url));
    await p.getByTestId('chart-by-month').locator('canvas').first().waitFor();
    await p.waitForLoadState('networkidle');
    const all = [...js.values()];
    const sum = (rows) => rows.reduce((n, r) => n + r.bytes, 0);
    const result = {
      role: 'caseworker',
      firstContentfulPaintMs: fcp === null ? null : Math.round(fcp),
      kpiVisibleMs: kpiMs,
      jsFilesBeforeCharts: beforeCharts.length,
      jsBytesBeforeCharts: sum(beforeCharts),
      jsBytesWithCharts: sum(all),
      echartsLoaded: all.some((r) => /echarts/.test(r.url)),
      // files under 1 kB are not precompressed (not worth it)
      encodings: [...new Set(all.filter((r) => r.bytes > 2048).map((r) => r.encoding || 'identity'))],
    };
    writeFileSync(new URL('./artifacts/perf.json', import.meta.url), JSON.stringify(result, null, 2));
    console.log('  perf:', JSON.stringify(result));
    await shot('perf-home');
    assert.ok(result.encodings.every((e) => e === 'br'), `JS is served precompressed (brotli): ${result.encodings}`);
    assert.ok(result.jsBytesBeforeCharts <= BUDGET_JS_BYTES, `home page JS before charts ${result.jsBytesBeforeCharts} B ≤ ${BUDGET_JS_BYTES} B`);
    assert.ok(result.firstContentfulPaintMs !== null && result.firstContentfulPaintMs <= BUDGET_FIRST_CONTENT_MS, `first content ${result.firstContentfulPaintMs} ms ≤ ${BUDGET_FIRST_CONTENT_MS} ms`);

    // A list page draws no chart: echarts is not fetched there.
    const q = await context.newPage();
    const fetched = [];
    q.on('response', (r) => fetched.push(r.url()));
    await q.goto('/#/bindings');
    await q.locator('table tbody tr').first().waitFor();
    await q.waitForLoadState('networkidle');
    assert.ok(!fetched.some((u) => /echarts/.test(u)), 'the bindings list does not load echarts');
  },
});
