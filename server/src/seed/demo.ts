/**
 * Demo data, seeded on first start into an empty database (after the reference data): staff (one per
 * role), institutions, the member channel, ~3,700 members in families, bindings in every state with
 * their history, pending proofs with sample documents, and three months of settlements made through
 * the settlement engine itself. Deterministic (fixed PRNG seed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CORE_RELATIONSHIP_KINDS,
  makeIdNumber,
  provinceOf,
  type BindingState,
  type Category,
  type DocType,
  type RelationshipKind,
} from '@gongji/shared';
import type { AppDeps } from '../app';
import { runInContext, type RequestContext } from '../core/context';
import { hashSecret } from '../core/passwords';
import { LedgerEntry, PersonalAccount } from '../modules/account/account.entity';
import { tryReserve } from '../modules/account/account.service';
import { Binding, BindingTransition } from '../modules/binding/binding.entity';
import { MemberCredential } from '../modules/credential/credential.entity';
import { Institution } from '../modules/institution/institution.entity';
import { Member } from '../modules/member/member.entity';
import { PolicyVersion } from '../modules/policy/policy.entity';
import { RelationshipProof } from '../modules/proof/proof.entity';
import { copiedFromBinding } from '../modules/proof/proof.service';
import { reverseSettlement } from '../modules/settlement/reversal.service';
import { settle } from '../modules/settlement/settlement.service';
import { createChannelClient, createInstitution, createStaff, type StaffSeed } from './accounts';
import { planFamily, type PersonPlan } from './families';
import { seedDemoFraud } from './demo-fraud';
import { DEMO_INSTITUTIONS } from './institutions';
import { between, pick, prng, type Rng } from './names';
import { CROSS_PROVINCE_STAGES } from './reference';

export const DEMO_PASSWORD = 'gongji-demo-2026';
export const DEMO_INSTITUTION_SECRET = 'inst-demo-secret';
export const DEMO_CHANNEL = { clientId: 'member-app', secret: 'channel-demo-secret' };
export const DEMO_FAMILIES = 750;

export const DEMO_STAFF: StaffSeed[] = [
  { username: 'caseworker', displayName: '李审核（全国）', roles: ['CASEWORKER'], scope: null, permissions: ['REVEAL_PII'] },
  { username: 'caseworker_gd', displayName: '陈经办（广东）', roles: ['CASEWORKER'], scope: '44', permissions: ['REVEAL_PII'] },
  { username: 'caseworker_sz', displayName: '林经办（深圳）', roles: ['CASEWORKER'], scope: '440300', permissions: ['REVEAL_PII'] },
  { username: 'analyst', displayName: '王分析（全国）', roles: ['FRAUD_ANALYST'], scope: null, permissions: ['REVEAL_PII'] },
  { username: 'analyst_gd', displayName: '何分析（广东）', roles: ['FRAUD_ANALYST'], scope: '44', permissions: ['REVEAL_PII'] },
  { username: 'admin', displayName: '赵政策（全国）', roles: ['REGIONAL_ADMIN'], scope: null },
  { username: 'admin_gd', displayName: '黄政策（广东）', roles: ['REGIONAL_ADMIN'], scope: '44' },
  { username: 'auditor', displayName: '孙审计（全国）', roles: ['AUDITOR'], scope: null },
];

const SAMPLES = path.resolve(__dirname, '../../src/seed/samples');
const APPROVE_FIRST_CACHE = new Map<number, boolean>();
const log = (msg: string) => console.log(`gongji: seed: ${msg}`);
const chunks = <T>(xs: T[], n = 300): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** When could a binding of this kind between these regions first exist (policy history, E3/E7)? */
function earliestDate(rel: RelationshipKind, giverRegion: string, beneficiaryRegion: string): string {
  let d = CORE_RELATIONSHIP_KINDS.includes(rel) ? '2021-07-01' : '2024-12-01';
  if (giverRegion !== beneficiaryRegion) {
    const gp = provinceOf(giverRegion);
    const bp = provinceOf(beneficiaryRegion);
    if (gp === bp) d = d > '2024-11-01' ? d : '2024-11-01';
    else {
      const stage = (p: string) => CROSS_PROVINCE_STAGES.find((s) => s.provinces.includes(p))?.effectiveFrom ?? '9999-12-31';
      for (const s of [stage(gp), stage(bp)]) if (s > d) d = s;
    }
  }
  return d;
}

function randomTime(rnd: Rng, from: Date, to: Date): Date {
  return new Date(from.getTime() + Math.floor(rnd() * Math.max(0, to.getTime() - from.getTime())));
}

async function seedPeople(ctx: RequestContext, rnd: Rng, families: number): Promise<{ plans: ReturnType<typeof planFamily>[]; ids: Map<number, Member> }> {
  const plans = [];
  let key = 0;
  for (let f = 0; f < families; f++) {
    const fam = planFamily(rnd, key);
    key += fam.people.length;
    plans.push(fam);
  }
  const people = plans.flatMap((p) => p.people);
  const taken = new Set<string>();
  const rows = people.map((p: PersonPlan) => {
    let seq = between(rnd, 0, 498) * 2 + (p.sex === 'MALE' ? 1 : 0);
    let idNumber = makeIdNumber(p.idRegion, p.birthDate, seq);
    while (taken.has(idNumber)) {
      seq = (seq + 2) % 1000;
      idNumber = makeIdNumber(p.idRegion, p.birthDate, seq);
    }
    taken.add(idNumber);
    return {
      idNumber,
      name: p.name,
      phone: p.phone,
      sex: p.sex,
      birthDate: p.birthDate,
      scheme: p.scheme,
      status: p.status,
      suspendedUntil: p.status === 'SUSPENDED' ? '2027-03-31' : null,
      insuredRegion: p.insuredRegion,
      provinceCode: provinceOf(p.insuredRegion),
      retired: p.retired,
      offsiteAccountPermission: p.offsite,
      contributionBaseFen: p.contributionBaseFen,
      diedOn: p.status === 'DECEASED' ? `2026-${String(between(rnd, 1, 10)).padStart(2, '0')}-15` : null,
      exitedOn: null,
    };
  });
  const ids = new Map<number, Member>();
  let done = 0;
  for (const [i, part] of chunks(rows).entries()) {
    await ctx.em.insert(Member, part);
    done += part.length;
    if (i % 4 === 3 || done === rows.length) log(`members ${done}/${rows.length}`);
  }
  const members = await ctx.em.find(Member, { order: { id: 'ASC' } });
  const byIdNumber = new Map(members.map((m) => [m.idNumber, m]));
  people.forEach((p, i) => ids.set(p.key, byIdNumber.get(rows[i].idNumber)!));

  // personal accounts (EMPLOYEE) with an opening-balance ledger entry each (S11)
  const employees = people.filter((p) => p.scheme === 'EMPLOYEE');
  for (const part of chunks(employees)) await ctx.em.insert(PersonalAccount, part.map((p) => ({ memberId: ids.get(p.key)!.id, balanceFen: p.openingBalanceFen, reservedFen: 0 })));
  const accounts = await ctx.em.find(PersonalAccount);
  const opening = new Map(employees.map((p) => [ids.get(p.key)!.id, p.openingBalanceFen]));
  const entries = accounts
    .filter((a) => (opening.get(a.memberId) ?? 0) > 0)
    .map((a) => ({ accountId: a.id, direction: 'CREDIT' as const, amountFen: opening.get(a.memberId)!, balanceAfterFen: opening.get(a.memberId)!, cause: 'OPENING_BALANCE' as const, memo: '期初余额（演示数据）' }));
  for (const part of chunks(entries)) await ctx.em.insert(LedgerEntry, part);
  log(`accounts ${accounts.length}`);

  // credentials: an e-voucher (01) and a social-security card (03) for everyone
  const creds = members.flatMap((m) => [
    { memberId: m.id, type: '01' as const, number: `E${String(m.id).padStart(8, '0')}${String(between(rnd, 0, 999_999_999_999)).padStart(12, '0')}`, active: true },
    { memberId: m.id, type: '03' as const, number: `${m.insuredRegion}${String(m.id).padStart(8, '0')}${String(between(rnd, 0, 9999)).padStart(4, '0')}`, active: true },
  ]);
  for (const part of chunks(creds)) await ctx.em.insert(MemberCredential, part);
  return { plans, ids };
}

async function approveFirst(ctx: RequestContext, policyVersionId: number): Promise<boolean> {
  if (!APPROVE_FIRST_CACHE.has(policyVersionId)) {
    const p = await ctx.em.findOneByOrFail(PolicyVersion, { id: policyVersionId });
    APPROVE_FIRST_CACHE.set(policyVersionId, p.rules.activationMode === 'APPROVE_FIRST');
  }
  return APPROVE_FIRST_CACHE.get(policyVersionId)!;
}

interface PlannedBinding {
  b: Partial<Binding>;
  history: Array<{ from: BindingState | null; to: BindingState; at: Date; reason: string; actor: 'MEMBER' | 'STAFF' | 'SYSTEM'; rule?: string }>;
}

async function seedBindings(ctx: RequestContext, rnd: Rng, plans: ReturnType<typeof planFamily>[], ids: Map<number, Member>) {
  const policies = await ctx.em.find(PolicyVersion, { order: { effectiveFrom: 'ASC', version: 'ASC' } });
  const policyAt = (province: string, day: string) => policies.filter((p) => p.provinceCode === province && p.effectiveFrom <= day).at(-1)!;
  const now = new Date();
  const planned: PlannedBinding[] = [];
  for (const fam of plans) {
    for (const link of fam.links) {
      if (rnd() > 0.6) continue;
      const giver = ids.get(link.giver)!;
      const beneficiary = ids.get(link.beneficiary)!;
      if (beneficiary.scheme === 'NONE' || giver.scheme === 'NONE') continue;
      const kind = giver.scheme === 'EMPLOYEE' ? (rnd() < 0.92 ? 'MUTUAL_AID' : 'PROXY') : rnd() < 0.3 ? 'PROXY' : null;
      if (!kind) continue;
      const earliest = new Date(`${earliestDate(link.relationship, giver.insuredRegion, beneficiary.insuredRegion)}T02:00:00Z`);
      const deadAt = [giver, beneficiary].find((m) => m.status === 'DECEASED')?.diedOn;
      const latest = deadAt ? new Date(`${deadAt}T00:00:00Z`) : new Date(now.getTime() - 86_400_000);
      if (earliest >= latest) continue;
      const policy = policyAt(giver.provinceCode, earliest.toISOString().slice(0, 10));
      const approve = kind === 'MUTUAL_AID' && (await approveFirst(ctx, policy.id));
      const r = rnd();
      let state: BindingState = 'ACTIVE';
      if (deadAt) state = 'TERMINATED';
      else if (r < (approve ? 0.08 : 0.03)) state = 'PENDING';
      else if (r < 0.3) state = 'REVOKED';
      else if (r < 0.34) state = 'REJECTED';
      else if (r < 0.37) state = 'SUSPENDED';
      const created = state === 'PENDING' ? randomTime(rnd, new Date(Math.max(earliest.getTime(), now.getTime() - 40 * 86_400_000)), latest) : randomTime(rnd, earliest, latest);
      const createdDay = created.toISOString().slice(0, 10);
      const pol = policyAt(giver.provinceCode, createdDay);
      const activated = new Date(created.getTime() + between(rnd, 1, 72) * 3600_000);
      const history: PlannedBinding['history'] = [{ from: null, to: 'PENDING', at: created, reason: '共济人发起绑定申请 (requested by the giver)', actor: 'MEMBER' }];
      const wasActive = state !== 'PENDING' && state !== 'REJECTED';
      if (wasActive) history.push({ from: 'PENDING', to: 'ACTIVE', at: activated, reason: approve ? '审核通过：材料齐全 (approved)' : '告知承诺制：承诺书已签署 (commitment accepted)', actor: approve ? 'STAFF' : 'MEMBER' });
      const endAt = randomTime(rnd, activated, latest);
      if (state === 'REJECTED') history.push({ from: 'PENDING', to: 'REJECTED', at: activated, reason: '审核不通过：户口簿信息与申请关系不一致', actor: 'STAFF' });
      if (state === 'REVOKED') history.push({ from: 'ACTIVE', to: 'REVOKED', at: endAt, reason: '被共济人解除绑定：不再需要', actor: 'MEMBER' });
      if (state === 'SUSPENDED') history.push({ from: 'ACTIVE', to: 'SUSPENDED', at: endAt, reason: '暂停：涉嫌冒名就医，调查中', actor: 'STAFF' });
      if (state === 'TERMINATED') history.push({ from: 'ACTIVE', to: 'TERMINATED', at: latest, reason: '参保人死亡 (member deceased)：死亡登记', actor: 'STAFF', rule: 'L2' });
      const live = state === 'PENDING' || state === 'ACTIVE' || state === 'SUSPENDED';
      planned.push({
        b: {
          kind,
          giverId: giver.id,
          beneficiaryId: beneficiary.id,
          relationship: link.relationship,
          initiatedBy: 'GIVER',
          state,
          commitmentAcceptedAt: kind === 'MUTUAL_AID' ? created : null,
          confirmationRequired: pol.rules.confirmationRequired,
          confirmedAt: state === 'PENDING' && rnd() < 0.2 ? null : activated,
          activationMode: kind === 'PROXY' ? 'COMMIT_THEN_REVIEW' : pol.rules.activationMode,
          approved: approve && wasActive,
          singleLimitFen: kind === 'MUTUAL_AID' && rnd() < 0.15 ? between(rnd, 2, 10) * 10_000 : null,
          priority: 1,
          reservedFen: 0,
          giverRegion: giver.insuredRegion,
          beneficiaryRegion: beneficiary.insuredRegion,
          giverProvince: giver.provinceCode,
          beneficiaryProvince: beneficiary.provinceCode,
          policyVersionId: pol.id,
          liveKey: live ? `${kind}:${giver.id}:${beneficiary.id}` : null,
          activatedAt: wasActive ? activated : null,
          endedAt: live ? null : history.at(-1)!.at,
          createdAt: created,
          updatedAt: history.at(-1)!.at,
        },
        history,
      });
    }
  }
  // priorities: a beneficiary's live mutual-aid givers in order of binding
  planned.sort((x, y) => x.b.createdAt!.getTime() - y.b.createdAt!.getTime());
  const nextPriority = new Map<number, number>();
  for (const p of planned)
    if (p.b.kind === 'MUTUAL_AID' && p.b.liveKey) {
      const n = (nextPriority.get(p.b.beneficiaryId!) ?? 0) + 1;
      nextPriority.set(p.b.beneficiaryId!, n);
      p.b.priority = n;
    }
  for (const part of chunks(planned.map((p) => p.b), 200)) await ctx.em.insert(Binding, part);
  const saved = await ctx.em.find(Binding, { order: { id: 'ASC' } });
  const byKey = new Map(saved.map((b) => [`${b.kind}:${b.giverId}:${b.beneficiaryId}:${b.createdAt.getTime()}`, b]));
  const transitions = planned.flatMap((p) => {
    const b = byKey.get(`${p.b.kind}:${p.b.giverId}:${p.b.beneficiaryId}:${p.b.createdAt!.getTime()}`)!;
    return p.history.map((h) => ({
      bindingId: b.id,
      fromState: h.from,
      toState: h.to,
      actorKind: h.actor,
      actorId: h.actor === 'MEMBER' ? b.giverId : null,
      actorName: h.actor === 'MEMBER' ? `member:${b.giverId}` : h.actor === 'STAFF' ? 'caseworker' : 'system',
      reason: h.reason,
      rule: h.rule ?? null,
      at: h.at,
    }));
  });
  for (const part of chunks(transitions)) await ctx.em.insert(BindingTransition, part);
  log(`bindings ${saved.length} (${['PENDING', 'ACTIVE', 'REJECTED', 'REVOKED', 'SUSPENDED', 'TERMINATED'].map((s) => `${s} ${saved.filter((b) => b.state === s).length}`).join(', ')})`);

  // reservations (共济额度) on some active bindings, through the account service's conditional update
  let reserved = 0;
  for (const b of saved.filter((x) => x.state === 'ACTIVE' && x.kind === 'MUTUAL_AID' && rnd() < 0.08)) {
    const acc = await ctx.em.findOneBy(PersonalAccount, { memberId: b.giverId });
    const amount = between(rnd, 2, 6) * 10_000;
    if (acc && (await tryReserve(ctx, acc.id, amount))) {
      await ctx.em.update(Binding, { id: b.id }, { reservedFen: amount });
      reserved++;
    }
  }
  log(`reservations ${reserved}`);
  return saved;
}

const SAMPLE_FOR: Record<DocType, { file: string; mime: string }> = {
  HOUSEHOLD_REGISTER: { file: 'hukou.png', mime: 'image/png' },
  MARRIAGE_CERTIFICATE: { file: 'marriage.png', mime: 'image/png' },
  BIRTH_CERTIFICATE: { file: 'birth.png', mime: 'image/png' },
  ID_CARD: { file: 'idcard.png', mime: 'image/png' },
  OTHER: { file: 'household-extract.pdf', mime: 'application/pdf' },
};

async function seedProofs(ctx: RequestContext, rnd: Rng, bindings: Binding[]) {
  const docFor = (b: Binding): DocType => (b.relationship === 'SPOUSE' ? 'MARRIAGE_CERTIFICATE' : b.relationship === 'CHILD' && rnd() < 0.4 ? 'BIRTH_CERTIFICATE' : 'HOUSEHOLD_REGISTER');
  const files = new Map<string, Buffer>();
  const rows: Partial<RelationshipProof>[] = [];
  const add = async (b: Binding, docType: DocType, reviewState: 'PENDING' | 'APPROVED' | 'REJECTED', at: Date) => {
    const s = SAMPLE_FOR[docType];
    if (!files.has(s.file)) files.set(s.file, readFileSync(path.join(SAMPLES, s.file)));
    const stored = await ctx.storage.put(files.get(s.file)!, s.file, ctx.em);
    rows.push({
      bindingId: b.id,
      ...copiedFromBinding(b),
      docType,
      fileKey: stored.key,
      fileName: `${docType === 'OTHER' ? '户籍证明' : s.file.replace('.png', '')}-${b.id}.${s.file.split('.').pop()}`,
      mimeType: s.mime,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      reviewState,
      reviewerId: null,
      reviewerName: reviewState === 'PENDING' ? null : 'caseworker',
      reviewedAt: reviewState === 'PENDING' ? null : new Date(at.getTime() + 86_400_000),
      reviewReason: reviewState === 'REJECTED' ? '证件照片模糊，无法核验 (illegible)' : reviewState === 'APPROVED' ? '与户籍信息一致' : null,
      uploadedByMemberId: b.giverId,
      createdAt: at,
    });
  };
  for (const b of bindings) {
    if (b.kind !== 'MUTUAL_AID' || b.activationMode !== 'APPROVE_FIRST') continue;
    if (b.state === 'PENDING') {
      await add(b, docFor(b), 'PENDING', new Date(b.createdAt.getTime() + 3600_000));
      if (rnd() < 0.3) await add(b, 'ID_CARD', 'PENDING', new Date(b.createdAt.getTime() + 7200_000));
      if (rnd() < 0.1) await add(b, 'OTHER', 'PENDING', new Date(b.createdAt.getTime() + 9000_000));
    } else if (b.state === 'REJECTED') await add(b, docFor(b), 'REJECTED', b.createdAt);
    else if (rnd() < 0.25) await add(b, docFor(b), 'APPROVED', b.createdAt);
  }
  for (const part of chunks(rows, 200)) await ctx.em.insert(RelationshipProof, part);
  log(`proofs ${rows.length} (${rows.filter((r) => r.reviewState === 'PENDING').length} pending review)`);
}

const CATEGORY_WEIGHTS: Array<[Category, number, [number, number]]> = [
  ['PHARMACY', 45, [20, 600]],
  ['OUTPATIENT', 30, [30, 900]],
  ['SPECIAL_OUTPATIENT', 8, [100, 2_000]],
  ['INPATIENT', 8, [500, 20_000]],
  ['VACCINE', 5, [300, 1_500]],
  ['PHYSICAL_EXAM', 2, [200, 1_200]],
  ['RESIDENT_PREMIUM', 2, [400, 400]],
];

/** Three months of settlements through the real engine, so balances, ledgers and dashboards agree. */
export async function seedDemoActivity(deps: AppDeps, rnd: Rng, count = 1500): Promise<void> {
  const { members, institutions, beneficiaries } = await runInContext(deps, { kind: 'system', name: 'seed' }, async (ctx) => ({
    members: await ctx.em.find(Member, { where: { status: 'ACTIVE' } }),
    institutions: await ctx.em.find(Institution),
    beneficiaries: new Set((await ctx.em.find(Binding, { where: { state: 'ACTIVE', kind: 'MUTUAL_AID' } })).map((b) => b.beneficiaryId)),
  }));
  const patients = members.filter((m) => m.scheme !== 'NONE');
  const favoured = patients.filter((m) => beneficiaries.has(m.id));
  const total = CATEGORY_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const now = Date.now();
  const sinceMidnight = Math.floor(((now + 8 * 3600_000) % 86_400_000) / 60_000);
  let ok = 0;
  for (let i = 0; i < count; i++) {
    const patient = rnd() < 0.7 && favoured.length ? pick(rnd, favoured) : pick(rnd, patients);
    let x = rnd() * total;
    const [category, , [lo, hi]] = CATEGORY_WEIGHTS.find(([, w]) => (x -= w) < 0) ?? CATEGORY_WEIGHTS[0];
    const local = institutions.filter((inst) => inst.regionCode === patient.insuredRegion && (category === 'PHARMACY') === (inst.kind === 'PHARMACY'));
    const inst = local.length && rnd() < 0.9 ? pick(rnd, local) : pick(rnd, institutions);
    const selfPay = between(rnd, lo, hi) * 100 + between(rnd, 0, 99);
    const pool = category === 'INPATIENT' || category === 'SPECIAL_OUTPATIENT' ? selfPay * between(rnd, 2, 5) : category === 'OUTPATIENT' ? Math.floor(selfPay * rnd()) : 0;
    // The last 60 fall on today (Beijing time) so the dashboards' "today" has figures on a fresh demo.
    const today = i >= count - 60;
    const treatedAt = new Date(now - (today ? between(rnd, 2, Math.max(3, Math.min(600, sinceMidnight - 1))) : between(rnd, 60, 90 * 24 * 60)) * 60_000);
    const serialNo = `${inst.code}-${treatedAt.toISOString().slice(0, 10).replace(/-/g, '')}-${String(i).padStart(6, '0')}`;
    const principal = { kind: 'institution' as const, id: inst.id, code: inst.code, regionCode: inst.regionCode };
    try {
      await runInContext(
        deps,
        principal,
        (ctx) =>
          settle(ctx, {
            serialNo,
            patientIdNumber: patient.idNumber,
            credentialType: 'T02',
            credentialNo: patient.idNumber,
            category,
            totalFen: selfPay + pool,
            poolFen: pool,
            selfPayFen: selfPay,
            placeRegion: inst.regionCode,
            treatedAt,
            acctUsedFlag: rnd() < 0.8,
          }),
        new Date(treatedAt.getTime() + 60_000),
      );
      ok++;
      if (rnd() < 0.03)
        await runInContext(deps, principal, (ctx) => reverseSettlement(ctx, { serialNo: `R-${serialNo}`, originalSerialNo: serialNo, amountFen: rnd() < 0.5 ? undefined : Math.max(1, Math.floor(selfPay / 2)) }), new Date(treatedAt.getTime() + 3600_000));
    } catch {
      // refused by a rule (e.g. a category the region does not pay): real traffic has those too
    }
    if ((i + 1) % 300 === 0) log(`settlements ${i + 1}/${count}`);
  }
  log(`settlements ${ok} made through the settlement engine`);
}

/** Staff, institutions, the member channel, members, families, bindings, proofs and activity. */
export async function seedDemo(deps: AppDeps, opts: { families?: number; settlements?: number } = {}): Promise<void> {
  const rnd = prng(20261125);
  const staffHash = await hashSecret(DEMO_PASSWORD);
  const instHash = await hashSecret(DEMO_INSTITUTION_SECRET);
  await runInContext(deps, { kind: 'system', name: 'seed' }, async (ctx) => {
    for (const s of DEMO_STAFF) await createStaff(ctx.em, s, DEMO_PASSWORD, staffHash);
    for (const i of DEMO_INSTITUTIONS) await createInstitution(ctx.em, i, instHash);
    await createChannelClient(ctx.em, DEMO_CHANNEL.clientId, '国家医保服务平台 App', DEMO_CHANNEL.secret);
    const { plans, ids } = await seedPeople(ctx, rnd, opts.families ?? DEMO_FAMILIES);
    const bindings = await seedBindings(ctx, rnd, plans, ids);
    await seedProofs(ctx, rnd, bindings);
  });
  await seedDemoActivity(deps, rnd, opts.settlements ?? 1500);
  await seedDemoFraud(deps);
}

/** What `pnpm start` prints after seeding. */
export async function demoCredentials(deps: AppDeps): Promise<string> {
  const sample = await runInContext(deps, { kind: 'system', name: 'seed' }, async (ctx) => {
    const active = await ctx.em.find(Binding, { where: { state: 'ACTIVE', kind: 'MUTUAL_AID' }, order: { id: 'ASC' }, take: 50 });
    const ids = [...new Set(active.map((b) => b.giverId))].slice(0, 3);
    return ctx.em.findBy(Member, ids.map((id) => ({ id })));
  });
  const lines = [
    '',
    '┌─ 演示账号 demo accounts ─────────────────────────────────────────────',
    `│ staff password for every account: ${DEMO_PASSWORD}`,
    ...DEMO_STAFF.map((s) => `│   ${s.username.padEnd(15)} ${s.roles.join(',').padEnd(15)} scope ${s.scope ?? 'national'}  ${s.displayName}`),
    `│ institutions: institutionLogin(code, secret "${DEMO_INSTITUTION_SECRET}"), e.g. ${DEMO_INSTITUTIONS.slice(0, 3).map((i) => i.code).join(', ')}`,
    `│ member channel: memberChannelLogin(clientId "${DEMO_CHANNEL.clientId}", clientSecret "${DEMO_CHANNEL.secret}", idNumber, name), e.g.`,
    ...sample.map((m) => `│   ${m.idNumber}  ${m.name}`),
    '└──────────────────────────────────────────────────────────────────────',
  ];
  return lines.join('\n');
}
