/**
 * S11: the statement's date filter. Dates are Beijing calendar days (YYYY-MM-DD), both ends
 * inclusive; they become the instants [from 00:00 Beijing, the day after `to` 00:00 Beijing).
 */
import { InvalidInputError } from '../../core/errors';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC instant at which a Beijing calendar day (plus `dayOffset` days) starts, or null if not a real date. */
export function beijingDayStart(date: string, dayOffset = 0): Date | null {
  const m = DATE_ONLY.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) return null;
  return new Date(Date.UTC(y, mo - 1, d + dayOffset) - 8 * 3600_000);
}

export interface StatementRange {
  from?: Date;
  to?: Date;
}

/** Parse the statement's `from`/`to` arguments; a malformed or reversed range is refused (never echoing the input, A5). */
export function statementRange(from?: string | null, to?: string | null): StatementRange {
  const range: StatementRange = {};
  if (from) {
    const at = beijingDayStart(from);
    if (!at) throw new InvalidInputError('BAD_DATE', '起始日期格式应为 YYYY-MM-DD (from must be a date, YYYY-MM-DD)', 'from');
    range.from = at;
  }
  if (to) {
    const at = beijingDayStart(to, 1);
    if (!at) throw new InvalidInputError('BAD_DATE', '截止日期格式应为 YYYY-MM-DD (to must be a date, YYYY-MM-DD)', 'to');
    range.to = at;
  }
  if (range.from && range.to && range.from >= range.to) throw new InvalidInputError('BAD_DATE_RANGE', '起始日期不能晚于截止日期 (from is after to)', 'from');
  return range;
}
