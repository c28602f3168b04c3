import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { AuditLog } from '../audit/audit.entity';
import { Institution } from '../institution/institution.entity';
import { writeChunk } from '../../core/streaming';
import { Slots } from '../../core/slots';
import { csvCell, exportSlotsFor } from './export.route';

let t: TestServer;
// Whole seconds, an hour ago: its Beijing wall-clock time is what the CSV must show.
const treatedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3600_000);
const beijingText = new Date(treatedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
const SETTLE = `mutation($input: SettleInput!) { settle(input: $input) { __typename ... on Settlement { id } ... on RuleViolation { rule code message } } }`;

beforeAll(async () => {
  t = await startTestServer();
  const sz = await t.institutionToken('H44030300001');
  const bj = await t.institutionToken('H11000000001');
  for (const [token, region, n] of [
    [sz, '440300', 5],
    [bj, '110000', 3],
  ] as const) {
    const patient = await t.member({ insuredRegion: region, openingBalanceFen: 0, name: '=cmd|王五' });
    for (let i = 0; i < n; i++) {
      const r = await t.ok(
        SETTLE,
        {
          input: {
            serialNo: `X${randomUUID().slice(0, 16)}`,
            patientIdNumber: patient.idNumber,
            credentialType: 'T02',
            credentialNo: patient.idNumber,
            category: 'OUTPATIENT',
            totalFen: 12_345 + i,
            poolFen: 0,
            selfPayFen: 12_345 + i,
            placeRegion: region,
            treatedAt: treatedAt.toISOString(),
            acctUsedFlag: true,
          },
        },
        token,
      );
      expect(r.settle).toMatchObject({ __typename: 'Settlement' });
    }
  }
});
afterAll(async () => {
  await t?.close();
});

async function csv(path: string, user: string | null) {
  const res = await fetch(`${t.url}${path}`, { headers: user ? { authorization: `Bearer ${await t.staffToken(user)}` } : {} });
  const buf = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), buf, text: buf.toString('utf8') };
}

describe('CSV exports', () => {
  it('issue 10: streams a whole list as UTF-8 CSV with a BOM, Chinese headers, yuan and Beijing time', async () => {
    const r = await csv('/export/settlements.csv?sortOrder=ASC', 'auditor');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/text\/csv; charset=utf-8/);
    expect([...r.buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = r.text.slice(1).trimEnd().split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['编号', '机构编号', '结算流水号']);
    expect(lines).toHaveLength(1 + 8);
    const first = lines[1].split(',');
    expect(first[5]).toBe(beijingText);
    expect(first[6]).toBe('123.45');
  });

  it('A1: the export holds only what the caller’s scope shows, and filters like the list', async () => {
    const r44 = await csv('/export/settlements.csv', 'auditor_44');
    expect(r44.text.trimEnd().split('\r\n')).toHaveLength(1 + 5);
    const filtered = await csv('/export/settlements.csv?region=110000', 'auditor');
    expect(filtered.text.trimEnd().split('\r\n')).toHaveLength(1 + 3);
    const none = await csv('/export/settlements.csv?region=110000', 'auditor_44');
    expect(none.text.trimEnd().split('\r\n')).toHaveLength(1);
  });

  it('A3: names and ID numbers are masked, and a formula-like cell is defused', async () => {
    const r = await csv('/export/members.csv', 'caseworker');
    expect(r.status).toBe(200);
    expect(r.text).not.toMatch(/=cmd/);
    expect(r.text).toMatch(/\*/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(-12.5)).toBe('-12.5');
  });

  it('A1: the same token as the API is required, and the list’s roles apply', async () => {
    expect((await csv('/export/settlements.csv', null)).status).toBe(401);
    expect((await csv('/export/auditLogs.csv', 'caseworker')).status).toBe(403);
    expect((await csv('/export/auditLogs.csv', 'auditor')).status).toBe(200);
    expect((await csv('/export/nothing.csv', 'auditor')).status).toBe(404);
    expect((await csv('/export/settlements.csv?requestHash=x', 'auditor')).status).toBe(400);
  });

  it('A4: every export is audited with its filter and row count', async () => {
    await csv('/export/settlements.csv?region=440300', 'auditor_44');
    const entry = await t.run(async (ctx) => ctx.em.findOne(AuditLog, { where: { action: 'export.settlements', actorName: 'auditor_44' }, order: { id: 'DESC' } }));
    expect(entry).toBeTruthy();
    expect(JSON.parse(entry!.detail)).toMatchObject({ filter: { region: '440300' }, rows: 5, complete: true });
  });

  it('issue 10: with no sort named, a file comes in the list’s default order (treatment time, then id), the order every filter’s index serves', async () => {
    const bj = await t.institutionToken('H11000000001');
    const patient = await t.member({ insuredRegion: '110000', openingBalanceFen: 0 });
    // Settled newest treatment first, so id order and treatment order disagree.
    const ids: number[] = [];
    for (const hoursAgo of [2, 3, 4]) {
      const input = {
        serialNo: `Y${randomUUID().slice(0, 16)}`,
        patientIdNumber: patient.idNumber,
        credentialType: 'T02',
        credentialNo: patient.idNumber,
        category: 'OUTPATIENT',
        totalFen: 100,
        poolFen: 0,
        selfPayFen: 100,
        placeRegion: '110000',
        treatedAt: new Date(treatedAt.getTime() - (hoursAgo - 1) * 3600_000).toISOString(),
        acctUsedFlag: true,
      };
      ids.push((await t.ok(SETTLE, { input }, bj)).settle.id);
    }
    const rows = (await csv(`/export/settlements.csv?memberId=${patient.id}`, 'auditor')).text.trimEnd().split('\r\n').slice(1);
    expect(rows.map((line) => Number(line.split(',')[0]))).toEqual([...ids].reverse());
    const named = (await csv(`/export/settlements.csv?memberId=${patient.id}&sortField=id&sortOrder=ASC`, 'auditor')).text.trimEnd().split('\r\n').slice(1);
    expect(named.map((line) => Number(line.split(',')[0]))).toEqual(ids);
  });

  it('A4: a file of people found by name or ID number is exported by POST (never a URL), audited without the name, and masked (A3)', async () => {
    const m = await t.member({ insuredRegion: '330100', name: '欧阳导出' });
    const post = async (body: unknown, user = 'caseworker') => {
      const res = await fetch(`${t.url}/export/members.csv`, { method: 'POST', headers: { authorization: `Bearer ${await t.staffToken(user)}`, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
      return { status: res.status, text: await res.text() };
    };
    // In a URL the name would sit in proxy and access logs: refused, and nothing is read or audited.
    const before = await t.run((ctx) => ctx.em.count(AuditLog, { where: { action: 'member.search' } }));
    expect((await csv(`/export/members.csv?name=${encodeURIComponent('欧阳导')}`, 'caseworker')).status).toBe(400);
    expect((await csv(`/export/members.csv?idNumber=${m.idNumber}`, 'caseworker')).status).toBe(400);
    expect(await t.run((ctx) => ctx.em.count(AuditLog, { where: { action: 'member.search' } }))).toBe(before);

    const byName = await post({ name: '欧阳导' });
    expect(byName.status).toBe(200);
    const lines = byName.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).not.toContain('欧阳导出');
    expect(Number(lines[1].split(',')[0])).toBe(m.id);
    expect((await post({ idNumber: m.idNumber.toLowerCase() })).text.trimEnd().split('\r\n')).toHaveLength(2);

    const entries = await t.run((ctx) => ctx.em.find(AuditLog, { where: [{ action: 'export.members' }, { action: 'member.search' }], order: { id: 'DESC' }, take: 4 }));
    expect(entries.map((e) => e.action).sort()).toEqual(['export.members', 'export.members', 'member.search', 'member.search']);
    for (const e of entries) {
      expect(e.detail).not.toContain('欧阳');
      expect(e.detail).not.toContain(m.idNumber);
    }
    const search = entries.find((e) => e.action === 'member.search' && JSON.parse(e.detail).by.includes('name'))!;
    expect(JSON.parse(search.detail)).toMatchObject({ by: ['name'], nameLength: 3, matches: 1, export: true });

    // A body that is not a JSON object, an unknown filter, a value that is not text: refused with a clear code.
    for (const bad of ['not json', '[1]', JSON.stringify({ nope: 1 }), JSON.stringify({ name: { x: 1 } })]) {
      const r = await post(bad);
      expect(r.status, bad).toBe(400);
      expect(JSON.parse(r.text).error).toBe('BAD_USER_INPUT');
    }
  });

  it('issue 10: institutions export too: a yes/no filter as a JSON boolean, and an institution’s name is no person’s (allowed in a URL, not audited as a search)', async () => {
    // One institution out of use, so both answers of the yes/no filter have rows.
    const last = await t.run((ctx) => ctx.em.find(Institution, { order: { id: 'DESC' }, take: 1 }));
    await t.run((ctx) => ctx.em.update(Institution, { id: last[0].id }, { active: false }));
    const all = await t.run((ctx) => ctx.em.find(Institution, { order: { id: 'ASC' } }));
    expect(all.some((i) => i.active) && all.some((i) => !i.active)).toBe(true);
    const post = async (body: unknown) => {
      const res = await fetch(`${t.url}/export/institutions.csv`, { method: 'POST', headers: { authorization: `Bearer ${await t.staffToken('caseworker')}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      return (await res.text()).trimEnd().split('\r\n').slice(1).map((l) => Number(l.split(',')[0]));
    };
    expect(await post({})).toEqual(all.map((i) => i.id));
    expect(await post({ active: true })).toEqual(all.filter((i) => i.active).map((i) => i.id));
    expect(await post({ active: false })).toEqual(all.filter((i) => !i.active).map((i) => i.id));
    const searches = await t.run((ctx) => ctx.em.count(AuditLog, { where: { action: 'member.search' } }));
    const named = await csv(`/export/institutions.csv?name=${encodeURIComponent(all[0].name.slice(0, 2))}`, 'caseworker');
    expect(named.status).toBe(200);
    expect(named.text.trimEnd().split('\r\n').slice(1).map((l) => Number(l.split(',')[0]))).toContain(all[0].id);
    expect(await t.run((ctx) => ctx.em.count(AuditLog, { where: { action: 'member.search' } }))).toBe(searches);
  });
});

describe('export slots (hostile or impatient callers)', () => {
  it('issue 10: a user with all their exports running gets 429 and a Retry-After, others still export; a finished export gives its slot back', async () => {
    const slots = exportSlotsFor(t.deps);
    expect(slots.limits).toEqual({ perUser: 2, perNode: 4 });
    const token = await t.staffToken('caseworker');
    const me = (await t.ok('{ viewer { id } }', {}, token)).viewer.id as number;
    const held = [slots.acquire(me), slots.acquire(me)];
    expect(held.every(Boolean)).toBe(true);
    try {
      const refused = await fetch(`${t.url}/export/settlements.csv`, { headers: { authorization: `Bearer ${token}` } });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('10');
      expect(await refused.json()).toMatchObject({ error: 'TOO_MANY_EXPORTS' });
      // Someone else is not held up by this user's exports.
      expect((await csv('/export/settlements.csv', 'auditor')).status).toBe(200);
      expect(slots.inUse).toBe(2); // the auditor's slot came back when the file ended
    } finally {
      for (const release of held) release?.();
    }
    expect((await csv('/export/settlements.csv', 'caseworker')).status).toBe(200);
    expect(slots.inUse).toBe(0);
  });

  it('issue 10: the node-wide cap holds across users, and a release is counted once', () => {
    const slots = new Slots({ perUser: 2, perNode: 3 });
    const a = slots.acquire(1);
    const b = slots.acquire(1);
    expect(slots.acquire(1)).toBeNull(); // the user's two
    const c = slots.acquire(2);
    expect(slots.acquire(3)).toBeNull(); // the node's three
    a!();
    a!();
    expect(slots.inUse).toBe(2);
    expect(slots.acquire(3)).not.toBeNull();
    b!();
    c!();
  });

  it('issue 10: an export waiting for a full socket ends when the client goes away (its slot is not held forever)', async () => {
    const res = Object.assign(new EventEmitter(), { destroyed: false, writableEnded: false, write: () => false });
    let settled = false;
    const pending = writeChunk(res as never, 'row\r\n').then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false); // waiting for the socket to drain
    res.emit('close'); // the admin's cancel, a closed tab
    await pending;
    expect(settled).toBe(true);
    expect(res.listenerCount('drain') + res.listenerCount('close')).toBe(0);
    // A response already gone is not written to at all.
    await writeChunk(Object.assign(res, { destroyed: true, write: () => expect.unreachable('written after close') }) as never, 'x');
  });
});
