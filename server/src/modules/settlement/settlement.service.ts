/**
 * The settlement engine (S1–S12, S15). One settlement = one transaction with a constant number of
 * statements, independent of anyone's history (no look-back on the request path):
 *   validate (amounts, S15 bounds, S7 place = the institution's region, time)
 *   → ONE read: patient, credential owner, own account, 医保钱包 (W4), ACTIVE MUTUAL_AID bindings by
 *     priority with their givers and the givers' accounts
 *   → credential (S2 → F1 signal), status (S10 → F2 signal), category (S5), ceiling (S15)
 *   → plan the split (settlement-plan.ts, pure) with the policy versions in force on the treatment
 *     date (in-process cache, policy-lookup.ts), and write it (settlement-write.ts): INSERT settlement —
 *     the unique (institution, serial) key makes a concurrent duplicate wait for the first and return
 *     its result (S8) — payments, one outbox event, debits and ledger.
 *     Optimistic (MySQL/MariaDB, in a transaction of its own, no reservation or minimum balance
 *     involved): planned from the balances of the one read, debited last; a balance that moved
 *     meanwhile rolls the transaction back whole, and a new one takes the locked path (no savepoint:
 *     see settlement-write.ts).
 *     Locked: the payers' accounts locked in id order with their balances (FOR UPDATE) [+ the patient's
 *     wallet, W4] [+ reserved bindings], planned from those, then written.
 *   Fraud rules F3–F8 run from the event, after commit (modules/outbox).
 * A refusal changes nothing; its fraud signal (F1/F2) is written independently of the rollback. A
 * refusal first checks whether the serial already succeeded: a retry always returns the first result.
 */
import { FORBIDDEN_CATEGORIES, maskIdNumber, POOLING_REGION_BY_CODE, provinceOf, type CredentialType } from '@gongji/shared';
import { beijingDate, requireInstitution, type RequestContext } from '../../core/context';
import { lockAccounts, type LockedAccount } from '../account/account.service';
import { queueSignal } from '../fraud-signal/fraud-signal.service';
import { cachedPolicyInForce } from '../policy/policy-lookup';
import type { PolicyVersion } from '../policy/policy.entity';
import { assertCredentialWellFormed } from '../credential/credential.service';
import { log } from '../../ops/logger';
import { requestHash } from './request-hash';
import { planSplit, type GiverFacts, type WalletFacts } from './settlement-plan';
import { writeSettlement, type PreparedSettlement } from './settlement-write';
import { groupCommitEnabled, groupCommitLimits, submitToGroupCommit } from './settlement-batch';
import { Settlement } from './settlement.entity';
import {
  badAmounts,
  badTreatedAt,
  credentialMismatch,
  credentialUnknown,
  forbiddenCategory,
  networkSettlementBlocked,
  patientUnknown,
  placeNotInstitutionRegion,
  serialConflict,
  totalAboveCeiling,
  unknownPlace,
} from './settlement.errors';
import type { SettleInput } from './settlement.inputs';

const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const MAX_AGE_MS = 30 * 24 * 3600_000;

function maskCredential(type: string, no: string): string {
  if (type === '02') return maskIdNumber(no);
  return no.length <= 8 ? '*'.repeat(no.length) : `${no.slice(0, 4)}${'*'.repeat(no.length - 8)}${no.slice(-4)}`;
}

/** Input checks that need no database: S15 amounts, S7 place, treatment time. */
function validate(ctx: RequestContext, input: SettleInput, institutionRegion: string): void {
  for (const [field, v] of [['totalFen', input.totalFen], ['poolFen', input.poolFen], ['selfPayFen', input.selfPayFen]] as const)
    if (!Number.isSafeInteger(v) || v < 0) throw badAmounts(`${field} 必须是非负整数（分）(must be a non-negative integer of fen)`, field);
  if (input.totalFen <= 0) throw badAmounts('总金额必须大于 0 (total must be positive)');
  if (input.poolFen + input.selfPayFen !== input.totalFen)
    throw badAmounts(`统筹支付 ${input.poolFen} + 个人自付 ${input.selfPayFen} ≠ 总金额 ${input.totalFen} (pool + self-pay must equal the total)`);
  if (!POOLING_REGION_BY_CODE.has(input.placeRegion)) throw unknownPlace(input.placeRegion);
  // S7: the place of treatment is the institution's registered pooling region, never the caller's say.
  if (input.placeRegion !== institutionRegion) throw placeNotInstitutionRegion(input.placeRegion, institutionRegion);
  assertCredentialWellFormed(input.credentialType.slice(1) as CredentialType, input.credentialNo.trim().toUpperCase());
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

interface FactsRow {
  id: number | string;
  id_number: string;
  status: string;
  scheme: string;
  province_code: string;
  insured_region: string;
  suspended_until: string | null;
  offsite_account_permission: number | boolean;
  died_on: string | null;
  own_account_id: number | string | null;
  own_balance_fen: number | string | null;
  own_reserved_fen: number | string | null;
  wallet_id: number | string | null;
  wallet_balance_fen: number | string | null;
  cred_owner: number | string | null;
  binding_id: number | string | null;
  giver_id: number | string | null;
  reserved_fen: number | string | null;
  single_limit_fen: number | string | null;
  g_status: string | null;
  g_scheme: string | null;
  g_province: string | null;
  g_region: string | null;
  g_account_id: number | string | null;
  g_balance_fen: number | string | null;
  g_reserved_fen: number | string | null;
}

const FACTS_SELECT = (cred: string) => `SELECT p.id, p.id_number, p.status, p.scheme, p.province_code, p.insured_region,
            CAST(p.suspended_until AS CHAR) AS suspended_until, p.offsite_account_permission, CAST(p.died_on AS CHAR) AS died_on,
            pa.id AS own_account_id, pa.balance_fen AS own_balance_fen, pa.reserved_fen AS own_reserved_fen, ${cred} AS cred_owner,
            w.id AS wallet_id, w.balance_fen AS wallet_balance_fen,
            b.id AS binding_id, b.giver_id, b.reserved_fen, b.single_limit_fen,
            g.status AS g_status, g.scheme AS g_scheme, g.province_code AS g_province, g.insured_region AS g_region,
            ga.id AS g_account_id, ga.balance_fen AS g_balance_fen, ga.reserved_fen AS g_reserved_fen
       FROM member p
       LEFT JOIN personal_account pa ON pa.member_id = p.id
       LEFT JOIN wallet_account w ON w.member_id = p.id
       LEFT JOIN binding b ON b.beneficiary_id = p.id AND b.state = 'ACTIVE' AND b.kind = 'MUTUAL_AID'
       LEFT JOIN member g ON g.id = b.giver_id
       LEFT JOIN personal_account ga ON ga.member_id = b.giver_id`;

/** The patient, the credential's owner, and everything the split may touch: one statement. */
async function readFacts(ctx: RequestContext, idNumber: string, credentialType: CredentialType, credentialNo: string): Promise<FactsRow[]> {
  // Under group commit (autocommit reads) concurrent requests presenting the ID card share one read.
  // Never from inside a transaction: a transaction waiting on the shared read while that read waits
  // for a pooled connection (all held by such transactions) would deadlock the pool.
  if (ctx.autocommit && ctx.em === ctx.db.dataSource.manager && credentialType === '02' && !ctx.db.isSqlite && groupCommitEnabled())
    return readFactsTogether(ctx, idNumber);
  const cred = credentialType === '02' ? 'NULL' : '(SELECT c.member_id FROM member_credential c WHERE c.type = ? AND c.number = ? AND c.active = 1 LIMIT 1)';
  return ctx.em.query(`${FACTS_SELECT(cred)}
      WHERE p.id_number = ?
      ORDER BY b.priority, b.id`, credentialType === '02' ? [idNumber] : [credentialType, credentialNo, idNumber]);
}

/**
 * The facts of several patients in one statement (autocommit, READ COMMITTED: the same rows each
 * would have read alone). Requests queue while a read is running and leave together as the next one,
 * at most GONGJI_GROUP_COMMIT_IN_FLIGHT reads at a time — no timer, so a lone request reads at once.
 */
const factsLanes = new WeakMap<object, { queue: Array<{ ctx: RequestContext; idNumber: string; resolve(rows: FactsRow[]): void; reject(e: unknown): void }>; running: number }>();

function readFactsTogether(ctx: RequestContext, idNumber: string): Promise<FactsRow[]> {
  let lane = factsLanes.get(ctx.db);
  if (!lane) factsLanes.set(ctx.db, (lane = { queue: [], running: 0 }));
  const l = lane;
  return new Promise((resolve, reject) => {
    l.queue.push({ ctx, idNumber, resolve, reject });
    const pump = () => {
      // As many reads at once, and as many patients in one, as group commit has batches (GONGJI_GROUP_COMMIT_IN_FLIGHT, _MAX).
      const { inFlight, maxBatch } = groupCommitLimits();
      while (l.running < inFlight && l.queue.length) {
        const batch = l.queue.splice(0, maxBatch);
        l.running++;
        const ids = [...new Set(batch.map((b) => b.idNumber))];
        // On the pool (autocommit), never on one of the requests' transactions.
        batch[0].ctx.db.dataSource.manager
          .query(`${FACTS_SELECT('NULL')}\n      WHERE p.id_number IN (${ids.map(() => '?').join(',')})\n      ORDER BY p.id, b.priority, b.id`, ids)
          .then(
            (rows: FactsRow[]) => {
              const by = new Map<string, FactsRow[]>();
              for (const r of rows) {
                const key = String(r.id_number).toUpperCase();
                const list = by.get(key);
                if (list) list.push(r);
                else by.set(key, [r]);
              }
              for (const b of batch) b.resolve(by.get(b.idNumber.toUpperCase()) ?? []);
            },
            (e: unknown) => batch.forEach((b) => b.reject(e)),
          )
          .finally(() => {
            l.running--;
            pump();
          });
      }
    };
    pump();
  });
}

/**
 * Lock reserved bindings in id order (after the accounts) and re-read their reservation and single
 * limit. An unreserved binding keeps the values read before: a reservation can only appear together
 * with a rise of the giver account's reserved total, which needs the account lock we hold — so a
 * stale 0 can only make us draw less, exactly as if that reservation had committed afterwards.
 */
async function lockReservedBindings(ctx: RequestContext, ids: number[]): Promise<Map<number, { reservedFen: number; singleLimitFen: number | null }>> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const out = new Map<number, { reservedFen: number; singleLimitFen: number | null }>();
  if (!sorted.length) return out;
  const forUpdate = ctx.db.isSqlite ? '' : ' FOR UPDATE';
  const rows: Array<{ id: number | string; reserved_fen: number | string; single_limit_fen: number | string | null }> = await ctx.em.query(
    `SELECT id, reserved_fen, single_limit_fen FROM binding WHERE id IN (${sorted.map(() => '?').join(',')}) ORDER BY id${forUpdate}`,
    sorted,
  );
  for (const r of rows) out.set(Number(r.id), { reservedFen: Number(r.reserved_fen), singleLimitFen: r.single_limit_fen === null ? null : Number(r.single_limit_fen) });
  return out;
}

const num = (v: number | string | null): number | null => (v === null || v === undefined ? null : Number(v));

/** W4: lock the patient's wallet (after the personal accounts) and read its balance. */
async function lockWallet(ctx: RequestContext, walletId: number): Promise<WalletFacts | null> {
  const forUpdate = ctx.db.isSqlite ? '' : ' FOR UPDATE';
  const rows: Array<{ id: number | string; balance_fen: number | string }> = await ctx.em.query(`SELECT id, balance_fen FROM wallet_account WHERE id = ?${forUpdate}`, [walletId]);
  return rows.length ? { id: Number(rows[0].id), balanceFen: Number(rows[0].balance_fen) } : null;
}

/** Thrown out of an optimistic write whose read went stale: its transaction must be rolled back whole. */
class StaleRead extends Error {
  constructor() {
    super('a balance moved since it was read: roll back and settle again under locks');
  }
}

/**
 * S1–S12: settle. Under group commit (MySQL/MariaDB; the operation opened no transaction, see
 * core/transaction-plugin.ts) the checks run on autocommit reads and the write joins a shared
 * transaction (settlement-batch.ts); anything the batch cannot take — or a batch that fails — runs
 * the single-settlement path below in a transaction of its own, so each request gets exactly the
 * result it would have had alone.
 */
export async function settle(ctx: RequestContext, input: SettleInput): Promise<Settlement> {
  if (ctx.autocommit && !ctx.db.isSqlite) {
    const prepared = await prepareSettlement(ctx, input);
    if (prepared instanceof Settlement) return traced(ctx, prepared, 'first result');
    return settlePrepared(ctx, prepared);
  }
  // In a transaction the caller owns (SQLite, tools, tests): the locked path, which never needs to
  // roll back what it wrote.
  return settleSingle(ctx, input, false);
}

/**
 * A settlement prepared on autocommit reads (ctx.autocommit, MySQL/MariaDB): through the group commit
 * when it can take it, else — or when its batch gave it back — written in a transaction of its own
 * from those reads: optimistic where it applies (the conditional debit guards the balances read), else
 * locked; a serial taken meanwhile returns the first result (S8). If a balance moved under the
 * optimistic write, that transaction is rolled back whole and a second one settles again, locked.
 */
export async function settlePrepared(ctx: RequestContext, prepared: PreparedSettlement): Promise<Settlement> {
  if (prepared.optimistic && groupCommitEnabled()) {
    const grouped = await submitToGroupCommit(ctx, prepared);
    if (grouped) return traced(ctx, grouped, 'group commit');
  }
  try {
    return traced(ctx, await inOwnTransaction(ctx, () => writePrepared(ctx, prepared, true)), 'alone');
  } catch (e) {
    if (!(e instanceof StaleRead)) throw e;
    return traced(ctx, await inOwnTransaction(ctx, () => settleSingle(ctx, prepared.input, false)), 'alone, locked after a stale read');
  }
}

/** Debug level (the cluster test's API nodes): which path answered a serial, with which id. */
function traced(ctx: RequestContext, s: Settlement, via: string): Settlement {
  log().debug({ requestId: ctx.requestId, serialNo: s.serialNo, settlementId: s.id, via }, 'settled');
  return s;
}

async function inOwnTransaction<T>(ctx: RequestContext, fn: () => Promise<T>): Promise<T> {
  const { em, autocommit } = ctx;
  try {
    return await ctx.db.transaction(async (tx) => {
      // Inside a transaction now: every read goes through it (none joins the shared autocommit read).
      ctx.em = tx;
      ctx.autocommit = false;
      return fn();
    });
  } finally {
    ctx.em = em;
    ctx.autocommit = autocommit;
  }
}

/** One settlement in ctx's transaction; `optimistic` only where that transaction is ours to roll back. */
async function settleSingle(ctx: RequestContext, input: SettleInput, optimistic: boolean): Promise<Settlement> {
  const prepared = await prepareSettlement(ctx, input);
  if (prepared instanceof Settlement) return prepared;
  return writePrepared(ctx, prepared, optimistic);
}

/**
 * The checks and the read: returns the serial's first result (a retry, S8), throws the refusal, or
 * returns what the write needs.
 */
export async function prepareSettlement(ctx: RequestContext, input: SettleInput): Promise<Settlement | PreparedSettlement> {
  const inst = requireInstitution(ctx);
  const hash = requestHash(input);
  // Every refusal first looks for the serial's first result: a retry returns it (S8) even if the
  // facts have changed since, and a reused serial with another payload is a conflict.
  const refuse = async (err: Error, signal?: () => void): Promise<Settlement> => {
    const first = await existingResult(ctx, inst.id, input.serialNo, hash);
    if (first) return first;
    signal?.();
    throw err;
  };
  try {
    validate(ctx, input, inst.regionCode);
  } catch (e) {
    return refuse(e as Error);
  }
  const credentialType = input.credentialType.slice(1) as CredentialType;
  const presented = input.credentialNo.trim().toUpperCase();
  const treatedAt = new Date(input.treatedAt);
  const treatedOn = beijingDate(treatedAt); // the one date every policy decision uses

  const rows = await readFacts(ctx, input.patientIdNumber.trim().toUpperCase(), credentialType, presented);
  if (!rows.length) return refuse(patientUnknown());
  const p = rows[0];
  const patient = {
    id: Number(p.id),
    idNumber: p.id_number,
    status: p.status,
    scheme: p.scheme,
    provinceCode: p.province_code,
    insuredRegion: p.insured_region,
    suspendedUntil: p.suspended_until,
    diedOn: p.died_on,
    offsiteAccountPermission: Boolean(Number(p.offsite_account_permission)),
  };
  const signalBase = { institutionId: inst.id, memberId: patient.id, regionCode: patient.insuredRegion };

  // S2 / F1: the credential must be the patient's own.
  let credOwner: number | null;
  if (credentialType === '02') {
    if (presented === patient.idNumber) credOwner = patient.id;
    else {
      const owner: Array<{ id: number | string }> = await ctx.em.query('SELECT id FROM member WHERE id_number = ?', [presented]);
      credOwner = owner.length ? Number(owner[0].id) : null;
    }
  } else credOwner = num(p.cred_owner);
  if (credOwner !== patient.id) {
    const mismatch = credOwner !== null;
    return refuse(mismatch ? credentialMismatch() : credentialUnknown(), () =>
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
          credentialNo: maskCredential(credentialType, presented),
          credentialOwnerId: mismatch ? credOwner : null,
          category: input.category,
          selfPayFen: input.selfPayFen,
          treatedAt: treatedAt.toISOString(),
        },
      }),
    );
  }

  // S10 / F2: deceased, suspended, terminated or uninsured members cannot settle through the network.
  if (patient.status === 'DECEASED')
    return refuse(networkSettlementBlocked(`参保人已死亡 (deceased ${patient.diedOn ?? ''})`), () =>
      queueSignal(ctx, {
        ...signalBase,
        rule: 'F2',
        dedupKey: `F2:${inst.id}:${input.serialNo}`,
        score: 95,
        summary: '已死亡参保人发生结算 (settlement attempted for a deceased member)',
        evidence: { check: 'deceased-patient', institution: inst.code, serialNo: input.serialNo, patientId: patient.id, diedOn: patient.diedOn, treatedAt: treatedAt.toISOString(), selfPayFen: input.selfPayFen },
      }),
    );
  if (patient.status === 'TERMINATED' || patient.scheme === 'NONE') return refuse(networkSettlementBlocked('未参加基本医保 (not insured)'));
  if (patient.status === 'SUSPENDED' || (patient.suspendedUntil && patient.suspendedUntil >= treatedOn))
    return refuse(networkSettlementBlocked(`暂停联网结算至 ${patient.suspendedUntil ?? '另行通知'} (network settlement suspended)`));

  // S5: never-allowed categories.
  if (FORBIDDEN_CATEGORIES.includes(input.category)) return refuse(forbiddenCategory(input.category));

  // The policy versions in force on the treatment date (cached): the patient's, every giver's, and the
  // patient's insured region's province (E7's beneficiary side).
  const policies = new Map<string, PolicyVersion>();
  const provinces = new Set([patient.provinceCode, provinceOf(patient.insuredRegion)]);
  for (const r of rows) if (r.g_province) provinces.add(r.g_province);
  for (const pc of provinces) policies.set(pc, await cachedPolicyInForce(ctx.em, pc, treatedOn));
  const policyOf = (pc: string) => {
    const v = policies.get(pc);
    if (!v) throw new Error(`policy of province ${pc} not loaded`);
    return v;
  };

  // S15: the total is bounded by the patient's regional policy.
  const ceiling = policyOf(patient.provinceCode).rules.settlementMaxTotalFen;
  if (input.totalFen > ceiling) return refuse(totalAboveCeiling(input.totalFen, ceiling));

  // What may pay: the own account (EMPLOYEE, used) and every active EMPLOYEE giver's account.
  // Off-site without permission or nothing to pay: no account is touched, nothing is locked.
  const offsite = input.placeRegion !== patient.insuredRegion;
  const mayUseAccounts = input.selfPayFen > 0 && (!offsite || patient.offsiteAccountPermission);
  const ownAccountId = patient.scheme === 'EMPLOYEE' ? num(p.own_account_id) : null;
  const bindingRows = rows.filter((r) => r.binding_id !== null);
  const payers = mayUseAccounts
    ? [
        ...(ownAccountId !== null && input.acctUsedFlag && patient.status === 'ACTIVE' ? [ownAccountId] : []),
        ...bindingRows.filter((r) => r.g_account_id !== null && r.g_status === 'ACTIVE' && r.g_scheme === 'EMPLOYEE').map((r) => Number(r.g_account_id)),
      ]
    : [];
  const rowFacts = {
    institutionId: inst.id,
    requestHash: hash,
    patientId: patient.id,
    patientRegion: patient.insuredRegion,
    patientProvince: patient.provinceCode,
    credentialType,
    credentialNoMasked: maskCredential(credentialType, presented),
  };
  // W4: the wallet takes part only when it might pay (the planner decides the policy questions).
  const walletId = mayUseAccounts && input.acctUsedFlag && patient.status === 'ACTIVE' ? num(p.wallet_id) : null;
  const plan = (accounts: Map<number, LockedAccount>, reserved: Map<number, { reservedFen: number; singleLimitFen: number | null }>, wallet: WalletFacts | null) => {
    const accountFacts = (id: number | null) => {
      const a = id === null ? undefined : accounts.get(id);
      return a ? { id: a.id, balanceFen: a.balanceFen, reservedFen: a.reservedFen } : null;
    };
    const givers: GiverFacts[] = bindingRows.map((r) => {
      const bid = Number(r.binding_id);
      const fresh = reserved.get(bid);
      return {
        bindingId: bid,
        giverId: Number(r.giver_id),
        reservedFen: fresh?.reservedFen ?? Number(r.reserved_fen),
        singleLimitFen: fresh ? fresh.singleLimitFen : num(r.single_limit_fen),
        giverStatus: r.g_status ?? 'UNKNOWN',
        giverScheme: r.g_scheme ?? 'UNKNOWN',
        giverProvince: r.g_province ?? '',
        giverRegion: r.g_region ?? '',
        account: accountFacts(num(r.g_account_id)),
      };
    });
    return planSplit(
      { patient, category: input.category, selfPayFen: input.selfPayFen, placeRegion: input.placeRegion, acctUsedFlag: input.acctUsedFlag, ownAccount: accountFacts(ownAccountId), wallet, givers },
      policyOf,
    );
  };

  // Optimistic first (MySQL/MariaDB): plan from the balances just read, write everything, debit last —
  // a hot giver's row is then locked only from the debit to the commit. Not when a reservation is
  // involved, a minimum balance decides (S5 commercial insurance), or one account backs two bindings.
  const optimistic =
    !ctx.db.isSqlite &&
    new Set(payers).size === payers.length &&
    input.category !== 'COMMERCIAL_HEALTH_INSURANCE' &&
    bindingRows.every((r) => Number(r.reserved_fen) === 0 && Number(r.g_reserved_fen ?? 0) === 0) &&
    Number(p.own_reserved_fen ?? 0) === 0;
  const read = new Map<number, LockedAccount>();
  if (p.own_account_id !== null) read.set(Number(p.own_account_id), { id: Number(p.own_account_id), balanceFen: Number(p.own_balance_fen), reservedFen: Number(p.own_reserved_fen) });
  for (const r of bindingRows)
    if (r.g_account_id !== null) read.set(Number(r.g_account_id), { id: Number(r.g_account_id), balanceFen: Number(r.g_balance_fen), reservedFen: Number(r.g_reserved_fen) });
  return {
    input,
    institutionId: inst.id,
    hash,
    rowFacts,
    payers,
    optimistic,
    read,
    wallet: walletId === null ? null : { id: walletId, balanceFen: Number(p.wallet_balance_fen) },
    plan,
    // Locked: the payers' accounts in id order with their balances read in the same statement, then
    // the bindings that hold a reservation; the plan cannot be overtaken.
    writeLocked: async (c) => {
      const locked = await lockAccounts(c.em, payers);
      const wallet = walletId === null || Number(p.wallet_balance_fen) <= 0 ? null : await lockWallet(c, walletId);
      const reserved = mayUseAccounts ? await lockReservedBindings(c, bindingRows.filter((r) => Number(r.reserved_fen) > 0).map((r) => Number(r.binding_id))) : new Map();
      const out = await writeSettlement(c, input, rowFacts, plan(locked, reserved, wallet), 'locked');
      if (out === 'stale') throw new Error('a locked settlement write cannot be stale');
      return out;
    },
    winner: async (c) => {
      // Lost the race for this serial: the winner has committed (its unique-key lock released), so it is visible.
      const first = await existingResult(c, inst.id, input.serialNo, hash);
      if (!first) throw new Error(`serial ${input.serialNo} is taken but its settlement is not visible`);
      return first;
    },
  };
}

/**
 * Write a prepared settlement in ctx's transaction: locked, or optimistic when asked (only where the
 * transaction is the caller's own to roll back) and it applies.
 * An optimistic write whose read went stale throws StaleRead: the caller rolls the transaction back.
 */
export async function writePrepared(ctx: RequestContext, prepared: PreparedSettlement, optimistic = false): Promise<Settlement> {
  let settled: Settlement | null | 'stale';
  if (optimistic && prepared.optimistic) {
    settled = await writeSettlement(ctx, prepared.input, prepared.rowFacts, prepared.plan(prepared.read, new Map(), prepared.wallet), 'optimistic');
    if (settled === 'stale') throw new StaleRead();
  } else settled = await prepared.writeLocked(ctx);
  return settled ?? prepared.winner(ctx);
}
