import { LIVE_BINDING_STATES } from '@gongji/shared';
import { requireStaff, type RequestContext } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { runList, type ListSpec, type PageSelection, sortsOf } from '../../core/list-query';
import type { ListArgs } from '../../core/pagination';
import { assertInScope, inStaffScope } from '../../core/scope';
import { appendAudit } from '../audit/audit.service';
import { Binding } from '../binding/binding.entity';
import { approveBinding } from '../binding/binding.service';
import { BindingTransition } from '../binding/binding.entity';
import { execute, lockRows } from '../../db/database';
import { alreadyReviewed, bindingAlreadyDecided, proofsChanged, badMime, bindingEnded, contentMismatch, emptyFile, rejectNeedsReason, tooLarge } from './proof.errors';
import { RelationshipProof } from './proof.entity';
import type { ProofFilter, UploadProofInput } from './proof.inputs';

/** Can the caller see this binding's documents? Staff in scope of either party, or either member. */
export function canSeeBindingDocs(ctx: RequestContext, b: Binding): boolean {
  const p = ctx.principal;
  if (p?.kind === 'member') return p.id === b.giverId || p.id === b.beneficiaryId;
  return inStaffScope(ctx, b.giverRegion, b.beneficiaryRegion);
}

export async function readProofFile(ctx: RequestContext, id: number): Promise<{ content: Buffer; mimeType: string; fileName: string }> {
  const proof = Number.isInteger(id) ? await ctx.em.findOneBy(RelationshipProof, { id }) : null;
  const binding = proof ? await ctx.em.findOneBy(Binding, { id: proof.bindingId }) : null;
  if (!proof || !binding || !canSeeBindingDocs(ctx, binding)) throw new NotFoundError('proof', id);
  return { content: await ctx.storage.get(proof.fileKey, ctx.em), mimeType: proof.mimeType, fileName: proof.fileName };
}

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

/** E9: either party uploads a proof for a live binding; the file is checked and stored through ProofStorage. */
export async function uploadProof(ctx: RequestContext, input: UploadProofInput): Promise<RelationshipProof> {
  const p = ctx.principal;
  const b = await ctx.em.findOneBy(Binding, { id: input.bindingId });
  if (!b || p?.kind !== 'member' || (p.id !== b.giverId && p.id !== b.beneficiaryId)) throw new NotFoundError('binding', input.bindingId);
  if (!LIVE_BINDING_STATES.includes(b.state)) throw bindingEnded();
  const mime = input.mimeType.trim().toLowerCase();
  if (!MAGIC[mime]) throw badMime(mime);
  const max = ctx.config.maxUploadBytes;
  if (input.contentBase64.length > Math.ceil(max / 3) * 4 + 4) throw tooLarge(max);
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw emptyFile();
  if (content.length > max) throw tooLarge(max);
  if (!MAGIC[mime](content)) throw contentMismatch();
  const stored = await ctx.storage.put(content, input.fileName, ctx.em);
  return ctx.em.save(
    RelationshipProof,
    ctx.em.create(RelationshipProof, {
      bindingId: b.id,
      ...copiedFromBinding(b),
      docType: input.docType,
      fileKey: stored.key,
      fileName: input.fileName.replace(/[\\/\u0000-\u001f]/g, '_'),
      mimeType: mime,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      reviewState: 'PENDING',
      reviewerId: null,
      reviewerName: null,
      reviewedAt: null,
      reviewReason: null,
      uploadedByMemberId: p.id,
    }),
  );
}

async function staffProof(ctx: RequestContext, id: number): Promise<{ proof: RelationshipProof; binding: Binding }> {
  requireStaff(ctx);
  const proof = await ctx.em.findOneBy(RelationshipProof, { id });
  const binding = proof ? await ctx.em.findOneBy(Binding, { id: proof.bindingId }) : null;
  if (!proof || !binding || !canSeeBindingDocs(ctx, binding)) throw new NotFoundError('proof', id);
  assertInScope(ctx, 'proof', binding.giverRegion, binding.beneficiaryRegion);
  return { proof, binding };
}

export async function findProof(ctx: RequestContext, id: number): Promise<RelationshipProof | null> {
  const proof = await ctx.em.findOneBy(RelationshipProof, { id });
  const binding = proof ? await ctx.em.findOneBy(Binding, { id: proof.bindingId }) : null;
  return proof && binding && canSeeBindingDocs(ctx, binding) ? proof : null;
}

/** E9: a caseworker approves or rejects a proof (a rejection needs a reason); audited. */
export async function reviewProof(ctx: RequestContext, id: number, decision: 'APPROVE' | 'REJECT', reason: string | null | undefined): Promise<RelationshipProof> {
  const staff = requireStaff(ctx);
  const { proof, binding } = await staffProof(ctx, id);
  if (proof.reviewState !== 'PENDING') throw alreadyReviewed(proof.reviewState);
  const why = (reason ?? '').trim();
  if (decision === 'REJECT' && why.length < 2) throw rejectNeedsReason();
  Object.assign(proof, {
    reviewState: decision === 'APPROVE' ? 'APPROVED' : 'REJECTED',
    reviewerId: staff.id,
    reviewerName: staff.username,
    reviewedAt: ctx.now,
    reviewReason: why || null,
  });
  await ctx.em.save(RelationshipProof, proof);
  await appendAudit(ctx, {
    action: decision === 'APPROVE' ? 'proof.approve' : 'proof.reject',
    entityType: 'proof',
    entityId: proof.id,
    regions: [binding.giverRegion, binding.beneficiaryRegion],
    reason: why || null,
    detail: { bindingId: binding.id, docType: proof.docType },
  });
  return proof;
}

/**
 * E9 in one pass: approve every pending proof of a pending binding, then the binding, in one
 * transaction. `seenProofIds` are the pending proofs the reviewer looked at; if the binding or its
 * proofs were decided by someone else meanwhile (or a new proof arrived), nothing changes and the
 * refusal says so (a stale decision). Proofs move with a conditional update, so two reviewers racing
 * cannot both approve them.
 */
export async function approveBindingWithProofs(ctx: RequestContext, bindingId: number, seenProofIds: number[], reason: string): Promise<Binding> {
  const staff = requireStaff(ctx);
  await lockRows(ctx.em, Binding, [bindingId]);
  const binding = await ctx.em.findOneBy(Binding, { id: bindingId });
  if (!binding || !canSeeBindingDocs(ctx, binding)) throw new NotFoundError('binding', bindingId);
  assertInScope(ctx, 'binding', binding.giverRegion, binding.beneficiaryRegion);
  if (binding.state !== 'PENDING') {
    const last = await ctx.em.findOne(BindingTransition, { where: { bindingId }, order: { id: 'DESC' } });
    throw bindingAlreadyDecided(binding.state, last?.actorName ?? null);
  }
  const proofs = await ctx.em.findBy(RelationshipProof, { bindingId });
  const pending = new Set(proofs.filter((p) => p.reviewState === 'PENDING').map((p) => p.id));
  const seen = new Set(seenProofIds);
  const decided = proofs.filter((p) => seen.has(p.id) && p.reviewState !== 'PENDING');
  const added = [...pending].filter((id) => !seen.has(id)).length;
  const unknown = [...seen].filter((id) => !proofs.some((p) => p.id === id));
  if (unknown.length) throw new NotFoundError('proof', unknown[0]);
  if (decided.length || added) throw proofsChanged(decided.length, added, decided[0]?.reviewerName ?? null);
  const why = (reason ?? '').trim();
  if (pending.size) {
    const ids = [...pending].sort((a, b) => a - b);
    const n = await execute(
      ctx.em,
      `UPDATE relationship_proof SET review_state = 'APPROVED' WHERE binding_id = ? AND review_state = 'PENDING' AND id IN (${ids.map(() => '?').join(',')})`,
      [bindingId, ...ids],
    );
    if (n !== ids.length) throw proofsChanged(ids.length - n, 0, null);
    await ctx.em.update(RelationshipProof, ids, { reviewerId: staff.id, reviewerName: staff.username, reviewedAt: ctx.now, reviewReason: why || null });
    for (const p of proofs.filter((x) => pending.has(x.id))) {
      await appendAudit(ctx, {
        action: 'proof.approve',
        entityType: 'proof',
        entityId: p.id,
        regions: [binding.giverRegion, binding.beneficiaryRegion],
        reason: why || null,
        detail: { bindingId, docType: p.docType, withBinding: true },
      });
    }
  }
  return approveBinding(ctx, bindingId, reason);
}

/**
 * What a proof copies from its binding, none of which ever changes: the party regions (the A1 scope of
 * the review queue) and the relationship (the queue's relationship filter).
 */
export function copiedFromBinding(b: Pick<Binding, 'giverRegion' | 'giverProvince' | 'beneficiaryRegion' | 'beneficiaryProvince' | 'relationship'>) {
  return { giverRegion: b.giverRegion, giverProvince: b.giverProvince, beneficiaryRegion: b.beneficiaryRegion, beneficiaryProvince: b.beneficiaryProvince, relationship: b.relationship };
}

/** A proof is in scope when either party of its binding is (the regions copied from the binding). */
export const PROOF_REGIONS = [
  { region: 'p.giver_region', province: 'p.giver_province' },
  { region: 'p.beneficiary_region', province: 'p.beneficiary_province' },
];

/** The review queue: oldest first by default, scoped and filtered on the proof row itself (no join). */
export const PROOF_LIST: ListSpec<RelationshipProof> = {
  entity: RelationshipProof,
  alias: 'p',
  scope: PROOF_REGIONS,
  filters: {
    reviewState: { kind: 'eq', column: 'p.review_state' },
    bindingId: { kind: 'eq', column: 'p.binding_id' },
    docType: { kind: 'eq', column: 'p.doc_type' },
    relationship: { kind: 'eq', column: 'p.relationship' },
    region: { kind: 'region', columns: PROOF_REGIONS },
    ids: { kind: 'in', column: 'p.id' },
  },
  sortable: sortsOf('proofs', {
    id: { column: 'p.id' },
    createdAt: { column: 'p.created_at', time: true },
    reviewedAt: { column: 'p.reviewed_at', time: true, nullable: true },
  }),
  defaultSort: 'createdAt',
};

export async function listProofs(ctx: RequestContext, filter: ProofFilter | undefined, args: ListArgs, select?: PageSelection) {
  requireStaff(ctx);
  return runList(ctx, PROOF_LIST, filter, args, { select });
}

export function bindingOfProof(ctx: RequestContext, p: RelationshipProof): Promise<Binding | null> {
  return ctx.em.findOneBy(Binding, { id: p.bindingId });
}
