/**
 * R1/R2: import the member registry or registry events (run with the server's configuration).
 *
 *   pnpm run import members FILE [--dry-run] [--encoding utf8|gb18030] [--report problems.csv]
 *   pnpm run import events  FILE [--dry-run] [--encoding utf8|gb18030] [--report problems.csv]
 *
 * CSV (UTF-8 or GB18030, detected unless --encoding is given) or XLSX. Prints progress and the
 * counts; with --report writes every problem (row, column, rule) as CSV. Audited with the file's SHA-256.
 */
import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { runInContext } from '../core/context';
import { ImportProblem } from '../modules/registry/import-job.entity';
import { importRegistryFile } from '../modules/registry/registry-import.service';
import { problemsCsvHeader, problemCsvLine } from '../modules/registry/registry-report';
import { seedIfEmpty } from '../seed/seed';
import { openDeps, progressBar } from './batch-cli';

const USAGE = 'usage: import members|events FILE [--dry-run] [--encoding utf8|gb18030] [--report problems.csv]';

async function main() {
  const args = process.argv.slice(2);
  const [what, file] = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--encoding', '--report'].includes(args[i - 1])));
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if ((what !== 'members' && what !== 'events') || !file) {
    console.error(USAGE);
    process.exit(2);
  }
  const encoding = flag('--encoding');
  if (encoding && encoding !== 'utf8' && encoding !== 'gb18030') throw new Error('--encoding must be utf8 or gb18030');
  const dryRun = args.includes('--dry-run');
  const deps = await openDeps();
  try {
    await seedIfEmpty({ ...deps, config: { ...deps.config, seedDemo: false } });
    const principal = { kind: 'system' as const, name: 'registry-import' };
    const bar = progressBar(`import ${what}${dryRun ? ' (dry run)' : ''}`);
    const job = await importRegistryFile(deps, principal, {
      kind: what === 'members' ? 'MEMBERS' : 'EVENTS',
      file,
      dryRun,
      encoding: encoding as 'utf8' | 'gb18030' | undefined,
      onProgress: (p) => bar({ done: p.done, total: p.total }),
    });
    const verb = dryRun ? 'would be ' : '';
    console.log(
      `import #${job.id} ${job.status}: ${job.rowsRead} rows read; ${job.inserted} ${verb}${what === 'members' ? 'created' : 'applied'}, ` +
        `${job.updated} ${verb}updated, ${job.unchanged} unchanged, ${job.rejected} rejected (${job.problemCount} problems); sha256 ${job.fileSha256}`,
    );
    if (job.failure) console.error(`failure: ${job.failure}`);
    const reportFile = flag('--report');
    if (reportFile) {
      const out = createWriteStream(reportFile);
      out.write(problemsCsvHeader());
      for (let after = 0; ; ) {
        const page = await runInContext(deps, principal, (ctx) =>
          ctx.em.createQueryBuilder(ImportProblem, 'p').where('p.job_id = :id AND p.id > :after', { id: job.id, after }).orderBy('p.id').limit(5000).getMany(),
        );
        if (!page.length) break;
        for (const p of page) if (!out.write(problemCsvLine(p))) await once(out, 'drain');
        after = Number(page[page.length - 1].id);
      }
      out.end();
      await once(out, 'finish');
      console.log(`problems written to ${reportFile}`);
    } else {
      const first = await runInContext(deps, principal, (ctx) => ctx.em.find(ImportProblem, { where: { jobId: job.id }, order: { id: 'ASC' }, take: 20 }));
      for (const p of first) console.log(`  第 ${p.rowNumber} 行 [${p.columnName}] ${p.code}: ${p.message}`);
      if (job.problemCount > first.length) console.log(`  … ${job.problemCount - first.length} more (use --report FILE)`);
    }
    process.exitCode = job.status === 'COMPLETED' ? 0 : 1;
  } finally {
    await deps.db.close();
  }
}

main().catch((e) => {
  console.error(`import failed: ${e.message ?? e}`);
  process.exit(1);
});
