/**
 * S8: the canonical form of a settlement request — the same content always hashes the same, so a
 * repeated serial is recognised as a retry and a changed payload as a conflict. Dependency-free:
 * the benchmark's direct-SQL floor uses it too.
 */
import crypto from 'node:crypto';

export interface HashedSettleInput {
  serialNo: string;
  patientIdNumber: string;
  credentialType: string;
  credentialNo: string;
  category: string;
  totalFen: number;
  poolFen: number;
  selfPayFen: number;
  placeRegion: string;
  treatedAt: Date | string;
  acctUsedFlag: boolean;
  drugCodes?: string[] | null;
}

export function requestHash(input: HashedSettleInput): string {
  const canonical = {
    serialNo: input.serialNo,
    patientIdNumber: input.patientIdNumber.trim().toUpperCase(),
    credentialType: input.credentialType,
    credentialNo: input.credentialNo.trim().toUpperCase(),
    category: input.category,
    totalFen: input.totalFen,
    poolFen: input.poolFen,
    selfPayFen: input.selfPayFen,
    placeRegion: input.placeRegion,
    treatedAt: new Date(input.treatedAt).toISOString(),
    acctUsedFlag: input.acctUsedFlag,
    drugCodes: [...(input.drugCodes ?? [])].sort(),
  };
  // crypto.hash: the one-shot digest (node ≥ 20.12), without a Hash object per request.
  return crypto.hash('sha256', JSON.stringify(canonical), 'hex');
}
