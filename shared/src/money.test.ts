import { describe, expect, it } from 'vitest';
import { fenToYuanString, formatFen, yuanToFen } from './money';

describe('money (integer fen)', () => {
  it('formats fen as yuan with two decimals', () => {
    expect(fenToYuanString(12345)).toBe('123.45');
    expect(fenToYuanString(5)).toBe('0.05');
    expect(fenToYuanString(-5)).toBe('-0.05');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(0, { symbol: false })).toBe('0.00');
  });

  it('parses yuan strictly', () => {
    expect(yuanToFen('123.4')).toBe(12340);
    expect(yuanToFen('0.05')).toBe(5);
    expect(yuanToFen(12)).toBe(1200);
    expect(() => yuanToFen('1.234')).toThrow();
    expect(() => yuanToFen('abc')).toThrow();
  });

  it('refuses non-integer fen', () => {
    expect(() => fenToYuanString(1.5)).toThrow();
  });
});
