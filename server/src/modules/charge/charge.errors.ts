import { DomainError } from '../../core/errors';

export const chargeAmountNotPositive = () =>
  new DomainError('C1', 'CHARGE_AMOUNT_NOT_POSITIVE', '应收金额必须是正整数（分）(the amount owed must be a positive number of fen)', 'amountFen');
export const chargeMemberClosed = (status: string) =>
  new DomainError('C1', 'CHARGE_MEMBER_CLOSED', `参保人状态为 ${status}，个人账户已注销，不能再登记应收 (the member’s account is closed)`, 'memberId', { status });
export const chargeNoAccount = () => new DomainError('C1', 'CHARGE_NO_ACCOUNT', '该参保人没有个人账户 (the member has no personal account)', 'memberId');
export const chargeReasonRequired = () => new DomainError('C1', 'CHARGE_REASON_REQUIRED', '须填写原因 (a reason is required)', 'reason');
export const chargeNeedsConfirmedCase = () =>
  new DomainError('C1', 'CHARGE_NEEDS_CONFIRMED_CASE', '追回欺诈款须关联本人已确认的风险案件 (a fraud recovery needs a confirmed case of this member)', 'fraudCaseId');
export const chargeNotOpen = (state: string) =>
  new DomainError('C1', 'CHARGE_NOT_OPEN', `该应收状态为 ${state}，不能减免 (the charge is ${state})`, undefined, { state });
