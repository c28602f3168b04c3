import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';
import { countStatements } from './statement-counter';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  for (let i = 0; i < 30; i++) await t.member({ insuredRegion: i % 2 ? '440300' : '110000' });
});
afterAll(async () => {
  await t?.close();
});

const MEMBERS = `query($perPage: Int, $after: String) { members(perPage: $perPage, after: $after) { total totalCapped nextCursor items { id name insuredRegion } } }`;

describe('statement counter', () => {
  it('issue 10: a list page costs the same number of statements for 5 rows as for 20 (no N+1 in the list itself)', async () => {
    const token = await t.staffToken('caseworker');
    await t.ok(MEMBERS, { perPage: 1 }, token); // the first request fills the principal cache
    const small = await countStatements(t.db, () => t.ok(MEMBERS, { perPage: 5 }, token));
    const large = await countStatements(t.db, () => t.ok(MEMBERS, { perPage: 20 }, token));
    expect(small.result.members.items).toHaveLength(5);
    expect(large.result.members.items.length).toBe(20);
    expect(small.count).toBeGreaterThan(0);
    expect(large.count).toBe(small.count);
    // By cursor: no count needed past the first page only when nothing follows; never more statements.
    const next = await countStatements(t.db, () => t.ok(MEMBERS, { perPage: 5, after: small.result.members.nextCursor }, token));
    expect(next.count).toBeLessThanOrEqual(small.count);
    expect(next.result.members.items[0].id).not.toBe(small.result.members.items[0].id);
  });

  it('issue 10: a page is one statement (ids, rows and capped total); it reads only the asked columns, and counts only when the total is asked for', async () => {
    const token = await t.staffToken('caseworker');
    await t.ok(MEMBERS, { perPage: 1 }, token);
    const sql = async (query: string) => {
      const r = await countStatements(t.db, () => t.ok(query, {}, token));
      return r.statements.filter((q) => /\bmember\b/.test(q));
    };
    // Plain column fields only: one statement, only those columns (and the key), with the count.
    const plain = await sql(`{ members(perPage: 5) { total items { id status insuredRegion } } }`);
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatch(/COUNT\(\*\)/);
    expect(plain[0]).toMatch(/status/);
    expect(plain[0]).not.toMatch(/id_number|birth_date/);
    // No total asked: no count.
    const noTotal = await sql(`{ members(perPage: 5) { items { id status } } }`);
    expect(noTotal).toHaveLength(1);
    expect(noTotal[0]).not.toMatch(/COUNT\(\*\)/);
    // A field with its own resolver (masking reads other columns): every column is loaded.
    const masked = await sql(`{ members(perPage: 5) { totalCapped items { idNumber } } }`);
    expect(masked).toHaveLength(1);
    expect(masked[0]).toMatch(/birth_date/);
    // Through a fragment, the same projection as written out.
    const frag = await sql(`query { members(perPage: 5) { ...P } } fragment P on MemberPage { total items { ... on Member { id status } } }`);
    expect(frag[0]).toMatch(/COUNT\(\*\)/);
    expect(frag[0]).not.toMatch(/birth_date/);
  });
});
