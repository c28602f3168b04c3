/**
 * R1/R2: the columns of the two registry file types and the checks on one row, without a database.
 * Problems name the row, the column and the rule broken, in Chinese; they never echo the ID number (A5).
 */
import {
  analyzeRegistryId,
  POOLING_REGION_BY_CODE,
  provinceOf,
  yuanToFen,
  type Scheme,
  type Sex,
} from '@gongji/shared';

export type ImportKind = 'MEMBERS' | 'EVENTS';

export interface RowProblem {
  rowNumber: number;
  column: string;
  code: string;
  message: string;
}

interface ColumnSpec {
  key: string;
  title: string;
  aliases: string[];
  required: boolean;
}

const MEMBER_COLUMNS: ColumnSpec[] = [
  { key: 'idNumber', title: '身份证号', aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码', 'idnumber', 'id_number'], required: true },
  { key: 'name', title: '姓名', aliases: ['姓名', 'name'], required: true },
  { key: 'scheme', title: '险种', aliases: ['险种', '参保险种', '险种类型', 'insutype', 'scheme'], required: true },
  { key: 'insuredRegion', title: '参保地', aliases: ['参保地', '参保地编码', '统筹区', '统筹区编码', 'insuredregion', 'insured_region'], required: true },
  { key: 'sex', title: '性别', aliases: ['性别', 'sex'], required: false },
  { key: 'phone', title: '手机号', aliases: ['手机号', '手机号码', '联系电话', 'phone'], required: false },
  { key: 'retired', title: '是否退休', aliases: ['是否退休', '退休', 'retired'], required: false },
  { key: 'contributionBase', title: '缴费基数', aliases: ['缴费基数', '缴费基数（元）', '缴费基数(元)', 'contributionbase', 'contribution_base'], required: false },
  { key: 'openingBalance', title: '期初余额', aliases: ['期初余额', '期初余额（元）', '期初余额(元)', '个账余额', 'openingbalance', 'opening_balance'], required: false },
];

const EVENT_COLUMNS: ColumnSpec[] = [
  { key: 'idNumber', title: '身份证号', aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码', 'idnumber', 'id_number'], required: true },
  { key: 'name', title: '姓名', aliases: ['姓名', 'name'], required: false },
  { key: 'event', title: '事件', aliases: ['事件', '事件类型', '变更类型', 'event'], required: true },
  { key: 'date', title: '日期', aliases: ['日期', '发生日期', '变更日期', 'date'], required: true },
  { key: 'reason', title: '原因', aliases: ['原因', '说明', 'reason'], required: true },
  { key: 'newRegion', title: '新参保地', aliases: ['新参保地', '转入地', '新统筹区', 'newregion', 'new_region'], required: false },
  { key: 'newScheme', title: '新险种', aliases: ['新险种', 'newscheme', 'new_scheme'], required: false },
];

export const COLUMNS: Record<ImportKind, ColumnSpec[]> = { MEMBERS: MEMBER_COLUMNS, EVENTS: EVENT_COLUMNS };

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Map column keys to cell positions; problems for required columns that are missing (row 1). */
export function mapHeader(kind: ImportKind, header: string[]): { index: Map<string, number>; problems: RowProblem[] } {
  const index = new Map<string, number>();
  const titles = header.map(norm);
  for (const c of COLUMNS[kind]) {
    const i = titles.findIndex((t) => c.aliases.some((a) => norm(a) === t));
    if (i >= 0) index.set(c.key, i);
  }
  const problems = COLUMNS[kind]
    .filter((c) => c.required && !index.has(c.key))
    .map((c) => ({ rowNumber: 1, column: c.title, code: 'MISSING_COLUMN', message: `缺少必需的列「${c.title}」` }));
  return { index, problems };
}

const SCHEME_WORDS: Record<string, Scheme> = {
  职工: 'EMPLOYEE', 职工医保: 'EMPLOYEE', 职工基本医疗保险: 'EMPLOYEE', '310': 'EMPLOYEE', employee: 'EMPLOYEE',
  居民: 'RESIDENT', 居民医保: 'RESIDENT', 城乡居民基本医疗保险: 'RESIDENT', '390': 'RESIDENT', resident: 'RESIDENT',
};
const SEX_WORDS: Record<string, Sex> = { 男: 'MALE', '1': 'MALE', male: 'MALE', m: 'MALE', 女: 'FEMALE', '2': 'FEMALE', female: 'FEMALE', f: 'FEMALE' };
const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

export function parseScheme(raw: string): Scheme | null {
  return SCHEME_WORDS[norm(raw)] ?? null;
}

const ID_MESSAGES: Record<string, string> = {
  FORMAT: '身份证号码格式错误（应为 18 位，或 15 位旧号码）',
  BIRTH_DATE: '身份证号码中的出生日期无效',
  CHECKSUM: '身份证号码校验位错误',
  REGION: '身份证号码的地址码不是任何版本的 GB/T 2260 行政区划代码',
};

export interface MemberRow {
  rowNumber: number;
  idNumber: string;
  name: string;
  sex: Sex;
  birthDate: string;
  scheme: Scheme;
  insuredRegion: string;
  provinceCode: string;
  phone: string | null;
  retired: boolean | null;
  contributionBaseFen: number | null;
  openingBalanceFen: number | null;
}

function cell(cells: string[], index: Map<string, number>, key: string): string {
  const i = index.get(key);
  return i === undefined ? '' : (cells[i] ?? '').trim();
}

function problem(rowNumber: number, column: string, code: string, message: string): RowProblem {
  return { rowNumber, column, code, message };
}

/** Check the ID number column (R3); the 18-digit form, or a problem. */
export function checkIdNumber(rowNumber: number, raw: string, today: string): { idNumber: string; sex: Sex; birthDate: string } | RowProblem {
  if (!raw) return problem(rowNumber, '身份证号', 'MISSING_VALUE', '「身份证号」为空');
  const r = analyzeRegistryId(raw, today);
  if (r.problem) return problem(rowNumber, '身份证号', `ID_${r.problem}`, ID_MESSAGES[r.problem]);
  return { idNumber: r.idNumber, sex: r.sex, birthDate: r.birthDate };
}

/** One row of a members file: a normalised row, or every problem found in it. */
export function checkMemberRow(rowNumber: number, cells: string[], index: Map<string, number>, today: string): MemberRow | RowProblem[] {
  const problems: RowProblem[] = [];
  const id = checkIdNumber(rowNumber, cell(cells, index, 'idNumber'), today);
  if ('code' in id) problems.push(id);
  const name = cell(cells, index, 'name');
  if (!name) problems.push(problem(rowNumber, '姓名', 'MISSING_VALUE', '「姓名」为空'));
  else if (name.length > 50) problems.push(problem(rowNumber, '姓名', 'TOO_LONG', '「姓名」超过 50 个字符'));
  const schemeRaw = cell(cells, index, 'scheme');
  const scheme = parseScheme(schemeRaw);
  if (!scheme) problems.push(problem(rowNumber, '险种', 'UNKNOWN_SCHEME', '险种无法识别（应为 职工/310 或 居民/390）'));
  const region = cell(cells, index, 'insuredRegion');
  if (!POOLING_REGION_BY_CODE.has(region)) problems.push(problem(rowNumber, '参保地', 'UNKNOWN_REGION', `参保地「${region.slice(0, 12)}」不是本系统已知的统筹区编码`));
  const sexRaw = cell(cells, index, 'sex');
  if (sexRaw && !('code' in id)) {
    const sex = SEX_WORDS[norm(sexRaw)];
    if (!sex) problems.push(problem(rowNumber, '性别', 'UNKNOWN_SEX', '性别无法识别（应为 男 或 女）'));
    else if (sex !== id.sex) problems.push(problem(rowNumber, '性别', 'SEX_CONFLICT', '性别与身份证号码不一致'));
  }
  const retiredRaw = norm(cell(cells, index, 'retired'));
  let retired: boolean | null = null;
  if (index.has('retired')) {
    if (YES.has(retiredRaw)) retired = true;
    else if (NO.has(retiredRaw)) retired = false;
    else problems.push(problem(rowNumber, '是否退休', 'BAD_VALUE', '「是否退休」应为 是 或 否'));
  }
  const money = (key: string, title: string): number | null => {
    const raw = cell(cells, index, key);
    if (!raw) return null;
    try {
      const fen = yuanToFen(raw.replace(/,/g, ''));
      if (fen < 0) throw new Error('negative');
      return fen;
    } catch {
      problems.push(problem(rowNumber, title, 'BAD_AMOUNT', `「${title}」不是有效金额（元，最多两位小数，不能为负）`));
      return null;
    }
  };
  const contributionBaseFen = money('contributionBase', '缴费基数');
  const openingBalanceFen = money('openingBalance', '期初余额');
  if (openingBalanceFen && scheme && scheme !== 'EMPLOYEE')
    problems.push(problem(rowNumber, '期初余额', 'NO_ACCOUNT', '只有职工医保参保人有个人账户，不能有期初余额'));
  const phone = cell(cells, index, 'phone');
  if (phone && !/^[\d+\- ]{5,20}$/.test(phone)) problems.push(problem(rowNumber, '手机号', 'BAD_PHONE', '「手机号」格式错误'));
  if (problems.length || 'code' in id) return problems;
  return {
    rowNumber,
    idNumber: id.idNumber,
    name,
    sex: id.sex,
    birthDate: id.birthDate,
    scheme: scheme!,
    insuredRegion: region,
    provinceCode: provinceOf(region),
    phone: phone || null,
    retired,
    contributionBaseFen,
    openingBalanceFen,
  };
}

export const REGISTRY_EVENTS = ['DEATH', 'EXIT', 'MOVE', 'RETIRE', 'SCHEME'] as const;
export type RegistryEventType = (typeof REGISTRY_EVENTS)[number];

const EVENT_WORDS: Record<string, RegistryEventType> = {
  死亡: 'DEATH', death: 'DEATH',
  退出: 'EXIT', 退保: 'EXIT', 终止参保: 'EXIT', 退出基本医保: 'EXIT', exit: 'EXIT',
  转移: 'MOVE', 转出: 'MOVE', 转移接续: 'MOVE', move: 'MOVE',
  退休: 'RETIRE', retire: 'RETIRE', retirement: 'RETIRE',
  险种变更: 'SCHEME', 变更险种: 'SCHEME', scheme: 'SCHEME',
};

export interface EventRow {
  rowNumber: number;
  idNumber: string;
  name: string | null;
  event: RegistryEventType;
  date: string;
  reason: string;
  newRegion: string | null;
  newScheme: Scheme | null;
}

/** One row of a registry-events file (R2). */
export function checkEventRow(rowNumber: number, cells: string[], index: Map<string, number>, today: string): EventRow | RowProblem[] {
  const problems: RowProblem[] = [];
  const id = checkIdNumber(rowNumber, cell(cells, index, 'idNumber'), today);
  if ('code' in id) problems.push(id);
  const event = EVENT_WORDS[norm(cell(cells, index, 'event'))];
  if (!event) problems.push(problem(rowNumber, '事件', 'UNKNOWN_EVENT', '事件无法识别（应为 死亡、退出、转移、退休 或 险种变更）'));
  const date = cell(cells, index, 'date').replace(/\//g, '-');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > today) problems.push(problem(rowNumber, '日期', 'BAD_DATE', '「日期」应为不晚于今天的 YYYY-MM-DD'));
  const reason = cell(cells, index, 'reason');
  if (reason.length < 2 || reason.length > 500) problems.push(problem(rowNumber, '原因', 'MISSING_VALUE', '「原因」须为 2–500 个字符'));
  const newRegion = cell(cells, index, 'newRegion') || null;
  if (event === 'MOVE' && (!newRegion || !POOLING_REGION_BY_CODE.has(newRegion)))
    problems.push(problem(rowNumber, '新参保地', 'UNKNOWN_REGION', '转移事件须填写本系统已知的新参保地统筹区编码'));
  const newSchemeRaw = cell(cells, index, 'newScheme');
  const newScheme = newSchemeRaw ? parseScheme(newSchemeRaw) : null;
  if (event === 'SCHEME' && !newScheme) problems.push(problem(rowNumber, '新险种', 'UNKNOWN_SCHEME', '险种变更事件须填写新险种（职工/310 或 居民/390）'));
  if (problems.length || 'code' in id) return problems;
  return { rowNumber, idNumber: id.idNumber, name: cell(cells, index, 'name') || null, event: event!, date, reason, newRegion, newScheme };
}
