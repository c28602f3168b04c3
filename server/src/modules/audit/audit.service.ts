import type { EntityManager } from 'typeorm';
import { createHash } from 'node:crypto';
import { provinceOf } from '@gongji/shared';
import type { RequestContext } from '../../core/context';
import { actorOf } from '../../core/principal';
import { listLink, runList, type ListSpec, type PageSelection, sortsOf } from '../../core/list-query';
import type { ListArgs } from '../../core/pagination';
import { execute } from '../../db/database';
import { AuditHead, AuditLog, AuditLogRegion } from './audit.entity';
import type { AuditFilter } from './audit.inputs';

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
  checked: number;
  /** The first entry whose hash does not match (changed, or its predecessor deleted). */
  brokenAtId: number | null;
}

/** Recompute the chain from the start; a changed or deleted entry breaks it. */
export async function verifyAuditChain(ctx: RequestContext): Promise<ChainCheck> {
  let prev = GENESIS;
  let checked = 0;
  let lastId = 0;
  for (;;) {
    const rows = await ctx.em
      .createQueryBuilder(AuditLog, 'a')
      .where('a.id > :lastId', { lastId })
      .orderBy('a.id', 'ASC')
      .take(1000)
      .getMany();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prev || rowHash(prev, row) !== row.hash) return { ok: false, checked, brokenAtId: row.id };
      prev = row.hash;
      checked++;
      lastId = row.id;
    }
  }
  const head = await ctx.em.findOneBy(AuditHead, { id: 1 });
  if (head && (head.hash !== prev || head.lastId !== lastId)) return { ok: false, checked, brokenAtId: head.lastId };
  return { ok: true, checked, brokenAtId: null };
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
