import { describe, expect, it } from 'vitest';
import { countLines, fileNameFrom, hasServerExport, readWithProgress, serverExportRequest, type ExportProgress } from './serverCsv';

describe('exports through the server route', () => {
  it('uses the route for the growing lists, members included (their search travels in the body), not for the small ones', () => {
    expect(['members', 'institutions', 'bindings', 'settlements', 'proofs', 'fraudCases', 'auditLogs'].every(hasServerExport)).toBe(true);
    expect(hasServerExport('staffUsers')).toBe(false);
  });

  it('sends the list filter as the API takes it, in a JSON body: Beijing days as ISO instants, lists as arrays, the sort', () => {
    const req = serverExportRequest('settlements', { from: '2026-03-01', to: '2026-03-31', category: 'PHARMACY', memberId: 81, region: '' }, { field: 'treatedAt', order: 'DESC' });
    expect(req.url).toBe('/export/settlements.csv');
    expect(req.body).toEqual({
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-31T16:00:00.000Z',
      category: 'PHARMACY',
      memberId: '81',
      sortField: 'treatedAt',
      sortOrder: 'DESC',
    });
    const cases = serverExportRequest('fraudCases', { state: 'UNCLOSED', minScore: 60 }, { field: 'score', order: 'DESC' });
    expect(cases.body.states).toEqual(['OPEN', 'INVESTIGATING']);
    expect(cases.body.minScore).toBe('60');
    // A search by name stays out of the URL.
    const search = serverExportRequest('members', { name: '张' }, { field: 'id', order: 'ASC' });
    expect(search.url).toBe('/export/members.csv');
    expect(search.body.name).toBe('张');
    // A yes/no filter stays a JSON boolean.
    expect(serverExportRequest('institutions', { active: false }).body).toEqual({ active: false });
  });

  it('leaves out a sort the list cannot sort by', () => {
    expect(serverExportRequest('bindings', {}, { field: 'giverId', order: 'ASC' }).body).toEqual({});
  });

  it('takes the file name from the server', () => {
    expect(fileNameFrom('attachment; filename="bindings-202603011405.csv"', 'x')).toBe('bindings-202603011405.csv');
    expect(fileNameFrom(null, '绑定')).toMatch(/^绑定-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('reports the rows received as the file streams in, and hands over every byte', async () => {
    const enc = new TextEncoder();
    // A header line, then three rows split across chunks at awkward places (inside a row, after a CR).
    const parts = ['\uFEFF编号,金额\r\n1,1.00\r', '\n2,2.', '00\r\n3,3.00\r\n'];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(enc.encode(p));
        c.close();
      },
    });
    const seen: ExportProgress[] = [];
    const blob = await readWithProgress(new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } }), (p) => seen.push(p));
    expect(seen.map((p) => p.rows)).toEqual([0, 1, 3]);
    expect(seen[2].bytes).toBe(enc.encode(parts.join('')).length);
    // Byte for byte, the BOM included (Excel needs it; decoding the text would hide it).
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([...enc.encode(parts.join(''))]);
    expect(blob.type).toBe('text/csv; charset=utf-8');
    expect(countLines(enc.encode('a\nb\n\n'))).toBe(3);
  });
});
