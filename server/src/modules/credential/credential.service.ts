import { randomInt } from 'node:crypto';
import { isValidIdNumber } from '@gongji/shared';
import { InvalidInputError } from '../../core/errors';
import type { CredentialType } from '@gongji/shared';
import type { EntityManager } from 'typeorm';
import { Member } from '../member/member.entity';
import { MemberCredential } from './credential.entity';

/** Issue an e-voucher (01) or social-security card (03) number to a member (registry import, seeds, tests). */
export async function issueCredential(em: EntityManager, member: Pick<Member, 'id' | 'insuredRegion'>, type: '01' | '03'): Promise<MemberCredential> {
  const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
  const number = type === '01' ? `E${digits(20)}` : `${member.insuredRegion}${digits(3)}${digits(9)}`;
  return em.save(MemberCredential, em.create(MemberCredential, { memberId: member.id, type, number, active: true }));
}

export type CredentialCheck =
  | { ok: true }
  | { ok: false; reason: 'MISMATCH'; ownerId: number }
  | { ok: false; reason: 'UNKNOWN' };

/** S2: does the credential presented belong to the patient? */
export async function checkCredential(em: EntityManager, patient: Member, type: CredentialType, number: string): Promise<CredentialCheck> {
  const presented = number.trim().toUpperCase();
  if (type === '02') {
    // A mistyped ID number (wrong check character, impossible date) is bad input, not a sign of fraud:
    // refuse it before any F1 signal is considered.
    if (!isValidIdNumber(presented)) throw new InvalidInputError('INVALID_CREDENTIAL_NO', '凭证号码不是有效的身份证号码 (the credential is not a valid ID number)', 'credentialNo');
    if (presented === patient.idNumber) return { ok: true };
    const owner = await em.findOneBy(Member, { idNumber: presented });
    return owner ? { ok: false, reason: 'MISMATCH', ownerId: owner.id } : { ok: false, reason: 'UNKNOWN' };
  }
  const cred = await em.findOneBy(MemberCredential, { type, number: presented, active: true });
  if (!cred) return { ok: false, reason: 'UNKNOWN' };
  return cred.memberId === patient.id ? { ok: true } : { ok: false, reason: 'MISMATCH', ownerId: cred.memberId };
}
