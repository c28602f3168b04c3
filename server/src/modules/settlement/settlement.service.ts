/**
 * The settlement engine (S1–S12). One settlement = one transaction:
 *   validate → idempotency (S8) → patient, credential (S2/F1), status (S10/F2), category (S5)
 *   → insert the settlement row (the unique serial serialises duplicates) → split (S3) → record payments.
 * A refusal changes nothing; its fraud signal is written independently.
 */
import { FORBIDDEN_CATEGORIES, maskIdNumber, POOLING_REGION_BY_CODE, provinceOf } from '@gongji/shared';
import { beijingDate, requireInstitution, type RequestContext } from '../../core/context';
import { execute, isUniqueViolation } from '../../db/database';
import { checkCredential } from '../credential/credential.service';
import { queueSignal } from '../fraud-signal/fraud-signal.service';
import { Member } from '../member/member.entity';
import { emitEvent } from '../outbox/outbox.service';
import { requestHash } from './request-hash';
import { splitSelfPay } from './settlement-split';
import { Settlement } from './settlement.entity';
import {
  badAmounts,
  badTreatedAt,
  credentialMismatch,
  credentialUnknown,
  forbiddenCategory,
  networkSettlementBlocked,
  patientUnknown,
  serialConflict,
  unknownPlace,
} from './settlement.errors';
import type { SettleInput } from './settlement.inputs';

const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const MAX_AGE_MS = 30 * 24 * 3600_000;

function maskCredential(type: string, no: string): string {
  if (type === '02') return maskIdNumber(no);
  return no.length <= 8 ? '*'.repeat(no.length) : `${no.slice(0, 4)}${'*'.repeat(no.length - 8)}${no.slice(-4)}`;
}


function validate(ctx: RequestContext, input: SettleInput): void {
  for (const [field, v] of [['totalFen', input.totalFen], ['poolFen', input.poolFen], ['selfPayFen', input.selfPayFen]] as const)
    if (!Number.isSafeInteger(v) || v < 0) throw badAmounts(`${field} 必须是非负整数（分）(must be a non-negative integer of fen)`, field);
  if (input.totalFen <= 0) throw badAmounts('总金额必须大于 0 (total must be positive)');
  if (input.poolFen + input.selfPayFen !== input.totalFen)
    throw badAmounts(`统筹支付 ${input.poolFen} + 个人自付 ${input.selfPayFen} ≠ 总金额 ${input.totalFen} (pool + self-pay must equal the total)`);
  if (!POOLING_REGION_BY_CODE.has(input.placeRegion)) throw unknownPlace(input.placeRegion);
  const t = new Date(input.treatedAt).getTime();
  if (!Number.isFinite(t) || t > ctx.now.getTime() + MAX_CLOCK_SKEW_MS || t < ctx.now.getTime() - MAX_AGE_MS) throw badTreatedAt();
}

/** The first result for (institution, serial), or a conflict when the payload differs (S8). */
async function existingResult(ctx: RequestContext, institutionId: number, serialNo: string, hash: string): Promise<Settlement | null> {
  // READ COMMITTED (MySQL) or the single connection (SQLite): a winner that just committed is visible.
  // The common case is a new serial: look at the key and the hash only, load the row when there is one.
  const rows: Array<{ id: number | string; request_hash: string }> = await ctx.em.query(
    'SELECT id, request_hash FROM settlement WHERE institution_id = ? AND serial_no = ?',
    [institutionId, serialNo],
  );
  if (!rows.length) return null;
  if (rows[0].request_hash !== hash) throw serialConflict(serialNo);
  return ctx.em.findOneByOrFail(Settlement, { id: Number(rows[0].id) });
}

export async function settle(ctx: RequestContext, input: SettleInput): Promise<Settlement> {
  const inst = requireInstitution(ctx);
  validate(ctx, input);
  const hash = requestHash(input);
  const credentialType = input.credentialType.slice(1) as '01' | '02' | '03';
  const first = await existingResult(ctx, inst.id, input.serialNo, hash);
  if (first) return first;

  const patient = await ctx.em.findOneBy(Member, { idNumber: input.patientIdNumber.trim().toUpperCase() });
  if (!patient) throw patientUnknown();
  const signalBase = { institutionId: inst.id, memberId: patient.id, regionCode: patient.insuredRegion };

  // S2 / F1: the credential must be the patient's own.
  const cred = await checkCredential(ctx.em, patient, credentialType, input.credentialNo);
  if (!cred.ok) {
    const mismatch = cred.reason === 'MISMATCH';
    queueSignal(ctx, {
      ...signalBase,
      rule: 'F1',
      dedupKey: `F1:${inst.id}:${input.serialNo}`,
      score: mismatch ? 90 : 50,
      summary: mismatch ? '结算凭证属于他人，疑似冒名就医 (credential belongs to another member)' : '结算凭证无法识别 (unknown credential presented)',
      evidence: {
        check: mismatch ? 'credential-owner-mismatch' : 'credential-unknown',
        institution: inst.code,
        serialNo: input.serialNo,
        patientId: patient.id,
        credentialType,
        credentialNo: maskCredential(credentialType, input.credentialNo.trim().toUpperCase()),
        credentialOwnerId: mismatch ? cred.ownerId : null,
        category: input.category,
        selfPayFen: input.selfPayFen,
        treatedAt: new Date(input.treatedAt).toISOString(),
      },
    });
    throw mismatch ? credentialMismatch() : credentialUnknown();
  }

  // S10 / F2: deceased, suspended, terminated or uninsured members cannot settle through the network.
  const treatedOn = beijingDate(new Date(input.treatedAt));
  if (patient.status === 'DECEASED') {
    queueSignal(ctx, {
      ...signalBase,
      rule: 'F2',
      dedupKey: `F2:${inst.id}:${input.serialNo}`,
      score: 95,
      summary: '已死亡参保人发生结算 (settlement attempted for a deceased member)',
      evidence: { check: 'deceased-patient', institution: inst.code, serialNo: input.serialNo, patientId: patient.id, diedOn: patient.diedOn, treatedAt: new Date(input.treatedAt).toISOString(), selfPayFen: input.selfPayFen },
    });
    throw networkSettlementBlocked(`参保人已死亡 (deceased ${patient.diedOn ?? ''})`);
  }
  if (patient.status === 'TERMINATED' || patient.scheme === 'NONE') throw networkSettlementBlocked('未参加基本医保 (not insured)');
  if (patient.status === 'SUSPENDED' || (patient.suspendedUntil && patient.suspendedUntil >= treatedOn))
    throw networkSettlementBlocked(`暂停联网结算至 ${patient.suspendedUntil ?? '另行通知'} (network settlement suspended)`);

  // S5: never-allowed categories.
  if (FORBIDDEN_CATEGORIES.includes(input.category)) throw forbiddenCategory(input.category);

  // Insert first: a concurrent duplicate blocks on the unique (institution, serial) index here.
  const row = ctx.em.create(Settlement, {
    institutionId: inst.id,
    serialNo: input.serialNo,
    requestHash: hash,
    patientId: patient.id,
    credentialType,
    credentialNoMasked: maskCredential(credentialType, input.credentialNo.trim().toUpperCase()),
    category: input.category,
    totalFen: input.totalFen,
    poolFen: input.poolFen,
    selfPayFen: input.selfPayFen,
    acctPayFen: 0,
    mulaidPayFen: 0,
    cashFen: input.selfPayFen,
    reversedFen: 0,
    cashReversedFen: 0,
    placeRegion: input.placeRegion,
    placeProvince: provinceOf(input.placeRegion),
    patientRegion: patient.insuredRegion,
    patientProvince: patient.provinceCode,
    treatedAt: new Date(input.treatedAt),
    acctUsedFlag: input.acctUsedFlag,
    offsite: input.placeRegion !== patient.insuredRegion,
    status: 'SETTLED',
    policyVersions: [],
    drugCodes: input.drugCodes ?? [],
  });
  try {
    await ctx.em.insert(Settlement, row);
    row.id = Number(row.id); // MySQL hands a fresh BIGINT id back as a string
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const winner = await existingResult(ctx, inst.id, input.serialNo, hash);
    if (winner) return winner;
    throw e;
  }

  const split = await splitSelfPay(ctx, {
    settlementId: row.id,
    patient,
    category: input.category,
    selfPayFen: input.selfPayFen,
    treatedAt: new Date(input.treatedAt),
    placeRegion: input.placeRegion,
    acctUsedFlag: input.acctUsedFlag,
  });
  // Plain statements for the two writes (no entity machinery on the hot path).
  if (split.payments.length)
    await ctx.em.query(
      `INSERT INTO settlement_payment (settlement_id, seq, payer_member_id, account_id, binding_id, amount_fen, from_reserve_fen, reversed_fen)
       VALUES ${split.payments.map(() => '(?, ?, ?, ?, ?, ?, ?, 0)').join(', ')}`,
      split.payments.flatMap((p, i) => [row.id, i + 1, p.payerMemberId, p.accountId, p.bindingId, p.amountFen, p.fromReserveFen]),
    );
  const n = await execute(ctx.em, 'UPDATE settlement SET acct_pay_fen = ?, mulaid_pay_fen = ?, cash_fen = ?, policy_versions = ? WHERE id = ?', [
    split.acctPayFen,
    split.mulaidPayFen,
    split.cashFen,
    JSON.stringify(split.policyVersions), // the column is simple-json
    row.id,
  ]);
  if (n !== 1) throw new Error(`settlement ${row.id} vanished inside its own transaction`);
  // The row as stored: its generated columns came back with the INSERT, the split was just written.
  const settled = Object.assign(row, {
    acctPayFen: split.acctPayFen,
    mulaidPayFen: split.mulaidPayFen,
    cashFen: split.cashFen,
    policyVersions: split.policyVersions,
  });
  await emitEvent(ctx, { type: 'settlement.settled', subjectId: settled.id, settlementId: settled.id }); // fraud, dashboards: after commit
  return settled;
}
