/**
 * Display formatting. Money is integer fen on the wire and shown as yuan with two decimals;
 * instants are shown in Beijing time (Asia/Shanghai) whatever the browser's time zone;
 * calendar dates (YYYY-MM-DD columns, already Beijing dates) are shown as they are.
 */
import { fenToYuanString, formatFen, POOLING_REGION_BY_CODE, PROVINCE_BY_CODE, provinceOf } from '@gongji/shared';

export const TIME_ZONE = 'Asia/Shanghai';
/** Shown for a missing value. */
export const EMPTY = '—';

/** 1234567 → "¥12,345.67"; null/undefined → "—". */
export function formatYuan(fen: number | null | undefined, opts: { symbol?: boolean } = {}): string {
  if (fen === null || fen === undefined) return EMPTY;
  const n = Number(fen);
  if (!Number.isSafeInteger(n)) return String(fen);
  return formatFen(n, opts);
}

/** 1234567 → "12345.67" (no grouping, no symbol): for CSV exports and inputs. */
export function yuanPlain(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const n = Number(fen);
  return Number.isSafeInteger(n) ? fenToYuanString(n) : String(fen);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateTimeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function toDate(value: string | number | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

interface BeijingParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function beijingParts(d: Date): BeijingParts {
  const out: Record<string, string> = {};
  for (const p of dateTimeParts.formatToParts(d)) if (p.type !== 'literal') out[p.type] = p.value;
  return out as unknown as BeijingParts;
}

/**
 * A calendar date as "2024-05-01". A plain "YYYY-MM-DD" value is kept as is (no time-zone shift);
 * an instant (ISO string, epoch ms, Date) is converted to its Beijing date.
 */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const d = toDate(value);
  if (!d) return String(value);
  const p = beijingParts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** An instant as "2024-05-01 14:03:05" in Beijing time. A plain date is shown as a date. */
export function formatDateTime(value: string | number | Date | null | undefined, opts: { seconds?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const d = toDate(value);
  if (!d) return String(value);
  const p = beijingParts(d);
  const time = opts.seconds === false ? `${p.hour}:${p.minute}` : `${p.hour}:${p.minute}:${p.second}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** Today's (or `now`'s) date in Beijing, "YYYY-MM-DD": the date rules and policies use. */
export function beijingToday(now: Date = new Date()): string {
  return formatDate(now);
}

/**
 * A Beijing calendar date "YYYY-MM-DD" → the ISO instant of its start (00:00 Beijing time).
 * `dayOffset` shifts by whole days (e.g. 1 for an exclusive upper bound of an inclusive date range).
 */
export function beijingDayStartIso(date: string, dayOffset = 0): string {
  const m = DATE_ONLY.exec(date);
  if (!m) throw new Error(`not a date (YYYY-MM-DD): ${date}`);
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + dayOffset);
  return new Date(utcMidnight - 8 * 3600_000).toISOString();
}

/** Whole days between an instant and now (for queue waiting times), never negative. */
export function daysSince(value: string | number | Date, now: Date = new Date()): number {
  const d = toDate(value);
  if (!d) return 0;
  return Math.max(0, Math.floor((now.getTime() - d.getTime()) / 86_400_000));
}

/** A byte count as "12.3 KB". */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return EMPTY;
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A region code with its name: "440300 深圳市", "44 广东省"; English locale uses the province's
 * English name where there is one. Unknown codes are shown as they are.
 */
export function formatRegion(code: string | null | undefined, locale: string = 'zh-CN'): string {
  if (!code) return EMPTY;
  const en = locale.startsWith('en');
  if (code.length === 2) {
    const p = PROVINCE_BY_CODE.get(code);
    return p ? `${code} ${en ? p.nameEn : p.name}` : code;
  }
  const r = POOLING_REGION_BY_CODE.get(code);
  if (r) return `${code} ${r.name}`;
  const p = PROVINCE_BY_CODE.get(provinceOf(code));
  return p ? `${code}（${en ? p.nameEn : p.name}）` : code;
}

/** A staff scope: null → national. */
export function formatScope(scope: string | null | undefined, locale: string = 'zh-CN'): string {
  if (!scope) return locale.startsWith('en') ? 'National' : '全国';
  return formatRegion(scope, locale);
}
