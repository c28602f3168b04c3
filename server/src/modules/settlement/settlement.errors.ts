import { DomainError, InvalidInputError } from '../../core/errors';

export const badAmounts = (message: string, field = 'totalFen') => new InvalidInputError('BAD_AMOUNTS', message, field);
export const serialConflict = (serial: string) =>
  new DomainError('S8', 'SERIAL_CONFLICT', `流水号 ${serial} 已用于另一笔不同内容的结算 (serial already used with a different payload)`, 'serialNo');
export const patientUnknown = () => new DomainError('S1', 'PATIENT_UNKNOWN', '患者不在参保登记中 (patient not in the member registry)', 'patientIdNumber');
export const credentialMismatch = () =>
  new DomainError('S2', 'CREDENTIAL_MISMATCH', '医保凭证与患者本人不符，疑似冒名就医，已拒绝并记录 (credential belongs to someone else; refused and flagged F1)', 'credentialNo');
export const credentialUnknown = () =>
  new DomainError('S2', 'CREDENTIAL_UNKNOWN', '医保凭证无效或不存在 (unknown credential)', 'credentialNo');
export const networkSettlementBlocked = (why: string) =>
  new DomainError('S10', 'NETWORK_SETTLEMENT_BLOCKED', `该参保人不能联网结算：${why}`, 'patientIdNumber');
export const forbiddenCategory = (category: string) =>
  new DomainError('S5', 'CATEGORY_NEVER_ALLOWED', `${category} 类费用不得使用个人账户结算 (never payable from accounts)`, 'category');
export const unknownPlace = (code: string) => new InvalidInputError('UNKNOWN_REGION', `就医地统筹区 ${code} 不存在 (unknown pooling region)`, 'placeRegion');
export const badTreatedAt = () => new InvalidInputError('BAD_TREATED_AT', '就医时间不能晚于当前时间，也不能早于 30 天前 (treatment time out of range)', 'treatedAt');
export const settlementNotFound = (serial: string) => new DomainError('NOT_FOUND', 'SETTLEMENT_NOT_FOUND', `原结算 ${serial} 不存在 (original settlement not found)`, 'originalSerialNo');
export const reversalTooLarge = (refundable: number) =>
  new InvalidInputError('REVERSAL_TOO_LARGE', `退费金额超过可退金额 ${refundable} 分 (more than the refundable amount)`, 'amountFen');
export const reversalConflict = (serial: string) =>
  new DomainError('S9', 'REVERSAL_SERIAL_CONFLICT', `冲正流水号 ${serial} 已用于另一笔不同内容的冲正 (reversal serial reused with a different payload)`, 'serialNo');
export const placeNotInstitutionRegion = (place: string, region: string) =>
  new DomainError('S7', 'PLACE_NOT_INSTITUTION_REGION', `就医地 ${place} 不是本机构登记的统筹区 ${region} (the place of treatment is the institution's registered pooling region)`, 'placeRegion');
export const totalAboveCeiling = (total: number, ceiling: number) =>
  new DomainError('S15', 'TOTAL_ABOVE_CEILING', `总金额 ${total} 分超过区域政策的单笔上限 ${ceiling} 分 (total above the policy ceiling)`, 'totalFen');
export const badReversalAmount = () =>
  new InvalidInputError('BAD_AMOUNTS', '退费金额必须是正整数（分）(the reversal amount must be a positive integer of fen)', 'amountFen');
