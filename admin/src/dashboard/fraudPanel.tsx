/** Home dashboard panel for fraud analysts and auditors: open fraud cases (OPEN + INVESTIGATING) by rule. */
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { LinkBase, useDataProvider, useNavigate, useTranslate } from 'react-admin';
import { EChart, type EChartsOption } from '../charts/EChart';
import { useEnumLabel } from '../components/fields';
import type { FraudCaseCounts, GongjiDataProvider } from '../providers/dataProvider';
import { registerDashboardPanel } from './panels';

const RULE_ORDER = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9'];

function OpenCasesByRule() {
  const translate = useTranslate();
  const label = useEnumLabel();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const [state, setState] = useState<{ data?: FraudCaseCounts; error?: string }>({});
  useEffect(() => {
    let cancelled = false;
    dataProvider.openFraudCaseCounts().then(
      (data) => !cancelled && setState({ data }),
      (e: Error) => !cancelled && setState({ error: e.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [dataProvider]);
  const rows = useMemo(() => {
    const by = new Map((state.data?.byRule ?? []).map((b) => [b.key, b.count]));
    return RULE_ORDER.map((r) => ({ rule: r, count: by.get(r) ?? 0 })).reverse();
  }, [state.data]);
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 168, right: 32, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => `${r.rule} ${label('fraudRule', r.rule)}`) },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: rows.map((r) => ({ value: r.count, itemStyle: { color: r.rule === 'F1' || r.rule === 'F2' ? '#c62828' : '#ef6c00' } })),
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [rows, label],
  );
  return (
    <>
      <Box sx={{ mb: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 1 }}>
        <Box>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {translate('gongji.fraud.counts_title')}
          </Typography>
          {state.data && (
            <Typography variant="caption" color="text.secondary" data-testid="open-cases-total">
              {translate('gongji.fraud.counts_sub', { total: state.data.total })}
            </Typography>
          )}
        </Box>
        <Button size="small" endIcon={<ArrowForwardIcon />} component={LinkBase} to="/fraudCases">
          {translate('gongji.fraud.open_queue')}
        </Button>
      </Box>
      {state.error && <Alert severity="error">{state.error}</Alert>}
      {!state.data && !state.error && <CircularProgress size={24} />}
      {state.data &&
        (state.data.total ? (
          <EChart
            option={option}
            height={300}
            testId="chart-fraud-by-rule"
            onClick={(p) => {
              const rule = String(p.name ?? '').split(' ')[0];
              if (RULE_ORDER.includes(rule)) navigate(`/fraudCases?filter=${encodeURIComponent(JSON.stringify({ rule, state: 'UNCLOSED' }))}`);
            }}
          />
        ) : (
          <Typography variant="body2">{translate('gongji.fraud.no_open_cases')}</Typography>
        ))}
    </>
  );
}

registerDashboardPanel({ id: 'fraud.openByRule', roles: ['FRAUD_ANALYST', 'AUDITOR'], width: 6, order: 5, component: OpenCasesByRule });
