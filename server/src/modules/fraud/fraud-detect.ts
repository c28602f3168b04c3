/**
 * REFERENCE ONLY (benchmarks): the earlier rules as direct SQL, the floor `scripts/bench/fraud-scan.bench.mjs`
 * and `settlement.bench.mjs` measure against. Detection itself runs in `fraud-engine.ts`.
 *
 * F3, F4, F5, F6, F8 detection as set-based SQL over a range of "anchor" settlements (id in (lo, hi]).
 * The same queries serve both paths:
 *   - inline, right after a settlement succeeds: the range is that one settlement, the look-back is
 *     bounded by the rule windows and served by the (patient_id, treated_at) / (payer_member_id, id) /
 *     and (patient_id, treated_at) indexes;
 *   - the batch scan, chunk by chunk from its watermark.
 * Thresholds come from each province's policy version: they are joined in as a small derived table
 * `t` (one row per province), so one statement covers every province. Dedup keys are the same on both
 * paths, so a signal is never recorded twice.
 *
 * The only dialect differences are two date expressions (minutes arithmetic and the Beijing calendar
 * day), kept in `sqlDialect` below; everything else is plain SQL that MySQL 8, MariaDB, TiDB and SQLite run.
 */
import { fenToYuanString, regionDistanceKm, type FraudThresholds } from '@gongji/shared';
import type { EntityManager } from 'typeorm';
import type { SignalInput } from '../fraud-signal/fraud-signal.service';

export interface ProvincePolicy {
  provinceCode: string;
  policyVersionId: number;
  fraud: FraudThresholds;
}

export interface AnchorRange {
  lo: number;
  hi: number;
}


const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

export function sqlDialect(em: EntityManager) {
  const sqlite = em.connection.options.type === 'better-sqlite3';
  return {
    /** `col` shifted by `minutes` (an SQL integer expression, may be negative). */
    plusMinutes: (col: string, minutes: string) =>
      sqlite ? `strftime('%Y-%m-%d %H:%M:%f', ${col}, (${minutes}) || ' minutes')` : `DATE_ADD(${col}, INTERVAL (${minutes}) MINUTE)`,
    /** The Beijing (UTC+8) calendar day of a UTC timestamp column, as 'YYYY-MM-DD'. */
    beijingDay: (col: string) => (sqlite ? `date(${col}, '+8 hours')` : `DATE_FORMAT(DATE_ADD(${col}, INTERVAL 8 HOUR), '%Y-%m-%d')`),
  };
}

function int(v: number): number {
  const n = Math.trunc(Number(v));
  if (!Number.isFinite(n)) throw new Error(`bad threshold ${v}`);
  return n;
}

/** The thresholds as a derived table `t`: prov, pv (policy version id) and one column per knob. */
function thresholdsTable(policies: ProvincePolicy[]): string {
  return (
    '(' +
    policies
      .map((p) => {
        if (!/^\d{2}$/.test(p.provinceCode)) throw new Error(`bad province ${p.provinceCode}`);
        const f = p.fraud;
        return `SELECT '${p.provinceCode}' AS prov, ${int(p.policyVersionId)} AS pv, ${int(f.travelWindowMinutes)} AS tw, ${int(f.institutionsPerDay)} AS ipd, ${int(
          f.pharmacyVisitsPerPeriod,
        )} AS pvp, ${int(f.pharmacyPeriodDays) * 1440} AS ppm, ${int(f.pharmaciesPerDay)} AS ppd, ${int(f.sameDrugRepeats)} AS sdr, ${int(
          f.drainWindowDays,
        ) * 1440} AS dwm, ${int(f.fanOutBeneficiaries)} AS fob, ${int(f.fanOutInstitutionPatients)} AS fip, ${int(f.fanOutWindowDays) * 1440} AS fwm`;
      })
      .join(' UNION ALL ') +
    ') t'
  );
}

export function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  const s = String(v);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
}

/** A UTC timestamp as both drivers store it: 'YYYY-MM-DD HH:MM:SS.SSS'. */
function sqlTime(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

function beijingDayOf(d: Date): string {
  return new Date(d.getTime() + BEIJING_MS).toISOString().slice(0, 10);
}

/** A period bucket (period-aligned Beijing days since the epoch) for "N times within a period" rules. */
/** The rule window a time falls in (Beijing days / period): part of the dedup keys of windowed rules. */
export function bucketOf(d: Date, periodDays: number): number {
  return Math.floor((d.getTime() + BEIJING_MS) / DAY_MS / Math.max(1, periodDays));
}

type Row = Record<string, any>;

/** F8giver / F8institution select one half of F8; F8 means both. */
export type DetectRule = 'F3' | 'F4' | 'F5' | 'F5drug' | 'F6' | 'F8' | 'F8giver' | 'F8institution';

export interface DetectOptions {
  /** Skip rules that cannot fire for this range (inline: by category / whether givers paid). */
  only?: Set<DetectRule>;
  /** F4 prefilter: earliest and latest treatment time in the range. */
  treatedFrom: Date;
  treatedTo: Date;
}

/** Run every rule over the anchor range; returns the signals (deduplicated by key within this run). */
export async function detectRange(em: EntityManager, range: AnchorRange, policies: ProvincePolicy[], opts: DetectOptions): Promise<SignalInput[]> {
  if (!policies.length || range.hi <= range.lo) return [];
  const d = sqlDialect(em);
  const T = thresholdsTable(policies);
  const byProv = new Map(policies.map((p) => [p.provinceCode, p]));
  const want = (r: DetectRule) => !opts.only || opts.only.has(r);
  const out = new Map<string, SignalInput>();
  const add = (s: SignalInput) => {
    if (!out.has(s.dedupKey)) out.set(s.dedupKey, s);
  };
  const anchor = 'b.id > ? AND b.id <= ?';
  const args = [range.lo, range.hi];
  const q = (sql: string, params: unknown[] = args): Promise<Row[]> => em.query(sql, params);

  if (want('F3')) {
    // F3a: two settlements in different places within the travel window; distance checked per region pair.
    const rows = await q(
      `SELECT b.id AS sid, b.patient_id AS mid, b.patient_region AS region, b.place_region AS bplace, b.treated_at AS bt,
              MIN(a.id) AS aid, a.place_region AS aplace, t.prov AS prov, t.tw AS tw
       FROM settlement b JOIN ${T} ON t.prov = b.patient_province
       JOIN settlement a ON a.patient_id = b.patient_id AND a.id < b.id
         AND a.treated_at >= ${d.plusMinutes('b.treated_at', '-t.tw')} AND a.treated_at <= ${d.plusMinutes('b.treated_at', 't.tw')}
         AND a.place_region <> b.place_region
       WHERE ${anchor}
       GROUP BY b.id, b.patient_id, b.patient_region, b.place_region, b.treated_at, a.place_region, t.prov, t.tw`,
    );
    for (const r of rows) {
      const p = byProv.get(r.prov)!;
      const km = regionDistanceKm(r.aplace, r.bplace);
      if (km === null || km < p.fraud.travelDistanceKm) continue;
      const far = r.bplace !== r.region ? r.bplace : r.aplace;
      add({
        rule: 'F3',
        dedupKey: `F3:travel:${r.sid}`,
        memberId: Number(r.mid),
        settlementId: Number(r.sid),
        regionCode: r.region,
        otherRegionCode: far,
        score: 70,
        summary: `${p.fraud.travelWindowMinutes} 分钟内在相距 ${km} 公里的两地结算 (settled ${km} km apart within ${p.fraud.travelWindowMinutes} min)`,
        evidence: {
          rule: 'F3',
          check: 'impossible-travel',
          settlementIds: [Number(r.aid), Number(r.sid)],
          places: [r.aplace, r.bplace],
          distanceKm: km,
          threshold: { travelDistanceKm: p.fraud.travelDistanceKm, travelWindowMinutes: p.fraud.travelWindowMinutes },
          policyVersionId: p.policyVersionId,
          province: p.provinceCode,
        },
      });
    }
    // F3b: distinct institutions on one Beijing day.
    for (const r of await q(
      `SELECT b.id AS sid, b.patient_id AS mid, b.patient_region AS region, ${d.beijingDay('b.treated_at')} AS day,
              COUNT(DISTINCT a.institution_id) AS n, t.prov AS prov
       FROM settlement b JOIN ${T} ON t.prov = b.patient_province
       JOIN settlement a ON a.patient_id = b.patient_id
         AND a.treated_at >= ${d.plusMinutes('b.treated_at', '-1440')} AND a.treated_at <= ${d.plusMinutes('b.treated_at', '1440')}
         AND ${d.beijingDay('a.treated_at')} = ${d.beijingDay('b.treated_at')}
       WHERE ${anchor}
       GROUP BY b.id, b.patient_id, b.patient_region, ${d.beijingDay('b.treated_at')}, t.prov, t.ipd
       HAVING COUNT(DISTINCT a.institution_id) >= t.ipd`,
    )) {
      const p = byProv.get(r.prov)!;
      add({
        rule: 'F3',
        dedupKey: `F3:institutions:${r.mid}:${r.day}`,
        memberId: Number(r.mid),
        settlementId: Number(r.sid),
        regionCode: r.region,
        score: 60,
        summary: `${r.day} 一天内在 ${Number(r.n)} 家机构结算 (settled at ${Number(r.n)} institutions on one day)`,
        evidence: { rule: 'F3', check: 'institutions-per-day', day: r.day, institutions: Number(r.n), threshold: { institutionsPerDay: p.fraud.institutionsPerDay }, policyVersionId: p.policyVersionId, province: p.provinceCode },
      });
    }
  }

  if (want('F4')) {
    // F4: maternity for a male ID, or outside the plausible ages (prefiltered in SQL, exact age in JS).
    // The SQL prefilter is the widest net over the provinces involved; each row is then judged by its own province's ages.
    const minAge = Math.max(...policies.map((p) => p.fraud.maternityMinAge));
    const maxAge = Math.min(...policies.map((p) => p.fraud.maternityMaxAge));
    const youngest = new Date(opts.treatedFrom.getTime() - (minAge + 1) * 365.25 * DAY_MS).toISOString().slice(0, 10);
    const oldest = new Date(opts.treatedTo.getTime() - (maxAge - 1) * 365.25 * DAY_MS).toISOString().slice(0, 10);
    for (const r of await q(
      `SELECT b.id AS sid, b.patient_id AS mid, b.patient_region AS region, b.treated_at AS bt, b.category AS category,
              m.sex AS sex, m.birth_date AS birth, t.prov AS prov
       FROM settlement b JOIN ${T} ON t.prov = b.patient_province JOIN member m ON m.id = b.patient_id
       WHERE ${anchor} AND b.category = 'MATERNITY' AND (m.sex = 'MALE' OR m.birth_date > ? OR m.birth_date < ?)`,
      [...args, youngest, oldest],
    )) {
      const p = byProv.get(r.prov)!;
      const on = beijingDayOf(toDate(r.bt));
      const birth = typeof r.birth === 'string' ? r.birth.slice(0, 10) : beijingDayOf(toDate(r.birth));
      const age = Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
      const problem = r.sex === 'MALE' ? 'male-maternity' : age < p.fraud.maternityMinAge ? 'too-young' : age > p.fraud.maternityMaxAge ? 'too-old' : null;
      if (!problem) continue;
      add({
        rule: 'F4',
        dedupKey: `F4:${r.sid}`,
        memberId: Number(r.mid),
        settlementId: Number(r.sid),
        regionCode: r.region,
        score: problem === 'male-maternity' ? 60 : 40,
        summary: `生育类结算与身份证信息不符：${problem === 'male-maternity' ? '男性' : `${age} 岁`} (maternity settlement contradicts the ID: ${problem})`,
        evidence: { rule: 'F4', check: problem, category: r.category, sex: r.sex, ageAtTreatment: age, threshold: { maternityMinAge: p.fraud.maternityMinAge, maternityMaxAge: p.fraud.maternityMaxAge }, policyVersionId: p.policyVersionId, province: p.provinceCode },
      });
    }
  }

  if (want('F5')) {
    // F5a: pharmacy purchases within the period, counted back from each anchor purchase.
    for (const r of await q(
      `SELECT b.id AS sid, b.patient_id AS mid, b.patient_region AS region, b.treated_at AS bt, COUNT(*) AS n, t.prov AS prov
       FROM settlement b JOIN ${T} ON t.prov = b.patient_province
       JOIN settlement a ON a.patient_id = b.patient_id AND a.category = 'PHARMACY'
         AND a.treated_at > ${d.plusMinutes('b.treated_at', '-t.ppm')} AND a.treated_at <= b.treated_at
       WHERE ${anchor} AND b.category = 'PHARMACY'
       GROUP BY b.id, b.patient_id, b.patient_region, b.treated_at, t.prov, t.pvp
       HAVING COUNT(*) >= t.pvp`,
    )) {
      const p = byProv.get(r.prov)!;
      add({
        rule: 'F5',
        dedupKey: `F5:visits:${r.mid}:${bucketOf(toDate(r.bt), p.fraud.pharmacyPeriodDays)}`,
        memberId: Number(r.mid),
        settlementId: Number(r.sid),
        regionCode: r.region,
        score: 50,
        summary: `${p.fraud.pharmacyPeriodDays} 天内购药 ${Number(r.n)} 次 (${Number(r.n)} pharmacy purchases within ${p.fraud.pharmacyPeriodDays} days)`,
        evidence: { rule: 'F5', check: 'visits-per-period', visits: Number(r.n), upTo: toDate(r.bt).toISOString(), threshold: { pharmacyVisitsPerPeriod: p.fraud.pharmacyVisitsPerPeriod, pharmacyPeriodDays: p.fraud.pharmacyPeriodDays }, policyVersionId: p.policyVersionId, province: p.provinceCode },
      });
    }
    // F5b: distinct pharmacies on one Beijing day.
    for (const r of await q(
      `SELECT b.id AS sid, b.patient_id AS mid, b.patient_region AS region, ${d.beijingDay('b.treated_at')} AS day,
              COUNT(DISTINCT a.institution_id) AS n, t.prov AS prov
       FROM settlement b JOIN ${T} ON t.prov = b.patient_province
       JOIN settlement a ON a.patient_id = b.patient_id AND a.category = 'PHARMACY'
         AND a.treated_at >= ${d.plusMinutes('b.treated_at', '-1440')} AND a.treated_at <= ${d.plusMinutes('b.treated_at', '1440')}
         AND ${d.beijingDay('a.treated_at')} = ${d.beijingDay('b.treated_at')}
       WHERE ${anchor} AND b.category = 'PHARMACY'
       GROUP BY b.id, b.patient_id, b.patient_region, ${d.beijingDay('b.treated_at')}, t.prov, t.ppd
       HAVING COUNT(DISTINCT a.institution_id) >= t.ppd`,
    )) {
      const p = byProv.get(r.prov)!;
      add({
        rule: 'F5',
        dedupKey: `F5:pharmacies:${r.mid}:${r.day}`,
        memberId: Number(r.mid),
        settlementId: Number(r.sid),
        regionCode: r.region,
        score: 50,
        summary: `${r.day} 一天内在 ${Number(r.n)} 家药店购药 (${Number(r.n)} pharmacies on one day)`,
        evidence: { rule: 'F5', check: 'pharmacies-per-day', day: r.day, pharmacies: Number(r.n), threshold: { pharmaciesPerDay: p.fraud.pharmaciesPerDay }, policyVersionId: p.policyVersionId, province: p.provinceCode },
      });
    }
  }

  if (want('F5drug')) {
    // F5c: the same drug codes bought repeatedly within the period. settlement.drug_codes is a JSON array and
    // portable SQL cannot unnest it, so this floor compares the whole list (exact for one code per purchase,
    // which is what the benchmark generates); the engine checks every code.
    for (const r of await q(
      `SELECT b.id AS sid, b.patient_id AS mid, b.drug_codes AS drug, b.treated_at AS bt, b.patient_region AS region, COUNT(*) AS n, t.prov AS prov
       FROM settlement b JOIN ${T} ON t.prov = b.patient_province
       JOIN settlement a ON a.patient_id = b.patient_id AND a.drug_codes = b.drug_codes
         AND a.treated_at > ${d.plusMinutes('b.treated_at', '-t.ppm')} AND a.treated_at <= b.treated_at
       WHERE ${anchor} AND b.drug_codes IS NOT NULL AND b.drug_codes <> '[]'
       GROUP BY b.id, b.patient_id, b.drug_codes, b.treated_at, b.patient_region, t.prov, t.sdr
       HAVING COUNT(*) >= t.sdr`,
    )) {
      const p = byProv.get(r.prov)!;
      add({
        rule: 'F5',
        dedupKey: `F5:drug:${r.mid}:${r.drug}:${bucketOf(toDate(r.bt), p.fraud.pharmacyPeriodDays)}`,
        memberId: Number(r.mid),
        settlementId: Number(r.sid),
        regionCode: r.region,
        score: 45,
        summary: `${p.fraud.pharmacyPeriodDays} 天内重复购买同一药品 ${r.drug} ${Number(r.n)} 次 (same drug bought ${Number(r.n)} times)`,
        evidence: { rule: 'F5', check: 'same-drug-repeats', drugCode: r.drug, purchases: Number(r.n), threshold: { sameDrugRepeats: p.fraud.sameDrugRepeats, pharmacyPeriodDays: p.fraud.pharmacyPeriodDays }, policyVersionId: p.policyVersionId, province: p.provinceCode },
      });
    }
  }

  if (want('F6')) {
    // F6: for each binding that paid in the range, the giver's mutual-aid payments (through any binding)
    // for settlements treated in [activatedAt, activatedAt + drainWindowDays], against the giver's
    // balance at activation, taken as the balance just before the first of those payments (its ledger
    // entry's balance after + amount): equal to the balance at activation when nothing else moved in
    // between, and independent of clock precision.
    const rows = await q(
      `SELECT bd.id AS bid, bd.giver_id AS gid, bd.beneficiary_id AS benid, bd.giver_region AS gregion, bd.beneficiary_region AS bregion,
              bd.activated_at AS act, SUM(p2.amount_fen) AS drained, COUNT(*) AS payments, t.prov AS prov,
              (SELECT le.balance_after_fen + le.amount_fen FROM ledger_entry le WHERE le.id = (
                 SELECT MIN(l2.id) FROM ledger_entry l2 JOIN settlement s3 ON s3.id = l2.settlement_id
                 WHERE l2.account_id = pa.id AND l2.direction = 'DEBIT' AND l2.binding_id IS NOT NULL
                   AND s3.treated_at >= bd.activated_at AND s3.treated_at <= ${d.plusMinutes('bd.activated_at', 't.dwm')})) AS base
       FROM binding bd JOIN ${T} ON t.prov = bd.giver_province
       JOIN personal_account pa ON pa.member_id = bd.giver_id
       JOIN settlement_payment p2 ON p2.payer_member_id = bd.giver_id AND p2.binding_id IS NOT NULL
       JOIN settlement s2 ON s2.id = p2.settlement_id
         AND s2.treated_at >= bd.activated_at AND s2.treated_at <= ${d.plusMinutes('bd.activated_at', 't.dwm')}
       WHERE bd.kind = 'MUTUAL_AID' AND bd.activated_at IS NOT NULL AND bd.activated_at >= ?
         AND bd.id IN (SELECT p.binding_id FROM settlement_payment p WHERE p.settlement_id > ? AND p.settlement_id <= ? AND p.binding_id IS NOT NULL)
       GROUP BY bd.id, bd.giver_id, bd.beneficiary_id, bd.giver_region, bd.beneficiary_region, bd.activated_at, t.prov, t.dwm, pa.id`,
      // only bindings activated recently enough for an anchor to fall inside their drain window
      [sqlTime(new Date(opts.treatedFrom.getTime() - Math.max(...policies.map((p) => p.fraud.drainWindowDays)) * DAY_MS - DAY_MS)), ...args],
    );
    for (const r of rows) {
      const p = byProv.get(r.prov)!;
      const base = r.base === null || r.base === undefined ? 0 : Number(r.base);
      const drained = Number(r.drained);
      if (base <= 0 || drained * 100 < p.fraud.drainPercent * base) continue;
      const pct = Math.round((drained * 1000) / base) / 10;
      add({
        rule: 'F6',
        dedupKey: `F6:${r.bid}`,
        bindingId: Number(r.bid),
        memberId: Number(r.gid),
        subject: { type: 'BINDING', id: Number(r.bid) },
        regionCode: r.gregion,
        otherRegionCode: r.bregion,
        score: 65,
        summary: `绑定生效后 ${p.fraud.drainWindowDays} 天内共济支出 ${fenToYuanString(drained)} 元，占生效时余额的 ${pct}% (drain after binding)`,
        evidence: {
          rule: 'F6',
          check: 'drain-after-binding',
          bindingId: Number(r.bid),
          giverId: Number(r.gid),
          beneficiaryId: Number(r.benid),
          activatedAt: toDate(r.act).toISOString(),
          balanceAtActivationFen: base,
          mutualAidPaidFen: drained,
          payments: Number(r.payments),
          percent: pct,
          threshold: { drainPercent: p.fraud.drainPercent, drainWindowDays: p.fraud.drainWindowDays },
          policyVersionId: p.policyVersionId,
          province: p.provinceCode,
        },
      });
    }
  }

  if (want('F8') || want('F8giver')) {
    // F8a: one giver paying for many distinct beneficiaries within the window (counted back from each anchor).
    for (const r of await q(
      `SELECT p.payer_member_id AS gid, g.insured_region AS region, b.id AS sid, b.treated_at AS bt, COUNT(DISTINCT s2.patient_id) AS n, t.prov AS prov
       FROM settlement b JOIN settlement_payment p ON p.settlement_id = b.id AND p.binding_id IS NOT NULL
       JOIN member g ON g.id = p.payer_member_id JOIN ${T} ON t.prov = g.province_code
       JOIN settlement_payment p2 ON p2.payer_member_id = p.payer_member_id AND p2.binding_id IS NOT NULL
       JOIN settlement s2 ON s2.id = p2.settlement_id AND s2.treated_at > ${d.plusMinutes('b.treated_at', '-t.fwm')} AND s2.treated_at <= b.treated_at
       WHERE ${anchor}
       GROUP BY p.payer_member_id, g.insured_region, b.id, b.treated_at, t.prov, t.fob
       HAVING COUNT(DISTINCT s2.patient_id) >= t.fob`,
    )) {
      const p = byProv.get(r.prov)!;
      add({
        rule: 'F8',
        dedupKey: `F8:giver:${r.gid}:${bucketOf(toDate(r.bt), p.fraud.fanOutWindowDays)}`,
        memberId: Number(r.gid),
        settlementId: Number(r.sid),
        regionCode: r.region,
        score: 55,
        summary: `${p.fraud.fanOutWindowDays} 天内为 ${Number(r.n)} 名被共济人支付 (one giver paid for ${Number(r.n)} beneficiaries)`,
        evidence: { rule: 'F8', check: 'giver-fan-out', giverId: Number(r.gid), beneficiaries: Number(r.n), threshold: { fanOutBeneficiaries: p.fraud.fanOutBeneficiaries, fanOutWindowDays: p.fraud.fanOutWindowDays }, policyVersionId: p.policyVersionId, province: p.provinceCode },
      });
    }
  }
  if (want('F8') || want('F8institution')) {
    // F8b: one institution settling many distinct patients against the same giver.
    for (const r of await q(
      `SELECT b.institution_id AS iid, i.region_code AS iregion, p.payer_member_id AS gid, g.insured_region AS gregion, b.id AS sid, b.treated_at AS bt,
              COUNT(DISTINCT s2.patient_id) AS n, t.prov AS prov
       FROM settlement b JOIN settlement_payment p ON p.settlement_id = b.id AND p.binding_id IS NOT NULL
       JOIN institution i ON i.id = b.institution_id
       JOIN member g ON g.id = p.payer_member_id JOIN ${T} ON t.prov = g.province_code
       JOIN settlement_payment p2 ON p2.payer_member_id = p.payer_member_id AND p2.binding_id IS NOT NULL
       JOIN settlement s2 ON s2.id = p2.settlement_id AND s2.institution_id = b.institution_id
         AND s2.treated_at > ${d.plusMinutes('b.treated_at', '-t.fwm')} AND s2.treated_at <= b.treated_at
       WHERE ${anchor}
       GROUP BY b.institution_id, i.region_code, p.payer_member_id, g.insured_region, b.id, b.treated_at, t.prov, t.fip
       HAVING COUNT(DISTINCT s2.patient_id) >= t.fip`,
    )) {
      const p = byProv.get(r.prov)!;
      add({
        rule: 'F8',
        dedupKey: `F8:institution:${r.iid}:${r.gid}:${bucketOf(toDate(r.bt), p.fraud.fanOutWindowDays)}`,
        institutionId: Number(r.iid),
        memberId: Number(r.gid),
        settlementId: Number(r.sid),
        subject: { type: 'INSTITUTION', id: Number(r.iid) },
        regionCode: r.iregion,
        otherRegionCode: r.gregion,
        score: 60,
        summary: `同一机构 ${p.fraud.fanOutWindowDays} 天内用同一共济人的账户为 ${Number(r.n)} 名患者结算 (one institution settled ${Number(r.n)} patients against the same giver)`,
        evidence: { rule: 'F8', check: 'institution-fan-out', institutionId: Number(r.iid), giverId: Number(r.gid), patients: Number(r.n), threshold: { fanOutInstitutionPatients: p.fraud.fanOutInstitutionPatients, fanOutWindowDays: p.fraud.fanOutWindowDays }, policyVersionId: p.policyVersionId, province: p.provinceCode },
      });
    }
  }
  return [...out.values()];
}
