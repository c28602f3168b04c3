import type { EntityManager } from 'typeorm';
import { createHash } from 'node:crypto';
import { provinceOf } from '@gongji/shared';
import type { RequestContext } from '../../core/context';
import { actorOf } from '../../core/principal';
import { listLink, runList, type ListSpec, type PageSelection, sortsOf } from '../../core/list-query';
import type { ListArgs } from '../../core/pagination';
import { execute } from '../../db/database';
import { AuditHead, AuditLog, AuditLogRegion } from './audit.entity';
import { busy, slotsFor } from '../../core/slots';
import { auditChainArgs } from './audit.errors';
import { CHAIN_WINDOW_MAX, type AuditFilter } from './audit.inputs';

const GENESIS = '0'.repeat(64);

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | number;
  /** Pooling-region (or province) codes of the entity, for scope filtering. */
  regions: string[];
  reason?: string | null;
  detail?: Record<string, unknown>;
}

/** Every province and pooling region an entry concerns: the provinces of its regions, and the regions. */
function regionCodes(regions: string[]): string[] {
  const set = new Set<string>();
  for (const r of regions) {
    set.add(provinceOf(r));
    if (r.length === 6) set.add(r);
  }
  return [...set];
}

function regionsField(regions: string[]): string {
  return `,${regionCodes(regions).join(',')},`;
}

function rowHash(prevHash: string, row: Omit<AuditLog, 'id' | 'hash' | 'prevHash'> & { id: number }): string {
  // Canonical types: drivers differ in how they hand back BIGINT ids right after an insert.
  const canonical = JSON.stringify([
    String(row.id),
    new Date(row.at).toISOString(),
    row.actorKind,
    row.actorId === null || row.actorId === undefined ? null : Number(row.actorId),
    row.actorName,
    row.action,
    row.entityType,
    row.entityId,
    row.regions,
    row.reason,
    row.detail,
  ]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/**
 * A4: append one entry. The chain head is locked (a locking read of its only row) so entries are
 * chained in id order even under concurrency. Under that lock the entry's id is the head's last id + 1
 * (the chain's ids are consecutive by construction: `verifyAuditChain` checks the head against the last
 * entry), so its hash is computed before the INSERT and the entry is written once, never updated:
 * lock, entry, scope rows, head — four statements.
 */
export async function appendAudit(ctx: RequestContext, input: AuditInput): Promise<AuditLog> {
  // A read-only query on MySQL runs without a transaction (core/transaction-plugin.ts); what it must
  // audit (A4: a search by ID number or name) is then written in a short transaction of its own.
  if (!ctx.em.queryRunner) return ctx.db.transaction((em) => appendAuditWith(em, ctx, input));
  return appendAuditWith(ctx.em, ctx, input);
}

async function appendAuditWith(em: EntityManager, ctx: RequestContext, input: AuditInput): Promise<AuditLog> {
  // SQLite has one writer (the transaction holds the database); MySQL locks the head's row.
  const lock = ctx.db.isSqlite ? '' : ' FOR UPDATE';
  const rows = (await em.query(`SELECT hash, last_id FROM audit_head WHERE id = 1${lock}`)) as Array<{ hash: string; last_id: unknown }>;
  let head = rows[0] ? { hash: rows[0].hash, lastId: Number(rows[0].last_id) } : null;
  if (!head) {
    await em.insert(AuditHead, { id: 1, hash: GENESIS, lastId: 0 });
    head = { hash: GENESIS, lastId: 0 };
  }
  const actor = actorOf(ctx.principal);
  const entry = em.create(AuditLog, {
    id: head.lastId + 1,
    at: new Date(Math.floor(ctx.now.getTime())),
    actorKind: actor.actorKind,
    actorId: actor.actorId,
    actorName: actor.actorName,
    action: input.action,
    entityType: input.entityType,
    entityId: String(input.entityId),
    regions: regionsField(input.regions),
    reason: input.reason ?? null,
    detail: JSON.stringify(input.detail ?? {}),
    prevHash: head.hash,
  });
  entry.hash = rowHash(head.hash, entry);
  await em.insert(AuditLog, entry);
  // The scope index (A1): one link row per code of the regions list, with the entry's time.
  const codes = regionCodes(input.regions);
  if (codes.length) await em.insert(AuditLogRegion, codes.map((regionCode) => ({ regionCode, auditId: entry.id, at: entry.at })));
  await execute(em, 'UPDATE audit_head SET hash = ?, last_id = ? WHERE id = 1', [entry.hash, entry.id]);
  return entry;
}

export interface ChainCheck {
  ok: boolean;
  /** Entries verified in this call. */
  checked: number;
  /** The first entry whose hash does not match (changed, or its predecessor deleted), or the head's last id when the head disagrees. */
  brokenAtId: number | null;
  /** The last entry verified, and its hash: where the next call continues (afterId, afterHash). */
  lastId: number;
  lastHash: string;
  /** True once the window reached the chain's head and the head matched. */
  done: boolean;
  /** Entries in the chain when this call looked (the head's last id): the denominator of a progress bar. */
  total: number;
}

export interface ChainWindow {
  afterId?: number | null;
  afterHash?: string | null;
  limit: number;
}

/**
 * A4: recompute the hash chain, one window of entries at a time, so that a chain of any length is
 * verified in bounded requests (the admin shows progress and can stop). Each entry must name the
 * previous one's hash and hash to its own; the first entry of a window must name the hash the
 * previous window ended with (the caller carries it: nothing is trusted from a stored hash it has not
 * just recomputed). Once a window reaches the end, the head must point at its last entry.
 */
export async function verifyAuditChain(ctx: RequestContext, w: ChainWindow): Promise<ChainCheck> {
  if ((w.afterId == null) !== (w.afterHash == null)) throw auditChainArgs();
  // Up to a second of reads per window: one window at a time per auditor, two on the node.
  const p = ctx.principal;
  if (p?.kind !== 'staff') return checkWindow(ctx, w);
  const slots = slotsFor(ctx, 'auditChainCheck', CHAIN_CHECK_SLOTS);
  const release = slots.acquire(p.id);
  if (!release) throw busy('哈希链校验', slots);
  try {
    return await checkWindow(ctx, w);
  } finally {
    release();
  }
}

/** Windows of the chain check running at once on a node. */
export const CHAIN_CHECK_SLOTS = { perUser: 1, perNode: 2 };

async function checkWindow(ctx: RequestContext, w: ChainWindow): Promise<ChainCheck> {
  let prev = w.afterHash ?? GENESIS;
  let lastId = w.afterId ?? 0;
  let checked = 0;
  const result = (ok: boolean, brokenAtId: number | null, done: boolean, total: number): ChainCheck => ({ ok, checked, brokenAtId, lastId, lastHash: prev, done, total });
  // The head first: entries appended while this window is read are verified by a later window.
  const head = await ctx.em.findOneBy(AuditHead, { id: 1 });
  const total = head ? Number(head.lastId) : 0;
  const until = Math.min(lastId + w.limit, total);
  while (lastId < until) {
    const rows = await ctx.em
      .createQueryBuilder(AuditLog, 'a')
      .where('a.id > :lastId', { lastId })
      .andWhere('a.id <= :until', { until })
      .orderBy('a.id', 'ASC')
      .take(Math.min(1000, until - lastId))
      .getMany();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prev || rowHash(prev, row) !== row.hash) return result(false, row.id, true, total);
      prev = row.hash;
      checked++;
      lastId = row.id;
    }
  }
  if (lastId < until) return result(false, lastId + 1, true, total); // an entry the head counts is missing
  if (lastId < total) return result(true, null, false, total);
  // At the end: the head must point at the last entry (deleting entries at the end shows here) …
  if (head && (head.hash !== prev || Number(head.lastId) !== lastId)) return result(false, Number(head.lastId), true, total);
  // … and no entry may lie beyond it, unless it was appended (with its head) since the head was read.
  const beyond = await ctx.em.createQueryBuilder(AuditLog, 'a').select('a.id', 'id').where('a.id > :lastId', { lastId }).orderBy('a.id', 'ASC').limit(1).getRawOne<{ id: unknown }>();
  if (beyond) {
    const now = await ctx.em.findOneBy(AuditHead, { id: 1 });
    const grown = now ? Number(now.lastId) : 0;
    return grown > total ? result(true, null, false, grown) : result(false, Number(beyond.id), true, total);
  }
  return result(true, null, true, total);
}

/** The whole chain, window after window (restore checks, tests); `checked` counts every entry verified. */
export async function verifyWholeAuditChain(ctx: RequestContext, limit = CHAIN_WINDOW_MAX): Promise<ChainCheck> {
  let checked = 0;
  let w: ChainWindow = { limit };
  for (;;) {
    const r = await verifyAuditChain(ctx, w);
    checked += r.checked;
    if (r.done || !r.ok) return { ...r, checked };
    w = { afterId: r.lastId, afterHash: r.lastHash, limit };
  }
}

/**
 * Scope: an entry is visible to staff of any province or pooling region it concerns — its
 * audit_log_region rows (the codes of its `regions` list). A scoped page reads the link's
 * (region_code, at) index in page order; sorting by action or actor under a scope sorts the scope's rows.
 */
export const AUDIT_LIST: ListSpec<AuditLog> = {
  entity: AuditLog,
  alias: 'a',
  scope: {
    link: listLink(AuditLogRegion, 'r', 'r.audit_id = a.id', 'r.region_code', { 'a.id': 'r.audit_id', 'a.at': 'r.at' }),
  },
  filters: {
    actorName: { kind: 'eq', column: 'a.actor_name' },
    action: { kind: 'prefix', column: 'a.action' },
    entityType: { kind: 'eq', column: 'a.entity_type' },
    entityId: { kind: 'eq', column: 'a.entity_id', map: (v) => String(v) },
    from: { kind: 'gte', column: 'a.at' },
    to: { kind: 'lt', column: 'a.at' },
  },
  // Actor and action are filters ((actor_name, at), (action, at)); sorting a million entries by them is not offered.
  sortable: sortsOf('auditLogs', {
    id: { column: 'a.id' },
    at: { column: 'a.at', time: true },
  }),
  defaultSort: 'id',
};

export async function listAudit(ctx: RequestContext, filter: AuditFilter | undefined, args: ListArgs, select?: PageSelection) {
  return runList(ctx, AUDIT_LIST, filter, args, { select });
}
