import { DomainError } from '../../core/errors';

export const insufficientAvailable = (accountId: number) =>
  new DomainError('S4', 'INSUFFICIENT_BALANCE', `账户 ${accountId} 可用余额不足 (available balance too low)`);
export const badAmount = (amount: number) =>
  new DomainError('INPUT', 'BAD_AMOUNT', `金额必须是正整数（分）(amount must be a positive integer of fen, got ${amount})`, 'amountFen');
export const noAccount = (memberId: number) =>
  new DomainError('E1', 'NO_PERSONAL_ACCOUNT', `参保人 ${memberId} 没有个人账户 (no personal account)`);
