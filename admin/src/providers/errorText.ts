/**
 * Error messages in the user's language. The server sends stable codes (extensions.code, the
 * RuleViolation code) with `params`, and a message written "中文 (English)". The dashboard words
 * a message from its code when it knows the code (gongji.errors.codes.<CODE> in i18n/app.ts), and
 * otherwise shows the server's message in the current language only: the Chinese part in zh-CN, the
 * bracketed English in en.
 */
import { knobRangeText, POLICY_KNOB_BY_KEY } from '@gongji/shared';
import type { TranslationMessages } from 'ra-core';

export type ErrorParams = Record<string, string>;

/** `[{ key, value }]` (RuleViolation.params) or `{ key: value }` (extensions.params) → a plain object. */
export function normalizeParams(raw: unknown): ErrorParams {
  if (Array.isArray(raw)) return Object.fromEntries(raw.filter((p) => p && typeof p.key === 'string').map((p) => [p.key, String(p.value)]));
  if (raw && typeof raw === 'object') return Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)]));
  return {};
}

// "中文说明 (English text)" — the last bracketed part holding no CJK characters.
const TRAILING_ENGLISH = /\s*[（(]([^（）()\u3400-\u9fff]*)[)）]\s*$/;

/** The server's bilingual message in one language. */
export function messageInLanguage(message: string, locale: string): string {
  const m = TRAILING_ENGLISH.exec(message);
  if (!m) return message;
  if (locale.startsWith('en')) return m[1].trim() || message;
  const zh = message.slice(0, m.index).trim();
  return zh || message;
}

function lookup(messages: TranslationMessages, path: string): string | undefined {
  let node: unknown = messages;
  for (const part of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The message for an error code in a locale's messages, `%{name}` filled from params; falls back to the server's text. */
export function errorText(messages: TranslationMessages, locale: string, code: string | undefined, rawParams: ErrorParams, serverMessage: string | undefined): string {
  const params = withKnobParams(rawParams, locale);
  const fill = (t: string) => t.replace(/%\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  const generic = (code && lookup(messages, `gongji.errors.generic.${code}`)) || lookup(messages, 'gongji.errors.generic.UNKNOWN') || code || '';
  const template = code ? lookup(messages, `gongji.errors.codes.${code}`) : undefined;
  const fallback = serverMessage ? messageInLanguage(serverMessage, locale) : fill(generic);
  if (!template) return fallback;
  // A template naming a param the server did not send would show "%{x}": use the server's text then.
  let missing = false;
  const text = template.replace(/%\{(\w+)\}/g, (_, k: string) => {
    if (params[k] === undefined) missing = true;
    return params[k] ?? '';
  });
  return missing && serverMessage ? fallback : text;
}

/** A policy knob named in the params (`knob: "fraud.drainPercent"`) → its label, range and value in the locale (knob catalogue). */
function withKnobParams(params: ErrorParams, locale: string): ErrorParams {
  const knob = params.knob ? POLICY_KNOB_BY_KEY.get(params.knob) : undefined;
  if (!knob) return params;
  const lang = locale.startsWith('en') ? 'en' : 'zh';
  const value = params.value;
  const shown = knob.type === 'fen' && value !== undefined && /^-?\d+$/.test(value) ? `${(Number(value) / 100).toFixed(2)} ${lang === 'zh' ? '元' : 'yuan'}` : (value ?? '');
  return { ...params, knobLabel: knob.label[lang], range: knobRangeText(knob, lang), shown };
}
