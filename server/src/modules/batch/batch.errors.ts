import { DomainError, InvalidInputError } from '../../core/errors';

export const badPeriod = (p: string) => new InvalidInputError('BAD_PERIOD', `期间 ${p} 无效，应为 YYYY-MM (period must be YYYY-MM)`, 'period');
export const futurePeriod = (p: string) => new InvalidInputError('FUTURE_PERIOD', `期间 ${p} 尚未开始 (period has not started)`, 'period');
export const outsideWindow = (province: string, start: string, end: string) =>
  new DomainError('S14', 'OUTSIDE_PREMIUM_WINDOW', `不在省份 ${province} 的居民医保缴费期（${start} 至 ${end}）内 (outside the collection window)`);
export const alreadyPaid = (year: number) => new DomainError('S14', 'PREMIUM_ALREADY_PAID', `被共济人 ${year} 年度居民医保已缴纳 (already paid for ${year})`);
export const notResident = () => new DomainError('S14', 'BENEFICIARY_NOT_RESIDENT', '被共济人不是居民医保参保人 (the beneficiary is not a RESIDENT member)');
export const bindingNotActive = () => new DomainError('S14', 'BINDING_NOT_ACTIVE', '只有生效的家庭共济绑定可以代缴 (only an ACTIVE mutual-aid binding can pay)');
export const notEnough = () => new DomainError('S4', 'INSUFFICIENT_BALANCE', '共济人可用余额不足 (not enough available balance)');
