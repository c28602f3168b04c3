/** The audit `detail` column is JSON text; show it indented, or as it is when it is not JSON. */
export function prettyDetail(detail: string | null | undefined): string {
  if (!detail) return '';
  try {
    return JSON.stringify(JSON.parse(detail), null, 2);
  } catch {
    return detail;
  }
}
