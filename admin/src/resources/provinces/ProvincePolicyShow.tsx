import { useActorLabel, useLocalText } from '../../components/localText';
import AddIcon from '@mui/icons-material/Add';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { Alert, Box, Button, Card, CardContent, CardHeader, Chip, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { LinkBase, Title, useDataProvider, useNotify, usePermissions, useRecordContext, useTranslate, ShowBase, type RaRecord } from 'react-admin';
import { canEditProvince, type AccessSubject } from '../../access';
import { useEnumLabel } from '../../components/fields';
import { beijingToday, EMPTY, formatDateTime } from '../../format';
import { WithdrawPolicyVersionDocument } from '../../providers/commands';
import type { GongjiDataProvider, PolicyChange, PolicyHistoryVersion } from '../../providers/dataProvider';
import { diffPathKey, parseRules } from '../policies/rules';
import { RulesView, useKnobText } from '../policies/RulesView';
import { POLICY_KNOB_BY_KEY } from '@gongji/shared';

type Version = PolicyHistoryVersion;

function useHistory(code: string | undefined, reload: number) {
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const [state, setState] = useState<{ data?: Version[]; error?: Error }>({});
  useEffect(() => {
    if (!code) return;
    let cancelled = false;
    dataProvider.policyHistory(code).then(
      (data) => !cancelled && setState({ data: data as Version[] }),
      (error: Error) => !cancelled && setState({ error }),
    );
    return () => {
      cancelled = true;
    };
  }, [code, dataProvider, reload]);
  return state;
}

/** One before/after value of policyDiff (JSON text) shown readably, as the knob catalogue types it. */
function DiffValue({ path, json }: { path: string; json: string | null }) {
  const translate = useTranslate();
  const label = useEnumLabel();
  const knobText = useKnobText();
  if (json === null) return <>{EMPTY}</>;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return <>{json}</>;
  }
  const knob = POLICY_KNOB_BY_KEY.get(path) ?? POLICY_KNOB_BY_KEY.get(path.split('.', 1)[0]);
  if (!knob) return <>{v === null ? EMPTY : String(v)}</>;
  if (knob.type === 'proofs') {
    // requiredProofs.<relationship>: the document types, any one of which will do
    const docs = Array.isArray(v) ? v.map(String) : [];
    return <>{docs.length ? docs.map((d) => label(knob.enumName!, d)).join('、') : translate('gongji.policy.none')}</>;
  }
  if (knob.type === 'enumSet' && Array.isArray(v)) return <>{v.length ? v.map((x) => label(knob.enumName!, String(x))).join('、') : translate('gongji.policy.none')}</>;
  return <>{knobText(knob, v)}</>;
}

export function DiffTable({ changes }: { changes: PolicyChange[] }) {
  const translate = useTranslate();
  const label = useEnumLabel();
  if (!changes.length) return <Typography variant="body2">{translate('gongji.policy.no_changes')}</Typography>;
  return (
    <Table size="small" data-testid="policy-diff">
      <TableHead>
        <TableRow>
          <TableCell>{translate('gongji.policy.item')}</TableCell>
          <TableCell>{translate('gongji.policy.before')}</TableCell>
          <TableCell>{translate('gongji.policy.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c) => {
          const { key, sub } = diffPathKey(c.path);
          return (
            <TableRow key={c.path}>
              <TableCell>
                {translate(key, { _: c.path })}
                {sub ? `（${label('relationship', sub)}）` : ''}
              </TableCell>
              <TableCell sx={{ color: 'error.main' }}>
                <DiffValue path={c.path} json={c.before} />
              </TableCell>
              <TableCell sx={{ color: 'success.main' }}>
                <DiffValue path={c.path} json={c.after} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function VersionDiff({ versions }: { versions: Version[] }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const [fromId, setFromId] = useState<number | ''>(versions.length > 1 ? Number(versions[versions.length - 2].id) : '');
  const [toId, setToId] = useState<number | ''>(versions.length ? Number(versions[versions.length - 1].id) : '');
  const [changes, setChanges] = useState<PolicyChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (fromId === '' || toId === '') return;
    let cancelled = false;
    setChanges(null);
    dataProvider.policyDiff(fromId, toId).then(
      (c) => !cancelled && (setChanges(c), setError(null)),
      (e: Error) => !cancelled && setError(e.message),
    );
    return () => {
      cancelled = true;
    };
  }, [fromId, toId, dataProvider]);
  if (versions.length < 2) return <Typography variant="body2">{translate('gongji.policy.single_version')}</Typography>;
  const pick = (value: number | '', set: (v: number) => void, label: string) => (
    <TextField select size="small" label={translate(label)} value={value} onChange={(e) => set(Number(e.target.value))} sx={{ minWidth: 220 }}>
      {versions.map((v) => (
        <MenuItem key={v.id} value={v.id}>
          v{v.version} · {v.effectiveFrom}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        {pick(fromId, setFromId, 'gongji.policy.compare_from')}
        <CompareArrowsIcon color="action" />
        {pick(toId, setToId, 'gongji.policy.compare_to')}
      </Stack>
      {error ? <Alert severity="error">{error}</Alert> : changes ? <DiffTable changes={changes} /> : <CircularProgress size={24} />}
    </Box>
  );
}

function ProvincePolicy() {
  const province = useRecordContext<RaRecord & { code: string; name: string }>();
  const translate = useTranslate();
  const { permissions } = usePermissions<AccessSubject & { scope: string | null }>();
  const [reload, setReload] = useState(0);
  const local = useLocalText();
  const actor = useActorLabel();
  const { data: versions, error } = useHistory(province?.code, reload);
  const today = beijingToday();
  const inForce = useMemo(() => versions?.filter((v) => v.effectiveFrom <= today).at(-1) ?? null, [versions, today]);
  if (!province) return null;
  const editable = canEditProvince(permissions, province.code);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={`${province.name} · ${translate('resources.policies.name', { smart_count: 2 })}`} />
      {error ? <Alert severity="error">{error.message}</Alert> : null}
      <Card sx={{ mb: 2 }}>
        <CardHeader
          title={`${province.name}（${province.code}）`}
          subheader={inForce ? translate('gongji.policy.in_force_line', { version: inForce.version, date: inForce.effectiveFrom }) : undefined}
          action={
            editable ? (
              <Button variant="contained" startIcon={<AddIcon />} component={LinkBase} to={`/policies/create?province=${province.code}`} data-testid="new-version">
                {translate('gongji.policy.new_version')}
              </Button>
            ) : (
              <Chip label={translate('gongji.policy.read_only')} variant="outlined" />
            )
          }
        />
        <CardContent>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
            {translate('gongji.policy.history')}
          </Typography>
          {!versions ? (
            <CircularProgress size={24} />
          ) : (
            <Table size="small" data-testid="policy-history">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.policies.fields.version')}</TableCell>
                  <TableCell>{translate('resources.policies.fields.effectiveFrom')}</TableCell>
                  <TableCell>{translate('resources.policies.fields.note')}</TableCell>
                  <TableCell>{translate('resources.policies.fields.createdByName')}</TableCell>
                  <TableCell>{translate('resources.policies.fields.createdAt')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {[...versions].reverse().map((v) => (
                  <TableRow key={v.id} selected={v.id === inForce?.id}>
                    <TableCell>{translate('gongji.policy.version_n', { version: v.version })}</TableCell>
                    <TableCell>{v.effectiveFrom}</TableCell>
                    <TableCell>{local(v.note) || EMPTY}</TableCell>
                    <TableCell>{actor(v.createdByName) || EMPTY}</TableCell>
                    <TableCell>{formatDateTime(v.createdAt)}</TableCell>
                    <TableCell>
                      {v.id === inForce?.id ? (
                        <Chip size="small" color="success" label={translate('gongji.policy.in_force')} />
                      ) : v.effectiveFrom > today ? (
                        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                          <Chip size="small" color="info" variant="outlined" label={translate('gongji.policy.scheduled')} />
                          {editable && <WithdrawButton version={v} onDone={() => setReload((n) => n + 1)} />}
                        </Stack>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {versions && (
        <Card sx={{ mb: 2 }}>
          <CardHeader title={translate('gongji.policy.diff')} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} />
          <CardContent>
            <VersionDiff versions={versions} />
          </CardContent>
        </Card>
      )}
      {inForce && (
        <Card>
          <CardHeader title={translate('gongji.policy.current_rules', { version: inForce.version })} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} />
          <CardContent>
            <RulesView rules={parseRules(inForce.rules)} />
          </CardContent>
        </Card>
      )}
    </Box>
  );
}

/** Withdraw a scheduled (not yet effective) version, with a reason (audited by the API). */
function WithdrawButton({ version, onDone }: { version: Version; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await dataProvider.command('policies', WithdrawPolicyVersionDocument, { id: version.id, reason: reason.trim() });
      notify('gongji.policy.withdrawn', { type: 'success', messageArgs: { version: version.version } });
      setOpen(false);
      onDone();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" color="warning" onClick={() => setOpen(true)} data-testid={`withdraw-${version.version}`}>
        {translate('gongji.policy.withdraw')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('gongji.policy.withdraw_title', { version: version.version, date: version.effectiveFrom })}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('gongji.policy.withdraw_help')}
          </Typography>
          <TextField fullWidth multiline minRows={2} size="small" label={translate('gongji.policy.withdraw_reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'withdraw-reason' } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="warning" variant="contained" disabled={busy || reason.trim().length < 2} onClick={() => void submit()} data-testid="withdraw-confirm">
            {translate('gongji.policy.withdraw')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** A province's policy: the version in force, the full history, and a diff between any two versions. */
export function ProvincePolicyShow() {
  return (
    <ShowBase>
      <ProvincePolicy />
    </ShowBase>
  );
}
