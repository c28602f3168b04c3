/**
 * The only code that changes balances (S4, S11). Every change is one atomic conditional UPDATE
 * followed by an immutable ledger entry carrying the balance after it; nothing reads a balance,
 * computes a new one in JS and writes it back. (The balance-after of the ledger entry is read back
 * after the UPDATE, or — when the caller holds the row lock and read the row under it, see
 * lockAccounts — derived from that locked read.)
 */
import type { LedgerCause } from '@gongji/shared';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { execute } from '../../db/database';
import type { Stmt } from '../../db/script';
import { LedgerEntry, PersonalAccount } from './account.entity';
import { badAmount, insufficientAvailable, noAccount } from './account.errors';

export interface LedgerRef {
  cause: LedgerCause;
  settlementId?: number | null;
  bindingId?: number | null;
  batchId?: string | null;
  memo?: string | null;
}

/** An account row read under its row lock (lockAccounts): balance and reservation as they stand now. */
export interface LockedAccount {
  id: number;
  balanceFen: number;
  reservedFen: number;
}

/**
 * Lock accounts for the rest of the transaction, in id order (never deadlocks against other callers
 * that lock in id order, see lockRows), and read their balances in the same statement. Nothing else
 * can change a locked row before we commit, so these values stay exact while the caller keeps
 * `LockedAccount` in step with its own debits (the debit functions below do, when given one).
 * On SQLite the transaction already holds the only connection: a plain read.
 */
export async function lockAccounts(em: EntityManager, ids: number[]): Promise<Map<number, LockedAccount>> {
  if (!ids.length) return new Map();
  const { sql, params } = lockAccountsStatement(ids, em.connection.options.type !== 'better-sqlite3');
  return lockedAccountsFrom(await em.query(sql, params));
}

/** lockAccounts as one statement of a script transaction (db/script.ts): read its rows with lockedAccountsFrom. */
export function lockAccountsStatement(ids: number[], forUpdate = true): Stmt {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  if (!sorted.length) throw new Error('lockAccountsStatement: no accounts');
  return {
    sql: `SELECT id, balance_fen, reserved_fen FROM personal_account WHERE id IN (${sorted.map(() => '?').join(',')}) ORDER BY id${forUpdate ? ' FOR UPDATE' : ''}`,
    params: sorted,
  };
}

export function lockedAccountsFrom(rows: Array<Record<string, unknown>>): Map<number, LockedAccount> {
  const out = new Map<number, LockedAccount>();
  for (const r of rows) out.set(Number(r.id), { id: Number(r.id), balanceFen: Number(r.balance_fen), reservedFen: Number(r.reserved_fen) });
  return out;
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

async function writeEntry(em: EntityManager, accountId: number, direction: 'CREDIT' | 'DEBIT', amountFen: number, ref: LedgerRef, knownBalanceAfterFen?: number) {
  const entry = em.create(LedgerEntry, {
    accountId,
    direction,
    amountFen,
    balanceAfterFen: knownBalanceAfterFen ?? (await balanceAfter(em, accountId)),
    cause: ref.cause,
    settlementId: ref.settlementId ?? null,
    bindingId: ref.bindingId ?? null,
    batchId: ref.batchId ?? null,
    memo: ref.memo ?? null,
  });
  await em.insert(LedgerEntry, entry); // fills in id and created_at
  entry.id = Number(entry.id); // MySQL may hand a fresh BIGINT id back as a string
  return entry;
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
 * `locked`: the account as read under its row lock (lockAccounts) — the ledger entry's balance-after
 * then follows from it without reading the row again, and `locked` is kept in step.
 */
export async function tryDebitAvailable(ctx: RequestContext, accountId: number, amountFen: number, ref: LedgerRef, locked?: LockedAccount): Promise<LedgerEntry | null> {
  checkAmount(amountFen);
  if (locked && locked.id !== accountId) throw new Error(`locked account ${locked.id} is not account ${accountId}`);
  const n = await execute(
    ctx.em,
    'UPDATE personal_account SET balance_fen = balance_fen - ? WHERE id = ? AND balance_fen - reserved_fen >= ?',
    [amountFen, accountId, amountFen],
  );
  if (n !== 1) return null;
  if (locked) locked.balanceFen -= amountFen;
  return writeEntry(ctx.em, accountId, 'DEBIT', amountFen, ref, locked?.balanceFen);
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
  locked?: LockedAccount,
): Promise<LedgerEntry | null> {
  checkAmount(amountFen);
  if (!Number.isSafeInteger(fromReserveFen) || fromReserveFen < 0 || fromReserveFen > amountFen) throw badAmount(fromReserveFen);
  if (locked && locked.id !== accountId) throw new Error(`locked account ${locked.id} is not account ${accountId}`);
  const n = await execute(
    ctx.em,
    `UPDATE personal_account SET balance_fen = balance_fen - ?, reserved_fen = reserved_fen - ?
      WHERE id = ? AND reserved_fen >= ? AND balance_fen - reserved_fen + ? >= ?`,
    [amountFen, fromReserveFen, accountId, fromReserveFen, fromReserveFen, amountFen],
  );
  if (n !== 1) return null;
  if (locked) {
    locked.balanceFen -= amountFen;
    locked.reservedFen -= fromReserveFen;
  }
  return writeEntry(ctx.em, accountId, 'DEBIT', amountFen, ref, locked?.balanceFen);
}

export interface LockedDebit {
  accountId: number;
  amountFen: number;
  /** Drawn from the binding's own reservation (0 for a debit of the account's available money). */
  fromReserveFen: number;
  /** The balance after this debit, derived from the row as read under its lock (lockAccounts). */
  balanceAfterFen: number;
  ref: LedgerRef;
}

/**
 * Several debits on accounts the caller holds locked (lockAccounts) — the settlement's payments —
 * as ONE conditional UPDATE over all the accounts plus ONE multi-row ledger INSERT. Each account's
 * condition is the same as tryDebitForBinding's (its available money, counting its own reservation
 * draw), so a row whose condition fails is not changed, the affected-row count falls short, and the
 * whole transaction is abandoned by the throw. Under the locks that cannot happen unless a caller
 * miscomputed; it is the final guard, not the control flow. One account at most once per call.
 */
export async function debitLocked(ctx: RequestContext, debits: LockedDebit[]): Promise<void> {
  if (!debits.length) return;
  const n = await conditionalDebit(ctx, debits, 'debitLocked');
  if (n !== debits.length) throw new Error(`debitLocked: ${debits.length - n} of ${debits.length} locked accounts could not be debited`);
  await ctx.em.query(
    `INSERT INTO ledger_entry (account_id, direction, amount_fen, balance_after_fen, cause, settlement_id, binding_id, batch_id, memo)
     VALUES ${debits.map(() => "(?, 'DEBIT', ?, ?, ?, ?, ?, ?, ?)").join(', ')}`,
    debits.flatMap((d) => [d.accountId, d.amountFen, d.balanceAfterFen, d.ref.cause, d.ref.settlementId ?? null, d.ref.bindingId ?? null, d.ref.batchId ?? null, d.ref.memo ?? null]),
  );
}

/**
 * The optimistic variant for rows NOT locked beforehand (amounts planned from an unlocked read): the
 * same one conditional UPDATE over all the accounts — it takes their row locks, in id order — then one
 * ledger INSERT … SELECT whose balance-after is read from each row just updated (ours, under our lock).
 * Returns false when some account's condition failed (its balance moved since the read): some rows
 * may then have been debited, so the caller MUST roll back its transaction (not to a savepoint: see
 * settlement-write.ts) and plan again under locks. Each account at most once.
 */
export async function tryDebitUnlocked(ctx: RequestContext, debits: Array<Omit<LockedDebit, 'balanceAfterFen'>>): Promise<boolean> {
  if (!debits.length) return true;
  if (debits.some((d) => d.ref.cause !== debits[0].ref.cause)) throw new Error('tryDebitUnlocked: one ledger cause per call');
  const n = await conditionalDebit(ctx, debits, 'tryDebitUnlocked');
  const when = () => debits.map(() => 'WHEN ? THEN ?').join(' ');
  const pairs = (v: (d: (typeof debits)[number]) => number | string | null) => debits.flatMap((d) => [d.accountId, v(d)]);
  if (n !== debits.length) return false;
  // One ledger entry per debit, in the order given; balance-after is the row as our UPDATE left it.
  await ctx.em.query(
    `INSERT INTO ledger_entry (account_id, direction, amount_fen, balance_after_fen, cause, settlement_id, binding_id, batch_id, memo)
     SELECT a.id, 'DEBIT', CASE a.id ${when()} END, a.balance_fen, ?, CASE a.id ${when()} END, CASE a.id ${when()} END, NULL, CASE a.id ${when()} END
       FROM personal_account a WHERE a.id IN (${debits.map(() => '?').join(',')}) ORDER BY CASE a.id ${when()} END`,
    [
      ...pairs((d) => d.amountFen),
      debits[0].ref.cause,
      ...pairs((d) => d.ref.settlementId ?? null),
      ...pairs((d) => d.ref.bindingId ?? null),
      ...pairs((d) => d.ref.memo ?? null),
      ...debits.map((d) => d.accountId),
      ...debits.flatMap((d, i) => [d.accountId, i]),
    ],
  );
  return true;
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

/**
 * The one conditional UPDATE behind both multi-account debits: each account at most once, each
 * debit leaves balance − reserved ≥ 0 and takes at most its own reserve. Returns the rows updated.
 */
async function conditionalDebit(ctx: RequestContext, debits: Array<Pick<LockedDebit, 'accountId' | 'amountFen' | 'fromReserveFen'>>, who: string): Promise<number> {
  const { sql, params } = conditionalDebitStatement(debits, who);
  return execute(ctx.em, sql, params);
}

/**
 * The conditional UPDATE as a statement: for a script transaction (db/script.ts), whose caller
 * compares the affected rows with the number of accounts exactly as the functions above do.
 */
export function conditionalDebitStatement(debits: Array<Pick<LockedDebit, 'accountId' | 'amountFen' | 'fromReserveFen'>>, who = 'conditionalDebitStatement'): Stmt {
  const ids = new Set<number>();
  for (const d of debits) {
    checkAmount(d.amountFen);
    if (!Number.isSafeInteger(d.fromReserveFen) || d.fromReserveFen < 0 || d.fromReserveFen > d.amountFen) throw badAmount(d.fromReserveFen);
    if (ids.has(d.accountId)) throw new Error(`${who}: account ${d.accountId} twice in one call`);
    ids.add(d.accountId);
  }
  if (!debits.length) throw new Error(`${who}: no debits`);
  const when = () => debits.map(() => 'WHEN ? THEN ?').join(' ');
  const pairs = (v: (d: (typeof debits)[number]) => number) => debits.flatMap((d) => [d.accountId, v(d)]);
  return {
    sql: `UPDATE personal_account
        SET balance_fen = balance_fen - CASE id ${when()} END,
            reserved_fen = reserved_fen - CASE id ${when()} END
      WHERE id IN (${debits.map(() => '?').join(',')})
        AND CASE id ${debits.map(() => 'WHEN ? THEN reserved_fen >= ? AND balance_fen - reserved_fen + ? >= ?').join(' ')} END`,
    params: [
      ...pairs((d) => d.amountFen),
      ...pairs((d) => d.fromReserveFen),
      ...debits.map((d) => d.accountId),
      ...debits.flatMap((d) => [d.accountId, d.fromReserveFen, d.fromReserveFen, d.amountFen]),
    ],
  };
}

/**
 * The ledger entries of debits that a conditionalDebitStatement (each account's total) has just
 * applied in the same transaction, as ONE INSERT … SELECT: entries in the order given (an account may
 * pay several times), each entry's balance-after read from its account's row as that UPDATE left it
 * (the row is ours under the UPDATE's lock) plus what the account's later entries took.
 */
export function debitLedgerStatement(entries: Array<{ accountId: number; amountFen: number; ref: LedgerRef }>): Stmt {
  if (!entries.length) throw new Error('debitLedgerStatement: no entries');
  const later: number[] = new Array(entries.length);
  const taken = new Map<number, number>();
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    checkAmount(e.amountFen);
    later[i] = taken.get(e.accountId) ?? 0;
    taken.set(e.accountId, later[i] + e.amountFen);
  }
  const row = '? AS ord, ? AS account_id, ? AS amount_fen, ? AS later_fen, ? AS cause, ? AS settlement_id, ? AS binding_id, ? AS batch_id, ? AS memo';
  return {
    sql: `INSERT INTO ledger_entry (account_id, direction, amount_fen, balance_after_fen, cause, settlement_id, binding_id, batch_id, memo)
     SELECT v.account_id, 'DEBIT', v.amount_fen, a.balance_fen + v.later_fen, v.cause, v.settlement_id, v.binding_id, v.batch_id, v.memo
       FROM (SELECT ${row}${entries.slice(1).map(() => ' UNION ALL SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?').join('')}) v
       JOIN personal_account a ON a.id = v.account_id
      ORDER BY v.ord`,
    params: entries.flatMap((e, i) => [i, e.accountId, e.amountFen, later[i], e.ref.cause, e.ref.settlementId ?? null, e.ref.bindingId ?? null, e.ref.batchId ?? null, e.ref.memo ?? null]),
  };
}
