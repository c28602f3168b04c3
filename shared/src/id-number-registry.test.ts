import { describe, expect, it } from 'vitest';
import { idCheckChar, isHistoricalRegionCode, makeIdNumber, normalizeIdNumber, parseRegistryIdNumber, registryIdProblem } from './id-number';

describe('R3: ID numbers in the registry', () => {
  it('R3: upgrades a 15-digit number to 18 digits (century 19, check character computed)', () => {
    // 110105 491231 002 → 110105 19491231 002 + X (the documented example)
    expect(normalizeIdNumber('110105491231002')).toBe('11010519491231002X');
    const p = parseRegistryIdNumber(' 110105491231002 ');
    expect(p).toMatchObject({ idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'FEMALE', upgradedFrom15: true, kind: 'RESIDENT' });
    expect(parseRegistryIdNumber('11010519491231002x').upgradedFrom15).toBe(false);
  });

  it('R3: a 15-digit number with an impossible birth date is refused', () => {
    expect(registryIdProblem('110105491331002')).toBe('BIRTH_DATE');
  });

  it('R3: abandoned GB/T 2260 codes stay valid (崇文区 110103, 宣武区 110104, 下关区 320107)', () => {
    for (const code of ['110103', '110104', '320107']) {
      expect(isHistoricalRegionCode(code)).toBe(true);
      expect(registryIdProblem(makeIdNumber(code, '1960-03-01', 15))).toBeNull();
    }
    expect(isHistoricalRegionCode('440300')).toBe(true);
  });

  it('R3: a region part that never existed is refused, even with a correct check character', () => {
    expect(isHistoricalRegionCode('999999')).toBe(false);
    expect(registryIdProblem(makeIdNumber('119900', '1980-01-01', 11))).toBe('REGION');
    expect(registryIdProblem(makeIdNumber('000000', '1980-01-01', 11))).toBe('REGION');
  });

  it('R3: Hong Kong, Macao and Taiwan residence permits (810000, 820000, 830000)', () => {
    for (const prefix of ['810000', '820000', '830000']) {
      const id = makeIdNumber(prefix, '1988-08-08', 21);
      expect(registryIdProblem(id)).toBeNull();
      expect(parseRegistryIdNumber(id).kind).toBe('HMT_PERMIT');
    }
  });

  it('R3: the 2023 foreign permanent-residence format (9 + province + nationality + birth date)', () => {
    const first17 = '9' + '11' + '840' + '19850615' + '003'; // issued in 北京, US national
    const id = first17 + idCheckChar(first17);
    expect(registryIdProblem(id)).toBeNull();
    expect(parseRegistryIdNumber(id)).toMatchObject({ kind: 'FOREIGN_PERMANENT', birthDate: '1985-06-15', sex: 'MALE' });
    const badProvince = '9' + '99' + '840' + '19850615' + '003';
    expect(registryIdProblem(badProvince + idCheckChar(badProvince))).toBe('REGION');
  });

  it('R3: checksum and format problems are named', () => {
    expect(registryIdProblem('110105194912310021')).toBe('CHECKSUM');
    expect(registryIdProblem('11010519491231')).toBe('FORMAT');
  });
});
