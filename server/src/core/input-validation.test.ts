import 'reflect-metadata';
import { validate } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { SettleInput, SettlementFilter } from '../modules/settlement/settlement.inputs';
import { ListArgs } from './pagination';
import { validateArgument } from './input-validation';

/** An instance of an input class with these fields, as type-graphql builds it. */
const plainToInstance = <T extends object>(cls: new () => T, v: object): T => Object.assign(new cls(), v);
const data = { info: { fieldName: 'x' }, args: {} } as never;
const rejected = async (value: object) => validateArgument(value, undefined, data).then(() => null, (e: { extensions?: { validationErrors?: unknown } }) => e.extensions?.validationErrors);
const ruleErrors = async (value: object) => (await validate(value, { skipMissingProperties: true, forbidUnknownValues: false })).length;

/** The fast checks may only vouch for values class-validator itself accepts (INPUT: bad input is refused). */
describe('INPUT: fast validation paths agree with class-validator', () => {
  it('ListArgs.surelyValid vouches only for values class-validator accepts, and bad paging is still refused', async () => {
    const values = [
      { page: 1, perPage: 25 },
      { page: 3, perPage: 200, after: 'x'.repeat(400) },
      { page: 0, perPage: 25 },
      { page: 1, perPage: 201 },
      { page: 1, perPage: 0 },
      { page: 1, perPage: 25, after: 'x'.repeat(401) },
      { page: -5, perPage: -1 },
    ];
    let vouched = 0;
    for (const v of values) {
      const args = plainToInstance(ListArgs, v);
      const errors = await ruleErrors(args);
      if (ListArgs.surelyValid(args)) {
        vouched++;
        expect(errors, JSON.stringify(v)).toBe(0);
      }
      // Through validateArgument: refused exactly when class-validator finds a problem.
      expect((await rejected(args)) !== null, JSON.stringify(v)).toBe(errors > 0);
    }
    expect(vouched).toBe(2);
  });

  it('a rule-less input class skips class-validator, but still gets the length and id checks', async () => {
    expect(await rejected(plainToInstance(SettlementFilter, { memberId: 7, region: '440300' }))).toBeNull();
    expect(await rejected(plainToInstance(SettlementFilter, { memberId: 0 }))).toEqual([{ field: 'memberId', rules: ['min'] }]);
    expect(await rejected(plainToInstance(SettlementFilter, { serialNo: 'x'.repeat(2001) }))).toEqual([{ field: 'serialNo', rules: ['maxLength'] }]);
  });

  it('a class with rules and no fast check still gets class-validator (SettleInput with a bad serial)', async () => {
    const input = plainToInstance(SettleInput, { serialNo: 'bad serial!', patientIdNumber: '1'.repeat(18), credentialNo: 'c', placeRegion: '440300' });
    expect(SettleInput.surelyValid(input)).toBe(false);
    const problems = (await rejected(input)) as Array<{ field: string }>;
    expect(problems.map((p) => p.field)).toContain('serialNo');
  });
});
