import { KNOB_GROUPS, knobsOf, knobValue, RELATIONSHIP_KINDS, type PolicyKnob, type PolicyRules } from '@gongji/shared';
import { Box, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { EnumChips, useEnumLabel } from '../../components/fields';
import { Muted, Section } from '../../components/layout';
import { EMPTY, formatYuan } from '../../format';
import { GROUP_TITLES, knobLabelKey } from './knobs';

function Rows({ rows }: { rows: Array<[string, ReactNode]> }) {
  const translate = useTranslate();
  return (
    <Table size="small" sx={{ maxWidth: 900, mb: 1 }}>
      <TableBody>
        {rows.map(([key, value]) => (
          <TableRow key={key}>
            <TableCell sx={{ width: '40%', color: 'text.secondary', verticalAlign: 'top' }}>{translate(key)}</TableCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}


/** E9: per relationship the document types that satisfy it. */
function ProofRows({ rules }: { rules: Partial<PolicyRules> }) {
  const translate = useTranslate();
  const label = useEnumLabel();
  const proofs = rules.requiredProofs ?? {};
  const rows = RELATIONSHIP_KINDS.filter((k) => k in proofs || rules.allowedRelationships?.includes(k)).map((k) => {
    const docs = proofs[k] ?? [];
    return (
      <Box key={k} sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
        <Typography variant="body2" sx={{ minWidth: 88 }}>
          {label('relationship', k)}：
        </Typography>
        {docs.length ? (
          <>
            {docs.length > 1 ? <Typography variant="caption">{translate('gongji.policy.any_of')}</Typography> : null}
            <EnumChips enumName="docType" values={docs} />
          </>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('gongji.policy.none')}
          </Typography>
        )}
      </Box>
    );
  });
  return rows.length ? <>{rows}</> : <>{EMPTY}</>;
}

/** A knob's value, readable: yes/no, labels, yuan, "no cap" for an empty cap. */
export function useKnobText() {
  const translate = useTranslate();
  const label = useEnumLabel();
  return (knob: PolicyKnob, value: unknown): ReactNode => {
    if (value === undefined) return EMPTY;
    if (value === null) return knob.type === 'integer' || knob.type === 'fen' ? translate('gongji.policy.no_cap') : EMPTY;
    switch (knob.type) {
      case 'boolean':
        return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
      case 'enum':
        return label(knob.enumName!, String(value));
      case 'enumSet':
        return <EnumChips enumName={knob.enumName!} values={value as string[]} />;
      case 'fen':
        return formatYuan(Number(value));
      case 'integer':
        // the labels name the unit ("（%）", "（天）"); the editor's helper text shows it with the range
        return String(value);
      default:
        return String(value);
    }
  };
}

/** Every knob of one policy version, readable, group by group in the order of the knob catalogue. */
export function RulesView({ rules }: { rules: Partial<PolicyRules> | null }) {
  const text = useKnobText();
  if (!rules) return <Muted text="gongji.policy.rules_missing" />;
  return (
    <>
      {KNOB_GROUPS.map((group) => (
        <Section key={group} title={GROUP_TITLES[group]}>
          {group === 'proofs' ? (
            <ProofRows rules={rules} />
          ) : (
            <Rows rows={knobsOf(group).map((k) => [knobLabelKey(k.key), text(k, knobValue(rules, k.key))] as [string, ReactNode])} />
          )}
        </Section>
      ))}
    </>
  );
}
