import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../i18n';
import { errorText, messageInLanguage, normalizeParams } from './errorText';

describe('error messages in one language', () => {
  it('shows only the Chinese part of a bilingual server message in zh-CN, only the English part in en', () => {
    expect(messageInLanguage('该材料已审核（APPROVED）(already reviewed)', 'zh-CN')).toBe('该材料已审核（APPROVED）');
    expect(messageInLanguage('省份 11 的政策不在您的管辖范围内 (outside your scope)', 'zh-CN')).toBe('省份 11 的政策不在您的管辖范围内');
    expect(messageInLanguage('省份 11 的政策不在您的管辖范围内 (outside your scope)', 'en')).toBe('outside your scope');
    expect(messageInLanguage('只有中文', 'zh-CN')).toBe('只有中文');
  });

  it('words a known code from its params, in either language', () => {
    const params = normalizeParams([
      { key: 'date', value: '2027-02-01' },
      { key: 'expectedVersion', value: '5' },
      { key: 'expectedId', value: '82' },
    ]);
    expect(errorText(zhCN, 'zh-CN', 'STALE_POLICY_BASE', params, 'x (y)')).toBe('编辑所依据的版本已过时：2027-02-01 生效的是第 5 版，请在最新版本上重新修改');
    expect(errorText(en, 'en', 'STALE_POLICY_BASE', params, 'x (y)')).toContain('version 5 is in force on 2027-02-01');
  });

  it('F6: words a refused policy knob from the knob catalogue: its label, range and value, money in yuan', () => {
    const params = normalizeParams([
      { key: 'knob', value: 'fraud.drainPercent' },
      { key: 'min', value: '1' },
      { key: 'max', value: '100' },
      { key: 'value', value: '150' },
    ]);
    expect(errorText(zhCN, 'zh-CN', 'POLICY_KNOB_OUT_OF_RANGE', params, 'x (y)')).toBe('新绑定后余额消耗比例（%）须在 1–100 % 之间（收到 150）');
    expect(errorText(en, 'en', 'POLICY_KNOB_OUT_OF_RANGE', params, 'x (y)')).toBe('Balance drained after a new binding (%) must be within 1–100 % (got 150)');
    const money = normalizeParams({ knob: 'wallet.maxTransferFen', value: '0' });
    expect(errorText(zhCN, 'zh-CN', 'POLICY_KNOB_OUT_OF_RANGE', money, 'x (y)')).toBe('单笔转账上限须在 0.01–1,000,000.00 元 之间（收到 0.00 元）');
  });

  it('falls back to the server message when the code is unknown or a param is missing, and to a generic text without one', () => {
    expect(errorText(zhCN, 'zh-CN', 'SOMETHING_NEW', {}, '新规则拒绝 (new rule)')).toBe('新规则拒绝');
    expect(errorText(zhCN, 'zh-CN', 'STALE_POLICY_BASE', {}, '依据版本过时 (stale)')).toBe('依据版本过时');
    expect(errorText(zhCN, 'zh-CN', 'HTTP_ERROR', { status: '500' }, undefined)).toBe('服务器出错（HTTP 500），请稍后重试');
    expect(errorText(zhCN, 'zh-CN', 'NETWORK_ERROR', {}, undefined)).toMatch(/^无法连接服务器/);
    expect(normalizeParams({ a: 1, b: null })).toEqual({ a: '1' });
  });
});
