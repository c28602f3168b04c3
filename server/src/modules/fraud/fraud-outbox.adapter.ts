/**
 * Interim fraud consumer of the outbox (F3–F6, F8 off the request path): for each batch of
 * `settlement.settled` events it records the settlements' drug codes and runs the existing
 * set-based detection (fraud-detect.ts, exactly as the batch scan does) over the batch's id span,
 * inside the worker's transaction — signals, cases and the consumer's cursor commit together.
 * Re-detecting a settlement outside the batch inside the span is harmless: signals are deduplicated.
 * The fraud module's own consumer replaces this adapter; keep the consumer name when it does.
 */
import { beijingDate, type RequestContext } from '../../core/context';
import { insertSignal } from '../fraud-signal/fraud-signal.service';
import type { OutboxConsumer, OutboxEvent } from '../outbox/outbox.types';
import { policyInForce } from '../policy/policy-lookup';
import { SettlementDrug } from './fraud-case.entity';
import { detectRange, toDate, type ProvincePolicy } from './fraud-detect';

async function handle(ctx: RequestContext, events: readonly OutboxEvent[]): Promise<void> {
  const ids = [...new Set(events.filter((e) => e.type === 'settlement.settled').map((e) => e.subjectId))].sort((a, b) => a - b);
  if (!ids.length) return;
  const em = ctx.em;
  const rows: Array<{ id: number | string; patient_id: number | string; treated_at: unknown; drug_codes: string | null }> = await em.query(
    `SELECT id, patient_id, treated_at, drug_codes FROM settlement WHERE id IN (${ids.map(() => '?').join(',')})`,
    ids,
  );
  const drugs: Array<Pick<SettlementDrug, 'settlementId' | 'memberId' | 'drugCode' | 'treatedAt'>> = [];
  for (const r of rows) {
    const codes = [...new Set((r.drug_codes ? (JSON.parse(r.drug_codes) as string[]) : []).filter((c) => c && c.length <= 40))];
    for (const drugCode of codes) drugs.push({ settlementId: Number(r.id), memberId: Number(r.patient_id), drugCode, treatedAt: toDate(r.treated_at) });
  }
  if (drugs.length) await em.insert(SettlementDrug, drugs);
  if (!rows.length) return;

  const on = beijingDate(ctx.now);
  const provs: Array<{ p: string }> = await em.query('SELECT DISTINCT province_code AS p FROM policy_version');
  const policies: ProvincePolicy[] = [];
  for (const { p } of provs) {
    try {
      const v = await policyInForce(em, p, on);
      policies.push({ provinceCode: p, policyVersionId: v.id, fraud: v.rules.fraud });
    } catch {
      /* no version in force yet for this province */
    }
  }
  const treated = rows.map((r) => toDate(r.treated_at).getTime());
  const signals = await detectRange(em, { lo: ids[0] - 1, hi: ids[ids.length - 1] }, policies, {
    treatedFrom: new Date(Math.min(...treated)),
    treatedTo: new Date(Math.max(...treated)),
  });
  for (const s of signals) await insertSignal(em, s);
}

export const fraudOutboxConsumer: OutboxConsumer = { name: 'fraud', handle };
