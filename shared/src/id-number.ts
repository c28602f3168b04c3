/** Resident ID numbers (GB 11643-1999): 6-digit region, YYYYMMDD, 3-digit sequence (odd = male), check char. */
import type { Sex } from './enums';
import { GB2260_HISTORICAL } from './gb2260-codes';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export interface ParsedIdNumber {
  idNumber: string;
  regionCode: string;
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
}

export type IdNumberProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECKSUM';

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]);
}

/** Why an ID number is invalid, or null when it is valid. `today` bounds the birth date (YYYY-MM-DD). */
export function idNumberProblem(raw: string, today?: string): IdNumberProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'FORMAT';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1880 || !validDate(y, m, d)) return 'BIRTH_DATE';
  if (`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > (today ?? new Date().toISOString().slice(0, 10))) return 'BIRTH_DATE';
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return 'CHECKSUM';
  return null;
}

export function isValidIdNumber(raw: string, today?: string): boolean {
  return idNumberProblem(raw, today) === null;
}

/** Parse a valid ID number; throws on an invalid one. */
export function parseIdNumber(raw: string, today?: string): ParsedIdNumber {
  const problem = idNumberProblem(raw, today);
  if (problem) throw new Error(`invalid ID number (${problem})`);
  const id = raw.trim().toUpperCase();
  return {
    idNumber: id,
    regionCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}

/** Build a valid ID number from its parts; `seq` is 0–999 and its parity decides the sex. */
export function makeIdNumber(regionCode: string, birthDate: string, seq: number): string {
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  if (!/^\d{17}$/.test(first17)) throw new Error(`cannot build an ID number from ${regionCode}/${birthDate}/${seq}`);
  return first17 + idCheckChar(first17);
}

/** Whole years of age on a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

// ——— R3: the registry's stricter reading (15-digit upgrade, region part) ———

let historicalCodes: Set<string> | null = null;

/** Is `code` (6 digits) a GB/T 2260 code of some revision? Abandoned codes count (R3). */
export function isHistoricalRegionCode(code: string): boolean {
  if (!historicalCodes) {
    historicalCodes = new Set();
    for (const [province, rest] of Object.entries(GB2260_HISTORICAL)) for (const tail of rest.split(' ')) historicalCodes.add(province + tail);
  }
  return historicalCodes.has(code);
}

/** Hong Kong, Macao and Taiwan residents' residence permits (港澳台居民居住证): 810000, 820000, 830000. */
const HMT_PERMIT_REGIONS = new Set(['810000', '820000', '830000']);

export type IdNumberKind = 'RESIDENT' | 'HMT_PERMIT' | 'FOREIGN_PERMANENT';
export type RegistryIdProblem = IdNumberProblem | 'REGION';

/**
 * R3: an old 15-digit number (YYMMDD birth date, no check character) as its 18-digit form:
 * century 19 inserted, check character computed. Anything else is returned trimmed and upper-cased.
 */
export function normalizeIdNumber(raw: string): string {
  const id = raw.trim().toUpperCase();
  if (!/^\d{15}$/.test(id)) return id;
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + idCheckChar(first17);
}

/** The kind of an 18-digit number by its first digits (the region part is checked by registryIdProblem). */
export function idNumberKind(id18: string): IdNumberKind {
  if (id18[0] === '9') return 'FOREIGN_PERMANENT';
  if (HMT_PERMIT_REGIONS.has(id18.slice(0, 6))) return 'HMT_PERMIT';
  return 'RESIDENT';
}

/**
 * R3 in full: what is wrong with a number the registry is asked to take, or null. 15-digit numbers
 * are upgraded first. The region part must be a GB/T 2260 code of some revision, an 81/82/83 permit
 * prefix, or — for the 2023 foreign permanent-residence card (9 + province + 3-digit nationality +
 * YYYYMMDD + sequence + check) — `9` followed by a province code.
 */
export function registryIdProblem(raw: string, today?: string): RegistryIdProblem | null {
  const id = normalizeIdNumber(raw);
  const basic = idNumberProblem(id, today);
  if (basic) return basic;
  switch (idNumberKind(id)) {
    case 'FOREIGN_PERMANENT':
      return isHistoricalRegionCode(`${id.slice(1, 3)}0000`) ? null : 'REGION';
    case 'HMT_PERMIT':
      return null;
    default:
      return isHistoricalRegionCode(id.slice(0, 6)) ? null : 'REGION';
  }
}

export type RegistryIdResult = { problem: RegistryIdProblem } | (ParsedIdNumber & { problem: null; kind: IdNumberKind; upgradedFrom15: boolean });

/** R3 in one pass (bulk imports): the problem, or the parsed 18-digit number. */
export function analyzeRegistryId(raw: string, today?: string): RegistryIdResult {
  const problem = registryIdProblem(raw, today);
  if (problem) return { problem };
  const id = normalizeIdNumber(raw);
  return {
    problem: null,
    idNumber: id,
    regionCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: (id.charCodeAt(16) - 48) % 2 === 1 ? 'MALE' : 'FEMALE',
    kind: idNumberKind(id),
    upgradedFrom15: id.length === 18 && raw.trim().length === 15,
  };
}

/** Parse a number for the registry (R3); throws on an invalid one. `idNumber` is always the 18-digit form. */
export function parseRegistryIdNumber(raw: string, today?: string): ParsedIdNumber & { kind: IdNumberKind; upgradedFrom15: boolean } {
  const r = analyzeRegistryId(raw, today);
  if (r.problem) throw new Error(`invalid ID number (${r.problem})`);
  const { problem: _ok, ...parsed } = r;
  return parsed;
}
