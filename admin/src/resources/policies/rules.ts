import { POLICY_KNOBS, type PolicyRules } from '@gongji/shared';
import { knobLabelKey } from './knobs';

/** The knobs mapping a relationship to document types (E9), a list in the API and a map in the editor. */
const PROOF_KNOBS = POLICY_KNOBS.filter((k) => k.type === 'proofs').map((k) => k.key);

/** `rules` may arrive as an object (JSON scalar) or as a JSON string; anything else is null. */
export function parseRules(value: unknown): Partial<PolicyRules> | null {
  if (value == null) return null;
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Partial<PolicyRules>) : null;
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  // The API lists required proofs as [{ relationship, docTypes }]; the view wants a map.
  const v = value as Record<string, unknown>;
  const out: Record<string, unknown> = { ...v };
  for (const key of PROOF_KNOBS) {
    if (!Array.isArray(v[key])) continue;
    const map: Record<string, unknown> = {};
    for (const r of v[key] as Array<{ relationship: string; docTypes: string[] }>) map[r.relationship] = r.docTypes;
    out[key] = map;
  }
  return out as Partial<PolicyRules>;
}

export { rulesToInput } from './knobs';

/** A path of policyDiff ("fraud.drainPercent", "requiredProofs.SPOUSE") → translation key and enum suffix. */
export function diffPathKey(path: string): { key: string; sub?: string } {
  const [head, tail] = path.split('.', 2);
  if (PROOF_KNOBS.includes(head) && tail) return { key: knobLabelKey(head), sub: tail };
  return { key: knobLabelKey(path) };
}
