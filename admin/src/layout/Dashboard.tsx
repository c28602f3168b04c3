import { Alert, Box, Card, CardContent, Chip, CircularProgress, Grid, Stack, Typography } from '@mui/material';
import type { StaffPermission, StaffRole } from '@gongji/shared';
import { useEffect, useState } from 'react';
import { Title, useDataProvider, useGetIdentity, useLocale, usePermissions, useTranslate } from 'react-admin';
import { useEnumLabel } from '../components/fields';
import '../dashboard/builtinPanels';
import '../dashboard/fraudPanel';
import { panelsFor } from '../dashboard/panels';
import { takePrefetchedStats } from '../dashboard/prefetch';
import { formatScope, formatYuan } from '../format';
import type { DashboardStats, GongjiDataProvider } from '../providers/dataProvider';

interface Perms {
  roles: StaffRole[];
  permissions: StaffPermission[];
  scope: string | null;
}

function useStats(enabled: boolean) {
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const [state, setState] = useState<{ data?: DashboardStats; error?: string }>({});
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    (takePrefetchedStats<DashboardStats>(6) ?? Promise.reject(new Error('none')))
      .catch(() => dataProvider.dashboardStats(6))
      .then(
        (data) => !cancelled && setState({ data }),
        (e: Error) => !cancelled && setState({ error: e.message }),
      );
    return () => {
      cancelled = true;
    };
  }, [dataProvider, enabled]);
  return state;
}

function Kpi({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ flex: '1 1 160px' }}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="caption" color="text.secondary">
          {translate(label)}
        </Typography>
        <Typography variant="h6" component="div" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={testId}>
          {value}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** The home page: who you are, today's settlements, and the charts your roles need. */
export function Dashboard() {
  const translate = useTranslate();
  const locale = useLocale();
  const label = useEnumLabel();
  const { identity } = useGetIdentity();
  const { permissions, isPending } = usePermissions<Perms>();
  const hasRole = !!permissions?.roles.length;
  const { data: stats, error } = useStats(hasRole);
  const panels = panelsFor(permissions?.roles ?? []);

  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title={translate('gongji.app.title')} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }} useFlexGap>
        <Typography variant="h6" component="h1" sx={{ flexGrow: 1 }}>
          {identity?.fullName ? translate('gongji.dashboard.greeting', { name: identity.fullName }) : translate('gongji.dashboard.welcome')}
        </Typography>
        {!isPending && permissions && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            {permissions.roles.map((r) => (
              <Chip key={r} color="primary" size="small" label={label('staffRole', r)} />
            ))}
            <Chip size="small" variant="outlined" label={translate('gongji.dashboard.scope_chip', { scope: formatScope(permissions.scope, locale) })} />
            {permissions.permissions.map((p) => (
              <Chip key={p} size="small" variant="outlined" label={label('staffPermission', p)} />
            ))}
          </Stack>
        )}
      </Stack>
      {!isPending && permissions && !hasRole && <Alert severity="warning">{translate('gongji.dashboard.no_roles')}</Alert>}
      {error && <Alert severity="error">{error}</Alert>}
      {hasRole && !stats && !error && <CircularProgress />}
      {stats && (
        <>
          <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('gongji.dashboard.today', { date: stats.today.date })}
          </Typography>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} data-testid="today">
            <Kpi label="gongji.dashboard.kpi_count" value={String(stats.today.count)} testId="kpi-count" />
            <Kpi label="gongji.dashboard.kpi_self_pay" value={formatYuan(stats.today.selfPayFen)} />
            <Kpi label="gongji.dashboard.kpi_acct" value={formatYuan(stats.today.acctPayFen)} />
            <Kpi label="gongji.dashboard.kpi_mulaid" value={formatYuan(stats.today.mulaidPayFen)} testId="kpi-mulaid" />
            <Kpi label="gongji.dashboard.kpi_mulaid_count" value={String(stats.today.mutualAidCount)} />
            <Kpi label="gongji.dashboard.kpi_cash" value={formatYuan(stats.today.cashFen)} />
          </Stack>
          <Grid container spacing={2}>
            {panels.map((p) => (
              <Grid key={p.id} size={{ xs: 12, lg: p.width }}>
                <Card sx={{ height: '100%' }}>
                  <CardContent>
                    <p.component stats={stats} scope={permissions?.scope ?? null} />
                  </CardContent>
                </Card>
              </Grid>
            ))}
          </Grid>
        </>
      )}
    </Box>
  );
}
