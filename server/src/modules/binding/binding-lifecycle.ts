/**
 * L1–L3: the binding state machine. Every state change goes through `transition`, which checks the
 * move is allowed, records who/when/why (L3, insert-only), keeps `liveKey` in step (E4) and returns
 * reserved money to the giver when a binding ends (L2).
 */
import { LIVE_BINDING_STATES, type BindingState } from '@gongji/shared';
import type { RequestContext } from '../../core/context';
import { DomainError } from '../../core/errors';
import { actorOf } from '../../core/principal';
import { PersonalAccount } from '../account/account.entity';
import { releaseReserve } from '../account/account.service';
import type { Member } from '../member/member.entity';
import { Binding, BindingTransition } from './binding.entity';

/** Allowed moves (L1). TERMINATED, REJECTED and REVOKED are final. */
export const TRANSITIONS: Record<BindingState, BindingState[]> = {
  PENDING: ['ACTIVE', 'REJECTED', 'REVOKED', 'TERMINATED'],
  ACTIVE: ['SUSPENDED', 'REVOKED', 'TERMINATED', 'REJECTED'],
  SUSPENDED: ['ACTIVE', 'REVOKED', 'TERMINATED'],
  REJECTED: [],
  REVOKED: [],
  TERMINATED: [],
};

export const liveKeyOf = (b: Pick<Binding, 'kind' | 'giverId' | 'beneficiaryId'>) => `${b.kind}:${b.giverId}:${b.beneficiaryId}`;

export function badTransition(from: BindingState, to: BindingState): DomainError {
  return new DomainError('L1', 'BAD_TRANSITION', `绑定状态不能从 ${from} 变为 ${to} (a ${from} binding cannot become ${to})`);
}

/** Record the creation of a binding (null → state). */
export async function recordCreation(ctx: RequestContext, b: Binding, reason: string): Promise<void> {
  const actor = actorOf(ctx.principal);
  await ctx.em.insert(BindingTransition, { bindingId: b.id, fromState: null, toState: b.state, reason, rule: null, ...actor, at: ctx.now });
}

export async function transition(ctx: RequestContext, b: Binding, to: BindingState, reason: string, rule: string | null = null): Promise<Binding> {
  const from = b.state;
  if (!TRANSITIONS[from].includes(to)) throw badTransition(from, to);
  const live = LIVE_BINDING_STATES.includes(to);
  b.state = to;
  b.liveKey = live ? liveKeyOf(b) : null;
  if (to === 'ACTIVE' && !b.activatedAt) b.activatedAt = ctx.now;
  if (!live) {
    b.endedAt = ctx.now;
    if (b.reservedFen > 0) {
      const account = await ctx.em.findOneBy(PersonalAccount, { memberId: b.giverId });
      if (account) await releaseReserve(ctx, account.id, b.reservedFen);
      b.reservedFen = 0;
    }
  }
  await ctx.em.save(Binding, b);
  const actor = actorOf(ctx.principal);
  await ctx.em.insert(BindingTransition, { bindingId: b.id, fromState: from, toState: to, reason, rule, ...actor, at: ctx.now });
  return b;
}

export type TerminationCause = 'DECEASED' | 'LEFT_INSURANCE' | 'MOVED_REGION' | 'LEFT_EMPLOYEE';

const CAUSE_TEXT: Record<TerminationCause, string> = {
  DECEASED: '参保人死亡 (member deceased)',
  LEFT_INSURANCE: '参保人退出基本医保 (member left basic insurance)',
  MOVED_REGION: '参保人转移至其他统筹区 (member moved to another pooling region)',
  LEFT_EMPLOYEE: '共济人不再参加职工医保 (giver is no longer an EMPLOYEE member)',
};

/**
 * L2: end the member's live bindings automatically. LEFT_EMPLOYEE ends only the bindings the member
 * gives (they may still receive); every other cause ends both sides. Returns the ids ended.
 */
export async function terminateBindingsForMember(ctx: RequestContext, m: Member, cause: TerminationCause, note: string): Promise<number[]> {
  const qb = ctx.em
    .createQueryBuilder(Binding, 'b')
    .where('b.state IN (:...live)', { live: LIVE_BINDING_STATES })
    .orderBy('b.id', 'ASC');
  if (cause === 'LEFT_EMPLOYEE') qb.andWhere("b.giver_id = :id AND b.kind = 'MUTUAL_AID'", { id: m.id });
  else qb.andWhere('(b.giver_id = :id OR b.beneficiary_id = :id)', { id: m.id });
  const live = await qb.getMany();
  for (const b of live) await transition(ctx, b, 'TERMINATED', `${CAUSE_TEXT[cause]}：${note}`, 'L2');
  return live.map((b) => b.id);
}
