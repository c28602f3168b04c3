import type { PolicyRules } from '@gongji/shared';

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
  if (Array.isArray(v.requiredProofs)) {
    const map: Record<string, unknown> = {};
    for (const r of v.requiredProofs as Array<{ relationship: string; docTypes: string[] }>) map[r.relationship] = r.docTypes;
    return { ...(v as Partial<PolicyRules>), requiredProofs: map as PolicyRules['requiredProofs'] };
  }
  return v as Partial<PolicyRules>;
}
