import { describe, expect, it } from 'vitest';
import { fileNameFrom, hasServerExport, serverExportUrl } from './serverCsv';

describe('exports through the server route', () => {
  it('uses the route for the lists it serves, not for members (a searched ID number would land in a URL)', () => {
    expect(['bindings', 'settlements', 'proofs', 'fraudCases', 'auditLogs'].every(hasServerExport)).toBe(true);
    expect(hasServerExport('members')).toBe(false);
    expect(hasServerExport('institutions')).toBe(false);
  });

  it('sends the list filter as the API takes it: Beijing days as ISO instants, lists comma-separated, the sort', () => {
    const url = new URL(serverExportUrl('settlements', { from: '2026-03-01', to: '2026-03-31', category: 'PHARMACY', memberId: 81, region: '' }, { field: 'treatedAt', order: 'DESC' }), 'http://x');
    expect(url.pathname).toBe('/export/settlements.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-31T16:00:00.000Z',
      category: 'PHARMACY',
      memberId: '81',
      sortField: 'treatedAt',
      sortOrder: 'DESC',
    });
    const cases = new URL(serverExportUrl('fraudCases', { state: 'UNCLOSED', minScore: 60 }, { field: 'score', order: 'DESC' }), 'http://x');
    expect(cases.searchParams.get('states')).toBe('OPEN,INVESTIGATING');
    expect(cases.searchParams.get('minScore')).toBe('60');
  });

  it('leaves out a sort the list cannot sort by', () => {
    expect(serverExportUrl('bindings', {}, { field: 'giverId', order: 'ASC' })).toBe('/export/bindings.csv');
  });

  it('takes the file name from the server', () => {
    expect(fileNameFrom('attachment; filename="bindings-202603011405.csv"', 'x')).toBe('bindings-202603011405.csv');
    expect(fileNameFrom(null, '绑定')).toMatch(/^绑定-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});
