import { randomInt } from 'node:crypto';
import { isValidIdNumber } from '@gongji/shared';
import { InvalidInputError } from '../../core/errors';
import type { CredentialType } from '@gongji/shared';
import type { EntityManager } from 'typeorm';
import type { Member } from '../member/member.entity';
import { MemberCredential } from './credential.entity';

/** Issue an e-voucher (01) or social-security card (03) number to a member (registry import, seeds, tests). */
export async function issueCredential(em: EntityManager, member: Pick<Member, 'id' | 'insuredRegion'>, type: '01' | '03'): Promise<MemberCredential> {
  const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
  const number = type === '01' ? `E${digits(20)}` : `${member.insuredRegion}${digits(3)}${digits(9)}`;
  return em.save(MemberCredential, em.create(MemberCredential, { memberId: member.id, type, number, active: true }));
}

/**
 * S2 input rule: a mistyped ID number (wrong check character, impossible date) presented as the
 * credential is bad input, not a sign of fraud — refused before any F1 signal is considered.
 * (Whether the credential belongs to the patient is decided in the settlement's one read.)
 */
export function assertCredentialWellFormed(type: CredentialType, presented: string): void {
  if (type === '02' && !isValidIdNumber(presented))
    throw new InvalidInputError('INVALID_CREDENTIAL_NO', '凭证号码不是有效的身份证号码 (the credential is not a valid ID number)', 'credentialNo');
}
