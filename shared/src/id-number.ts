/** Resident ID numbers (GB 11643-1999): 6-digit region, YYYYMMDD, 3-digit sequence (odd = male), check char. */
import type { Sex } from './enums';

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

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Why an ID number is invalid, or null when it is valid. `today` bounds the birth date (YYYY-MM-DD). */
export function idNumberProblem(raw: string, today: string = new Date().toISOString().slice(0, 10)): IdNumberProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'FORMAT';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1880 || !validDate(y, m, d)) return 'BIRTH_DATE';
  if (`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > today) return 'BIRTH_DATE';
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
