/** Small pieces shared by the fraud screens: score badge, rule chips, case age, evidence table. */
import type { BindingFieldsFragment } from '../../gql/graphql';
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { Fragment, type ReactNode } from 'react';
import { Link, useFieldValue, useLocale, useRecordContext, useTranslate } from 'react-admin';
import { useEnumLabel } from '../../components/fields';
import { daysSince, EMPTY, formatDate, formatDateTime, formatRegion, formatYuan } from '../../format';
import { parseEvidence, scoreLevel, type EvidenceRow } from './evidence';

const LEVEL_COLORS = { high: '#c62828', medium: '#ef6c00', low: '#f9a825', info: '#607d8b' } as const;

/** A 0–100 score as a coloured badge: ≥80 red, ≥60 orange, ≥40 amber, else grey. */
export function ScoreBadge({ score, size = 'small' }: { score: number | null | undefined; size?: 'small' | 'medium' }) {
  const translate = useTranslate();
  if (score == null) return <>{EMPTY}</>;
  const color = LEVEL_COLORS[scoreLevel(score)];
  return (
    <Tooltip title={translate('gongji.fraud.score_hint')}>
      <Chip
        size={size}
        label={score}
        data-testid="score-badge"
        sx={{ bgcolor: color, color: '#fff', fontWeight: 700, minWidth: size === 'small' ? 40 : 56, fontVariantNumeric: 'tabular-nums', ...(size === 'medium' ? { fontSize: 18 } : {}) }}
      />
    </Tooltip>
  );
}

export function ScoreField({ source = 'score' }: { source?: string; label?: string }) {
  return <ScoreBadge score={useFieldValue({ source }) as number | null} />;
}

/** "F1 冒名就医" chips; the primary rule (if given) is filled. */
export function RuleChips({ rules, primary }: { rules: readonly string[] | null | undefined; primary?: string | null }) {
  const label = useEnumLabel();
  if (!rules?.length) return <>{EMPTY}</>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 0.5 }}>
      {rules.map((r) => (
        <Chip key={r} size="small" color="secondary" variant={r === primary ? 'filled' : 'outlined'} label={`${r} ${label('fraudRule', r)}`} />
      ))}
    </Box>
  );
}

export function RulesField(_: { label?: string; source?: string }) {
  const record = useRecordContext<{ rules?: string[]; primaryRule?: string }>();
  return <RuleChips rules={record?.rules ?? (record?.primaryRule ? [record.primaryRule] : [])} primary={record?.primaryRule} />;
}

const STATE_COLORS: Record<string, 'warning' | 'info' | 'error' | 'default'> = { OPEN: 'warning', INVESTIGATING: 'info', CONFIRMED: 'error', DISMISSED: 'default' };

export function CaseStateChip({ state }: { state: string | null | undefined }) {
  const label = useEnumLabel();
  if (!state) return <>{EMPTY}</>;
  return <Chip size="small" label={label('caseState', state)} color={STATE_COLORS[state] ?? 'default'} variant={state === 'DISMISSED' ? 'outlined' : 'filled'} data-testid="case-state" />;
}

export function CaseStateField(_: { label?: string; source?: string }) {
  return <CaseStateChip state={useFieldValue({ source: 'state' }) as string | null} />;
}

/** How long the case has been open (or was open, once closed). */
export function CaseAgeField(_: { label?: string; source?: string }) {
  const translate = useTranslate();
  const record = useRecordContext<{ createdAt?: string; closedAt?: string | null }>();
  if (!record?.createdAt) return <>{EMPTY}</>;
  const end = record.closedAt ? new Date(record.closedAt) : new Date();
  const d = daysSince(record.createdAt, end);
  return (
    <Typography component="span" variant="body2" title={formatDateTime(record.createdAt)} sx={{ display: 'inline-flex', flexDirection: 'column' }}>
      <span>{formatDate(record.createdAt)}</span>
      <Box component="span" sx={{ color: d >= 7 ? 'error.main' : 'text.secondary', fontSize: 12 }}>
        {d === 0 ? translate('gongji.fraud.today') : translate('gongji.fraud.days', { days: d })}
      </Box>
    </Typography>
  );
}

/** The case subject as a link: member → risk profile, binding → binding page, institution → code. */
export function SubjectLink({ type, id, members }: { type: string; id: number; members?: Array<{ id: number; name: string }> }) {
  const label = useEnumLabel();
  const m = members?.find((x) => x.id === id);
  const text = `${label('caseSubject', type)} ${m ? `${m.name}（#${id}）` : `#${id}`}`;
  if (type === 'MEMBER') return <Link to={`/members/${id}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()}>{text}</Link>;
  if (type === 'BINDING') return <Link to={`/bindings/${id}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()}>{text}</Link>;
  return <span>{text}</span>;
}

export function SubjectField(_: { label?: string; source?: string }) {
  const record = useRecordContext<{ subjectType: string; subjectId: number }>();
  if (!record) return null;
  return <SubjectLink type={record.subjectType} id={record.subjectId} />;
}

function RefLink({ kind, id }: { kind: EvidenceRow['ref']; id: number }) {
  const translate = useTranslate();
  if (kind === 'settlement') return <Link to={`/settlements/${id}/show`}>{`${translate('gongji.fraud.settlement')} #${id}`}</Link>;
  if (kind === 'binding') return <Link to={`/bindings/${id}/show`}>{`${translate('gongji.fraud.binding')} #${id}`}</Link>;
  if (kind === 'member') return <Link to={`/members/${id}/show`}>{`${translate('gongji.fraud.member')} #${id}`}</Link>;
  return <span>#{id}</span>;
}

function EvidenceValue({ row }: { row: EvidenceRow }) {
  const locale = useLocale();
  const translate = useTranslate();
  const label = useEnumLabel();
  const values = Array.isArray(row.value) ? row.value : [row.value];
  const one = (v: unknown): ReactNode => {
    if (v === null || v === undefined || v === '') return EMPTY;
    if (row.ref && typeof v === 'number') return <RefLink kind={row.ref} id={v} />;
    switch (row.format) {
      case 'yuan':
        return formatYuan(Number(v));
      case 'datetime':
        return formatDateTime(String(v));
      case 'region':
        return formatRegion(String(v), locale);
      case 'check':
        return translate(`gongji.fraud.check.${String(v)}`, { _: String(v) });
      case 'category':
        return label('category', String(v));
      case 'sex':
        return label('sex', String(v));
      case 'credentialType':
        return label('credentialType', String(v));
      case 'relationship':
        return label('relationship', String(v));
      case 'bool':
        return translate(v ? 'ra.boolean.true' : 'ra.boolean.false');
      default:
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
  };
  return (
    <>
      {values.map((v, i) => (
        <Fragment key={i}>
          {i > 0 && (row.format === 'region' ? ' → ' : '、')}
          {one(v)}
        </Fragment>
      ))}
    </>
  );
}

/**
 * One signal's evidence as a readable table: the figures, then the thresholds they were checked
 * against and the policy version that set them; the raw JSON is one click away for experts.
 */
export function EvidenceTable({ evidence }: { evidence: string }) {
  const translate = useTranslate();
  const locale = useLocale();
  const ev = parseEvidence(evidence);
  const t = (key: string) => translate(`gongji.fraud.ev.${key}`, { _: key });
  return (
    <Box>
      <Table size="small" sx={{ '& td, & th': { py: 0.5 } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 220 }}>{translate('gongji.fraud.figure')}</TableCell>
            <TableCell>{translate('gongji.fraud.value')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {ev.figures.map((row) => (
            <TableRow key={row.key}>
              <TableCell sx={{ color: 'text.secondary' }}>{t(row.key)}</TableCell>
              <TableCell>
                <EvidenceValue row={row} />
              </TableCell>
            </TableRow>
          ))}
          {ev.thresholds.map((row) => (
            <TableRow key={`t-${row.key}`} sx={{ bgcolor: 'action.hover' }}>
              <TableCell sx={{ color: 'text.secondary' }}>
                {translate('gongji.fraud.threshold')}：{t(row.key)}
              </TableCell>
              <TableCell sx={{ fontWeight: 600 }}>{Array.isArray(row.value) ? row.value.join('–') : String(row.value)}</TableCell>
            </TableRow>
          ))}
          {ev.policyVersionId != null && (
            <TableRow sx={{ bgcolor: 'action.hover' }}>
              <TableCell sx={{ color: 'text.secondary' }}>{translate('gongji.fraud.policy_version')}</TableCell>
              <TableCell>
                <Link to={`/policies/${ev.policyVersionId}/show`}>
                  {translate('gongji.fraud.policy_line', { province: formatRegion(ev.province, locale), id: ev.policyVersionId })}
                </Link>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <Box component="details" sx={{ mt: 0.5 }}>
        <Typography component="summary" variant="caption" color="text.secondary" sx={{ cursor: 'pointer' }}>
          {translate('gongji.fraud.raw_json')}
        </Typography>
        <Box component="pre" sx={{ fontSize: 12, bgcolor: 'action.hover', p: 1, m: 0, overflow: 'auto' }}>
          {ev.pretty}
        </Box>
      </Box>
    </Box>
  );
}

export type BindingRow = Pick<BindingFieldsFragment, 'id' | 'giverId' | 'beneficiaryId' | 'relationship' | 'state' | 'activatedAt'>;

/** Bindings as a table (case evidence, risk profile); `party` renders the giver and beneficiary cells. */
export function BindingsTable({ bindings, party, testId }: { bindings: BindingRow[]; party: (memberId: number) => ReactNode; testId?: string }) {
  const translate = useTranslate();
  const label = useEnumLabel();
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.bindings.fields.id')}</TableCell>
          <TableCell>{translate('resources.bindings.fields.giverId')}</TableCell>
          <TableCell>{translate('resources.bindings.fields.beneficiaryId')}</TableCell>
          <TableCell>{translate('gongji.review.relationship')}</TableCell>
          <TableCell>{translate('resources.bindings.fields.state')}</TableCell>
          <TableCell>{translate('resources.bindings.fields.activatedAt')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {bindings.map((b) => (
          <TableRow key={b.id}>
            <TableCell>
              <Link to={`/bindings/${b.id}/show`}>#{b.id}</Link>
            </TableCell>
            <TableCell>{party(b.giverId)}</TableCell>
            <TableCell>{party(b.beneficiaryId)}</TableCell>
            <TableCell>{label('relationship', b.relationship)}</TableCell>
            <TableCell>{label('bindingState', b.state)}</TableCell>
            <TableCell>{formatDateTime(b.activatedAt ?? null)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
