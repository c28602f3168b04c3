/** The audit `detail` column is JSON text; show it indented, or as it is when it is not JSON. */
export function prettyDetail(detail: string | null | undefined): string {
  if (!detail) return '';
  try {
    return JSON.stringify(JSON.parse(detail), null, 2);
  } catch {
    return detail;
  }
}

/** The `detail` JSON as an object (null when it is not a JSON object). */
export function parseDetail(detail: string | null | undefined): Record<string, unknown> | null {
  if (!detail) return null;
  try {
    const v = JSON.parse(detail);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
