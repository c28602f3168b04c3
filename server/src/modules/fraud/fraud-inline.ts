/**
 * The inline path: one hook call at the end of a successful settlement. Inside the settlement's
 * transaction it only records the drug codes (one INSERT). The rules run after that transaction has
 * committed, in a transaction of their own, over that one settlement with bounded, indexed
 * look-backs, and only the rules that can fire for it. So detection never holds the payers' row
 * locks, never slows another settlement of the same giver, and can never refuse or undo a payment;
 * if it fails, the batch scan picks the settlement up again.
 */
import { In } from 'typeorm';
import { beijingDate, type RequestContext } from '../../core/context';
import type { Database } from '../../db/database';
import { FraudSignal } from '../fraud-signal/fraud-signal.entity';
import { insertSignal } from '../fraud-signal/fraud-signal.service';
import { policyInForce } from '../policy/policy-lookup';
import { Settlement } from '../settlement/settlement.entity';
import { bucketOf, detectRange, type DetectOptions, type ProvincePolicy } from './fraud-detect';
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
    givers: (s.policyVersions ?? []).filter((v) => v.role === 'GIVER').map((v) => ({ memberId: v.memberId, provinceCode: v.provinceCode })),
    institutionId: s.institutionId,
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
  givers: Array<{ memberId: number; provinceCode: string }>;
  institutionId: number;
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
        for (const g of s.givers) provinces.add(g.provinceCode);
      }
      const on = beijingDate(s.treatedAt);
      const policies: ProvincePolicy[] = [];
      for (const p of provinces) {
        const v = await policyInForce(em, p, on);
        policies.push({ provinceCode: p, policyVersionId: v.id, fraud: v.rules.fraud });
      }
      if (s.mulaidPayFen > 0) {
        // F8 fires once per giver (and institution) per window: when this window's signals already
        // exist, its look-back over the giver's whole window — the costliest inline query — is skipped.
        const keys = (kind: 'giver' | 'institution') =>
          s.givers.map((g) => {
            const days = policies.find((p) => p.provinceCode === g.provinceCode)!.fraud.fanOutWindowDays;
            const who = kind === 'giver' ? `${g.memberId}` : `${s.institutionId}:${g.memberId}`;
            return `F8:${kind}:${who}:${bucketOf(s.treatedAt, days)}`;
          });
        const giverKeys = keys('giver');
        const instKeys = keys('institution');
        const seen = new Set(
          (await em.find(FraudSignal, { select: { dedupKey: true }, where: { dedupKey: In([...giverKeys, ...instKeys]) } })).map((x) => x.dedupKey),
        );
        if (!giverKeys.every((k) => seen.has(k))) only.add('F8giver');
        if (!instKeys.every((k) => seen.has(k))) only.add('F8institution');
      }
      const signals = await detectRange(em, { lo: s.id - 1, hi: s.id }, policies, { only, treatedFrom: s.treatedAt, treatedTo: s.treatedAt });
      for (const sig of signals) await insertSignal(em, sig);
    });
  } catch (e) {
    console.error(`[${requestId}] inline fraud detection failed for settlement ${s.id}; the batch scan will retry it`, e);
  }
}
