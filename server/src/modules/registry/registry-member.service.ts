/** R1: single members created and corrected by staff, in scope, audited (A4). */
import { maskName, registryIdProblem, normalizeIdNumber } from '@gongji/shared';
import type { RequestContext } from '../../core/context';
import { requireStaff, today } from '../../core/context';
import { assertInScope } from '../../core/scope';
import { appendAudit } from '../audit/audit.service';
import { Member } from '../member/member.entity';
import { memberNotActive } from '../member/member.errors';
import { getMember, registerMember } from '../member/member.service';
import { badIdNumber, nothingToCorrect } from './registry.errors';
import type { CorrectMemberInput, CreateMemberInput } from './registry.inputs';

export async function createMember(ctx: RequestContext, input: CreateMemberInput): Promise<Member> {
  requireStaff(ctx);
  assertInScope(ctx, 'member', input.insuredRegion);
  const problem = registryIdProblem(input.idNumber, today(ctx));
  if (problem) throw badIdNumber(problem);
  const m = await registerMember(ctx, {
    idNumber: normalizeIdNumber(input.idNumber),
    name: input.name,
    scheme: input.scheme,
    insuredRegion: input.insuredRegion,
    phone: input.phone ?? null,
    retired: input.retired ?? false,
    contributionBaseFen: input.contributionBaseFen ?? null,
  });
  await appendAudit(ctx, {
    action: 'member.create',
    entityType: 'member',
    entityId: m.id,
    regions: [m.insuredRegion],
    reason: input.reason,
    detail: { scheme: m.scheme, insuredRegion: m.insuredRegion, retired: m.retired },
  });
  return m;
}

export async function correctMember(ctx: RequestContext, input: CorrectMemberInput): Promise<Member> {
  requireStaff(ctx);
  const m = await getMember(ctx, input.memberId);
  assertInScope(ctx, 'member', m.insuredRegion);
  if (m.status === 'DECEASED' || m.status === 'TERMINATED') throw memberNotActive(m.status);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (input.name !== undefined && input.name.trim() !== m.name) {
    before.name = maskName(m.name);
    m.name = input.name.trim();
    after.name = maskName(m.name);
  }
  if (input.phone !== undefined && input.phone !== m.phone) {
    before.phone = m.phone ? 'set' : null;
    m.phone = input.phone;
    after.phone = m.phone ? 'set' : null;
  }
  if (input.contributionBaseFen !== undefined && input.contributionBaseFen !== m.contributionBaseFen) {
    before.contributionBaseFen = m.contributionBaseFen;
    m.contributionBaseFen = input.contributionBaseFen;
    after.contributionBaseFen = m.contributionBaseFen;
  }
  if (!Object.keys(after).length) throw nothingToCorrect();
  await ctx.em.save(Member, m);
  await appendAudit(ctx, { action: 'member.correct', entityType: 'member', entityId: m.id, regions: [m.insuredRegion], reason: input.reason, detail: { before, after } });
  return m;
}
