/**
 * The inline path: one hook call at the end of a successful settlement. Inside the settlement's
 * transaction it only records the drug codes (one INSERT). The rules run after that transaction has
 * committed, in a transaction of their own, over that one settlement with bounded, indexed
 * look-backs, and only the rules that can fire for it. So detection never holds the payers' row
 * locks, never slows another settlement of the same giver, and can never refuse or undo a payment;
 * if it fails, the batch scan picks the settlement up again.
 */
import { beijingDate, type RequestContext } from '../../core/context';
import type { Database } from '../../db/database';
import { insertSignal } from '../fraud-signal/fraud-signal.service';
import { policyInForce } from '../policy/policy-lookup';
import { Settlement } from '../settlement/settlement.entity';
import { detectRange, type DetectOptions, type ProvincePolicy } from './fraud-detect';
import { SettlementDrug } from './fraud-case.entity';

export async function detectAfterSettlement(ctx: RequestContext, s: Settlement): Promise<void> {
  const codes = [...new Set(s.drugCodes ?? [])].filter((c) => c && c.length <= 40);
  if (codes.length)
    await ctx.em.insert(
      SettlementDrug,
      codes.map((drugCode) => ({ settlementId: s.id, memberId: s.patientId, drugCode, treatedAt: s.treatedAt })),
    );
  const facts = {
    id: s.id,
    category: s.category,
    patientProvince: s.patientProvince,
    mulaidPayFen: s.mulaidPayFen,
    giverProvinces: (s.policyVersions ?? []).filter((v) => v.role === 'GIVER').map((v) => v.provinceCode),
    treatedAt: s.treatedAt,
    hasDrugs: codes.length > 0,
  };
  ctx.independent.push((db) => detectCommitted(db, ctx.requestId, facts));
}

interface SettledFacts {
  id: number;
  category: string;
  patientProvince: string;
  mulaidPayFen: number;
  giverProvinces: string[];
  treatedAt: Date;
  hasDrugs: boolean;
}

async function detectCommitted(db: Database, requestId: string, s: SettledFacts): Promise<void> {
  try {
    await db.transaction(async (em) => {
      // Runs after commit and after rollback alike: only a settlement that was really stored counts.
      if (!(await em.existsBy(Settlement, { id: s.id }))) return;
      const only: NonNullable<DetectOptions['only']> = new Set(['F3']);
      if (s.category === 'MATERNITY') only.add('F4');
      if (s.category === 'PHARMACY') only.add('F5');
      if (s.hasDrugs) only.add('F5drug');
      const provinces = new Set([s.patientProvince]);
      if (s.mulaidPayFen > 0) {
        only.add('F6');
        only.add('F8');
        for (const p of s.giverProvinces) provinces.add(p);
      }
      const on = beijingDate(s.treatedAt);
      const policies: ProvincePolicy[] = [];
      for (const p of provinces) {
        const v = await policyInForce(em, p, on);
        policies.push({ provinceCode: p, policyVersionId: v.id, fraud: v.rules.fraud });
      }
      const signals = await detectRange(em, { lo: s.id - 1, hi: s.id }, policies, { only, treatedFrom: s.treatedAt, treatedTo: s.treatedAt });
      for (const sig of signals) await insertSignal(em, sig);
    });
  } catch (e) {
    console.error(`[${requestId}] inline fraud detection failed for settlement ${s.id}; the batch scan will retry it`, e);
  }
}
