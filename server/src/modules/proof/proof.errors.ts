import { DomainError, InvalidInputError } from '../../core/errors';

export const badMime = (mime: string) =>
  new InvalidInputError('UNSUPPORTED_FILE_TYPE', `不支持的文件类型 ${mime}，请上传 PNG、JPEG 或 PDF (PNG, JPEG or PDF only)`, 'mimeType');
export const contentMismatch = () =>
  new InvalidInputError('FILE_CONTENT_MISMATCH', '文件内容与声明的类型不符 (the file content does not match its declared type)', 'contentBase64');
export const tooLarge = (max: number) =>
  new InvalidInputError('FILE_TOO_LARGE', `文件超过 ${Math.round(max / 1024)} KB 上限 (file too large)`, 'contentBase64');
export const emptyFile = () => new InvalidInputError('EMPTY_FILE', '文件为空或不是有效的 Base64 (empty or not valid base64)', 'contentBase64');
export const bindingEnded = () => new DomainError('L1', 'BINDING_ENDED', '绑定已结束，不能再上传材料 (the binding has ended)');
export const alreadyReviewed = (state: string) => new DomainError('E9', 'PROOF_ALREADY_REVIEWED', `该材料已审核（${state}）(already reviewed)`);
export const rejectNeedsReason = () => new DomainError('E9', 'REASON_REQUIRED', '驳回须填写原因 (a rejection needs a reason)', 'reason');
/** The binding was decided by someone else since the reviewer opened it (a stale decision). */
export const bindingAlreadyDecided = (state: string, by: string | null) =>
  new DomainError('E9', 'BINDING_ALREADY_DECIDED', `该绑定已由${by ?? '他人'}处理（${state}），本次审核未生效 (already decided by someone else)`, undefined, { state, by });
/** The proofs pending now are not the ones the reviewer saw: one was decided meanwhile, or a new one arrived. */
export const proofsChanged = (decided: number, added: number, by: string | null) =>
  new DomainError('E9', 'PROOFS_CHANGED', `审核期间材料有变化（${decided} 份已由${by ?? '他人'}审核，${added} 份新上传），请刷新后重新审核 (the proofs changed meanwhile)`, undefined, {
    decided,
    added,
    by,
  });
