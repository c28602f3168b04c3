import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInContext } from '../../core/context';
import { hashSecret } from '../../core/passwords';
import { createInstitution } from '../../seed/accounts';
import { accountOfMember, credentialFor, insertBinding } from '../../testing/fixtures';
import { startTestServer, TEST_INSTITUTION_SECRET, type TestServer } from '../../testing/harness';
import { LedgerEntry } from '../account/account.entity';
import { AuditLog } from '../audit/audit.entity';
import { FraudSignal } from '../fraud-signal/fraud-signal.entity';
import { Institution } from '../institution/institution.entity';
import type { Member } from '../member/member.entity';
import { Settlement } from '../settlement/settlement.entity';
import { settle as settleService } from '../settlement/settlement.service';
import { FraudCase, FraudCaseRule } from './fraud-case.entity';
import { runFraudScan } from './fraud-scan.service';
import { addMonths } from './fraud.service';

let t: TestServer;
let hosp: string;
let pharm: string;
let bj: string;
let analyst: string;
const extraPharmacies: string[] = [];
const extraHospitals: string[] = [];

beforeAll(async () => {
  t = await startTestServer();
  hosp = await t.institutionToken('H44030300001');
  pharm = await t.institutionToken('P44030300002');
  bj = await t.institutionToken('H11000000001');
  analyst = await t.staffToken('fraud_analyst');
  const hash = await hashSecret(TEST_INSTITUTION_SECRET);
  const codes = await t.run(async (ctx) => {
    const out: Array<{ code: string; kind: 'HOSPITAL' | 'PHARMACY' }> = [];
    for (let i = 0; i < 4; i++) {
      const p = { code: `P4403030099${i}`, name: `测试药房${i}`, kind: 'PHARMACY' as const, regionCode: '440300' };
      const h = { code: `H4403030099${i}`, name: `测试医院${i}`, kind: 'HOSPITAL' as const, regionCode: '440300' };
      await createInstitution(ctx.em, p, hash);
      await createInstitution(ctx.em, h, hash);
      out.push(p, h);
    }
    return out;
  });
  for (const c of codes) (c.kind === 'PHARMACY' ? extraPharmacies : extraHospitals).push(await t.institutionToken(c.code));
});
afterAll(async () => {
  await t?.close();
});

const SETTLE = `mutation($input: SettleInput!) { settle(input: $input) {
  __typename ... on Settlement { id status acctPayFen mulaidPayFen cashFen selfPayFen } ... on RuleViolation { rule code message } } }`;
const CASE_FIELDS = `id state score primaryRule rules subjectType subjectId regionCode provinceCode otherRegionCode otherProvinceCode assigneeId signalCount dismissalReason
  signals { id rule evidence dedupKey: summary } notes { kind text actorName } sanctions { kind memberId bindingId months untilDate settlementId reversalId amountFen baseFen multiplier }
  settlements { id } bindings { id state } members { id }`;
const R = `__typename ... on FraudCase { ${CASE_FIELDS} } ... on RuleViolation { rule code message field }`;

interface Req {
  patient: Member;
  selfPayFen?: number;
  category?: string;
  placeRegion?: string;
  at?: Date;
  credentialNo?: string;
  drugCodes?: string[];
}
function input(r: Req) {
  const self = r.selfPayFen ?? 1_000;
  return {
    serialNo: `T${randomUUID().slice(0, 18)}`,
    patientIdNumber: r.patient.idNumber,
    credentialType: 'T02',
    credentialNo: r.credentialNo ?? r.patient.idNumber,
    category: r.category ?? 'OUTPATIENT',
    totalFen: self,
    poolFen: 0,
    selfPayFen: self,
    placeRegion: r.placeRegion ?? '440300',
    treatedAt: (r.at ?? new Date()).toISOString(),
    acctUsedFlag: true,
    ...(r.drugCodes ? { drugCodes: r.drugCodes } : {}),
  };
}
const settle = async (r: Req, token = hosp) => (await t.ok(SETTLE, { input: input(r) }, token)).settle;
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

const signalsOf = (memberId: number, rule?: string) =>
  t.run((ctx) => ctx.em.find(FraudSignal, { where: rule ? { memberId, rule: rule as any } : { memberId }, order: { id: 'ASC' } }));
const casesOfMember = (memberId: number) => t.run((ctx) => ctx.em.findBy(FraudCase, { subjectType: 'MEMBER', subjectId: memberId }));
const getCase = async (id: number, token = analyst) => t.gql(`query($id: Int!) { fraudCase(id: $id) { ${CASE_FIELDS} } }`, { id }, token);
const mutate = async (op: string, args: string, vars: Record<string, unknown>, token = analyst) => (await t.ok(`mutation${args} { ${op} { ${R} } }`, vars, token));

describe('detection rules (F1–F9)', () => {
  it('F1: a settlement with someone else’s credential is refused and opens an impersonation case; the own credential opens none', async () => {
    const patient = await t.member();
    const other = await t.member();
    const cred = await credentialFor(t, other, '03');
    const r = await t.ok(SETTLE, { input: { ...input({ patient }), credentialType: 'T03', credentialNo: cred.number } }, hosp);
    expect(r.settle).toMatchObject({ rule: 'S2' });
    const [c] = await casesOfMember(patient.id);
    expect(c).toMatchObject({ state: 'OPEN', primaryRule: 'F1', score: 90 });
    const clean = await t.member();
    expect((await settle({ patient: clean })).__typename).toBe('Settlement');
    expect(await casesOfMember(clean.id)).toHaveLength(0);
  });

  it('F2: a settlement for a deceased member is refused and opens a case; a living member opens none', async () => {
    const patient = await t.member();
    const cw = await t.staffToken('caseworker');
    await t.ok(`mutation($input: MemberEventInput!) { recordMemberDeath(input: $input) { __typename } }`, { input: { memberId: patient.id, date: '2026-01-02', reason: '死亡登记' } }, cw);
    expect((await settle({ patient })).rule).toBe('S10');
    expect((await casesOfMember(patient.id))[0]).toMatchObject({ primaryRule: 'F2', state: 'OPEN' });
    const alive = await t.member();
    await settle({ patient: alive });
    expect(await casesOfMember(alive.id)).toHaveLength(0);
  });

  it('F3 speed: Beijing→Shenzhen (1,943 km) 150 minutes apart is impossible travel, with the actual gap, speed and place names; 400 minutes apart (291 km/h) is not', async () => {
    const patient = await t.member();
    await settle({ patient, at: minutesAgo(151) });
    expect(await signalsOf(patient.id, 'F3')).toHaveLength(0);
    await settle({ patient, placeRegion: '110000', at: minutesAgo(1) }, bj);
    const [sig] = await signalsOf(patient.id, 'F3');
    const ev = JSON.parse(sig.evidence);
    expect(ev).toMatchObject({ rule: 'F3', check: 'impossible-travel', gapMinutes: 150, threshold: { maxTravelSpeedKmh: 300 } });
    expect(ev.distanceKm).toBeGreaterThan(1900);
    expect(ev.speedKmh).toBeGreaterThan(700);
    expect(ev.policyVersionId).toEqual(expect.any(Number));
    expect(sig.summary).toContain('150 分钟');
    expect(sig.summary).toContain('深圳市');
    expect(sig.summary).toContain('北京市');
    expect(sig.summary).toMatch(/\d+ 公里\/小时/);
    expect(sig.summary).not.toContain('120 分钟');
    const [c] = await casesOfMember(patient.id);
    expect([c.provinceCode, c.otherProvinceCode]).toEqual(['44', '11']);

    const traveller = await t.member();
    await settle({ patient: traveller, at: minutesAgo(401) });
    await settle({ patient: traveller, placeRegion: '110000', at: minutesAgo(1) }, bj);
    expect(await signalsOf(traveller.id, 'F3')).toHaveLength(0);
  });

  it('F3: settlements at 5 institutions on one day fire; at 4 they do not', async () => {
    const patient = await t.member();
    const tokens = [hosp, ...extraHospitals];
    for (let i = 0; i < 4; i++) await settle({ patient, at: minutesAgo(10 - i) }, tokens[i]);
    expect(await signalsOf(patient.id, 'F3')).toHaveLength(0);
    await settle({ patient, at: minutesAgo(2) }, tokens[4]);
    const sigs = await signalsOf(patient.id, 'F3');
    expect(sigs).toHaveLength(1);
    expect(JSON.parse(sigs[0].evidence)).toMatchObject({ check: 'institutions-per-day', institutions: 5, threshold: { institutionsPerDay: 5 } });
  });

  it('F4: maternity for a male ID fires; maternity for a 30-year-old woman does not', async () => {
    const man = await t.member({ sex: 'MALE', birthDate: '1990-05-05' });
    await settle({ patient: man, category: 'MATERNITY' });
    const [sig] = await signalsOf(man.id, 'F4');
    expect(JSON.parse(sig.evidence)).toMatchObject({ rule: 'F4', check: 'male-maternity', sex: 'MALE' });
    const woman = await t.member({ sex: 'FEMALE', birthDate: '1996-05-05' });
    await settle({ patient: woman, category: 'MATERNITY' });
    expect(await signalsOf(woman.id)).toHaveLength(0);
  });

  it('F4: a maternity claim for a 13-year-old fires against the policy’s youngest age; a 17-year-old does not', async () => {
    const child = await t.member({ sex: 'FEMALE', birthDate: `${new Date().getFullYear() - 13}-01-01`, scheme: 'RESIDENT' });
    await settle({ patient: child, category: 'MATERNITY' });
    const [sig] = await signalsOf(child.id, 'F4');
    expect(JSON.parse(sig.evidence)).toMatchObject({ rule: 'F4', check: 'too-young', threshold: { maternityMinAge: 14, maternityMaxAge: 55 } });
    const teen = await t.member({ sex: 'FEMALE', birthDate: `${new Date().getFullYear() - 17}-01-01`, scheme: 'RESIDENT' });
    await settle({ patient: teen, category: 'MATERNITY' });
    expect(await signalsOf(teen.id, 'F4')).toHaveLength(0);
  });

  it('F5: 4 pharmacies on one day fire, 3 do not; the 6th purchase of the same drug fires, the 5th does not', async () => {
    const patient = await t.member();
    const shops = [pharm, ...extraPharmacies];
    for (let i = 0; i < 3; i++) await settle({ patient, category: 'PHARMACY', at: minutesAgo(20 - i) }, shops[i]);
    expect(await signalsOf(patient.id, 'F5')).toHaveLength(0);
    await settle({ patient, category: 'PHARMACY', at: minutesAgo(15) }, shops[3]);
    const day = await signalsOf(patient.id, 'F5');
    expect(day.map((s) => JSON.parse(s.evidence).check)).toEqual(['pharmacies-per-day']);

    const buyer = await t.member();
    for (let i = 0; i < 5; i++) await settle({ patient: buyer, category: 'PHARMACY', drugCodes: ['XA01BB'], at: minutesAgo(60 * 24 * (i + 1)) }, pharm);
    expect(await signalsOf(buyer.id, 'F5')).toHaveLength(0);
    await settle({ patient: buyer, category: 'PHARMACY', drugCodes: ['XA01BB', 'XB02'], at: minutesAgo(1) }, pharm);
    const [sig] = await signalsOf(buyer.id, 'F5');
    expect(JSON.parse(sig.evidence)).toMatchObject({ check: 'same-drug-repeats', drugCode: 'XA01BB', purchases: 6, threshold: { sameDrugRepeats: 6 } });
  });

  it('F6: a giver drained of 90% within days of a new binding opens a binding case; 50% does not', async () => {
    const giver = await t.member({ birthDate: '1960-01-01', openingBalanceFen: 100_000 });
    const kid = await t.member({ birthDate: '1990-01-01', scheme: 'RESIDENT' });
    const b = await insertBinding(t, giver, kid);
    await settle({ patient: kid, selfPayFen: 50_000 });
    const early = await t.run((ctx) => ctx.em.findBy(FraudSignal, { rule: 'F6', bindingId: b.id }));
    expect(early).toHaveLength(0);
    await settle({ patient: kid, selfPayFen: 40_000 });
    const [sig] = await t.run((ctx) => ctx.em.findBy(FraudSignal, { rule: 'F6', bindingId: b.id }));
    expect(JSON.parse(sig.evidence)).toMatchObject({ rule: 'F6', balanceAtActivationFen: 100_000, mutualAidPaidFen: 90_000, threshold: { drainPercent: 80, drainWindowDays: 7 } });
    const c = await t.run((ctx) => ctx.em.findOneByOrFail(FraudCase, { id: sig.caseId! }));
    expect([c.subjectType, c.subjectId]).toEqual(['BINDING', b.id]);
  });

  it('F7: binding with a wrong name opens a case for the member who tried; the right name opens none', async () => {
    const giver = await t.member({ birthDate: '1960-01-01' });
    const kid = await t.member({ birthDate: '1990-01-01' });
    const REQ = `mutation($input: RequestBindingInput!) { requestBinding(input: $input) { __typename ... on RuleViolation { rule } } }`;
    const token = await t.memberToken(giver);
    const r = await t.ok(REQ, { input: { as: 'GIVER', kind: 'MUTUAL_AID', counterpartIdNumber: kid.idNumber, counterpartName: '冒名者', relationship: 'CHILD', commitmentAccepted: true } }, token);
    expect(r.requestBinding.rule).toBe('E6');
    expect((await casesOfMember(giver.id))[0]).toMatchObject({ primaryRule: 'F7' });
    const honest = await t.member({ birthDate: '1961-01-01' });
    const kid2 = await t.member({ birthDate: '1991-01-01' });
    const ok = await t.ok(REQ, { input: { as: 'GIVER', kind: 'MUTUAL_AID', counterpartIdNumber: kid2.idNumber, counterpartName: kid2.name, relationship: 'CHILD', commitmentAccepted: true } }, await t.memberToken(honest));
    expect(ok.requestBinding.__typename).toBe('Binding');
    expect(await casesOfMember(honest.id)).toHaveLength(0);
  });

  it('F8 household: spouse, both parents and three children at the family pharmacy raise nothing; six children raise nothing either (2 beyond the household)', async () => {
    const giver = await t.member({ birthDate: '1975-01-01', openingBalanceFen: 1_000_000 });
    const family: Array<[string, string]> = [['SPOUSE', '1976-01-01'], ['PARENT', '1950-01-01'], ['PARENT', '1951-01-01'], ['CHILD', '2005-01-01'], ['CHILD', '2008-01-01'], ['CHILD', '2012-01-01']];
    for (const [relationship, birthDate] of family) {
      const m = await t.member({ birthDate, scheme: 'RESIDENT' });
      await insertBinding(t, giver, m, { relationship: relationship as any });
      await settle({ patient: m, selfPayFen: 2_000, category: 'PHARMACY' }, pharm);
    }
    expect(await signalsOf(giver.id, 'F8')).toHaveLength(0);
    expect(await t.run((ctx) => ctx.em.count(FraudSignal, { where: { rule: 'F8', memberId: giver.id } }))).toBe(0);

    const parent = await t.member({ birthDate: '1960-01-01', openingBalanceFen: 1_000_000 });
    for (let i = 0; i < 6; i++) {
      const kid = await t.member({ birthDate: `19${85 + i}-01-01`, scheme: 'RESIDENT' });
      await insertBinding(t, parent, kid, { relationship: 'CHILD' });
      await settle({ patient: kid, selfPayFen: 1_000 }, hosp);
    }
    expect(await signalsOf(parent.id, 'F8')).toHaveLength(0);
  });

  it('F8: a ring of 12 "siblings" fires with every beneficiary counted and every settlement linked; the institution settling 4 of them against the giver opens an institution case', async () => {
    const giver = await t.member({ birthDate: '1970-01-01', openingBalanceFen: 2_000_000 });
    const paid: number[] = [];
    for (let i = 0; i < 12; i++) {
      const sib = await t.member({ birthDate: `19${65 + i}-01-01`, scheme: 'RESIDENT' });
      await insertBinding(t, giver, sib, { relationship: 'SIBLING' });
      paid.push((await settle({ patient: sib, selfPayFen: 5_000 }, i < 4 ? extraHospitals[1] : hosp)).id);
    }
    const sigs = await signalsOf(giver.id, 'F8');
    const giverSig = sigs.find((s) => JSON.parse(s.evidence).check === 'giver-fan-out')!;
    expect(JSON.parse(giverSig.evidence)).toMatchObject({ beneficiaries: 12, outsideHousehold: 12, amountFen: 60_000, threshold: { fanOutBeneficiaries: 6 } });
    expect(giverSig.summary).toContain('12 名被共济人');
    expect(giverSig.summary).toContain('600.00 元');
    const c = await t.run((ctx) => ctx.em.findOneByOrFail(FraudCase, { id: giverSig.caseId! }));
    expect(c.summary).toContain('12 名被共济人');
    const view = (await getCase(c.id)).data.fraudCase;
    expect(view.settlements.map((x: any) => x.id).sort((a: number, b: number) => a - b)).toEqual([...paid].sort((a, b) => a - b));
    expect(view.bindings).toHaveLength(12);
    const instSig = sigs.find((s) => JSON.parse(s.evidence).check === 'institution-fan-out');
    expect(instSig).toBeDefined();
    expect(instSig!.summary).toContain('测试医院1');
    const ic = await t.run((ctx) => ctx.em.findOneByOrFail(FraudCase, { id: instSig!.caseId! }));
    expect(ic.subjectType).toBe('INSTITUTION');
  });

  it('F9: a caseworker flags a settlement as impersonation and a case opens; without a reason nothing happens; auditors cannot flag', async () => {
    const patient = await t.member();
    const s = await settle({ patient });
    const cw = await t.staffToken('caseworker_44');
    const missing = await mutate('flagFraud(input: $input)', '($input: FlagFraudInput!)', { input: { settlementId: s.id, reason: '   ' } }, cw);
    expect(missing.flagFraud).toMatchObject({ rule: 'F9', code: 'FLAG_REASON_REQUIRED' });
    expect(await casesOfMember(patient.id)).toHaveLength(0);
    const r = await mutate('flagFraud(input: $input)', '($input: FlagFraudInput!)', { input: { settlementId: s.id, reason: '举报：冒用他人医保卡' } }, cw);
    expect(r.flagFraud).toMatchObject({ state: 'OPEN', primaryRule: 'F9', subjectType: 'MEMBER', subjectId: patient.id });
    expect(r.flagFraud.settlements.map((x: any) => x.id)).toEqual([s.id]);
    const denied = await t.gql(`mutation($input: FlagFraudInput!) { flagFraud(input: $input) { __typename } }`, { input: { memberId: patient.id, reason: 'x' } }, await t.staffToken('auditor'));
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('cases', () => {
  it('F1/F4: signals about the same member merge into one open case with both rules and a raised score', async () => {
    const man = await t.member({ sex: 'MALE' });
    await settle({ patient: man, category: 'MATERNITY' });
    await settle({ patient: man, category: 'MATERNITY' });
    const other = await t.member();
    const cred = await credentialFor(t, other, '03');
    await t.ok(SETTLE, { input: { ...input({ patient: man }), credentialType: 'T03', credentialNo: cred.number } }, hosp);
    const cases = await casesOfMember(man.id);
    expect(cases).toHaveLength(1);
    // the highest signal (F1, 90) plus 5 for each of the two further signals
    expect(cases[0], JSON.stringify(cases[0])).toMatchObject({ ruleList: 'F1,F4', primaryRule: 'F1', signalCount: 3, score: 100 });
    const view = (await t.gql(`query($id: Int!) { fraudCase(id: $id) { score scoreBreakdown { label points } } }`, { id: cases[0].id }, analyst)).data.fraudCase;
    expect(view.scoreBreakdown.reduce((s: number, f: any) => s + f.points, 0)).toBe(view.score);
    expect(view.scoreBreakdown.map((f: any) => f.label).join(' ')).toContain('另有 2 个信号');
  });

  it('F: the workflow refuses invalid transitions and values with typed errors and changes nothing; every action is on the timeline and in the audit log', async () => {
    const patient = await t.member();
    const flagged = await mutate('flagFraud(input: $input)', '($input: FlagFraudInput!)', { input: { memberId: patient.id, reason: '线索' } });
    const id = flagged.flagFraud.id;
    expect((await mutate('confirmFraudCase(input: $input)', '($input: ConfirmFraudCaseInput!)', { input: { caseId: id, reason: 'x' } })).confirmFraudCase).toMatchObject({ rule: 'F', code: 'BAD_CASE_TRANSITION' });
    expect((await mutate('dismissFraudCase(id: $id, reason: $r)', '($id: Int!, $r: String!)', { id, r: ' ' })).dismissFraudCase).toMatchObject({ rule: 'F', code: 'DISMISSAL_REASON_REQUIRED' });
    const me = await t.run((ctx) => ctx.em.query("SELECT id FROM staff_user WHERE username = 'fraud_analyst_11'"));
    expect((await mutate('assignFraudCase(id: $id, assigneeId: $a)', '($id: Int!, $a: Int)', { id, a: Number(me[0].id) })).assignFraudCase).toMatchObject({ rule: 'A1', code: 'ASSIGNEE_NOT_ANALYST' });
    expect((await mutate('startFraudInvestigation(id: $id)', '($id: Int!)', { id })).startFraudInvestigation).toMatchObject({ state: 'INVESTIGATING' });
    expect((await mutate('addFraudCaseNote(id: $id, text: $x)', '($id: Int!, $x: String!)', { id, x: '电话核实中' })).addFraudCaseNote.notes.map((n: any) => n.kind)).toContain('NOTE');
    for (const bad of [{ suspendMemberMonths: 2 }, { suspendMemberMonths: 13 }, { fineMultiplier: 6, fineBaseFen: 100 }, { fineMultiplier: 1, fineBaseFen: 100 }, { recoverSettlementIds: [999999] }]) {
      const r = await mutate('confirmFraudCase(input: $input)', '($input: ConfirmFraudCaseInput!)', { input: { caseId: id, reason: '核实', ...bad } });
      expect(r.confirmFraudCase.rule).toBe('F');
    }
    expect((await getCase(id)).data.fraudCase).toMatchObject({ state: 'INVESTIGATING', sanctions: [] });
    expect((await t.run((ctx) => ctx.em.findOneByOrFail(FraudCase, { id }))).openKey).toBe(`MEMBER:${patient.id}`);
    const d = await mutate('dismissFraudCase(id: $id, reason: $r)', '($id: Int!, $r: String!)', { id, r: '系录入错误 (data-entry error)' });
    expect(d.dismissFraudCase).toMatchObject({ state: 'DISMISSED', dismissalReason: '系录入错误 (data-entry error)' });
    expect(d.dismissFraudCase.notes.map((n: any) => n.kind)).toEqual(['STATE', 'SIGNAL', 'STATE', 'NOTE', 'STATE']);
    const actions = await t.run((ctx) => ctx.em.find(AuditLog, { where: { entityType: 'fraud_case', entityId: String(id) }, order: { id: 'ASC' } }));
    expect(actions.map((a) => a.action)).toEqual(['fraud.flag', 'fraud.investigate', 'fraud.note', 'fraud.dismiss']);
    // a new signal after the dismissal opens a new case
    const again = await mutate('flagFraud(input: $input)', '($input: FlagFraudInput!)', { input: { memberId: patient.id, reason: '再次举报' } });
    expect(again.flagFraud.id).not.toBe(id);
    // auditors read, but cannot act
    const aud = await t.staffToken('auditor');
    expect((await getCase(id, aud)).data.fraudCase.state).toBe('DISMISSED');
    const denied = await t.gql(`mutation($id: Int!) { startFraudInvestigation(id: $id) { __typename } }`, { id: again.flagFraud.id }, aud);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('S10: a confirmed 3-month suspension blocks the member’s next settlement until the date has passed', async () => {
    const patient = await t.member();
    const flagged = await mutate('flagFraud(input: $input)', '($input: FlagFraudInput!)', { input: { memberId: patient.id, reason: '冒名就医' } });
    const id = flagged.flagFraud.id;
    await mutate('startFraudInvestigation(id: $id)', '($id: Int!)', { id });
    const r = await mutate('confirmFraudCase(input: $input)', '($input: ConfirmFraudCaseInput!)', { input: { caseId: id, reason: '查实', suspendMemberMonths: 3 } });
    const until = addMonths(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), 3);
    expect(r.confirmFraudCase).toMatchObject({ state: 'CONFIRMED', sanctions: [{ kind: 'SUSPEND_MEMBER', months: 3, untilDate: until }] });
    expect(await settle({ patient })).toMatchObject({ rule: 'S10', code: 'NETWORK_SETTLEMENT_BLOCKED' });
    // the day after the suspension ends (a later request clock), the member settles again
    const later = new Date(`${until}T12:00:00+08:00`);
    later.setUTCDate(later.getUTCDate() + 1);
    const inst = await t.run((ctx) => ctx.em.findOneByOrFail(Institution, { code: 'H44030300001' }));
    const principal = { kind: 'institution' as const, id: inst.id, code: inst.code, regionCode: inst.regionCode };
    const onLastDay = new Date(`${until}T12:00:00+08:00`);
    await expect(runInContext(t.deps, principal, (ctx) => settleService(ctx, { ...input({ patient, at: new Date(onLastDay.getTime() - 60_000) }), credentialType: 'T02' } as any), onLastDay)).rejects.toMatchObject({ rule: 'S10' });
    const s = await runInContext(t.deps, principal, (ctx) => settleService(ctx, { ...input({ patient, at: new Date(later.getTime() - 60_000) }), credentialType: 'T02' } as any), later);
    expect(s.status).toBe('SETTLED');
  });

  it('S9/S11: recovery reverses the chosen settlement and restores the exact amounts through ledger entries; a fine of 3× is recorded', async () => {
    const giver = await t.member({ birthDate: '1960-01-01', openingBalanceFen: 80_000 });
    const kid = await t.member({ birthDate: '1990-01-01', scheme: 'RESIDENT' });
    const b = await insertBinding(t, giver, kid);
    const s = await settle({ patient: kid, selfPayFen: 30_000 });
    expect(s.mulaidPayFen).toBe(30_000);
    expect((await accountOfMember(t, giver)).balanceFen).toBe(50_000);
    const flagged = await mutate('flagFraud(input: $input)', '($input: FlagFraudInput!)', { input: { settlementId: s.id, reason: '冒名就医' } });
    const id = flagged.flagFraud.id;
    await mutate('startFraudInvestigation(id: $id)', '($id: Int!)', { id });
    const r = await mutate('confirmFraudCase(input: $input)', '($input: ConfirmFraudCaseInput!)', {
      input: { caseId: id, reason: '查实', recoverSettlementIds: [s.id], fineMultiplier: 3, suspendBindingIds: [b.id] },
    });
    expect(r.confirmFraudCase.state).toBe('CONFIRMED');
    const byKind = Object.fromEntries(r.confirmFraudCase.sanctions.map((x: any) => [x.kind, x]));
    expect(byKind.RECOVER).toMatchObject({ settlementId: s.id, amountFen: 30_000, baseFen: 30_000 });
    expect(byKind.FINE).toMatchObject({ multiplier: 3, baseFen: 30_000, amountFen: 90_000 });
    expect(byKind.SUSPEND_BINDING).toMatchObject({ bindingId: b.id });
    expect(r.confirmFraudCase.bindings).toEqual([]); // the F9 settlement flag names no binding itself
    const acc = await accountOfMember(t, giver);
    expect(acc.balanceFen).toBe(80_000);
    const entries = await t.run((ctx) => ctx.em.findBy(LedgerEntry, { accountId: acc.id }));
    expect(entries.reduce((sum, e) => sum + (e.direction === 'CREDIT' ? e.amountFen : -e.amountFen), 0)).toBe(acc.balanceFen);
    expect(entries.filter((e) => e.cause === 'REVERSAL').map((e) => e.amountFen)).toEqual([30_000]);
    const status = await t.run((ctx) => ctx.em.query('SELECT status FROM settlement WHERE id = ?', [s.id]));
    expect(status[0].status).toBe('REVERSED');
    const bState = await t.run((ctx) => ctx.em.query('SELECT state FROM binding WHERE id = ?', [b.id]));
    expect(bState[0].state).toBe('SUSPENDED');
  });
});

describe('scope and queries (A1)', () => {
  it('A1: an analyst of 44 sees a 44 case and not an 11 case; a cross-province case is visible to both', async () => {
    const gd = await t.member({ insuredRegion: '440300' });
    const bjm = await t.member({ insuredRegion: '110000' });
    const c44 = (await mutate('flagFraud(input: $input)', '($input: FlagFraudInput!)', { input: { memberId: gd.id, reason: '线索' } })).flagFraud.id;
    const c11 = (await mutate('flagFraud(input: $input)', '($input: FlagFraudInput!)', { input: { memberId: bjm.id, reason: '线索' } })).flagFraud.id;
    const traveller = await t.member({ insuredRegion: '440300' });
    await settle({ patient: traveller, at: minutesAgo(20) });
    await settle({ patient: traveller, placeRegion: '110000', at: minutesAgo(5) }, bj);
    const cross = (await casesOfMember(traveller.id))[0].id;

    const a44 = await t.staffToken('fraud_analyst_44');
    const a11 = await t.staffToken('fraud_analyst_11');
    const LIST = `query($f: FraudCaseFilter) { fraudCases(filter: $f, perPage: 200, sortField: "score", sortOrder: DESC) { total items { id } } }`;
    const ids44 = (await t.ok(LIST, {}, a44)).fraudCases.items.map((c: any) => c.id);
    const ids11 = (await t.ok(LIST, {}, a11)).fraudCases.items.map((c: any) => c.id);
    expect(ids44).toContain(c44);
    expect(ids44).not.toContain(c11);
    expect(ids11).toContain(c11);
    expect(ids11).not.toContain(c44);
    expect(ids44).toContain(cross);
    expect(ids11).toContain(cross);
    expect((await getCase(c11, a44)).errors?.[0].extensions?.rule).toBe('NOT_FOUND');
    expect((await getCase(cross, a11)).data.fraudCase.id).toBe(cross);
    // filters
    const f3 = (await t.ok(LIST, { f: { rule: 'F3', regionCode: '11' } }, a44)).fraudCases.items.map((c: any) => c.id);
    expect(f3).toContain(cross);
    expect(f3).not.toContain(c44);
    const COUNTS = `query($state: FraudCaseState) { fraudCaseCounts(state: $state) { total byRule { key count } byRegion { key count } byState { key count } } }`;
    const counts = (await t.ok(COUNTS, {}, a11)).fraudCaseCounts;
    expect(counts.byRegion.map((b: any) => b.key)).toEqual(expect.arrayContaining(['11', '44']));
    expect(counts.total).toBe(counts.byState.reduce((s: number, b: any) => s + b.count, 0));
    expect(counts.byRule.find((b: any) => b.key === 'F3').count).toBeGreaterThanOrEqual(1);
    // The panel's figures are the cases in scope recounted one by one: by state, by province, by each rule of a case's list.
    const all = await t.run((ctx) => ctx.em.find(FraudCase, {}));
    for (const state of [undefined, 'OPEN'] as const) {
      const mine = all.filter((c) => (c.provinceCode === '11' || c.otherProvinceCode === '11') && (!state || c.state === state));
      const tally = (keys: string[]) => Object.fromEntries([...new Set(keys)].map((k) => [k, keys.filter((x) => x === k).length]));
      const asMap = (buckets: Array<{ key: string; count: number }>) => Object.fromEntries(buckets.map((b) => [b.key, b.count]));
      const got = (await t.ok(COUNTS, { state }, a11)).fraudCaseCounts;
      expect(got.total).toBe(mine.length);
      expect(asMap(got.byState)).toEqual(tally(mine.map((c) => c.state)));
      expect(asMap(got.byRegion)).toEqual(tally(mine.map((c) => c.provinceCode)));
      expect(asMap(got.byRule)).toEqual(tally(mine.flatMap((c) => c.ruleList.split(','))));
    }
  });

  it('issue 10: the rule filter lists the cases whose rules include it, in score order, page by page and by cursor; each case has a rule row per rule with its score', async () => {
    // A case with F3 (and its later signals), a flagged case (F9), and whatever the other tests left.
    const traveller = await t.member({ insuredRegion: '440300' });
    await settle({ patient: traveller, at: minutesAgo(30) });
    await settle({ patient: traveller, placeRegion: '110000', at: minutesAgo(10) }, bj);
    const flagged = await t.member({ insuredRegion: '440300' });
    await mutate('flagFraud(input: $input)', '($input: FlagFraudInput!)', { input: { memberId: flagged.id, reason: '线索' } });
    const cases = await t.run((ctx) => ctx.em.find(FraudCase, {}));
    const rows = await t.run((ctx) => ctx.em.find(FraudCaseRule, {}));
    // The rule rows are the cases' rule lists, with the cases' scores.
    const want = cases.flatMap((c) => c.ruleList.split(',').map((rule) => `${c.id}:${rule}:${c.score}`)).sort();
    expect(rows.map((r) => `${r.caseId}:${r.rule}:${r.score}`).sort()).toEqual(want);
    const token = await t.staffToken('fraud_analyst');
    const PAGE = `query($f: FraudCaseFilter, $page: Int, $after: String) { fraudCases(filter: $f, page: $page, perPage: 2, sortField: "score", sortOrder: DESC, after: $after) { total nextCursor items { id score } } }`;
    const rules = [...new Set(cases.flatMap((c) => c.ruleList.split(',')))];
    expect(rules).toEqual(expect.arrayContaining(['F3', 'F9']));
    for (const rule of [...rules, 'F1']) {
      const expected = cases
        .filter((c) => c.ruleList.split(',').includes(rule))
        .sort((a, b) => b.score - a.score || b.id - a.id)
        .map((c) => c.id);
      const byCursor: number[] = [];
      let after: string | null = null;
      do {
        const page: any = (await t.ok(PAGE, { f: { rule }, after }, token)).fraudCases;
        if (!after) expect(page.total).toBe(expected.length);
        byCursor.push(...page.items.map((c: any) => c.id));
        after = page.nextCursor;
      } while (after);
      expect(byCursor, rule).toEqual(expected);
      const byNumber: number[] = [];
      for (let page = 1; page <= Math.ceil(expected.length / 2); page++) byNumber.push(...(await t.ok(PAGE, { f: { rule }, page }, token)).fraudCases.items.map((c: any) => c.id));
      expect(byNumber, rule).toEqual(expected);
      // With a filter and a sort the rule rows do not carry (state, created time): read through the cases.
      const NEWEST = `query($f: FraudCaseFilter, $after: String) { fraudCases(filter: $f, perPage: 2, sortField: "createdAt", sortOrder: DESC, after: $after) { total nextCursor items { id } } }`;
      const open = cases
        .filter((c) => c.ruleList.split(',').includes(rule) && c.state === 'OPEN')
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
        .map((c) => c.id);
      const newest: number[] = [];
      let next: string | null = null;
      do {
        const page: any = (await t.ok(NEWEST, { f: { rule, state: 'OPEN' }, after: next }, token)).fraudCases;
        if (!next) expect(page.total).toBe(open.length);
        newest.push(...page.items.map((c: any) => c.id));
        next = page.nextCursor;
      } while (next);
      expect(newest, `${rule}, open, newest first`).toEqual(open);
    }
  });

  it('A1: memberRiskProfile shows cases, signals, bindings and the settlement pattern; out of scope it is not found', async () => {
    const patient = await t.member({ sex: 'MALE' });
    await settle({ patient, category: 'MATERNITY', selfPayFen: 2_000 });
    await settle({ patient, selfPayFen: 500 });
    const Q = `query($id: Int!) { memberRiskProfile(memberId: $id) { openScore cases { id rules } signals { rule } bindings { id } byPlace { key count selfPayFen } byCategory { key count selfPayFen accountFen } } }`;
    const p = (await t.ok(Q, { id: patient.id }, await t.staffToken('auditor_44'))).memberRiskProfile;
    expect(p.cases).toHaveLength(1);
    expect(p.openScore).toBe(60);
    expect(p.signals.map((s: any) => s.rule)).toEqual(['F4']);
    expect(p.byPlace).toEqual([{ key: '440300', count: 2, selfPayFen: 2_500 }]);
    expect(p.byCategory.map((b: any) => [b.key, b.count, b.selfPayFen])).toEqual([
      ['MATERNITY', 1, 2_000],
      ['OUTPATIENT', 1, 500],
    ]);
    const out = await t.gql(Q, { id: patient.id }, await t.staffToken('fraud_analyst_11'));
    expect(out.errors?.[0].extensions?.rule).toBe('NOT_FOUND');
  });
});

describe('batch scan', () => {
  it('F4/F5: the batch scan finds what the inline path never saw, advances its watermark, and re-running it (incremental or full) records no duplicates', async () => {
    // history written before inline detection existed: rows inserted directly
    const man = await t.member({ sex: 'MALE' });
    const inst = await t.run((ctx) => ctx.em.findOneByOrFail(Institution, { code: 'P44030300002' }));
    await t.run(async (ctx) => {
      for (let i = 0; i < 13; i++)
        await ctx.em.insert(Settlement, {
          institutionId: inst.id,
          serialNo: `HIST-${man.id}-${i}`,
          requestHash: 'h',
          patientId: man.id,
          credentialType: '02',
          credentialNoMasked: 'x',
          category: i === 0 ? 'MATERNITY' : 'PHARMACY',
          totalFen: 100,
          poolFen: 0,
          selfPayFen: 100,
          acctPayFen: 0,
          mulaidPayFen: 0,
          cashFen: 100,
          reversedFen: 0,
          cashReversedFen: 0,
          placeRegion: '440300',
          placeProvince: '44',
          patientRegion: '440300',
          patientProvince: '44',
          treatedAt: minutesAgo(60 * 24 * (i + 1)),
          acctUsedFlag: false,
          offsite: false,
          status: 'SETTLED',
          policyVersions: [],
          drugCodes: [],
        });
    });
    const count = () => t.run(async (ctx) => [await ctx.em.count(FraudSignal), await ctx.em.count(FraudCase)]);
    const first = await runFraudScan(t.deps, { chunkSize: 7 });
    const sigs = await signalsOf(man.id);
    expect(sigs.map((s) => s.rule).sort()).toEqual(['F4', 'F5']);
    expect(JSON.parse(sigs.find((s) => s.rule === 'F5')!.evidence)).toMatchObject({ check: 'visits-per-period', threshold: { pharmacyVisitsPerPeriod: 12 } });
    expect(await casesOfMember(man.id)).toHaveLength(1);
    const before = await count();
    const second = await runFraudScan(t.deps);
    expect(second.scanned).toBe(0);
    const full = await runFraudScan(t.deps, { full: true, chunkSize: 50 });
    expect(full.signals).toBe(0);
    expect(full.scanned).toBe(first.toId);
    expect(await count()).toEqual(before);
    const state = await t.run((ctx) => ctx.em.query("SELECT last_settlement_id AS w FROM fraud_scan_state WHERE name = 'settlement'"));
    expect(Number(state[0].w)).toBe(first.toId);
  });
});

describe('assignment', () => {
  it('A1: a case can be assigned to the analysts whose scope covers it, and only to them', async () => {
    const patient = await t.member({ insuredRegion: '440300' });
    const flagged = await mutate('flagFraud(input: $input)', '($input: FlagFraudInput!)', { input: { memberId: patient.id, reason: '线索：同一天多地就诊' } });
    const id = flagged.flagFraud.id;
    const list = await t.ok(`query($id: Int!) { fraudCaseAssignees(id: $id) { id username } }`, { id }, analyst);
    const names = list.fraudCaseAssignees.map((s: { username: string }) => s.username);
    expect(names).toEqual(expect.arrayContaining(['fraud_analyst', 'fraud_analyst_44', 'fraud_analyst_440300']));
    expect(names).not.toContain('fraud_analyst_11');
    expect(names).not.toContain('caseworker');
    const target = list.fraudCaseAssignees.find((s: { username: string }) => s.username === 'fraud_analyst_440300');
    const r = await mutate('assignFraudCase(id: $id, assigneeId: $a)', '($id: Int!, $a: Int)', { id, a: target.id });
    expect(r.assignFraudCase).toMatchObject({ assigneeId: target.id });
    const denied = await t.gql(`query($id: Int!) { fraudCaseAssignees(id: $id) { id } }`, { id }, await t.staffToken('caseworker'));
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outside = await t.gql(`query($id: Int!) { fraudCaseAssignees(id: $id) { id } }`, { id }, await t.staffToken('fraud_analyst_11'));
    expect(outside.errors?.length).toBeGreaterThan(0);
  });
});
