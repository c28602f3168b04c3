/**
 * The score model (0–100): why a signal, and so its case, scores what it does. A signal's score is a
 * base for the rule and check, plus points for the amount involved, for repetition beyond the
 * threshold, and (F8) for relationships outside the household. Every term is kept as a factor with a
 * Chinese label, stored with the signal's evidence and summed up on the case (为什么是这个分数).
 * A case scores its highest signal plus 5 for each further signal, capped at 100.
 */
export interface ScoreFactor {
  label: string;
  points: number;
}

export interface ScoreInput {
  /** Base points for the rule/check (see BASE). */
  base: keyof typeof BASE;
  /** Money involved (account + mutual-aid payments of the contributing settlements), fen. */
  amountFen?: number;
  /** How far the figure exceeds its threshold, as a ratio ≥ 1 (count / threshold, speed / limit …). */
  overThreshold?: number;
  /** F8: beneficiaries or patients outside the giver's household. */
  outsiders?: number;
}

/** Base points by rule and check. */
export const BASE = {
  'F3:speed': 50,
  'F3:institutions': 40,
  'F4:male-maternity': 60,
  'F4:age': 40,
  'F5:day': 35,
  'F5:visits': 30,
  'F5:drug': 30,
  'F6:drain': 50,
  'F8:giver': 45,
  'F8:institution': 50,
} as const;

const BASE_LABEL: Record<keyof typeof BASE, string> = {
  'F3:speed': '异地就医速度异常（基础分）',
  'F3:institutions': '一日多机构就医（基础分）',
  'F4:male-maternity': '男性生育类结算（基础分）',
  'F4:age': '生育年龄不符（基础分）',
  'F5:day': '一日多次/多店购药（基础分）',
  'F5:visits': '周期内购药过频（基础分）',
  'F5:drug': '重复购买同一药品（基础分）',
  'F6:drain': '绑定后短期内耗尽余额（基础分）',
  'F8:giver': '一人为多名非家庭成员支付（基础分）',
  'F8:institution': '机构用同一共济人为多名患者结算（基础分）',
};

export const MERGE_INCREMENT = 5;

export function scoreSignal(i: ScoreInput): { score: number; factors: ScoreFactor[] } {
  const factors: ScoreFactor[] = [{ label: BASE_LABEL[i.base], points: BASE[i.base] }];
  if (i.amountFen && i.amountFen > 0) {
    // 4 points per doubling above 100 yuan, at most 20 (≈ 3,200 yuan and more).
    const yuan = i.amountFen / 100;
    const pts = Math.max(0, Math.min(20, Math.round(4 * Math.log2(Math.max(1, yuan / 100)))));
    if (pts) factors.push({ label: `涉及金额 ${(i.amountFen / 100).toFixed(2)} 元`, points: pts });
  }
  if (i.overThreshold && i.overThreshold > 1) {
    const pts = Math.min(15, Math.round((i.overThreshold - 1) * 10));
    if (pts) factors.push({ label: `超出阈值 ${i.overThreshold.toFixed(1)} 倍`, points: pts });
  }
  if (i.outsiders && i.outsiders > 0) {
    const pts = Math.min(20, 2 * i.outsiders);
    factors.push({ label: `${i.outsiders} 名家庭范围以外的被共济人/患者`, points: pts });
  }
  const score = Math.min(100, factors.reduce((s, f) => s + f.points, 0));
  return { score, factors };
}

/** The case's breakdown: the top signal's factors plus the merge increments. */
export function caseScore(top: { rule: string; score: number; factors: ScoreFactor[] | null }, signalCount: number): { score: number; factors: ScoreFactor[] } {
  const factors: ScoreFactor[] = top.factors?.length ? [...top.factors] : [{ label: `${top.rule} 信号分`, points: top.score }];
  const sum = factors.reduce((s, f) => s + f.points, 0);
  if (sum !== top.score) factors.push({ label: '封顶/调整', points: top.score - sum });
  if (signalCount > 1) factors.push({ label: `另有 ${signalCount - 1} 个信号（每个 +${MERGE_INCREMENT}）`, points: MERGE_INCREMENT * (signalCount - 1) });
  const raw = top.score + MERGE_INCREMENT * Math.max(0, signalCount - 1);
  if (raw > 100) factors.push({ label: '总分封顶 100', points: 100 - raw });
  return { score: Math.min(100, raw), factors };
}
