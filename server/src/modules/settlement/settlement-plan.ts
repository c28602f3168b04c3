/**
 * S3, S5, S7, E7 as a pure function: who pays how much of a settlement's self-pay part, decided from
 * facts read under the accounts' row locks and the policy versions in force on the treatment date.
 * No database here: the writer (settlement-write.ts) applies the plan, and the unit tests
 * (settlement-plan.test.ts) check every branch without one.
 *
 *   own account (if used, the patient ACTIVE, and the patient's policy allows the category)
 *   → the patient's 医保钱包 (W4: if used, the patient ACTIVE, the patient's policy has wallets enabled
 *     and allows the category; the wallet holds no reservations, so all of its balance is available)
 *   → MUTUAL_AID givers by priority, each capped by what is available to that binding
 *     (balance − reservations for OTHER bindings) and its single-payment limit, if the giver's
 *     policy allows the category (S5) and E7 allows money to flow between the two regions
 *   → cash for the rest.
 * Off-site treatment (S7) uses no account unless the patient switched on 个账支付权限.
 */
import type { Category } from '@gongji/shared';
import { sharingVerdict } from '../policy/policy-geography';
import type { PolicyVersion } from '../policy/policy.entity';
import type { PolicyVersionUsed } from './settlement.entity';

export interface AccountFacts {
  id: number;
  /** As read under the row lock. */
  balanceFen: number;
  reservedFen: number;
}

export interface GiverFacts {
  bindingId: number;
  giverId: number;
  /** This binding's own reservation (共济额度) and single-payment limit. */
  reservedFen: number;
  singleLimitFen: number | null;
  giverStatus: string;
  giverScheme: string;
  giverProvince: string;
  giverRegion: string;
  account: AccountFacts | null;
}

export interface SplitFacts {
  patient: {
    id: number;
    status: string;
    scheme: string;
    provinceCode: string;
    insuredRegion: string;
    offsiteAccountPermission: boolean;
  };
  category: Category;
  selfPayFen: number;
  placeRegion: string;
  acctUsedFlag: boolean;
  /** The patient's own account (EMPLOYEE members), or null. */
  ownAccount: AccountFacts | null;
  /** W4: the patient's 医保钱包 (as read under its row lock), or null when the patient has none. */
  wallet?: WalletFacts | null;
  /** ACTIVE MUTUAL_AID bindings of the patient, in priority order. */
  givers: GiverFacts[];
}

export interface WalletFacts {
  id: number;
  balanceFen: number;
}

export interface PlannedWalletPayment {
  walletId: number;
  amountFen: number;
  balanceAfterFen: number;
}

export interface PlannedPayment {
  payerMemberId: number;
  accountId: number;
  bindingId: number | null;
  amountFen: number;
  fromReserveFen: number;
  /** The account's balance after this payment (for the ledger entry). */
  balanceAfterFen: number;
}

export interface SplitPlan {
  payments: PlannedPayment[];
  /** W4: the wallet's payment, made after the own account's and before the givers'. */
  walletPayment: PlannedWalletPayment | null;
  /** acct_pay: own account + wallet (the patient's own personal-account funds). */
  acctPayFen: number;
  /** W4: of acctPayFen, the wallet's part. */
  walletPayFen: number;
  mulaidPayFen: number;
  cashFen: number;
  /** S12: every policy version that took part in a decision. */
  policyVersions: PolicyVersionUsed[];
  /** Why the own account or a giver paid nothing (for explanations and tests; not stored). */
  skipped: Array<{ bindingId: number | null; reason: string }>;
}

/** S5: may this policy pay this category from an account with this balance? null = yes, else why not. */
export function categoryRefusal(policy: PolicyVersion, category: Category, balanceFen: number): string | null {
  if (!policy.rules.allowedCategories.includes(category)) return `category ${category} not allowed by policy ${policy.provinceCode} v${policy.version}`;
  const min = policy.rules.commercialInsuranceMinBalanceFen;
  if (category === 'COMMERCIAL_HEALTH_INSURANCE' && min !== null && balanceFen < min) return `balance below ${min} fen for commercial insurance`;
  return null;
}

/**
 * Plan the split. `policyOf(province)` returns the version in force on the treatment date (the
 * caller loads every province it may ask for: the patient's and each giver's).
 */
export function planSplit(facts: SplitFacts, policyOf: (provinceCode: string) => PolicyVersion): SplitPlan {
  const { patient, category } = facts;
  const plan: SplitPlan = { payments: [], walletPayment: null, acctPayFen: 0, walletPayFen: 0, mulaidPayFen: 0, cashFen: 0, policyVersions: [], skipped: [] };
  const record = (role: PolicyVersionUsed['role'], memberId: number, p: PolicyVersion) => {
    if (!plan.policyVersions.some((v) => v.role === role && v.memberId === memberId && v.policyVersionId === p.id))
      plan.policyVersions.push({ role, memberId, provinceCode: p.provinceCode, policyVersionId: p.id });
  };
  const patientPolicy = policyOf(patient.provinceCode);
  record('PATIENT', patient.id, patientPolicy);
  let remaining = facts.selfPayFen;

  // S7: off-site treatment uses no account unless the patient switched on 个账支付权限.
  const offsite = facts.placeRegion !== patient.insuredRegion;
  if (remaining === 0 || (offsite && !patient.offsiteAccountPermission)) {
    if (remaining > 0) plan.skipped.push({ bindingId: null, reason: 'S7: off-site treatment without 个账支付权限' });
    plan.cashFen = remaining;
    return plan;
  }

  // 1. the patient's own account
  const own = facts.ownAccount;
  if (own && facts.acctUsedFlag && patient.status === 'ACTIVE') {
    const why = categoryRefusal(patientPolicy, category, own.balanceFen);
    const amount = Math.min(remaining, own.balanceFen - own.reservedFen);
    if (why) plan.skipped.push({ bindingId: null, reason: why });
    else if (amount > 0) {
      plan.payments.push({ payerMemberId: patient.id, accountId: own.id, bindingId: null, amountFen: amount, fromReserveFen: 0, balanceAfterFen: own.balanceFen - amount });
      plan.acctPayFen = amount;
      remaining -= amount;
    }
  } else if (own && !facts.acctUsedFlag) plan.skipped.push({ bindingId: null, reason: 'own account not used (acctUsedFlag off)' });

  // 1b. W4: the patient's 医保钱包 — the patient's own money (any scheme: a RESIDENT relative may hold one),
  // used on the same terms as the own account (acctUsedFlag, ACTIVE) and under the patient's policy.
  const wallet = facts.wallet;
  if (wallet && remaining > 0) {
    const why = !facts.acctUsedFlag
      ? 'W4: wallet not used (acctUsedFlag off)'
      : patient.status !== 'ACTIVE'
        ? 'W4: patient not ACTIVE'
        : !patientPolicy.rules.wallet.enabled
          ? `W4: wallets disabled by policy ${patientPolicy.provinceCode} v${patientPolicy.version}`
          : categoryRefusal(patientPolicy, category, wallet.balanceFen);
    const amount = Math.min(remaining, wallet.balanceFen);
    if (why) plan.skipped.push({ bindingId: null, reason: why });
    else if (amount > 0) {
      plan.walletPayment = { walletId: wallet.id, amountFen: amount, balanceAfterFen: wallet.balanceFen - amount };
      plan.walletPayFen = amount;
      plan.acctPayFen += amount;
      remaining -= amount;
    } else plan.skipped.push({ bindingId: null, reason: 'W4: wallet empty' });
  }

  // 2. mutual-aid givers in the patient's priority order
  const spent = new Map<number, { balanceFen: number; reservedFen: number }>();
  for (const g of facts.givers) {
    if (remaining === 0) break;
    if (!g.account || g.giverStatus !== 'ACTIVE' || g.giverScheme !== 'EMPLOYEE') {
      plan.skipped.push({ bindingId: g.bindingId, reason: 'giver not an ACTIVE EMPLOYEE member with an account' });
      continue;
    }
    const giverPolicy = policyOf(g.giverProvince);
    record('GIVER', g.giverId, giverPolicy);
    // The account as it stands after earlier payments in this plan (one giver may back two bindings).
    const acc = spent.get(g.account.id) ?? { balanceFen: g.account.balanceFen, reservedFen: g.account.reservedFen };
    const why = categoryRefusal(giverPolicy, category, acc.balanceFen);
    if (why) {
      plan.skipped.push({ bindingId: g.bindingId, reason: why });
      continue;
    }
    const geo = sharingVerdict(g.giverRegion, patient.insuredRegion, policyOf);
    for (const p of geo.policies) record(p.provinceCode === g.giverProvince ? 'GIVER' : 'PATIENT', p.provinceCode === g.giverProvince ? g.giverId : patient.id, p);
    if (!geo.allowed) {
      plan.skipped.push({ bindingId: g.bindingId, reason: geo.reason });
      continue;
    }
    const available = acc.balanceFen - (acc.reservedFen - g.reservedFen);
    const amount = Math.min(remaining, available, g.singleLimitFen ?? Number.MAX_SAFE_INTEGER);
    if (amount <= 0) {
      plan.skipped.push({ bindingId: g.bindingId, reason: 'nothing available' });
      continue;
    }
    const fromReserve = Math.min(amount, g.reservedFen);
    acc.balanceFen -= amount;
    acc.reservedFen -= fromReserve;
    spent.set(g.account.id, acc);
    plan.payments.push({ payerMemberId: g.giverId, accountId: g.account.id, bindingId: g.bindingId, amountFen: amount, fromReserveFen: fromReserve, balanceAfterFen: acc.balanceFen });
    plan.mulaidPayFen += amount;
    remaining -= amount;
  }

  // 3. cash for the rest
  plan.cashFen = remaining;
  return plan;
}
