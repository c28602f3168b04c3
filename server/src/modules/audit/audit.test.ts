import { POOLING_REGIONS, provinceOf } from '@gongji/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillAuditRegions } from '../../db/migrations/backfill-scope';
import { startTestServer, type TestServer } from '../../testing/harness';
import { slotsFor } from '../../core/slots';
import { AuditLogRegion } from './audit.entity';
import { CHAIN_CHECK_SLOTS } from './audit.service';

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

  it('A4: concurrent appends (searches by name from parallel requests) chain in id order, ids consecutive', async () => {
    const tokens = [await t.staffToken('caseworker'), await t.staffToken('auditor'), await t.staffToken('caseworker_44')];
    const before = Number((await t.run((ctx) => ctx.em.query('SELECT MAX(id) AS n FROM audit_log')))[0].n);
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => t.ok(`query($f: MemberFilter) { members(filter: $f) { total } }`, { f: { name: `并发${i}` } }, tokens[i % tokens.length])),
    );
    const ids = (await t.run((ctx) => ctx.em.query('SELECT id FROM audit_log WHERE id > ? ORDER BY id', [before]))).map((r: { id: unknown }) => Number(r.id));
    expect(ids).toEqual(Array.from({ length: 24 }, (_, i) => before + 1 + i));
    const head = (await t.run((ctx) => ctx.em.query('SELECT last_id FROM audit_head WHERE id = 1')))[0];
    expect(Number(head.last_id)).toBe(before + 24);
    expect((await t.ok(CHECK, {}, tokens[1])).auditChainCheck.ok).toBe(true);
  });

  it('A4: the chain is checked a window at a time: the windows, carried on, check every entry once and end at the head', async () => {
    const auditor = await t.staffToken('auditor');
    const caseworker = await t.staffToken('caseworker'); // (signing in is audited: before the head is read)
    const WINDOW = `query($afterId: Int, $afterHash: String, $limit: Int) { auditChainCheck(afterId: $afterId, afterHash: $afterHash, limit: $limit) { ok checked brokenAtId lastId lastHash done total } }`;
    const head = (await t.run((ctx) => ctx.em.query('SELECT last_id, hash FROM audit_head WHERE id = 1')))[0];
    const total = Number(head.last_id);
    expect(total).toBeGreaterThan(6);
    const windows: any[] = [];
    let cursor: { afterId?: number; afterHash?: string } = {};
    for (;;) {
      const w = (await t.ok(WINDOW, { ...cursor, limit: 3 }, auditor)).auditChainCheck;
      windows.push(w);
      expect(w.ok).toBe(true);
      if (w.done) break;
      expect(w.checked).toBe(3);
      cursor = { afterId: w.lastId, afterHash: w.lastHash };
    }
    expect(windows.reduce((n, w) => n + w.checked, 0)).toBe(total);
    expect(windows.map((w) => w.lastId)).toEqual(windows.map((_, i) => Math.min(3 * (i + 1), total)));
    expect(windows.at(-1)).toMatchObject({ done: true, lastId: total, lastHash: head.hash, total });
    // The whole chain in one call when it fits the window (the default, 100,000).
    expect((await t.ok(WINDOW, {}, auditor)).auditChainCheck).toMatchObject({ ok: true, done: true, checked: total, lastId: total });

    // A window must continue from the hash the previous one ended with, not from any hash.
    const forged = (await t.ok(WINDOW, { afterId: 3, afterHash: 'a'.repeat(64), limit: 3 }, auditor)).auditChainCheck;
    expect(forged).toMatchObject({ ok: false, brokenAtId: 4, done: true });
    // afterId and afterHash go together; the window is 1–100,000 entries; a hash is 64 hex digits.
    const half = await t.gql(WINDOW, { afterId: 3 }, auditor);
    expect(half.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'INPUT', ruleCode: 'CHAIN_WINDOW' });
    for (const bad of [{ limit: 0 }, { limit: 100_001 }, { afterId: 3, afterHash: 'xyz' }])
      expect((await t.gql(WINDOW, bad, auditor)).errors?.[0].extensions?.code, JSON.stringify(bad)).toBe('BAD_USER_INPUT');
    // Only auditors run it.
    expect((await t.gql(WINDOW, {}, caseworker)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // An entry slipped in after the head (written straight to the database, head untouched) breaks the chain at the end.
    const last = (await t.run((ctx) => ctx.em.query('SELECT * FROM audit_log WHERE id = ?', [total])))[0];
    await t.run((ctx) =>
      ctx.em.query('INSERT INTO audit_log (id, at, actor_kind, actor_id, actor_name, action, entity_type, entity_id, regions, reason, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        total + 1, last.at, last.actor_kind, last.actor_id, last.actor_name, 'member.reveal', last.entity_type, last.entity_id, last.regions, '伪造', last.detail, last.hash, 'b'.repeat(64),
      ]),
    );
    try {
      expect((await t.ok(WINDOW, {}, auditor)).auditChainCheck).toMatchObject({ ok: false, brokenAtId: total + 1, done: true });
    } finally {
      await t.run((ctx) => ctx.em.query('DELETE FROM audit_log WHERE id = ?', [total + 1]));
    }
    expect((await t.ok(WINDOW, {}, auditor)).auditChainCheck.ok).toBe(true);
  });

  it('A4: one chain-check window at a time per auditor (two on the node): the next is refused with 429 RATE_LIMITED until one ends', async () => {
    const token = await t.staffToken('auditor');
    const other = await t.staffToken('auditor_44');
    const me = (await t.ok('{ viewer { id } }', {}, token)).viewer.id as number;
    const slots = slotsFor(t.deps, 'auditChainCheck', CHAIN_CHECK_SLOTS);
    const held = slots.acquire(me); // this auditor's window in another tab
    try {
      const refused = await t.gql(CHECK, {}, token);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'BUSY', retryAfterSeconds: 5 });
      expect((await t.ok(CHECK, {}, other)).auditChainCheck.ok).toBe(true); // another auditor is not held up
      expect(slots.inUse).toBe(1);
    } finally {
      held?.();
    }
    expect((await t.ok(CHECK, {}, token)).auditChainCheck.ok).toBe(true);
    expect(slots.inUse).toBe(0);
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

describe('audit scope index (issue 10)', () => {
  const PAGE = `query($f: AuditFilter, $after: String) { auditLogs(filter: $f, perPage: 2, sortField: "at", sortOrder: DESC, after: $after) { nextCursor items { id entityId } } }`;

  it('A1: an auditor sees the entries of every region in scope, newest first by keyset, and none of another region', async () => {
    const sz = await t.member({ insuredRegion: '440300' });
    const gz = await t.member({ insuredRegion: '440100' });
    const bj = await t.member({ insuredRegion: '110000' });
    // Each reveal is audited with the member's region; the move concerns two regions.
    for (const m of [sz, gz, bj]) await t.ok(`mutation { revealMember(id: ${m.id}, reason: "来电核实") { __typename } }`, {}, await t.staffToken('caseworker'));
    const walk = async (user: string) => {
      const ids: string[] = [];
      let after: string | null = null;
      do {
        const page: any = (await t.ok(PAGE, { f: { action: 'member.reveal' }, after }, await t.staffToken(user))).auditLogs;
        ids.push(...page.items.map((x: { entityId: string }) => x.entityId));
        after = page.nextCursor;
      } while (after);
      return ids.filter((id) => [sz, gz, bj].some((m) => String(m.id) === id));
    };
    expect(await walk('auditor_440300')).toEqual([String(sz.id)]);
    expect(await walk('auditor_44')).toEqual([String(gz.id), String(sz.id)]);
    expect(await walk('auditor_11')).toEqual([String(bj.id)]);
    expect(await walk('auditor')).toEqual([String(bj.id), String(gz.id), String(sz.id)]);
    // Without a filter the scoped page is read from the link rows, in the same order.
    const all = (await t.ok(`{ auditLogs(perPage: 200, sortField: "at", sortOrder: DESC) { items { id } } }`, {}, await t.staffToken('auditor_44'))).auditLogs.items.map((x: any) => Number(x.id));
    const expected = await t.run(async (ctx) => (await ctx.em.query("SELECT id FROM audit_log WHERE regions LIKE '%,44,%' ORDER BY at DESC, id DESC LIMIT 200")).map((r: any) => Number(r.id)));
    expect(all).toEqual(expected);
  });

  it('A4: a name search whose results span 20 regions in many provinces is audited, and each region’s auditor sees it', async () => {
    // One region per province first, so the regions list is as long as it gets (20 regions, 20 provinces).
    const byProvince = new Map<string, string>();
    for (const r of POOLING_REGIONS) if (!byProvince.has(r.provinceCode)) byProvince.set(r.provinceCode, r.code);
    const regions = [...byProvince.values()].slice(0, 20);
    expect(regions.length).toBe(20);
    for (const r of regions) await t.member({ insuredRegion: r, name: '欧阳测试' });
    const found = (await t.ok(`{ members(filter: { name: "欧阳测" }, perPage: 50) { total } }`, {}, await t.staffToken('caseworker'))).members.total;
    expect(found).toBe(20);
    expect(regions.map(provinceOf)).toEqual(expect.arrayContaining(['11', '44']));
    for (const auditor of ['auditor_11', 'auditor_44']) {
      const seen = await t.ok(`{ auditLogs(filter: { action: "member.search" }, sortField: "at", sortOrder: DESC, perPage: 1) { items { action detail } } }`, {}, await t.staffToken(auditor));
      expect(JSON.parse(seen.auditLogs.items[0].detail)).toMatchObject({ by: ['name'], matches: 20 });
    }
    const codes = await t.run(async (ctx) => (await ctx.em.query("SELECT r.region_code AS c FROM audit_log_region r JOIN audit_log a ON a.id = r.audit_id WHERE a.id = (SELECT MAX(id) FROM audit_log WHERE action = 'member.search')")).map((x: any) => x.c));
    expect(new Set(codes)).toEqual(new Set([...regions, ...regions.map(provinceOf)]));
  });

  it('A1: the migration back-fill rebuilds from the regions lists exactly the scope rows the log writes', async () => {
    await t.ok(`mutation { setCrossProvinceSharing(provinceCode: "44", enabled: true) { __typename } }`, {}, await t.staffToken('regional_admin_44'));
    const rows = () =>
      t.run(async (ctx) =>
        (await ctx.em.find(AuditLogRegion, { order: { auditId: 'ASC', regionCode: 'ASC' } }))
          // An entry deleted by the tamper test above left its scope rows behind; the back-fill starts from the log.
          .filter((r) => r.auditId !== deleted)
          .map((r) => `${r.auditId}:${r.regionCode}:${new Date(r.at).toISOString()}`),
      );
    const present = await t.run(async (ctx) => new Set((await ctx.em.query('SELECT id FROM audit_log')).map((r: any) => Number(r.id))));
    const deleted = (await t.run((ctx) => ctx.em.find(AuditLogRegion))).map((r) => r.auditId).find((id) => !present.has(id));
    const written = await rows();
    expect(written.length).toBeGreaterThan(3);
    await t.run(async (ctx) => {
      await ctx.em.query('DELETE FROM audit_log_region');
      await backfillAuditRegions(ctx.em.queryRunner!, ctx.db.isSqlite ? 'sqlite' : 'mysql', 3);
    });
    expect(await rows()).toEqual(written);
  });
});
