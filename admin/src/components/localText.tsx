/**
 * Free text from the server (notes, summaries, reasons, seed data) arrives written "中文 (English)";
 * show it in the current language only, and name the system actors instead of showing their codes.
 */
import { useLocale, useRecordContext, useTranslate } from 'react-admin';
import { messageInLanguage } from '../providers/errorText';

const SYSTEM_ACTORS = new Set(['system', 'seed', 'demo', 'import', 'worker', 'fraud-consumer', 'fraud-scan']);

export function useLocalText() {
  const locale = useLocale();
  const translate = useTranslate();
  return (text: string | null | undefined, opts: { enumName?: string } = {}): string => {
    if (!text) return '';
    let out = messageInLanguage(text, locale);
    // state codes inside a text ("OPEN → INVESTIGATING") read as their labels
    if (opts.enumName) out = out.replace(/\b[A-Z][A-Z_]{2,}\b/g, (code) => translate(`gongji.enums.${opts.enumName}.${code}`, { _: code }));
    return out;
  };
}

export function useActorLabel() {
  const translate = useTranslate();
  return (name: string | null | undefined): string => {
    if (!name) return '';
    const m = /^(member|institution|staff):(\S+)$/.exec(name);
    if (m) return translate(`gongji.actors.${m[1]}_n`, { id: m[2] });
    return SYSTEM_ACTORS.has(name) ? translate(`gongji.actors.${name.replace('-', '_')}`) : name;
  };
}

/** A text field shown in the current language only (DataTable.Col field=…, Show pages). */
export function LocalTextField({ source }: { source: string; label?: string }) {
  const record = useRecordContext<Record<string, string | null>>();
  const local = useLocalText();
  return <>{local(record?.[source])}</>;
}

/** A staff/actor name, with system actors named. */
export function ActorNameField({ source }: { source: string; label?: string }) {
  const record = useRecordContext<Record<string, string | null>>();
  const actor = useActorLabel();
  return <>{actor(record?.[source])}</>;
}
