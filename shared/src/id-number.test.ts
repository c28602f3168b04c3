import { describe, expect, it } from 'vitest';
import { ageOn, idCheckChar, idNumberProblem, isValidIdNumber, makeIdNumber, parseIdNumber } from './id-number';

describe('ID numbers (GB 11643-1999)', () => {
  it('accepts the documented example 11010519491231002X', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(parseIdNumber('11010519491231002x')).toEqual({
      idNumber: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'FEMALE',
    });
  });

  it('computes the MOD 11-2 check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(makeIdNumber('440305', '1990-05-17', 123)).toMatch(/^44030519900517123[\dX]$/);
    expect(isValidIdNumber(makeIdNumber('440305', '1990-05-17', 123))).toBe(true);
  });

  it('reads the sex from the sequence parity', () => {
    expect(parseIdNumber(makeIdNumber('110105', '1980-01-01', 11)).sex).toBe('MALE');
    expect(parseIdNumber(makeIdNumber('110105', '1980-01-01', 12)).sex).toBe('FEMALE');
  });

  it('names what is wrong with an invalid number', () => {
    expect(idNumberProblem('1101051949123100')).toBe('FORMAT');
    expect(idNumberProblem('110105194912310021')).toBe('CHECKSUM');
    expect(idNumberProblem(makeIdNumber('110105', '1949-12-31', 2).replace('1231', '1232'))).toBe('BIRTH_DATE');
    expect(idNumberProblem(makeIdNumber('110105', '2030-01-01', 2), '2026-11-25')).toBe('BIRTH_DATE');
    expect(() => parseIdNumber('110105194912310021')).toThrow(/CHECKSUM/);
  });

  it('computes whole years of age', () => {
    expect(ageOn('2000-02-29', '2021-02-28')).toBe(20);
    expect(ageOn('2000-02-29', '2021-03-01')).toBe(21);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
  });
});
