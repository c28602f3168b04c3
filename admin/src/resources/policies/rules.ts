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
  return typeof value === 'object' && !Array.isArray(value) ? (value as Partial<PolicyRules>) : null;
}
