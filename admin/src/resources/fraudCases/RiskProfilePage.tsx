import { useLocalText } from '../../components/localText';
/**
 * 风险画像: one member's cases, signals, bindings and settlement pattern (by place of treatment and
 * by category), from memberRiskProfile. Reachable from a member page, a case and a settlement.
 */
import { Alert, Box, Card, CardContent, Chip, CircularProgress, Grid, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Link, Title, useDataProvider, useLocale, useParams, useTranslate } from 'react-admin';
import { EChart, type EChartsOption } from '../../charts/EChart';
import { useEnumLabel } from '../../components/fields';
import { Muted, Section } from '../../components/layout';
import { formatDateTime, formatRegion, formatYuan } from '../../format';
import type { GongjiDataProvider, MemberRiskProfile, PatternBucket } from '../../providers/dataProvider';
import { BindingsTable, CaseStateChip, RuleChips, ScoreBadge } from './common';

const toYuan = (fen: number) => Math.round(fen) / 100;

function PatternChart({ rows, labelOf, testId }: { rows: PatternBucket[]; labelOf: (key: string) => string; testId: string }) {
  const translate = useTranslate();
  const option = useMemo<EChartsOption>(() => {
    const sorted = [...rows].sort((a, b) => b.selfPayFen - a.selfPayFen).slice(0, 12);
    return {
      color: ['#1565c0', '#ef6c00', '#546e7a'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 48, top: 40, bottom: 56 },
      xAxis: { type: 'category', data: sorted.map((r) => labelOf(r.key)), axisLabel: { interval: 0, rotate: sorted.length > 5 ? 30 : 0 } },
      yAxis: [
        { type: 'value', name: translate('gongji.dashboard.axis_yuan') },
        { type: 'value', name: translate('gongji.fraud.pattern_count'), minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { name: translate('gongji.fraud.pattern_self'), type: 'bar', barMaxWidth: 32, data: sorted.map((r) => toYuan(r.selfPayFen)) },
        { name: translate('gongji.fraud.pattern_account'), type: 'bar', barMaxWidth: 32, data: sorted.map((r) => toYuan(r.accountFen)) },
        { name: translate('gongji.fraud.pattern_count'), type: 'line', yAxisIndex: 1, data: sorted.map((r) => r.count) },
      ],
    };
  }, [rows, labelOf, translate]);
  if (!rows.length) return <Muted text="gongji.fraud.no_settlements" />;
  return (
    <>
      <EChart option={option} height={280} testId={testId} />
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell align="right">{translate('gongji.fraud.pattern_count')}</TableCell>
            <TableCell align="right">{translate('resources.settlements.fields.selfPayFen')}</TableCell>
            <TableCell align="right">{translate('gongji.fraud.pattern_account')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell>{labelOf(r.key)}</TableCell>
              <TableCell align="right">{r.count}</TableCell>
              <TableCell align="right">{formatYuan(r.selfPayFen)}</TableCell>
              <TableCell align="right">{formatYuan(r.accountFen)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

function Profile({ p }: { p: MemberRiskProfile }) {
  const translate = useTranslate();
  const locale = useLocale();
  const label = useEnumLabel();
  const local = useLocalText();
  const m = p.member;
  const placeLabel = useMemo(() => (k: string) => formatRegion(k, locale), [locale]);
  const categoryLabel = useMemo(() => (k: string) => label('category', k), [label]);
  return (
    <Box sx={{ p: 2 }} data-testid="risk-profile">
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={3} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h1">
              {translate('gongji.fraud.profile_title', { name: `${m.name}（#${m.id}）` })}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="body2" color="text.secondary">
                {translate('gongji.fraud.open_score')}
              </Typography>
              <ScoreBadge score={p.openScore} size="medium" />
            </Stack>
          </Stack>
          <Stack direction="row" spacing={4} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap', typography: 'body2' }}>
            <span style={{ fontFamily: 'monospace' }}>{m.idNumber}</span>
            <span>{label('sex', m.sex)}</span>
            <span>{m.birthYear}（{translate('gongji.member.age_years', { age: m.age })}）</span>
            <span>{label('scheme', m.scheme)}</span>
            <span>{formatRegion(m.insuredRegion, locale)}</span>
            <Chip size="small" label={label('memberStatus', m.status)} />
            {m.suspendedUntil && <Chip size="small" color="warning" label={`${translate('resources.members.fields.suspendedUntil')} ${m.suspendedUntil}`} />}
            <Link to={`/members/${m.id}/show`}>{translate('resources.members.name', { smart_count: 1 })} #{m.id}</Link>
            <Link to={`/settlements?filter=${encodeURIComponent(JSON.stringify({ memberId: m.id }))}`}>{translate('resources.settlements.name', { smart_count: 2 })}</Link>
          </Stack>
        </CardContent>
      </Card>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Section title="gongji.fraud.by_place">
            <PatternChart rows={p.byPlace} labelOf={placeLabel} testId="chart-by-place" />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Section title="gongji.fraud.by_category">
            <PatternChart rows={p.byCategory} labelOf={categoryLabel} testId="chart-by-category" />
          </Section>
        </Grid>
      </Grid>
      <Section title="gongji.fraud.cases">
        {p.cases.length ? (
          <Table size="small" data-testid="profile-cases">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.fraudCases.fields.id')}</TableCell>
                <TableCell>{translate('resources.fraudCases.fields.score')}</TableCell>
                <TableCell>{translate('resources.fraudCases.fields.state')}</TableCell>
                <TableCell>{translate('resources.fraudCases.fields.rules')}</TableCell>
                <TableCell>{translate('resources.fraudCases.fields.summary')}</TableCell>
                <TableCell>{translate('resources.fraudCases.fields.createdAt')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {p.cases.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    <Link to={`/fraudCases/${c.id}/show`}>#{c.id}</Link>
                  </TableCell>
                  <TableCell>
                    <ScoreBadge score={c.score} />
                  </TableCell>
                  <TableCell>
                    <CaseStateChip state={c.state} />
                  </TableCell>
                  <TableCell>
                    <RuleChips rules={c.rules} primary={c.primaryRule} />
                  </TableCell>
                  <TableCell>{local(c.summary)}</TableCell>
                  <TableCell>{formatDateTime(c.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Muted text="gongji.fraud.no_cases" />
        )}
      </Section>
      <Section title="gongji.fraud.profile_signals">
        {p.signals.length ? (
          <Table size="small">
            <TableBody>
              {p.signals.map((s) => (
                <TableRow key={s.id}>
                  <TableCell sx={{ width: 180 }}>{formatDateTime(s.createdAt)}</TableCell>
                  <TableCell sx={{ width: 220 }}>
                    <RuleChips rules={[s.rule]} />
                  </TableCell>
                  <TableCell sx={{ width: 60 }}>
                    <ScoreBadge score={s.score} />
                  </TableCell>
                  <TableCell>{local(s.summary)}</TableCell>
                  <TableCell>{s.caseId ? <Link to={`/fraudCases/${s.caseId}/show`}>#{s.caseId}</Link> : null}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Muted text="gongji.fraud.no_signals" />
        )}
      </Section>
      <Section title="gongji.fraud.profile_bindings">
        {p.bindings.length ? (
          <BindingsTable
            bindings={p.bindings}
            party={(id) => (id === m.id ? m.name : <Link to={`/risk-profile/${id}`}>#{id}</Link>)}
          />
        ) : (
          <Muted text="gongji.fraud.none" />
        )}
      </Section>
    </Box>
  );
}

export function RiskProfilePage() {
  const { memberId } = useParams();
  const translate = useTranslate();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const [state, setState] = useState<{ data?: MemberRiskProfile; error?: string; id?: string }>({});
  useEffect(() => {
    let cancelled = false;
    setState({});
    dataProvider.memberRiskProfile(Number(memberId)).then(
      (data) => !cancelled && setState({ data, id: memberId }),
      (e: Error) => !cancelled && setState({ error: e.message, id: memberId }),
    );
    return () => {
      cancelled = true;
    };
  }, [dataProvider, memberId]);
  return (
    <Box>
      <Title title={translate('gongji.fraud.menu_profile')} />
      {state.error && <Alert severity="error" sx={{ m: 2 }}>{state.error}</Alert>}
      {!state.data && !state.error && <CircularProgress sx={{ m: 2 }} />}
      {state.data && <Profile p={state.data} />}
    </Box>
  );
}

export default RiskProfilePage;
