/**
 * S9: reversal (冲正/退费). Refunds the self-pay part in reverse order of payment — cash first, then
 * the givers from last to first, then the patient's 医保钱包 (W4), then the patient's own account —
 * crediting each account or wallet at most what it paid and has not had back. Idempotent by the
 * reversal's own (institution, serial).
 * Refunds go to the balance; a binding's reservation (共济额度) is not restored.
 * C5: a refund owed to a personal account that has since closed (or is in transit to another region)
 * is not credited to it: the closure module adds it to the successor's transfer or the heirs' pending
 * payment (redirectCreditAfterClosure), with an audit record.
 */
import { createHash } from 'node:crypto';
import { requireInstitution, type RequestContext } from '../../core/context';
import { execute, isUniqueViolation, lockRows } from '../../db/database';
import { PersonalAccount } from '../account/account.entity';
import { credit } from '../account/account.service';
import { redirectCreditAfterClosure } from '../closure/closure.service';
import { emitEvent } from '../outbox/outbox.service';
import { creditWallet } from '../wallet/wallet-account.service';
import { Settlement, SettlementPayment, SettlementReversal } from './settlement.entity';
import { badReversalAmount, reversalConflict, reversalTooLarge, settlementNotFound } from './settlement.errors';
import type { ReverseInput } from './settlement.inputs';

function reversalHash(input: ReverseInput): string {
  return createHash('sha256')
    .update(JSON.stringify({ serialNo: input.serialNo, originalSerialNo: input.originalSerialNo, amountFen: input.amountFen ?? null }))
    .digest('hex');
}

async function existingReversal(ctx: RequestContext, institutionId: number, serialNo: string, hash: string): Promise<SettlementReversal | null> {
  // READ COMMITTED (MySQL) or the single connection (SQLite): a winner that just committed is visible.
  const found = await ctx.em.findOneBy(SettlementReversal, { institutionId, serialNo });
  if (found && found.requestHash !== hash) throw reversalConflict(serialNo);
  return found;
}

export async function reverseSettlement(ctx: RequestContext, input: ReverseInput): Promise<SettlementReversal> {
  const inst = requireInstitution(ctx);
  // S15: an amount, when given, is a positive integer of fen — a clear input error otherwise.
  if (input.amountFen !== undefined && input.amountFen !== null && (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)) throw badReversalAmount();
  const hash = reversalHash(input);
  const done = await existingReversal(ctx, inst.id, input.serialNo, hash);
  if (done) return done;

  const original = await ctx.em.findOneBy(Settlement, { institutionId: inst.id, serialNo: input.originalSerialNo });
  if (!original) throw settlementNotFound(input.originalSerialNo);
  // Serialise reversals of one settlement (two different reversal serials at once).
  await lockRows(ctx.em, Settlement, [original.id]);
  const s = await ctx.em.findOneByOrFail(Settlement, { id: original.id });
  const refundable = s.selfPayFen - s.reversedFen;
  const amount = input.amountFen ?? refundable;
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > refundable) throw reversalTooLarge(refundable);

  const reversal = ctx.em.create(SettlementReversal, {
    settlementId: s.id,
    institutionId: inst.id,
    serialNo: input.serialNo,
    requestHash: hash,
    amountFen: amount,
    cashFen: 0,
    accountFen: 0,
  });
  try {
    await ctx.em.insert(SettlementReversal, reversal);
    reversal.id = Number(reversal.id); // MySQL hands a fresh BIGINT id back as a string
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const winner = await existingReversal(ctx, inst.id, input.serialNo, hash);
    if (winner) return winner;
    throw e;
  }

  let left = amount;
  const cashBack = Math.min(left, s.cashFen - s.cashReversedFen);
  left -= cashBack;
  let accountBack = 0;
  const payments = await ctx.em.find(SettlementPayment, { where: { settlementId: s.id }, order: { seq: 'DESC' } });
  // Same lock order as settle(): accounts by id, before any credit.
  await lockRows(ctx.em, PersonalAccount, payments.flatMap((p) => (p.accountId === null ? [] : [p.accountId])));
  for (const p of payments) {
    if (left === 0) break;
    const back = Math.min(left, p.amountFen - p.reversedFen);
    if (back <= 0) continue;
    const n = await execute(ctx.em, 'UPDATE settlement_payment SET reversed_fen = reversed_fen + ? WHERE id = ? AND reversed_fen + ? <= amount_fen', [back, p.id, back]);
    if (n !== 1) throw new Error(`payment ${p.id} reversal would exceed what it paid`);
    const memo = `冲正 ${input.serialNo}`;
    if (p.walletId !== null) await creditWallet(ctx, p.walletId, back, { cause: 'REVERSAL', settlementId: s.id });
    else if (p.accountId === null) throw new Error(`payment ${p.id} names neither an account nor a wallet`);
    else if (!(await redirectCreditAfterClosure(ctx, p.accountId, back, memo)))
      await credit(ctx, p.accountId, back, { cause: 'REVERSAL', settlementId: s.id, bindingId: p.bindingId, memo });
    accountBack += back;
    left -= back;
  }
  if (left !== 0) throw new Error(`reversal of settlement ${s.id} could not place ${left} fen`);

  const n = await execute(
    ctx.em,
    // status first: MySQL evaluates SET left to right with updated values, SQLite with old ones.
    `UPDATE settlement SET status = CASE WHEN reversed_fen + ? >= self_pay_fen THEN 'REVERSED' ELSE 'PARTIALLY_REVERSED' END,
       reversed_fen = reversed_fen + ?, cash_reversed_fen = cash_reversed_fen + ?
     WHERE id = ? AND reversed_fen + ? <= self_pay_fen`,
    [amount, amount, cashBack, s.id, amount],
  );
  if (n !== 1) throw new Error(`settlement ${s.id} reversal would exceed its self-pay part`);
  await ctx.em.update(SettlementReversal, { id: reversal.id }, { cashFen: cashBack, accountFen: accountBack });
  await emitEvent(ctx, { type: 'settlement.reversed', subjectId: reversal.id, settlementId: s.id });
  return ctx.em.findOneByOrFail(SettlementReversal, { id: reversal.id });
}
