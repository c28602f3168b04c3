import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAUD_THRESHOLDS, DEFAULT_SETTLEMENT_MAX_TOTAL_FEN, DEFAULT_WALLET_POLICY, withPolicyDefaults, type PolicyRules } from './policy';
import { defaultPolicyRules, knobProblem, knobRangeText, POLICY_KNOB_BY_KEY, POLICY_KNOBS, policyKnobProblems } from './policy-knobs';

/** Leaf paths of a rules object (nested objects other than requiredProofs are walked). */
function leaves(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) && k !== 'requiredProofs' ? leaves(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('the policy-knob catalogue', () => {
  it('has one row per knob, each with a rule, labels in both languages, a default inside its own range', () => {
    expect(new Set(POLICY_KNOBS.map((k) => k.key)).size).toBe(POLICY_KNOBS.length);
    for (const k of POLICY_KNOBS) {
      expect(k.rule, k.key).toMatch(/^[ESFWC]\d+$/);
      expect(k.label.zh && k.label.en, k.key).toBeTruthy();
      expect(knobProblem(k, k.default), k.key).toBeNull();
      if (k.type === 'integer' || k.type === 'fen') expect(k.min !== undefined && k.max !== undefined && k.min <= k.max, k.key).toBe(true);
    }
  });

  it('covers every knob of PolicyRules: the defaults completed by withPolicyDefaults have exactly the catalogue keys', () => {
    const rules = defaultPolicyRules();
    expect(policyKnobProblems(rules)).toEqual([]);
    const completed = withPolicyDefaults({ ...rules, fraud: {}, wallet: undefined } as unknown as PolicyRules);
    expect(leaves(completed as unknown as Record<string, unknown>).sort()).toEqual(POLICY_KNOBS.map((k) => k.key).sort());
  });

  it('is where the defaults of policy.ts come from', () => {
    expect(DEFAULT_FRAUD_THRESHOLDS.drainPercent).toBe(POLICY_KNOB_BY_KEY.get('fraud.drainPercent')!.default);
    expect(DEFAULT_WALLET_POLICY.maxTransfersPerDay).toBe(POLICY_KNOB_BY_KEY.get('wallet.maxTransfersPerDay')!.default);
    expect(DEFAULT_SETTLEMENT_MAX_TOTAL_FEN).toBe(1_000_000_000);
  });

  it('F6: refuses a value outside the range, a fraction, a wrong format or an unknown choice, naming the knob', () => {
    const rules = defaultPolicyRules() as { fraud: Record<string, unknown>; wallet: Record<string, unknown> } & Record<string, unknown>;
    rules.fraud.drainPercent = 150;
    rules.fraud.drainWindowDays = 1.5;
    rules.wallet.quietFrom = '25:00';
    rules.allowedCategories = ['OUTPATIENT', 'NOT_A_CATEGORY'];
    rules.maxGiversPerBeneficiary = null; // a cap may be empty
    const problems = policyKnobProblems(rules).map((p) => [p.knob.key, p.knob.rule, p.kind, p.value]);
    expect(problems).toEqual([
      ['allowedCategories', 'S5', 'type', ['OUTPATIENT', 'NOT_A_CATEGORY']],
      ['wallet.quietFrom', 'W2', 'type', '25:00'],
      ['fraud.drainPercent', 'F6', 'range', 150],
      ['fraud.drainWindowDays', 'F6', 'type', 1.5],
    ]);
  });

  it('words a range in the knob unit, money in yuan', () => {
    expect(knobRangeText(POLICY_KNOB_BY_KEY.get('fraud.drainPercent')!, 'zh')).toBe('1–100 %');
    expect(knobRangeText(POLICY_KNOB_BY_KEY.get('wallet.maxTransferFen')!, 'zh')).toBe('0.01–1,000,000.00 元');
    expect(knobRangeText(POLICY_KNOB_BY_KEY.get('fraud.institutionsPerDay')!, 'en')).toBe('2–100');
  });
});
