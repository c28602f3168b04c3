/**
 * CSV export for every list, in one place: the list's own columns with their Chinese (or English)
 * labels, money in yuan (two decimals, no symbol), instants in Beijing time, enum values and
 * regions by name, UTF-8 with a byte-order mark so that Excel opens the Chinese text correctly.
 * All matching rows are exported: the data provider pages through lists longer than the API's page
 * limit (see runList).
 *
 * NOTE for the integrator: the server is getting a streamed CSV export route (issue 10); once it
 * exists, `downloadCsv` callers can switch to it for very large exports. This client-side exporter
 * stays as the fallback and the definition of the columns.
 */
import type { Exporter, RaRecord } from 'react-admin';
import { i18nProvider } from '../i18n';
import { beijingToday, formatDate, formatDateTime, formatRegion, yuanPlain } from '../format';

export type ColumnKind = 'text' | 'yuan' | 'datetime' | 'date' | 'region' | 'bool' | { enum: string };

export interface CsvColumn {
  source: string;
  kind?: ColumnKind;
  /** A translation key for the header, default resources.<resource>.fields.<source>. */
  label?: string;
}

const t = (key: string, opts?: Record<string, unknown>) => i18nProvider.translate(key, opts);

function get(record: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record);
}

export function cell(value: unknown, kind: ColumnKind = 'text'): string {
  if (value === null || value === undefined || value === '') return '';
  if (kind === 'yuan') return yuanPlain(Number(value));
  if (kind === 'datetime') return formatDateTime(value as string);
  if (kind === 'date') return formatDate(value as string);
  if (kind === 'region') return formatRegion(String(value), i18nProvider.getLocale());
  if (kind === 'bool') return t(value ? 'ra.boolean.true' : 'ra.boolean.false');
  if (typeof kind === 'object') {
    const one = (v: unknown) => t(`gongji.enums.${kind.enum}.${String(v)}`, { _: String(v) });
    return Array.isArray(value) ? value.map(one).join('、') : one(value);
  }
  return Array.isArray(value) ? value.join('、') : String(value);
}

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
export function escapeCsv(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(resource: string, columns: CsvColumn[], records: Array<Record<string, unknown>>): string {
  const header = columns.map((c) => escapeCsv(t(c.label ?? `resources.${resource}.fields.${c.source}`, { _: c.source })));
  const rows = records.map((r) => columns.map((c) => escapeCsv(cell(get(r, c.source), c.kind))).join(','));
  return `\uFEFF${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

export function downloadCsv(csv: string, baseName: string): void {
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${baseName}-${beijingToday()}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A react-admin exporter for a list: `exporter={csvExporter('bindings', BINDING_COLUMNS)}`. */
export function csvExporter(resource: string, columns: CsvColumn[]): Exporter {
  return (records: RaRecord[]) => downloadCsv(toCsv(resource, columns, records as Array<Record<string, unknown>>), t(`resources.${resource}.name`, { smart_count: 2 }));
}

/** The most rows one export fetches (the data provider pages through them). */
export const EXPORT_MAX_ROWS = 50_000;
