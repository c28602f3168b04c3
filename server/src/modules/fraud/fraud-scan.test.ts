/**
 * The batch scan and the outbox consumer agree: random settlements (seeded, replayable) and 医保钱包
 * transfers go through the real API with the consumer running after each one; then every fraud record
 * is wiped and `runFraudScan --full` rebuilds them. Signals (key, summary, score, evidence) and cases
 * (subject, rules, score, summary, linked settlements and bindings) must be identical.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../core/context';
import { hashSecret } from '../../core/passwords';
import { createInstitution } from '../../seed/accounts';
import { insertBinding } from '../../testing/fixtures';
import { startTestServer, TEST_INSTITUTION_SECRET, type TestServer } from '../../testing/harness';
import type { Member } from '../member/member.entity';
import { invalidatePolicyCache, policyInForce } from '../policy/policy-lookup';
import { PolicyVersion } from '../policy/policy.entity';
import { FraudSignal } from '../fraud-signal/fraud-signal.entity';
import { Institution } from '../institution/institution.entity';
import { Settlement } from '../settlement/settlement.entity';
import { runFraudScan } from './fraud-scan.service';

let t: TestServer;
interface Inst {
  token: string;
  region: string;
}
const hospitals: Inst[] = [];
const pharmacies: Inst[] = [];

beforeAll(async () => {
  t = await startTestServer();
  const hash = await hashSecret(TEST_INSTITUTION_SECRET);
  const made = await t.run(async (ctx) => {
    // Tests run at any hour: no wallet quiet period in province 44 here.
    const on = beijingDate(new Date());
    const p = await policyInForce(ctx.em, '44', on);
    const [{ v }] = await ctx.em.query('SELECT MAX(version) AS v FROM policy_version WHERE province_code = ?', ['44']);
    await ctx.em.insert(PolicyVersion, {
      provinceCode: '44',
      version: Number(v) + 1,
      effectiveFrom: on,
      rules: { ...p.rules, wallet: { ...p.rules.wallet, quietFrom: '00:00', quietUntil: '00:00' } },
      note: 'test: no wallet quiet hours',
      createdById: null,
      createdByName: 'test',
    });
    invalidatePolicyCache(); // written directly: drop the settlement path's cached version
    const out: Array<{ code: string; kind: 'HOSPITAL' | 'PHARMACY'; region: string }> = [];
    for (const [i, region] of ['440300', '440300', '110000', '310000', '650100'].entries()) {
      for (const kind of ['HOSPITAL', 'PHARMACY'] as const) {
        const code = `${kind[0]}${region}77${i}${kind === 'HOSPITAL' ? 1 : 2}`;
        await createInstitution(ctx.em, { code, name: `${kind === 'HOSPITAL' ? '随机医院' : '随机药房'}${i}`, kind, regionCode: region }, hash);
        out.push({ code, kind, region });
      }
    }
    return out;
  });
  for (const m of made) (m.kind === 'HOSPITAL' ? hospitals : pharmacies).push({ token: await t.institutionToken(m.code), region: m.region });
});
afterAll(async () => {
  await t?.close();
});

/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const SETTLE = `mutation($input: SettleInput!) { settle(input: $input) { __typename ... on Settlement { id } ... on RuleViolation { rule code } } }`;
const SEND = `mutation($input: SendWalletTransferInput!) { sendWalletTransfer(input: $input) { __typename ... on WalletTransfer { id } ... on RuleViolation { rule code } } }`;

async function snapshot() {
  return t.run(async (ctx) => {
    const signals = (
      await ctx.em.query(
        "SELECT rule, dedup_key, summary, score, evidence FROM fraud_signal WHERE rule IN ('F3', 'F4', 'F5', 'F6', 'F8') ORDER BY dedup_key",
      )
    ).map((s: Record<string, unknown>) => ({ ...s, score: Number(s.score), evidence: JSON.parse(String(s.evidence)) }));
    const cases = await ctx.em.query(
      `SELECT c.subject_type, c.subject_id, c.rule_list, c.primary_rule, c.score, c.summary, c.signal_count, c.id FROM fraud_case c
        WHERE EXISTS (SELECT 1 FROM fraud_signal s WHERE s.case_id = c.id AND s.rule IN ('F3', 'F4', 'F5', 'F6', 'F8')) ORDER BY c.subject_type, c.subject_id`,
    );
    const out = [];
    for (const c of cases) {
      const links = (await ctx.em.query('SELECT kind, ref_id FROM fraud_case_link WHERE case_id = ? ORDER BY kind, ref_id', [c.id])).map(
        (l: Record<string, unknown>) => `${l.kind}:${l.ref_id}`,
      );
      out.push({ subject: `${c.subject_type}:${c.subject_id}`, rules: c.rule_list, primary: c.primary_rule, score: Number(c.score), summary: c.summary, signals: Number(c.signal_count), links });
    }
    return { signals, cases: out };
  });
}

describe('batch scan = outbox consumer', () => {
  it('F3/F4/F5/F6/F8: a full re-scan over random settlements and wallet transfers rebuilds exactly the signals and cases the consumer recorded', async () => {
    const seed = Number(process.env.GONGJI_TEST_SEED ?? 20261201);
    const rand = rng(seed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const patients: Member[] = [];
    for (let i = 0; i < 3; i++) patients.push(await t.member({ sex: i % 2 ? 'FEMALE' : 'MALE', birthDate: `19${70 + i * 5}-03-0${i + 1}`, insuredRegion: '440300' }));
    // a giver with a spouse, parents, children and several "siblings" (F8), bound minutes ago (F6)
    const giver = await t.member({ birthDate: '1965-05-05', openingBalanceFen: 200_000, insuredRegion: '440300' });
    const kin: Array<[Member, string]> = [];
    const relations = ['SPOUSE', 'CHILD', 'CHILD', 'SIBLING', 'SIBLING', 'SIBLING', 'SIBLING', 'SIBLING', 'SIBLING', 'SIBLING'];
    for (const [i, rel] of relations.entries()) {
      const born = rel === 'CHILD' ? `199${i}-01-01` : rel === 'SPOUSE' ? '1966-01-01' : `19${60 + i}-02-02`;
      const m = await t.member({ birthDate: born, scheme: 'RESIDENT', insuredRegion: '440300' });
      await insertBinding(t, giver, m, { relationship: rel as never });
      kin.push([m, rel]);
    }
    const now = Date.now();
    let settled = 0;
    for (let i = 0; i < 90; i++) {
      // every relative is paid for at least once
      const patient = i < kin.length ? kin[i][0] : rand() < 0.25 ? pick(kin)[0] : pick(patients);
      const pharmacy = rand() < 0.55;
      const category = pharmacy ? 'PHARMACY' : rand() < 0.08 ? 'MATERNITY' : 'OUTPATIENT';
      // bursts on a few days, some stated well before earlier ones (late submissions)
      const day = Math.floor(rand() * 4) * (rand() < 0.7 ? 1 : 9);
      const at = new Date(now - day * 86_400_000 - Math.floor(rand() * 600) * 60_000);
      const self = 500 + Math.floor(rand() * 8) * 1_500;
      const inst = i < kin.length ? (pharmacy ? pharmacies[0] : hospitals[0]) : pharmacy ? pick(pharmacies) : pick(hospitals); // first visits at home (S7)
      const r = (
        await t.ok(
          SETTLE,
          {
            input: {
              serialNo: `R${randomUUID().slice(0, 18)}`,
              patientIdNumber: patient.idNumber,
              credentialType: 'T02',
              credentialNo: patient.idNumber,
              category,
              totalFen: self,
              poolFen: 0,
              selfPayFen: self,
              placeRegion: inst.region,
              treatedAt: at.toISOString(),
              acctUsedFlag: true,
              ...(pharmacy ? { drugCodes: [pick(['X01', 'X02', 'X03'])] } : {}),
            },
          },
          inst.token,
        )
      ).settle;
      if (r.__typename === 'Settlement') settled++;
      if (i % 30 === 29) {
        const [to, rel] = pick(kin);
        // a transfer's created_at is the database's default, whole seconds on SQLite: keep settlements out of
        // its second, so that "when the money moved" orders it the same way on both paths
        await new Promise((r) => setTimeout(r, 1_000 - (Date.now() % 1_000) + 5));
        await t.ok(SEND, { input: { requestId: `rs-${seed}-${i}-${randomUUID().slice(0, 8)}`, recipientIdNumber: to.idNumber, recipientName: to.name, relationship: rel, amountFen: 20_000 } }, await t.memberToken(giver));
        await new Promise((r) => setTimeout(r, 1_000 - (Date.now() % 1_000) + 5));
      }
    }
    expect(settled).toBeGreaterThan(80);
    const inline = await snapshot();
    // the random data exercises the rules on both paths
    const rules = new Set(inline.signals.map((s: { rule: string }) => s.rule));
    for (const r of ['F3', 'F5', 'F8']) expect(rules, `seed ${seed}`).toContain(r);

    await t.run(async (ctx) => {
      for (const table of ['fraud_case_link', 'fraud_case_note', 'fraud_tally', 'fraud_scan_state']) await ctx.em.query(`DELETE FROM ${table}`);
      await ctx.em.query("DELETE FROM fraud_signal WHERE rule IN ('F3', 'F4', 'F5', 'F6', 'F8')");
      await ctx.em.query('DELETE FROM fraud_case WHERE id NOT IN (SELECT case_id FROM fraud_signal WHERE case_id IS NOT NULL)');
    });
    const progress: number[] = [];
    const scan = await runFraudScan(t.deps, { chunkSize: 13, onProgress: (p) => progress.push(p.done) });
    expect(scan.transfers).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(scan.scanned + scan.transfers);
    const rescanned = await snapshot();
    expect(rescanned.signals, `seed ${seed}`).toEqual(inline.signals);
    expect(rescanned.cases, `seed ${seed}`).toEqual(inline.cases);
    // and a second full re-scan changes nothing
    const again = await runFraudScan(t.deps, { full: true, chunkSize: 40 });
    expect(again.signals).toBe(0);
    expect(await snapshot()).toEqual(inline);
  });

  it('F5: the period and same-drug counts slide: 12 purchases (6 of one drug) straddling a calendar period boundary fire, 11 do not', async () => {
    const DAY = 86_400_000;
    const BJ = 8 * 3_600_000;
    const today = Math.floor((Date.now() + BJ) / DAY);
    // the latest 30-day boundary with six days on each side in the past: fixed blocks would see 6 + 6
    const boundary = Math.floor((today - 6) / 30) * 30;
    const shop = await t.run((ctx) => ctx.em.findOneByOrFail(Institution, { kind: 'PHARMACY', regionCode: '440300' }));
    const buy = async (patient: Member, days: number[], drug: (i: number) => string) =>
      t.run(async (ctx) => {
        for (const [i, d] of days.entries())
          await ctx.em.insert(Settlement, {
            institutionId: shop.id,
            serialNo: `SLIDE-${patient.id}-${i}`,
            requestHash: 'h',
            patientId: patient.id,
            credentialType: '02',
            credentialNoMasked: 'x',
            category: 'PHARMACY',
            totalFen: 100,
            poolFen: 0,
            selfPayFen: 100,
            acctPayFen: 100,
            mulaidPayFen: 0,
            cashFen: 0,
            reversedFen: 0,
            cashReversedFen: 0,
            placeRegion: '440300',
            placeProvince: '44',
            patientRegion: '440300',
            patientProvince: '44',
            treatedAt: new Date(d * DAY - BJ + 10 * 3_600_000),
            acctUsedFlag: true,
            offsite: false,
            status: 'SETTLED',
            policyVersions: [],
            drugCodes: [drug(i)],
          });
      });
    const heavy = await t.member();
    const light = await t.member();
    await buy(heavy, Array.from({ length: 12 }, (_, i) => boundary - 6 + i), (i) => (i % 2 ? 'SLIDE-A' : `OTHER-${i}`));
    await buy(light, Array.from({ length: 11 }, (_, i) => boundary - 6 + i), (i) => (i % 2 && i < 11 ? 'SLIDE-B' : `OTHER-${i}`));
    await runFraudScan(t.deps);
    const sigs = await t.run((ctx) => ctx.em.find(FraudSignal, { where: { memberId: heavy.id, rule: 'F5' } }));
    const visits = sigs.map((x) => JSON.parse(x.evidence)).find((e) => e.check === 'visits-per-period');
    expect(visits).toMatchObject({ visits: 12, threshold: { pharmacyVisitsPerPeriod: 12, pharmacyPeriodDays: 30 } });
    expect(visits.settlementIds).toHaveLength(12);
    const drug = sigs.map((x) => JSON.parse(x.evidence)).find((e) => e.check === 'same-drug-repeats');
    expect(drug).toMatchObject({ drugCode: 'SLIDE-A', purchases: 6 });
    // 11 purchases, 5 of one drug: below both thresholds however the window is placed
    expect(await t.run((ctx) => ctx.em.count(FraudSignal, { where: { memberId: light.id, rule: 'F5' } }))).toBe(0);
  });
});
