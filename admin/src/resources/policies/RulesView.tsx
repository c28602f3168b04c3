import { RELATIONSHIP_KINDS, type PolicyRules } from '@gongji/shared';
import { Box, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { EnumChips, useEnumLabel } from '../../components/fields';
import { Muted, Section } from '../../components/layout';
import { EMPTY, formatYuan } from '../../format';

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

/** Every knob of one policy version, readable (labels, yuan, chips). */
export function RulesView({ rules }: { rules: Partial<PolicyRules> | null }) {
  const translate = useTranslate();
  const label = useEnumLabel();
  if (!rules) return <Muted text="gongji.policy.rules_missing" />;
  const yes = (v: boolean | undefined) => (v === undefined ? EMPTY : translate(v ? 'ra.boolean.true' : 'ra.boolean.false'));
  const cap = (v: number | null | undefined) => (v === undefined ? EMPTY : v === null ? translate('gongji.policy.no_cap') : String(v));
  const yuan = (v: number | null | undefined) => (v === undefined ? EMPTY : v === null ? translate('gongji.policy.no_cap') : formatYuan(v));
  const r = (k: string) => `gongji.policy.rules.${k}`;

  const proofs = rules.requiredProofs ?? {};
  const proofRows = RELATIONSHIP_KINDS.filter((k) => k in proofs || rules.allowedRelationships?.includes(k)).map((k) => {
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

  return (
    <>
      <Section title="gongji.policy.sharing">
        <Rows
          rows={[
            [r('allowedRelationships'), <EnumChips key="a" enumName="relationship" values={rules.allowedRelationships} />],
            [r('intraProvinceSharing'), yes(rules.intraProvinceSharing)],
            [r('crossProvinceSharing'), yes(rules.crossProvinceSharing)],
            [r('beneficiaryMayInitiate'), yes(rules.beneficiaryMayInitiate)],
            [r('confirmationRequired'), yes(rules.confirmationRequired)],
            [r('activationMode'), label('activationMode', rules.activationMode)],
            [r('requiredProofs'), proofRows.length ? proofRows : EMPTY],
          ]}
        />
      </Section>
      <Section title="gongji.policy.limits">
        <Rows
          rows={[
            [r('maxGiversPerBeneficiary'), cap(rules.maxGiversPerBeneficiary)],
            [r('maxBeneficiariesPerGiver'), cap(rules.maxBeneficiariesPerGiver)],
            [r('singleFamilyNetwork'), yes(rules.singleFamilyNetwork)],
          ]}
        />
      </Section>
      <Section title="gongji.policy.payments">
        <Rows
          rows={[
            [r('allowedCategories'), <EnumChips key="c" enumName="category" values={rules.allowedCategories} />],
            [r('commercialInsuranceMinBalanceFen'), yuan(rules.commercialInsuranceMinBalanceFen)],
            [r('residentPremiumWindowStart'), rules.residentPremiumWindowStart ?? EMPTY],
            [r('residentPremiumWindowEnd'), rules.residentPremiumWindowEnd ?? EMPTY],
            [r('residentPremiumFen'), yuan(rules.residentPremiumFen)],
            [r('retireeMonthlyCreditFen'), yuan(rules.retireeMonthlyCreditFen)],
            [r('employeeAccountRatePermille'), rules.employeeAccountRatePermille == null ? EMPTY : `${rules.employeeAccountRatePermille}‰`],
          ]}
        />
      </Section>
      <Section title="gongji.policy.rules.fraud">
        {rules.fraud ? (
          <Rows rows={Object.entries(rules.fraud).map(([k, v]) => [`gongji.policy.fraud.${k}`, String(v)] as [string, ReactNode])} />
        ) : (
          <Muted text="gongji.policy.rules_missing" />
        )}
      </Section>
    </>
  );
}
