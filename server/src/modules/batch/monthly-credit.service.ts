/**
 * S13: monthly account income, as an idempotent batch per period (YYYY-MM). In-service EMPLOYEE
 * members get their own contribution share (contribution base × policy permille); retirees get their
 * province's fixed monthly amount. One ledger entry per account and period (unique), chunked, with
 * progress; a re-run (or a resumed crashed run) credits nobody twice.
 */
import { runInContext, type ContextDeps } from '../../core/context';
import { PersonalAccount } from '../account/account.entity';
import { credit } from '../account/account.service';
import { Member } from '../member/member.entity';
import { policyInForce } from '../policy/policy-lookup';
import type { PolicyVersion } from '../policy/policy.entity';
import { BatchRun } from './batch.entity';
import { badPeriod, futurePeriod } from './batch.errors';

export interface BatchProgress {
  done: number;
  total: number;
}

export interface BatchSummary {
  job: string;
  period: string;
  alreadyCompleted: boolean;
  processed: number;
  applied: number;
  skipped: number;
  amountFen: number;
}

const SYSTEM = (job: string) => ({ kind: 'system' as const, name: `batch:${job}` });

/** Start (or resume) a run; null when the period is already completed. */
export async function openRun(deps: ContextDeps, job: string, period: string): Promise<BatchRun | null> {
  return runInContext(deps, SYSTEM(job), async (ctx) => {
    const existing = await ctx.em.findOneBy(BatchRun, { job, period });
    if (existing) return existing.status === 'COMPLETED' ? null : existing;
    return ctx.em.save(BatchRun, ctx.em.create(BatchRun, { job, period, status: 'RUNNING', processed: 0, applied: 0, skipped: 0, amountFen: 0, finishedAt: null }));
  });
}

export async function runMonthlyCredit(deps: ContextDeps, period: string, onProgress?: (p: BatchProgress) => void, chunk = 500): Promise<BatchSummary> {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!m) throw badPeriod(period);
  const firstDay = `${period}-01`;
  if (firstDay > new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)) throw futurePeriod(period);
  const job = 'monthly-credit';
  const run = await openRun(deps, job, period);
  if (!run) return { job, period, alreadyCompleted: true, processed: 0, applied: 0, skipped: 0, amountFen: 0 };
  const batchId = `monthly-credit:${period}`;
  const total = await runInContext(deps, SYSTEM(job), (ctx) => ctx.em.count(PersonalAccount));
  const policies = new Map<string, PolicyVersion>();
  let lastId = 0;
  let done = 0;
  for (;;) {
    const step = await runInContext(deps, SYSTEM(job), async (ctx) => {
      const accounts = await ctx.em
        .createQueryBuilder(PersonalAccount, 'a')
        .where('a.id > :lastId', { lastId })
        .orderBy('a.id', 'ASC')
        .take(chunk)
        .getMany();
      if (accounts.length === 0) return null;
      const members = new Map((await ctx.em.findBy(Member, accounts.map((a) => ({ id: a.memberId })))).map((x) => [x.id, x]));
      const credited = new Set(
        (await ctx.em.query(`SELECT account_id FROM ledger_entry WHERE batch_id = ? AND account_id IN (${accounts.map(() => '?').join(',')})`, [batchId, ...accounts.map((a) => a.id)])).map(
          (r: { account_id: number | string }) => Number(r.account_id),
        ),
      );
      let applied = 0;
      let skipped = 0;
      let amount = 0;
      for (const a of accounts) {
        const member = members.get(a.memberId);
        if (!member || credited.has(a.id) || member.status !== 'ACTIVE' || member.scheme !== 'EMPLOYEE') {
          skipped++;
          continue;
        }
        let policy = policies.get(member.provinceCode);
        if (!policy) {
          policy = await policyInForce(ctx.em, member.provinceCode, firstDay);
          policies.set(member.provinceCode, policy);
        }
        const fen = member.retired
          ? policy.rules.retireeMonthlyCreditFen
          : Math.floor(((member.contributionBaseFen ?? 0) * policy.rules.employeeAccountRatePermille) / 1000);
        if (fen <= 0) {
          skipped++;
          continue;
        }
        await credit(ctx, a.id, fen, {
          cause: member.retired ? 'RETIREE_CREDIT' : 'MONTHLY_CONTRIBUTION',
          batchId,
          memo: `${period} ${member.retired ? '退休人员定额划入' : '个人缴费划入'}（政策 ${policy.provinceCode} v${policy.version}）`,
        });
        applied++;
        amount += fen;
      }
      await ctx.em.increment(BatchRun, { id: run.id }, 'processed', accounts.length);
      await ctx.em.increment(BatchRun, { id: run.id }, 'applied', applied);
      await ctx.em.increment(BatchRun, { id: run.id }, 'skipped', skipped);
      await ctx.em.increment(BatchRun, { id: run.id }, 'amountFen', amount);
      return { last: accounts.at(-1)!.id, n: accounts.length };
    });
    if (!step) break;
    lastId = step.last;
    done += step.n;
    onProgress?.({ done, total });
  }
  return finishRun(deps, job, run.id);
}

export async function finishRun(deps: ContextDeps, job: string, runId: number): Promise<BatchSummary> {
  return runInContext(deps, SYSTEM(job), async (ctx) => {
    await ctx.em.update(BatchRun, { id: runId }, { status: 'COMPLETED', finishedAt: ctx.now });
    const r = await ctx.em.findOneByOrFail(BatchRun, { id: runId });
    return { job, period: r.period, alreadyCompleted: false, processed: r.processed, applied: r.applied, skipped: r.skipped, amountFen: r.amountFen };
  });
}
