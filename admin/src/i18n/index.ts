import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'ra-core';
import { readPreference } from '../store';
import { en } from './en';
import { zhCN } from './zh-CN';

export const DEFAULT_LOCALE = 'zh-CN';
export const LOCALES = [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
];

export function messagesFor(locale: string): TranslationMessages {
  return locale.startsWith('en') ? en : zhCN;
}

function initialLocale(): string {
  const saved = readPreference<string>('locale');
  return saved && LOCALES.some((l) => l.locale === saved) ? saved : DEFAULT_LOCALE;
}

/** zh-CN by default; the app bar's language menu switches to English (the choice is remembered). */
export const i18nProvider = polyglotI18nProvider(messagesFor, initialLocale(), LOCALES);

export { en, zhCN };
