import { GraphQLError } from 'graphql';
import type { ContextDeps } from './context';

export interface SlotLimits {
  /** At once per staff account. */
  perUser: number;
  /** At once on this node, all accounts together. */
  perNode: number;
}

/**
 * How many of one kind of heavy work (a whole-table export, a window of the audit chain check) run at
 * once on this node: a few per staff account and a few in all. A handful of them — a double click, a
 * script, a stolen token — would otherwise take the database from everyone else. The rate limits
 * (core/edge.ts) count requests; these count work in progress.
 */
export class Slots {
  private readonly byUser = new Map<number, number>();
  private running = 0;
  constructor(readonly limits: SlotLimits) {}

  /** A release function (idempotent), or null when the account's or the node's slots are all taken. */
  acquire(staffId: number): (() => void) | null {
    const mine = this.byUser.get(staffId) ?? 0;
    if (mine >= this.limits.perUser || this.running >= this.limits.perNode) return null;
    this.byUser.set(staffId, mine + 1);
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      const left = (this.byUser.get(staffId) ?? 1) - 1;
      if (left > 0) this.byUser.set(staffId, left);
      else this.byUser.delete(staffId);
    };
  }

  get inUse(): number {
    return this.running;
  }
}

const byDatabase = new WeakMap<object, Map<string, Slots>>();

/** The node's slots for one kind of work: one set per app (keyed by its database handle, which every request context carries). */
export function slotsFor(deps: Pick<ContextDeps, 'db'>, kind: string, limits: SlotLimits): Slots {
  let kinds = byDatabase.get(deps.db);
  if (!kinds) byDatabase.set(deps.db, (kinds = new Map()));
  let slots = kinds.get(kind);
  if (!slots) kinds.set(kind, (slots = new Slots(limits)));
  return slots;
}

/** The GraphQL refusal when no slot is free: RATE_LIMITED (HTTP 429) with a Retry-After, like the rate limit's. */
export function busy(what: string, slots: Slots, retryAfterSeconds = 5): GraphQLError {
  return new GraphQLError(
    `${what}进行中的任务过多：每人最多同时 ${slots.limits.perUser} 个、本节点最多 ${slots.limits.perNode} 个，请 ${retryAfterSeconds} 秒后重试 (too much of this work in progress; retry)`,
    { extensions: { code: 'RATE_LIMITED', reason: 'BUSY', retryAfterSeconds, http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } } },
  );
}
