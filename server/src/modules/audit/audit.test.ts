import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const CHECK = `{ auditChainCheck { ok checked brokenAtId } }`;

describe('audit log (A4)', () => {
  it('A4: staff changes and reveals are logged, scoped, and there is no way to change the log through the API', async () => {
    const m = await t.member({ insuredRegion: '110000' });
    await t.ok(`mutation { revealMember(id: ${m.id}, reason: "来电核实") { __typename } }`, {}, await t.staffToken('caseworker'));
    await t.ok(`mutation { setCrossProvinceSharing(provinceCode: "44", enabled: true) { __typename } }`, {}, await t.staffToken('regional_admin_44'));
    const national = (await t.ok(`{ auditLogs(perPage: 100) { items { action actorName entityType } } }`, {}, await t.staffToken('auditor'))).auditLogs.items;
    expect(national.map((x: any) => x.action)).toEqual(expect.arrayContaining(['member.reveal', 'policy.create', 'staff.login']));
    const gd = (await t.ok(`{ auditLogs(filter: { action: "member." }) { total } }`, {}, await t.staffToken('auditor_44'))).auditLogs.total;
    expect(gd).toBe(0); // the reveal concerned a Beijing member
    const bj = (await t.ok(`{ auditLogs(filter: { action: "member." }) { total } }`, {}, await t.staffToken('auditor_11'))).auditLogs.total;
    expect(bj).toBe(1);
    const mutations = (await t.ok(`{ __schema { mutationType { fields { name } } } }`)).__schema.mutationType.fields.map((f: any) => f.name);
    expect(mutations.filter((n: string) => /audit/i.test(n))).toEqual([]);
  });

  it('A4: the hash chain verifies; changing or deleting an entry directly in the database breaks it', async () => {
    const auditor = await t.staffToken('auditor');
    const good = (await t.ok(CHECK, {}, auditor)).auditChainCheck;
    expect(good.ok).toBe(true);
    expect(good.checked).toBeGreaterThan(1);
    const rows = await t.run((ctx) => ctx.em.query('SELECT id FROM audit_log ORDER BY id'));
    const victim = Number(rows[1].id);
    await t.run((ctx) => ctx.em.query('UPDATE audit_log SET reason = ? WHERE id = ?', ['篡改', victim]));
    expect((await t.ok(CHECK, {}, auditor)).auditChainCheck).toMatchObject({ ok: false, brokenAtId: victim });
    await t.run((ctx) => ctx.em.query('DELETE FROM audit_log WHERE id = ?', [victim]));
    const afterDelete = (await t.ok(CHECK, {}, auditor)).auditChainCheck;
    expect(afterDelete.ok).toBe(false);
    expect(afterDelete.brokenAtId).toBeGreaterThan(victim);
  });
});
