// The all-Chinese check: every page of the menu (and the first record behind each list) as each
// staff role, failing on Latin words outside an allowlist (user names, units, file names…).
import assert from 'node:assert/strict';
import { FLOWS, switchUser } from './flows.mjs';

/** Latin words that are data or accepted notation, not untranslated UI. */
const ALLOW = new Set([
  // staff user names of the demo data (shown as the actor / the signed-in user)
  'admin', 'admin_gd', 'auditor', 'caseworker', 'caseworker_gd', 'caseworker_sz', 'analyst', 'analyst_gd',
  // units and standard abbreviations
  'km', 'KB', 'MB', 'IP', 'HTTP', 'ID', 'JSON', 'CSV', 'XLSX', 'SHA',
  // keyboard keys named in shortcut hints
  'Alt',
]);
/** Words inside these patterns are data: file names, hashes, e-mail addresses, serial numbers. */
const DATA = [/[^\s/]+\.(jpe?g|png|pdf|webp|csv|xlsx)\b/gi, /\b[0-9a-f]{16,}\b/gi, /\b\S+@\S+\b/g, /\b[A-Z]{1,4}\d[\w-]*\b/g, /\b\d+[A-Za-z]{1,2}\b/g];

export function latinWords(text) {
  let t = text;
  for (const re of DATA) t = t.replace(re, ' ');
  return [...new Set(t.match(/[A-Za-z][A-Za-z_]+/g) ?? [])].filter((w) => !ALLOW.has(w));
}

async function menuLinks(page) {
  return page.evaluate(() => [...new Set([...document.querySelectorAll('.RaSidebar-fixed a[href^="#/"], .MuiDrawer-root a[href^="#/"]')].map((a) => a.getAttribute('href').slice(1)))]);
}

async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

const ROLES = ['caseworker', 'analyst', 'admin', 'auditor'];

FLOWS.push({
  name: 'every page is in Chinese for every role (no Latin words outside the allowlist)',
  timeout: 240_000,
  async run({ page, shot }) {
    const problems = [];
    for (const role of ROLES) {
      await switchUser(page, role);
      await settle(page);
      const links = ['/', ...(await menuLinks(page))];
      for (const path of links) {
        await page.goto(`/#${path}`);
        await settle(page);
        const found = latinWords(await page.locator('#main-content, main').first().innerText());
        if (found.length) problems.push(`${role} ${path}: ${found.join(' ')}`);
        // the first record behind a list
        const row = page.locator('table tbody tr').first();
        if (path !== '/' && (await row.count()) && (await row.getAttribute('class'))?.includes('clickable')) {
          await row.click();
          await settle(page);
          const inner = latinWords(await page.locator('#main-content, main').first().innerText());
          if (inner.length) problems.push(`${role} ${path} → ${page.url().split('#')[1]}: ${inner.join(' ')}`);
        }
      }
      await shot(`zh-walk-${role}`);
    }
    assert.deepEqual(problems, [], `Latin words in the Chinese UI:\n${problems.join('\n')}`);
  },
});
