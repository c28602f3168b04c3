import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../i18n';
import { cappedRangeLabel } from './states';

describe('list pagination (issue 10)', () => {
  it('words a count the server stopped at its cap as the lower bound it is, in both languages', async () => {
    expect(cappedRangeLabel(i18nProvider.translate, { from: 1, to: 25, count: 10_000 })).toBe('第 1–25 条，共 10,000+ 条');
    await i18nProvider.changeLocale('en');
    try {
      expect(cappedRangeLabel(i18nProvider.translate, { from: 26, to: 50, count: 10_001 })).toBe('26-50 of 10,001+');
    } finally {
      await i18nProvider.changeLocale('zh-CN');
    }
  });
});
