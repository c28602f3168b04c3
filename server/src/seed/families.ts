/**
 * Demo families: two or three generations with consistent ages (E5), living mostly in one pooling
 * region, with some children working in another province (cross-province mutual aid).
 */
import type { MemberStatus, RelationshipKind, Scheme, Sex } from '@gongji/shared';
import { between, givenName, pick, surname, type Rng } from './names';

export interface PersonPlan {
  key: number;
  name: string;
  sex: Sex;
  birthDate: string;
  idRegion: string;
  insuredRegion: string;
  scheme: Scheme;
  status: MemberStatus;
  retired: boolean;
  generation: 0 | 1 | 2; // grandparents, parents, children
  contributionBaseFen: number | null;
  openingBalanceFen: number;
  offsite: boolean;
  phone: string | null;
}

export interface FamilyPlan {
  people: PersonPlan[];
  /** giver key → beneficiary key, with the relationship seen from the giver */
  links: Array<{ giver: number; beneficiary: number; relationship: RelationshipKind }>;
}

/** Home regions, weighted. */
const HOMES: Array<[string, number]> = [
  ['440300', 14], ['440100', 10], ['440600', 3], ['110000', 12], ['140100', 7], ['140200', 2], ['450100', 8], ['450200', 2],
  ['330100', 7], ['330200', 2], ['320100', 6], ['320500', 3], ['430100', 4], ['510100', 4], ['420100', 3], ['370200', 2],
  ['310000', 4], ['500000', 2], ['610100', 2], ['650100', 1], ['660000', 1],
];
const WORK_CITIES = ['440300', '440100', '110000', '310000', '330100'];
const HOME_TOTAL = HOMES.reduce((s, [, w]) => s + w, 0);

function home(rnd: Rng): string {
  let x = rnd() * HOME_TOTAL;
  for (const [r, w] of HOMES) if ((x -= w) < 0) return r;
  return '440300';
}

/** An ID region code near the pooling region (a district code of the same prefecture). */
function idRegionNear(rnd: Rng, region: string): string {
  if (region === '660000') return `6590${String(between(rnd, 1, 4)).padStart(2, '0')}`;
  return `${region.slice(0, 4)}${String(between(rnd, 2, 9)).padStart(2, '0')}`;
}

const date = (y: number, rnd: Rng) => `${y}-${String(between(rnd, 1, 12)).padStart(2, '0')}-${String(between(rnd, 1, 28)).padStart(2, '0')}`;
const phone = (rnd: Rng) => `1${pick(rnd, ['38', '39', '58', '59', '86', '88', '36', '37'])}${String(between(rnd, 0, 99_999_999)).padStart(8, '0')}`;

export function planFamily(rnd: Rng, firstKey: number): FamilyPlan {
  let key = firstKey;
  const people: PersonPlan[] = [];
  const links: FamilyPlan['links'] = [];
  const region = home(rnd);
  const family = surname(rnd);
  const make = (generation: 0 | 1 | 2, sex: Sex, year: number, fam: string, where: string): PersonPlan => {
    const age = 2026 - year;
    const working = generation === 1 || (generation === 2 && age >= 22);
    const retired = age >= 60;
    let scheme: Scheme = 'RESIDENT';
    if (working) scheme = rnd() < 0.8 ? 'EMPLOYEE' : rnd() < 0.9 ? 'RESIDENT' : 'NONE';
    else if (retired) scheme = rnd() < 0.5 ? 'EMPLOYEE' : 'RESIDENT';
    const employee = scheme === 'EMPLOYEE';
    const p: PersonPlan = {
      key: key++,
      name: fam + givenName(rnd, sex),
      sex,
      birthDate: date(year, rnd),
      idRegion: idRegionNear(rnd, generation === 2 && where !== region ? region : where),
      insuredRegion: where,
      scheme,
      status: 'ACTIVE',
      retired: employee && retired,
      generation,
      contributionBaseFen: employee && !retired ? between(rnd, 50, 300) * 10_000 : null,
      openingBalanceFen: employee ? between(rnd, 200, 30_000) * 100 + between(rnd, 0, 99) : 0,
      offsite: rnd() < 0.3,
      phone: age >= 18 ? phone(rnd) : null,
    };
    if (retired && rnd() < 0.04) p.status = 'DECEASED';
    else if (rnd() < 0.006) p.status = 'SUSPENDED';
    people.push(p);
    return p;
  };

  const parentYear = between(rnd, 1965, 1992);
  const father = make(1, 'MALE', parentYear, family, region);
  const mother = make(1, 'FEMALE', parentYear + between(rnd, -3, 2), surname(rnd), region);
  links.push({ giver: father.key, beneficiary: mother.key, relationship: 'SPOUSE' }, { giver: mother.key, beneficiary: father.key, relationship: 'SPOUSE' });
  const withGrandparents = rnd() < 0.55;
  if (withGrandparents) {
    const gy = parentYear - between(rnd, 24, 32);
    const gf = make(0, 'MALE', gy, family, region);
    const gm = make(0, 'FEMALE', gy + between(rnd, -2, 3), surname(rnd), region);
    for (const g of [gf, gm]) links.push({ giver: father.key, beneficiary: g.key, relationship: 'PARENT' }, { giver: g.key, beneficiary: father.key, relationship: 'CHILD' });
  }
  const kids = between(rnd, 1, 3);
  for (let i = 0; i < kids; i++) {
    const year = Math.min(2024, parentYear + between(rnd, 23, 33) + i * 2);
    const adult = 2026 - year >= 22;
    const where = adult && rnd() < 0.35 ? pick(rnd, WORK_CITIES) : region;
    const kid = make(2, rnd() < 0.5 ? 'MALE' : 'FEMALE', year, family, where);
    for (const p of [father, mother]) {
      links.push({ giver: p.key, beneficiary: kid.key, relationship: 'CHILD' });
      links.push({ giver: kid.key, beneficiary: p.key, relationship: 'PARENT' });
    }
    if (withGrandparents) {
      const [gf] = people.filter((x) => x.generation === 0);
      links.push({ giver: kid.key, beneficiary: gf.key, relationship: 'PATERNAL_GRANDPARENT' });
      links.push({ giver: gf.key, beneficiary: kid.key, relationship: 'GRANDCHILD_VIA_SON' });
    }
    if (i > 0) {
      const older = people[people.length - 2];
      if (older.generation === 2) links.push({ giver: older.key, beneficiary: kid.key, relationship: 'SIBLING' });
    }
  }
  return { people, links };
}
