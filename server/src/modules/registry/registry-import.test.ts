import { idCheckChar, makeIdNumber } from '@gongji/shared';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBinding } from '../../testing/fixtures';
import { startTestServer, type TestServer } from '../../testing/harness';
import { LedgerEntry, PersonalAccount } from '../account/account.entity';
import { AuditLog } from '../audit/audit.entity';
import { Binding } from '../binding/binding.entity';
import { Member } from '../member/member.entity';
import { ImportProblem } from './import-job.entity';
import { importRegistryFile } from './registry-import.service';

let t: TestServer;
const dir = mkdtempSync(path.join(tmpdir(), 'gongji-import-test-'));
const SYSTEM = { kind: 'system' as const, name: 'test-import' };
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

let seq = 100;
/** A fresh valid ID number (region 440305, sequence parity = sex). */
function id(sex: 'MALE' | 'FEMALE' = 'MALE', region = '440305', birth = '1975-04-03'): string {
  seq += 2;
  return makeIdNumber(region, birth, seq + (sex === 'MALE' ? 1 : 0));
}

function csvFile(name: string, lines: string[][], encoding: 'utf8' | 'gb18030' = 'utf8'): string {
  const text = lines.map((l) => l.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
  const file = path.join(dir, name);
  writeFileSync(file, encoding === 'utf8' ? text : iconv.encode(text, 'gb18030'));
  return file;
}

const HEADER = ['身份证号', '姓名', '性别', '险种', '参保地', '是否退休', '期初余额（元）'];
const countMembers = () => t.run((ctx) => ctx.em.count(Member));
const problemsOf = (jobId: number) => t.run((ctx) => ctx.em.find(ImportProblem, { where: { jobId }, order: { rowNumber: 'ASC', id: 'ASC' } }));

describe('R1: registry import', () => {
  it('R1: a dry run reports every bad row (row, column, rule, in Chinese) and changes nothing', async () => {
    const good = id('MALE');
    const badChecksum = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const badRegion = makeIdNumber('119900', '1980-01-01', 11); // valid checksum, never a GB/T 2260 code
    const female = id('FEMALE');
    const file = csvFile('dry.csv', [
      HEADER,
      [good, '王一', '男', '职工', '440300', '否', '100.00'],
      [badChecksum, '王二', '男', '职工', '440300', '否', ''],
      [id(), '王三', '男', '职工', '999999', '否', ''],
      [good, '王一', '男', '职工', '440300', '否', ''],
      [female, '王四', '男', '居民', '440300', '否', ''],
      [id(), '王五', '男', '新农合', '440300', '否', ''],
      [badRegion, '王六', '男', '职工', '440300', '否', ''],
    ]);
    const before = await countMembers();
    const job = await importRegistryFile(t.deps, SYSTEM, { kind: 'MEMBERS', file, dryRun: true });
    expect(job).toMatchObject({ status: 'COMPLETED', dryRun: true, rowsRead: 7, inserted: 1, rejected: 6, format: 'csv', encoding: 'utf8' });
    const problems = await problemsOf(job.id);
    expect(problems.map((p) => [p.rowNumber, p.columnName, p.code])).toEqual([
      [3, '身份证号', 'ID_CHECKSUM'],
      [4, '参保地', 'UNKNOWN_REGION'],
      [5, '身份证号', 'DUPLICATE_IN_FILE'],
      [6, '性别', 'SEX_CONFLICT'],
      [7, '险种', 'UNKNOWN_SCHEME'],
      [8, '身份证号', 'ID_REGION'],
    ]);
    expect(problems[0].message).toBe('身份证号码校验位错误');
    expect(problems[2].message).toBe('身份证号与第 2 行重复');
    // A5: the report never echoes the ID number.
    for (const p of problems) expect(p.message).not.toContain(good.slice(6, 14));
    expect(await countMembers()).toBe(before);
  });

  it('R1: a real run upserts by ID number with accounts and opening balances as ledger entries; the same file again changes nothing; audited with the SHA-256', async () => {
    const a = id('MALE');
    const b = id('FEMALE');
    const old15 = makeIdNumber('440305', '1962-07-01', 31);
    const fifteen = `${old15.slice(0, 6)}${old15.slice(8, 17)}`; // the same person's pre-1999 number
    const file = csvFile('real.csv', [
      HEADER,
      [a, '赵甲', '男', '310', '440300', '否', '1,234.56'],
      [b, '赵乙', '女', '390', '440100', '', ''],
      [fifteen, '赵丙', '', '职工', '110000', '是', ''],
    ]);
    const job = await importRegistryFile(t.deps, SYSTEM, { kind: 'MEMBERS', file, dryRun: false });
    expect(job).toMatchObject({ status: 'COMPLETED', inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    const sha = createHash('sha256').update(await import('node:fs').then((fs) => fs.readFileSync(file))).digest('hex');
    expect(job.fileSha256).toBe(sha);
    const [ma, mb, mc] = await t.run((ctx) => Promise.all([a, b, old15].map((idNumber) => ctx.em.findOneByOrFail(Member, { idNumber }))));
    expect(ma).toMatchObject({ scheme: 'EMPLOYEE', sex: 'MALE', birthDate: '1975-04-03', insuredRegion: '440300', provinceCode: '44', status: 'ACTIVE' });
    expect(mb).toMatchObject({ scheme: 'RESIDENT', sex: 'FEMALE', insuredRegion: '440100' });
    expect(mc).toMatchObject({ idNumber: old15, retired: true, birthDate: '1962-07-01' });
    const acct = await t.run((ctx) => ctx.em.findOneByOrFail(PersonalAccount, { memberId: ma.id }));
    expect(acct.balanceFen).toBe(123_456);
    const entries = await t.run((ctx) => ctx.em.find(LedgerEntry, { where: { accountId: acct.id } }));
    expect(entries.map((e) => [e.cause, e.amountFen])).toEqual([['OPENING_BALANCE', 123_456]]);
    expect(await t.run((ctx) => ctx.em.findOneBy(PersonalAccount, { memberId: mb.id }))).toBeNull();

    const again = await importRegistryFile(t.deps, SYSTEM, { kind: 'MEMBERS', file, dryRun: false });
    expect(again).toMatchObject({ status: 'COMPLETED', inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await t.run((ctx) => ctx.em.count(LedgerEntry, { where: { accountId: acct.id } }))).toBe(1);

    const audits = await t.run((ctx) => ctx.em.find(AuditLog, { where: { action: 'registry.import', entityId: String(job.id) } }));
    expect(audits).toHaveLength(1);
    expect(JSON.parse(String(audits[0].detail))).toMatchObject({ sha256: sha, inserted: 3 });

    // R3: both the 15- and the 18-digit form find the member.
    const token = await t.staffToken('caseworker');
    for (const form of [fifteen, old15]) {
      const found = await t.ok(`query($f: MemberFilter) { members(filter: $f) { total items { id } } }`, { f: { idNumber: form } }, token);
      expect(found.members.items).toEqual([{ id: mc.id }]);
    }
  });

  it('R1: a conflicting name for a registered ID number is refused; a changed phone is updated', async () => {
    const m = await t.member({ insuredRegion: '440300', name: '钱多多' });
    const file = csvFile('conflict.csv', [
      ['身份证号', '姓名', '险种', '参保地', '手机号'],
      [m.idNumber, '钱少少', '职工', '440300', ''],
      [m.idNumber.replace(/^/, ''), '钱多多', '职工', '440300', '13800001111'],
    ]);
    const job = await importRegistryFile(t.deps, SYSTEM, { kind: 'MEMBERS', file, dryRun: false });
    // The second row repeats the ID number: a duplicate in the file, whatever its content.
    expect((await problemsOf(job.id)).map((p) => p.code)).toEqual(['NAME_CONFLICT', 'DUPLICATE_IN_FILE']);
    const file2 = csvFile('phone.csv', [
      ['身份证号', '姓名', '险种', '参保地', '手机号'],
      [m.idNumber, '钱多多', '职工', '440300', '13800001111'],
    ]);
    const job2 = await importRegistryFile(t.deps, SYSTEM, { kind: 'MEMBERS', file: file2, dryRun: false });
    expect(job2).toMatchObject({ updated: 1, rejected: 0 });
    expect((await t.run((ctx) => ctx.em.findOneByOrFail(Member, { id: m.id }))).phone).toBe('13800001111');
  });

  it('R1: reads GB18030 CSV (detected) and XLSX (streaming reader)', async () => {
    const g = id('MALE');
    const gb = csvFile('gb.csv', [HEADER, [g, '孙悟空', '男', '职工医保', '440300', '否', '']], 'gb18030');
    const job = await importRegistryFile(t.deps, SYSTEM, { kind: 'MEMBERS', file: gb, dryRun: false });
    expect(job).toMatchObject({ status: 'COMPLETED', encoding: 'gb18030', inserted: 1 });
    expect((await t.run((ctx) => ctx.em.findOneByOrFail(Member, { idNumber: g }))).name).toBe('孙悟空');

    const x = id('FEMALE');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(HEADER);
    ws.addRow([x, '林黛玉', '女', '居民', '440100', '否', '']);
    ws.addRow([id(), '贾宝玉', '男', '职工', '000000', '否', '']);
    const xlsx = path.join(dir, 'members.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const job2 = await importRegistryFile(t.deps, SYSTEM, { kind: 'MEMBERS', file: xlsx, dryRun: false });
    expect(job2).toMatchObject({ status: 'COMPLETED', format: 'xlsx', inserted: 1, rejected: 1 });
    expect((await problemsOf(job2.id)).map((p) => [p.rowNumber, p.code])).toEqual([[3, 'UNKNOWN_REGION']]);
  });

  it('R1: a file without the required columns fails with a MISSING_COLUMN report', async () => {
    const file = csvFile('nocols.csv', [['姓名', '参保地'], ['某某', '440300']]);
    const job = await importRegistryFile(t.deps, SYSTEM, { kind: 'MEMBERS', file, dryRun: true });
    expect(job.status).toBe('FAILED');
    expect((await problemsOf(job.id)).map((p) => p.columnName)).toEqual(['身份证号', '险种']);
  });
});

describe('R1: import over HTTP (dashboard)', () => {
  const upload = (token: string | null, body: Buffer | string, query: string) =>
    fetch(`${t.url}/files/imports?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('名册.csv'), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  const waitFor = async (jobId: number, token: string) => {
    for (let i = 0; i < 200; i++) {
      const { importJob } = await t.ok(`query($id: Int!) { importJob(id: $id) { id status rowsRead bytesRead totalBytes inserted rejected problemCount fileName } }`, { id: jobId }, token);
      if (importJob.status !== 'RUNNING') return importJob;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import did not finish');
  };

  it('R1: a scoped caseworker uploads a file; rows outside the scope are refused; the report downloads as CSV', async () => {
    const token = await t.staffToken('caseworker_440300');
    const inScope = id();
    const text = [HEADER.join(','), `${inScope},周一,男,职工,440300,否,`, `${id()},周二,男,职工,110000,否,`].join('\n');
    const res = await upload(token, text, 'kind=members&dryRun=false');
    expect(res.status).toBe(202);
    const { jobId } = (await res.json()) as { jobId: number };
    const job = await waitFor(jobId, token);
    expect(job).toMatchObject({ status: 'COMPLETED', rowsRead: 2, inserted: 1, rejected: 1, fileName: '名册.csv' });
    expect(job.bytesRead).toBe(job.totalBytes);
    const csv = await fetch(`${t.url}/files/imports/${jobId}/problems.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(csv.status).toBe(200);
    const body = await csv.text();
    expect(body).toContain('行号,列,规则,说明');
    expect(body).toContain('3,参保地,OUT_OF_SCOPE,参保人不在您的管辖范围内');
    // Another region's caseworker cannot see the job.
    const other = await t.ok(`query($id: Int!) { importJob(id: $id) { id } }`, { id: jobId }, await t.staffToken('caseworker_11'));
    expect(other.importJob).toBeNull();
  });

  it('A1: analysts, institutions and anonymous callers cannot upload', async () => {
    expect((await upload(null, 'x', 'kind=members')).status).toBe(401);
    expect((await upload(await t.staffToken('fraud_analyst'), 'x', 'kind=members')).status).toBe(403);
    expect((await upload(await t.institutionToken(), 'x', 'kind=members')).status).toBe(403);
  });
});

describe('R2: registry events by import', () => {
  it('R2: a death event terminates the bindings (L2) and is idempotent; unknown members and events are reported', async () => {
    const giver = await t.member({ insuredRegion: '440300' });
    const child = await t.member({ insuredRegion: '440300', birthDate: '2010-05-05' });
    const b = await insertBinding(t, giver, child, { relationship: 'CHILD' });
    const file = csvFile('events.csv', [
      ['身份证号', '事件', '日期', '原因'],
      [giver.idNumber, '死亡', '2026-01-15', '民政部门死亡信息'],
      [id(), '死亡', '2026-01-15', '民政部门死亡信息'],
      [child.idNumber, '升天', '2026-01-15', '无此事件类型'],
    ]);
    const dry = await importRegistryFile(t.deps, SYSTEM, { kind: 'EVENTS', file, dryRun: true });
    expect(dry).toMatchObject({ inserted: 1, rejected: 2 });
    expect((await t.run((ctx) => ctx.em.findOneByOrFail(Member, { id: giver.id }))).status).toBe('ACTIVE');
    const job = await importRegistryFile(t.deps, SYSTEM, { kind: 'EVENTS', file, dryRun: false });
    expect(job).toMatchObject({ status: 'COMPLETED', inserted: 1, rejected: 2 });
    expect((await problemsOf(job.id)).map((p) => p.code)).toEqual(['MEMBER_NOT_FOUND', 'UNKNOWN_EVENT']);
    const after = await t.run((ctx) => ctx.em.findOneByOrFail(Member, { id: giver.id }));
    expect(after).toMatchObject({ status: 'DECEASED', diedOn: '2026-01-15' });
    expect((await t.run((ctx) => ctx.em.findOneByOrFail(Binding, { id: b.id }))).state).toBe('TERMINATED');
    const again = await importRegistryFile(t.deps, SYSTEM, { kind: 'EVENTS', file, dryRun: false });
    expect(again).toMatchObject({ inserted: 0, unchanged: 1, rejected: 2 });
  });

  it('R2: a move to another pooling region and a retirement are applied through the member service', async () => {
    const m = await t.member({ insuredRegion: '440300' });
    const file = csvFile('move.csv', [
      ['身份证号', '事件', '日期', '原因', '新参保地'],
      [m.idNumber, '转移', '2026-02-01', '工作调动', '440100'],
      [m.idNumber, '退休', '2026-03-01', '达到法定退休年龄', ''],
    ]);
    const job = await importRegistryFile(t.deps, SYSTEM, { kind: 'EVENTS', file, dryRun: false });
    expect(job).toMatchObject({ inserted: 2, rejected: 0 });
    expect(await t.run((ctx) => ctx.em.findOneByOrFail(Member, { id: m.id }))).toMatchObject({ insuredRegion: '440100', retired: true });
  });
});

describe('R1: single members by staff', () => {
  const CREATE = `mutation($input: CreateMemberInput!) { createMember(input: $input) { __typename ... on Member { id scheme insuredRegion birthYear } ... on RuleViolation { rule code } } }`;
  const CORRECT = `mutation($input: CorrectMemberInput!) { correctMember(input: $input) { __typename ... on Member { id } ... on RuleViolation { rule code } } }`;

  it('R1: a caseworker creates a member in scope, from a 15-digit number; R3 refuses an unknown region part', async () => {
    const token = await t.staffToken('caseworker_44');
    const full = makeIdNumber('440104', '1958-09-09', 41);
    const fifteen = `${full.slice(0, 6)}${full.slice(8, 17)}`;
    const r = await t.ok(CREATE, { input: { idNumber: fifteen, name: '吴老', scheme: 'EMPLOYEE', insuredRegion: '440100', reason: '窗口补录' } }, token);
    expect(r.createMember).toMatchObject({ __typename: 'Member', scheme: 'EMPLOYEE', insuredRegion: '440100', birthYear: 1958 });
    expect((await t.run((ctx) => ctx.em.findOneByOrFail(Member, { id: r.createMember.id }))).idNumber).toBe(full);
    const first17 = '11990019800101001';
    const bad = await t.ok(CREATE, { input: { idNumber: first17 + idCheckChar(first17), name: '某', scheme: 'RESIDENT', insuredRegion: '440100', reason: '窗口补录' } }, token);
    expect(bad.createMember).toMatchObject({ __typename: 'RuleViolation', rule: 'R3', code: 'ID_REGION' });
    const out = await t.gql(CREATE, { input: { idNumber: makeIdNumber('110105', '1970-01-01', 3), name: '某', scheme: 'RESIDENT', insuredRegion: '110000', reason: '窗口补录' } }, token);
    expect(out.errors?.[0].extensions?.code).toBe('OUT_OF_SCOPE');
  });

  it('R1: a caseworker corrects a name; the correction is audited (A4)', async () => {
    const m = await t.member({ insuredRegion: '440300', name: '郑错字' });
    const token = await t.staffToken('caseworker_440300');
    const r = await t.ok(CORRECT, { input: { memberId: m.id, name: '郑正字', reason: '户籍信息核对更正' } }, token);
    expect(r.correctMember.__typename).toBe('Member');
    expect((await t.run((ctx) => ctx.em.findOneByOrFail(Member, { id: m.id }))).name).toBe('郑正字');
    const log = await t.run((ctx) => ctx.em.find(AuditLog, { where: { action: 'member.correct', entityId: String(m.id) } }));
    expect(log).toHaveLength(1);
    const none = await t.ok(CORRECT, { input: { memberId: m.id, name: '郑正字', reason: '重复提交' } }, token);
    expect(none.correctMember).toMatchObject({ __typename: 'RuleViolation', code: 'NOTHING_TO_CORRECT' });
  });
});
