/**
 * C1–C5: closing and transferring personal accounts. Every movement of money is a ledger entry made
 * by account.service (conditional updates); what has left an account and not yet reached its
 * destination is `pendingFen` on the closure, changed only by conditional updates too. So at any
 * moment Σ balances + Σ pending + Σ paid out is exactly what came in (see closure.test.ts).
 */
import { maskName, provinceOf } from '@gongji/shared';
import type { RequestContext } from '../../core/context';
import { requireStaff, today } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { paginate, type ListArgs } from '../../core/pagination';
import { applyScope, assertInScope } from '../../core/scope';
import { execute } from '../../db/database';
import { PersonalAccount } from '../account/account.entity';
import { credit, debitAvailable, lockAccounts, tryDebitAvailable, type LedgerRef } from '../account/account.service';
import { appendAudit } from '../audit/audit.service';
import { settleChargesFirst } from '../charge/charge.service';
import type { Member } from '../member/member.entity';
import { Member as MemberEntity } from '../member/member.entity';
import { policyInForce } from '../policy/policy-lookup';
import { AccountClosure, ClosurePayment } from './closure.entity';
import {
  accountClosed,
  closureNotPending,
  documentsRequired,
  sharesDoNotAddUp,
  transferNotAwaiting,
  withdrawalNotAllowed,
} from './closure.errors';
import type { ClosureFilter, HeirPaymentInput, WithdrawalInput } from './closure.inputs';
import { ClosurePaymentView } from './closure.types';

export type ClosureCause = 'DEATH' | 'EXIT';

/** Mask a bank account to its last 4 digits. */
export const maskBankAccount = (a: string) => `****${a.slice(-4)}`;

/** C5: is this account closed (its owner died or left basic insurance)? */
export async function closureOfAccount(ctx: RequestContext, accountId: number): Promise<AccountClosure | null> {
  return ctx.em
    .createQueryBuilder(AccountClosure, 'c')
    .where("c.account_id = :accountId AND c.cause IN ('DEATH', 'EXIT')", { accountId })
    .orderBy('c.id', 'DESC')
    .getOne();
}

/** Move the whole available balance out of the account, under its row lock; returns the amount moved. */
async function drain(ctx: RequestContext, accountId: number, ref: LedgerRef): Promise<number> {
  const locked = (await lockAccounts(ctx.em, [accountId])).get(accountId);
  if (!locked) return 0;
  const amount = locked.balanceFen - locked.reservedFen;
  if (amount <= 0) return 0;
  const entry = await tryDebitAvailable(ctx, accountId, amount, ref, locked);
  if (!entry) throw new Error(`account ${accountId} changed under its row lock`);
  return amount;
}

/**
 * C1: close the member's account after a death or an exit. L2 has already ended the bindings and
 * released their reservations; open charges (应收未收) are settled first; the balance moves to the pending payment (a CLOSURE ledger entry),
 * which a caseworker later pays to the heirs (C2) or to the member who left.
 */
export async function openClosure(ctx: RequestContext, m: Member, cause: ClosureCause, eventDate: string): Promise<AccountClosure | null> {
  const account = await ctx.em.findOneBy(PersonalAccount, { memberId: m.id });
  if (!account || (await closureOfAccount(ctx, account.id))) return null;
  const closure = await ctx.em.save(
    AccountClosure,
    ctx.em.create(AccountClosure, {
      memberId: m.id,
      accountId: account.id,
      cause,
      state: 'PENDING_PAYMENT',
      pendingFen: 0,
      closedBalanceFen: 0,
      regionCode: m.insuredRegion,
      fromRegion: null,
      eventDate,
      documents: [],
      decisionReason: null,
      decidedBy: null,
      decidedAt: null,
    }),
  );
  // C1: fees owed are settled first (FEE entries); the heirs' payment is what remains.
  const fees = await settleChargesFirst(ctx, account.id, closure.id);
  const memo = cause === 'DEATH' ? `账户注销：死亡，待支付继承人 (closure #${closure.id})` : `账户注销：退出基本医保 (closure #${closure.id})`;
  const moved = await drain(ctx, account.id, { cause: 'CLOSURE', memo });
  await execute(ctx.em, 'UPDATE account_closure SET pending_fen = pending_fen + ?, closed_balance_fen = ? WHERE id = ?', [moved, moved, closure.id]);
  closure.pendingFen = moved;
  closure.closedBalanceFen = moved;
  await appendAudit(ctx, {
    action: 'account.close',
    entityType: 'AccountClosure',
    entityId: closure.id,
    regions: [m.insuredRegion],
    detail: { memberId: m.id, accountId: account.id, cause, movedFen: moved, feesPaidFen: fees.paidFen, feeShortfallFen: fees.shortfallFen, eventDate },
  });
  return closure;
}

/**
 * C3: 转移接续. The balance leaves as TRANSFER_OUT; within a province it arrives at once as
 * TRANSFER_IN, across provinces it waits in transit until the receiving region accepts.
 */
export async function transferAccount(ctx: RequestContext, m: Member, fromRegion: string, toRegion: string, eventDate: string): Promise<AccountClosure | null> {
  const account = await ctx.em.findOneBy(PersonalAccount, { memberId: m.id });
  if (!account) return null;
  if (await closureOfAccount(ctx, account.id)) throw accountClosed();
  const crossProvince = provinceOf(fromRegion) !== provinceOf(toRegion);
  const closure = await ctx.em.save(
    AccountClosure,
    ctx.em.create(AccountClosure, {
      memberId: m.id,
      accountId: account.id,
      cause: 'TRANSFER',
      state: crossProvince ? 'AWAITING_ACCEPTANCE' : 'COMPLETED',
      pendingFen: 0,
      closedBalanceFen: 0,
      regionCode: toRegion,
      fromRegion,
      eventDate,
      documents: [],
      decisionReason: null,
      decidedBy: null,
      decidedAt: crossProvince ? null : ctx.now,
    }),
  );
  // C1: fees owed are settled first; the transfer moves what remains.
  const fees = await settleChargesFirst(ctx, account.id, closure.id);
  const moved = await drain(ctx, account.id, { cause: 'TRANSFER_OUT', memo: `转出 ${fromRegion} → ${toRegion} (transfer #${closure.id})` });
  if (crossProvince) await execute(ctx.em, 'UPDATE account_closure SET pending_fen = ?, closed_balance_fen = ? WHERE id = ?', [moved, moved, closure.id]);
  else {
    await execute(ctx.em, 'UPDATE account_closure SET closed_balance_fen = ? WHERE id = ?', [moved, closure.id]);
    if (moved > 0) await credit(ctx, account.id, moved, { cause: 'TRANSFER_IN', memo: `转入 ${toRegion} (transfer #${closure.id})` });
  }
  await appendAudit(ctx, {
    action: 'account.transfer-out',
    entityType: 'AccountClosure',
    entityId: closure.id,
    regions: [fromRegion, toRegion],
    detail: { memberId: m.id, accountId: account.id, fromRegion, toRegion, movedFen: moved, feesPaidFen: fees.paidFen, feeShortfallFen: fees.shortfallFen, crossProvince, eventDate },
  });
  return (await ctx.em.findOneBy(AccountClosure, { id: closure.id }))!;
}

async function getClosure(ctx: RequestContext, id: number): Promise<AccountClosure> {
  requireStaff(ctx);
  const c = await ctx.em.findOneBy(AccountClosure, { id });
  if (!c) throw new NotFoundError('closure', id);
  assertInScope(ctx, 'closure', c.regionCode);
  return c;
}

/** C3: the receiving region accepts a cross-province transfer; the sum arrives as TRANSFER_IN. */
export async function acceptTransfer(ctx: RequestContext, id: number, reason: string): Promise<AccountClosure> {
  const staff = requireStaff(ctx);
  const c = await getClosure(ctx, id);
  if (c.cause !== 'TRANSFER' || c.state !== 'AWAITING_ACCEPTANCE') throw transferNotAwaiting(c.state);
  // Conditional: only one acceptance can take the money in transit.
  const n = await execute(ctx.em, "UPDATE account_closure SET pending_fen = 0, state = 'COMPLETED' WHERE id = ? AND state = 'AWAITING_ACCEPTANCE' AND pending_fen = ?", [
    c.id,
    c.pendingFen,
  ]);
  if (n !== 1) throw transferNotAwaiting('CHANGED');
  await ctx.em.update(AccountClosure, { id: c.id }, { decidedBy: staff.username, decidedAt: ctx.now, decisionReason: reason });
  if (c.pendingFen > 0) await credit(ctx, c.accountId, c.pendingFen, { cause: 'TRANSFER_IN', memo: `转入 ${c.regionCode} (transfer #${c.id})` });
  await appendAudit(ctx, { action: 'account.transfer-in', entityType: 'AccountClosure', entityId: c.id, regions: [c.regionCode, c.fromRegion ?? c.regionCode], reason, detail: { amountFen: c.pendingFen } });
  return (await ctx.em.findOneBy(AccountClosure, { id: c.id }))!;
}

/**
 * C2: a caseworker's decision on the pending payment of a closed account: one payment or shares that
 * add up exactly to it, each to a named bank account, resting on documents.
 */
export async function decidePayment(ctx: RequestContext, input: HeirPaymentInput): Promise<AccountClosure> {
  const staff = requireStaff(ctx);
  const c = await getClosure(ctx, input.closureId);
  if (c.cause === 'TRANSFER' || c.state !== 'PENDING_PAYMENT') throw closureNotPending(c.state);
  const documents = input.documents.map((d) => d.trim()).filter(Boolean);
  if (!documents.length) throw documentsRequired();
  const sum = input.shares.reduce((s, x) => s + x.amountFen, 0);
  if (sum !== c.pendingFen || input.shares.some((x) => x.amountFen <= 0)) throw sharesDoNotAddUp(sum, c.pendingFen);
  const n = await execute(ctx.em, "UPDATE account_closure SET pending_fen = 0, state = 'PAID' WHERE id = ? AND state = 'PENDING_PAYMENT' AND pending_fen = ?", [c.id, c.pendingFen]);
  if (n !== 1) throw closureNotPending('CHANGED');
  await ctx.em.update(AccountClosure, { id: c.id }, { decidedBy: staff.username, decidedAt: ctx.now, decisionReason: input.reason, documents });
  for (const s of input.shares)
    await ctx.em.insert(ClosurePayment, { closureId: c.id, payeeName: s.payeeName.trim(), bankAccount: s.bankAccount, amountFen: s.amountFen });
  await appendAudit(ctx, {
    action: 'account.closure-payment',
    entityType: 'AccountClosure',
    entityId: c.id,
    regions: [c.regionCode],
    reason: input.reason,
    detail: { documents, shares: input.shares.map((s) => ({ amountFen: s.amountFen, bankAccount: maskBankAccount(s.bankAccount) })), totalFen: sum },
  });
  return (await ctx.em.findOneBy(AccountClosure, { id: c.id }))!;
}

/**
 * C5: where a credit for a closed account goes (a settlement reversed after the closure). Adds it to
 * the heirs' pending payment (reopening the decision when it was already paid) and returns the
 * closure; returns null when the account is open (credit it as usual). A transfer's successor is the
 * same account in its new region, so money of a transfer in transit joins the money in transit.
 */
export async function redirectCreditAfterClosure(ctx: RequestContext, accountId: number, amountFen: number, memo: string): Promise<AccountClosure | null> {
  const closed = await closureOfAccount(ctx, accountId);
  const transit = closed
    ? null
    : await ctx.em.findOne(AccountClosure, { where: { accountId, cause: 'TRANSFER', state: 'AWAITING_ACCEPTANCE' }, order: { id: 'DESC' } });
  const target = closed ?? transit;
  if (!target) return null;
  await execute(ctx.em, `UPDATE account_closure SET pending_fen = pending_fen + ?${closed ? ", state = 'PENDING_PAYMENT'" : ''} WHERE id = ?`, [amountFen, target.id]);
  await appendAudit(ctx, {
    action: 'account.closure-credit',
    entityType: 'AccountClosure',
    entityId: target.id,
    regions: [target.regionCode],
    detail: { accountId, amountFen, memo },
  });
  return (await ctx.em.findOneBy(AccountClosure, { id: target.id }))!;
}

/** C4: withdrawal to the member's own bank account, approved by a caseworker, where policy allows. */
export async function approveWithdrawal(ctx: RequestContext, input: WithdrawalInput): Promise<PersonalAccount> {
  requireStaff(ctx);
  const m = await ctx.em.findOneBy(MemberEntity, { id: input.memberId });
  if (!m) throw new NotFoundError('member', input.memberId);
  assertInScope(ctx, 'member', m.insuredRegion);
  const account = await ctx.em.findOneBy(PersonalAccount, { memberId: m.id });
  if (!account) throw new NotFoundError('account', input.memberId);
  if (await closureOfAccount(ctx, account.id)) throw accountClosed();
  const policy = await policyInForce(ctx.em, m.provinceCode, today(ctx));
  if (!policy.rules.accountWithdrawalAllowed) throw withdrawalNotAllowed();
  // C1: fees owed are settled first; the withdrawal can take only what remains available.
  const fees = await settleChargesFirst(ctx, account.id, null);
  await debitAvailable(ctx, account.id, input.amountFen, { cause: 'WITHDRAWAL', memo: `提取至本人账户 ${maskBankAccount(input.bankAccount)}` });
  await appendAudit(ctx, {
    action: 'account.withdrawal',
    entityType: 'member',
    entityId: m.id,
    regions: [m.insuredRegion],
    reason: input.reason,
    detail: { amountFen: input.amountFen, bankAccount: maskBankAccount(input.bankAccount), policyVersionId: policy.id, feesPaidFen: fees.paidFen, feeShortfallFen: fees.shortfallFen },
  });
  return (await ctx.em.findOneBy(PersonalAccount, { id: account.id }))!;
}

export async function listClosures(ctx: RequestContext, filter: ClosureFilter | undefined, args: ListArgs) {
  requireStaff(ctx);
  const qb = ctx.em.createQueryBuilder(AccountClosure, 'c');
  applyScope(ctx, qb, ['c.region_code']);
  if (filter?.state) qb.andWhere('c.state = :state', { state: filter.state });
  if (filter?.cause) qb.andWhere('c.cause = :cause', { cause: filter.cause });
  if (filter?.memberId) qb.andWhere('c.member_id = :memberId', { memberId: filter.memberId });
  return paginate(qb, args, { id: 'c.id', createdAt: 'c.createdAt', state: 'c.state' }, 'id');
}

export async function findClosure(ctx: RequestContext, id: number): Promise<AccountClosure | null> {
  requireStaff(ctx);
  const c = await ctx.em.findOneBy(AccountClosure, { id });
  if (!c) return null;
  const qb = ctx.em.createQueryBuilder(AccountClosure, 'c').where('c.id = :id', { id });
  applyScope(ctx, qb, ['c.region_code']);
  return (await qb.getCount()) ? c : null;
}

/** C2: the shares paid, masked (A3). */
export async function paymentViews(ctx: RequestContext, c: AccountClosure): Promise<ClosurePaymentView[]> {
  const rows = await ctx.em.find(ClosurePayment, { where: { closureId: c.id }, order: { id: 'ASC' } });
  return rows.map((p) =>
    Object.assign(new ClosurePaymentView(), { id: p.id, amountFen: p.amountFen, payeeName: maskName(p.payeeName), bankAccount: maskBankAccount(p.bankAccount), createdAt: p.createdAt }),
  );
}
