/**
 * The policy editor and views are derived from the knob catalogue (@gongji/shared policy-knobs.ts),
 * the same table the server validates with: no second list of knobs, the same ranges, every knob
 * fetched, shown, edited and sent back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultPolicyRules, POLICY_KNOBS, type PolicyKnob } from '@gongji/shared';
import { buildSchema, getNamedType, isInputObjectType, type GraphQLInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../i18n';
import { knobLabelKey, knobValidator, rulesToInput } from './knobs';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = buildSchema(readFileSync(path.resolve(here, '../../../../shared/src/graphql/schema.graphql'), 'utf8'));
const leaf = (k: PolicyKnob) => k.key.split('.').at(-1)!;

function inputLeaves(type: GraphQLInputObjectType, prefix = ''): string[] {
  return Object.values(type.getFields()).flatMap((f) => {
    const t = getNamedType(f.type);
    return isInputObjectType(t) && f.name !== 'requiredProofs' ? inputLeaves(t, `${prefix}${f.name}.`) : [`${prefix}${f.name}`];
  });
}

function lookup(messages: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

describe('the policy editor follows the knob catalogue', () => {
  it('POLICY: the editor, the views and the diff name no knob themselves (their fields come from the catalogue)', () => {
    const keys = new Set(POLICY_KNOBS.flatMap((k) => [k.key, leaf(k)]));
    const dirs = [here, path.resolve(here, '../provinces')];
    for (const file of dirs.flatMap((d) => readdirSync(d).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.')).map((f) => path.join(d, f)))) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const named = [...code.matchAll(/['"`]([\w.]+)['"`]/g)].map((m) => m[1]).filter((s) => keys.has(s));
      expect(named, path.basename(file)).toEqual([]);
    }
  });

  it('F6: the editor refuses exactly what the server refuses: one past either end of every numeric knob', () => {
    for (const knob of POLICY_KNOBS.filter((k) => k.type === 'integer' || k.type === 'fen')) {
      const validate = knobValidator(knob, 'zh');
      expect(validate(knob.min), knob.key).toBeUndefined();
      expect(validate(knob.max), knob.key).toBeUndefined();
      expect(validate(knob.min! - 1), knob.key).toMatchObject({ message: 'gongji.policy.out_of_range' });
      if (knob.max! < Number.MAX_SAFE_INTEGER) expect(validate(knob.max! + 1), knob.key).toMatchObject({ message: 'gongji.policy.out_of_range' });
      expect(validate(''), knob.key).toBe(knob.nullable ? undefined : 'ra.validation.required');
    }
    expect(knobValidator(POLICY_KNOBS.find((k) => k.key === 'wallet.quietFrom')!, 'zh')('25:00')).toBe('gongji.policy.invalid_value');
  });

  it('every knob has its label in both languages, and is selected, sent and accepted by the API', () => {
    for (const knob of POLICY_KNOBS) {
      expect(lookup(zhCN, knobLabelKey(knob.key)), knob.key).toBe(knob.label.zh);
      expect(lookup(en, knobLabelKey(knob.key)), knob.key).toBe(knob.label.en);
    }
    const fragment = readFileSync(path.resolve(here, '../../providers/documents.ts'), 'utf8').match(/fragment PolicyRulesFields on PolicyRules \{([\s\S]*?)\n {2}\}\n`\)/)![1];
    for (const knob of POLICY_KNOBS) expect(fragment, `PolicyRulesFields selects ${knob.key}`).toMatch(new RegExp(`\\b${leaf(knob)}\\b`));
    const input = rulesToInput(defaultPolicyRules());
    const sent = inputLeaves(schema.getType('PolicyRulesInput') as GraphQLInputObjectType);
    expect(sent.sort()).toEqual(POLICY_KNOBS.map((k) => k.key).sort());
    for (const knob of POLICY_KNOBS) expect(knob.key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], input), knob.key).not.toBeUndefined();
  });
});
