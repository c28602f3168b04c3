import type { RequestContext } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { inStaffScope } from '../../core/scope';
import { Binding } from '../binding/binding.entity';
import { RelationshipProof } from './proof.entity';

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
  return { content: await ctx.storage.get(proof.fileKey), mimeType: proof.mimeType, fileName: proof.fileName };
}
