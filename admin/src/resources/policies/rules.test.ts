import { describe, expect, it } from 'vitest';
import { parseRules } from './rules';

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
