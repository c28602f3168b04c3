import { randomBytes } from 'node:crypto';
import { isValidIdNumber, parseIdNumber, relationshipConsistency } from '@gongji/shared';
import mysql from 'mysql2/promise';
import { MoreThanOrEqual } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppDeps, type RunningApp } from '../app';
import type { Config } from '../config';
import { runInContext } from '../core/context';
import { openDataSource } from '../db/data-source';
import { Database } from '../db/database';
import { Binding } from '../modules/binding/binding.entity';
import { FraudCase } from '../modules/fraud/fraud-case.entity';
import { FraudSignal } from '../modules/fraud-signal/fraud-signal.entity';
import { Member } from '../modules/member/member.entity';
import { RelationshipProof } from '../modules/proof/proof.entity';
import { Settlement } from '../modules/settlement/settlement.entity';
import { MemoryStorage } from '../modules/proof/proof-storage';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo';
import { seedIfEmpty } from './seed';

let deps: AppDeps;
let app: RunningApp;
let drop: (() => Promise<void>) | null = null;
const q = (sql: string) => runInContext(deps, { kind: 'system', name: 'test' }, (ctx) => ctx.em.query(sql));

beforeAll(async () => {
  let databaseUrl: string | null = null;
  const url = process.env.DATABASE_URL?.trim();
  if (url && /^(mysql|mariadb):\/\//.test(url)) {
    const server = new URL(url.replace(/^mariadb:/, 'mysql:'));
    const name = `gongji_demo_${randomBytes(4).toString('hex')}`;
    const opts = { host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password) };
    const c = await mysql.createConnection(opts);
    await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await c.end();
    drop = async () => {
      const d = await mysql.createConnection(opts);
      await d.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await d.end();
    };
    server.pathname = `/${name}`;
    databaseUrl = server.toString();
  }
  const db = new Database(await openDataSource({ databaseUrl, sqlitePath: ':memory:' }));
  const config: Config = {
    port: 0, host: '127.0.0.1', databaseUrl, dataDir: '/nonexistent', production: false, secret: randomBytes(16).toString('hex'),
    seedDemo: true, adminDist: null, staffTokenTtlMinutes: 60, maxUploadBytes: 1 << 20, outboxIntervalMs: 0,
  };
  deps = { db, config, storage: new MemoryStorage() };
  expect(await seedIfEmpty(deps)).toBe(true);
  app = await startApp(deps, 0, '127.0.0.1');
}, 300_000);

afterAll(async () => {
  await app?.close();
  await deps?.db.close();
  await drop?.();
});

describe('demo data', () => {
  it('has all 32 provincial units and a few thousand members with valid ID numbers matching sex and birth date', async () => {
    expect(Number((await q('SELECT COUNT(*) AS n FROM province'))[0].n)).toBe(32);
    const members = await runInContext(deps, { kind: 'system', name: 'test' }, (ctx) => ctx.em.find(Member));
    expect(members.length).toBeGreaterThanOrEqual(3000);
    for (const m of members) {
      expect(isValidIdNumber(m.idNumber), m.idNumber).toBe(true);
      const p = parseIdNumber(m.idNumber);
      expect([p.sex, p.birthDate]).toEqual([m.sex, m.birthDate]);
    }
    expect(new Set(members.map((m) => m.scheme))).toEqual(new Set(['EMPLOYEE', 'RESIDENT', 'NONE']));
    expect(new Set(members.map((m) => m.provinceCode)).size).toBeGreaterThanOrEqual(15);
  });

  it('has bindings in every state and both kinds, each consistent with the ID data (E5) and with one live binding per pair (E4)', async () => {
    const bindings = await runInContext(deps, { kind: 'system', name: 'test' }, (ctx) => ctx.em.find(Binding));
    expect(new Set(bindings.map((b) => b.state))).toEqual(new Set(['PENDING', 'ACTIVE', 'REJECTED', 'REVOKED', 'SUSPENDED', 'TERMINATED']));
    expect(new Set(bindings.map((b) => b.kind))).toEqual(new Set(['MUTUAL_AID', 'PROXY']));
    const members = new Map((await runInContext(deps, { kind: 'system', name: 'test' }, (ctx) => ctx.em.find(Member))).map((m) => [m.id, m]));
    for (const b of bindings) {
      const facts = relationshipConsistency(b.relationship, members.get(b.giverId)!, members.get(b.beneficiaryId)!, b.createdAt.toISOString().slice(0, 10));
      expect(facts.problems, `binding ${b.id}`).toEqual([]);
    }
    const transitions = Number((await q('SELECT COUNT(*) AS n FROM binding_transition'))[0].n);
    expect(transitions).toBeGreaterThan(bindings.length);
  });

  it('keeps the money consistent: balances equal their ledgers (S11) and reservations match live bindings', async () => {
    const bad = await q(`SELECT a.id FROM personal_account a
      LEFT JOIN (SELECT account_id, SUM(CASE WHEN direction = 'CREDIT' THEN amount_fen ELSE -amount_fen END) AS s FROM ledger_entry GROUP BY account_id) l ON l.account_id = a.id
      WHERE a.balance_fen <> COALESCE(l.s, 0) OR a.balance_fen < 0 OR a.reserved_fen > a.balance_fen`);
    expect(bad).toEqual([]);
    const reserves = await q(`SELECT a.id FROM personal_account a
      LEFT JOIN (SELECT giver_id, SUM(reserved_fen) AS r FROM binding WHERE state IN ('PENDING','ACTIVE','SUSPENDED') GROUP BY giver_id) b ON b.giver_id = a.member_id
      WHERE a.reserved_fen <> COALESCE(b.r, 0)`);
    expect(reserves).toEqual([]);
    expect(Number((await q('SELECT COUNT(*) AS n FROM settlement'))[0].n)).toBeGreaterThan(1000);
    expect(Number((await q('SELECT COALESCE(SUM(mulaid_pay_fen), 0) AS n FROM settlement'))[0].n)).toBeGreaterThan(0);
    // some of it today (Beijing time), so a fresh demo's dashboards have today's figures
    const midnight = new Date(Math.floor((Date.now() + 8 * 3600_000) / 86_400_000) * 86_400_000 - 8 * 3600_000);
    const today = await runInContext(deps, { kind: 'system', name: 'test' }, (ctx) => ctx.em.countBy(Settlement, { treatedAt: MoreThanOrEqual(midnight) }));
    expect(today).toBeGreaterThan(0);
  });

  it('has a queue of pending proofs whose sample documents can be read back', async () => {
    const pending = await runInContext(deps, { kind: 'system', name: 'test' }, (ctx) => ctx.em.findBy(RelationshipProof, { reviewState: 'PENDING' }));
    expect(pending.length).toBeGreaterThanOrEqual(50);
    for (const p of pending.slice(0, 10)) {
      const file = await deps.storage.get(p.fileKey);
      expect(file.length).toBe(p.sizeBytes);
    }
  });

  it('F1–F9: the planted anomalies turn up as cases whose evidence names the rule, in every workflow state', async () => {
    const cases = await runInContext(deps, { kind: 'system', name: 'test' }, (ctx) => ctx.em.find(FraudCase));
    const rules = new Set(cases.flatMap((c) => c.ruleList.split(',')));
    for (const r of ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F8', 'F9']) expect(rules, r).toContain(r);
    expect(new Set(cases.map((c) => c.state))).toEqual(new Set(['OPEN', 'INVESTIGATING', 'CONFIRMED', 'DISMISSED']));
    const signals = await runInContext(deps, { kind: 'system', name: 'test' }, (ctx) => ctx.em.find(FraudSignal));
    for (const s of signals) {
      const ev = JSON.parse(s.evidence);
      expect(ev.rule, s.summary).toBe(s.rule);
      if (s.rule !== 'F9') expect(ev.check, s.summary).toEqual(expect.any(String));
    }
    // The ordinary demo traffic of ~3,800 members raises few cases: the anomalies stand out.
    expect(cases.length).toBeLessThan(40);
  });

  it('lets every demo staff account log in, and seeds only once', async () => {
    for (const s of DEMO_STAFF) {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { login(input: { username: "${s.username}", password: "${DEMO_PASSWORD}" }) { staff { roles scope } } }` }),
      });
      const body = (await res.json()) as any;
      expect(body.data?.login.staff, s.username).toEqual({ roles: s.roles, scope: s.scope });
    }
    expect(await seedIfEmpty(deps)).toBe(false);
  });
});
