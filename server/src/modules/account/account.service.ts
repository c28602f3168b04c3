/**
 * The only code that changes balances (S4, S11). Every change is one atomic conditional UPDATE
 * followed by an immutable ledger entry carrying the balance after it; nothing reads a balance,
 * computes a new one in JS and writes it back.
 */
import type { LedgerCause } from '@gongji/shared';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { execute } from '../../db/database';
import { LedgerEntry, PersonalAccount } from './account.entity';
import { badAmount, insufficientAvailable, noAccount } from './account.errors';

export interface LedgerRef {
  cause: LedgerCause;
  settlementId?: number | null;
  bindingId?: number | null;
  batchId?: string | null;
  memo?: string | null;
}

function checkAmount(amountFen: number): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw badAmount(amountFen);
}

async function balanceAfter(em: EntityManager, accountId: number): Promise<number> {
  // Read inside the same transaction after our own UPDATE: the row is locked by that UPDATE on MySQL,
  // and SQLite runs one transaction at a time, so this is exactly the balance our change produced.
  const rows: Array<{ balance_fen: string | number }> = await em.query('SELECT balance_fen FROM personal_account WHERE id = ?', [accountId]);
  return Number(rows[0].balance_fen);
}

async function writeEntry(em: EntityManager, accountId: number, direction: 'CREDIT' | 'DEBIT', amountFen: number, ref: LedgerRef) {
  const entry = em.create(LedgerEntry, {
    accountId,
    direction,
    amountFen,
    balanceAfterFen: await balanceAfter(em, accountId),
    cause: ref.cause,
    settlementId: ref.settlementId ?? null,
    bindingId: ref.bindingId ?? null,
    batchId: ref.batchId ?? null,
    memo: ref.memo ?? null,
  });
  return em.save(LedgerEntry, entry);
}

export async function credit(ctx: RequestContext, accountId: number, amountFen: number, ref: LedgerRef): Promise<LedgerEntry> {
  checkAmount(amountFen);
  const n = await execute(ctx.em, 'UPDATE personal_account SET balance_fen = balance_fen + ? WHERE id = ?', [amountFen, accountId]);
  if (n !== 1) throw noAccount(accountId);
  return writeEntry(ctx.em, accountId, 'CREDIT', amountFen, ref);
}

/**
 * Debit the account's own spendable money: the balance minus everything reserved for bindings.
 * Returns null (and changes nothing) when the available amount is too low.
 */
export async function tryDebitAvailable(ctx: RequestContext, accountId: number, amountFen: number, ref: LedgerRef): Promise<LedgerEntry | null> {
  checkAmount(amountFen);
  const n = await execute(
    ctx.em,
    'UPDATE personal_account SET balance_fen = balance_fen - ? WHERE id = ? AND balance_fen - reserved_fen >= ?',
    [amountFen, accountId, amountFen],
  );
  if (n !== 1) return null;
  return writeEntry(ctx.em, accountId, 'DEBIT', amountFen, ref);
}

export async function debitAvailable(ctx: RequestContext, accountId: number, amountFen: number, ref: LedgerRef): Promise<LedgerEntry> {
  const entry = await tryDebitAvailable(ctx, accountId, amountFen, ref);
  if (!entry) throw insufficientAvailable(accountId);
  return entry;
}

/**
 * A giver pays for a beneficiary through one binding: the money available to that binding is the
 * balance minus what is reserved for OTHER bindings. `fromReserveFen` (≤ the binding's reservation,
 * ≤ amount) is drawn from the binding's own reservation and lowers the account's reserved total too.
 * Returns null (nothing changed) when the condition does not hold.
 */
export async function tryDebitForBinding(
  ctx: RequestContext,
  accountId: number,
  amountFen: number,
  fromReserveFen: number,
  ref: LedgerRef,
): Promise<LedgerEntry | null> {
  checkAmount(amountFen);
  if (!Number.isSafeInteger(fromReserveFen) || fromReserveFen < 0 || fromReserveFen > amountFen) throw badAmount(fromReserveFen);
  const n = await execute(
    ctx.em,
    `UPDATE personal_account SET balance_fen = balance_fen - ?, reserved_fen = reserved_fen - ?
      WHERE id = ? AND reserved_fen >= ? AND balance_fen - reserved_fen + ? >= ?`,
    [amountFen, fromReserveFen, accountId, fromReserveFen, fromReserveFen, amountFen],
  );
  if (n !== 1) return null;
  return writeEntry(ctx.em, accountId, 'DEBIT', amountFen, ref);
}

/** Earmark part of the available balance for a binding (共济额度). Returns false when too little is available. */
export async function tryReserve(ctx: RequestContext, accountId: number, amountFen: number): Promise<boolean> {
  checkAmount(amountFen);
  const n = await execute(
    ctx.em,
    'UPDATE personal_account SET reserved_fen = reserved_fen + ? WHERE id = ? AND balance_fen - reserved_fen >= ?',
    [amountFen, accountId, amountFen],
  );
  return n === 1;
}

/** Return reserved money to the giver's available balance (binding ended or reservation lowered). */
export async function releaseReserve(ctx: RequestContext, accountId: number, amountFen: number): Promise<void> {
  if (amountFen === 0) return;
  checkAmount(amountFen);
  const n = await execute(ctx.em, 'UPDATE personal_account SET reserved_fen = reserved_fen - ? WHERE id = ? AND reserved_fen >= ?', [
    amountFen,
    accountId,
    amountFen,
  ]);
  if (n !== 1) throw new Error(`reserve release of ${amountFen} on account ${accountId} would go negative`);
}

export async function accountOfMember(em: EntityManager, memberId: number): Promise<PersonalAccount | null> {
  return em.findOneBy(PersonalAccount, { memberId });
}

/** Open an account (EMPLOYEE members), with an optional opening balance recorded as a ledger entry. */
export async function openAccount(ctx: RequestContext, memberId: number, openingFen = 0): Promise<PersonalAccount> {
  const existing = await accountOfMember(ctx.em, memberId);
  if (existing) return existing;
  const account = await ctx.em.save(PersonalAccount, ctx.em.create(PersonalAccount, { memberId, balanceFen: 0, reservedFen: 0 }));
  if (openingFen > 0) await credit(ctx, account.id, openingFen, { cause: 'OPENING_BALANCE', memo: '期初余额' });
  return (await ctx.em.findOneBy(PersonalAccount, { id: account.id }))!;
}
