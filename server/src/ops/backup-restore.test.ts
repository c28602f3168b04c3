/**
 * Backup and restore drill (MySQL/MariaDB): `pnpm ops:backup` of a live database, `pnpm ops:restore`
 * into a fresh server, then the ledger invariants and the audit hash chain are checked there.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInContext } from '../core/context';
import { openDataSource } from '../db/data-source';
import { Database } from '../db/database';
import { verifyWholeAuditChain } from '../modules/audit/audit.service';
import { DatabaseStorage } from '../modules/proof/proof-storage';
import { insertBinding } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/harness';

const root = path.resolve(__dirname, '../../..');
const onMysql = /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '');
const SETTLE = `mutation($input: SettleInput!) { settle(input: $input) { __typename ... on Settlement { id } ... on RuleViolation { rule code } } }`;
const REVERSE = `mutation($input: ReverseInput!) { reverseSettlement(input: $input) { __typename ... on SettlementReversal { id } ... on RuleViolation { rule } } }`;

function cli(args: string[], databaseUrl: string) {
  return spawnSync(process.execPath, [path.join(root, 'scripts/backup.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl } });
}

describe.runIf(onMysql)('backup and restore drill', () => {
  let t: TestServer;
  let fresh: { url: string; stop(): Promise<void> } | null = null;
  let tmp = '';

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'gongji-backup-'));
    t = await startTestServer();
  });
  afterAll(async () => {
    await fresh?.stop();
    await t?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('S4/S11/A4: a dump restored into a fresh server keeps every balance = Σ its entries, no negatives, an intact audit chain and the documents', async () => {
    const token = await t.institutionToken();
    const giver = await t.member({ birthDate: '1975-01-01', openingBalanceFen: 50_000 });
    for (let i = 0; i < 4; i++) {
      const patient = await t.member({ birthDate: '1950-01-01', openingBalanceFen: 1_000 });
      await insertBinding(t, giver, patient, { relationship: 'PARENT', priority: 1 });
      const serialNo = `BK-${Date.now()}-${i}`;
      const input = { serialNo, patientIdNumber: patient.idNumber, credentialType: 'T02', credentialNo: patient.idNumber, category: 'PHARMACY', totalFen: 6_000, poolFen: 3_000, selfPayFen: 3_000, placeRegion: '440300', treatedAt: new Date(Date.now() - 60_000).toISOString(), acctUsedFlag: true };
      expect((await t.ok(SETTLE, { input }, token)).settle.__typename).toBe('Settlement');
      if (i % 2 === 0) expect((await t.ok(REVERSE, { input: { serialNo: `R${serialNo}`, originalSerialNo: serialNo, amountFen: 500 } }, token)).reverseSettlement.__typename).toBe('SettlementReversal');
    }
    const doc = Buffer.from(`%PDF-1.4 ${'证明'.repeat(40_000)}`);
    const stored = await t.run((ctx) => new DatabaseStorage().put(doc, 'proof.pdf', ctx.em));
    const [orig] = await t.run((ctx) => ctx.em.query('SELECT (SELECT COUNT(*) FROM ledger_entry) AS entries, (SELECT COUNT(*) FROM audit_log) AS audit, (SELECT SUM(balance_fen) FROM personal_account) AS total'));

    const file = path.join(tmp, 'gongji.sql.gz');
    const b = cli(['backup', '--out', file], t.deps.config.databaseUrl!);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/backup: wrote .*gongji\.sql\.gz/);

    const { startMariaDb } = await import(path.join(root, 'scripts/mariadb.mjs'));
    fresh = await startMariaDb({ quiet: true });
    const target = `${fresh!.url}/gongji_restored`;
    const r = cli(['restore', file], target);
    expect(r.status, r.stderr).toBe(0);
    // a second restore over the restored data is refused without --force
    const again = cli(['restore', file], target);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already has \d+ tables/);

    const db = new Database(await openDataSource({ databaseUrl: target }));
    try {
      const deps = { db, config: t.deps.config, storage: new DatabaseStorage() };
      await runInContext(deps, { kind: 'system', name: 'restore-drill' }, async (ctx) => {
        const [copy] = await ctx.em.query('SELECT (SELECT COUNT(*) FROM ledger_entry) AS entries, (SELECT COUNT(*) FROM audit_log) AS audit, (SELECT SUM(balance_fen) FROM personal_account) AS total');
        expect(copy).toEqual(orig);
        const accounts = await ctx.em.query(`SELECT a.id, a.balance_fen AS balance, a.reserved_fen AS reserved,
            COALESCE(SUM(CASE WHEN e.direction = 'CREDIT' THEN e.amount_fen ELSE -e.amount_fen END), 0) AS ledger
          FROM personal_account a LEFT JOIN ledger_entry e ON e.account_id = a.id GROUP BY a.id, a.balance_fen, a.reserved_fen`);
        expect(accounts.length).toBeGreaterThan(4);
        for (const a of accounts) {
          expect(Number(a.balance), `account ${a.id}`).toBeGreaterThanOrEqual(0);
          expect(Number(a.reserved), `account ${a.id}`).toBeGreaterThanOrEqual(0);
          expect(Number(a.balance), `account ${a.id} = Σ entries`).toBe(Number(a.ledger));
        }
        const chain = await verifyWholeAuditChain(ctx);
        expect(chain).toMatchObject({ ok: true, brokenAtId: null });
        expect(chain.checked).toBe(Number(orig.audit));
        expect((await ctx.storage.get(stored.key, ctx.em)).equals(doc)).toBe(true);
      });
    } finally {
      await db.close();
    }
  }, 120_000);
});
