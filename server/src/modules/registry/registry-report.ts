/** The dry-run report as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese correctly). */
import type { ImportProblem } from './import-job.entity';

const quote = (s: string | number) => {
  const v = String(s);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

export function problemsCsvHeader(): string {
  return '\uFEFF行号,列,规则,说明\r\n';
}

export function problemCsvLine(p: Pick<ImportProblem, 'rowNumber' | 'columnName' | 'code' | 'message'>): string {
  return `${[p.rowNumber, p.columnName, p.code, p.message].map(quote).join(',')}\r\n`;
}
