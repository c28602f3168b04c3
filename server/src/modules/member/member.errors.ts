import { DomainError } from '../../core/errors';

export const revealReasonRequired = () =>
  new DomainError('A3', 'REVEAL_REASON_REQUIRED', '查看完整个人信息须填写理由（至少 4 个字）(a reveal needs a stated reason)', 'reason');
export const memberNotActive = (status: string) =>
  new DomainError('L2', 'MEMBER_NOT_ACTIVE', `参保人当前状态为 ${status}，不能再登记 (member is ${status})`);
export const badEventDate = () =>
  new DomainError('INPUT', 'BAD_EVENT_DATE', '日期不能晚于今天，也不能早于出生日期 (date must not be in the future or before birth)', 'date');
export const unknownRegion = (code: string) =>
  new DomainError('INPUT', 'UNKNOWN_REGION', `统筹区编码 ${code} 不存在 (unknown pooling region)`, 'insuredRegion');
