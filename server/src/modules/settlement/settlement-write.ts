/**
 * The one writer of a settlement: applies a plan (settlement-plan.ts) in the settlement's
 * transaction with a fixed number of statements, whatever the patient's or givers' history:
 *   INSERT settlement (final amounts; the unique (institution, serial) key is the S8 barrier)
 *   → one conditional UPDATE over the paying accounts + one multi-row ledger INSERT (account.service)
 *   → [binding reservations drawn, only when a payment drew one]
 *   → one multi-row settlement_payment INSERT
 *   → one outbox event (settlement.settled) for fraud detection and other consumers.
 */
import { provinceOf } from '@gongji/shared';
import type { RequestContext } from '../../core/context';
import { execute, insertReturningId, isUniqueViolation, sqlDate } from '../../db/database';
import { debitLocked } from '../account/account.service';
import { emitEvent } from '../outbox/outbox.service';
import type { SplitPlan } from './settlement-plan';
import { Settlement } from './settlement.entity';
import type { SettleInput } from './settlement.inputs';

export interface SettlementRowFacts {
  institutionId: number;
  requestHash: string;
  patientId: number;
  patientRegion: string;
  patientProvince: string;
  credentialType: string;
  credentialNoMasked: string;
}

/** Insert and pay. Returns null when the serial was taken meanwhile (the caller reads the first result). */
export async function writeSettlement(ctx: RequestContext, input: SettleInput, row: SettlementRowFacts, plan: SplitPlan): Promise<Settlement | null> {
  const treatedAt = new Date(input.treatedAt);
  const drugCodes = input.drugCodes ?? [];
  const offsite = input.placeRegion !== row.patientRegion;
  let id: number;
  try {
    id = await insertReturningId(
      ctx.em,
      `INSERT INTO settlement (institution_id, serial_no, request_hash, patient_id, credential_type, credential_no_masked, category,
         total_fen, pool_fen, self_pay_fen, acct_pay_fen, mulaid_pay_fen, cash_fen, reversed_fen, cash_reversed_fen,
         place_region, place_province, patient_region, patient_province, treated_at, acct_used_flag, offsite, status,
         policy_versions, drug_codes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, 'SETTLED', ?, ?, ?)`,
      [
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
        plan.mulaidPayFen,
        plan.cashFen,
        input.placeRegion,
        provinceOf(input.placeRegion),
        row.patientRegion,
        row.patientProvince,
        sqlDate(treatedAt),
        input.acctUsedFlag ? 1 : 0,
        offsite ? 1 : 0,
        JSON.stringify(plan.policyVersions),
        JSON.stringify(drugCodes),
        sqlDate(ctx.now),
      ],
    );
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }

  await debitLocked(
    ctx,
    plan.payments.map((p) => ({
      accountId: p.accountId,
      amountFen: p.amountFen,
      fromReserveFen: p.fromReserveFen,
      balanceAfterFen: p.balanceAfterFen,
      ref: { cause: 'SETTLEMENT' as const, settlementId: id, bindingId: p.bindingId, memo: p.bindingId === null ? '本人账户支付' : '家庭共济支付' },
    })),
  );
  for (const p of plan.payments)
    if (p.fromReserveFen > 0 && p.bindingId !== null) {
      const n = await execute(ctx.em, 'UPDATE binding SET reserved_fen = reserved_fen - ? WHERE id = ? AND reserved_fen >= ?', [p.fromReserveFen, p.bindingId, p.fromReserveFen]);
      if (n !== 1) throw new Error(`binding ${p.bindingId} reservation changed under its lock`);
    }
  if (plan.payments.length)
    await ctx.em.query(
      `INSERT INTO settlement_payment (settlement_id, seq, payer_member_id, account_id, binding_id, amount_fen, from_reserve_fen, reversed_fen)
       VALUES ${plan.payments.map(() => '(?, ?, ?, ?, ?, ?, ?, 0)').join(', ')}`,
      plan.payments.flatMap((p, i) => [id, i + 1, p.payerMemberId, p.accountId, p.bindingId, p.amountFen, p.fromReserveFen]),
    );
  await emitEvent(ctx, { type: 'settlement.settled', subjectId: id, settlementId: id });

  return ctx.em.create(Settlement, {
    id,
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
    offsite,
    status: 'SETTLED',
    policyVersions: plan.policyVersions,
    drugCodes,
    createdAt: ctx.now,
  });
}
