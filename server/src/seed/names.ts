/** Deterministic Chinese names for demo data. Surnames weighted roughly by real frequency. */
const SURNAMES: Array<[string, number]> = [
  ['王', 72], ['李', 70], ['张', 67], ['刘', 53], ['陈', 46], ['杨', 32], ['黄', 24], ['赵', 21], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 11], ['何', 10], ['林', 10], ['高', 10], ['罗', 10],
  ['郑', 9], ['梁', 9], ['谢', 7], ['宋', 7], ['唐', 7], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 6],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['潘', 4], ['袁', 4], ['蔡', 4], ['蒋', 4], ['余', 4],
  ['于', 4], ['杜', 4], ['叶', 4], ['程', 4], ['魏', 3], ['苏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['卢', 3],
  ['覃', 2], ['韦', 2], ['莫', 1], ['欧阳', 1], ['司马', 1],
];
const MALE = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林洋勇志峰建国庆文博';
const FEMALE = '芳娜敏静丽艳娟霞秀英华慧巧美娇琳素云莲真环雪荣爱妹红玉萍琴婷颖倩月';
const TOTAL = SURNAMES.reduce((s, [, w]) => s + w, 0);

export type Rng = () => number;

/** mulberry32 */
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: Rng, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
export const between = (rnd: Rng, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

export function surname(rnd: Rng): string {
  let x = rnd() * TOTAL;
  for (const [s, w] of SURNAMES) if ((x -= w) < 0) return s;
  return '王';
}

export function givenName(rnd: Rng, sex: 'MALE' | 'FEMALE'): string {
  const chars = sex === 'MALE' ? MALE : FEMALE;
  return rnd() < 0.25 ? pick(rnd, [...chars]) : pick(rnd, [...chars]) + pick(rnd, [...chars]);
}
