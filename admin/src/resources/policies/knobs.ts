/**
 * The dashboard side of the policy-knob catalogue (@gongji/shared policy-knobs.ts): translation
 * keys of a knob and the editor's values ↔ the API's PolicyRulesInput. The editor and the views
 * take their fields from the catalogue; there is no second list of knobs here.
 */
import { knobProblem, knobRangeText, knobValue, POLICY_KNOBS, type KnobGroup, type PolicyKnob } from '@gongji/shared';

/** `crossProvinceSharing` → gongji.policy.rules.crossProvinceSharing; `fraud.drainPercent` → gongji.policy.fraud.drainPercent. */
export function knobLabelKey(key: string): string {
  const [head, tail] = key.split('.', 2);
  return tail ? `gongji.policy.${head}.${tail}` : `gongji.policy.rules.${head}`;
}

export function knobHelpKey(knob: PolicyKnob): string | undefined {
  return knob.help ? `gongji.policy.knob_help.${knob.key}` : undefined;
}

/** The form field of a knob (react-hook-form path). */
export const knobSource = (knob: PolicyKnob) => `rules.${knob.key}`;

const intOrNull = (v: unknown): number | null => (v === null || v === undefined || v === '' || Number.isNaN(Number(v)) ? null : Math.round(Number(v)));

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

/**
 * The editor's values → the API's PolicyRulesInput, knob by knob from the catalogue: numbers as
 * integers (an emptied nullable knob as null), required proofs as a list of { relationship, docTypes }
 * (relationships with none left out). Knobs the editor has no value for are left out.
 */
export function rulesToInput(rules: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const knob of POLICY_KNOBS) {
    const v = knobValue(rules, knob.key);
    if (v === undefined) continue;
    if (knob.type === 'integer' || knob.type === 'fen') {
      const n = intOrNull(v);
      if (n !== null || knob.nullable) setPath(out, knob.key, n);
    } else if (knob.type === 'proofs') {
      setPath(
        out,
        knob.key,
        Object.entries((v ?? {}) as Record<string, string[] | undefined>)
          .filter(([, docs]) => Array.isArray(docs) && docs.length > 0)
          .map(([relationship, docTypes]) => ({ relationship, docTypes })),
      );
    } else setPath(out, knob.key, v);
  }
  return out;
}

export const GROUP_TITLES: Record<KnobGroup, string> = {
  sharing: 'gongji.policy.sharing',
  proofs: 'gongji.policy.rules.requiredProofs',
  limits: 'gongji.policy.limits',
  payments: 'gongji.policy.payments',
  wallet: 'gongji.policy.rules.wallet',
  fraud: 'gongji.policy.rules.fraud',
};

/** The editor checks a knob exactly as the server does: against the knob catalogue (a react-admin validator). */
export function knobValidator(knob: PolicyKnob, lang: 'zh' | 'en') {
  return (value: unknown) => {
    const numeric = knob.type === 'integer' || knob.type === 'fen';
    const v = numeric ? (value === '' || value == null ? null : Number(value)) : value === '' ? null : value;
    if (!knobProblem(knob, v)) return undefined;
    if (v === null || v === undefined) return 'ra.validation.required';
    return knob.min !== undefined ? { message: 'gongji.policy.out_of_range', args: { range: knobRangeText(knob, lang) } } : 'gongji.policy.invalid_value';
  };
}
