/** Messages of the registry-import and account-closure screens (zh-CN first, English beside it). */
import type { Bi, BiTree } from './bi';

const b = (zh: string, en: string): Bi => ({ zh, en });

/** Ledger causes added by closures (C1–C5) and 医保钱包 transfers (W3). */
export const REGISTRY_LEDGER_CAUSES: BiTree = {
  CLOSURE: b('账户注销转出', 'Account closure'),
  TRANSFER_OUT: b('转移接续转出', 'Transfer out'),
  TRANSFER_IN: b('转移接续转入', 'Transfer in'),
  WITHDRAWAL: b('个人账户提取', 'Withdrawal'),
  WALLET_SEND: b('转入亲属医保钱包', 'Sent to a wallet'),
  WALLET_ACCEPT: b('医保钱包收款', 'Wallet transfer received'),
  WALLET_RETURN: b('医保钱包转账退回', 'Wallet transfer returned'),
};

export const REGISTRY_ENUMS = {
  importKind: { MEMBERS: b('参保人名册', 'Member registry'), EVENTS: b('名册变更事件', 'Registry events') },
  importStatus: { RUNNING: b('进行中', 'Running'), COMPLETED: b('已完成', 'Completed'), FAILED: b('失败', 'Failed') },
  closureCause: { DEATH: b('死亡', 'Death'), EXIT: b('退出基本医保', 'Left basic insurance'), TRANSFER: b('转移接续', 'Transfer') },
  closureState: {
    PENDING_PAYMENT: b('待支付', 'Payment pending'),
    PAID: b('已支付', 'Paid'),
    AWAITING_ACCEPTANCE: b('待转入地接收', 'Awaiting acceptance'),
    COMPLETED: b('已完成', 'Completed'),
  },
} satisfies Record<string, BiTree>;

export const REGISTRY_RESOURCE_MESSAGES: BiTree = {
  importJobs: {
    name: b('名册导入', 'Registry import |||| Registry imports'),
    fields: {
      id: b('编号', 'ID'),
      kind: b('文件类型', 'File type'),
      dryRun: b('试运行', 'Dry run'),
      status: b('状态', 'Status'),
      fileName: b('文件名', 'File name'),
      fileSha256: b('文件 SHA-256', 'File SHA-256'),
      format: b('格式', 'Format'),
      encoding: b('编码', 'Encoding'),
      startedBy: b('操作人', 'Started by'),
      rowsRead: b('已读行数', 'Rows read'),
      inserted: b('新增/已应用', 'Created / applied'),
      updated: b('更新', 'Updated'),
      unchanged: b('无变化', 'Unchanged'),
      rejected: b('拒绝', 'Rejected'),
      problemCount: b('问题数', 'Problems'),
      failure: b('失败原因', 'Failure'),
      startedAt: b('开始时间', 'Started at'),
      finishedAt: b('完成时间', 'Finished at'),
    },
  },
  accountClosures: {
    name: b('账户注销与转移', 'Account closure |||| Account closures'),
    fields: {
      id: b('编号', 'ID'),
      memberId: b('参保人编号', 'Member ID'),
      accountId: b('账户编号', 'Account ID'),
      cause: b('原因', 'Cause'),
      state: b('状态', 'State'),
      pendingFen: b('待支付/在途金额', 'Pending / in transit'),
      closedBalanceFen: b('转出余额', 'Balance moved out'),
      regionCode: b('经办地区', 'Region'),
      fromRegion: b('转出地', 'From region'),
      eventDate: b('事件日期', 'Event date'),
      documents: b('证明材料', 'Documents'),
      decisionReason: b('决定理由', 'Reason'),
      decidedBy: b('决定人', 'Decided by'),
      decidedAt: b('决定时间', 'Decided at'),
      createdAt: b('创建时间', 'Created at'),
      payments: b('支付份额', 'Payment shares'),
    },
  },
};

export const REGISTRY_MESSAGES: BiTree = {
  import: {
    // Problem codes of the import report (server/src/modules/registry); an unknown code shows as itself.
    codes: {
      BAD_AMOUNT: b('金额无效', 'Bad amount'),
      BAD_DATE: b('日期无效', 'Bad date'),
      BAD_PHONE: b('电话号码无效', 'Bad phone number'),
      BAD_VALUE: b('取值无效', 'Bad value'),
      DUPLICATE_IN_FILE: b('文件内重复', 'Duplicate in file'),
      ID_CARD: b('身份证号格式错误', 'Malformed ID number'),
      ID_CHECKSUM: b('身份证号校验位错误', 'ID number check digit'),
      ID_REGION: b('身份证号地区码无效', 'ID number region code'),
      MEMBER_CLOSED: b('参保人账户已注销', 'Member closed'),
      MEMBER_NOT_FOUND: b('查无此参保人', 'Member not found'),
      MISSING_COLUMN: b('缺少列', 'Missing column'),
      MISSING_VALUE: b('缺少取值', 'Missing value'),
      NAME_CONFLICT: b('姓名不一致', 'Name conflict'),
      NOTHING_TO_CORRECT: b('无需更正', 'Nothing to correct'),
      UNKNOWN_EVENT: b('未知事件类型', 'Unknown event'),
      UNKNOWN_REGION: b('未知统筹区', 'Unknown region'),
      UNKNOWN_SCHEME: b('未知险种', 'Unknown scheme'),
      UNKNOWN_SEX: b('性别无效', 'Unknown sex'),
    },
    title: b('导入参保人名册或变更事件', 'Import the member registry or registry events'),
    explain: b(
      '支持 CSV（UTF-8 或 GB18030）和 XLSX。建议先试运行：试运行逐行检查并生成问题报告，不改变任何数据。同一文件重复导入不会重复改变数据。',
      'CSV (UTF-8 or GB18030) or XLSX. Dry-run first: it checks every row and reports the problems without changing anything. Importing the same file again changes nothing.',
    ),
    file: b('选择文件', 'Choose a file'),
    kind: b('文件类型', 'File type'),
    encoding: b('编码', 'Encoding'),
    encoding_auto: b('自动识别', 'Detect'),
    dry_run: b('试运行（只检查，不改变数据）', 'Dry run (check only, change nothing)'),
    start: b('开始导入', 'Start'),
    uploading: b('正在上传…', 'Uploading…'),
    progress: b('进度', 'Progress'),
    problems: b('问题报告', 'Problem report'),
    download: b('下载问题报告 (CSV)', 'Download the report (CSV)'),
    no_problems: b('没有发现问题', 'No problems found'),
    row: b('行号', 'Row'),
    column: b('列', 'Column'),
    rule: b('规则', 'Rule'),
    message: b('说明', 'Message'),
    failed: b('上传失败', 'Upload failed'),
    columns_help: b(
      '名册列：身份证号、姓名、险种（职工/居民）、参保地（6 位统筹区编码），可选：性别、手机号、是否退休、缴费基数、期初余额。事件列：身份证号、事件（死亡/退出/转移/退休/险种变更）、日期、原因，以及新参保地/新险种。',
      'Registry columns: ID number, name, scheme, insured region; optional: sex, phone, retired, contribution base, opening balance. Events: ID number, event, date, reason, and new region / new scheme.',
    ),
  },
  closure: {
    pay: b('决定继承/退费支付', 'Decide the payment'),
    pay_explain: b('各份额合计必须恰好等于待支付金额，每份支付到指定银行账户，并须列明证明材料。', 'The shares must add up exactly to the pending amount, each to a named bank account, with the documents it rests on.'),
    payee: b('收款人姓名', 'Payee'),
    bank_account: b('银行账号', 'Bank account'),
    amount: b('金额（元）', 'Amount (yuan)'),
    add_share: b('增加一份', 'Add a share'),
    remove_share: b('删除', 'Remove'),
    documents: b('证明材料（每行一项，如死亡医学证明、继承公证书）', 'Documents (one per line)'),
    reason: b('决定理由', 'Reason'),
    sum: b('合计 %{sum} / 待支付 %{pending}', 'Total %{sum} of %{pending}'),
    accept: b('接收转移', 'Accept the transfer'),
    accept_reason: b('接收转移接续', 'Transfer accepted'),
    done: b('已保存', 'Saved'),
  },
};
