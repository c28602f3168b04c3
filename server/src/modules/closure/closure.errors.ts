import { DomainError } from '../../core/errors';

export const sharesDoNotAddUp = (sum: number, pending: number) =>
  new DomainError('C2', 'SHARES_DO_NOT_ADD_UP', `各份额合计 ${sum} 分，与待支付余额 ${pending} 分不等 (shares must add up exactly to the balance)`, 'shares');
export const documentsRequired = () => new DomainError('C2', 'DOCUMENTS_REQUIRED', '继承支付须附证明材料 (a decision needs documents)', 'documents');
export const closureNotPending = (state: string) =>
  new DomainError('C2', 'CLOSURE_NOT_PENDING', `该注销记录状态为 ${state}，不能再决定支付 (closure is ${state})`);
export const transferNotAwaiting = (state: string) =>
  new DomainError('C3', 'TRANSFER_NOT_AWAITING', `该转移记录状态为 ${state}，不能接收 (transfer is ${state})`);
export const withdrawalNotAllowed = () =>
  new DomainError('C4', 'WITHDRAWAL_NOT_ALLOWED', '参保地政策不允许个人账户提取 (the region policy does not allow withdrawal)');
export const accountClosed = () => new DomainError('C5', 'ACCOUNT_CLOSED', '个人账户已注销 (the account is closed)');
