import { DateField } from '../../components/DateInputs';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Alert, Box, Button, Card, CardContent, CardHeader, Chip, CircularProgress, Grid, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { LinkBase, Title, useDataProvider, useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { canEditProvince, type AccessSubject } from '../../access';
import { beijingToday, EMPTY } from '../../format';
import type { GongjiDataProvider, ProvincePolicyStatus } from '../../providers/dataProvider';
import { ChinaMap } from './ChinaMap';
import { SHARING_COLORS, sharingLevel } from './sharing';

type Perms = AccessSubject & { scope: string | null };

/** The map's rows, with a reload after a change. */
export function useCrossProvinceMap(date?: string | null) {
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const [state, setState] = useState<{ data?: ProvincePolicyStatus[]; error?: unknown; isPending: boolean }>({ isPending: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let cancelled = false;
    dataProvider.crossProvinceMap(date).then(
      (data) => !cancelled && setState({ data, isPending: false }),
      (error: unknown) => !cancelled && setState({ error, isPending: false }),
    );
    return () => {
      cancelled = true;
    };
  }, [dataProvider, date, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

function LevelChip({ row }: { row: ProvincePolicyStatus }) {
  const translate = useTranslate();
  const level = sharingLevel(row);
  return <Chip size="small" label={translate(`gongji.policy_map.level.${level}`)} sx={{ bgcolor: SHARING_COLORS[level], color: level === 'LOCAL' ? 'text.primary' : '#fff' }} data-testid={`level-${row.provinceCode}`} data-level={level} />;
}

/** The selected province: its sharing in force, and (own provinces only) the cross-province switch. */
function ProvincePanel({ row, onChanged }: { row: ProvincePolicyStatus; onChanged: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const { permissions } = usePermissions<Perms>();
  const editable = canEditProvince(permissions, row.provinceCode);
  const [date, setDate] = useState(beijingToday());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const turnOn = !row.crossProvinceSharing;

  const submit = async () => {
    setBusy(true);
    try {
      const v = await dataProvider.setCrossProvinceSharing(row.provinceCode, turnOn, date, note.trim() || null);
      notify('gongji.policy_map.saved', { type: 'success', messageArgs: { version: v.version, date: v.effectiveFrom } });
      setNote('');
      onChanged();
      refresh();
    } catch (e) {
      notify((e as Error)?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const yes = (v: boolean) => translate(v ? 'gongji.policy_map.on' : 'gongji.policy_map.off');
  return (
    <Card variant="outlined" data-testid="province-panel">
      <CardHeader title={`${row.name}（${row.provinceCode}）`} action={<LevelChip row={row} />} slotProps={{ title: { variant: 'h6' } }} />
      <CardContent sx={{ pt: 0 }}>
        <Table size="small">
          <TableBody>
            <TableRow>
              <TableCell sx={{ color: 'text.secondary' }}>{translate('gongji.policy.rules.crossProvinceSharing')}</TableCell>
              <TableCell data-testid="cross-status">{yes(row.crossProvinceSharing)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell sx={{ color: 'text.secondary' }}>{translate('gongji.policy.rules.intraProvinceSharing')}</TableCell>
              <TableCell>{yes(row.intraProvinceSharing)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell sx={{ color: 'text.secondary' }}>{translate('gongji.policy_map.version_in_force')}</TableCell>
              <TableCell>
                v{row.version}（{translate('resources.policies.fields.effectiveFrom')} {row.effectiveFrom}）
              </TableCell>
            </TableRow>
            <TableRow>
              <TableCell sx={{ color: 'text.secondary' }}>{translate('gongji.policy_map.next')}</TableCell>
              <TableCell>{row.nextEffectiveFrom ?? EMPTY}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
        <Button sx={{ mt: 1.5 }} size="small" variant="outlined" startIcon={<OpenInNewIcon />} component={LinkBase} to={`/provinces/${row.provinceCode}/show`}>
          {translate('gongji.policy_map.open_policy')}
        </Button>
        <Box sx={{ mt: 3 }}>
          <Typography variant="subtitle2" gutterBottom>
            {translate(turnOn ? 'gongji.policy_map.turn_on_title' : 'gongji.policy_map.turn_off_title')}
          </Typography>
          {editable ? (
            <Stack spacing={1.5}>
              <DateField label="resources.policies.fields.effectiveFrom" value={date} onChange={setDate} min={beijingToday()} testId="map-effective-from" />
              <TextField size="small" label={translate('resources.policies.fields.note')} value={note} onChange={(e) => setNote(e.target.value)} helperText={translate('gongji.policy_map.note_help')} />
              <Box>
                <Button variant="contained" color={turnOn ? 'success' : 'warning'} disabled={busy || !date} onClick={submit} data-testid="toggle-cross">
                  {busy ? <CircularProgress size={18} /> : translate(turnOn ? 'gongji.policy_map.turn_on' : 'gongji.policy_map.turn_off')}
                </Button>
              </Box>
            </Stack>
          ) : (
            <Alert severity="info" data-testid="not-editable">
              {translate('gongji.policy_map.not_editable')}
            </Alert>
          )}
        </Box>
      </CardContent>
    </Card>
  );
}

/** 跨省共济地图: each province coloured by its sharing in force today; a click opens its panel. */
export function PolicyMapPage() {
  const translate = useTranslate();
  const { data: rows, isPending, error, reload } = useCrossProvinceMap();
  const { permissions } = usePermissions<Perms>();
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? (permissions?.scope?.length === 2 ? permissions.scope : null);
  const row = rows?.find((r) => r.provinceCode === current) ?? null;
  const cross = rows?.filter((r) => r.crossProvinceSharing).map((r) => r.provinceCode) ?? [];
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('gongji.policy_map.menu')} />
      {error ? <Alert severity="error">{(error as Error).message}</Alert> : null}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Card>
            <CardHeader
              title={translate('gongji.policy_map.title')}
              subheader={rows ? translate('gongji.policy_map.summary', { cross: cross.length, total: rows.length, date: beijingToday() }) : undefined}
            />
            <CardContent data-testid="map-card" data-cross={cross.join(',')}>
              {isPending ? <CircularProgress /> : rows ? <ChinaMap rows={rows} selected={current} onSelect={setSelected} /> : null}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          {row ? (
            <ProvincePanel key={row.provinceCode} row={row} onChanged={reload} />
          ) : (
            <Card variant="outlined">
              <CardContent>
                <Typography variant="body2" color="text.secondary">
                  {translate('gongji.policy_map.pick')}
                </Typography>
              </CardContent>
            </Card>
          )}
          {rows && (
            <Card variant="outlined" sx={{ mt: 2 }}>
              <Table size="small" data-testid="province-status-table">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('resources.provinces.fields.name')}</TableCell>
                    <TableCell>{translate('gongji.policy_map.status')}</TableCell>
                    <TableCell>{translate('resources.policies.fields.version')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((r) => (
                    <TableRow key={r.provinceCode} hover selected={r.provinceCode === current} onClick={() => setSelected(r.provinceCode)} sx={{ cursor: 'pointer' }}>
                      <TableCell>{r.name}</TableCell>
                      <TableCell>
                        <LevelChip row={r} />
                      </TableCell>
                      <TableCell>{translate('gongji.policy.version_n', { version: r.version })}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Card>
          )}
        </Grid>
      </Grid>
    </Box>
  );
}
