import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';
import { DEFAULT_LOCALE, i18nProvider, messagesFor } from './index';

type Tree = { [k: string]: string | Tree | undefined };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object') for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => new Set([...s.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]));
const hasCjk = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('zh-CN messages', () => {
  const zh = leaves(zhCN as Tree);
  const english = leaves({ ra: englishMessages.ra } as Tree);

  it("cover every key of react-admin's English messages", () => {
    expect(english.size).toBeGreaterThan(150);
    const missing = [...english.keys()].filter((k) => !zh.has(k));
    expect(missing).toEqual([]);
  });

  it('have a real Chinese value for each of those keys', () => {
    const empty = [...english.keys()].filter((k) => k !== 'ra.boolean.null' && !(zh.get(k) ?? '').trim());
    expect(empty).toEqual([]);
    const untranslated = [...english.keys()].filter((k) => k !== 'ra.boolean.null' && /[A-Za-z]/.test(english.get(k)!.replace(/%\{\w+\}/g, '')) && !hasCjk(zh.get(k)!));
    expect(untranslated).toEqual([]);
  });

  it('add no keys react-admin does not know under ra', () => {
    const extra = [...zh.keys()].filter((k) => k.startsWith('ra.') && !english.has(k));
    expect(extra).toEqual([]);
  });

  it('use only placeholders the English message has (all of them when English has no plural form)', () => {
    const all = leaves(en as Tree);
    const problems: string[] = [];
    for (const [key, enText] of all) {
      const zhText = zh.get(key);
      if (zhText === undefined) {
        problems.push(`missing ${key}`);
        continue;
      }
      const pe = placeholders(enText);
      const pz = placeholders(zhText);
      for (const p of pz) if (!pe.has(p)) problems.push(`${key}: unknown %{${p}}`);
      if (!enText.includes('||||')) for (const p of pe) if (!pz.has(p)) problems.push(`${key}: lost %{${p}}`);
      if (zhText.includes('||||')) problems.push(`${key}: Chinese has one plural form`);
    }
    expect(problems).toEqual([]);
  });

  it('have exactly the same app keys in both languages', () => {
    const zhKeys = [...zh.keys()].filter((k) => !k.startsWith('ra.')).sort();
    const enKeys = [...leaves(en as Tree).keys()].filter((k) => !k.startsWith('ra.')).sort();
    expect(zhKeys).toEqual(enKeys);
    expect(zhKeys.length).toBeGreaterThan(100);
  });

  it('translate the domain enums from the shared labels', () => {
    expect(zh.get('gongji.enums.relationship.SPOUSE')).toBe('配偶');
    expect(zh.get('gongji.enums.staffRole.CASEWORKER')).toBe('经办审核员');
    expect(leaves(en as Tree).get('gongji.enums.bindingState.REVOKED')).toBe('Revoked');
  });
});

describe('i18nProvider', () => {
  it('defaults to Chinese and switches to English', async () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
    expect(i18nProvider.getLocale()).toBe('zh-CN');
    expect(i18nProvider.translate('ra.auth.sign_in')).toBe('登录');
    expect(i18nProvider.translate('ra.navigation.page_range_info', { offsetBegin: 1, offsetEnd: 25, total: 80 })).toBe('第 1–25 条，共 80 条');
    expect(i18nProvider.translate('ra.action.bulk_actions', { smart_count: 3 })).toBe('已选择 3 项');
    expect(i18nProvider.translate('resources.members.name', { smart_count: 2 })).toBe('参保人');
    expect(i18nProvider.getLocales?.().map((l) => l.locale)).toEqual(['zh-CN', 'en']);
    await i18nProvider.changeLocale('en');
    expect(i18nProvider.translate('ra.auth.sign_in')).toBe('Sign in');
    expect(i18nProvider.translate('resources.members.name', { smart_count: 2 })).toBe('Members');
    await i18nProvider.changeLocale('zh-CN');
    expect(i18nProvider.translate('ra.auth.sign_in')).toBe('登录');
  });
  it('falls back to Chinese for unknown locales', () => {
    expect(messagesFor('fr')).toBe(zhCN);
    expect(messagesFor('en-US')).toBe(en);
  });
});
