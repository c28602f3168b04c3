import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { dateErrorMessage, fromDayjs, isPartialDate, toDayjs, zhDate } from './DateInputs';
import { i18nProvider } from '../i18n';

describe('Chinese date inputs', () => {
  it('stores YYYY-MM-DD, empty as "", and nothing while the typed date is incomplete', () => {
    expect(fromDayjs(dayjs('2026-03-01'))).toBe('2026-03-01');
    expect(fromDayjs(null)).toBe('');
    expect(fromDayjs(dayjs('not a date'))).toBeNull();
    expect(toDayjs('2026-03-01T16:00:00.000Z')?.format('YYYY-MM-DD')).toBe('2026-03-01');
    expect(toDayjs('')).toBeNull();
    expect(isPartialDate('\u20662026\u2069-\u2066月月\u2069-\u2066日日\u2069')).toBe(true);
    expect(isPartialDate('\u20662026\u2069-\u206603\u2069-\u206601\u2069')).toBe(false);
    expect(isPartialDate('年年年年-月月-日日')).toBe(false);
  });

  it('validates in Chinese: invalid, impossible, too early and too late days', () => {
    const v = zhDate({ min: '2026-01-01', max: '2026-12-31' });
    expect(v('')).toBeUndefined();
    expect(v('2026-06-30')).toBeUndefined();
    expect(v('2026-02-31')).toEqual({ message: 'gongji.date.invalid', args: {} });
    expect(v('06/30/2026')).toEqual({ message: 'gongji.date.invalid', args: {} });
    expect(v('2025-12-31')).toEqual({ message: 'gongji.date.too_early', args: { date: '2026-01-01' } });
    expect(v('2027-01-01')).toEqual({ message: 'gongji.date.too_late', args: { date: '2026-12-31' } });
    const zh = (k: { key: string; params?: Record<string, string> } | null) => (k ? i18nProvider.translate(k.key, k.params) : null);
    expect(zh(dateErrorMessage('invalidDate'))).toBe('日期不完整或无效，请按 年-月-日 输入');
    expect(zh(dateErrorMessage('minDate', { min: '2026-01-01' }))).toBe('不能早于 2026-01-01');
    expect(zh(dateErrorMessage('disableFuture', { max: '2026-12-31' }))).toBe('不能晚于 2026-12-31');
    expect(dateErrorMessage(null)).toBeNull();
  });
});
