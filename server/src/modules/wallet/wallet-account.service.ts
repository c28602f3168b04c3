/**
 * W3: the only code that changes wallet balances — an atomic conditional UPDATE and an immutable
 * ledger entry carrying the balance after it, like account.service.ts for personal accounts.
 * `tryDebitWallet` is what the settlement split calls for W4 (after the patient's own account).
 */
import type { RequestContext } from '../../core/context';
import { execute, isUniqueViolation } from '../../db/database';
import { WalletAccount, WalletLedgerEntry } from './wallet.entity';

export interface WalletRef {
  cause: 'WALLET_ACCEPT' | 'SETTLEMENT' | 'REVERSAL';
  transferId?: number | null;
  settlementId?: number | null;
}

export function walletOfMember(ctx: RequestContext, memberId: number): Promise<WalletAccount | null> {
  return ctx.em.findOneBy(WalletAccount, { memberId });
}

/** The member's wallet, opened on first use. */
export async function openWallet(ctx: RequestContext, memberId: number): Promise<WalletAccount> {
  const existing = await walletOfMember(ctx, memberId);
  if (existing) return existing;
  try {
    await ctx.em.insert(WalletAccount, { memberId, balanceFen: 0 });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e; // opened concurrently: use that one
  }
  return (await walletOfMember(ctx, memberId))!;
}

async function entry(ctx: RequestContext, walletId: number, direction: 'CREDIT' | 'DEBIT', amountFen: number, ref: WalletRef) {
  const [row]: Array<{ balance_fen: number | string }> = await ctx.em.query('SELECT balance_fen FROM wallet_account WHERE id = ?', [walletId]);
  const e = ctx.em.create(WalletLedgerEntry, {
    walletId,
    direction,
    amountFen,
    balanceAfterFen: Number(row.balance_fen),
    cause: ref.cause,
    transferId: ref.transferId ?? null,
    settlementId: ref.settlementId ?? null,
  });
  await ctx.em.insert(WalletLedgerEntry, e);
  return e;
}

function checkAmount(amountFen: number) {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new Error(`bad wallet amount ${amountFen}`);
}

export async function creditWallet(ctx: RequestContext, walletId: number, amountFen: number, ref: WalletRef): Promise<WalletLedgerEntry> {
  checkAmount(amountFen);
  const n = await execute(ctx.em, 'UPDATE wallet_account SET balance_fen = balance_fen + ? WHERE id = ?', [amountFen, walletId]);
  if (n !== 1) throw new Error(`no wallet ${walletId}`);
  return entry(ctx, walletId, 'CREDIT', amountFen, ref);
}

/** Debit when the wallet holds enough; null (nothing changed) otherwise. */
export async function tryDebitWallet(ctx: RequestContext, walletId: number, amountFen: number, ref: WalletRef): Promise<WalletLedgerEntry | null> {
  checkAmount(amountFen);
  const n = await execute(ctx.em, 'UPDATE wallet_account SET balance_fen = balance_fen - ? WHERE id = ? AND balance_fen >= ?', [amountFen, walletId, amountFen]);
  if (n !== 1) return null;
  return entry(ctx, walletId, 'DEBIT', amountFen, ref);
}
