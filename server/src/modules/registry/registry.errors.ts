import { DomainError, InvalidInputError } from '../../core/errors';

const ID_TEXT: Record<string, string> = {
  FORMAT: '身份证号码格式错误 (malformed ID number)',
  BIRTH_DATE: '身份证号码中的出生日期无效 (invalid birth date in the ID number)',
  CHECKSUM: '身份证号码校验位错误 (wrong check character)',
  REGION: '身份证号码的地址码不是任何版本的 GB/T 2260 代码 (unknown region part)',
};

export const badIdNumber = (problem: string) => new DomainError('R3', `ID_${problem}`, ID_TEXT[problem] ?? ID_TEXT.FORMAT, 'idNumber');
export const nothingToCorrect = () => new InvalidInputError('NOTHING_TO_CORRECT', '没有需要更正的内容 (nothing to correct)');
