import { DomainError } from '../../core/errors';

export const walletsNotAllowed = (province: string) =>
  new DomainError('W1', 'WALLET_NOT_ALLOWED', `省份 ${province} 的政策不允许医保钱包转账 (wallet transfers not allowed by the region policy)`);
export const notARelative = () => new DomainError('W1', 'RECIPIENT_MISMATCH', '收款人姓名与身份证号码不符 (recipient name and ID number do not match the registry)', 'recipientName');
export const selfTransfer = () => new DomainError('W1', 'SELF_TRANSFER', '不能向自己的医保钱包转账 (cannot transfer to yourself)');
export const senderNotEligible = () => new DomainError('W1', 'SENDER_NOT_ELIGIBLE', '只有正常参保的职工医保参保人可以转出个人账户 (only ACTIVE EMPLOYEE members with an account may send)');
export const senderSuspended = (until: string | null) =>
  new DomainError('W5', 'SENDER_SUSPENDED', `账户已暂停联网结算${until ? `至 ${until}` : ''}，不能转账 (sender is suspended, S10)`);
export const overPerTransfer = (max: number) => new DomainError('W2', 'OVER_PER_TRANSFER', `单笔转账不能超过 ${max / 100} 元 (over the per-transfer limit)`, 'amountFen');
export const overDailyCount = (max: number) => new DomainError('W2', 'OVER_DAILY_COUNT', `每天最多转账 ${max} 笔 (daily transfer limit reached)`);
export const quietHours = (from: string, until: string) => new DomainError('W2', 'QUIET_HOURS', `北京时间 ${from}–${until} 不能转账 (no transfers during quiet hours)`);
export const insufficientForTransfer = () => new DomainError('W2', 'INSUFFICIENT_BALANCE', '个人账户可用余额不足 (available balance too low)', 'amountFen');
export const transferNotPending = (state: string) => new DomainError('W3', 'TRANSFER_NOT_PENDING', `该转账状态为 ${state} (transfer is ${state})`);
export const requestIdReused = () =>
  new DomainError('W5', 'REQUEST_ID_REUSED', '同一请求号已用于另一笔不同的转账 (request id already used for a different transfer)', 'requestId');
