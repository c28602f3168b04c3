import { knobRangeText, type KnobProblem } from '@gongji/shared';
import { DomainError } from '../../core/errors';

/**
 * A knob outside the catalogue (shared/src/policy-knobs.ts): the rule it serves, the knob and its
 * range. POLICY_KNOB_OUT_OF_RANGE for a number outside [min, max], POLICY_KNOB_INVALID otherwise.
 */
export const knobRefused = ({ knob, value, kind }: KnobProblem) => {
  const shown = value === undefined ? '（空）' : JSON.stringify(value);
  const range = knobRangeText(knob, 'zh');
  const [zh, en] =
    kind === 'range'
      ? [`${knob.label.zh}须在 ${range} 之间，收到 ${knob.type === 'fen' ? `${Number(value) / 100} 元` : shown}`, `${knob.key} must be within ${knobRangeText(knob, 'en')}`]
      : [`${knob.label.zh}的值无效：${shown}`, `${knob.key}: not a valid value`];
  return new DomainError(knob.rule, kind === 'range' ? 'POLICY_KNOB_OUT_OF_RANGE' : 'POLICY_KNOB_INVALID', `${zh} (${en})`, `rules.${knob.key}`, {
    knob: knob.key,
    ...(knob.min !== undefined ? { min: knob.min } : {}),
    ...(knob.max !== undefined ? { max: knob.max } : {}),
    value: value === undefined ? 'null' : typeof value === 'string' ? value : JSON.stringify(value),
  });
};

export const noPolicy = (province: string, date: string) =>
  new DomainError('POLICY', 'NO_POLICY_IN_FORCE', `省份 ${province} 在 ${date} 没有生效的区域政策 (no policy in force)`, undefined, { province, date });

export const retroactivePolicy = (date: string, today: string) =>
  new DomainError('POLICY', 'RETROACTIVE_POLICY', `生效日期 ${date} 早于今天 ${today}：历史政策不可改写 (a new version cannot take effect in the past)`, 'effectiveFrom', { date, today });
export const tooFarAhead = (date: string) =>
  new DomainError('POLICY', 'EFFECTIVE_DATE_TOO_FAR', `生效日期 ${date} 超过两年以后 (effective date more than two years ahead)`, 'effectiveFrom', { date });
export const badDate = (date: string) => new DomainError('INPUT', 'BAD_DATE', `日期 ${date} 无效 (invalid date)`, 'effectiveFrom', { date });
export const forbiddenCategoryInPolicy = (categories: string[]) =>
  new DomainError('S5', 'CATEGORY_NEVER_ALLOWED', `以下类别在任何地区都不得由个人账户支付：${categories.join('、')} (never payable from accounts)`, 'rules.allowedCategories', {
    categories: categories.join(','),
  });
export const unknownProvince = (code: string) => new DomainError('INPUT', 'UNKNOWN_PROVINCE', `省级单位 ${code} 不存在 (unknown province)`, 'provinceCode', { province: code });
export const diffAcrossProvinces = () => new DomainError('INPUT', 'DIFFERENT_PROVINCES', '只能比较同一省份的两个版本 (compare versions of one province)');
export const badWindow = () =>
  new DomainError('S14', 'BAD_PREMIUM_WINDOW', '居民医保缴费窗口的开始日期不能晚于结束日期 (window start after end)', 'rules.residentPremiumWindowStart');

// Safe publishing: an edit starts from the version it will replace, one version per effective date,
// and a scheduled version can be withdrawn before it takes effect.
export const staleBase = (basedOn: number, expectedId: number, expectedVersion: number, date: string) =>
  new DomainError(
    'POLICY',
    'STALE_POLICY_BASE',
    `编辑所依据的版本已不是 ${date} 生效的版本（应基于第 ${expectedVersion} 版），请刷新后在最新版本上修改 (edit was based on an outdated version)`,
    'basedOnVersionId',
    { basedOn, expectedId, expectedVersion, date },
  );
export const dateTaken = (date: string, version: number) =>
  new DomainError('POLICY', 'EFFECTIVE_DATE_TAKEN', `${date} 已排定第 ${version} 版生效，同一日期只能有一个版本：请撤回或在其上修改 (a version is already scheduled for that date)`, 'effectiveFrom', {
    date,
    version,
  });
export const laterScheduled = (date: string, version: number, laterDate: string) =>
  new DomainError(
    'POLICY',
    'LATER_VERSION_SCHEDULED',
    `第 ${version} 版已排定于 ${laterDate} 生效，晚于 ${date}；它生效时会覆盖本次修改：请先撤回或改在其后生效 (a later version is already scheduled)`,
    'effectiveFrom',
    { date, version, laterDate },
  );
export const alreadyInForce = (version: number, date: string) =>
  new DomainError('POLICY', 'POLICY_ALREADY_IN_FORCE', `第 ${version} 版已于 ${date} 生效，不能撤回：请发布新版本 (a version in force cannot be withdrawn)`, undefined, { version, date });
export const policyInUse = (version: number) =>
  new DomainError('POLICY', 'POLICY_IN_USE', `第 ${version} 版已被绑定或结算引用，不能撤回 (the version is referenced)`, undefined, { version });
