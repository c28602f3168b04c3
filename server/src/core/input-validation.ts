/**
 * Argument validation for every resolver (type-graphql `validateFn`): runs after the auth check and
 * before the resolver. Input objects are checked with their class-validator rules; free-text scalar
 * arguments have a hard length cap. A failure names the field and the rule, never the value: a
 * password or client secret must not come back in an error, nor a megabyte of text.
 */
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';
import type { ResolverData } from 'type-graphql';

/** Longest free-text scalar argument (reasons, notes): the widest text column they are stored in. */
export const MAX_ARG_TEXT = 500;
/** Longest string anywhere in an input object unless its class sets its own rule. */
export const MAX_INPUT_TEXT = 2000;
/** Input fields that are legitimately long and carry their own limit (proof upload: maxUploadBytes). */
const LONG_FIELDS = new Set(['contentBase64']);

export interface FieldProblem {
  field: string;
  rules: string[];
}

export function inputError(problems: FieldProblem[]): GraphQLError {
  const first = problems[0];
  const list = problems.map((p) => `${p.field} (${p.rules.join(', ')})`).join('; ');
  return new GraphQLError(`输入无效: ${list} (invalid input)`, {
    extensions: { code: 'BAD_USER_INPUT', rule: 'INPUT', field: first?.field, validationErrors: problems },
  });
}

function flatten(errors: ValidationError[], prefix: string, out: FieldProblem[]): void {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out.push({ field, rules: Object.keys(e.constraints) });
    if (e.children?.length) flatten(e.children, field, out);
  }
}

const ID_NAME = /^(id|.*Id)$/;

/** Strings longer than the cap, and record ids that cannot exist (0, negative), anywhere in an input value. */
function overlong(value: unknown, path: string, out: FieldProblem[], depth = 0): void {
  if (depth > 8 || value == null) return;
  if (typeof value === 'number') {
    // Ids start at 1: an id of 0 must not read as "absent" further down (`if (input.memberId)`).
    if (ID_NAME.test(path.split('.').pop() ?? '') && value < 1) out.push({ field: path, rules: ['min'] });
    return;
  }
  if (typeof value === 'string') {
    if (value.length > MAX_INPUT_TEXT && !LONG_FIELDS.has(path.split('.').pop() ?? '')) out.push({ field: path, rules: ['maxLength'] });
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => overlong(v, `${path}[${i}]`, out, depth + 1));
  else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) overlong(v, path ? `${path}.${k}` : k, out, depth + 1);
}

/** Input classes with no class-validator rule at all (a filter of optional ids and enums): nothing for `validate` to do. */
const ruleless = new WeakMap<Function, boolean>();
function hasRules(ctor: Function): boolean {
  let none = ruleless.get(ctor);
  if (none === undefined) ruleless.set(ctor, (none = getMetadataStorage().getTargetValidationMetadatas(ctor, '', true, false).length === 0));
  return !none;
}

export async function validateArgument(value: unknown, _type: unknown, data: ResolverData): Promise<void> {
  if (typeof value === 'string') {
    if (value.length > MAX_ARG_TEXT) throw inputError([{ field: data.info.fieldName, rules: ['maxLength'] }]);
    return;
  }
  if (typeof value === 'number') {
    const name = Object.entries(data.args).find(([k, v]) => v === value && ID_NAME.test(k))?.[0];
    if (name && value < 1) throw inputError([{ field: name, rules: ['min'] }]);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const problems: FieldProblem[] = [];
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    // An input class may vouch that a value passes all of its rules (a cheap check on the hot path);
    // anything it does not vouch for gets class-validator's full check, and its exact errors.
    const surelyValid = (item.constructor as { surelyValid?: (v: unknown) => boolean }).surelyValid;
    if (surelyValid?.(item) || (item.constructor !== Object && !hasRules(item.constructor))) {
      overlong(item, '', problems);
      continue;
    }
    const errors = await validate(item as object, { skipMissingProperties: true, forbidUnknownValues: false, validationError: { target: false, value: false } });
    flatten(errors, '', problems);
    overlong(item, '', problems);
  }
  if (problems.length) throw inputError(problems);
}
