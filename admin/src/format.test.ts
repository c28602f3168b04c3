import { describe, expect, it } from 'vitest';
import {
  beijingDayStartIso,
  beijingToday,
  daysSince,
  EMPTY,
  formatBytes,
  formatDate,
  formatDateTime,
  formatRegion,
  formatScope,
  formatYuan,
  yuanPlain,
} from './format';

describe('formatYuan', () => {
  it('shows fen as yuan with two decimals and grouping', () => {
    expect(formatYuan(1234567)).toBe('¥12,345.67');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(100)).toBe('¥1.00');
    expect(formatYuan(-250)).toBe('-¥2.50');
    expect(formatYuan(123456789012)).toBe('¥1,234,567,890.12');
  });
  it('can omit the symbol', () => {
    expect(formatYuan(1234567, { symbol: false })).toBe('12,345.67');
  });
  it('shows a dash for missing values and never throws on odd input', () => {
    expect(formatYuan(null)).toBe(EMPTY);
    expect(formatYuan(undefined)).toBe(EMPTY);
    expect(formatYuan(1.5)).toBe('1.5');
  });
  it('has a plain form for exports', () => {
    expect(yuanPlain(1234567)).toBe('12345.67');
    expect(yuanPlain(-5)).toBe('-0.05');
    expect(yuanPlain(null)).toBe('');
  });
});

describe('dates in Beijing time', () => {
  it('keeps calendar dates as they are (no time-zone shift)', () => {
    expect(formatDate('2024-05-01')).toBe('2024-05-01');
    expect(formatDateTime('2024-05-01')).toBe('2024-05-01');
  });
  it('converts instants to Asia/Shanghai', () => {
    // 2024-05-01 16:30 UTC is already 2 May 00:30 in Beijing.
    expect(formatDateTime('2024-05-01T16:30:05.000Z')).toBe('2024-05-02 00:30:05');
    expect(formatDate('2024-05-01T16:30:05.000Z')).toBe('2024-05-02');
    expect(formatDateTime(new Date(Date.UTC(2024, 0, 1, 0, 0, 0)))).toBe('2024-01-01 08:00:00');
    expect(formatDateTime(Date.UTC(2023, 11, 31, 15, 59, 59), { seconds: false })).toBe('2023-12-31 23:59');
  });
  it('uses 00–23 hours', () => {
    expect(formatDateTime('2024-05-01T16:00:00Z')).toBe('2024-05-02 00:00:00');
  });
  it('handles missing and invalid values', () => {
    expect(formatDate(null)).toBe(EMPTY);
    expect(formatDateTime(undefined)).toBe(EMPTY);
    expect(formatDateTime('')).toBe(EMPTY);
    expect(formatDateTime('not a date')).toBe('not a date');
  });
  it('gives the Beijing date of now', () => {
    expect(beijingToday(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(beijingToday(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
  });
  it('turns a Beijing date into the instant its day starts', () => {
    expect(beijingDayStartIso('2024-05-01')).toBe('2024-04-30T16:00:00.000Z');
    expect(beijingDayStartIso('2024-12-31', 1)).toBe('2024-12-31T16:00:00.000Z');
    expect(() => beijingDayStartIso('2024/05/01')).toThrow();
  });
  it('counts whole days waited', () => {
    const now = new Date('2024-05-10T00:00:00Z');
    expect(daysSince('2024-05-08T12:00:00Z', now)).toBe(1);
    expect(daysSince('2024-05-11T00:00:00Z', now)).toBe(0);
  });
});

describe('other formats', () => {
  it('names regions and scopes', () => {
    expect(formatRegion('440300')).toBe('440300 深圳市');
    expect(formatRegion('44')).toBe('44 广东省');
    expect(formatRegion('44', 'en')).toBe('44 Guangdong');
    expect(formatRegion('440399')).toBe('440399（广东省）');
    expect(formatRegion('999999')).toBe('999999');
    expect(formatRegion(null)).toBe(EMPTY);
    expect(formatScope(null)).toBe('全国');
    expect(formatScope(null, 'en')).toBe('National');
    expect(formatScope('110000')).toBe('110000 北京市');
  });
  it('formats byte counts', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
