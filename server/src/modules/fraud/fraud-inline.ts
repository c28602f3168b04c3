/**
 * The inline path: one hook call at the end of a successful settlement. It records the settlement's
 * drug codes (one INSERT) and runs only the rules that can fire for it, over that one settlement
 * with bounded, indexed look-backs. Signals are queued (written after the settlement's transaction
 * ends, in their own transaction) so detection never holds up or fails a settlement.
 */
import { beijingDate, type RequestContext } from '../../core/context';
import { queueSignal } from '../fraud-signal/fraud-signal.service';
import { policyInForce } from '../policy/policy-lookup';
import type { Settlement } from '../settlement/settlement.entity';
import { detectRange, type DetectOptions, type ProvincePolicy } from './fraud-detect';
import { SettlementDrug } from './fraud-case.entity';

export async function detectAfterSettlement(ctx: RequestContext, s: Settlement): Promise<void> {
  const codes = [...new Set(s.drugCodes ?? [])].filter((c) => c && c.length <= 40);
  if (codes.length)
    await ctx.em.insert(
      SettlementDrug,
      codes.map((drugCode) => ({ settlementId: s.id, memberId: s.patientId, drugCode, treatedAt: s.treatedAt })),
    );
  try {
    const only: NonNullable<DetectOptions['only']> = new Set(['F3']);
    if (s.category === 'MATERNITY') only.add('F4');
    if (s.category === 'PHARMACY') only.add('F5');
    if (codes.length) only.add('F5drug');
    const provinces = new Set([s.patientProvince]);
    if (s.mulaidPayFen > 0) {
      only.add('F6');
      only.add('F8');
      for (const v of s.policyVersions ?? []) if (v.role === 'GIVER') provinces.add(v.provinceCode);
    }
    const on = beijingDate(s.treatedAt);
    const policies: ProvincePolicy[] = [];
    for (const p of provinces) {
      const v = await policyInForce(ctx.em, p, on);
      policies.push({ provinceCode: p, policyVersionId: v.id, fraud: v.rules.fraud });
    }
    const signals = await detectRange(ctx.em, { lo: s.id - 1, hi: s.id }, policies, { only, treatedFrom: s.treatedAt, treatedTo: s.treatedAt });
    for (const sig of signals) queueSignal(ctx, sig);
  } catch (e) {
    // Detection must never refuse a payment; the batch scan will pick the settlement up again.
    console.error(`[${ctx.requestId}] inline fraud detection failed for settlement ${s.id}`, e);
  }
}
