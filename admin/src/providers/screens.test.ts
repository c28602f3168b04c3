/** The staff screens' own operations validate against the API schema, and the staff list's access and filters. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { canAccess, visibleResources } from '../access';
import { buildListQuery, RESOURCES } from './dataProvider';
import { AccountStatementDocument } from './documents';
import { MEMBER_WALLET } from './screens';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = buildSchema(readFileSync(path.resolve(here, '../../../shared/src/graphql/schema.graphql'), 'utf8'));
const errorsOf = (q: string) => validate(schema, parse(q)).map((e) => e.message);

describe('staff screens', () => {
  it('the wallet view and the dated statement validate against the schema', () => {
    expect(errorsOf(String(MEMBER_WALLET))).toEqual([]);
    expect(errorsOf(String(AccountStatementDocument))).toEqual([]);
    expect(String(AccountStatementDocument)).toContain('from: $from');
  });

  it('A1: the staff list is offered read-only to regional admins and auditors only', () => {
    expect(canAccess({ roles: ['AUDITOR'] }, 'staffUsers', 'list')).toBe(true);
    expect(canAccess({ roles: ['REGIONAL_ADMIN'] }, 'staffUsers', 'export')).toBe(true);
    expect(canAccess({ roles: ['REGIONAL_ADMIN'] }, 'staffUsers', 'edit')).toBe(false);
    expect(canAccess({ roles: ['CASEWORKER'] }, 'staffUsers', 'list')).toBe(false);
    expect(visibleResources({ roles: ['FRAUD_ANALYST'] })).not.toContain('staffUsers');
  });

  it('the staff list sends only the filters the API knows', () => {
    const q = buildListQuery('staffUsers', { pagination: { page: 1, perPage: 25 }, filter: { search: ' 经办 ', role: 'CASEWORKER', scope: '44', other: 'x' } });
    expect(q.variables.filter).toEqual({ search: '经办', role: 'CASEWORKER', scope: '44' });
    expect(RESOURCES.staffUsers.one).toBeUndefined();
  });
});
