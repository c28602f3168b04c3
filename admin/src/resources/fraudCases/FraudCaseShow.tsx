import { useActorLabel, useLocalText } from '../../components/localText';
import InsightsIcon from '@mui/icons-material/Insights';
import { Box, Button, Card, CardContent, Chip, LinearProgress, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, LinkBase, Show, useCanAccess, useLocale, useRecordContext, useTranslate } from 'react-admin';
import { useEnumLabel } from '../../components/fields';
import { Muted, Section, ShowBody } from '../../components/layout';
import { daysSince, EMPTY, formatDate, formatDateTime, formatRegion, formatYuan } from '../../format';
import type { FraudCaseDetail } from '../../providers/dataProvider';
import { CaseActions } from './CaseActions';
import { BindingsTable, CaseStateChip, EvidenceTable, RuleChips, ScoreBadge, SubjectLink } from './common';
import { SHOW_STATES } from '../../components/states';

type FullCase = FraudCaseDetail;
type Sanction = FullCase['sanctions'][number];

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 140 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Box sx={{ typography: 'body2' }}>{children}</Box>
    </Box>
  );
}

/** Members who can have a risk profile: the subject, or the parties of the case. */
function profileMemberIds(r: FullCase): number[] {
  if (r.subjectType === 'MEMBER') return [r.subjectId];
  return r.members.map((m) => m.id);
}

function Header({ r }: { r: FullCase }) {
  const translate = useTranslate();
  const locale = useLocale();
  const local = useLocalText();
  const days = daysSince(r.createdAt, r.closedAt ? new Date(r.closedAt) : new Date());
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="case-header">
      <CardContent>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1.5 }}>
          <Typography variant="h6" component="h1">
            {translate('gongji.fraud.case_title', { id: r.id })}
          </Typography>
          <CaseStateChip state={r.state} />
          <ScoreBadge score={r.score} size="medium" />
          <RuleChips rules={r.rules} primary={r.primaryRule} />
        </Stack>
        <Typography variant="body1" sx={{ mb: 1.5 }}>
          {local(r.summary)}
        </Typography>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Fact label="gongji.fraud.subject">
            <SubjectLink type={r.subjectType} id={r.subjectId} members={r.members} />
          </Fact>
          <Fact label="resources.fraudCases.fields.regionCode">
            {formatRegion(r.regionCode, locale)}
            {r.otherRegionCode && r.otherRegionCode !== r.regionCode ? ` ↔ ${formatRegion(r.otherRegionCode, locale)}` : ''}
          </Fact>
          <Fact label="resources.fraudCases.fields.assignee">{r.assignee?.displayName ?? EMPTY}</Fact>
          <Fact label="resources.fraudCases.fields.createdAt">
            {formatDateTime(r.createdAt)}（{days === 0 ? translate('gongji.fraud.today') : translate('gongji.fraud.days', { days })}）
          </Fact>
          {r.closedAt && <Fact label="resources.fraudCases.fields.closedAt">{formatDateTime(r.closedAt)}</Fact>}
          {r.dismissalReason && <Fact label="resources.fraudCases.fields.dismissalReason">{r.dismissalReason}</Fact>}
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap' }}>
          {profileMemberIds(r).map((id) => {
            const m = r.members.find((x) => x.id === id);
            return (
              <Button key={id} size="small" startIcon={<InsightsIcon />} component={LinkBase} to={`/risk-profile/${id}`} data-testid="risk-profile-link">
                {translate('gongji.fraud.risk_profile')}：{m ? `${m.name}（#${id}）` : `#${id}`}
              </Button>
            );
          })}
        </Stack>
      </CardContent>
    </Card>
  );
}

function Signals({ r }: { r: FullCase }) {
  const translate = useTranslate();
  const label = useEnumLabel();
  const local = useLocalText();
  return (
    <Section title="gongji.fraud.signals">
      <Stack spacing={2}>
        {r.signals.map((s) => (
          <Paper key={s.id} variant="outlined" sx={{ p: 1.5 }} data-testid="signal">
            <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
              <Chip size="small" color="secondary" label={`${s.rule} ${label('fraudRule', s.rule)}`} />
              <ScoreBadge score={s.score} />
              <Typography variant="body2" sx={{ fontWeight: 600, flex: '1 1 300px' }}>
                {local(s.summary)}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {translate('gongji.fraud.signal_n', { id: s.id })} · {formatDateTime(s.createdAt)}
              </Typography>
            </Stack>
            {['F1', 'F2', 'F9'].includes(s.rule) && (
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
                {translate(`gongji.fraud.rule_hint.${s.rule}`)}
              </Typography>
            )}
            <EvidenceTable evidence={s.evidence} />
          </Paper>
        ))}
      </Stack>
    </Section>
  );
}

function Evidence({ r }: { r: FullCase }) {
  const translate = useTranslate();
  const locale = useLocale();
  const label = useEnumLabel();
  return (
    <Section title="gongji.fraud.evidence">
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('gongji.fraud.evidence_settlements')}
      </Typography>
      {r.settlements.length ? (
        <Table size="small" data-testid="evidence-settlements">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.settlements.fields.id')}</TableCell>
              <TableCell>{translate('resources.settlements.fields.serialNo')}</TableCell>
              <TableCell>{translate('resources.settlements.fields.treatedAt')}</TableCell>
              <TableCell>{translate('resources.settlements.fields.category')}</TableCell>
              <TableCell>{translate('resources.settlements.fields.placeRegion')}</TableCell>
              <TableCell>{translate('resources.settlements.fields.patientId')}</TableCell>
              <TableCell align="right">{translate('resources.settlements.fields.selfPayFen')}</TableCell>
              <TableCell align="right">{translate('resources.settlements.fields.acctPayFen')}</TableCell>
              <TableCell align="right">{translate('resources.settlements.fields.mulaidPayFen')}</TableCell>
              <TableCell>{translate('resources.settlements.fields.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {r.settlements.map((s) => (
              <TableRow key={s.id}>
                <TableCell>
                  <Link to={`/settlements/${s.id}/show`}>#{s.id}</Link>
                </TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{s.serialNo}</TableCell>
                <TableCell>{formatDateTime(s.treatedAt)}</TableCell>
                <TableCell>{label('category', s.category)}</TableCell>
                <TableCell>{formatRegion(s.placeRegion, locale)}</TableCell>
                <TableCell>
                  <Link to={`/members/${s.patientId}/show`}>{r.members.find((m) => m.id === s.patientId)?.name ?? ''}（#{s.patientId}）</Link>
                </TableCell>
                <TableCell align="right">{formatYuan(s.selfPayFen)}</TableCell>
                <TableCell align="right">{formatYuan(s.acctPayFen)}</TableCell>
                <TableCell align="right">{formatYuan(s.mulaidPayFen)}</TableCell>
                <TableCell>{label('settlementStatus', s.status)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Muted text="gongji.fraud.none" />
      )}
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('gongji.fraud.evidence_bindings')}
      </Typography>
      {r.bindings.length ? (
        <BindingsTable
          testId="evidence-bindings"
          bindings={r.bindings}
          party={(id) => (
            <Link to={`/members/${id}/show`}>
              {r.members.find((m) => m.id === id)?.name ?? ''}（#{id}）
            </Link>
          )}
        />
      ) : (
        <Muted text="gongji.fraud.none" />
      )}
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('gongji.fraud.evidence_members')}
      </Typography>
      {r.members.length ? (
        <Table size="small" data-testid="evidence-members">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.members.fields.id')}</TableCell>
              <TableCell>{translate('resources.members.fields.name')}</TableCell>
              <TableCell>{translate('resources.members.fields.idNumber')}</TableCell>
              <TableCell>{translate('resources.members.fields.sex')}</TableCell>
              <TableCell>{translate('resources.members.fields.insuredRegion')}</TableCell>
              <TableCell>{translate('resources.members.fields.status')}</TableCell>
              <TableCell>{translate('resources.members.fields.suspendedUntil')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {r.members.map((m) => (
              <TableRow key={m.id}>
                <TableCell>
                  <Link to={`/members/${m.id}/show`}>#{m.id}</Link>
                </TableCell>
                <TableCell>{m.name}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{m.idNumber}</TableCell>
                <TableCell>{label('sex', m.sex)}</TableCell>
                <TableCell>{formatRegion(m.insuredRegion, locale)}</TableCell>
                <TableCell>{label('memberStatus', m.status)}</TableCell>
                <TableCell>{formatDate(m.suspendedUntil)}</TableCell>
                <TableCell>
                  <Link to={`/risk-profile/${m.id}`}>{translate('gongji.fraud.risk_profile')}</Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Muted text="gongji.fraud.none" />
      )}
    </Section>
  );
}

function SanctionLine({ s }: { s: Sanction }) {
  const translate = useTranslate();
  const label = useEnumLabel();
  let detail = '';
  if (s.kind === 'SUSPEND_MEMBER') detail = `${translate('gongji.fraud.member')} #${s.memberId}：${translate('gongji.fraud.sanction_until', { date: s.untilDate ?? EMPTY, months: s.months ?? EMPTY })}`;
  else if (s.kind === 'SUSPEND_BINDING') detail = translate('gongji.fraud.sanction_binding', { id: s.bindingId });
  else if (s.kind === 'RECOVER') detail = translate('gongji.fraud.sanction_recover', { id: s.settlementId, amount: formatYuan(s.amountFen), account: formatYuan(s.baseFen) });
  else if (s.kind === 'FINE') detail = translate('gongji.fraud.sanction_fine', { multiplier: s.multiplier ?? EMPTY, base: formatYuan(s.baseFen), amount: formatYuan(s.amountFen) });
  return (
    <TableRow data-testid={`sanction-${s.kind}`}>
      <TableCell>
        <Chip size="small" color="error" variant="outlined" label={label('sanctionKind', s.kind)} />
      </TableCell>
      <TableCell>
        {s.kind === 'RECOVER' && s.settlementId ? <Link to={`/settlements/${s.settlementId}/show`}>{detail}</Link> : s.kind === 'SUSPEND_BINDING' && s.bindingId ? <Link to={`/bindings/${s.bindingId}/show`}>{detail}</Link> : detail}
      </TableCell>
      <TableCell>{formatDateTime(s.createdAt)}</TableCell>
    </TableRow>
  );
}

function Timeline({ r }: { r: FullCase }) {
  const label = useEnumLabel();
  const local = useLocalText();
  const actor = useActorLabel();
  const notes = [...r.notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  return (
    <Section title="gongji.fraud.timeline">
      {notes.length ? (
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="timeline">
          {notes.map((n) => (
            <Box component="li" key={n.id} sx={{ display: 'flex', gap: 1.5, py: 0.75, borderBottom: 1, borderColor: 'divider' }}>
              <Typography variant="caption" color="text.secondary" sx={{ width: 140, flexShrink: 0, pt: 0.25 }}>
                {formatDateTime(n.createdAt)}
              </Typography>
              <Chip size="small" label={label('noteKind', n.kind)} color={n.kind === 'NOTE' ? 'primary' : n.kind === 'SANCTION' ? 'error' : 'default'} variant={n.kind === 'NOTE' ? 'filled' : 'outlined'} sx={{ width: 84, flexShrink: 0 }} />
              <Typography variant="body2" sx={{ flex: 1, whiteSpace: 'pre-wrap' }}>
                {local(n.text, { enumName: 'caseState' })}
              </Typography>
              <Typography variant="caption" color="text.secondary" sx={{ flexShrink: 0 }}>
                {actor(n.actorName)}
              </Typography>
            </Box>
          ))}
        </Box>
      ) : (
        <Muted text="gongji.fraud.no_notes" />
      )}
    </Section>
  );
}

function CaseBody() {
  const r = useRecordContext<FullCase>();
  const translate = useTranslate();
  const { canAccess: canWork } = useCanAccess({ resource: 'fraudCases', action: 'investigate' });
  if (!r) return null;
  // The list's row (no details) is shown while the full case loads.
  if (!Array.isArray(r.signals)) return <LinearProgress sx={{ m: 2 }} />;
  return (
    <ShowBody>
      <Header r={r} />
      <Section title="gongji.fraud.actions">{canWork ? <CaseActions record={r} /> : <Muted text="gongji.fraud.read_only" />}</Section>
      <Signals r={r} />
      <Evidence r={r} />
      <Section title="gongji.fraud.sanctions">
        {r.sanctions.length ? (
          <Table size="small" data-testid="sanctions">
            <TableBody>
              {r.sanctions.map((s) => (
                <SanctionLine key={s.id} s={s} />
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('gongji.fraud.no_sanctions')}
          </Typography>
        )}
      </Section>
      <Timeline r={r} />
    </ShowBody>
  );
}

function CaseTitle() {
  const r = useRecordContext<{ id: number }>();
  const translate = useTranslate();
  return <>{r ? translate('gongji.fraud.case_title', { id: r.id }) : ''}</>;
}

export function FraudCaseShow() {
  return (
    <Show {...SHOW_STATES} actions={false} title={<CaseTitle />}>
      <CaseBody />
    </Show>
  );
}
