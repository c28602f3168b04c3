/** E5: a relationship must fit the ID data. Pure functions, so the dashboard can show the same facts. */
import type { RelationshipKind, Sex } from './enums';
import { ageOn } from './id-number';

/** Legal marriage age (婚姻法): 22 for men, 20 for women. */
export const MARRIAGE_AGE: Record<Sex, number> = { MALE: 22, FEMALE: 20 };
/** Minimum age gap between a parent and a child, and between a grandparent and a grandchild. */
export const MIN_PARENT_GAP_YEARS = 14;
export const MIN_GRANDPARENT_GAP_YEARS = 28;

/** The relationship seen from the other side: if B is A's PARENT, A is B's CHILD. */
export function inverseRelationship(kind: RelationshipKind, sexOfFirst: Sex): RelationshipKind {
  switch (kind) {
    case 'SPOUSE':
      return 'SPOUSE';
    case 'SIBLING':
      return 'SIBLING';
    case 'PARENT':
      return 'CHILD';
    case 'CHILD':
      return 'PARENT';
    case 'PATERNAL_GRANDPARENT':
      return 'GRANDCHILD_VIA_SON';
    case 'MATERNAL_GRANDPARENT':
      return 'GRANDCHILD_VIA_DAUGHTER';
    case 'GRANDCHILD_VIA_SON':
    case 'GRANDCHILD_VIA_DAUGHTER':
      // The first person is the grandparent; whether they are paternal or maternal depends on the
      // middle generation, which the ID data does not show. Via son → paternal; via daughter → maternal.
      void sexOfFirst;
      return kind === 'GRANDCHILD_VIA_SON' ? 'PATERNAL_GRANDPARENT' : 'MATERNAL_GRANDPARENT';
  }
}

export interface PersonFacts {
  birthDate: string;
  sex: Sex;
}

export interface ConsistencyFacts {
  giverAge: number;
  beneficiaryAge: number;
  /** Beneficiary's age minus giver's age, in whole years (positive: beneficiary is older). */
  ageGapYears: number;
  problems: string[];
}

/** Whole years between two birth dates (positive when `older` was born first). */
function yearsBetween(older: string, younger: string): number {
  return ageOn(older, younger);
}

/**
 * Check that "beneficiary is the giver's `kind`" fits both people's ID data on `onDate`.
 * Returns the computed facts and a list of human-readable problems (empty when consistent).
 */
export function relationshipConsistency(
  kind: RelationshipKind,
  giver: PersonFacts,
  beneficiary: PersonFacts,
  onDate: string,
): ConsistencyFacts {
  const giverAge = ageOn(giver.birthDate, onDate);
  const beneficiaryAge = ageOn(beneficiary.birthDate, onDate);
  const problems: string[] = [];
  const olderGap = (older: PersonFacts, younger: PersonFacts) =>
    older.birthDate < younger.birthDate ? yearsBetween(older.birthDate, younger.birthDate) : -yearsBetween(younger.birthDate, older.birthDate);
  switch (kind) {
    case 'SPOUSE':
      if (giver.sex === beneficiary.sex) problems.push('配偶双方身份证性别相同 (spouses have the same sex on their IDs)');
      if (giverAge < MARRIAGE_AGE[giver.sex])
        problems.push(`共济人未达法定婚龄 ${MARRIAGE_AGE[giver.sex]} 岁 (giver is below the legal marriage age)`);
      if (beneficiaryAge < MARRIAGE_AGE[beneficiary.sex])
        problems.push(`被共济人未达法定婚龄 ${MARRIAGE_AGE[beneficiary.sex]} 岁 (beneficiary is below the legal marriage age)`);
      break;
    case 'PARENT':
      if (olderGap(beneficiary, giver) < MIN_PARENT_GAP_YEARS)
        problems.push(`父母应比子女年长至少 ${MIN_PARENT_GAP_YEARS} 岁 (a parent must be at least ${MIN_PARENT_GAP_YEARS} years older than the child)`);
      break;
    case 'CHILD':
      if (olderGap(giver, beneficiary) < MIN_PARENT_GAP_YEARS)
        problems.push(`子女应比父母年轻至少 ${MIN_PARENT_GAP_YEARS} 岁 (a child must be at least ${MIN_PARENT_GAP_YEARS} years younger than the parent)`);
      break;
    case 'PATERNAL_GRANDPARENT':
    case 'MATERNAL_GRANDPARENT':
      if (olderGap(beneficiary, giver) < MIN_GRANDPARENT_GAP_YEARS)
        problems.push(`祖父母应比孙辈年长至少 ${MIN_GRANDPARENT_GAP_YEARS} 岁 (a grandparent must be at least ${MIN_GRANDPARENT_GAP_YEARS} years older)`);
      break;
    case 'GRANDCHILD_VIA_SON':
    case 'GRANDCHILD_VIA_DAUGHTER':
      if (olderGap(giver, beneficiary) < MIN_GRANDPARENT_GAP_YEARS)
        problems.push(`孙辈应比祖父母年轻至少 ${MIN_GRANDPARENT_GAP_YEARS} 岁 (a grandchild must be at least ${MIN_GRANDPARENT_GAP_YEARS} years younger)`);
      break;
    case 'SIBLING':
      break;
  }
  return { giverAge, beneficiaryAge, ageGapYears: beneficiaryAge - giverAge, problems };
}
