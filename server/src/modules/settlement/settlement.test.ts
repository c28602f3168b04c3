import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FraudSignal } from '../fraud-signal/fraud-signal.entity';
import { LedgerEntry } from '../account/account.entity';
import { Member } from '../member/member.entity';
import { startTestServer, type TestServer } from '../../testing/harness';
import { accountOfMember, credentialFor, insertBinding } from '../../testing/fixtures';

let t: TestServer;
let inst: string;
beforeAll(async () => {
  t = await startTestServer();
  inst = await t.institutionToken('H44030300001');
});
afterAll(async () => {
  await t?.close();
});

const SETTLE = `mutation($input: SettleInput!) { settle(input: $input) {
  __typename
  ... on Settlement { id status acctPayFen mulaidPayFen cashFen selfPayFen reversedFen policyVersions { role memberId provinceCode policyVersionId }
    payments { seq payerMemberId bindingId amountFen reversedFen } }
  ... on RuleViolation { rule code message field } } }`;
const REVERSE = `mutation($input: ReverseInput!) { reverseSettlement(input: $input) {
  __typename ... on SettlementReversal { id amountFen cashFen accountFen } ... on RuleViolation { rule code message } } }`;

interface Req {
  patient: { idNumber: string };
  selfPayFen: number;
  poolFen?: number;
  category?: string;
  placeRegion?: string;
  acctUsedFlag?: boolean;
  serialNo?: string;
  credentialType?: string;
  credentialNo?: string;
}
function input(r: Req) {
  const pool = r.poolFen ?? 0;
  return {
    serialNo: r.serialNo ?? `T${randomUUID().slice(0, 18)}`,
    patientIdNumber: r.patient.idNumber,
    credentialType: r.credentialType ?? 'T02',
    credentialNo: r.credentialNo ?? r.patient.idNumber,
    category: r.category ?? 'OUTPATIENT',
    totalFen: pool + r.selfPayFen,
    poolFen: pool,
    selfPayFen: r.selfPayFen,
    placeRegion: r.placeRegion ?? '440300',
    treatedAt: new Date(Date.now() - 60_000).toISOString(),
    acctUsedFlag: r.acctUsedFlag ?? true,
  };
}
/** S7: a settlement is submitted by an institution of the place of treatment. */
const INSTITUTION_AT: Record<string, string> = { '440300': 'H44030300001', '440100': 'H44010000001', '540100': 'H54010000001', '110000': 'H11000000001' };
const settle = async (r: Req, token?: string) =>
  (await t.ok(SETTLE, { input: input(r) }, token ?? (await t.institutionToken(INSTITUTION_AT[r.placeRegion ?? '440300'])))).settle;
const balance = async (m: Member) => (await accountOfMember(t, m)).balanceFen;

describe('settlement split (S3)', () => {
  it('S3: own account first, then givers in priority order; a single-payment limit caps a giver; cash covers the rest', async () => {
    const patient = await t.member({ birthDate: '1955-03-01', openingBalanceFen: 3_000 });
    const son = await t.member({ birthDate: '1982-05-05', openingBalanceFen: 50_000 });
    const daughter = await t.member({ birthDate: '1985-07-07', openingBalanceFen: 50_000 });
    const b1 = await insertBinding(t, daughter, patient, { relationship: 'PARENT', priority: 1, singleLimitFen: 4_000 });
    const b2 = await insertBinding(t, son, patient, { relationship: 'PARENT', priority: 2 });
    const s = await settle({ patient, selfPayFen: 60_000, poolFen: 40_000 });
    expect(s.__typename).toBe('Settlement');
    expect(s.acctPayFen).toBe(3_000);
    expect(s.payments.map((p: any) => [p.seq, p.payerMemberId, p.bindingId, p.amountFen])).toEqual([
      [1, patient.id, null, 3_000],
      [2, daughter.id, b1.id, 4_000],
      [3, son.id, b2.id, 50_000],
    ]);
    expect(s.mulaidPayFen).toBe(54_000);
    expect(s.cashFen).toBe(3_000);
    expect(s.acctPayFen + s.mulaidPayFen + s.cashFen).toBe(s.selfPayFen);
    expect(await balance(patient)).toBe(0);
    expect(await balance(daughter)).toBe(46_000);
    expect(await balance(son)).toBe(0);
  });

  it('S3: without acctUsedFlag the own account is not used', async () => {
    const patient = await t.member({ openingBalanceFen: 10_000 });
    const s = await settle({ patient, selfPayFen: 5_000, acctUsedFlag: false });
    expect([s.acctPayFen, s.cashFen]).toEqual([0, 5_000]);
    expect(await balance(patient)).toBe(10_000);
  });

  it('S3/E10: a PROXY link never pays, and a giver with nothing available is skipped (S4)', async () => {
    const patient = await t.member({ scheme: 'RESIDENT', birthDate: '1950-01-01' });
    const broke = await t.member({ openingBalanceFen: 0, birthDate: '1980-01-01' });
    const proxy = await t.member({ openingBalanceFen: 90_000, birthDate: '1981-01-01' });
    await insertBinding(t, broke, patient, { relationship: 'PARENT', priority: 1 });
    await insertBinding(t, proxy, patient, { relationship: 'PARENT', priority: 2, kind: 'PROXY' });
    const s = await settle({ patient, selfPayFen: 2_000 });
    expect([s.acctPayFen, s.mulaidPayFen, s.cashFen]).toEqual([0, 0, 2_000]);
    expect(await balance(proxy)).toBe(90_000);
  });

  it('S3: a giver pays at most the balance not reserved for its other bindings; its own reservation is drawn first', async () => {
    const giver = await t.member({ openingBalanceFen: 10_000, birthDate: '1980-01-01' });
    const kidA = await t.member({ scheme: 'RESIDENT', birthDate: '2010-01-01' });
    const kidB = await t.member({ scheme: 'RESIDENT', birthDate: '2012-01-01' });
    await insertBinding(t, giver, kidA, { reservedFen: 6_000 });
    const bB = await insertBinding(t, giver, kidB, { reservedFen: 1_000 });
    const s = await settle({ patient: kidB, selfPayFen: 9_000 });
    // available to kidB: 10,000 − 6,000 reserved for kidA = 4,000, of which 1,000 from kidB's own reservation
    expect(s.mulaidPayFen).toBe(4_000);
    const acc = await accountOfMember(t, giver);
    expect([acc.balanceFen, acc.reservedFen]).toEqual([6_000, 6_000]);
    const after = await t.run((ctx) => ctx.em.query('SELECT reserved_fen AS r FROM binding WHERE id = ?', [bB.id]));
    expect(Number(after[0].r)).toBe(0);
  });
});

describe('policy at settlement (S5, S7)', () => {
  it('S5: a giver whose policy does not allow the category pays nothing; one whose policy allows it pays', async () => {
    // VACCINE is allowed in Guangdong (44) but not in Tibet (54) in the seeded policies
    const patient = await t.member({ scheme: 'RESIDENT', birthDate: '2015-01-01', insuredRegion: '440300' });
    const tibetGiver = await t.member({ insuredRegion: '540100', birthDate: '1985-01-01', openingBalanceFen: 50_000 });
    const gdGiver = await t.member({ insuredRegion: '440300', birthDate: '1986-01-01', openingBalanceFen: 50_000 });
    await insertBinding(t, tibetGiver, patient, { priority: 1 });
    await insertBinding(t, gdGiver, patient, { priority: 2 });
    // Tibet has cross-province sharing on and Guangdong off, so the Tibetan giver is also out on geography;
    // use same-province to isolate S5 on the second check below.
    const s = await settle({ patient, selfPayFen: 30_000, category: 'VACCINE' });
    expect(s.payments.map((p: any) => p.payerMemberId)).toEqual([gdGiver.id]);
    expect(await balance(tibetGiver)).toBe(50_000);
  });

  it('S5: a category the giver’s province does not allow is not paid even in the same region', async () => {
    const patient = await t.member({ scheme: 'RESIDENT', birthDate: '2015-01-01', insuredRegion: '540100' });
    const giver = await t.member({ insuredRegion: '540100', birthDate: '1985-01-01', openingBalanceFen: 50_000 });
    await insertBinding(t, giver, patient);
    expect((await settle({ patient, selfPayFen: 10_000, category: 'VACCINE', placeRegion: '540100' })).mulaidPayFen).toBe(0);
    expect((await settle({ patient, selfPayFen: 10_000, category: 'PHARMACY', placeRegion: '540100' })).mulaidPayFen).toBe(10_000);
  });

  it('S5: never-allowed categories are refused outright and move nothing', async () => {
    const patient = await t.member({ openingBalanceFen: 10_000 });
    for (const category of ['THIRD_PARTY_LIABILITY', 'COSMETIC', 'HEALTH_SUPPLEMENT']) {
      const s = await settle({ patient, selfPayFen: 1_000, category });
      expect(s).toMatchObject({ __typename: 'RuleViolation', rule: 'S5', code: 'CATEGORY_NEVER_ALLOWED' });
    }
    expect(await balance(patient)).toBe(10_000);
  });

  it('S7/E7: a cross-province giver pays only when both provinces allow it at settlement time', async () => {
    // Beijing (11) and Shanxi (14) have cross-province sharing on; Guangdong (44) off.
    const patientBj = await t.member({ scheme: 'RESIDENT', insuredRegion: '110000', birthDate: '1950-01-01' });
    const giverSx = await t.member({ insuredRegion: '140100', openingBalanceFen: 20_000, birthDate: '1978-01-01' });
    await insertBinding(t, giverSx, patientBj, { relationship: 'PARENT' });
    const ok = await settle({ patient: patientBj, selfPayFen: 5_000, placeRegion: '110000' });
    expect(ok.mulaidPayFen).toBe(5_000);
    const patientGd = await t.member({ scheme: 'RESIDENT', insuredRegion: '440300', birthDate: '1950-01-01' });
    const giverSx2 = await t.member({ insuredRegion: '140100', openingBalanceFen: 20_000, birthDate: '1978-01-01' });
    await insertBinding(t, giverSx2, patientGd, { relationship: 'PARENT' });
    const refused = await settle({ patient: patientGd, selfPayFen: 5_000 });
    expect([refused.mulaidPayFen, refused.cashFen]).toEqual([0, 5_000]);
    expect(await balance(giverSx2)).toBe(20_000);
  });

  it('S7: off-site treatment without 个账支付权限 uses no account; with it, accounts pay', async () => {
    const patient = await t.member({ insuredRegion: '440300', openingBalanceFen: 10_000 });
    const off = await settle({ patient, selfPayFen: 4_000, placeRegion: '440100' });
    expect([off.acctPayFen, off.cashFen]).toEqual([0, 4_000]);
    await t.run((ctx) => ctx.em.update(Member, { id: patient.id }, { offsiteAccountPermission: true }));
    const on = await settle({ patient, selfPayFen: 4_000, placeRegion: '440100' });
    expect([on.acctPayFen, on.cashFen]).toEqual([4_000, 0]);
  });

  it('S6: only the self-pay part is drawn; the pool-fund part never touches accounts', async () => {
    const patient = await t.member({ openingBalanceFen: 100_000 });
    const s = await settle({ patient, selfPayFen: 1_000, poolFen: 99_000 });
    expect(s.acctPayFen).toBe(1_000);
    expect(await balance(patient)).toBe(99_000);
  });

  it('S12: the settlement records the policy versions that decided it', async () => {
    const patient = await t.member({ scheme: 'RESIDENT', birthDate: '1950-01-01' });
    const giver = await t.member({ openingBalanceFen: 10_000, birthDate: '1975-01-01' });
    await insertBinding(t, giver, patient, { relationship: 'PARENT' });
    const s = await settle({ patient, selfPayFen: 100 });
    const current = await t.run((ctx) => ctx.em.query("SELECT id FROM policy_version WHERE province_code = '44' ORDER BY version DESC LIMIT 1"));
    expect(s.policyVersions).toEqual([
      { role: 'PATIENT', memberId: patient.id, provinceCode: '44', policyVersionId: Number(current[0].id) },
      { role: 'GIVER', memberId: giver.id, provinceCode: '44', policyVersionId: Number(current[0].id) },
    ]);
  });
});

describe('refusals (S1, S2, S10)', () => {
  it('S2/F1: a credential of another person is refused and leaves an F1 signal; the patient’s own passes', async () => {
    const patient = await t.member({ openingBalanceFen: 10_000 });
    const other = await t.member({ openingBalanceFen: 10_000 });
    const card = await credentialFor(t, patient, '03');
    const otherCard = await credentialFor(t, other, '03');
    const serialNo = `F1-${randomUUID().slice(0, 8)}`;
    const refused = await settle({ patient, selfPayFen: 1_000, credentialType: 'T03', credentialNo: otherCard.number, serialNo });
    expect(refused).toMatchObject({ __typename: 'RuleViolation', rule: 'S2', code: 'CREDENTIAL_MISMATCH' });
    expect(await balance(patient)).toBe(10_000);
    const signals = await t.run((ctx) => ctx.em.findBy(FraudSignal, { rule: 'F1', memberId: patient.id }));
    expect(signals).toHaveLength(1);
    expect(JSON.parse(signals[0].evidence)).toMatchObject({ serialNo, credentialOwnerId: other.id });
    // a retry of the same refused serial records no second signal
    await settle({ patient, selfPayFen: 1_000, credentialType: 'T03', credentialNo: otherCard.number, serialNo });
    expect(await t.run((ctx) => ctx.em.countBy(FraudSignal, { rule: 'F1', memberId: patient.id }))).toBe(1);
    expect((await settle({ patient, selfPayFen: 1_000, credentialType: 'T03', credentialNo: card.number })).acctPayFen).toBe(1_000);
    const id = await settle({ patient, selfPayFen: 1_000, credentialType: 'T02', credentialNo: other.idNumber });
    expect(id).toMatchObject({ rule: 'S2', code: 'CREDENTIAL_MISMATCH' });
  });

  it('S10/F2: a deceased member cannot settle and an F2 signal is recorded; a suspended member cannot settle until the date passes', async () => {
    const dead = await t.member({ openingBalanceFen: 10_000 });
    await t.run((ctx) => ctx.em.update(Member, { id: dead.id }, { status: 'DECEASED', diedOn: '2026-01-01' }));
    expect(await settle({ patient: dead, selfPayFen: 1_000 })).toMatchObject({ rule: 'S10', code: 'NETWORK_SETTLEMENT_BLOCKED' });
    expect(await t.run((ctx) => ctx.em.countBy(FraudSignal, { rule: 'F2', memberId: dead.id }))).toBe(1);
    const suspended = await t.member({ openingBalanceFen: 10_000 });
    await t.run((ctx) => ctx.em.update(Member, { id: suspended.id }, { suspendedUntil: '2099-12-31' }));
    expect(await settle({ patient: suspended, selfPayFen: 1_000 })).toMatchObject({ rule: 'S10' });
    await t.run((ctx) => ctx.em.update(Member, { id: suspended.id }, { suspendedUntil: '2020-01-01' }));
    expect((await settle({ patient: suspended, selfPayFen: 1_000 })).acctPayFen).toBe(1_000);
  });

  it('S1: malformed amounts are refused with INPUT and move nothing', async () => {
    const patient = await t.member({ openingBalanceFen: 10_000 });
    const bad = input({ patient, selfPayFen: 1_000, poolFen: 500 });
    for (const change of [{ totalFen: 1_499 }, { selfPayFen: -1, totalFen: 499 }, { totalFen: 0, poolFen: 0, selfPayFen: 0 }, { placeRegion: '999999' }]) {
      const r = (await t.ok(SETTLE, { input: { ...bad, ...change } }, inst)).settle;
      expect(r).toMatchObject({ __typename: 'RuleViolation', rule: 'INPUT' });
    }
    expect(await balance(patient)).toBe(10_000);
  });

  it('A2: only institutions can settle', async () => {
    const patient = await t.member();
    const r = await t.gql(SETTLE, { input: input({ patient, selfPayFen: 1 }) }, await t.staffToken('caseworker'));
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('idempotency (S8) and reversal (S9)', () => {
  it('S8: the same serial sent 20 times concurrently has one effect; all get the first result', async () => {
    const patient = await t.member({ openingBalanceFen: 50_000 });
    const req = input({ patient, selfPayFen: 7_000 });
    const results = await Promise.all(Array.from({ length: 20 }, () => t.gql(SETTLE, { input: req }, inst)));
    const ids = new Set(results.map((r) => r.data?.settle?.id));
    expect(results.every((r) => !r.errors && r.data.settle.__typename === 'Settlement')).toBe(true);
    expect(ids.size).toBe(1);
    expect(await balance(patient)).toBe(43_000);
    const entries = await t.run((ctx) => ctx.em.countBy(LedgerEntry, { settlementId: [...ids][0] as number }));
    expect(entries).toBe(1);
  });

  it('S8: the same serial with a different amount is a conflict and changes nothing', async () => {
    const patient = await t.member({ openingBalanceFen: 50_000 });
    const req = input({ patient, selfPayFen: 7_000 });
    await t.ok(SETTLE, { input: req }, inst);
    const r = (await t.ok(SETTLE, { input: { ...req, selfPayFen: 8_000, totalFen: 8_000 } }, inst)).settle;
    expect(r).toMatchObject({ __typename: 'RuleViolation', rule: 'S8', code: 'SERIAL_CONFLICT' });
    expect(await balance(patient)).toBe(43_000);
  });

  it('S9: a partial reversal restores exact amounts in reverse order (cash, last giver, …, own account), once', async () => {
    const patient = await t.member({ birthDate: '1950-01-01', openingBalanceFen: 1_000 });
    const g1 = await t.member({ birthDate: '1975-01-01', openingBalanceFen: 2_000 });
    const g2 = await t.member({ birthDate: '1976-01-01', openingBalanceFen: 3_000 });
    await insertBinding(t, g1, patient, { relationship: 'PARENT', priority: 1 });
    await insertBinding(t, g2, patient, { relationship: 'PARENT', priority: 2 });
    const s = await settle({ patient, selfPayFen: 7_000, serialNo: 'REV-ORIG-1' });
    expect([s.acctPayFen, s.mulaidPayFen, s.cashFen]).toEqual([1_000, 5_000, 1_000]);
    // refund 4,500: cash 1,000, then g2 3,000, then g1 500
    const r1 = (await t.ok(REVERSE, { input: { serialNo: 'REV-1', originalSerialNo: 'REV-ORIG-1', amountFen: 4_500 } }, inst)).reverseSettlement;
    expect(r1).toMatchObject({ amountFen: 4_500, cashFen: 1_000, accountFen: 3_500 });
    expect([await balance(patient), await balance(g1), await balance(g2)]).toEqual([0, 500, 3_000]);
    // the same reversal serial again: one effect
    const again = (await t.ok(REVERSE, { input: { serialNo: 'REV-1', originalSerialNo: 'REV-ORIG-1', amountFen: 4_500 } }, inst)).reverseSettlement;
    expect(again.id).toBe(r1.id);
    expect(await balance(g1)).toBe(500);
    // more than is left is refused
    const tooMuch = (await t.ok(REVERSE, { input: { serialNo: 'REV-2', originalSerialNo: 'REV-ORIG-1', amountFen: 3_000 } }, inst)).reverseSettlement;
    expect(tooMuch).toMatchObject({ __typename: 'RuleViolation', code: 'REVERSAL_TOO_LARGE' });
    // the rest: g1 1,500 then own 1,000
    const rest = (await t.ok(REVERSE, { input: { serialNo: 'REV-3', originalSerialNo: 'REV-ORIG-1' } }, inst)).reverseSettlement;
    expect(rest).toMatchObject({ amountFen: 2_500, cashFen: 0, accountFen: 2_500 });
    expect([await balance(patient), await balance(g1), await balance(g2)]).toEqual([1_000, 2_000, 3_000]);
    const after = (await t.ok(`query($id: SafeInt!) { settlement(id: $id) { status reversedFen payments { amountFen reversedFen } } }`, { id: s.id }, inst)).settlement;
    expect(after.status).toBe('REVERSED');
    expect(after.payments.every((p: any) => p.amountFen === p.reversedFen)).toBe(true);
  });

  it('S9: only the settling institution can reverse', async () => {
    const patient = await t.member({ openingBalanceFen: 5_000 });
    await settle({ patient, selfPayFen: 1_000, serialNo: 'OWN-1' });
    const other = await t.institutionToken('P44030300002');
    const r = (await t.ok(REVERSE, { input: { serialNo: 'X-1', originalSerialNo: 'OWN-1' } }, other)).reverseSettlement;
    expect(r).toMatchObject({ __typename: 'RuleViolation', code: 'SETTLEMENT_NOT_FOUND' });
    expect(await balance(patient)).toBe(4_000);
  });

  it('S11: every account balance equals the sum of its ledger entries, and no balance is negative', async () => {
    const rows = await t.run((ctx) =>
      ctx.em.query(`SELECT a.id, a.balance_fen AS balance, a.reserved_fen AS reserved,
        COALESCE(SUM(CASE WHEN e.direction = 'CREDIT' THEN e.amount_fen ELSE -e.amount_fen END), 0) AS ledger
        FROM personal_account a LEFT JOIN ledger_entry e ON e.account_id = a.id GROUP BY a.id, a.balance_fen, a.reserved_fen`),
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(Number(r.balance)).toBe(Number(r.ledger));
      expect(Number(r.balance)).toBeGreaterThanOrEqual(0);
      expect(Number(r.reserved)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('bounds and place (S7, S15)', () => {
  it('S7: an institution cannot declare another place of treatment: refused with a typed error, nothing moves', async () => {
    const patient = await t.member({ insuredRegion: '440100', openingBalanceFen: 10_000 });
    // A Shenzhen hospital claiming the treatment happened in Guangzhou (the patient's own region, which would unlock the account).
    const r = await settle({ patient, selfPayFen: 1_000, placeRegion: '440100' }, inst);
    expect(r).toMatchObject({ __typename: 'RuleViolation', rule: 'S7', code: 'PLACE_NOT_INSTITUTION_REGION', field: 'placeRegion' });
    expect(await balance(patient)).toBe(10_000);
    expect((await settle({ patient, selfPayFen: 1_000, placeRegion: '440100' })).acctPayFen).toBe(1_000);
  });

  it('S15: a total above the region policy’s ceiling is refused; at the ceiling it settles', async () => {
    const patient = await t.member({ openingBalanceFen: 1_000 });
    const ceiling = 1_000_000_000; // the default knob: 10,000,000 yuan
    const over = await settle({ patient, selfPayFen: 1_000, poolFen: ceiling - 1_000 + 1 });
    expect(over).toMatchObject({ __typename: 'RuleViolation', rule: 'S15', code: 'TOTAL_ABOVE_CEILING', field: 'totalFen' });
    expect(await balance(patient)).toBe(1_000);
    const at = await settle({ patient, selfPayFen: 1_000, poolFen: ceiling - 1_000 });
    expect(at).toMatchObject({ __typename: 'Settlement', acctPayFen: 1_000 });
  });

  it('S15: a reversal amount of zero or less is an input error, not REVERSAL_TOO_LARGE', async () => {
    const patient = await t.member({ openingBalanceFen: 10_000 });
    await settle({ patient, selfPayFen: 2_000, serialNo: 'S15-REV-ORIG' });
    for (const amountFen of [0, -5]) {
      const r = (await t.ok(REVERSE, { input: { serialNo: `S15-REV-${amountFen}`, originalSerialNo: 'S15-REV-ORIG', amountFen } }, inst)).reverseSettlement;
      expect(r).toMatchObject({ __typename: 'RuleViolation', rule: 'INPUT', code: 'BAD_AMOUNTS' });
    }
    expect(await balance(patient)).toBe(8_000);
  });
});

describe('hot path cost', () => {
  /** Statements the database receives while one settlement request is served (START … COMMIT). */
  async function statementsOf(body: unknown): Promise<{ sql: string[]; result: any }> {
    const ds = t.db.dataSource as unknown as { logger: { logQuery(q: string): void } };
    const original = ds.logger;
    const sql: string[] = [];
    ds.logger = new Proxy(original, {
      get: (target, prop) => (prop === 'logQuery' ? (q: string) => sql.push(q) : (target as any)[prop]),
    });
    try {
      // Straight to the server (the harness's helper drains the outbox afterwards, which is not the request's cost).
      const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${inst}` }, body: JSON.stringify(body) });
      return { sql, result: ((await res.json()) as any).data.settle };
    } finally {
      ds.logger = original;
      await t.drainOutbox();
    }
  }

  it('A2: a read-only query opens no transaction on MySQL/MariaDB and reuses the cached principal', async () => {
    const patient = await t.member({ openingBalanceFen: 1_000 });
    await settle({ patient, selfPayFen: 500 });
    const ds = t.db.dataSource as unknown as { logger: { logQuery(q: string): void } };
    const original = ds.logger;
    const sql: string[] = [];
    ds.logger = new Proxy(original, { get: (target, prop) => (prop === 'logQuery' ? (q: string) => sql.push(q) : (target as any)[prop]) });
    let data: any;
    try {
      data = await t.ok('query { mySettlements { total items { id } } }', {}, inst);
    } finally {
      ds.logger = original;
    }
    expect(data.mySettlements.total).toBeGreaterThan(0);
    expect(sql.some((q) => /FROM\s+`?institution`?/i.test(q)), 'the principal comes from the cache').toBe(false);
    if (!t.db.isSqlite) expect(sql.filter((q) => /START TRANSACTION|COMMIT/i.test(q))).toEqual([]);
    // SQLite: one shared connection, so a query still takes its turn in the transaction queue.
    else expect(sql[0]).toMatch(/BEGIN/i);
  });

  // A cache refill (policy version: 5 s TTL, principal: 10 s) is not the settlement's own cost; on a
  // slow machine one may fall inside a measurement.
  const own = (sql: string[]) => sql.filter((q) => !/policy_version|FROM\s+`?(institution|staff_user)`?/i.test(q));

  it('S3/S8: a settlement paid by the own account and a giver takes at most 10 statements, and a giver with a long history costs the same', async () => {
    const giver = await t.member({ openingBalanceFen: 10_000_000, birthDate: '1980-01-01' });
    const patients = [await t.member({ openingBalanceFen: 1_000 }), await t.member({ openingBalanceFen: 1_000 }), await t.member({ openingBalanceFen: 1_000 })];
    for (const p of patients) await insertBinding(t, giver, p, { relationship: 'PARENT' });
    await settle({ patient: patients[0], selfPayFen: 3_000 }); // warm the caches (principal, policy)
    const first = await statementsOf({ query: SETTLE, variables: { input: input({ patient: patients[1], selfPayFen: 3_000 }) } });
    expect(first.result).toMatchObject({ __typename: 'Settlement', acctPayFen: 1_000, mulaidPayFen: 2_000 });
    expect(own(first.sql).length, first.sql.join("\n")).toBeLessThanOrEqual(10);
    console.log(`settle statements (${t.db.kind}): ${first.sql.length}\n  ${first.sql.map((s) => s.replace(/\s+/g, " ").slice(0, 90)).join("\n  ")}`);
    // The giver's history grows; the request's statements do not.
    for (let i = 0; i < 20; i++) await settle({ patient: patients[0], selfPayFen: 500, acctUsedFlag: false });
    const later = await statementsOf({ query: SETTLE, variables: { input: input({ patient: patients[2], selfPayFen: 3_000 }) } });
    expect(later.result).toMatchObject({ __typename: 'Settlement', mulaidPayFen: 2_000 });
    expect(own(later.sql).length).toBe(own(first.sql).length);
  });
});
