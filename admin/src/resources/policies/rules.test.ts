import { describe, expect, it } from 'vitest';
import { diffPathKey, parseRules, rulesToInput } from './rules';

describe('parseRules', () => {
  it('accepts an object or a JSON string', () => {
    expect(parseRules({ intraProvinceSharing: true })).toEqual({ intraProvinceSharing: true });
    expect(parseRules('{"crossProvinceSharing":false}')).toEqual({ crossProvinceSharing: false });
  });
  it('rejects anything else', () => {
    expect(parseRules(null)).toBeNull();
    expect(parseRules('not json')).toBeNull();
    expect(parseRules('[1]')).toBeNull();
    expect(parseRules(3)).toBeNull();
  });
});

describe('rulesToInput', () => {
  it('turns the editor values into PolicyRulesInput', () => {
    const input = rulesToInput({
      intraProvinceSharing: true,
      requiredProofs: { SPOUSE: ['MARRIAGE_CERTIFICATE'], PARENT: [], CHILD: ['HOUSEHOLD_REGISTER', 'BIRTH_CERTIFICATE'] },
      maxGiversPerBeneficiary: '' as unknown as null,
      maxBeneficiariesPerGiver: 3,
      commercialInsuranceMinBalanceFen: 150000.4,
      residentPremiumFen: 38000,
      retireeMonthlyCreditFen: 12000,
      employeeAccountRatePermille: 20,
      fraud: { drainPercent: '80' as unknown as number, drainWindowDays: 7 } as never,
    });
    expect(input.requiredProofs).toEqual([
      { relationship: 'SPOUSE', docTypes: ['MARRIAGE_CERTIFICATE'] },
      { relationship: 'CHILD', docTypes: ['HOUSEHOLD_REGISTER', 'BIRTH_CERTIFICATE'] },
    ]);
    expect(input.maxGiversPerBeneficiary).toBeNull();
    expect(input.maxBeneficiariesPerGiver).toBe(3);
    expect(input.commercialInsuranceMinBalanceFen).toBe(150000);
    expect(input.fraud).toEqual({ drainPercent: 80, drainWindowDays: 7 });
    expect(input.intraProvinceSharing).toBe(true);
    expect(Object.keys(input)).not.toContain('id');
  });

  it('labels diff paths', () => {
    expect(diffPathKey('fraud.drainPercent')).toEqual({ key: 'gongji.policy.fraud.drainPercent' });
    expect(diffPathKey('requiredProofs.SPOUSE')).toEqual({ key: 'gongji.policy.rules.requiredProofs', sub: 'SPOUSE' });
    expect(diffPathKey('crossProvinceSharing')).toEqual({ key: 'gongji.policy.rules.crossProvinceSharing' });
  });
});
