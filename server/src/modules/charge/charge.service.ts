/**
 * C1: 应收未收 — amounts a personal account owes the fund, settled first whenever the balance is about
 * to leave the account (closure C2, transfer C3, withdrawal C4). The only writer of account_charge.
 * Money moves only by FEE ledger entries made with account.service's conditional debit, under the
 * account's row lock; a charge's paid part only grows, by a conditional update.
 */
import type { RequestContext } from '../../core/context';
import { requireStaff } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { paginate, type ListArgs } from '../../core/pagination';
import { assertInScope } from '../../core/scope';
import { execute, sqlDate } from '../../db/database';
import { PersonalAccount } from '../account/account.entity';
import { lockAccounts, tryDebitAvailable } from '../account/account.service';
import { appendAudit } from '../audit/audit.service';
import { Binding } from '../binding/binding.entity';
import { FraudCase } from '../fraud/fraud-case.entity';
import { Member } from '../member/member.entity';
import { AccountCharge } from './charge.entity';
import { chargeAmountNotPositive, chargeMemberClosed, chargeNeedsConfirmedCase, chargeNoAccount, chargeNotOpen, chargeReasonRequired } from './charge.errors';
import type { RecordChargeInput, WaiveChargeInput } from './charge.inputs';

async function memberInScope(ctx: RequestContext, memberId: number): Promise<Member> {
  const m = await ctx.em.findOneBy(Member, { id: memberId });
  if (!m) throw new NotFoundError('member', memberId);
  assertInScope(ctx, 'member', m.insuredRegion);
  return m;
}

/** Is the member the subject, or a party of the subject binding, of this confirmed case? */
async function caseConcernsMember(ctx: RequestContext, caseId: number, memberId: number): Promise<boolean> {
  const c = await ctx.em.findOneBy(FraudCase, { id: caseId });
  if (!c || c.state !== 'CONFIRMED') return false;
  if (c.subjectType === 'MEMBER') return c.subjectId === memberId;
  if (c.subjectType === 'BINDING') {
    const b = await ctx.em.findOneBy(Binding, { id: c.subjectId });
    return !!b && (b.giverId === memberId || b.beneficiaryId === memberId);
  }
  return false;
}

/** C1: a caseworker (or fraud analyst) records an amount the member's account owes; audited. */
export async function recordCharge(ctx: RequestContext, input: RecordChargeInput): Promise<AccountCharge> {
  const staff = requireStaff(ctx);
  const m = await memberInScope(ctx, input.memberId);
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw chargeAmountNotPositive();
  const reason = input.reason.trim();
  if (!reason) throw chargeReasonRequired();
  if (m.status === 'DECEASED' || m.status === 'TERMINATED') throw chargeMemberClosed(m.status);
  const account = await ctx.em.findOneBy(PersonalAccount, { memberId: m.id });
  if (!account) throw chargeNoAccount();
  let fraudCaseId: number | null = null;
  if (input.kind === 'FRAUD_RECOVERY') {
    if (!input.fraudCaseId || !(await caseConcernsMember(ctx, input.fraudCaseId, m.id))) throw chargeNeedsConfirmedCase();
    fraudCaseId = input.fraudCaseId;
  }
  const charge = ctx.em.create(AccountCharge, {
    accountId: account.id,
    memberId: m.id,
    kind: input.kind,
    amountFen: input.amountFen,
    paidFen: 0,
    reason,
    fraudCaseId,
    documentRef: input.documentRef?.trim() || null,
    state: 'OPEN',
    closureId: null,
    createdBy: staff.username,
    settledBy: null,
    settledAt: null,
    waiveReason: null,
  });
  await ctx.em.insert(AccountCharge, charge);
  await appendAudit(ctx, {
    action: 'charge.record',
    entityType: 'AccountCharge',
    entityId: charge.id,
    regions: [m.insuredRegion],
    reason,
    detail: { memberId: m.id, accountId: account.id, kind: input.kind, amountFen: input.amountFen, fraudCaseId, documentRef: charge.documentRef },
  });
  return ctx.em.findOneByOrFail(AccountCharge, { id: charge.id });
}

/** C1: waive what is still unpaid of an open charge, with a reason; audited. What was paid stays paid. */
export async function waiveCharge(ctx: RequestContext, input: WaiveChargeInput): Promise<AccountCharge> {
  const staff = requireStaff(ctx);
  const c = await ctx.em.findOneBy(AccountCharge, { id: input.chargeId });
  if (!c) throw new NotFoundError('charge', input.chargeId);
  const m = await memberInScope(ctx, c.memberId);
  const reason = input.reason.trim();
  if (!reason) throw chargeReasonRequired();
  if (c.state !== 'OPEN') throw chargeNotOpen(c.state);
  const n = await execute(ctx.em, "UPDATE account_charge SET state = 'WAIVED', waive_reason = ?, settled_by = ?, settled_at = ? WHERE id = ? AND state = 'OPEN' AND paid_fen = ?", [
    reason,
    staff.username,
    sqlDate(ctx.now),
    c.id,
    c.paidFen,
  ]);
  if (n !== 1) throw chargeNotOpen('CHANGED');
  await appendAudit(ctx, {
    action: 'charge.waive',
    entityType: 'AccountCharge',
    entityId: c.id,
    regions: [m.insuredRegion],
    reason,
    detail: { memberId: m.id, amountFen: c.amountFen, paidFen: c.paidFen, waivedFen: c.amountFen - c.paidFen },
  });
  return ctx.em.findOneByOrFail(AccountCharge, { id: c.id });
}

/** C1: the charges of one member in scope (every state), newest first by default. */
export async function listCharges(ctx: RequestContext, memberId: number, args: ListArgs) {
  requireStaff(ctx);
  await memberInScope(ctx, memberId);
  const qb = ctx.em.createQueryBuilder(AccountCharge, 'c').where('c.member_id = :memberId', { memberId });
  return paginate(qb, { ...args, sortOrder: args.sortField ? args.sortOrder : 'DESC' }, { id: 'c.id', createdAt: 'c.createdAt', state: 'c.state' }, 'id');
}

export interface FeeSettlement {
  /** Paid to the fund now by FEE ledger entries. */
  paidFen: number;
  /** Still owed by the charges that stay OPEN. */
  shortfallFen: number;
  chargeIds: number[];
}

/** The batch key of the FEE entries a closure or transfer made (one per charge: never twice). */
export const feeBatchPrefix = (closureId: number) => `fee:${closureId}:`;

/**
 * C1: before the balance leaves the account, settle its open charges in creation order, each by a
 * FEE ledger entry that never takes the available balance below zero. What cannot be paid stays
 * OPEN with its unpaid part. `closureId` links the charges to the closure or transfer that settled
 * them (null for a withdrawal). Runs in the caller's transaction; takes the account's row lock.
 */
export async function settleChargesFirst(ctx: RequestContext, accountId: number, closureId: number | null): Promise<FeeSettlement> {
  const out: FeeSettlement = { paidFen: 0, shortfallFen: 0, chargeIds: [] };
  const open = await ctx.em.find(AccountCharge, { where: { accountId, state: 'OPEN' }, order: { id: 'ASC' } });
  if (!open.length) return out;
  const locked = (await lockAccounts(ctx.em, [accountId])).get(accountId);
  if (!locked) return out;
  const actor = ctx.principal?.kind === 'staff' ? ctx.principal.username : 'system';
  for (const c of open) {
    const unpaid = c.amountFen - c.paidFen;
    const pay = Math.max(0, Math.min(unpaid, locked.balanceFen - locked.reservedFen));
    // The charge first, conditionally: a charge waived meanwhile is left alone and costs nothing.
    const n = await execute(
      ctx.em,
      `UPDATE account_charge SET state = CASE WHEN paid_fen + ? >= amount_fen THEN 'PAID' ELSE 'OPEN' END, paid_fen = paid_fen + ?, closure_id = ?,
              settled_by = CASE WHEN ? > 0 THEN ? ELSE settled_by END, settled_at = CASE WHEN ? > 0 THEN ? ELSE settled_at END
        WHERE id = ? AND state = 'OPEN' AND paid_fen = ?`,
      [pay, pay, closureId, pay, actor, pay, sqlDate(ctx.now), c.id, c.paidFen],
    );
    if (n !== 1) continue;
    out.chargeIds.push(c.id);
    if (pay > 0) {
      const what = c.kind === 'FRAUD_RECOVERY' ? '追回欺诈款' : '应收款';
      const memo = `${what} #${c.id}${closureId ? ` (closure #${closureId})` : ''}`;
      const entry = await tryDebitAvailable(ctx, accountId, pay, { cause: 'FEE', memo, batchId: closureId ? `${feeBatchPrefix(closureId)}${c.id}` : null }, locked);
      if (!entry) throw new Error(`account ${accountId} changed under its row lock`);
      out.paidFen += pay;
    }
    out.shortfallFen += unpaid - pay;
  }
  return out;
}

/** C1: what a closure or transfer paid to the fund, and what its charges still owe. */
export async function feesOfClosure(ctx: RequestContext, closureId: number, accountId: number): Promise<{ paidFen: number; shortfallFen: number }> {
  const [paid] = await ctx.em.query("SELECT COALESCE(SUM(amount_fen), 0) AS s FROM ledger_entry WHERE account_id = ? AND cause = 'FEE' AND batch_id LIKE ?", [
    accountId,
    `${feeBatchPrefix(closureId)}%`,
  ]);
  const [short] = await ctx.em.query("SELECT COALESCE(SUM(amount_fen - paid_fen), 0) AS s FROM account_charge WHERE closure_id = ? AND state = 'OPEN'", [closureId]);
  return { paidFen: Number(paid.s), shortfallFen: Number(short.s) };
}
