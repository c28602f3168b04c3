/**
 * S3: split a self-pay amount — own account, then ACTIVE MUTUAL_AID givers by priority, then cash.
 * Runs inside the settlement's transaction after the settlement row exists. Every debit is an atomic
 * conditional UPDATE (account.service); accounts and reserved bindings are locked first in id order so
 * concurrent settlements never deadlock on them.
 */
import { beijingDate, today, type RequestContext } from '../../core/context';
import { execute, lockRows } from '../../db/database';
import type { Category } from '@gongji/shared';
import { PersonalAccount } from '../account/account.entity';
import { tryDebitAvailable, tryDebitForBinding } from '../account/account.service';
import { Binding } from '../binding/binding.entity';
import { Member } from '../member/member.entity';
import { sharingAllowed } from '../policy/policy-geography';
import { policyInForce } from '../policy/policy-lookup';
import type { PolicyVersion } from '../policy/policy.entity';
import type { PolicyVersionUsed } from './settlement.entity';

export interface PlannedPayment {
  payerMemberId: number;
  accountId: number;
  bindingId: number | null;
  amountFen: number;
  fromReserveFen: number;
  ledgerEntryId: number;
}

export interface SplitResult {
  payments: PlannedPayment[];
  acctPayFen: number;
  mulaidPayFen: number;
  cashFen: number;
  policyVersions: PolicyVersionUsed[];
  /** Why each skipped giver paid nothing (for the explanation, not stored). */
  skipped: Array<{ bindingId: number; reason: string }>;
}

/** S5: may this payer's policy pay this category from accounts (and with what balance)? */
function categoryAllowed(policy: PolicyVersion, category: Category, balanceFen: number): string | null {
  if (!policy.rules.allowedCategories.includes(category)) return `category ${category} not allowed by policy ${policy.provinceCode} v${policy.version}`;
  const min = policy.rules.commercialInsuranceMinBalanceFen;
  if (category === 'COMMERCIAL_HEALTH_INSURANCE' && min !== null && balanceFen < min) return `balance below ${min} fen for commercial insurance`;
  return null;
}

export async function splitSelfPay(
  ctx: RequestContext,
  args: { settlementId: number; patient: Member; category: Category; selfPayFen: number; treatedAt: Date; placeRegion: string; acctUsedFlag: boolean },
): Promise<SplitResult> {
  const { patient, category } = args;
  const em = ctx.em;
  const treatedOn = beijingDate(args.treatedAt);
  const result: SplitResult = { payments: [], acctPayFen: 0, mulaidPayFen: 0, cashFen: 0, policyVersions: [], skipped: [] };
  const patientPolicy = await policyInForce(em, patient.provinceCode, treatedOn);
  result.policyVersions.push({ role: 'PATIENT', memberId: patient.id, provinceCode: patient.provinceCode, policyVersionId: patientPolicy.id });
  let remaining = args.selfPayFen;

  // S7: off-site treatment uses no account unless the patient switched on 个账支付权限.
  const offsite = args.placeRegion !== patient.insuredRegion;
  if (remaining === 0 || (offsite && !patient.offsiteAccountPermission)) {
    result.cashFen = remaining;
    return result;
  }

  const ownAccount = patient.scheme === 'EMPLOYEE' ? await em.findOneBy(PersonalAccount, { memberId: patient.id }) : null;
  const bindings = await em
    .createQueryBuilder(Binding, 'b')
    .where("b.beneficiary_id = :id AND b.state = 'ACTIVE' AND b.kind = 'MUTUAL_AID'", { id: patient.id })
    .orderBy('b.priority', 'ASC')
    .addOrderBy('b.id', 'ASC')
    .getMany();
  const givers = bindings.length ? await em.findBy(Member, bindings.map((b) => ({ id: b.giverId }))) : [];
  const giverById = new Map(givers.map((g) => [g.id, g]));
  const giverAccounts = bindings.length ? await em.findBy(PersonalAccount, bindings.map((b) => ({ memberId: b.giverId }))) : [];
  const accountByMember = new Map(giverAccounts.map((a) => [a.memberId, a]));

  // Lock every account and reserved binding we may touch, in id order (no-op on SQLite).
  await lockRows(em, PersonalAccount, [...(ownAccount && args.acctUsedFlag ? [ownAccount.id] : []), ...giverAccounts.map((a) => a.id)]);
  await lockRows(em, Binding, bindings.filter((b) => b.reservedFen > 0).map((b) => b.id));
  const fresh = async (id: number) => (await em.findOneByOrFail(PersonalAccount, { id }));

  // 1. the patient's own account
  if (ownAccount && args.acctUsedFlag && patient.status === 'ACTIVE' && !categoryAllowed(patientPolicy, category, ownAccount.balanceFen)) {
    const acc = await fresh(ownAccount.id);
    const amount = Math.min(remaining, acc.balanceFen - acc.reservedFen);
    if (amount > 0) {
      const entry = await tryDebitAvailable(ctx, acc.id, amount, { cause: 'SETTLEMENT', settlementId: args.settlementId, memo: '本人账户支付' });
      if (!entry) throw new Error(`own-account debit of ${amount} on locked account ${acc.id} failed`);
      result.payments.push({ payerMemberId: patient.id, accountId: acc.id, bindingId: null, amountFen: amount, fromReserveFen: 0, ledgerEntryId: entry.id });
      result.acctPayFen = amount;
      remaining -= amount;
    }
  }

  // 2. mutual-aid givers in the patient's priority order
  const now = today(ctx);
  for (const b of bindings) {
    if (remaining === 0) break;
    const giver = giverById.get(b.giverId);
    const account = accountByMember.get(b.giverId);
    if (!giver || !account || giver.status !== 'ACTIVE' || giver.scheme !== 'EMPLOYEE') {
      result.skipped.push({ bindingId: b.id, reason: 'giver not an ACTIVE EMPLOYEE member with an account' });
      continue;
    }
    const giverPolicy = await policyInForce(em, giver.provinceCode, treatedOn);
    result.policyVersions.push({ role: 'GIVER', memberId: giver.id, provinceCode: giver.provinceCode, policyVersionId: giverPolicy.id });
    const acc = await fresh(account.id);
    const why = categoryAllowed(giverPolicy, category, acc.balanceFen);
    if (why) {
      result.skipped.push({ bindingId: b.id, reason: why });
      continue;
    }
    const geo = await sharingAllowed(em, giver.insuredRegion, patient.insuredRegion, now);
    if (!geo.allowed) {
      result.skipped.push({ bindingId: b.id, reason: geo.reason });
      continue;
    }
    const binding = await em.findOneByOrFail(Binding, { id: b.id });
    const available = acc.balanceFen - (acc.reservedFen - binding.reservedFen);
    const amount = Math.min(remaining, available, binding.singleLimitFen ?? Number.MAX_SAFE_INTEGER);
    if (amount <= 0) {
      result.skipped.push({ bindingId: b.id, reason: 'nothing available' });
      continue;
    }
    const fromReserve = Math.min(amount, binding.reservedFen);
    const entry = await tryDebitForBinding(ctx, acc.id, amount, fromReserve, {
      cause: 'SETTLEMENT',
      settlementId: args.settlementId,
      bindingId: b.id,
      memo: '家庭共济支付',
    });
    if (!entry) throw new Error(`mutual-aid debit of ${amount} on locked account ${acc.id} failed`);
    if (fromReserve > 0) {
      const n = await execute(em, 'UPDATE binding SET reserved_fen = reserved_fen - ? WHERE id = ? AND reserved_fen >= ?', [fromReserve, b.id, fromReserve]);
      if (n !== 1) throw new Error(`binding ${b.id} reservation changed under its lock`);
    }
    result.payments.push({ payerMemberId: giver.id, accountId: acc.id, bindingId: b.id, amountFen: amount, fromReserveFen: fromReserve, ledgerEntryId: entry.id });
    result.mulaidPayFen += amount;
    remaining -= amount;
  }

  // 3. cash for the rest
  result.cashFen = remaining;
  return result;
}
