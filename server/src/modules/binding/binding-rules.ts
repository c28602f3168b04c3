/**
 * The eligibility rules E1–E8 and E10 for a new binding, as checks that throw a DomainError naming
 * the rule. Every knob comes from the policy version in force (never a constant).
 */
import { LIVE_BINDING_STATES, RELATIONSHIP_KINDS, relationshipConsistency, type BindingKind, type RelationshipKind } from '@gongji/shared';
import type { EntityManager } from 'typeorm';
import { PersonalAccount } from '../account/account.entity';
import type { Member } from '../member/member.entity';
import { sharingAllowed } from '../policy/policy-geography';
import type { PolicyVersion } from '../policy/policy.entity';
import { Binding } from './binding.entity';
import {
  beneficiaryNotInsured,
  duplicateBinding,
  geographyNotAllowed,
  giverNotEmployee,
  inconsistentRelationship,
  otherFamilyNetwork,
  relationshipNotClose,
  relationshipNotInPolicy,
  tooManyBeneficiaries,
  tooManyGivers,
} from './binding.errors';

/** E3: only the eight close-relative kinds exist; in-laws and "other" are refused by name. */
export function parseRelationship(value: string): RelationshipKind {
  const v = value.trim().toUpperCase();
  if ((RELATIONSHIP_KINDS as readonly string[]).includes(v)) return v as RelationshipKind;
  throw relationshipNotClose(value);
}

/** E1 (MUTUAL_AID): the giver is an ACTIVE EMPLOYEE member with a personal account. PROXY: an active insured member. */
export async function checkGiver(em: EntityManager, giver: Member, kind: BindingKind): Promise<void> {
  if (kind === 'PROXY') {
    if (giver.status !== 'ACTIVE' || giver.scheme === 'NONE') throw beneficiaryNotInsured();
    return;
  }
  if (giver.status !== 'ACTIVE' || giver.scheme !== 'EMPLOYEE') throw giverNotEmployee();
  if (!(await em.findOneBy(PersonalAccount, { memberId: giver.id }))) throw giverNotEmployee();
}

/** E2: the beneficiary is ACTIVE in EMPLOYEE or RESIDENT insurance. */
export function checkBeneficiary(beneficiary: Member): void {
  if (beneficiary.status !== 'ACTIVE' || (beneficiary.scheme !== 'EMPLOYEE' && beneficiary.scheme !== 'RESIDENT')) throw beneficiaryNotInsured();
}

/** E3: the giver's policy in force allows this relationship. */
export function checkRelationshipAllowed(policy: PolicyVersion, kind: RelationshipKind): void {
  if (!policy.rules.allowedRelationships.includes(kind)) throw relationshipNotInPolicy(kind, policy.provinceCode, policy.version);
}

/** E5: the relationship fits both ID numbers. */
export function checkConsistency(kind: RelationshipKind, giver: Member, beneficiary: Member, onDate: string): void {
  const facts = relationshipConsistency(kind, giver, beneficiary, onDate);
  if (facts.problems.length) throw inconsistentRelationship(facts.problems);
}

/** E7: geography, for bindings that move money. */
export async function checkGeography(em: EntityManager, giver: Member, beneficiary: Member, onDate: string): Promise<void> {
  const verdict = await sharingAllowed(em, giver.insuredRegion, beneficiary.insuredRegion, onDate);
  if (!verdict.allowed) throw geographyNotAllowed(verdict.reason);
}

const liveQuery = (em: EntityManager) => em.createQueryBuilder(Binding, 'b').where('b.state IN (:...live)', { live: LIVE_BINDING_STATES });

/** E4: one live binding of a kind per pair; the caps of both parties' policies; one family network. */
export async function checkUniquenessAndCaps(
  em: EntityManager,
  kind: BindingKind,
  giver: Member,
  beneficiary: Member,
  giverPolicy: PolicyVersion,
  beneficiaryPolicy: PolicyVersion,
): Promise<void> {
  const dup = await liveQuery(em)
    .andWhere('b.kind = :kind AND b.giver_id = :g AND b.beneficiary_id = :b', { kind, g: giver.id, b: beneficiary.id })
    .getCount();
  if (dup > 0) throw duplicateBinding();
  if (kind !== 'MUTUAL_AID') return;
  const maxGivers = beneficiaryPolicy.rules.maxGiversPerBeneficiary;
  if (maxGivers !== null) {
    const n = await liveQuery(em).andWhere("b.kind = 'MUTUAL_AID' AND b.beneficiary_id = :b", { b: beneficiary.id }).getCount();
    if (n >= maxGivers) throw tooManyGivers(maxGivers);
  }
  const maxBeneficiaries = giverPolicy.rules.maxBeneficiariesPerGiver;
  if (maxBeneficiaries !== null) {
    const n = await liveQuery(em).andWhere("b.kind = 'MUTUAL_AID' AND b.giver_id = :g", { g: giver.id }).getCount();
    if (n >= maxBeneficiaries) throw tooManyBeneficiaries(maxBeneficiaries);
  }
  if (giverPolicy.rules.singleFamilyNetwork || beneficiaryPolicy.rules.singleFamilyNetwork) {
    const network = await familyNetwork(em, giver.id);
    if (network.size > 1 && !network.has(beneficiary.id)) {
      const other = await familyNetwork(em, beneficiary.id);
      if (other.size > 1) throw otherFamilyNetwork();
    }
  }
}

/**
 * E4 "one family network per person": a member's network is everyone connected to them through live
 * MUTUAL_AID bindings (either direction). Where the policy turns the rule on, a new binding may join a
 * member with no network to any network, or two members of the same network — never two networks.
 */
export async function familyNetwork(em: EntityManager, memberId: number, limit = 200): Promise<Set<number>> {
  const seen = new Set<number>([memberId]);
  let frontier = [memberId];
  while (frontier.length && seen.size < limit) {
    const rows = await liveQuery(em)
      .andWhere("b.kind = 'MUTUAL_AID' AND (b.giver_id IN (:...ids) OR b.beneficiary_id IN (:...ids))", { ids: frontier })
      .select(['b.giverId', 'b.beneficiaryId'])
      .getMany();
    const next: number[] = [];
    for (const r of rows)
      for (const id of [r.giverId, r.beneficiaryId])
        if (!seen.has(id)) {
          seen.add(id);
          next.push(id);
        }
    frontier = next;
  }
  return seen;
}
