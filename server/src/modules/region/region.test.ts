import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const LIST = `query($page: Int!, $sortField: String, $sortOrder: SortOrder!) {
  provinces(page: $page, perPage: 10, sortField: $sortField, sortOrder: $sortOrder) { total items { code name } } }`;

describe('reference data', () => {
  it('lists the 32 provincial units page by page, sorted, with 新疆生产建设兵团 as its own unit', async () => {
    const token = await t.staffToken('caseworker');
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const r = await t.ok(LIST, { page, sortField: 'name', sortOrder: 'ASC' }, token);
      expect(r.provinces.total).toBe(32);
      seen.push(...r.provinces.items.map((p: { code: string }) => p.code));
    }
    expect(seen).toHaveLength(32);
    expect(new Set(seen).size).toBe(32);
    expect(seen).toContain('66');
    const byCode = await t.ok(LIST, { page: 1, sortField: 'code', sortOrder: 'DESC' }, token);
    expect(byCode.provinces.items[0].code).toBe('66');
  });

  it('INPUT: an unknown sort field is refused with a clear message', async () => {
    const r = await t.gql(LIST, { page: 1, sortField: 'population', sortOrder: 'ASC' }, await t.staffToken('caseworker'));
    expect(r.errors?.[0].message).toMatch(/population/);
  });
});
