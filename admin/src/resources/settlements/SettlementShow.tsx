import { SHOW_STATES } from '../../components/states';
import FlagIcon from '@mui/icons-material/Flag';
import InsightsIcon from '@mui/icons-material/Insights';
import { Button, Chip, LinearProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  BooleanField,
  Labeled,
  Link,
  LinkBase,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useGetMany,
  useLocale,
  useNavigate,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumField, MonoField, RegionField, useEnumLabel, YuanField } from '../../components/fields';
import { FieldGrid, Muted, Section, ShowBody } from '../../components/layout';
import { EMPTY, formatDateTime, formatRegion, formatYuan } from '../../format';
import { FlagFraudDocument } from '../../providers/commands';
import type { GongjiDataProvider, SettlementDetail } from '../../providers/dataProvider';

type SettlementRecord = SettlementDetail;

/** F9 from any settlement page: flag it as impersonation with a reason; opens or joins a case. */
export function FlagImpersonationButton() {
  const r = useRecordContext<SettlementRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'settlements', action: 'flag' });
  const { canAccess: canSeeCases } = useCanAccess({ resource: 'fraudCases', action: 'show' });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!r || !canAccess) return null;
  const submit = async () => {
    if (!reason.trim()) return;
    setBusy(true);
    try {
      const { data } = await dataProvider.command('fraudCases', FlagFraudDocument, { input: { settlementId: r.id, reason: reason.trim() } });
      notify('gongji.fraud.flagged', { type: 'success', messageArgs: { id: data.id } });
      setOpen(false);
      if (canSeeCases) navigate(`/fraudCases/${data.id}/show`);
    } catch (e) {
      notify((e as Error).message, { type: 'error', autoHideDuration: 10_000 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button color="error" variant="outlined" size="small" startIcon={<FlagIcon />} onClick={() => { setReason(translate('gongji.fraud.flag_default')); setOpen(true); }} data-testid="flag-impersonation">
        {translate('gongji.fraud.flag')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" data-testid="flag-dialog">
        <DialogTitle>{translate('gongji.fraud.flag_title', { id: r.id })}</DialogTitle>
        <DialogContent>
          <MuiTextField autoFocus fullWidth multiline minRows={2} required label={translate('gongji.fraud.flag_reason')} value={reason} error={!reason.trim()} helperText={!reason.trim() ? translate('gongji.fraud.reason_required') : undefined} onChange={(e) => setReason(e.target.value)} sx={{ mt: 1 }} data-testid="flag-reason" />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="error" disabled={busy || !reason.trim()} onClick={submit} data-testid="flag-submit">
            {translate('gongji.fraud.flag')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

function Actions() {
  const r = useRecordContext<SettlementRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'fraudCases', action: 'list' });
  return (
    <TopToolbar>
      {r && canAccess && (
        <Button size="small" startIcon={<InsightsIcon />} component={LinkBase} to={`/risk-profile/${r.patientId}`}>
          {translate('gongji.fraud.risk_profile')}
        </Button>
      )}
      <FlagImpersonationButton />
    </TopToolbar>
  );
}

/** S3: own account, each giver in payment order, then cash; the pool-fund part for reference. */
function SplitTable() {
  const r = useRecordContext<SettlementRecord>();
  const translate = useTranslate();
  const { data: payers } = useGetMany('members', { ids: [...new Set((r?.payments ?? []).map((p) => p.payerMemberId))] }, { enabled: !!r?.payments?.length });
  if (!r) return null;
  const name = (id: number) => payers?.find((m) => m.id === id)?.name ?? '';
  const payments = [...r.payments].sort((a, b) => a.seq - b.seq);
  return (
    <Table size="small" data-testid="split">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 70 }}>{translate('gongji.fraud.seq')}</TableCell>
          <TableCell>{translate('gongji.fraud.payer')}</TableCell>
          <TableCell align="right">{translate('gongji.fraud.amount')}</TableCell>
          <TableCell align="right">{translate('gongji.fraud.from_reserve')}</TableCell>
          <TableCell align="right">{translate('gongji.fraud.reversed')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {payments.map((p) => (
          <TableRow key={p.id}>
            <TableCell>{p.seq}</TableCell>
            <TableCell>
              {p.bindingId == null ? (
                translate('gongji.fraud.own_account')
              ) : (
                <>
                  <Link to={`/bindings/${p.bindingId}/show`}>{translate('gongji.fraud.giver_payment', { id: p.bindingId })}</Link>
                  {'：'}
                  <Link to={`/members/${p.payerMemberId}/show`}>
                    {name(p.payerMemberId)}（#{p.payerMemberId}）
                  </Link>
                </>
              )}
            </TableCell>
            <TableCell align="right">{formatYuan(p.amountFen)}</TableCell>
            <TableCell align="right">{p.fromReserveFen ? formatYuan(p.fromReserveFen) : EMPTY}</TableCell>
            <TableCell align="right">{p.reversedFen ? formatYuan(p.reversedFen) : EMPTY}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell>{payments.length + 1}</TableCell>
          <TableCell>{translate('gongji.fraud.cash')}</TableCell>
          <TableCell align="right">{formatYuan(r.cashFen)}</TableCell>
          <TableCell align="right">{EMPTY}</TableCell>
          <TableCell align="right">{r.cashReversedFen ? formatYuan(r.cashReversedFen) : EMPTY}</TableCell>
        </TableRow>
        <TableRow sx={{ '& td': { fontWeight: 600 } }}>
          <TableCell />
          <TableCell>{translate('resources.settlements.fields.selfPayFen')}</TableCell>
          <TableCell align="right">{formatYuan(r.selfPayFen)}</TableCell>
          <TableCell />
          <TableCell />
        </TableRow>
        <TableRow sx={{ '& td': { color: 'text.secondary' } }}>
          <TableCell />
          <TableCell>{translate('gongji.fraud.pool')}</TableCell>
          <TableCell align="right">{formatYuan(r.poolFen)}</TableCell>
          <TableCell />
          <TableCell />
        </TableRow>
      </TableBody>
    </Table>
  );
}

function Reversals() {
  const r = useRecordContext<SettlementRecord>();
  const translate = useTranslate();
  if (!r) return null;
  if (!r.reversals.length) return <Muted text="gongji.fraud.no_reversals" />;
  return (
    <Table size="small" data-testid="reversals">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.settlements.fields.serialNo')}</TableCell>
          <TableCell>{translate('resources.settlements.fields.createdAt')}</TableCell>
          <TableCell align="right">{translate('gongji.fraud.amount')}</TableCell>
          <TableCell align="right">{translate('gongji.fraud.own_account')} / {translate('gongji.fraud.giver')}</TableCell>
          <TableCell align="right">{translate('gongji.fraud.cash')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {r.reversals.map((v) => (
          <TableRow key={v.id}>
            <TableCell sx={{ fontFamily: 'monospace' }}>{v.serialNo}</TableCell>
            <TableCell>{formatDateTime(v.createdAt)}</TableCell>
            <TableCell align="right">{formatYuan(v.amountFen)}</TableCell>
            <TableCell align="right">{formatYuan(v.accountFen)}</TableCell>
            <TableCell align="right">{formatYuan(v.cashFen)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function PolicyVersions() {
  const r = useRecordContext<SettlementRecord>();
  const translate = useTranslate();
  const locale = useLocale();
  const label = useEnumLabel();
  if (!r) return null;
  return (
    <Table size="small" data-testid="policy-versions">
      <TableHead>
        <TableRow>
          <TableCell>{translate('gongji.fraud.role')}</TableCell>
          <TableCell>{translate('gongji.fraud.member')}</TableCell>
          <TableCell>{translate('gongji.fraud.province')}</TableCell>
          <TableCell>{translate('gongji.fraud.version')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {r.policyVersions.map((v) => (
          <TableRow key={`${v.role}-${v.memberId}`}>
            <TableCell>{label('payerRole', v.role)}</TableCell>
            <TableCell>
              <Link to={`/members/${v.memberId}/show`}>#{v.memberId}</Link>
            </TableCell>
            <TableCell>{formatRegion(v.provinceCode, locale)}</TableCell>
            <TableCell>
              <Link to={`/policies/${v.policyVersionId}/show`}>#{v.policyVersionId}</Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function PatientLine() {
  const r = useRecordContext<SettlementRecord>();
  const translate = useTranslate();
  if (!r) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Link to={`/members/${r.patientId}/show`}>
        {r.patient?.name ?? EMPTY}（#{r.patientId}）
      </Link>
      <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
        {r.patient?.idNumber}
      </Typography>
      {r.patient?.suspendedUntil && <Chip size="small" color="warning" label={`${translate('resources.members.fields.suspendedUntil')} ${r.patient.suspendedUntil}`} />}
    </Stack>
  );
}

function Title() {
  const r = useRecordContext<SettlementRecord>();
  const translate = useTranslate();
  return <>{r ? `${translate('resources.settlements.name', { smart_count: 1 })} #${r.id}` : ''}</>;
}

/** The list's row (no split) is shown while the full settlement loads. */
function WhenLoaded({ children }: { children: React.ReactNode }) {
  const r = useRecordContext<SettlementRecord>();
  if (!r) return null;
  if (!Array.isArray(r.payments)) return <LinearProgress sx={{ m: 2 }} />;
  return <>{children}</>;
}

export function SettlementShow() {
  const translate = useTranslate();
  return (
    <Show {...SHOW_STATES} actions={<Actions />} title={<Title />}>
      <WhenLoaded>
      <ShowBody>
        <Section title="resources.settlements.name">
          <FieldGrid>
            <TextField source="id" />
            <MonoField source="serialNo" />
            <EnumField source="status" enumName="settlementStatus" chip />
            <DateTimeField source="treatedAt" />
            <DateTimeField source="createdAt" />
            <EnumField source="category" enumName="category" />
          </FieldGrid>
          <FieldGrid>
            <ReferenceField source="institutionId" reference="institutions" link={false} />
            <RegionField source="placeRegion" />
            <RegionField source="patientRegion" />
            <BooleanField source="offsite" />
            <BooleanField source="acctUsedFlag" />
          </FieldGrid>
          <FieldGrid>
            <Labeled label="resources.settlements.fields.patientId">
              <PatientLine />
            </Labeled>
            <EnumField source="credentialType" enumName="credentialType" />
            <MonoField source="credentialNoMasked" />
          </FieldGrid>
          <FieldGrid>
            <YuanField source="totalFen" />
            <YuanField source="poolFen" />
            <YuanField source="selfPayFen" />
            <YuanField source="acctPayFen" />
            <YuanField source="mulaidPayFen" />
            <YuanField source="cashFen" />
            <YuanField source="reversedFen" />
          </FieldGrid>
        </Section>
        <Section title="gongji.fraud.split">
          <SplitTable />
        </Section>
        <Section title="gongji.fraud.reversals">
          <Reversals />
        </Section>
        <Section title="gongji.fraud.policy_versions">
          <PolicyVersions />
        </Section>
        <Typography variant="caption" color="text.secondary">
          {translate('resources.settlements.fields.drugCodes')}：<DrugCodes />
        </Typography>
      </ShowBody>
      </WhenLoaded>
    </Show>
  );
}

function DrugCodes() {
  const r = useRecordContext<{ drugCodes?: string[] }>();
  return <>{r?.drugCodes?.length ? r.drugCodes.join('、') : EMPTY}</>;
}
