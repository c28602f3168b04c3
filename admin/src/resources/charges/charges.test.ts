/** C1 应收未收 screens: their operations validate against the API schema, every message exists in both languages, and only caseworkers get the buttons. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { canAccess } from '../../access';
import { messagesFor } from '../../i18n';
import { CHARGES_ERROR_CODES, CHARGES_MESSAGES } from '../../i18n/charges';
import { CLOSURE_FEES, MEMBER_CHARGES, RECORD_CHARGE, WAIVE_CHARGE } from './charges';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = buildSchema(readFileSync(path.resolve(here, '../../../../shared/src/graphql/schema.graphql'), 'utf8'));
const errorsOf = (q: string) => validate(schema, parse(q)).map((e) => e.message);
const get = (tree: unknown, key: string) => key.split('.').reduce<unknown>((t, k) => (t as Record<string, unknown> | undefined)?.[k], tree);

describe('C1: fees owed (应收未收) screens', () => {
  it('C1: the list, record, waive and closure-fees operations validate against the schema', () => {
    for (const doc of [MEMBER_CHARGES, RECORD_CHARGE, WAIVE_CHARGE, CLOSURE_FEES]) expect(errorsOf(String(doc))).toEqual([]);
  });

  it('C1: every message, enum label and error code is there in zh-CN and English', () => {
    for (const locale of ['zh-CN', 'en']) {
      const m = messagesFor(locale);
      for (const k of Object.keys(CHARGES_MESSAGES)) expect(typeof get(m, `gongji.charges.${k}`), k).toBe('string');
      for (const k of Object.keys(CHARGES_ERROR_CODES)) expect(typeof get(m, `gongji.errors.codes.${k}`), k).toBe('string');
      for (const k of ['chargeKind.FRAUD_RECOVERY', 'chargeKind.OTHER', 'chargeState.OPEN', 'chargeState.PAID', 'chargeState.WAIVED', 'ledgerCause.FEE'])
        expect(typeof get(m, `gongji.enums.${k}`), k).toBe('string');
    }
    expect(get(messagesFor('zh-CN'), 'gongji.charges.title')).toBe('应收未收');
  });

  it('C1: only caseworkers are offered record and waive (members: edit); auditors and analysts read', () => {
    expect(canAccess({ roles: ['CASEWORKER'] }, 'members', 'edit')).toBe(true);
    expect(canAccess({ roles: ['AUDITOR'] }, 'members', 'edit')).toBe(false);
    expect(canAccess({ roles: ['FRAUD_ANALYST'] }, 'members', 'edit')).toBe(false);
    expect(canAccess({ roles: ['AUDITOR'] }, 'members', 'show')).toBe(true);
  });
});
