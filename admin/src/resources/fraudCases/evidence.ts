/**
 * Reading a signal's JSON evidence (docs/fraud.md): the figures, the thresholds they were checked
 * against, and the policy version that set them. Pure functions, unit-tested.
 */
export type EvidenceFormat = 'yuan' | 'datetime' | 'region' | 'check' | 'category' | 'sex' | 'credentialType' | 'relationship' | 'bool' | 'plain';

export interface EvidenceRow {
  key: string;
  value: unknown;
  format: EvidenceFormat;
  /** The value is the id of a settlement, binding or member: render it as a link. */
  ref?: 'settlement' | 'binding' | 'member';
}

export interface ParsedEvidence {
  rule: string | null;
  figures: EvidenceRow[];
  thresholds: Array<{ key: string; value: unknown }>;
  policyVersionId: number | null;
  province: string | null;
  pretty: string;
}

const REFS: Record<string, EvidenceRow['ref']> = {
  settlementId: 'settlement',
  settlementIds: 'settlement',
  bindingIds: 'binding',
  bindingId: 'binding',
  giverId: 'member',
  beneficiaryId: 'member',
  memberId: 'member',
  patientId: 'member',
  credentialOwnerId: 'member',
  requester: 'member',
};

/** Keys that are not figures: the rule itself, the policy reference and the score breakdown (shown separately). */
const META = new Set(['rule', 'threshold', 'policyVersionId', 'province', 'scoreFactors', 'links']);

function formatOf(key: string, value: unknown): EvidenceFormat {
  if (key === 'check') return 'check';
  if (key.endsWith('Fen')) return 'yuan';
  if (key === 'places' || key.endsWith('Region')) return 'region';
  if (key.endsWith('At') || key === 'upTo') return 'datetime';
  if (key === 'category') return 'category';
  if (key === 'sex') return 'sex';
  if (key === 'credentialType') return 'credentialType';
  if (key === 'relationship' || key === 'relationships') return 'relationship';
  if (typeof value === 'boolean') return 'bool';
  return 'plain';
}

export function parseEvidence(json: string | null | undefined): ParsedEvidence {
  let ev: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(json ?? '{}') as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) ev = parsed as Record<string, unknown>;
  } catch {
    ev = { value: json };
  }
  const figures: EvidenceRow[] = [];
  // The check first: it says which test fired.
  const keys = Object.keys(ev).sort((a, b) => (a === 'check' ? -1 : b === 'check' ? 1 : 0));
  for (const key of keys) {
    if (META.has(key)) continue;
    const value = ev[key];
    const row: EvidenceRow = { key, value, format: formatOf(key, value) };
    if (REFS[key]) row.ref = REFS[key];
    figures.push(row);
  }
  const t = ev.threshold;
  const thresholds =
    t && typeof t === 'object' && !Array.isArray(t)
      ? Object.entries(t as Record<string, unknown>).map(([key, value]) => ({ key, value }))
      : t !== undefined && t !== null
        ? [{ key: 'threshold', value: t }]
        : [];
  const pv = Number(ev.policyVersionId);
  return {
    rule: typeof ev.rule === 'string' ? ev.rule : null,
    figures,
    thresholds,
    policyVersionId: Number.isFinite(pv) && ev.policyVersionId != null ? pv : null,
    province: typeof ev.province === 'string' ? ev.province : null,
    pretty: JSON.stringify(ev, null, 2),
  };
}

/** Score colour band. */
export function scoreLevel(score: number): 'high' | 'medium' | 'low' | 'info' {
  return score >= 80 ? 'high' : score >= 60 ? 'medium' : score >= 40 ? 'low' : 'info';
}

/** Integer fen of a fine: multiplier × amount involved. */
export function fineFen(baseFen: number, multiplier: number): number {
  return Math.round(baseFen) * Math.round(multiplier);
}

/** The default amount involved for a fine: account money (own + mutual aid) of the case's settlements. */
export function accountMoneyFen(settlements: ReadonlyArray<{ acctPayFen: number; mulaidPayFen: number }>): number {
  return settlements.reduce((n, s) => n + (s.acctPayFen ?? 0) + (s.mulaidPayFen ?? 0), 0);
}

/** Today (Beijing, YYYY-MM-DD) plus n months, clamped to the month's end (an estimate for the dialog). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
