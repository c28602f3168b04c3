/**
 * Province and pooling-region reference data (GB/T 2260 codes).
 * 新疆生产建设兵团 (XPCC) is its own provincial unit: medical-insurance tables give it 66 / 660000,
 * and its residents' ID numbers carry 6590xx region codes.
 */
export interface Province {
  code: string; // 2 digits
  name: string;
  shortName: string;
  nameEn: string;
}

export interface PoolingRegion {
  code: string; // 6 digits
  name: string;
  provinceCode: string;
  /** Latitude/longitude of the seat, used by the impossible-travel rule (F3). */
  lat: number;
  lng: number;
}

export const PROVINCES: Province[] = [
  { code: '11', name: '北京市', shortName: '北京', nameEn: 'Beijing' },
  { code: '12', name: '天津市', shortName: '天津', nameEn: 'Tianjin' },
  { code: '13', name: '河北省', shortName: '河北', nameEn: 'Hebei' },
  { code: '14', name: '山西省', shortName: '山西', nameEn: 'Shanxi' },
  { code: '15', name: '内蒙古自治区', shortName: '内蒙古', nameEn: 'Inner Mongolia' },
  { code: '21', name: '辽宁省', shortName: '辽宁', nameEn: 'Liaoning' },
  { code: '22', name: '吉林省', shortName: '吉林', nameEn: 'Jilin' },
  { code: '23', name: '黑龙江省', shortName: '黑龙江', nameEn: 'Heilongjiang' },
  { code: '31', name: '上海市', shortName: '上海', nameEn: 'Shanghai' },
  { code: '32', name: '江苏省', shortName: '江苏', nameEn: 'Jiangsu' },
  { code: '33', name: '浙江省', shortName: '浙江', nameEn: 'Zhejiang' },
  { code: '34', name: '安徽省', shortName: '安徽', nameEn: 'Anhui' },
  { code: '35', name: '福建省', shortName: '福建', nameEn: 'Fujian' },
  { code: '36', name: '江西省', shortName: '江西', nameEn: 'Jiangxi' },
  { code: '37', name: '山东省', shortName: '山东', nameEn: 'Shandong' },
  { code: '41', name: '河南省', shortName: '河南', nameEn: 'Henan' },
  { code: '42', name: '湖北省', shortName: '湖北', nameEn: 'Hubei' },
  { code: '43', name: '湖南省', shortName: '湖南', nameEn: 'Hunan' },
  { code: '44', name: '广东省', shortName: '广东', nameEn: 'Guangdong' },
  { code: '45', name: '广西壮族自治区', shortName: '广西', nameEn: 'Guangxi' },
  { code: '46', name: '海南省', shortName: '海南', nameEn: 'Hainan' },
  { code: '50', name: '重庆市', shortName: '重庆', nameEn: 'Chongqing' },
  { code: '51', name: '四川省', shortName: '四川', nameEn: 'Sichuan' },
  { code: '52', name: '贵州省', shortName: '贵州', nameEn: 'Guizhou' },
  { code: '53', name: '云南省', shortName: '云南', nameEn: 'Yunnan' },
  { code: '54', name: '西藏自治区', shortName: '西藏', nameEn: 'Tibet' },
  { code: '61', name: '陕西省', shortName: '陕西', nameEn: 'Shaanxi' },
  { code: '62', name: '甘肃省', shortName: '甘肃', nameEn: 'Gansu' },
  { code: '63', name: '青海省', shortName: '青海', nameEn: 'Qinghai' },
  { code: '64', name: '宁夏回族自治区', shortName: '宁夏', nameEn: 'Ningxia' },
  { code: '65', name: '新疆维吾尔自治区', shortName: '新疆', nameEn: 'Xinjiang' },
  { code: '66', name: '新疆生产建设兵团', shortName: '兵团', nameEn: 'XPCC' },
];

const r = (code: string, name: string, lat: number, lng: number): PoolingRegion => ({
  code,
  name,
  provinceCode: code.slice(0, 2),
  lat,
  lng,
});

/** Pooling regions (统筹区). Municipalities pool city-wide and use the province-level code. */
export const POOLING_REGIONS: PoolingRegion[] = [
  r('110000', '北京市', 39.9042, 116.4074),
  r('120000', '天津市', 39.0842, 117.2009),
  r('130100', '石家庄市', 38.0428, 114.5149),
  r('130200', '唐山市', 39.6305, 118.1802),
  r('140100', '太原市', 37.8706, 112.5489),
  r('140200', '大同市', 40.0768, 113.3001),
  r('150100', '呼和浩特市', 40.8426, 111.7492),
  r('210100', '沈阳市', 41.8057, 123.4315),
  r('210200', '大连市', 38.914, 121.6147),
  r('220100', '长春市', 43.8171, 125.3235),
  r('230100', '哈尔滨市', 45.8038, 126.535),
  r('310000', '上海市', 31.2304, 121.4737),
  r('320100', '南京市', 32.0603, 118.7969),
  r('320200', '无锡市', 31.4912, 120.3119),
  r('320500', '苏州市', 31.2989, 120.5853),
  r('330100', '杭州市', 30.2741, 120.1551),
  r('330200', '宁波市', 29.8683, 121.544),
  r('330300', '温州市', 27.9938, 120.6994),
  r('340100', '合肥市', 31.8206, 117.2272),
  r('350100', '福州市', 26.0745, 119.2965),
  r('350200', '厦门市', 24.4798, 118.0894),
  r('360100', '南昌市', 28.682, 115.8579),
  r('370100', '济南市', 36.6512, 117.1201),
  r('370200', '青岛市', 36.0671, 120.3826),
  r('410100', '郑州市', 34.7466, 113.6254),
  r('420100', '武汉市', 30.5928, 114.3055),
  r('420500', '宜昌市', 30.6919, 111.2865),
  r('430100', '长沙市', 28.2282, 112.9388),
  r('440100', '广州市', 23.1291, 113.2644),
  r('440300', '深圳市', 22.5431, 114.0579),
  r('440400', '珠海市', 22.2707, 113.5767),
  r('440600', '佛山市', 23.0215, 113.1214),
  r('441900', '东莞市', 23.0207, 113.7518),
  r('450100', '南宁市', 22.817, 108.3665),
  r('450200', '柳州市', 24.3264, 109.4281),
  r('450300', '桂林市', 25.2736, 110.29),
  r('460100', '海口市', 20.044, 110.1999),
  r('500000', '重庆市', 29.563, 106.5516),
  r('510100', '成都市', 30.5728, 104.0668),
  r('510700', '绵阳市', 31.4675, 104.6796),
  r('520100', '贵阳市', 26.647, 106.6302),
  r('530100', '昆明市', 25.0389, 102.7183),
  r('540100', '拉萨市', 29.652, 91.1721),
  r('610100', '西安市', 34.3416, 108.9398),
  r('620100', '兰州市', 36.0611, 103.8343),
  r('630100', '西宁市', 36.6171, 101.7782),
  r('640100', '银川市', 38.4872, 106.2309),
  r('650100', '乌鲁木齐市', 43.8256, 87.6168),
  r('660000', '新疆生产建设兵团', 44.3056, 86.0806),
];

export const PROVINCE_BY_CODE: ReadonlyMap<string, Province> = new Map(PROVINCES.map((p) => [p.code, p]));
export const POOLING_REGION_BY_CODE: ReadonlyMap<string, PoolingRegion> = new Map(
  POOLING_REGIONS.map((p) => [p.code, p]),
);

/**
 * The provincial unit of a region code (2 or 6 digits).
 * XPCC cities are coded 6590xx under GB/T 2260 but form their own unit (66).
 */
export function provinceOf(regionCode: string): string {
  if (/^6590\d\d$/.test(regionCode)) return '66';
  return regionCode.slice(0, 2);
}

/** A staff scope: null (national), a 2-digit province or a 6-digit pooling region. */
export function regionInScope(scope: string | null | undefined, regionCode: string): boolean {
  if (!scope) return true;
  if (scope.length === 2) return provinceOf(regionCode) === scope;
  return regionCode === scope;
}

/** Great-circle distance in km between two pooling regions' seats (for F3); null when unknown. */
export function regionDistanceKm(a: string, b: string): number | null {
  const ra = POOLING_REGION_BY_CODE.get(a);
  const rb = POOLING_REGION_BY_CODE.get(b);
  if (!ra || !rb) return null;
  const rad = Math.PI / 180;
  const dLat = (rb.lat - ra.lat) * rad;
  const dLng = (rb.lng - ra.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(ra.lat * rad) * Math.cos(rb.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)));
}
