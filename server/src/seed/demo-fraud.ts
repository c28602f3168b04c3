/**
 * Demo anomalies for the fraud analysts: each story below goes through the real settlement engine,
 * binding fixtures and fraud workflow, so the cases on a fresh demo server were raised by the rules
 * themselves (F1–F9), with their evidence, thresholds and policy versions.
 */
import { makeIdNumber } from '@gongji/shared';
import type { AppDeps } from '../app';
import { runInContext, type RequestContext } from '../core/context';
import type { InstitutionPrincipal, StaffPrincipal } from '../core/principal';
import { importBinding } from '../modules/binding/binding-import';
import { issueCredential } from '../modules/credential/credential.service';
import { addCaseNote, assignCase, confirmCase, dismissCase, flag, startInvestigation } from '../modules/fraud/fraud.service';
import { FraudCase } from '../modules/fraud/fraud-case.entity';
import { Institution } from '../modules/institution/institution.entity';
import { Member } from '../modules/member/member.entity';
import { OUTBOX_CONSUMERS } from '../modules/outbox/consumers';
import { OutboxWorker } from '../modules/outbox/outbox.worker';
import { recordDeath, registerMember } from '../modules/member/member.service';
import type { SettleInput } from '../modules/settlement/settlement.inputs';
import { settle } from '../modules/settlement/settlement.service';
import { StaffUser } from '../modules/staff/staff.entity';

const log = (msg: string) => console.log(`gongji: seed: ${msg}`);
const SYSTEM = { kind: 'system' as const, name: 'seed' };
const HOUR = 3600_000;

interface Person {
  name: string;
  sex: 'MALE' | 'FEMALE';
  birth: string;
  region: string;
  scheme?: 'EMPLOYEE' | 'RESIDENT';
  balanceFen?: number;
  retired?: boolean;
}

export interface DemoFraudSummary {
  cases: number;
  byRule: Record<string, number>;
}

export async function seedDemoFraud(deps: AppDeps): Promise<DemoFraudSummary> {
  const now = Date.now();
  let seq = 951;
  const sys = <T>(fn: (ctx: RequestContext) => Promise<T>, at?: Date) => runInContext(deps, SYSTEM, fn, at);

  const person = (p: Person) =>
    sys(async (ctx) => {
      for (;;) {
        const sexSeq = p.sex === 'MALE' ? (seq % 2 ? seq : seq + 1) : seq % 2 ? seq + 1 : seq;
        seq = sexSeq + 1;
        const idNumber = makeIdNumber(p.region, p.birth, sexSeq);
        if (await ctx.em.findOneBy(Member, { idNumber })) continue;
        return registerMember(ctx, {
          idNumber,
          name: p.name,
          scheme: p.scheme ?? 'EMPLOYEE',
          insuredRegion: p.region,
          retired: p.retired ?? false,
          openingBalanceFen: p.balanceFen ?? 0,
          offsiteAccountPermission: true,
          contributionBaseFen: p.scheme === 'RESIDENT' ? null : 800_000,
        });
      }
    });

  const institutions = await sys((ctx) => ctx.em.find(Institution, { order: { id: 'ASC' } }));
  const inst = (region: string, kind: 'HOSPITAL' | 'PHARMACY', n = 0) => {
    const list = institutions.filter((i) => i.regionCode === region && i.kind === kind);
    return list[n % list.length];
  };
  const asInst = (i: Institution): InstitutionPrincipal => ({ kind: 'institution', id: i.id, code: i.code, regionCode: i.regionCode });

  let serial = 0;
  /** One settlement at `at`, through the engine; a refusal is expected for some stories. */
  const pay = async (i: Institution, patient: Member, at: Date, o: Partial<SettleInput> = {}, settledAt = new Date(at.getTime() + 60_000)) => {
    const self = o.selfPayFen ?? 8_000;
    const input: SettleInput = {
      serialNo: `${i.code}-${at.toISOString().slice(0, 10).replace(/-/g, '')}-F${String(++serial).padStart(5, '0')}`,
      patientIdNumber: patient.idNumber,
      credentialType: 'T02',
      credentialNo: patient.idNumber,
      category: 'OUTPATIENT',
      totalFen: self,
      poolFen: 0,
      selfPayFen: self,
      placeRegion: i.regionCode,
      treatedAt: at,
      acctUsedFlag: true,
      ...o,
    } as SettleInput;
    try {
      return await runInContext(deps, asInst(i), (ctx) => settle(ctx, input), settledAt);
    } catch {
      return null; // refused (F1/F2 stories): the signal is written on its own
    }
  };

  const bind = (giver: Member, beneficiary: Member, relationship: 'CHILD' | 'PARENT' | 'SIBLING' | 'SPOUSE', at: Date) =>
    sys((ctx) => importBinding(ctx, giver, beneficiary, { relationship, at, note: '演示数据 (demo)' }), at);

  const asStaff = async <T>(username: string, fn: (ctx: RequestContext) => Promise<T>) => {
    const u = await sys((ctx) => ctx.em.findOneByOrFail(StaffUser, { username }));
    const p: StaffPrincipal = { kind: 'staff', id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, permissions: u.permissions, scope: u.scope };
    return runInContext(deps, p, fn);
  };
  const ago = (hours: number) => new Date(now - hours * HOUR);
  const sz = '440300';

  // F1 冒名就医: 刘建国 presents his brother's social-security card.
  const f1Patient = await person({ name: '刘建国', sex: 'MALE', birth: '1978-04-12', region: sz, balanceFen: 120_000 });
  const f1Owner = await person({ name: '刘建军', sex: 'MALE', birth: '1975-09-03', region: sz, balanceFen: 300_000 });
  const card = await sys((ctx) => issueCredential(ctx.em, f1Owner, '03'));
  await pay(inst(sz, 'HOSPITAL', 1), f1Patient, ago(30), { credentialType: 'T03', credentialNo: card.number, selfPayFen: 46_000 });

  // F2 人亡卡活: a member recorded as deceased last month is "treated" at a pharmacy.
  const f2 = await person({ name: '黄德胜', sex: 'MALE', birth: '1941-02-17', region: '440100', balanceFen: 260_000, retired: true });
  await asStaff('caseworker', (ctx) => recordDeath(ctx, { memberId: f2.id, date: new Date(now - 40 * 24 * HOUR).toISOString().slice(0, 10), reason: '死亡登记（民政数据比对）' }));
  await pay(inst('440100', 'PHARMACY'), f2, ago(20), { category: 'PHARMACY', selfPayFen: 38_800, drugCodes: ['XC10AA05'] });

  // F3 impossible travel: Shenzhen, then Beijing 80 minutes later.
  const f3 = await person({ name: '陈志强', sex: 'MALE', birth: '1983-07-21', region: sz, balanceFen: 90_000 });
  await pay(inst(sz, 'HOSPITAL'), f3, ago(50), { selfPayFen: 12_300 });
  await pay(inst('110000', 'HOSPITAL', 1), f3, new Date(now - 50 * HOUR + 80 * 60_000), { selfPayFen: 21_500 });

  // F4 demographic mismatch: a maternity claim on a male ID.
  const f4 = await person({ name: '王海涛', sex: 'MALE', birth: '1990-11-08', region: '440100', balanceFen: 60_000 });
  await pay(inst('440100', 'HOSPITAL', 1), f4, ago(70), { category: 'MATERNITY', selfPayFen: 35_000, poolFen: 120_000, totalFen: 155_000 });

  // F5 pharmacy spree: six purchases at three pharmacies in one day, and the same drug again and again.
  const f5 = await person({ name: '周丽华', sex: 'FEMALE', birth: '1969-03-30', region: '110000', balanceFen: 180_000 });
  const spree = ago(26);
  for (let k = 0; k < 6; k++)
    await pay(inst('110000', 'PHARMACY', k % 3), f5, new Date(spree.getTime() + k * 40 * 60_000), { category: 'PHARMACY', selfPayFen: 9_800, drugCodes: ['XA10BA02'] });
  await pay(inst('110000', 'PHARMACY', 3), f5, ago(50), { category: 'PHARMACY', selfPayFen: 9_800, drugCodes: ['XA10BA02', 'XN02BE01'] });

  // F6 drain after binding: a retiree's account emptied by a "nephew" bound three days ago; the second
  // bill is stamped with a treatment time before the binding was active (counted by when the money moved).
  const f6Giver = await person({ name: '赵桂兰', sex: 'FEMALE', birth: '1952-06-14', region: sz, balanceFen: 420_000, retired: true });
  const f6Kid = await person({ name: '赵磊', sex: 'MALE', birth: '1992-01-25', region: sz, scheme: 'RESIDENT' });
  await bind(f6Giver, f6Kid, 'CHILD', ago(72));
  await pay(inst(sz, 'HOSPITAL', 2), f6Kid, ago(60), { selfPayFen: 180_000, poolFen: 200_000, totalFen: 380_000, category: 'INPATIENT' });
  await pay(inst(sz, 'HOSPITAL', 0), f6Kid, ago(73), { selfPayFen: 175_000, poolFen: 100_000, totalFen: 275_000, category: 'INPATIENT' }, ago(10));

  // F8 fan-out: one giver paying for seven "relatives" — one son and six "siblings" — four of them at the same clinic.
  const f8Giver = await person({ name: '孙国庆', sex: 'MALE', birth: '1958-10-01', region: '440100', balanceFen: 900_000, retired: true });
  for (let k = 0; k < 7; k++) {
    const kid = await person({ name: ['孙小明', '孙小红', '孙晓东', '孙晓燕', '孙海波', '孙丽娜', '孙建华'][k], sex: k % 2 ? 'FEMALE' : 'MALE', birth: k === 0 ? '1985-01-15' : `19${50 + k * 2}-0${(k % 9) + 1}-15`, region: '440100', scheme: 'RESIDENT' });
    await bind(f8Giver, kid, k === 0 ? 'CHILD' : 'SIBLING', ago(24 * 20 + k));
    await pay(inst('440100', k < 4 ? 'HOSPITAL' : 'PHARMACY', 0), kid, ago(24 * (10 - k)), { selfPayFen: 15_000 + k * 1_000, category: k < 4 ? 'OUTPATIENT' : 'PHARMACY' });
  }

  // An ordinary household, for contrast (F8 raises nothing): a giver paying for his wife, both parents and
  // three children at the family's pharmacy.
  const home = await person({ name: '林振华', sex: 'MALE', birth: '1980-03-03', region: sz, balanceFen: 400_000 });
  const household: Array<[string, 'MALE' | 'FEMALE', string, 'SPOUSE' | 'PARENT' | 'CHILD']> = [
    ['许静', 'FEMALE', '1982-05-05', 'SPOUSE'],
    ['林国栋', 'MALE', '1952-01-01', 'PARENT'],
    ['陈秀英', 'FEMALE', '1954-02-02', 'PARENT'],
    ['林子涵', 'FEMALE', '2008-06-06', 'CHILD'],
    ['林子轩', 'MALE', '2011-07-07', 'CHILD'],
    ['林子墨', 'MALE', '2015-08-08', 'CHILD'],
  ];
  for (const [k, [name, sex, birth, rel]] of household.entries()) {
    const m = await person({ name, sex, birth, region: sz, scheme: 'RESIDENT' });
    await bind(home, m, rel, ago(24 * 200));
    await pay(inst(sz, 'PHARMACY', 1), m, ago(24 * 3 + k), { category: 'PHARMACY', selfPayFen: 6_000 + k * 500 });
  }

  // F9 tip-off: an analyst flags a settlement after a phone call from the patient's employer.
  const analyst = await sys((ctx) => ctx.em.findOneByOrFail(StaffUser, { username: 'analyst' }));
  const asAnalyst = <T>(fn: (ctx: RequestContext) => Promise<T>) => asStaff('analyst', fn);
  const f9 = await person({ name: '吴思远', sex: 'MALE', birth: '1987-12-02', region: '310000', balanceFen: 75_000 });
  const tipped = await pay(inst('310000', 'HOSPITAL'), f9, ago(40), { selfPayFen: 28_000 });
  if (tipped) await asAnalyst((ctx) => flag(ctx, { settlementId: tipped.id, reason: '举报：单位反映该员工当日在岗，疑似他人冒用医保凭证就医', score: 70 }));

  // F3–F8 are raised by the outbox's fraud consumer: let it see the planted settlements now.
  await new OutboxWorker(deps, OUTBOX_CONSUMERS, { gapWaitMs: 0 }).drain();

  // Work in progress, as an analyst would leave it.
  const cases = await sys((ctx) => ctx.em.find(FraudCase, { order: { id: 'ASC' } }));
  const caseOf = (rule: string) => cases.find((c) => c.ruleList.split(',').includes(rule));
  const f3Case = caseOf('F3');
  if (f3Case) {
    await asAnalyst((ctx) => assignCase(ctx, f3Case.id, analyst.id));
    await asAnalyst((ctx) => startInvestigation(ctx, f3Case.id));
    await asAnalyst((ctx) => addCaseNote(ctx, f3Case.id, '已调取两地就诊记录，北京就诊时间与深圳就诊时间相隔 80 分钟，时速超过 1,400 公里，待核实是否为他人持卡。'));
  }
  const f4Case = caseOf('F4');
  if (f4Case) await asAnalyst((ctx) => dismissCase(ctx, f4Case.id, '经核实为医院录入错误：患者为陪同家属，已由医院更正 (data-entry error at the hospital)'));
  const f2Case = caseOf('F2');
  if (f2Case) {
    await asAnalyst((ctx) => startInvestigation(ctx, f2Case.id));
    await asAnalyst((ctx) => confirmCase(ctx, { caseId: f2Case.id, reason: '民政死亡数据确认，药店已配合调查', fineMultiplier: 2, fineBaseFen: 38_800 }));
  }

  const after = await sys((ctx) => ctx.em.find(FraudCase));
  const byRule: Record<string, number> = {};
  for (const c of after) for (const r of c.ruleList.split(',').filter(Boolean)) byRule[r] = (byRule[r] ?? 0) + 1;
  log(`fraud cases ${after.length} (${Object.entries(byRule).sort().map(([r, n]) => `${r} ${n}`).join(', ')})`);
  return { cases: after.length, byRule };
}
