// Browser flow of the registry import (R1), appended to FLOWS of flows.mjs and run by run.mjs: a
// caseworker uploads a members CSV as a dry run, watches it finish and reads the problem report.
import assert from 'node:assert/strict';
import { FLOWS, login } from './flows.mjs';

/** ISO 7064 MOD 11-2 (GB 11643), to build valid ID numbers for the file. */
function idNumber(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

FLOWS.push({
  name: 'caseworker dry-runs a registry import and reads the problem report (R1)',
  async run({ page, api, shot }) {
    await login(page, 'caseworker');
    await page.goto('/#/importJobs/create');
    await page.waitForLoadState('networkidle');
    const good = idNumber('44030519700101' + '123');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const csv = ['身份证号,姓名,险种,参保地', `${good},测试甲,职工,440300`, `${bad},测试乙,职工,440300`, `${idNumber('44030519800202' + '246')},测试丙,新农合,440300`].join('\n');
    await page.locator('input[type="file"]').setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.waitForURL(/#\/importJobs\/\d+\/show/);
    await page.getByText('已完成').first().waitFor({ timeout: 20_000 });
    await page.getByText('身份证号码校验位错误').waitFor();
    await page.getByText('险种无法识别').first().waitFor();
    const jobId = Number(/importJobs\/(\d+)\/show/.exec(page.url())[1]);
    const d = await api.as('caseworker', 'query($id: Int!) { importJob(id: $id) { dryRun rowsRead inserted rejected } }', { id: jobId });
    assert.deepEqual(d.importJob, { dryRun: true, rowsRead: 3, inserted: 1, rejected: 2 });
    // A dry run changes nothing: the good row's member does not exist.
    const m = await api.as('caseworker', 'query($f: MemberFilter) { members(filter: $f) { total } }', { f: { idNumber: good } });
    assert.equal(m.members.total, 0);
    await shot('caseworker-import-dry-run');
  },
});
