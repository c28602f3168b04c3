#!/usr/bin/env node
/**
 * Print the typed document of a command mutation, ready for src/providers/commands.ts:
 *   node scripts/command-document.mjs approveBinding [moreMutations…]
 * A command returns `<Type> | RuleViolation`; the record is selected with the type's fragment from
 * providers/documents.ts when there is one, else with its scalar fields. Then run `pnpm codegen`.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isObjectType, isScalarType, isEnumType, isUnionType } from 'graphql';

const schema = buildSchema(readFileSync(new URL('../../shared/src/graphql/schema.graphql', import.meta.url), 'utf8'));
const FRAGMENTS = {
  Member: 'MemberFields',
  Binding: 'BindingFields',
  RelationshipProof: 'ProofFields',
  FraudCase: 'FraudCaseFields',
  PolicyVersion: 'PolicyFields',
  AccountClosure: 'AccountClosureFields',
  Settlement: 'SettlementFields',
};

function document(name) {
  const field = schema.getMutationType()?.getFields()[name];
  if (!field) throw new Error(`no mutation ${name}`);
  const vars = field.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const result = getNamedType(field.type);
  const members = isUnionType(result) ? result.getTypes().filter((t) => t.name !== 'RuleViolation') : [result];
  const on = members.map((t) => {
    const sel = FRAGMENTS[t.name]
      ? [`...${FRAGMENTS[t.name]}`]
      : Object.values(isObjectType(t) ? t.getFields() : {})
          .filter((f) => isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)))
          .map((f) => f.name);
    return `      ... on ${t.name} {\n${sel.map((s) => `        ${s}\n`).join('')}      }\n`;
  });
  const upper = name[0].toUpperCase() + name.slice(1);
  return (
    `export const ${upper}Document = graphql(\`\n` +
    `  mutation Admin_${name}${vars ? `(${vars})` : ''} {\n` +
    `    result: ${name}${args ? `(${args})` : ''} {\n` +
    `      __typename\n${on.join('')}` +
    (isUnionType(result) ? `      ...RuleViolationFields\n` : '') +
    `    }\n  }\n\`);\n`
  );
}

console.log(process.argv.slice(2).map(document).join('\n'));
