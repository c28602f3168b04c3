/**
 * The one writer of a settlement: applies a plan (settlement-plan.ts) in the settlement's
 * transaction with a fixed number of statements, whatever the patient's or givers' history.
 *
 * LOCKED (the accounts were locked and read first, lockAccounts):
 *   INSERT settlement (final amounts; the unique (institution, serial) key is the S8 barrier)
 *   → one conditional UPDATE over the paying accounts + one multi-row ledger INSERT (account.service)
 *   → [W4: the wallet's conditional UPDATE + its ledger entry, only when the wallet pays]
 *   → [binding reservations drawn, only when a payment drew one]
 *   → one multi-row settlement_payment INSERT → one outbox event (settlement.settled).
 *
 * OPTIMISTIC (planned from an unlocked read; MySQL/MariaDB, no reservation involved): everything that
 * needs no account lock first, the debit last, so a hot account's row lock is held only for
 *   INSERT settlement → payments → outbox event → UPDATE accounts (locks) → ledger
 *   → [wallet UPDATE + ledger] → COMMIT.
 * If a balance moved since the read so that a debit's condition fails, the result is 'stale': the
 * caller rolls back its WHOLE transaction and writes the settlement again, locked, in a new one. No
 * savepoint: MariaDB Galera without a binary log replicates the rows of a ROLLBACK TO SAVEPOINT
 * anyway (10.11.19 here), so the other nodes would apply the settlement twice and leave the cluster
 * (scripts/test-cluster.mjs found it; docs/operations.md).
 *
 * Payment rows (settlement_payment.seq) follow the split order: own account, wallet (wallet_id set,
 * account_id null), givers — so a reversal (S9), which walks them backwards, refunds the givers first,
 * then the wallet, then the own account.
 */
import { provinceOf } from '@gongji/shared';
import type { RequestContext } from '../../core/context';
import { execute, insertReturningId, isUniqueViolation, sqlDate } from '../../db/database';
import type { Stmt } from '../../db/script';
import { debitLocked, tryDebitUnlocked, type LockedAccount } from '../account/account.service';
import { emitEvent } from '../outbox/outbox.service';
import { tryDebitWallet } from '../wallet/wallet-account.service';
import type { SplitPlan, WalletFacts } from './settlement-plan';
import { Settlement } from './settlement.entity';
import type { SettleInput } from './settlement.inputs';

/**
 * A settle request ready to be written (settlement.service.ts, prepareSettlement), alone or in a group
 * commit (settlement-batch.ts): everything the write needs, decided from one unlocked read. The
 * refusals are behind; the split is planned by `plan` from whichever balances the caller holds (read,
 * locked, or a group commit's running balances).
 */
export interface PreparedSettlement {
  input: SettleInput;
  institutionId: number;
  hash: string;
  rowFacts: SettlementRowFacts;
  /** Accounts that may pay (own, givers), in split order. */
  payers: number[];
  /** The optimistic path applies: no reservation, no minimum balance, every payer once. */
  optimistic: boolean;
  /** The balances of the unlocked read, by account id. */
  read: Map<number, LockedAccount>;
  /** W4: the wallet as read (null when it cannot pay). */
  wallet: WalletFacts | null;
  plan(accounts: Map<number, LockedAccount>, reserved: Map<number, { reservedFen: number; singleLimitFen: number | null }>, wallet: WalletFacts | null): SplitPlan;
  /** The locked path (accounts locked in id order, then wallet and reserved bindings) in ctx's transaction. */
  writeLocked(ctx: RequestContext): Promise<Settlement | null>;
  /** The first result of a serial that was taken meanwhile (S8); conflict if its payload differs. */
  winner(ctx: RequestContext): Promise<Settlement>;
}

/** payer_member_id, account_id, wallet_id, binding_id, amount_fen, from_reserve_fen */
type PayRow = [number, number | null, number | null, number | null, number, number];

export interface SettlementRowFacts {
  institutionId: number;
  requestHash: string;
  patientId: number;
  patientRegion: string;
  patientProvince: string;
  credentialType: string;
  credentialNoMasked: string;
}

/** The settlement row's columns, one row's placeholders and its values: shared by the single writer and the group commit. */
export const SETTLEMENT_COLUMNS = `institution_id, serial_no, request_hash, patient_id, credential_type, credential_no_masked, category,
  total_fen, pool_fen, self_pay_fen, acct_pay_fen, wallet_pay_fen, mulaid_pay_fen, cash_fen, reversed_fen, cash_reversed_fen,
  place_region, place_province, patient_region, patient_province, treated_at, acct_used_flag, offsite, status,
  policy_versions, drug_codes, created_at`;
export const SETTLEMENT_PLACEHOLDERS = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, 'SETTLED', ?, ?, ?)";

export function settlementRowValues(input: SettleInput, row: SettlementRowFacts, plan: SplitPlan, now: Date): unknown[] {
  return [
    row.institutionId,
    input.serialNo,
    row.requestHash,
    row.patientId,
    row.credentialType,
    row.credentialNoMasked,
    input.category,
    input.totalFen,
    input.poolFen,
    input.selfPayFen,
    plan.acctPayFen,
    plan.walletPayFen,
    plan.mulaidPayFen,
    plan.cashFen,
    input.placeRegion,
    provinceOf(input.placeRegion),
    row.patientRegion,
    row.patientProvince,
    sqlDate(new Date(input.treatedAt)),
    input.acctUsedFlag ? 1 : 0,
    input.placeRegion !== row.patientRegion ? 1 : 0,
    JSON.stringify(plan.policyVersions),
    JSON.stringify(input.drugCodes ?? []),
    sqlDate(now),
  ];
}

/** The settlement row's INSERT as a statement (group commit script, db/script.ts): its insertId is the settlement's id. */
export function settlementInsertStatement(input: SettleInput, row: SettlementRowFacts, plan: SplitPlan, now: Date): Stmt {
  return { sql: `INSERT INTO settlement (${SETTLEMENT_COLUMNS}) VALUES ${SETTLEMENT_PLACEHOLDERS}`, params: settlementRowValues(input, row, plan, now) };
}

/** A settlement's payment rows in split order (seq 1…): own account, wallet (W4), givers. */
function paymentRows(plan: SplitPlan, patientId: number): PayRow[] {
  const w = plan.walletPayment;
  return [
    ...plan.payments.filter((p) => p.bindingId === null).map((p) => [p.payerMemberId, p.accountId, null, null, p.amountFen, p.fromReserveFen] as PayRow),
    ...(w ? [[patientId, null, w.walletId, null, w.amountFen, 0] as PayRow] : []),
    ...plan.payments.filter((p) => p.bindingId !== null).map((p) => [p.payerMemberId, p.accountId, null, p.bindingId, p.amountFen, p.fromReserveFen] as PayRow),
  ];
}

/** The payment rows of one or more settlements as one multi-row INSERT; null when none pays. */
export function paymentsStatement(settlements: Array<{ settlementId: number; plan: SplitPlan; patientId: number }>): Stmt | null {
  const rows = settlements.flatMap((s) => paymentRows(s.plan, s.patientId).map((r, i) => [s.settlementId, i + 1, ...r]));
  if (!rows.length) return null;
  return {
    sql: `INSERT INTO settlement_payment (settlement_id, seq, payer_member_id, account_id, wallet_id, binding_id, amount_fen, from_reserve_fen, reversed_fen)
         VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, 0)').join(', ')}`,
    params: rows.flat(),
  };
}

/**
 * Insert and pay. Returns null when the serial was taken meanwhile (the caller reads the first result),
 * 'stale' when an optimistic write found a balance changed: some of it may be written, so the caller
 * MUST roll back its whole transaction, then write the settlement locked in a new one.
 */
export async function writeSettlement(
  ctx: RequestContext,
  input: SettleInput,
  row: SettlementRowFacts,
  plan: SplitPlan,
  mode: 'locked' | 'optimistic' = 'locked',
): Promise<Settlement | null | 'stale'> {
  let id: number;
  try {
    id = await insertReturningId(
      ctx.em,
      `INSERT INTO settlement (${SETTLEMENT_COLUMNS}) VALUES ${SETTLEMENT_PLACEHOLDERS}`,
      settlementRowValues(input, row, plan, ctx.now),
    );
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }

  const debits = plan.payments.map((p) => ({
    accountId: p.accountId,
    amountFen: p.amountFen,
    fromReserveFen: p.fromReserveFen,
    balanceAfterFen: p.balanceAfterFen,
    ref: { cause: 'SETTLEMENT' as const, settlementId: id, bindingId: p.bindingId, memo: p.bindingId === null ? '本人账户支付' : '家庭共济支付' },
  }));
  const w = plan.walletPayment;
  const insertPayments = async () => {
    const stmt = paymentsStatement([{ settlementId: id, plan, patientId: row.patientId }]);
    if (stmt) await ctx.em.query(stmt.sql, stmt.params);
  };
  /** W4: the wallet's debit (atomic, conditional); false when its balance no longer covers the plan. */
  const debitWallet = async () => !w || (await tryDebitWallet(ctx, w.walletId, w.amountFen, { cause: 'SETTLEMENT', settlementId: id })) !== null;
  if (mode === 'optimistic') {
    if (plan.payments.some((p) => p.fromReserveFen > 0)) throw new Error('an optimistic settlement cannot draw a reservation');
    await insertPayments();
    await emitEvent(ctx, { type: 'settlement.settled', subjectId: id, settlementId: id });
    if (!(await tryDebitUnlocked(ctx, debits)) || !(await debitWallet())) return 'stale';
    return built(id);
  }
  await debitLocked(ctx, debits);
  if (!(await debitWallet())) throw new Error(`wallet ${w?.walletId} changed under its lock`);
  for (const p of plan.payments)
    if (p.fromReserveFen > 0 && p.bindingId !== null) {
      const n = await execute(ctx.em, 'UPDATE binding SET reserved_fen = reserved_fen - ? WHERE id = ? AND reserved_fen >= ?', [p.fromReserveFen, p.bindingId, p.fromReserveFen]);
      if (n !== 1) throw new Error(`binding ${p.bindingId} reservation changed under its lock`);
    }
  await insertPayments();
  await emitEvent(ctx, { type: 'settlement.settled', subjectId: id, settlementId: id });
  return built(id);

  function built(settlementId: number): Settlement {
    return settlementResult(ctx, input, row, plan, settlementId);
  }
}

/** The settlement as written (no re-read): the mutation's result. */
export function settlementResult(ctx: RequestContext, input: SettleInput, row: SettlementRowFacts, plan: SplitPlan, settlementId: number): Settlement {
  const treatedAt = new Date(input.treatedAt);
  return ctx.em.create(Settlement, {
    id: settlementId,
    institutionId: row.institutionId,
    serialNo: input.serialNo,
    requestHash: row.requestHash,
    patientId: row.patientId,
    credentialType: row.credentialType,
    credentialNoMasked: row.credentialNoMasked,
    category: input.category,
    totalFen: input.totalFen,
    poolFen: input.poolFen,
    selfPayFen: input.selfPayFen,
    acctPayFen: plan.acctPayFen,
    walletPayFen: plan.walletPayFen,
    mulaidPayFen: plan.mulaidPayFen,
    cashFen: plan.cashFen,
    reversedFen: 0,
    cashReversedFen: 0,
    placeRegion: input.placeRegion,
    placeProvince: provinceOf(input.placeRegion),
    patientRegion: row.patientRegion,
    patientProvince: row.patientProvince,
    treatedAt,
    acctUsedFlag: input.acctUsedFlag,
    offsite: input.placeRegion !== row.patientRegion,
    status: 'SETTLED',
    policyVersions: plan.policyVersions,
    drugCodes: input.drugCodes ?? [],
    createdAt: ctx.now,
  });
}
