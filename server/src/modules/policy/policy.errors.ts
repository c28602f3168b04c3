import { DomainError } from '../../core/errors';

export const noPolicy = (province: string, date: string) =>
  new DomainError('POLICY', 'NO_POLICY_IN_FORCE', `省份 ${province} 在 ${date} 没有生效的区域政策 (no policy in force)`);

export const retroactivePolicy = (date: string, today: string) =>
  new DomainError('POLICY', 'RETROACTIVE_POLICY', `生效日期 ${date} 早于今天 ${today}：历史政策不可改写 (a new version cannot take effect in the past)`, 'effectiveFrom');
export const tooFarAhead = (date: string) =>
  new DomainError('POLICY', 'EFFECTIVE_DATE_TOO_FAR', `生效日期 ${date} 超过两年以后 (effective date more than two years ahead)`, 'effectiveFrom');
export const badDate = (date: string) => new DomainError('INPUT', 'BAD_DATE', `日期 ${date} 无效 (invalid date)`, 'effectiveFrom');
export const forbiddenCategoryInPolicy = (categories: string[]) =>
  new DomainError('S5', 'CATEGORY_NEVER_ALLOWED', `以下类别在任何地区都不得由个人账户支付：${categories.join('、')} (never payable from accounts)`, 'rules.allowedCategories');
export const unknownProvince = (code: string) => new DomainError('INPUT', 'UNKNOWN_PROVINCE', `省级单位 ${code} 不存在 (unknown province)`, 'provinceCode');
export const diffAcrossProvinces = () => new DomainError('INPUT', 'DIFFERENT_PROVINCES', '只能比较同一省份的两个版本 (compare versions of one province)');
export const badWindow = () =>
  new DomainError('S14', 'BAD_PREMIUM_WINDOW', '居民医保缴费窗口的开始日期不能晚于结束日期 (window start after end)', 'rules.residentPremiumWindowStart');
