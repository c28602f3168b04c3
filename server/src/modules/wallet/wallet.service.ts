/**
 * W1–W5: 医保钱包 transfers. Sending debits the sender's personal account (WALLET_SEND) and holds the
 * money in the PENDING transfer; accepting credits the recipient's wallet (WALLET_ACCEPT); declining
 * or expiry returns it to the sender (WALLET_RETURN). Transfers of one sender are serialised by the
 * row lock on the sender's personal account, under which the daily count and the request id are read,
 * so concurrent requests cannot exceed the daily limit or take effect twice.
 */
import { maskName, normalizeIdNumber } from '@gongji/shared';
import type { ContextDeps, RequestContext } from '../../core/context';
import { requireMember, requireStaff, runInContext, today } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { paginate, type ListArgs } from '../../core/pagination';
import { execute } from '../../db/database';
import { PersonalAccount } from '../account/account.entity';
import { credit, lockAccounts, tryDebitAvailable } from '../account/account.service';
import { appendAudit } from '../audit/audit.service';
import { checkBeneficiary, checkConsistency, checkRelationshipAllowed, parseRelationship } from '../binding/binding-rules';
import { redirectCreditAfterClosure } from '../closure/closure.service';
import { Member } from '../member/member.entity';
import { getMember } from '../member/member.service';
import { emitEvent } from '../outbox/outbox.service';
import { policyInForce } from '../policy/policy-lookup';
import { creditWallet, openWallet, walletOfMember } from './wallet-account.service';
import { WalletAccount, WalletLedgerEntry, WalletTransfer } from './wallet.entity';
import {
  insufficientForTransfer,
  notARelative,
  overDailyCount,
  overPerTransfer,
  quietHours,
  requestIdReused,
  selfTransfer,
  senderNotEligible,
  senderSuspended,
  transferNotPending,
  walletsNotAllowed,
} from './wallet.errors';
import type { SendWalletTransferInput } from './wallet.inputs';

/** Beijing wall-clock HH:MM of an instant. */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
}

/** W2: is `time` (HH:MM) inside the quiet period [from, until)? The period may wrap midnight. */
export function inQuietHours(time: string, from: string, until: string): boolean {
  if (from === until) return false;
  return from < until ? time >= from && time < until : time >= from || time < until;
}

export async function sendTransfer(ctx: RequestContext, input: SendWalletTransferInput): Promise<WalletTransfer> {
  const me = await ctx.em.findOneByOrFail(Member, { id: requireMember(ctx).id });
  const account = await ctx.em.findOneBy(PersonalAccount, { memberId: me.id });
  if (me.scheme !== 'EMPLOYEE' || !account) throw senderNotEligible();
  // One sender's transfers queue here; everything below reads what earlier ones committed.
  const locked = (await lockAccounts(ctx.em, [account.id])).get(account.id)!;
  const previous = await ctx.em.findOneBy(WalletTransfer, { senderId: me.id, requestId: input.requestId });
  if (previous) {
    // W5: the same request again has the same (one) effect.
    if (previous.amountFen !== input.amountFen || previous.recipientId !== (await recipientIdOf(ctx, input))) throw requestIdReused();
    return previous;
  }
  const on = today(ctx);
  if (me.status !== 'ACTIVE') throw senderNotEligible();
  if (me.suspendedUntil && me.suspendedUntil >= on) throw senderSuspended(me.suspendedUntil); // W5 (S10)
  const recipient = await ctx.em.findOneBy(Member, { idNumber: normalizeIdNumber(input.recipientIdNumber) });
  if (!recipient || recipient.name !== input.recipientName.trim()) throw notARelative(); // E6
  if (recipient.id === me.id) throw selfTransfer();
  checkBeneficiary(recipient); // the recipient is insured and ACTIVE (E2)
  const relationship = parseRelationship(input.relationship);
  const mine = await policyInForce(ctx.em, me.provinceCode, on);
  const theirs = await policyInForce(ctx.em, recipient.provinceCode, on);
  if (!mine.rules.wallet.enabled) throw walletsNotAllowed(me.provinceCode); // W1: both sides
  if (!theirs.rules.wallet.enabled) throw walletsNotAllowed(recipient.provinceCode);
  checkRelationshipAllowed(mine, relationship); // E3
  checkConsistency(relationship, me, recipient, on); // E5
  const w = mine.rules.wallet;
  const now = beijingTime(ctx.now);
  if (inQuietHours(now, w.quietFrom, w.quietUntil)) throw quietHours(w.quietFrom, w.quietUntil);
  if (input.amountFen > w.maxTransferFen) throw overPerTransfer(w.maxTransferFen);
  const sentToday = await ctx.em.count(WalletTransfer, { where: { senderId: me.id, beijingDay: on } });
  if (sentToday >= w.maxTransfersPerDay) throw overDailyCount(w.maxTransfersPerDay);

  const transfer = await ctx.em.save(
    WalletTransfer,
    ctx.em.create(WalletTransfer, {
      senderId: me.id,
      recipientId: recipient.id,
      relationship,
      amountFen: input.amountFen,
      state: 'PENDING',
      requestId: input.requestId,
      beijingDay: on,
      expiresAt: new Date(ctx.now.getTime() + w.acceptanceDays * 24 * 3600_000),
      decidedAt: null,
    }),
  );
  const sent = await tryDebitAvailable(ctx, account.id, input.amountFen, { cause: 'WALLET_SEND', memo: `医保钱包转账 #${transfer.id}` }, locked);
  if (!sent) throw insufficientForTransfer();
  // W5: the fraud rules (F6, F8) count it as money leaving the sender, from the outbox after commit.
  await emitEvent(ctx, { type: 'wallet.transferred', subjectId: transfer.id });
  await appendAudit(ctx, {
    action: 'wallet.send',
    entityType: 'WalletTransfer',
    entityId: transfer.id,
    regions: [me.insuredRegion, recipient.insuredRegion],
    detail: { amountFen: input.amountFen, recipientId: recipient.id, relationship, requestId: input.requestId, policyVersionIds: [mine.id, theirs.id] },
  });
  return transfer;
}

async function recipientIdOf(ctx: RequestContext, input: SendWalletTransferInput): Promise<number | null> {
  const r = await ctx.em.findOneBy(Member, { idNumber: normalizeIdNumber(input.recipientIdNumber) });
  return r?.id ?? null;
}

/** Move a PENDING transfer to `to`, once: the conditional update decides between racing callers. */
async function settleState(ctx: RequestContext, t: WalletTransfer, to: 'ACCEPTED' | 'DECLINED' | 'RETURNED'): Promise<void> {
  const n = await execute(ctx.em, "UPDATE wallet_transfer SET state = ? WHERE id = ? AND state = 'PENDING'", [to, t.id]);
  if (n !== 1) throw transferNotPending((await ctx.em.findOneByOrFail(WalletTransfer, { id: t.id })).state);
  await ctx.em.update(WalletTransfer, { id: t.id }, { decidedAt: ctx.now });
  t.state = to;
  t.decidedAt = ctx.now;
}

/** Give the money back to the sender (declined or expired); to the successor if the account closed (C5). */
async function returnToSender(ctx: RequestContext, t: WalletTransfer, to: 'DECLINED' | 'RETURNED'): Promise<void> {
  await settleState(ctx, t, to);
  const account = await ctx.em.findOneByOrFail(PersonalAccount, { memberId: t.senderId });
  const memo = `医保钱包转账 #${t.id} 退回`;
  if (!(await redirectCreditAfterClosure(ctx, account.id, t.amountFen, memo))) await credit(ctx, account.id, t.amountFen, { cause: 'WALLET_RETURN', memo });
}

async function receivedTransfer(ctx: RequestContext, id: number): Promise<WalletTransfer> {
  const me = requireMember(ctx);
  const t = await ctx.em.findOneBy(WalletTransfer, { id });
  if (!t || t.recipientId !== me.id) throw new NotFoundError('wallet transfer', id);
  return t;
}

/** W3: the recipient accepts; the money arrives in their wallet. */
export async function acceptTransfer(ctx: RequestContext, id: number): Promise<WalletTransfer> {
  const t = await receivedTransfer(ctx, id);
  if (t.state !== 'PENDING') throw transferNotPending(t.state);
  if (t.expiresAt.getTime() <= ctx.now.getTime()) throw transferNotPending('EXPIRED');
  await settleState(ctx, t, 'ACCEPTED');
  const wallet = await openWallet(ctx, t.recipientId);
  await creditWallet(ctx, wallet.id, t.amountFen, { cause: 'WALLET_ACCEPT', transferId: t.id });
  await appendAudit(ctx, { action: 'wallet.accept', entityType: 'WalletTransfer', entityId: t.id, regions: await regionsOf(ctx, t), detail: { amountFen: t.amountFen } });
  return t;
}

/** W3: the recipient declines; the money returns to the sender. */
export async function declineTransfer(ctx: RequestContext, id: number): Promise<WalletTransfer> {
  const t = await receivedTransfer(ctx, id);
  if (t.state !== 'PENDING') throw transferNotPending(t.state);
  await returnToSender(ctx, t, 'DECLINED');
  await appendAudit(ctx, { action: 'wallet.decline', entityType: 'WalletTransfer', entityId: t.id, regions: await regionsOf(ctx, t), detail: { amountFen: t.amountFen } });
  return t;
}

async function regionsOf(ctx: RequestContext, t: WalletTransfer): Promise<string[]> {
  const rows = await ctx.em.findBy(Member, [{ id: t.senderId }, { id: t.recipientId }]);
  return rows.map((m) => m.insuredRegion);
}

export interface WalletReturnSummary {
  returned: number;
  amountFen: number;
}

/**
 * W3: return every transfer still PENDING after its acceptance period, as a batch: one transaction
 * per transfer (conditional, so a concurrent accept or a second run never returns one twice).
 */
export async function runWalletReturn(deps: ContextDeps, onProgress?: (p: { done: number; total: number }) => void, now = new Date()): Promise<WalletReturnSummary> {
  const principal = { kind: 'system' as const, name: 'batch:wallet-return' };
  const total = await runInContext(deps, principal, (ctx) =>
    ctx.em.createQueryBuilder(WalletTransfer, 't').where("t.state = 'PENDING' AND t.expires_at <= :now", { now }).getCount(),
  );
  const summary: WalletReturnSummary = { returned: 0, amountFen: 0 };
  let done = 0;
  for (let after = 0; ; ) {
    const ids = await runInContext(deps, principal, async (ctx) =>
      (
        await ctx.em
          .createQueryBuilder(WalletTransfer, 't')
          .select('t.id', 'id')
          .where("t.state = 'PENDING' AND t.expires_at <= :now AND t.id > :after", { now, after })
          .orderBy('t.id')
          .limit(200)
          .getRawMany<{ id: number }>()
      ).map((r) => Number(r.id)),
    );
    if (!ids.length) break;
    for (const id of ids) {
      const amount = await runInContext(
        deps,
        principal,
        async (ctx) => {
          const t = await ctx.em.findOneByOrFail(WalletTransfer, { id });
          if (t.state !== 'PENDING') return 0;
          await returnToSender(ctx, t, 'RETURNED');
          await appendAudit(ctx, { action: 'wallet.return', entityType: 'WalletTransfer', entityId: t.id, regions: await regionsOf(ctx, t), detail: { amountFen: t.amountFen, expiredAt: t.expiresAt } });
          return t.amountFen;
        },
        now,
      );
      if (amount) {
        summary.returned++;
        summary.amountFen += amount;
      }
      onProgress?.({ done: ++done, total: Math.max(total, done) });
    }
    after = ids[ids.length - 1];
  }
  if (!done) onProgress?.({ done: 0, total: 0 });
  return summary;
}

// ——— reading (member channel) ———

export function myWallet(ctx: RequestContext): Promise<WalletAccount | null> {
  return walletOfMember(ctx, requireMember(ctx).id);
}

export function walletEntries(ctx: RequestContext, w: WalletAccount, args: ListArgs) {
  const qb = ctx.em.createQueryBuilder(WalletLedgerEntry, 'e').where('e.wallet_id = :id', { id: w.id });
  return paginate(qb, args, { id: 'e.id' }, 'id');
}

export function myTransfers(ctx: RequestContext, direction: string | undefined, args: ListArgs) {
  const me = requireMember(ctx).id;
  const qb = ctx.em.createQueryBuilder(WalletTransfer, 't');
  if (direction === 'SENT') qb.where('t.sender_id = :me', { me });
  else if (direction === 'RECEIVED') qb.where('t.recipient_id = :me', { me });
  else qb.where('(t.sender_id = :me OR t.recipient_id = :me)', { me });
  return paginate(qb, args, { id: 't.id', createdAt: 't.createdAt' }, 'id');
}

/** A6: of the other party, only the masked name. */
export async function counterpartName(ctx: RequestContext, t: WalletTransfer): Promise<string> {
  const me = ctx.principal?.kind === 'member' ? ctx.principal.id : null;
  const other = await ctx.em.findOneBy(Member, { id: t.senderId === me ? t.recipientId : t.senderId });
  return other ? maskName(other.name) : '';
}


// ——— reading (staff, in scope) ———

/** Staff: a member's 医保钱包 (null until a transfer first arrives); the member must be in scope (A1). */
export async function memberWallet(ctx: RequestContext, memberId: number): Promise<WalletAccount | null> {
  requireStaff(ctx);
  const m = await getMember(ctx, memberId);
  return walletOfMember(ctx, m.id);
}

/**
 * Staff: the transfers a member in scope sent or received. Only masked names of either party are
 * shown (A3, A6), so looking is not a reveal and is not audited.
 */
export async function memberTransfers(ctx: RequestContext, memberId: number, direction: string | undefined, args: ListArgs) {
  requireStaff(ctx);
  const m = await getMember(ctx, memberId);
  const qb = ctx.em.createQueryBuilder(WalletTransfer, 't');
  if (direction === 'SENT') qb.where('t.sender_id = :m', { m: m.id });
  else if (direction === 'RECEIVED') qb.where('t.recipient_id = :m', { m: m.id });
  else qb.where('(t.sender_id = :m OR t.recipient_id = :m)', { m: m.id });
  return paginate(qb, args, { id: 't.id', createdAt: 't.createdAt' }, 'id');
}

/** A3: a party's masked name (staff views show both parties of a transfer). */
export async function partyName(ctx: RequestContext, memberId: number): Promise<string> {
  const m = await ctx.em.findOneBy(Member, { id: memberId });
  return m ? maskName(m.name) : '';
}
