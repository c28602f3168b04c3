import { Alert, Box, Button, Chip, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, TextField, Typography } from '@mui/material';
import { yuanToFen } from '@gongji/shared';
import { useState } from 'react';
import { useCanAccess, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useEnumLabel } from '../../components/fields';
import { Muted } from '../../components/layout';
import { EMPTY, formatDateTime, formatYuan } from '../../format';
import { fetchMemberCharges, recordCharge, waiveCharge, type ChargeRow } from './charges';
import { usePagedFetch } from '../../components/usePagedFetch';

const STATE_COLOR: Record<string, 'warning' | 'success' | 'default'> = { OPEN: 'warning', PAID: 'success' };

function fenOf(s: string): number | null {
  try {
    const f = yuanToFen(s);
    return f > 0 ? f : null;
  } catch {
    return null;
  }
}

/** C1: record a charge — kind, amount, reason; a fraud recovery names its confirmed case. */
function RecordDialog({ memberId, open, onClose, onDone }: { memberId: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const translate = useTranslate();
  const label = useEnumLabel();
  const notify = useNotify();
  const [kind, setKind] = useState<'OTHER' | 'FRAUD_RECOVERY'>('OTHER');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [caseId, setCaseId] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fen = fenOf(amount);
  const valid = fen !== null && reason.trim().length > 0 && (kind === 'OTHER' || /^\d+$/.test(caseId));
  const t = (k: string) => translate(`gongji.charges.${k}`);
  const submit = async () => {
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    try {
      await recordCharge({
        memberId,
        kind,
        amountFen: fen!,
        reason: reason.trim(),
        fraudCaseId: kind === 'FRAUD_RECOVERY' ? Number(caseId) : undefined,
        documentRef: documentRef.trim() || undefined,
      });
      notify('gongji.charges.done', { type: 'success' });
      setAmount('');
      setReason('');
      setCaseId('');
      setDocumentRef('');
      onDone();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('record')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField select size="small" label={t('kind')} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} data-testid="charge-kind">
            {(['OTHER', 'FRAUD_RECOVERY'] as const).map((k) => (
              <MenuItem key={k} value={k}>
                {label('chargeKind', k)}
              </MenuItem>
            ))}
          </TextField>
          <TextField size="small" label={t('amount')} value={amount} error={amount !== '' && fen === null} onChange={(e) => setAmount(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'charge-amount' } }} />
          {kind === 'FRAUD_RECOVERY' && <TextField size="small" label={t('fraud_case')} value={caseId} onChange={(e) => setCaseId(e.target.value.replace(/\D/g, ''))} />}
          <TextField size="small" multiline minRows={2} label={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'charge-reason' } }} />
          <TextField size="small" label={t('document')} value={documentRef} onChange={(e) => setDocumentRef(e.target.value)} slotProps={{ htmlInput: { maxLength: 200 } }} />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" disabled={!valid || busy} onClick={() => void submit()} data-testid="charge-submit">
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** C1: waive what is unpaid of an open charge, with a reason. */
function WaiveDialog({ charge, onClose, onDone }: { charge: ChargeRow | null; onClose: () => void; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!charge || !reason.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      await waiveCharge(charge.id, reason.trim());
      notify('gongji.charges.done', { type: 'success' });
      setReason('');
      onDone();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={!!charge} onClose={busy ? undefined : onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('gongji.charges.waive_title', { id: charge?.id ?? '' })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {charge && <Typography variant="body2">{`${translate('gongji.charges.unpaid')}：${formatYuan(charge.amountFen - charge.paidFen)}`}</Typography>}
          <TextField size="small" multiline minRows={2} label={translate('gongji.charges.waive_reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" color="warning" disabled={!reason.trim() || busy} onClick={() => void submit()}>
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** C1 应收未收 on the member page: the list; caseworkers record and waive (the API checks role and scope again). */
export function ChargesSection() {
  const record = useRecordContext<{ id: number; status: string; account?: unknown }>();
  const translate = useTranslate();
  const label = useEnumLabel();
  const { canAccess } = useCanAccess({ resource: 'members', action: 'edit' });
  const memberId = record?.id;
  const { page, setPage, perPage, setPerPage, state, reload } = usePagedFetch(memberId, fetchMemberCharges);
  const [recording, setRecording] = useState(false);
  const [waiving, setWaiving] = useState<ChargeRow | null>(null);

  if (!record) return null;
  const t = (k: string) => translate(`gongji.charges.${k}`);
  const done = () => reload();
  const canRecord = canAccess && record.status === 'ACTIVE' && !!record.account;
  if (state.error)
    return (
      <Alert severity="error" action={<Chip label={translate('gongji.errors.retry')} onClick={done} />}>
        {state.error}
      </Alert>
    );
  if (!state.data) return <CircularProgress size={24} />;
  const { items, total } = state.data;
  return (
    <Box data-testid="charges-section">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>
          {t('explain')}
        </Typography>
        {canRecord && (
          <Button size="small" variant="outlined" onClick={() => setRecording(true)} data-testid="charge-record">
            {t('record')}
          </Button>
        )}
      </Stack>
      {!total ? (
        <Muted text="gongji.charges.none" />
      ) : (
        <>
          <Table size="small" data-testid="charges-table">
            <TableHead>
              <TableRow sx={{ '& th': { whiteSpace: 'nowrap' } }}>
                <TableCell>{translate('resources.members.fields.id')}</TableCell>
                <TableCell>{t('kind')}</TableCell>
                <TableCell align="right">{t('amount')}</TableCell>
                <TableCell align="right">{t('paid')}</TableCell>
                <TableCell>{t('state')}</TableCell>
                <TableCell>{t('reason')}</TableCell>
                <TableCell>{t('created')}</TableCell>
                <TableCell>{t('settled')}</TableCell>
                {canAccess && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{c.id}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {label('chargeKind', c.kind)}
                    {c.fraudCaseId ? ` #${c.fraudCaseId}` : ''}
                  </TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {formatYuan(c.amountFen)}
                  </TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {formatYuan(c.paidFen)}
                  </TableCell>
                  <TableCell>
                    <Chip size="small" color={STATE_COLOR[c.state] ?? 'default'} label={label('chargeState', c.state)} />
                  </TableCell>
                  <TableCell>
                    {c.reason}
                    {c.documentRef ? `（${c.documentRef}）` : ''}
                    {c.waiveReason ? ` — ${c.waiveReason}` : ''}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{`${formatDateTime(c.createdAt)} ${c.createdBy}`}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {c.settledAt ? `${formatDateTime(c.settledAt)} ${c.settledBy ?? ''}` : EMPTY}
                    {c.closureId ? ` · ${translate('gongji.charges.closure', { id: c.closureId })}` : ''}
                  </TableCell>
                  {canAccess && (
                    <TableCell>
                      {c.state === 'OPEN' && (
                        <Button size="small" color="warning" onClick={() => setWaiving(c)}>
                          {t('waive')}
                        </Button>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <TablePagination
            data-noprint
            component="div"
            count={total}
            page={page}
            rowsPerPage={perPage}
            rowsPerPageOptions={[10, 25, 50]}
            onPageChange={(_, p) => setPage(p)}
            onRowsPerPageChange={(e) => {
              setPerPage(Number(e.target.value));
              setPage(0);
            }}
            labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
            labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
          />
        </>
      )}
      {canRecord && <RecordDialog memberId={record.id} open={recording} onClose={() => setRecording(false)} onDone={done} />}
      <WaiveDialog charge={waiving} onClose={() => setWaiving(null)} onDone={done} />
    </Box>
  );
}
