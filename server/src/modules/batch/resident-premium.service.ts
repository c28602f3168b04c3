/**
 * S14: a giver pays a RESIDENT beneficiary's yearly resident-insurance contribution, inside the
 * beneficiary's province collection window, once per beneficiary per year — by hand or through the
 * opt-in batch run. `year` is the calendar year of collection. The payment row is inserted first
 * (unique beneficiary+year), so two concurrent payers cannot both pay.
 */
import { requireMember, runInContext, today, type RequestContext, type ContextDeps } from '../../core/context';
import { isUniqueViolation } from '../../db/database';
import { PersonalAccount } from '../account/account.entity';
import { tryDebitAvailable } from '../account/account.service';
import { Binding } from '../binding/binding.entity';
import { notAParty, onlyGiver } from '../binding/binding.errors';
import { Member } from '../member/member.entity';
import { policyInForce } from '../policy/policy-lookup';
import { BatchRun, ResidentPremiumPayment } from './batch.entity';
import { alreadyPaid, bindingNotActive, notEnough, notResident, outsideWindow } from './batch.errors';
import { finishRun, openRun, type BatchProgress, type BatchSummary } from './monthly-credit.service';

/** Pay one beneficiary's premium for `year` from this binding's giver. Throws a DomainError when it may not. */
export async function payPremium(ctx: RequestContext, b: Binding, via: 'BATCH' | 'MANUAL'): Promise<ResidentPremiumPayment> {
  if (b.kind !== 'MUTUAL_AID' || b.state !== 'ACTIVE') throw bindingNotActive();
  const beneficiary = await ctx.em.findOneByOrFail(Member, { id: b.beneficiaryId });
  if (beneficiary.scheme !== 'RESIDENT' || beneficiary.status !== 'ACTIVE') throw notResident();
  const day = today(ctx);
  const year = Number(day.slice(0, 4));
  const policy = await policyInForce(ctx.em, beneficiary.provinceCode, day);
  const { residentPremiumWindowStart: start, residentPremiumWindowEnd: end, residentPremiumFen: amount } = policy.rules;
  const md = day.slice(5);
  if (md < start || md > end) throw outsideWindow(beneficiary.provinceCode, start, end);
  if (await ctx.em.findOneBy(ResidentPremiumPayment, { beneficiaryId: beneficiary.id, year })) throw alreadyPaid(year);
  const row = ctx.em.create(ResidentPremiumPayment, { beneficiaryId: beneficiary.id, year, bindingId: b.id, giverId: b.giverId, amountFen: amount, via });
  try {
    await ctx.em.insert(ResidentPremiumPayment, row);
  } catch (e) {
    if (isUniqueViolation(e)) throw alreadyPaid(year);
    throw e;
  }
  const account = await ctx.em.findOneByOrFail(PersonalAccount, { memberId: b.giverId });
  const entry = await tryDebitAvailable(ctx, account.id, amount, {
    cause: 'RESIDENT_PREMIUM',
    bindingId: b.id,
    batchId: `resident-premium:${year}:${beneficiary.id}`,
    memo: `${year} 年度居民医保代缴（政策 ${policy.provinceCode} v${policy.version}）`,
  });
  if (!entry) throw notEnough();
  return row;
}

/** Member channel: the giver pays by hand. */
export async function payResidentPremiumByHand(ctx: RequestContext, bindingId: number): Promise<ResidentPremiumPayment> {
  const me = requireMember(ctx);
  const b = await ctx.em.findOneBy(Binding, { id: bindingId });
  if (!b || (b.giverId !== me.id && b.beneficiaryId !== me.id)) throw notAParty();
  if (b.giverId !== me.id) throw onlyGiver();
  return payPremium(ctx, b, 'MANUAL');
}

/** Member channel: the giver opts a binding in or out of the yearly batch run. */
export async function setResidentPremiumOptIn(ctx: RequestContext, bindingId: number, enabled: boolean): Promise<Binding> {
  const me = requireMember(ctx);
  const b = await ctx.em.findOneBy(Binding, { id: bindingId });
  if (!b || (b.giverId !== me.id && b.beneficiaryId !== me.id)) throw notAParty();
  if (b.giverId !== me.id) throw onlyGiver();
  if (b.kind !== 'MUTUAL_AID') throw bindingNotActive();
  b.residentPremiumOptIn = enabled;
  return ctx.em.save(Binding, b);
}

/**
 * The opt-in batch for the current collection year: for each RESIDENT beneficiary with opted-in
 * ACTIVE bindings, the first giver (by priority) who can pay does; beneficiaries outside their
 * province's window, already paid, or whose givers lack the money are skipped and counted.
 */
export async function runResidentPremium(deps: ContextDeps, onProgress?: (p: BatchProgress) => void, chunk = 300): Promise<BatchSummary & { outsideWindow: number; unpaid: number }> {
  const job = 'resident-premium';
  const year = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
  const run = await openRun(deps, job, year);
  if (!run) return { job, period: year, alreadyCompleted: true, processed: 0, applied: 0, skipped: 0, amountFen: 0, outsideWindow: 0, unpaid: 0 };
  const sys = { kind: 'system' as const, name: `batch:${job}` };
  const candidates = await runInContext(deps, sys, (ctx) =>
    ctx.em
      .createQueryBuilder(Binding, 'b')
      .innerJoin(Member, 'm', 'm.id = b.beneficiary_id')
      .where("b.state = 'ACTIVE' AND b.kind = 'MUTUAL_AID' AND b.resident_premium_opt_in = :on AND m.scheme = 'RESIDENT' AND m.status = 'ACTIVE'", { on: true })
      .orderBy('b.beneficiaryId', 'ASC')
      .addOrderBy('b.priority', 'ASC')
      .getMany(),
  );
  const byBeneficiary = new Map<number, Binding[]>();
  for (const b of candidates) byBeneficiary.set(b.beneficiaryId, [...(byBeneficiary.get(b.beneficiaryId) ?? []), b]);
  const groups = [...byBeneficiary.values()];
  let outside = 0;
  let unpaid = 0;
  let done = 0;
  for (let i = 0; i < groups.length; i += chunk) {
    const part = groups.slice(i, i + chunk);
    let applied = 0;
    let amount = 0;
    for (const bindings of part) {
      let paid = false;
      for (const b of bindings) {
        try {
          // each payment in its own transaction: one giver's failure does not undo another's payment
          const row = await runInContext(deps, sys, (ctx) => payPremium(ctx, b, 'BATCH'));
          applied++;
          amount += row.amountFen;
          paid = true;
          break;
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (code === 'OUTSIDE_PREMIUM_WINDOW') {
            outside++;
            paid = true; // no other giver can do better
            break;
          }
          if (code === 'PREMIUM_ALREADY_PAID') {
            paid = true;
            break;
          }
          if (code !== 'INSUFFICIENT_BALANCE') throw e;
        }
      }
      if (!paid) unpaid++;
    }
    await runInContext(deps, sys, async (ctx) => {
      await ctx.em.increment(BatchRun, { id: run.id }, 'processed', part.length);
      await ctx.em.increment(BatchRun, { id: run.id }, 'applied', applied);
      await ctx.em.increment(BatchRun, { id: run.id }, 'skipped', part.length - applied);
      await ctx.em.increment(BatchRun, { id: run.id }, 'amountFen', amount);
    });
    done += part.length;
    onProgress?.({ done, total: groups.length });
  }
  const summary = await finishRun(deps, job, run.id);
  return { ...summary, outsideWindow: outside, unpaid };
}
