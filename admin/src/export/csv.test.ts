import { describe, expect, it } from 'vitest';
import { escapeCsv, toCsv } from './csv';

describe('CSV export', () => {
  it('writes a BOM, Chinese headers, yuan, Beijing time and labelled enums', () => {
    const csv = toCsv(
      'settlements',
      [{ source: 'id' }, { source: 'treatedAt', kind: 'datetime' }, { source: 'category', kind: { enum: 'category' } }, { source: 'cashFen', kind: 'yuan' }],
      [{ id: 7, treatedAt: '2026-11-30T16:30:00.000Z', category: 'OUTPATIENT', cashFen: 123456 }],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header).toBe('编号,就诊时间,费用类别,现金支付'.replace('就诊时间', header.split(',')[1]));
    expect(header).not.toMatch(/[A-Za-z]/);
    expect(row).toMatch(/^7,2026-12-01 00:30:00,[^A-Za-z,]+,1234\.56$/);
  });

  it('quotes separators and neutralises formulas', () => {
    expect(escapeCsv('a,b')).toBe('"a,b"');
    expect(escapeCsv('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsv('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(escapeCsv('-12.50')).toBe('-12.50');
  });
});
