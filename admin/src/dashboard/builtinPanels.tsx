import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { PROVINCE_BY_CODE } from '@gongji/shared';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useMemo } from 'react';
import { LinkBase, useLocale, useTranslate } from 'react-admin';
import { EChart, type EChartsOption } from '../charts/EChart';
import { useEnumLabel } from '../components/fields';
import { daysSince, formatYuan } from '../format';
import { useCrossProvinceMap } from '../resources/policies/PolicyMapPage';
import { SHARING_COLORS, SHARING_LEVELS, sharingLevel } from '../resources/policies/sharing';
import { registerDashboardPanel, type DashboardPanelProps } from './panels';
import { AGE_BUCKETS, axisYuan, fenToYuanNumber, monthCategorySeries } from './series';

const PALETTE = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#5d4037', '#546e7a', '#9e9d24', '#c62828'];

function PanelTitle({ title, subtitle }: { title: string; subtitle?: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {translate(title)}
      </Typography>
      {subtitle && (
        <Typography variant="caption" color="text.secondary">
          {subtitle}
        </Typography>
      )}
    </Box>
  );
}

/** Mutual-aid amount (stacked by category) and count by month. */
function MutualAidByMonth({ stats }: DashboardPanelProps) {
  const translate = useTranslate();
  const locale = useLocale();
  const label = useEnumLabel();
  const s = useMemo(() => monthCategorySeries(stats), [stats]);
  const option = useMemo<EChartsOption>(
    () => ({
      color: PALETTE,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => String(v),
        formatter: (items: Array<{ seriesName: string; value: number; marker: string; seriesType: string }>) =>
          items
            .filter((i) => i.value)
            .map((i) => `${i.marker}${i.seriesName}：${i.seriesType === 'line' ? i.value : formatYuan(Math.round(i.value * 100))}`)
            .join('<br/>'),
      },
      legend: { type: 'scroll', top: 0, left: 0, right: 0 },
      grid: { left: 56, right: 48, top: 72, bottom: 28 },
      xAxis: { type: 'category', data: s.months },
      yAxis: [
        { type: 'value', name: translate('gongji.dashboard.axis_yuan'), axisLabel: { formatter: (v: number) => axisYuan(v, locale) } },
        { type: 'value', name: translate('gongji.dashboard.axis_count'), splitLine: { show: false }, minInterval: 1 },
      ],
      series: [
        ...s.categories.map((c, i) => ({ name: label('category', c), type: 'bar', stack: 'amount', barMaxWidth: 36, data: s.amountsFen[i].map(fenToYuanNumber) })),
        { name: translate('gongji.dashboard.settlement_count'), type: 'line', yAxisIndex: 1, symbolSize: 6, data: s.counts, color: '#424242' },
      ],
    }),
    [s, label, translate, locale],
  );
  return (
    <>
      <PanelTitle title="gongji.dashboard.by_month" subtitle={translate('gongji.dashboard.by_month_sub', { from: stats.fromMonth, to: stats.toMonth, total: formatYuan(s.totalFen) })} />
      <EChart option={option} height={320} testId="chart-by-month" />
    </>
  );
}

/** Mutual-aid amount by the patient's province. */
function MutualAidByProvince({ stats }: DashboardPanelProps) {
  const translate = useTranslate();
  const locale = useLocale();
  const rows = stats.mutualAidByProvince.slice(0, 12).reverse();
  const name = (code: string) => {
    const p = PROVINCE_BY_CODE.get(code);
    return p ? (locale.startsWith('en') ? p.nameEn : p.shortName) : code;
  };
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: Array<{ dataIndex: number }>) => {
          const r = rows[items[0].dataIndex];
          return `${name(r.provinceCode)}<br/>${formatYuan(r.amountFen)} · ${translate('gongji.dashboard.n_settlements', { n: r.count })}`;
        },
      },
      grid: { left: 72, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => axisYuan(v, locale) } },
      yAxis: { type: 'category', data: rows.map((r) => name(r.provinceCode)) },
      series: [{ type: 'bar', data: rows.map((r) => fenToYuanNumber(r.amountFen)), itemStyle: { color: '#1565c0' }, barMaxWidth: 18 }],
    }),
    [stats, locale, translate],
  );
  return (
    <>
      <PanelTitle title="gongji.dashboard.by_province" subtitle={translate('gongji.dashboard.by_province_sub', { from: stats.fromMonth, to: stats.toMonth })} />
      {rows.length ? <EChart option={option} height={320} testId="chart-by-province" /> : <Typography variant="body2">{translate('gongji.dashboard.no_payments')}</Typography>}
    </>
  );
}

/** The review queues by waiting time. */
function Queues({ stats }: DashboardPanelProps) {
  const translate = useTranslate();
  const option = useMemo<EChartsOption>(
    () => ({
      color: ['#66bb6a', '#d4e157', '#ffca28', '#ff7043', '#c62828'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 96, right: 24, top: 36, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: stats.queues.map((q) => translate(`gongji.dashboard.queue.${q.queue}`)) },
      series: AGE_BUCKETS.map((b) => ({ name: translate(`gongji.dashboard.age.${b}`), type: 'bar', stack: 'age', barMaxWidth: 28, data: stats.queues.map((q) => q[b]) })),
    }),
    [stats, translate],
  );
  return (
    <>
      <PanelTitle title="gongji.dashboard.queues" />
      <Stack direction="row" spacing={3} sx={{ mb: 1 }} useFlexGap>
        {stats.queues.map((q) => (
          <Box key={q.queue}>
            <Typography variant="h5" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`queue-${q.queue}`}>
              {q.total}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {translate(`gongji.dashboard.queue.${q.queue}`)}
              {q.oldestAt ? ` · ${translate('gongji.dashboard.oldest', { days: daysSince(q.oldestAt) })}` : ''}
            </Typography>
          </Box>
        ))}
      </Stack>
      <EChart option={option} height={200} testId="chart-queues" />
    </>
  );
}

function ReviewShortcut() {
  const translate = useTranslate();
  return (
    <Button size="small" variant="contained" endIcon={<ArrowForwardIcon />} component={LinkBase} to="/review" sx={{ mt: 1 }}>
      {translate('gongji.dashboard.open_review')}
    </Button>
  );
}

function CaseworkerQueues(props: DashboardPanelProps) {
  return (
    <>
      <Queues {...props} />
      <ReviewShortcut />
    </>
  );
}

/** How many provinces share across provinces / within the province / only locally. */
function Sharing() {
  const translate = useTranslate();
  const { data } = useCrossProvinceMap();
  const counts = useMemo(() => {
    const c = { CROSS: 0, INTRA: 0, LOCAL: 0 };
    for (const r of data ?? []) c[sharingLevel(r)] += 1;
    return c;
  }, [data]);
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}：{c}' },
          data: SHARING_LEVELS.filter((l) => counts[l] > 0).map((l) => ({ name: translate(`gongji.policy_map.level.${l}`), value: counts[l], itemStyle: { color: SHARING_COLORS[l] } })),
        },
      ],
    }),
    [counts, translate],
  );
  return (
    <>
      <PanelTitle title="gongji.dashboard.sharing" />
      {data && <EChart option={option} height={240} testId="chart-sharing" />}
      <Button size="small" variant="outlined" endIcon={<ArrowForwardIcon />} component={LinkBase} to="/policy-map">
        {translate('gongji.dashboard.open_map')}
      </Button>
    </>
  );
}

registerDashboardPanel({ id: 'queues.caseworker', roles: ['CASEWORKER'], width: 6, order: 10, component: CaseworkerQueues });
registerDashboardPanel({ id: 'queues', roles: ['AUDITOR', 'FRAUD_ANALYST', 'REGIONAL_ADMIN'], width: 6, order: 40, component: Queues });
registerDashboardPanel({ id: 'mutualAid.byMonth', roles: ['CASEWORKER', 'FRAUD_ANALYST', 'REGIONAL_ADMIN', 'AUDITOR'], width: 6, order: 20, component: MutualAidByMonth });
registerDashboardPanel({ id: 'mutualAid.byProvince', roles: ['FRAUD_ANALYST', 'REGIONAL_ADMIN', 'AUDITOR', 'CASEWORKER'], width: 6, order: 30, component: MutualAidByProvince });
registerDashboardPanel({ id: 'sharing', roles: ['REGIONAL_ADMIN', 'AUDITOR'], width: 6, order: 35, component: Sharing });
