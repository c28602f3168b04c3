/**
 * Bindings that already exist outside this system (a registry import, demo data, test fixtures):
 * inserted directly in the given state, with their creation in the history, under the policy version
 * in force on the given date. Not reachable from the API — member requests go through binding.service.
 */
import { provinceOf, type RelationshipKind } from '@gongji/shared';
import type { RequestContext } from '../../core/context';
import type { Member } from '../member/member.entity';
import { policyInForce } from '../policy/policy-lookup';
import { liveKeyOf, recordCreation } from './binding-lifecycle';
import { Binding } from './binding.entity';

export interface ImportedBinding {
  relationship?: RelationshipKind;
  priority?: number;
  singleLimitFen?: number | null;
  kind?: 'MUTUAL_AID' | 'PROXY';
  state?: 'ACTIVE' | 'PENDING' | 'SUSPENDED';
  /** When it was agreed and activated (default: the context's clock). */
  at?: Date;
  note?: string;
}

export async function importBinding(ctx: RequestContext, giver: Member, beneficiary: Member, o: ImportedBinding = {}): Promise<Binding> {
  const at = o.at ?? ctx.now;
  const policy = await policyInForce(ctx.em, giver.provinceCode, at.toISOString().slice(0, 10));
  const b = ctx.em.create(Binding, {
    kind: o.kind ?? 'MUTUAL_AID',
    giverId: giver.id,
    beneficiaryId: beneficiary.id,
    relationship: o.relationship ?? 'CHILD',
    initiatedBy: 'GIVER',
    state: o.state ?? 'ACTIVE',
    commitmentAcceptedAt: at,
    confirmationRequired: false,
    confirmedAt: at,
    activationMode: policy.rules.activationMode,
    approved: true,
    singleLimitFen: o.singleLimitFen ?? null,
    priority: o.priority ?? 1,
    reservedFen: 0,
    giverRegion: giver.insuredRegion,
    beneficiaryRegion: beneficiary.insuredRegion,
    giverProvince: provinceOf(giver.insuredRegion),
    beneficiaryProvince: provinceOf(beneficiary.insuredRegion),
    policyVersionId: policy.id,
    activatedAt: at,
    endedAt: null,
  });
  b.liveKey = liveKeyOf(b);
  await ctx.em.save(Binding, b);
  await recordCreation(ctx, b, o.note ?? 'imported');
  return b;
}
