/**
 * R1: read a registry file as a stream of rows, at constant memory: CSV through csv-parse (UTF-8 or
 * GB18030, decoded by iconv-lite) or XLSX through exceljs's streaming reader (first worksheet).
 * Row numbers are the spreadsheet's: the header is row 1, the first data row is row 2.
 */
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

export type FileEncoding = 'utf8' | 'gb18030';
export type FileFormat = 'csv' | 'xlsx';

export interface RawRow {
  rowNumber: number;
  cells: string[];
}

export interface RegistryFile {
  format: FileFormat;
  encoding: FileEncoding | null;
  /** Column titles of row 1, trimmed. */
  header: string[];
  rows: AsyncGenerator<RawRow>;
  /** Bytes of the file consumed so far (progress). */
  bytesRead(): number;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** UTF-8 unless the opening bytes are not valid UTF-8 (then GB18030, the superset of GBK/GB2312). */
export function detectEncoding(head: Buffer): FileEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  // Drop a possibly cut multi-byte character at the end of the sample.
  let end = head.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = head[end - i];
    if ((b & 0xc0) === 0xc0) {
      end -= i;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

async function readHead(file: string, bytes = 65536): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  return String(v);
}

/** Open a registry file. `encoding` (CSV only) overrides detection. */
export async function openRegistryFile(file: string, encoding?: FileEncoding): Promise<RegistryFile> {
  const head = await readHead(file);
  const format: FileFormat = head.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
  let consumed = 0;
  const source = createReadStream(file, { highWaterMark: 256 * 1024 });
  source.on('data', (chunk) => (consumed += chunk.length));

  if (format === 'csv') {
    const enc = encoding ?? detectEncoding(head);
    const parser = source
      .pipe(iconv.decodeStream(enc === 'utf8' ? 'utf8' : 'gb18030'))
      .pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
    const it = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
    const first = await it.next();
    const header = first.done ? [] : first.value.map((h) => h.replace(/^\uFEFF/, '').trim());
    async function* rows(): AsyncGenerator<RawRow> {
      let n = 1;
      try {
        for (;;) {
          const r = await it.next();
          if (r.done) return;
          n++;
          yield { rowNumber: n, cells: r.value };
        }
      } finally {
        source.destroy();
      }
    }
    return { format, encoding: enc, header, rows: rows(), bytesRead: () => consumed };
  }

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  const sheet = await sheets.next();
  if (sheet.done) {
    source.destroy();
    return { format, encoding: null, header: [], rows: (async function* () {})(), bytesRead: () => consumed };
  }
  const rowIt = sheet.value[Symbol.asyncIterator]();
  const toCells = (row: ExcelJS.Row): string[] => {
    const values = row.values as unknown[];
    const out: string[] = [];
    for (let i = 1; i < values.length; i++) out.push(cellText(values[i]).trim());
    return out;
  };
  let header: string[] = [];
  let headerRow = 0;
  for (;;) {
    const r = await rowIt.next();
    if (r.done) break;
    const cells = toCells(r.value);
    if (cells.some(Boolean)) {
      header = cells;
      headerRow = r.value.number;
      break;
    }
  }
  async function* rows(): AsyncGenerator<RawRow> {
    try {
      for (;;) {
        const r = await rowIt.next();
        if (r.done) return;
        if (r.value.number <= headerRow) continue;
        const cells = toCells(r.value);
        if (cells.some(Boolean)) yield { rowNumber: r.value.number, cells };
      }
    } finally {
      source.destroy();
    }
  }
  return { format, encoding: null, header, rows: rows(), bytesRead: () => consumed };
}
