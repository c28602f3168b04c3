/**
 * Detection of F3, F4, F5, F6 and F8 over a set of stored settlements. One code path serves the outbox
 * consumer (`fraud.consumer.ts`, a batch of `settlement.settled` events) and the batch scan
 * (`fraud-scan.service.ts`, a chunk of ids), and both give the same signals.
 *
 * Set-based: a batch loads its settlements, their mutual-aid payments, bindings, ledger entries,
 * institutions, patients (maternity only), policy versions, the patients' own settlement history that
 * F3/F5 need (range reads on (patient_id, treated_at)) and the F6/F8 running aggregates (`fraud_tally`)
 * with one query each, then judges the settlements in id order in memory and writes the aggregates back
 * with multi-row upserts.
 *
 * F3/F5 judge a settlement only against the patient's settlements with an id up to its own (made before
 * it), so the outcome does not depend on when or in which batch it is judged. F5 period and same-drug
 * counts are sliding windows of Beijing days (per-day counts summed over the window).
 *
 * Thresholds: each settlement is judged by the policy versions it was settled under (recorded on the
 * settlement: the patient's for F3/F4/F5, each giver's for F6/F8), so a re-scan judges an old
 * settlement as the inline path did, never by today's policy.
 *
 * W5: 医保钱包 transfers count as money leaving the sender (`detectWalletTransfers`, from
 * `wallet.transferred` events and the scan): in F6 they add to the drain of the sender's bindings made
 * within the drain window, and in F8 each recipient joins the sender's fan-out window (household discounts
 * apply by the relationship the sender declared). A transfer sits in the giver aggregate as a negative id.
 *
 * Idempotent: every F6/F8 aggregate remembers which settlements (and transfers) it counted, so handling a
 * settlement twice (redelivery, a full re-scan) changes no figure, and signals are keyed (dedup) per
 * pattern and window.
 */
import { fenToYuanString, POOLING_REGION_BY_CODE, regionDistanceKm, type FraudThresholds, type RelationshipKind } from '@gongji/shared';
import { In, type EntityManager } from 'typeorm';
import { beijingDate } from '../../core/context';
import { upsertSignal, type SignalInput } from '../fraud-signal/fraud-signal.service';
import { policyInForce } from '../policy/policy-lookup';
import { PolicyVersion } from '../policy/policy.entity';
import { FraudTally } from './fraud-case.entity';
import { scoreSignal } from './fraud-score';

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;
/** Settlement ids kept per aggregate (evidence); counts stay exact beyond it. */
const MAX_IDS = 2000;

export function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  const s = String(v);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
}

/** The rule window a time falls in (period-aligned Beijing days since the epoch): part of aggregate and dedup keys. */
export function bucketOf(d: Date, periodDays: number): number {
  return Math.floor((d.getTime() + BEIJING_MS) / DAY_MS / Math.max(1, periodDays));
}

/** 深圳市 (440300) — a region's name with its code, for summaries. */
export function placeName(code: string): string {
  return POOLING_REGION_BY_CODE.get(code)?.name ?? code;
}

const yuan = (fen: number) => `${fenToYuanString(fen)} 元`;

type Household = 'SPOUSE' | 'PARENT' | 'DESC';
function householdGroup(k: RelationshipKind): Household | null {
  if (k === 'SPOUSE') return 'SPOUSE';
  if (k === 'PARENT') return 'PARENT';
  if (k === 'CHILD' || k === 'GRANDCHILD_VIA_SON' || k === 'GRANDCHILD_VIA_DAUGHTER') return 'DESC';
  return null;
}
const REL_NAME: Record<string, string> = {
  SPOUSE: '配偶',
  PARENT: '父母',
  CHILD: '子女',
  SIBLING: '兄弟姐妹',
  PATERNAL_GRANDPARENT: '祖父母',
  MATERNAL_GRANDPARENT: '外祖父母',
  GRANDCHILD_VIA_SON: '孙子女',
  GRANDCHILD_VIA_DAUGHTER: '外孙子女',
};

// ---------------------------------------------------------------- aggregate documents

/** Per binding: paid since activation, by when the money moved (F6). */
interface Drain {
  base: number;
  paid: number;
  n: number;
  sids: number[];
  /** W5: wallet transfers counted (ids) and their total, fen (included in `paid`). */
  tids?: number[];
  wallet?: number;
}
/**
 * A mutual-aid payment kept for F8's sliding window: [settlement, when made (ms), fen, binding, patient, relationship].
 * W5: a wallet transfer is kept as [−transfer id, when sent, fen, 0, recipient, relationship].
 */
type WindowPay = [number, number, number, number, number, string];
/** Per giver (F8), and per institution and giver (F8 institution): the payments of the last window, and the current episode. */
interface Giver {
  pays: WindowPay[];
  ep: number | null;
}
type Inst = Giver;

/** The F6/F8 aggregates of a batch (fraud_tally rows: B:<binding>, G:<giver>, I:<institution>:<giver>). */
class Tallies {
  readonly docs = new Map<string, any>();
  readonly expires = new Map<string, Date>();
  readonly dirty = new Set<string>();
  get<T>(key: string, init: () => T): T {
    let v = this.docs.get(key);
    if (v === undefined) {
      v = init();
      this.docs.set(key, v);
    }
    return v as T;
  }
  touch(key: string, expiresAt: Date) {
    this.dirty.add(key);
    const old = this.expires.get(key);
    if (!old || old < expiresAt) this.expires.set(key, expiresAt);
  }
  unpack(key: string, data: any, expiresAt: Date) {
    this.docs.set(key, data);
    this.expires.set(key, expiresAt);
  }
  pack(): Array<readonly [string, string, Date]> {
    return [...this.dirty].map((k) => [k, JSON.stringify(this.docs.get(k)), this.expires.get(k) ?? new Date()] as const);
  }
}

async function loadTallies(em: EntityManager, tallies: Tallies, keys: string[], sqlite: boolean): Promise<void> {
  for (let i = 0; i < keys.length; i += 500) {
    const part = keys.slice(i, i + 500);
    for (const r of await em.query(`SELECT tally_key, data, expires_at FROM fraud_tally WHERE tally_key IN (${inList(part.length)})${sqlite ? '' : ' FOR UPDATE'}`, part))
      tallies.unpack(r.tally_key, parseJson(r.data, {}), toDate(r.expires_at));
  }
}

// ---------------------------------------------------------------- F3/F5 history

/** One of the patient's settlements, as F3 and F5 judge it. */
interface Hist {
  id: number;
  at: number;
  /** Beijing day number (days since the epoch). */
  day: number;
  place: string;
  inst: number;
  pharmacy: boolean;
  amt: number;
  drugs: string[];
}

/** China's pooling regions are less than 6,000 km apart: beyond this / the speed limit no pair can be too fast. */
const MAX_REGION_KM = 6000;
function travelHorizonMs(f: FraudThresholds): number {
  return Math.ceil((MAX_REGION_KM / Math.max(1, f.maxTravelSpeedKmh)) * 3_600_000);
}
function dayNumber(ms: number): number {
  return Math.floor((ms + BEIJING_MS) / DAY_MS);
}
const dayNames = new Map<number, string>();
/** The Beijing date of a time, 'YYYY-MM-DD' (as `beijingDate`, cached per day: it runs for every settlement). */
function dayOf(ms: number): string {
  const n = dayNumber(ms);
  let v = dayNames.get(n);
  if (v === undefined) {
    if (dayNames.size > 20_000) dayNames.clear();
    v = beijingDate(new Date(ms));
    dayNames.set(n, v);
  }
  return v;
}
function dayStartOf(day: number): Date {
  return new Date(day * DAY_MS - BEIJING_MS);
}
/**
 * F5's sliding window: of the windows of `P` Beijing days that contain `day`, the one holding the most of
 * `rows` (sorted by time); ties go to the earliest. Looking forward as well as back lets a purchase that is
 * recorded late (stated earlier than purchases already counted) complete a window.
 */
function fullestWindow(rows: Hist[], day: number, P: number): { rows: Hist[]; from: string; to: string } {
  const perDay = new Map<number, number>();
  for (const h of rows) if (h.day > day - P && h.day < day + P) perDay.set(h.day, (perDay.get(h.day) ?? 0) + 1);
  let bestN = -1;
  let bestEnd = day;
  for (const e of [day, ...[...perDay.keys()].filter((d) => d > day)].sort((a, b) => a - b)) {
    let n = 0;
    for (const [d, c] of perDay) if (d > e - P && d <= e) n += c;
    if (n > bestN || (n === bestN && e < bestEnd)) {
      bestN = n;
      bestEnd = e;
    }
  }
  return { rows: rows.filter((h) => h.day > bestEnd - P && h.day <= bestEnd), from: dayOf(dayStartOf(bestEnd - P + 1).getTime()), to: dayOf(dayStartOf(bestEnd).getTime()) };
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function drugList(v: unknown): string[] {
  return [...new Set(parseJson<string[]>(v, []).filter((c) => typeof c === 'string' && c.length > 0 && c.length <= 40))];
}

/**
 * What the batch scan remembers of patients' settlements between its chunks (`detectSettlements` with a
 * range and this cache): for each patient, every settlement with an id up to the last chunk's end treated
 * at or after `fromAll`, and every pharmacy purchase (or purchase with drug codes) treated at or after
 * `fromPharm`. The chunks are contiguous id ranges judged in order, so adding each chunk's own settlements
 * keeps that complete; a patient is read from the database only when a settlement needs something older.
 */
export class HistoryCache {
  readonly patients = new Map<number, { rows: Map<number, Hist>; fromAll: number; fromPharm: number }>();
  /** The end of the last range judged: the cache holds settlements up to this id. */
  upTo = 0;
}

interface Need {
  all: number;
  pharm: number;
}

function histOf(r: Row): Hist {
  const at = toDate(r.treated_at).getTime();
  return {
    id: Number(r.id),
    at,
    day: dayNumber(at),
    place: r.place_region,
    inst: Number(r.institution_id),
    pharmacy: r.category === 'PHARMACY',
    amt: Number(r.acct_pay_fen) + Number(r.mulaid_pay_fen),
    drugs: drugList(r.drug_codes),
  };
}

/**
 * The batch's patients' settlements that F3 and F5 can need, with ids up to the batch's last: every
 * category within the travel reach and the Beijing day of each settlement, and pharmacy purchases (or
 * drug codes) within the F5 period around it. One range read per 1,000 patients on (patient_id, treated_at);
 * with a scan's cache, only for patients it cannot answer.
 */
async function loadHistory(
  em: EntityManager,
  settlements: S[],
  rawRows: Row[],
  policyOf: Map<number, { f: FraudThresholds }>,
  cache?: HistoryCache,
  range?: { lo: number; hi: number },
): Promise<Map<number, Hist[]>> {
  if (!settlements.length) return new Map();
  const need = new Map<number, Need>();
  let aTo = -Infinity;
  let bTo = -Infinity;
  let maxId = 0;
  for (const s of settlements) {
    const f = policyOf.get(s.id)!.f;
    const t = s.treated.getTime();
    const dn = dayNumber(t);
    const reach = travelHorizonMs(f);
    const P = Math.max(1, f.pharmacyPeriodDays);
    const all = Math.min(t - reach, dayStartOf(dn).getTime());
    const pharm = Math.min(all, dayStartOf(dn - P + 1).getTime());
    const n = need.get(s.pid);
    if (!n) need.set(s.pid, { all, pharm });
    else {
      n.all = Math.min(n.all, all);
      n.pharm = Math.min(n.pharm, pharm);
    }
    aTo = Math.max(aTo, t + reach, dayStartOf(dn + 1).getTime());
    bTo = Math.max(bTo, dayStartOf(dn + P).getTime());
    maxId = Math.max(maxId, s.id);
  }
  // a scan's cache stays complete only when it sees every chunk in order
  const cached = cache && range && range.lo === cache.upTo ? cache : undefined;
  if (cache && !cached) cache.patients.clear();
  if (cached) {
    // the chunk's own settlements extend what the cache holds
    for (const r of rawRows) {
      const e = cached.patients.get(Number(r.patient_id));
      if (!e) continue;
      const h = histOf(r);
      if (h.at >= e.fromAll || ((h.pharmacy || h.drugs.length) && h.at >= e.fromPharm)) e.rows.set(h.id, h);
    }
  }
  const toRead = [...need].filter(([pid, n]) => {
    const e = cached?.patients.get(pid);
    return !e || n.all < e.fromAll || n.pharm < e.fromPharm;
  });
  const read = new Map<number, Map<number, Hist>>();
  if (toRead.length) {
    const fromAll = Math.min(...toRead.map(([, n]) => n.all));
    const fromPharm = Math.min(...toRead.map(([, n]) => n.pharm));
    // into the cache: no upper time bound (later rows made before the chunk's end are few: late submissions)
    const upper = cached ? Infinity : Math.max(aTo, bTo);
    const cols = 'id, patient_id, institution_id, category, place_region, treated_at, acct_pay_fen, mulaid_pay_fen, drug_codes';
    for (let i = 0; i < toRead.length; i += 1000) {
      const part = toRead.slice(i, i + 1000).map(([pid]) => pid);
      for (const pid of part) read.set(pid, new Map());
      const args: unknown[] = [...part, sqlTime(new Date(fromPharm))];
      if (upper !== Infinity) args.push(sqlTime(new Date(upper)));
      args.push(maxId, sqlTime(new Date(fromAll)));
      for (const r of await em.query(
        `SELECT ${cols} FROM settlement WHERE patient_id IN (${inList(part.length)}) AND treated_at >= ?${upper !== Infinity ? ' AND treated_at < ?' : ''} AND id <= ?
           AND (category = 'PHARMACY' OR (drug_codes IS NOT NULL AND drug_codes <> '[]') OR treated_at >= ?)`,
        args,
      )) {
        const h = histOf(r);
        read.get(Number(r.patient_id))!.set(h.id, h);
      }
    }
    if (cached) for (const [pid, rows] of read) cached.patients.set(pid, { rows, fromAll, fromPharm });
  }
  const res = new Map<number, Hist[]>();
  for (const pid of need.keys()) {
    const rows = cached?.patients.get(pid)?.rows ?? read.get(pid) ?? new Map<number, Hist>();
    res.set(pid, [...rows.values()].filter((h) => h.id <= maxId).sort((a, b) => a.at - b.at || a.id - b.id));
  }
  if (cached) {
    cached.upTo = range!.hi;
    // forget what no later chunk is likely to need: settlements older than this chunk's earliest need (a later
    // chunk that needs older ones reads its patients again)
    const evictAll = Math.min(...[...need.values()].map((n) => n.all)) - DAY_MS;
    const evictPharm = Math.min(...[...need.values()].map((n) => n.pharm)) - DAY_MS;
    for (const e of cached.patients.values()) {
      if (e.fromAll >= evictAll && e.fromPharm >= evictPharm) continue;
      e.fromAll = Math.max(e.fromAll, evictAll);
      e.fromPharm = Math.max(e.fromPharm, evictPharm);
      for (const [id, h] of e.rows) if (h.at < e.fromPharm || (h.at < e.fromAll && !h.pharmacy && !h.drugs.length)) e.rows.delete(id);
    }
    // an entry without rows still answers "nothing since": kept, within a bound
    if (cached.patients.size > 1_000_000) cached.patients.clear();
  }
  return res;
}

function pushId(list: number[], id: number): boolean {
  if (list.includes(id)) return false;
  if (list.length < MAX_IDS) list.push(id);
  return true;
}

// ---------------------------------------------------------------- loading

type Row = Record<string, any>;

interface S {
  id: number;
  inst: number;
  pid: number;
  category: string;
  place: string;
  region: string;
  province: string;
  treated: Date;
  created: Date;
  acct: number;
  mulaid: number;
  patientPv: number | null;
  giverPv: Map<number, number>;
  drugs: string[];
}

interface Pay {
  sid: number;
  giver: number;
  bid: number;
  amount: number;
}

const policyCache = new Map<number, FraudThresholds>();
/** Versions in force per province and day, for settlements that record none (kept a minute: a new version may be published). */
const fallbackCache = new Map<string, { v: { id: number; f: FraudThresholds }; until: number }>();

async function policies(em: EntityManager, ids: number[]): Promise<Map<number, FraudThresholds>> {
  const missing = ids.filter((id) => !policyCache.has(id));
  if (missing.length) for (const v of await em.find(PolicyVersion, { where: { id: In([...new Set(missing)]) } })) policyCache.set(v.id, v.rules.fraud);
  if (policyCache.size > 10_000) policyCache.clear();
  return new Map(ids.filter((id) => policyCache.has(id)).map((id) => [id, policyCache.get(id)!]));
}

function parseJson<T>(v: unknown, fallback: T): T {
  if (v === null || v === undefined) return fallback;
  if (typeof v !== 'string') return v as T;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}

function inList(n: number): string {
  return new Array(n).fill('?').join(',');
}

export interface DetectResult {
  settlements: number;
  signalsNew: number;
  signalsUpdated: number;
}

export interface DetectOptions {
  actorName: string;
  /** The batch scan's memory of patients' settlements between chunks (ranges only, judged in order). */
  cache?: HistoryCache;
}

/** Detect over the given settlements (any order; judged in id order). */
export async function detectSettlements(em: EntityManager, settlementIds: readonly number[] | { lo: number; hi: number }, opts: DetectOptions): Promise<DetectResult> {
  const result: DetectResult = { settlements: 0, signalsNew: 0, signalsUpdated: 0 };
  let where: (col: string) => { sql: string; args: number[] };
  if (Array.isArray(settlementIds)) {
    const ids = [...new Set(settlementIds.map(Number))].sort((a, b) => a - b);
    if (!ids.length) return result;
    where = (col) => ({ sql: `${col} IN (${inList(ids.length)})`, args: ids });
  } else {
    const { lo, hi } = settlementIds as { lo: number; hi: number };
    if (hi <= lo) return result;
    where = (col) => ({ sql: `${col} > ? AND ${col} <= ?`, args: [lo, hi] });
  }
  const sqlite = em.connection.options.type === 'better-sqlite3';

  const ws = where('id');
  const rows: Row[] = await em.query(
    `SELECT id, institution_id, patient_id, category, place_region, patient_region, patient_province, treated_at, created_at,
            acct_pay_fen, mulaid_pay_fen, policy_versions, drug_codes
     FROM settlement WHERE ${ws.sql} ORDER BY id`,
    ws.args,
  );
  if (!rows.length) {
    // an id range without settlements: the scan's cache is still complete up to its end
    if (opts.cache && !Array.isArray(settlementIds) && opts.cache.upTo === (settlementIds as { lo: number }).lo) opts.cache.upTo = (settlementIds as { hi: number }).hi;
    return result;
  }
  const settlements: S[] = rows.map((r) => {
    const pvs = parseJson<Array<{ role: string; memberId: number; policyVersionId: number }>>(r.policy_versions, []);
    return {
      id: Number(r.id),
      inst: Number(r.institution_id),
      pid: Number(r.patient_id),
      category: r.category,
      place: r.place_region,
      region: r.patient_region,
      province: r.patient_province,
      treated: toDate(r.treated_at),
      created: toDate(r.created_at),
      acct: Number(r.acct_pay_fen),
      mulaid: Number(r.mulaid_pay_fen),
      patientPv: pvs.find((v) => v.role === 'PATIENT')?.policyVersionId ?? null,
      giverPv: new Map(pvs.filter((v) => v.role === 'GIVER').map((v) => [Number(v.memberId), Number(v.policyVersionId)])),
      drugs: [...new Set(parseJson<string[]>(r.drug_codes, []).filter((c) => typeof c === 'string' && c.length > 0 && c.length <= 40))],
    };
  });
  const withAid = settlements.filter((s) => s.mulaid > 0).map((s) => s.id);
  const aidSet = new Set(withAid);

  // mutual-aid payments with their bindings and the giver's balance just before each payment
  const pays: Pay[] = [];
  const bindings = new Map<number, Row>();
  const balanceBefore = new Map<string, number>();
  if (withAid.length) {
    const wp = where('settlement_id');
    for (const r of await em.query(
      `SELECT settlement_id AS sid, payer_member_id AS giver, binding_id AS bid, amount_fen AS amount FROM settlement_payment
       WHERE ${wp.sql} AND binding_id IS NOT NULL ORDER BY settlement_id, seq`,
      wp.args,
    ))
      if (aidSet.has(Number(r.sid))) pays.push({ sid: Number(r.sid), giver: Number(r.giver), bid: Number(r.bid), amount: Number(r.amount) });
    const bids = [...new Set(pays.map((p) => p.bid))];
    if (bids.length)
      for (const r of await em.query(
        `SELECT id, giver_id, beneficiary_id, relationship, activated_at, giver_region, beneficiary_region FROM binding WHERE id IN (${inList(bids.length)})`,
        bids,
      ))
        bindings.set(Number(r.id), r);
    const wl = where('settlement_id');
    for (const r of await em.query(
      `SELECT settlement_id AS sid, binding_id AS bid, amount_fen AS amount, balance_after_fen AS bal FROM ledger_entry
       WHERE ${wl.sql} AND binding_id IS NOT NULL AND direction = 'DEBIT'`,
      wl.args,
    ))
      balanceBefore.set(`${r.sid}:${r.bid}`, Number(r.bal) + Number(r.amount));
  }
  const paysBySid = new Map<number, Pay[]>();
  for (const p of pays) paysBySid.set(p.sid, [...(paysBySid.get(p.sid) ?? []), p]);

  const instIds = [...new Set(settlements.map((s) => s.inst))];
  const insts = new Map<number, { name: string; kind: string }>();
  for (const r of await em.query(`SELECT id, name, kind FROM institution WHERE id IN (${inList(instIds.length)})`, instIds))
    insts.set(Number(r.id), { name: r.name, kind: r.kind });
  const maternity = settlements.filter((s) => s.category === 'MATERNITY').map((s) => s.pid);
  const people = new Map<number, { sex: string; birth: string }>();
  if (maternity.length)
    for (const r of await em.query(`SELECT id, sex, birth_date FROM member WHERE id IN (${inList(new Set(maternity).size)})`, [...new Set(maternity)]))
      people.set(Number(r.id), { sex: r.sex, birth: typeof r.birth_date === 'string' ? r.birth_date.slice(0, 10) : beijingDate(toDate(r.birth_date)) });

  // policy versions: as recorded on each settlement; the one in force on the treatment day otherwise
  const pvIds = new Set<number>();
  for (const s of settlements) {
    if (s.patientPv) pvIds.add(s.patientPv);
    for (const v of s.giverPv.values()) pvIds.add(v);
  }
  const pv = await policies(em, [...pvIds]);
  const policyFor = async (pvId: number | null | undefined, province: string, at: Date) => {
    if (pvId && pv.has(pvId)) return { id: pvId, f: pv.get(pvId)! };
    const key = `${province}:${dayOf(at.getTime())}`;
    const hit = fallbackCache.get(key);
    if (hit && hit.until > Date.now()) return hit.v;
    const v = await policyInForce(em, province, beijingDate(at));
    const entry = { id: v.id, f: v.rules.fraud };
    if (fallbackCache.size > 5_000) fallbackCache.clear();
    fallbackCache.set(key, { v: entry, until: Date.now() + 60_000 });
    return entry;
  };
  const patientPolicy = new Map<number, { id: number; f: FraudThresholds }>();
  for (const s of settlements) patientPolicy.set(s.id, await policyFor(s.patientPv, s.province, s.treated));
  const giverPolicy = new Map<string, { id: number; f: FraudThresholds }>();
  const byId = new Map(settlements.map((s) => [s.id, s]));
  for (const p of pays) {
    const s = byId.get(p.sid)!;
    const b = bindings.get(p.bid);
    giverPolicy.set(`${p.sid}:${p.giver}`, await policyFor(s.giverPv.get(p.giver), b ? String(b.giver_region).slice(0, 2) : s.province, s.treated));
  }

  // F6/F8 aggregates this batch touches (per binding, giver, institution and giver), loaded in one query per 500
  const keys = new Set<string>();
  for (const s of settlements) for (const p of paysBySid.get(s.id) ?? []) keys.add(`B:${p.bid}`).add(`G:${p.giver}`).add(`I:${s.inst}:${p.giver}`);
  const tallies = new Tallies();
  await loadTallies(em, tallies, [...keys], sqlite);

  // F3/F5 history: the patients' own settlements around the batch (range reads on (patient_id, treated_at))
  const history = await loadHistory(em, settlements, rows, patientPolicy, opts.cache, Array.isArray(settlementIds) ? undefined : (settlementIds as { lo: number; hi: number }));

  const signals = new Map<string, SignalInput>();
  const emit = (sig: SignalInput) => signals.set(sig.dedupKey, sig);

  for (const s of settlements) {
    result.settlements++;
    const { id: pvId, f } = patientPolicy.get(s.id)!;
    const inst = insts.get(s.inst) ?? { name: `机构 ${s.inst}`, kind: 'HOSPITAL' };
    const day = dayOf(s.treated.getTime());
    const dayNo = dayNumber(s.treated.getTime());
    const paid = s.acct + s.mulaid;
    const common = { policyVersionId: pvId, province: s.province };
    // what this settlement is judged against: the patient's settlements made up to it (id ≤ its id), so the
    // judgement does not depend on when or in which batch it runs (consumer and scan agree)
    const hist = (history.get(s.pid) ?? []).filter((h) => h.id <= s.id);

    // ---- F3 by speed: against the patient's earlier settlement nearest in time (within the reach of the speed limit)
    const reach = travelHorizonMs(f);
    let prev: Hist | null = null;
    for (const h of hist) {
      if (h.id === s.id) continue;
      const gap = Math.abs(h.at - s.treated.getTime());
      if (gap > reach) continue;
      if (!prev || gap < Math.abs(prev.at - s.treated.getTime()) || (gap === Math.abs(prev.at - s.treated.getTime()) && h.id > prev.id)) prev = h;
    }
    if (prev && prev.place !== s.place) {
      const km = regionDistanceKm(prev.place, s.place);
      const minutes = Math.abs(s.treated.getTime() - prev.at) / 60_000;
      const kmh = minutes > 0 ? (km ?? 0) / (minutes / 60) : Infinity;
      if (km !== null && km >= f.travelDistanceKm && kmh > f.maxTravelSpeedKmh) {
        const sc = scoreSignal({ base: 'F3:speed', amountFen: paid, overThreshold: Math.min(10, kmh / f.maxTravelSpeedKmh) });
        const speed = Number.isFinite(kmh) ? `${Math.round(kmh)} 公里/小时` : '同一时刻';
        const far = s.place !== s.region ? s.place : prev.place;
        const [prevInst] = await namesOf(em, insts, [prev.inst]);
        emit({
          rule: 'F3',
          dedupKey: `F3:speed:${s.id}`,
          memberId: s.pid,
          settlementId: s.id,
          regionCode: s.region,
          otherRegionCode: far,
          score: sc.score,
          factors: sc.factors,
          summary: `${Math.round(minutes)} 分钟内先后在${placeName(prev.place)}（${prevInst}）和${placeName(s.place)}（${inst.name}）结算，相距 ${km} 公里，需时速 ${speed}，超过 ${f.maxTravelSpeedKmh} 公里/小时`,
          evidence: {
            check: 'impossible-travel',
            settlementIds: [prev.id, s.id],
            places: [prev.place, s.place],
            placeNames: [placeName(prev.place), placeName(s.place)],
            institutions: [prevInst, inst.name],
            distanceKm: km,
            gapMinutes: Math.round(minutes),
            speedKmh: Number.isFinite(kmh) ? Math.round(kmh) : null,
            threshold: { maxTravelSpeedKmh: f.maxTravelSpeedKmh, travelDistanceKm: f.travelDistanceKm },
            ...common,
          },
          links: { settlementIds: [prev.id, s.id], memberIds: [s.pid] },
        });
      }
    }

    // ---- the patient's Beijing day: F3 institutions, F5 purchases and pharmacies
    const today = hist.filter((h) => h.day === dayNo);
    const d = { sids: today.map((h) => h.id), insts: uniq(today.map((h) => h.inst)), pharmSids: [] as number[], pharms: [] as number[], amt: today.reduce((n, h) => n + h.amt, 0) };
    const pharmToday = today.filter((h) => h.pharmacy);
    d.pharmSids = pharmToday.map((h) => h.id);
    d.pharms = uniq(pharmToday.map((h) => h.inst));
    if (d.insts.length >= f.institutionsPerDay) {
      const names = await namesOf(em, insts, d.insts);
      const sc = scoreSignal({ base: 'F3:institutions', amountFen: d.amt, overThreshold: d.insts.length / f.institutionsPerDay });
      emit({
        rule: 'F3',
        dedupKey: `F3:institutions:${s.pid}:${day}`,
        memberId: s.pid,
        settlementId: s.id,
        regionCode: s.region,
        otherRegionCode: s.place,
        score: sc.score,
        factors: sc.factors,
        summary: `${day} 一天内在 ${d.insts.length} 家机构结算 ${d.sids.length} 次（${names.join('、')}），共 ${yuan(d.amt)}`,
        evidence: { check: 'institutions-per-day', day, institutions: d.insts.length, institutionNames: names, settlements: d.sids.length, amountFen: d.amt, settlementIds: d.sids.slice(0, MAX_IDS), threshold: { institutionsPerDay: f.institutionsPerDay }, ...common },
        links: { settlementIds: d.sids.slice(0, MAX_IDS), memberIds: [s.pid] },
      });
    }
    if (s.category === 'PHARMACY' && (d.pharms.length >= f.pharmaciesPerDay || d.pharmSids.length >= f.pharmacyPurchasesPerDay)) {
      const names = await namesOf(em, insts, d.pharms);
      const byShops = d.pharms.length >= f.pharmaciesPerDay;
      const sc = scoreSignal({
        base: 'F5:day',
        amountFen: d.amt,
        overThreshold: Math.max(d.pharms.length / f.pharmaciesPerDay, d.pharmSids.length / f.pharmacyPurchasesPerDay),
      });
      emit({
        rule: 'F5',
        dedupKey: `F5:day:${s.pid}:${day}`,
        memberId: s.pid,
        settlementId: s.id,
        regionCode: s.region,
        score: sc.score,
        factors: sc.factors,
        summary: `${day} 一天内在 ${d.pharms.length} 家药店购药 ${d.pharmSids.length} 次（${names.join('、')}），共 ${yuan(d.amt)}`,
        evidence: {
          check: byShops ? 'pharmacies-per-day' : 'purchases-per-day',
          day,
          pharmacies: d.pharms.length,
          purchases: d.pharmSids.length,
          pharmacyNames: names,
          amountFen: d.amt,
          settlementIds: d.pharmSids.slice(0, MAX_IDS),
          threshold: { pharmaciesPerDay: f.pharmaciesPerDay, pharmacyPurchasesPerDay: f.pharmacyPurchasesPerDay },
          ...common,
        },
        links: { settlementIds: d.pharmSids.slice(0, MAX_IDS), memberIds: [s.pid] },
      });
    }

    // ---- F5 per period and per drug: sliding windows of `pharmacyPeriodDays` Beijing days (per-day counts summed
    // over the window), the fullest window that contains this settlement's day. One signal per patient (and drug)
    // and calendar period of that length.
    const P = Math.max(1, f.pharmacyPeriodDays);
    const bucket = bucketOf(s.treated, P);
    if (s.category === 'PHARMACY') {
      const w = fullestWindow(hist.filter((h) => h.pharmacy), dayNo, P);
      const n = w.rows.length;
      if (n >= f.pharmacyVisitsPerPeriod) {
        const amt = w.rows.reduce((sum, h) => sum + h.amt, 0);
        const sids = w.rows.map((h) => h.id).slice(0, MAX_IDS);
        const sc = scoreSignal({ base: 'F5:visits', amountFen: amt, overThreshold: n / f.pharmacyVisitsPerPeriod });
        emit({
          rule: 'F5',
          dedupKey: `F5:visits:${s.pid}:${bucket}`,
          memberId: s.pid,
          settlementId: s.id,
          regionCode: s.region,
          score: sc.score,
          factors: sc.factors,
          summary: `${w.from} 至 ${w.to} 的 ${P} 天内购药 ${n} 次，共 ${yuan(amt)}（阈值 ${f.pharmacyVisitsPerPeriod} 次）`,
          evidence: { check: 'visits-per-period', visits: n, amountFen: amt, from: w.from, upTo: w.to, settlementIds: sids, threshold: { pharmacyVisitsPerPeriod: f.pharmacyVisitsPerPeriod, pharmacyPeriodDays: P }, ...common },
          links: { settlementIds: sids, memberIds: [s.pid] },
        });
      }
    }
    for (const drug of s.drugs) {
      const w = fullestWindow(hist.filter((h) => h.drugs.includes(drug)), dayNo, P);
      const n = w.rows.length;
      if (n >= f.sameDrugRepeats) {
        const amt = w.rows.reduce((sum, h) => sum + h.amt, 0);
        const sids = w.rows.map((h) => h.id).slice(0, MAX_IDS);
        const sc = scoreSignal({ base: 'F5:drug', amountFen: amt, overThreshold: n / f.sameDrugRepeats });
        emit({
          rule: 'F5',
          dedupKey: `F5:drug:${s.pid}:${drug}:${bucket}`,
          memberId: s.pid,
          settlementId: s.id,
          regionCode: s.region,
          score: sc.score,
          factors: sc.factors,
          summary: `${w.from} 至 ${w.to} 的 ${P} 天内重复购买同一药品 ${drug} ${n} 次，共 ${yuan(amt)}`,
          evidence: { check: 'same-drug-repeats', drugCode: drug, purchases: n, amountFen: amt, from: w.from, upTo: w.to, settlementIds: sids, threshold: { sameDrugRepeats: f.sameDrugRepeats, pharmacyPeriodDays: P }, ...common },
          links: { settlementIds: sids, memberIds: [s.pid] },
        });
      }
    }
    // ---- F4: maternity against the patient's sex and age
    if (s.category === 'MATERNITY') {
      const m = people.get(s.pid);
      if (m) {
        const age = Number(day.slice(0, 4)) - Number(m.birth.slice(0, 4)) - (day.slice(5) < m.birth.slice(5) ? 1 : 0);
        const problem = m.sex === 'MALE' ? 'male-maternity' : age < f.maternityMinAge ? 'too-young' : age > f.maternityMaxAge ? 'too-old' : null;
        if (problem) {
          const sc = scoreSignal({ base: problem === 'male-maternity' ? 'F4:male-maternity' : 'F4:age', amountFen: paid });
          emit({
            rule: 'F4',
            dedupKey: `F4:${s.id}`,
            memberId: s.pid,
            settlementId: s.id,
            regionCode: s.region,
            score: sc.score,
            factors: sc.factors,
            summary: `${inst.name}（${placeName(s.place)}）的生育类结算与身份证信息不符：${problem === 'male-maternity' ? '男性' : `结算时 ${age} 岁（合理范围 ${f.maternityMinAge}–${f.maternityMaxAge} 岁）`}，${yuan(paid)}`,
            evidence: { check: problem, category: s.category, sex: m.sex, ageAtTreatment: age, institution: inst.name, settlementIds: [s.id], threshold: { maternityMinAge: f.maternityMinAge, maternityMaxAge: f.maternityMaxAge }, ...common },
            links: { settlementIds: [s.id], memberIds: [s.pid] },
          });
        }
      }
    }

    // ---- per mutual-aid payment: F6 (per binding), F8 (per giver, per institution and giver)
    for (const p of paysBySid.get(s.id) ?? []) {
      const b = bindings.get(p.bid);
      if (!b) continue;
      const gp = giverPolicy.get(`${p.sid}:${p.giver}`)!;
      const g = gp.f;
      const gcommon = { policyVersionId: gp.id, province: String(b.giver_region).slice(0, 2) };
      const rel = String(b.relationship) as RelationshipKind;

      // F6: counted by when the money moved (settlement creation), not the stated treatment time
      const act = b.activated_at ? toDate(b.activated_at) : null;
      if (act && s.created.getTime() >= act.getTime() - 60_000 && s.created.getTime() <= act.getTime() + g.drainWindowDays * DAY_MS) {
        const key = `B:${p.bid}`;
        const t = tallies.get<Drain>(key, () => ({ base: 0, paid: 0, n: 0, sids: [] }));
        if (pushId(t.sids, s.id)) {
          if (!t.base) t.base = balanceBefore.get(`${s.id}:${p.bid}`) ?? 0;
          t.paid += p.amount;
          t.n++;
          tallies.touch(key, new Date(act.getTime() + (g.drainWindowDays + 1) * DAY_MS));
        }
        if (t.base > 0 && t.paid * 100 >= g.drainPercent * t.base) emit(drainSignal(t, b, p.bid, p.giver, act, s.id, s.created, s.treated.getTime() < act.getTime(), gp));
      }

      // F8 over a sliding window of `fanOutWindowDays` ending at this payment (by when the money moved):
      // beneficiaries beyond the household (spouse, parents, children/grandchildren up to the policy's counts)
      const W = g.fanOutWindowDays * DAY_MS;
      const c = s.created.getTime();
      const gkey = `G:${p.giver}`;
      const gt = tallies.get<Giver>(gkey, () => ({ pays: [], ep: null }));
      if (!gt.pays.some((x) => x[0] === s.id && x[3] === p.bid)) gt.pays.push([s.id, c, p.amount, p.bid, s.pid, rel]);
      const newest = Math.max(...gt.pays.map((x) => x[1]));
      gt.pays = gt.pays.filter((x) => x[1] >= newest - W).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
      tallies.touch(gkey, new Date(newest + W + DAY_MS));
      const { household, signal } = fanOut(gt, c, g, p.giver, b.giver_region, gcommon, s.id);
      if (signal) emit(signal);

      // F8 institution variant: one institution settling many patients against one giver, household members discounted
      const ikey = `I:${s.inst}:${p.giver}`;
      const it = tallies.get<Inst>(ikey, () => ({ pays: [], ep: null }));
      if (!it.pays.some((x) => x[0] === s.id && x[3] === p.bid)) it.pays.push([s.id, c, p.amount, p.bid, s.pid, rel]);
      const inewest = Math.max(...it.pays.map((x) => x[1]));
      it.pays = it.pays.filter((x) => x[1] >= inewest - W).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
      tallies.touch(ikey, new Date(inewest + W + DAY_MS));
      const iend = Math.max(c, inewest);
      const iwin = it.pays.filter((x) => x[1] >= iend - W && x[1] <= iend);
      const pats = [...new Set(iwin.map((x) => x[4]))];
      const instOutsiders = pats.filter((pid) => !household.has(pid)).length;
      if (instOutsiders >= g.fanOutInstitutionPatients) {
        if (it.ep === null || it.ep < iend - W || it.ep > iend) it.ep = iend;
        const isids = [...new Set(iwin.map((x) => x[0]))];
        const ibids = [...new Set(iwin.map((x) => x[3]))];
        const iamt = iwin.reduce((sum, x) => sum + x[2], 0);
        const sc = scoreSignal({ base: 'F8:institution', amountFen: iamt, outsiders: instOutsiders });
        emit({
          rule: 'F8',
          dedupKey: `F8:institution:${s.inst}:${p.giver}:${it.ep}`,
          institutionId: s.inst,
          memberId: p.giver,
          settlementId: s.id,
          subject: { type: 'INSTITUTION', id: s.inst },
          regionCode: s.place,
          otherRegionCode: b.giver_region,
          score: sc.score,
          factors: sc.factors,
          summary: `${inst.name}（${placeName(s.place)}）${g.fanOutWindowDays} 天内用同一共济人的账户为 ${pats.length} 名患者结算 ${isids.length} 笔、共 ${yuan(iamt)}，其中 ${instOutsiders} 名不属于其家庭`,
          evidence: {
            check: 'institution-fan-out',
            institutionId: s.inst,
            institution: inst.name,
            giverId: p.giver,
            patients: pats.length,
            outsideHousehold: instOutsiders,
            amountFen: iamt,
            settlementIds: isids,
            bindingIds: ibids,
            threshold: { fanOutInstitutionPatients: g.fanOutInstitutionPatients, fanOutWindowDays: g.fanOutWindowDays },
            ...gcommon,
          },
          links: { settlementIds: isids, bindingIds: ibids, memberIds: [p.giver, ...pats] },
        });
      }
    }
  }

  await saveTallies(em, tallies, sqlite);
  for (const sig of signals.values()) {
    const r = await upsertSignal(em, { ...sig, actorName: opts.actorName });
    if (r === 'new') result.signalsNew++;
    else if (r === 'updated') result.signalsUpdated++;
  }
  return result;
}

// ---------------------------------------------------------------- F6 and F8 judgements shared by settlements and wallet transfers (W5)

type GiverPolicy = { id: number; f: FraudThresholds };

/** F6: the drain signal of a binding whose aggregate crossed the threshold (at settlement `sid` or transfer −id). */
function drainSignal(t: Drain, b: Row, bid: number, giver: number, act: Date, sid: number | null, moved: Date, backdated: boolean, gp: GiverPolicy): SignalInput {
  const g = gp.f;
  const gcommon = { policyVersionId: gp.id, province: String(b.giver_region).slice(0, 2) };
  const pct = Math.round((t.paid * 1000) / t.base) / 10;
  const sc = scoreSignal({ base: 'F6:drain', amountFen: t.paid, overThreshold: pct / g.drainPercent });
  const hours = Math.round(((moved.getTime() - act.getTime()) / 3_600_000) * 10) / 10;
  const wallet = t.wallet ?? 0;
  const how = wallet > 0 ? `经该绑定共济支出 ${yuan(t.paid - wallet)}、医保钱包转出 ${yuan(wallet)}，共 ${yuan(t.paid)}` : `经该绑定共济支出 ${yuan(t.paid)}`;
  return {
    rule: 'F6',
    dedupKey: `F6:${bid}`,
    bindingId: bid,
    memberId: giver,
    settlementId: sid,
    subject: { type: 'BINDING', id: bid },
    regionCode: b.giver_region,
    otherRegionCode: b.beneficiary_region,
    score: sc.score,
    factors: sc.factors,
    summary: `绑定生效后 ${hours} 小时内${how}（${t.n} 笔），占生效时余额 ${yuan(t.base)} 的 ${pct}%${backdated ? '；所报就医时间早于绑定生效' : ''}`,
    evidence: {
      check: 'drain-after-binding',
      bindingId: bid,
      giverId: giver,
      beneficiaryId: Number(b.beneficiary_id),
      relationship: String(b.relationship),
      activatedAt: act.toISOString(),
      balanceAtActivationFen: t.base,
      mutualAidPaidFen: t.paid - wallet,
      walletSentFen: wallet,
      payments: t.n,
      percent: pct,
      backdated,
      settlementIds: t.sids,
      walletTransferIds: t.tids ?? [],
      threshold: { drainPercent: g.drainPercent, drainWindowDays: g.drainWindowDays },
      ...gcommon,
    },
    links: { settlementIds: t.sids, bindingIds: [bid], memberIds: [giver, Number(b.beneficiary_id)] },
  };
}

/**
 * F8 (giver): the window of `fanOutWindowDays` ending at `c` (ms, when the money moved). Beneficiaries
 * and wallet recipients beyond the household (spouse, parents, children/grandchildren up to the
 * policy's counts) are outsiders. Returns the household (for the institution variant) and a signal.
 */
function fanOut(gt: Giver, c: number, g: FraudThresholds, giver: number, giverRegion: string, gcommon: Record<string, unknown>, sid: number | null): { household: Set<number>; signal: SignalInput | null } {
  const W = g.fanOutWindowDays * DAY_MS;
  // the window ends at the newest payment counted (not at this one): whichever order payments and transfers are
  // handled in (consumer or scan, clocks of different precision), the last judgement sees the same window
  const end = Math.max(c, ...gt.pays.map((x) => x[1]));
  const win = gt.pays.filter((x) => x[1] >= end - W && x[1] <= end);
  // classify each beneficiary once, in order of first payment within the window
  const household = new Set<number>();
  const kinds = new Map<number, string>();
  const used: Record<string, number> = {};
  for (const x of win) {
    if (kinds.has(x[4])) continue;
    kinds.set(x[4], x[5]);
    const grp = householdGroup(x[5] as RelationshipKind);
    const allowance = grp === 'SPOUSE' ? g.householdSpouses : grp === 'PARENT' ? g.householdParents : grp === 'DESC' ? g.householdDescendants : 0;
    if (grp && (used[grp] ?? 0) < allowance) household.add(x[4]);
    if (grp) used[grp] = (used[grp] ?? 0) + 1;
  }
  const outsiders = kinds.size - household.size;
  if (outsiders < g.fanOutBeneficiaries) return { household, signal: null };
  // one signal per episode: an episode starts when the threshold is first crossed, and lasts a window
  if (gt.ep === null || gt.ep < end - W || gt.ep > end) gt.ep = end;
  const winSids = [...new Set(win.filter((x) => x[0] > 0).map((x) => x[0]))];
  const winTids = [...new Set(win.filter((x) => x[0] < 0).map((x) => -x[0]))].sort((a, b) => a - b);
  const winBids = [...new Set(win.filter((x) => x[3] > 0).map((x) => x[3]))];
  const amt = win.reduce((sum, x) => sum + x[2], 0);
  const walletFen = win.filter((x) => x[0] < 0).reduce((sum, x) => sum + x[2], 0);
  const byKind = new Map<string, number>();
  for (const k of kinds.values()) byKind.set(k, (byKind.get(k) ?? 0) + 1);
  const mix = [...byKind].map(([k, n]) => `${REL_NAME[k] ?? k} ${n}`).join('、');
  const sc = scoreSignal({ base: 'F8:giver', amountFen: amt, outsiders });
  const parts = [winSids.length ? `${winSids.length} 笔结算` : '', winTids.length ? `${winTids.length} 笔医保钱包转账` : ''].filter(Boolean).join('、');
  return {
    household,
    signal: {
      rule: 'F8',
      dedupKey: `F8:giver:${giver}:${gt.ep}`,
      memberId: giver,
      settlementId: sid,
      regionCode: giverRegion,
      score: sc.score,
      factors: sc.factors,
      summary: `${g.fanOutWindowDays} 天内为 ${kinds.size} 名被共济人支付 ${yuan(amt)}（${winTids.length ? parts : `${winSids.length} 笔`}；${mix}），其中 ${outsiders} 名超出家庭范围`,
      evidence: {
        check: 'giver-fan-out',
        giverId: giver,
        beneficiaries: kinds.size,
        outsideHousehold: outsiders,
        relationships: Object.fromEntries(byKind),
        amountFen: amt,
        walletSentFen: walletFen,
        settlementIds: winSids,
        walletTransferIds: winTids,
        bindingIds: winBids,
        threshold: {
          fanOutBeneficiaries: g.fanOutBeneficiaries,
          fanOutWindowDays: g.fanOutWindowDays,
          householdSpouses: g.householdSpouses,
          householdParents: g.householdParents,
          householdDescendants: g.householdDescendants,
        },
        ...gcommon,
      },
      links: { settlementIds: winSids, bindingIds: winBids, memberIds: [giver] },
    },
  };
}

/**
 * W5: 医保钱包 transfers as money leaving the sender. For each transfer (in id order): F6 — every binding
 * the sender gives through that became active within the drain window before the transfer adds it to
 * its drain (the base, when still unset, is the sender's balance just before the transfer); F8 — the
 * recipient joins the sender's fan-out window with the relationship the sender declared.
 * Thresholds: the sender's policy in force on the Beijing day of sending. Idempotent like settlements.
 */
export async function detectWalletTransfers(em: EntityManager, transferIds: readonly number[], opts: DetectOptions): Promise<DetectResult> {
  const result: DetectResult = { settlements: 0, signalsNew: 0, signalsUpdated: 0 };
  const ids = [...new Set(transferIds.map(Number))].sort((a, b) => a - b);
  if (!ids.length) return result;
  const sqlite = em.connection.options.type === 'better-sqlite3';
  const transfers: Row[] = await em.query(
    `SELECT t.id, t.sender_id, t.recipient_id, t.relationship, t.amount_fen, t.created_at, m.province_code, m.insured_region, a.id AS account_id
       FROM wallet_transfer t JOIN member m ON m.id = t.sender_id LEFT JOIN personal_account a ON a.member_id = t.sender_id
      WHERE t.id IN (${inList(ids.length)}) ORDER BY t.id`,
    ids,
  );
  if (!transfers.length) return result;
  const senders = [...new Set(transfers.map((r) => Number(r.sender_id)))];
  // the sender's balance just before each transfer, from its WALLET_SEND ledger entry
  const before = new Map<number, number>();
  const accounts = [...new Set(transfers.filter((r) => r.account_id !== null).map((r) => Number(r.account_id)))];
  if (accounts.length)
    for (const r of await em.query(
      `SELECT memo, amount_fen, balance_after_fen FROM ledger_entry WHERE account_id IN (${inList(accounts.length)}) AND cause = 'WALLET_SEND' AND memo IN (${inList(transfers.length)})`,
      [...accounts, ...transfers.map((t) => `医保钱包转账 #${t.id}`)],
    )) {
      const m = /#(\d+)$/.exec(String(r.memo));
      if (m) before.set(Number(m[1]), Number(r.balance_after_fen) + Number(r.amount_fen));
    }
  // the senders' bindings as givers that became active (candidates for F6)
  const bindingsOf = new Map<number, Row[]>();
  for (const r of await em.query(
    `SELECT id, giver_id, beneficiary_id, relationship, activated_at, giver_region, beneficiary_region FROM binding WHERE giver_id IN (${inList(senders.length)}) AND activated_at IS NOT NULL`,
    senders,
  ))
    bindingsOf.set(Number(r.giver_id), [...(bindingsOf.get(Number(r.giver_id)) ?? []), r]);
  const policyOf = new Map<string, GiverPolicy>();
  for (const t of transfers) {
    const key = `${t.province_code}:${beijingDate(toDate(t.created_at))}`;
    if (!policyOf.has(key)) {
      const v = await policyInForce(em, t.province_code, beijingDate(toDate(t.created_at)));
      policyOf.set(key, { id: v.id, f: v.rules.fraud });
    }
  }
  const tallies = new Tallies();
  const keys = new Set<string>();
  for (const sid of senders) {
    keys.add(`G:${sid}`);
    for (const b of bindingsOf.get(sid) ?? []) keys.add(`B:${b.id}`);
  }
  await loadTallies(em, tallies, [...keys], sqlite);

  const signals = new Map<string, SignalInput>();
  for (const tr of transfers) {
    const tid = Number(tr.id);
    const sender = Number(tr.sender_id);
    const amount = Number(tr.amount_fen);
    const moved = toDate(tr.created_at);
    const c = moved.getTime();
    const gp = policyOf.get(`${tr.province_code}:${beijingDate(moved)}`)!;
    const g = gp.f;
    const gcommon = { policyVersionId: gp.id, province: tr.province_code };

    // F6: each of the sender's bindings made within the drain window before this transfer
    for (const b of bindingsOf.get(sender) ?? []) {
      const act = toDate(b.activated_at);
      if (c < act.getTime() - 60_000 || c > act.getTime() + g.drainWindowDays * DAY_MS) continue;
      const key = `B:${b.id}`;
      const t = tallies.get<Drain>(key, () => ({ base: 0, paid: 0, n: 0, sids: [] }));
      t.tids ??= [];
      if (pushId(t.tids, tid)) {
        if (!t.base) t.base = before.get(tid) ?? 0;
        t.paid += amount;
        t.wallet = (t.wallet ?? 0) + amount;
        t.n++;
        tallies.touch(key, new Date(act.getTime() + (g.drainWindowDays + 1) * DAY_MS));
      }
      if (t.base > 0 && t.paid * 100 >= g.drainPercent * t.base) {
        const sig = drainSignal(t, b, Number(b.id), sender, act, null, moved, false, gp);
        signals.set(sig.dedupKey, sig);
      }
    }

    // F8: the recipient joins the sender's fan-out window
    const W = g.fanOutWindowDays * DAY_MS;
    const gkey = `G:${sender}`;
    const gt = tallies.get<Giver>(gkey, () => ({ pays: [], ep: null }));
    if (!gt.pays.some((x) => x[0] === -tid)) gt.pays.push([-tid, c, amount, 0, Number(tr.recipient_id), String(tr.relationship)]);
    const newest = Math.max(...gt.pays.map((x) => x[1]));
    gt.pays = gt.pays.filter((x) => x[1] >= newest - W).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    tallies.touch(gkey, new Date(newest + W + DAY_MS));
    const { signal } = fanOut(gt, c, g, sender, tr.insured_region, gcommon, null);
    if (signal) signals.set(signal.dedupKey, signal);
  }

  await saveTallies(em, tallies, sqlite);
  for (const sig of signals.values()) {
    const r = await upsertSignal(em, { ...sig, actorName: opts.actorName });
    if (r === 'new') result.signalsNew++;
    else if (r === 'updated') result.signalsUpdated++;
  }
  return result;
}

async function namesOf(em: EntityManager, known: Map<number, { name: string; kind: string }>, ids: number[]): Promise<string[]> {
  const missing = ids.filter((i) => !known.has(i));
  if (missing.length)
    for (const r of await em.query(`SELECT id, name, kind FROM institution WHERE id IN (${inList(missing.length)})`, missing)) known.set(Number(r.id), { name: r.name, kind: r.kind });
  return ids.map((i) => known.get(i)?.name ?? `机构 ${i}`);
}

function sqlTime(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

async function saveTallies(em: EntityManager, t: Tallies, sqlite: boolean): Promise<void> {
  // One multi-row upsert per 300 aggregates, new and existing alike (rows were read FOR UPDATE).
  const rows = t.pack().map(([k, data, exp]) => [k, data, sqlTime(exp)] as const);
  const conflict = sqlite ? 'ON CONFLICT(tally_key) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at' : 'ON DUPLICATE KEY UPDATE data = VALUES(data), expires_at = VALUES(expires_at)';
  for (let i = 0; i < rows.length; i += 300) {
    const part = rows.slice(i, i + 300);
    await em.query(`INSERT INTO fraud_tally (tally_key, data, expires_at) VALUES ${part.map(() => '(?, ?, ?)').join(', ')} ${conflict}`, part.flat());
  }
}

/** Delete aggregates whose window ended before `before` (they can no longer change a decision). */
export async function pruneTallies(em: EntityManager, before: Date): Promise<void> {
  await em.createQueryBuilder().delete().from(FraudTally).where('expires_at < :b', { b: before }).execute();
}
