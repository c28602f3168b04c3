/** A1: the staff accounts list: search, role and scope filters, never beyond the caller's scope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const Q = `query($f: StaffFilter) { staffUsers(filter: $f, perPage: 100, sortField: "username") { total items { username roles scope active } } }`;
const names = (r: { staffUsers: { items: Array<{ username: string }> } }) => r.staffUsers.items.map((s) => s.username);

describe('A1: staff accounts list', () => {
  it('A1: search by username or display name, filter by role and scope; a province admin sees only accounts inside the province', async () => {
    const admin = await t.staffToken('regional_admin');
    expect(names(await t.ok(Q, { f: { search: 'auditor_4' } }, admin))).toEqual(['auditor_44', 'auditor_440300']);
    // Display names, and LIKE wildcards are taken literally ('_' is not "any character").
    expect(names(await t.ok(Q, { f: { search: 'FRAUD_ANALYST 11' } }, admin))).toEqual(['fraud_analyst_11']);
    expect(names(await t.ok(Q, { f: { search: '%' } }, admin))).toEqual([]);
    expect(names(await t.ok(Q, { f: { role: 'FRAUD_ANALYST', scope: '44' } }, admin))).toEqual(['fraud_analyst_44', 'fraud_analyst_440300']);
    const gd = await t.ok(Q, {}, await t.staffToken('regional_admin_44'));
    expect(gd.staffUsers.items.every((s: { scope: string | null }) => s.scope?.startsWith('44'))).toBe(true);
    expect(names(await t.ok(Q, { f: { scope: '11' } }, await t.staffToken('regional_admin_44')))).toEqual([]);
  });

  it('A1: caseworkers and analysts cannot list staff accounts; a bad scope filter is refused', async () => {
    expect((await t.gql(Q, {}, await t.staffToken('caseworker'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(Q, { f: { scope: '4' } }, await t.staffToken('auditor'))).errors?.length).toBeGreaterThan(0);
  });
});
