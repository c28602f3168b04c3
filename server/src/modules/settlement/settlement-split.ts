/**
 * S3: split a self-pay amount — own account, then ACTIVE MUTUAL_AID givers by priority, then cash.
 * Runs inside the settlement's transaction after the settlement row exists. Every debit is an atomic
 * conditional UPDATE (account.service); accounts and reserved bindings are locked first in id order so
 * concurrent settlements never deadlock on them.
 */
import { beijingDate, today, type RequestContext } from '../../core/context';
import { execute } from '../../db/database';
import type { EntityManager } from 'typeorm';
import type { Category } from '@gongji/shared';
import { lockAccounts, tryDebitAvailable, tryDebitForBinding } from '../account/account.service';
import type { Member } from '../member/member.entity';
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

interface GiverRow {
  id: number;
  status: string;
  scheme: string;
  provinceCode: string;
  insuredRegion: string;
}

/**
 * Lock reserved bindings in id order (after the accounts, as before) and read their reservation and
 * single-payment limit in the same statement. On SQLite, a plain read in the one transaction.
 */
async function lockBindings(em: EntityManager, ids: number[]): Promise<Map<number, { reservedFen: number; singleLimitFen: number | null }>> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const out = new Map<number, { reservedFen: number; singleLimitFen: number | null }>();
  if (!sorted.length) return out;
  const forUpdate = em.connection.options.type === 'better-sqlite3' ? '' : ' FOR UPDATE';
  const rows: Array<{ id: number | string; reserved_fen: number | string; single_limit_fen: number | string | null }> = await em.query(
    `SELECT id, reserved_fen, single_limit_fen FROM binding WHERE id IN (${sorted.map(() => '?').join(',')}) ORDER BY id${forUpdate}`,
    sorted,
  );
  for (const r of rows)
    out.set(Number(r.id), { reservedFen: Number(r.reserved_fen), singleLimitFen: r.single_limit_fen === null ? null : Number(r.single_limit_fen) });
  return out;
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

  // The patient's givers and every account involved: narrow reads of the columns the split uses.
  const bindings = (
    await em.query(
      "SELECT id, giver_id, reserved_fen, single_limit_fen FROM binding WHERE beneficiary_id = ? AND state = 'ACTIVE' AND kind = 'MUTUAL_AID' ORDER BY priority ASC, id ASC",
      [patient.id],
    )
  ).map((r: { id: number | string; giver_id: number | string; reserved_fen: number | string; single_limit_fen: number | string | null }) => ({
    id: Number(r.id),
    giverId: Number(r.giver_id),
    reservedFen: Number(r.reserved_fen),
    singleLimitFen: r.single_limit_fen === null ? null : Number(r.single_limit_fen),
  })) as Array<{ id: number; giverId: number; reservedFen: number; singleLimitFen: number | null }>;
  const giverIds = [...new Set(bindings.map((b) => b.giverId))];
  const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');
  const givers: GiverRow[] = giverIds.length
    ? (await em.query(`SELECT id, status, scheme, province_code, insured_region FROM member WHERE id IN (${inList(giverIds.length)})`, giverIds)).map(
        (r: { id: number | string; status: string; scheme: string; province_code: string; insured_region: string }) => ({
          id: Number(r.id),
          status: r.status,
          scheme: r.scheme,
          provinceCode: r.province_code,
          insuredRegion: r.insured_region,
        }),
      )
    : [];
  const giverById = new Map(givers.map((g) => [g.id, g]));
  const accountOwners = [...(patient.scheme === 'EMPLOYEE' ? [patient.id] : []), ...giverIds];
  const accounts: Array<{ id: number; memberId: number; balanceFen: number }> = accountOwners.length
    ? (await em.query(`SELECT id, member_id, balance_fen FROM personal_account WHERE member_id IN (${inList(accountOwners.length)})`, accountOwners)).map(
        (r: { id: number | string; member_id: number | string; balance_fen: number | string }) => ({
          id: Number(r.id),
          memberId: Number(r.member_id),
          balanceFen: Number(r.balance_fen),
        }),
      )
    : [];
  const ownAccount = patient.scheme === 'EMPLOYEE' ? (accounts.find((a) => a.memberId === patient.id) ?? null) : null;
  const giverAccounts = accounts.filter((a) => a.memberId !== patient.id);
  const accountByMember = new Map(giverAccounts.map((a) => [a.memberId, a]));

  // Lock every account and reserved binding we may touch, in id order, reading the accounts' balances
  // in the same statement: under the lock they cannot change except by our own debits, which keep
  // `locked` in step (account.service). On SQLite, plain reads in the one transaction.
  const locked = await lockAccounts(em, [...(ownAccount && args.acctUsedFlag ? [ownAccount.id] : []), ...giverAccounts.map((a) => a.id)]);
  const lockedAccount = (id: number) => {
    const acc = locked.get(id);
    if (!acc) throw new Error(`account ${id} vanished under its lock`);
    return acc;
  };
  // Reserved bindings are locked and re-read; an unreserved binding keeps the values read above: a
  // reservation can only appear together with a rise of the giver account's reserved total, which
  // needs the account lock we now hold — so a stale 0 can only make us draw less (never another
  // binding's reserve), exactly as if that reservation had committed after this settlement.
  const freshBindings = await lockBindings(em, bindings.filter((b) => b.reservedFen > 0).map((b) => b.id));
  const policies = new Map<string, PolicyVersion>([[patient.provinceCode, patientPolicy]]);
  const policyOf = async (province: string) => {
    let p = policies.get(province);
    if (!p) policies.set(province, (p = await policyInForce(em, province, treatedOn)));
    return p;
  };

  // 1. the patient's own account
  if (ownAccount && args.acctUsedFlag && patient.status === 'ACTIVE' && !categoryAllowed(patientPolicy, category, ownAccount.balanceFen)) {
    const acc = lockedAccount(ownAccount.id);
    const amount = Math.min(remaining, acc.balanceFen - acc.reservedFen);
    if (amount > 0) {
      const entry = await tryDebitAvailable(ctx, acc.id, amount, { cause: 'SETTLEMENT', settlementId: args.settlementId, memo: '本人账户支付' }, acc);
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
    const giverPolicy = await policyOf(giver.provinceCode);
    result.policyVersions.push({ role: 'GIVER', memberId: giver.id, provinceCode: giver.provinceCode, policyVersionId: giverPolicy.id });
    const acc = lockedAccount(account.id);
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
    const binding = freshBindings.get(b.id) ?? { reservedFen: b.reservedFen, singleLimitFen: b.singleLimitFen };
    const available = acc.balanceFen - (acc.reservedFen - binding.reservedFen);
    const amount = Math.min(remaining, available, binding.singleLimitFen ?? Number.MAX_SAFE_INTEGER);
    if (amount <= 0) {
      result.skipped.push({ bindingId: b.id, reason: 'nothing available' });
      continue;
    }
    const fromReserve = Math.min(amount, binding.reservedFen);
    const entry = await tryDebitForBinding(
      ctx,
      acc.id,
      amount,
      fromReserve,
      { cause: 'SETTLEMENT', settlementId: args.settlementId, bindingId: b.id, memo: '家庭共济支付' },
      acc,
    );
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
