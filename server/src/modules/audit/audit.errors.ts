import { InvalidInputError } from '../../core/errors';

export const auditChainArgs = () =>
  new InvalidInputError('CHAIN_WINDOW', 'afterId 与 afterHash 须同时给出或同时省略 (give afterId and afterHash together, or neither)', 'afterHash');
