import { randomUUID } from 'node:crypto';
import { withPolicyDefaults } from '@gongji/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidatePolicyCache } from '../policy/policy-lookup';
import { hashSecret } from '../../core/passwords';
import { createInstitution } from '../../seed/accounts';
import { accountOfMember, insertBinding } from '../../testing/fixtures';
import { startTestServer, TEST_INSTITUTION_SECRET, type TestServer } from '../../testing/harness';
import { FraudSignal } from '../fraud-signal/fraud-signal.entity';
import type { Member } from '../member/member.entity';
import type { OutboxEvent } from '../outbox/outbox.types';
import { PolicyVersion } from '../policy/policy.entity';
import { FraudCase, FraudCaseNote } from './fraud-case.entity';
import { runFraudScan } from './fraud-scan.service';
import { fraudConsumer } from './fraud.consumer';

let t: TestServer;
let hosp: string;
let analyst: string;
const shops: string[] = [];

beforeAll(async () => {
  t = await startTestServer();
  hosp = await t.institutionToken('H44030300001');
  analyst = await t.staffToken('fraud_analyst');
  const hash = await hashSecret(TEST_INSTITUTION_SECRET);
  const codes = await t.run(async (ctx) => {
    const out: string[] = [];
    for (let i = 0; i < 3; i++) {
      const p = { code: `P4403030088${i}`, name: `街坊大药房${i}号店`, kind: 'PHARMACY' as const, regionCode: '440300' };
      await createInstitution(ctx.em, p, hash);
      out.push(p.code);
    }
    return out;
  });
  for (const c of codes) shops.push(await t.institutionToken(c));
});
afterAll(async () => {
  await t?.close();
});

const SETTLE = `mutation($input: SettleInput!) { settle(input: $input) { __typename ... on Settlement { id mulaidPayFen } ... on RuleViolation { rule code message } } }`;
interface Req {
  patient: Member;
  selfPayFen?: number;
  category?: string;
  at?: Date;
}
const settle = async (r: Req, token = hosp) =>
  (
    await t.ok(
      SETTLE,
      {
        input: {
          serialNo: `C${randomUUID().slice(0, 18)}`,
          patientIdNumber: r.patient.idNumber,
          credentialType: 'T02',
          credentialNo: r.patient.idNumber,
          category: r.category ?? 'OUTPATIENT',
          totalFen: r.selfPayFen ?? 1_000,
          poolFen: 0,
          selfPayFen: r.selfPayFen ?? 1_000,
          placeRegion: '440300',
          treatedAt: (r.at ?? new Date()).toISOString(),
          acctUsedFlag: true,
        },
      },
      token,
    )
  ).settle;
/**
 * Times "minutes ago" count back from an anchor: now, except in the first hour of a Beijing day, when
 * it is the last minute of the day before — so the times of one test never straddle Beijing midnight
 * (F3 and F5 count per Beijing day of treatment).
 */
const anchor = (() => {
  const now = Date.now();
  const intoDay = (now + 8 * 3_600_000) % 86_400_000;
  return intoDay < 3_600_000 ? now - intoDay - 60_000 : now;
})();
const minutesAgo = (m: number) => new Date(anchor - m * 60_000);
const signals = (where: Partial<FraudSignal>) => t.run((ctx) => ctx.em.find(FraudSignal, { where: where as any, order: { id: 'ASC' } }));
const R = `__typename ... on FraudCase { id state score summary scoreBreakdown { label points } settlements { id } bindings { id } sanctions { kind settlementId amountFen } notes { kind text } } ... on RuleViolation { rule code message }`;
const mutate = async (op: string, args: string, vars: Record<string, unknown>) => t.ok(`mutation${args} { ${op} { ${R} } }`, vars, analyst);

describe('fraud detection (outbox consumer)', () => {
  it('F5 per day: six purchases at three pharmacies in one day fire and the case links all six; four purchases at two pharmacies do not', async () => {
    const quiet = await t.member();
    for (let i = 0; i < 4; i++) await settle({ patient: quiet, category: 'PHARMACY', at: minutesAgo(40 - i) }, shops[i % 2]);
    expect(await signals({ memberId: quiet.id, rule: 'F5' })).toHaveLength(0);

    const spree = await t.member();
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await settle({ patient: spree, category: 'PHARMACY', selfPayFen: 3_000, at: minutesAgo(30 - i) }, shops[i % 3])).id);
    const [sig] = await signals({ memberId: spree.id, rule: 'F5' });
    expect(JSON.parse(sig.evidence)).toMatchObject({ check: 'purchases-per-day', purchases: 6, pharmacies: 3, threshold: { pharmacyPurchasesPerDay: 5 } });
    expect(sig.summary).toContain('3 家药店购药 6 次');
    expect(sig.summary).toContain('街坊大药房0号店');
    const c = (await t.gql(`query($id: Int!) { fraudCase(id: $id) { summary settlements { id } } }`, { id: sig.caseId }, analyst)).data.fraudCase;
    expect(c.settlements.map((s: any) => s.id).sort((a: number, b: number) => a - b)).toEqual(ids);
    expect(c.summary).toContain('6 次');
  });

  it('F6 back-dated: a treatment time stamped 30 minutes before the binding became active still counts (by when the money moved); the case links the binding and the settlements, and confirming recovers them', async () => {
    const giver = await t.member({ birthDate: '1962-01-01', openingBalanceFen: 100_000 });
    const kid = await t.member({ birthDate: '1992-01-01', scheme: 'RESIDENT' });
    const b = await insertBinding(t, giver, kid, { relationship: 'CHILD' });
    const first = await settle({ patient: kid, selfPayFen: 50_000, at: minutesAgo(30) });
    const second = await settle({ patient: kid, selfPayFen: 40_000, at: minutesAgo(30) });
    expect(first.mulaidPayFen + second.mulaidPayFen).toBe(90_000);
    const [sig] = await signals({ rule: 'F6', bindingId: b.id });
    expect(JSON.parse(sig.evidence)).toMatchObject({ backdated: true, percent: 90, mutualAidPaidFen: 90_000, balanceAtActivationFen: 100_000 });
    expect(sig.summary).toContain('900.00 元');
    expect(sig.summary).toContain('90%');
    const id = sig.caseId!;
    await mutate('startFraudInvestigation(id: $id)', '($id: Int!)', { id });
    const r = await mutate('confirmFraudCase(input: $input)', '($input: ConfirmFraudCaseInput!)', { input: { caseId: id, reason: '查实套现', recoverSettlementIds: [first.id, second.id] } });
    expect(r.confirmFraudCase.state).toBe('CONFIRMED');
    expect(r.confirmFraudCase.bindings.map((x: any) => x.id)).toEqual([b.id]);
    expect(r.confirmFraudCase.sanctions.map((x: any) => x.settlementId).sort()).toEqual([first.id, second.id].sort());
    expect((await accountOfMember(t, giver)).balanceFen).toBe(100_000);
  });

  it('evidence coverage: a fan-out ring case links every settlement and binding as they arrive, and confirming with recoverAll reverses all of them in one action', async () => {
    const giver = await t.member({ birthDate: '1970-01-01', openingBalanceFen: 1_000_000 });
    const paid: number[] = [];
    let caseId: number | null = null;
    for (let i = 0; i < 8; i++) {
      const m = await t.member({ birthDate: `19${60 + i}-05-05`, scheme: 'RESIDENT' });
      await insertBinding(t, giver, m, { relationship: i % 2 ? 'MATERNAL_GRANDPARENT' : 'SIBLING' });
      paid.push((await settle({ patient: m, selfPayFen: 10_000 })).id);
      const sig = (await signals({ memberId: giver.id, rule: 'F8' })).find((x) => JSON.parse(x.evidence).check === 'giver-fan-out');
      if (i < 5) expect(sig).toBeUndefined();
      else {
        caseId = sig!.caseId!;
        expect(JSON.parse(sig!.evidence).beneficiaries).toBe(i + 1);
      }
    }
    const before = (await t.gql(`query($id: Int!) { fraudCase(id: $id) { summary score scoreBreakdown { label points } settlements { id } bindings { id } } }`, { id: caseId }, analyst)).data.fraudCase;
    expect(before.settlements).toHaveLength(8);
    expect(before.bindings).toHaveLength(8);
    expect(before.summary).toContain('8 名被共济人');
    expect(before.scoreBreakdown.reduce((s: number, f: any) => s + f.points, 0)).toBe(before.score);
    expect(before.scoreBreakdown.some((f: any) => f.label.includes('家庭范围以外'))).toBe(true);
    await mutate('startFraudInvestigation(id: $id)', '($id: Int!)', { id: caseId });
    const r = await mutate('confirmFraudCase(input: $input)', '($input: ConfirmFraudCaseInput!)', { input: { caseId, reason: '团伙套现', recoverAll: true } });
    expect(r.confirmFraudCase.sanctions.filter((x: any) => x.kind === 'RECOVER').map((x: any) => x.settlementId).sort((a: number, b: number) => a - b)).toEqual(paid);
    expect((await accountOfMember(t, giver)).balanceFen).toBe(1_000_000);
  });

  it('F9 second flag → note: flagging the same settlement twice keeps one F9 signal and adds a note to the case', async () => {
    const patient = await t.member();
    const s = await settle({ patient });
    const cw = await t.staffToken('caseworker_44');
    const FLAG = `mutation($input: FlagFraudInput!) { flagFraud(input: $input) { ${R} } }`;
    const a = (await t.ok(FLAG, { input: { settlementId: s.id, reason: '举报：冒用医保卡' } }, cw)).flagFraud;
    const b = (await t.ok(FLAG, { input: { settlementId: s.id, reason: '再次举报：同一笔' } }, cw)).flagFraud;
    expect(b.id).toBe(a.id);
    expect(await signals({ rule: 'F9', settlementId: s.id })).toHaveLength(1);
    const notes = await t.run((ctx) => ctx.em.findBy(FraudCaseNote, { caseId: a.id, kind: 'NOTE' }));
    expect(notes.map((n) => n.text).join()).toContain('再次举报：同一笔');
  });

  it('consumer: handle() over settlement.settled events built from stored settlements rebuilds the same signals, set-based in batches, and handling them again changes nothing', async () => {
    const spree = await t.member();
    for (let i = 0; i < 5; i++) await settle({ patient: spree, category: 'PHARMACY', at: minutesAgo(20 - i) }, shops[i % 3]);
    const giver = await t.member({ birthDate: '1960-01-01', openingBalanceFen: 100_000 });
    const kid = await t.member({ birthDate: '1990-01-01', scheme: 'RESIDENT' });
    await insertBinding(t, giver, kid);
    await settle({ patient: kid, selfPayFen: 85_000 });
    const snapshot = () =>
      t.run(async (ctx) => (await ctx.em.find(FraudSignal, { order: { dedupKey: 'ASC' } })).filter((s) => s.rule !== 'F9' && s.rule !== 'F1' && s.rule !== 'F2').map((s) => [s.dedupKey, s.summary, s.score]));
    const expected = await snapshot();
    expect(expected.map((x) => x[0])).toEqual(expect.arrayContaining([expect.stringMatching(/^F5:day:/), expect.stringMatching(/^F6:/)]));
    const settled: Array<{ id: number; created_at: string }> = await t.run((ctx) => ctx.em.query('SELECT id, created_at FROM settlement ORDER BY id'));
    await t.run(async (ctx) => {
      for (const table of ['fraud_case_link', 'fraud_case_note', 'fraud_tally']) await ctx.em.query(`DELETE FROM ${table}`);
      await ctx.em.query("DELETE FROM fraud_signal WHERE rule NOT IN ('F1', 'F2', 'F7', 'F9')");
      await ctx.em.query('DELETE FROM fraud_case WHERE id NOT IN (SELECT case_id FROM fraud_signal WHERE case_id IS NOT NULL)');
    });
    const events: OutboxEvent[] = settled.map((s, i) => ({ id: i + 1, type: 'settlement.settled', subjectId: Number(s.id), settlementId: Number(s.id), createdAt: new Date() }));
    for (let i = 0; i < events.length; i += 7) await t.run((ctx) => fraudConsumer.handle(ctx, events.slice(i, i + 7)));
    expect(await snapshot()).toEqual(expected);
    const counts = () => t.run(async (ctx) => [await ctx.em.count(FraudSignal), await ctx.em.count(FraudCase), Number((await ctx.em.query('SELECT COUNT(*) AS n FROM fraud_case_link'))[0].n)]);
    const once = await counts();
    await t.run((ctx) => fraudConsumer.handle(ctx, events));
    expect(await counts()).toEqual(once);
    expect(fraudConsumer.name).toBe('fraud');
  });

  it('re-scan policy: a full re-scan judges each settlement by the policy version in force when it was made, not today’s', async () => {
    const before = await t.member();
    for (let i = 0; i < 2; i++) await settle({ patient: before, category: 'PHARMACY', at: minutesAgo(10 - i) }, shops[i]);
    expect(await signals({ memberId: before.id, rule: 'F5' })).toHaveLength(0);
    // a stricter version takes effect today: two pharmacies a day are now too many
    const v2 = await t.run(async (ctx) => {
      const cur = await ctx.em.findOneOrFail(PolicyVersion, { where: { provinceCode: '44' }, order: { version: 'DESC' } });
      const rules = withPolicyDefaults(cur.rules);
      const r = await ctx.em.insert(PolicyVersion, {
        provinceCode: '44',
        version: cur.version + 1,
        effectiveFrom: cur.effectiveFrom,
        rules: { ...rules, fraud: { ...rules.fraud, pharmaciesPerDay: 2 } },
        note: 'stricter F5 (test)',
        createdById: null,
        createdByName: 'test',
      });
      return Number(r.identifiers[0].id);
    });
    invalidatePolicyCache(); // written directly, not through publishPolicy: drop the settlement path's cached version
    try {
      const scan = await runFraudScan(t.deps, { full: true, chunkSize: 25 });
      expect(scan.scanned).toBeGreaterThan(0);
      expect(await signals({ memberId: before.id, rule: 'F5' })).toHaveLength(0);
      const after = await t.member();
      for (let i = 0; i < 2; i++) await settle({ patient: after, category: 'PHARMACY', at: minutesAgo(10 - i) }, shops[i]);
      const [sig] = await signals({ memberId: after.id, rule: 'F5' });
      expect(JSON.parse(sig.evidence)).toMatchObject({ check: 'pharmacies-per-day', pharmacies: 2, policyVersionId: v2, threshold: { pharmaciesPerDay: 2 } });
    } finally {
      await t.run((ctx) => ctx.em.delete(PolicyVersion, { id: v2 }));
      invalidatePolicyCache();
    }
  });
});
