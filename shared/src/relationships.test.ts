import { describe, expect, it } from 'vitest';
import { inverseRelationship, relationshipConsistency } from './relationships';

const on = '2026-11-25';
const man = (birthDate: string) => ({ birthDate, sex: 'MALE' as const });
const woman = (birthDate: string) => ({ birthDate, sex: 'FEMALE' as const });

describe('E5: relationships must fit the ID data', () => {
  it('E5: accepts a parent 25 years older and refuses a "parent" younger than the child', () => {
    expect(relationshipConsistency('PARENT', man('1990-01-01'), woman('1965-01-01'), on).problems).toEqual([]);
    expect(relationshipConsistency('PARENT', man('1990-01-01'), woman('1995-01-01'), on).problems).toHaveLength(1);
  });

  it('E5: refuses a spouse below the legal marriage age or of the same sex', () => {
    expect(relationshipConsistency('SPOUSE', man('1990-01-01'), woman('1992-01-01'), on).problems).toEqual([]);
    expect(relationshipConsistency('SPOUSE', man('1990-01-01'), woman('2010-01-01'), on).problems.join()).toMatch(/婚龄/);
    expect(relationshipConsistency('SPOUSE', man('1990-01-01'), man('1991-01-01'), on).problems.join()).toMatch(/性别/);
  });

  it('E5: grandparents and grandchildren need two generations between them', () => {
    expect(relationshipConsistency('PATERNAL_GRANDPARENT', man('2000-01-01'), man('1945-01-01'), on).problems).toEqual([]);
    expect(relationshipConsistency('GRANDCHILD_VIA_DAUGHTER', woman('1960-01-01'), man('1980-01-01'), on).problems).toHaveLength(1);
    expect(relationshipConsistency('CHILD', woman('1960-01-01'), man('1985-01-01'), on).problems).toEqual([]);
  });

  it('gives the relationship from the other side', () => {
    expect(inverseRelationship('PARENT', 'MALE')).toBe('CHILD');
    expect(inverseRelationship('MATERNAL_GRANDPARENT', 'MALE')).toBe('GRANDCHILD_VIA_DAUGHTER');
    expect(inverseRelationship('GRANDCHILD_VIA_SON', 'FEMALE')).toBe('PATERNAL_GRANDPARENT');
  });
});
