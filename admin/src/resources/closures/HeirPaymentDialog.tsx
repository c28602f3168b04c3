import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, IconButton, Stack, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { yuanToFen } from '@gongji/shared';
import { useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { formatYuan } from '../../format';
import { decideClosurePayment } from '../../providers/registry';

interface Share {
  payeeName: string;
  bankAccount: string;
  amount: string;
}

function fenOf(s: string): number | null {
  try {
    const f = yuanToFen(s);
    return f > 0 ? f : null;
  } catch {
    return null;
  }
}

/** C2: the caseworker's decision — shares that add up exactly to the pending amount, with documents. */
export function HeirPaymentDialog({ closureId, pendingFen, open, onClose }: { closureId: number; pendingFen: number; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [shares, setShares] = useState<Share[]>([{ payeeName: '', bankAccount: '', amount: (pendingFen / 100).toFixed(2) }]);
  const [documents, setDocuments] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const amounts = shares.map((s) => fenOf(s.amount));
  const sum = amounts.reduce<number>((a, b) => a + (b ?? 0), 0);
  const docs = documents.split('\n').map((d) => d.trim()).filter(Boolean);
  const valid =
    sum === pendingFen && amounts.every((a) => a !== null) && shares.every((s) => s.payeeName.trim() && /^\d{8,30}$/.test(s.bankAccount)) && docs.length > 0 && reason.trim().length >= 2;
  const set = (i: number, patch: Partial<Share>) => setShares(shares.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  const submit = async () => {
    if (!valid || busy) return;
    setBusy(true);
    try {
      await decideClosurePayment({
        closureId,
        shares: shares.map((s, i) => ({ payeeName: s.payeeName.trim(), bankAccount: s.bankAccount, amountFen: amounts[i]! })),
        documents: docs,
        reason: reason.trim(),
      });
      notify('gongji.closure.done', { type: 'success' });
      refresh();
      onClose();
    } catch (e) {
      notify((e as Error)?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="md">
      <DialogTitle>{translate('gongji.closure.pay')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('gongji.closure.pay_explain')}</DialogContentText>
        <Stack spacing={1}>
          {shares.map((s, i) => (
            <Stack key={i} direction="row" spacing={1} sx={{ alignItems: "center" }}>
              <TextField size="small" label={translate('gongji.closure.payee')} value={s.payeeName} onChange={(e) => set(i, { payeeName: e.target.value })} />
              <TextField size="small" label={translate('gongji.closure.bank_account')} value={s.bankAccount} onChange={(e) => set(i, { bankAccount: e.target.value.replace(/\s/g, '') })} />
              <TextField size="small" label={translate('gongji.closure.amount')} value={s.amount} error={amounts[i] === null} onChange={(e) => set(i, { amount: e.target.value })} />
              <IconButton aria-label={translate('gongji.closure.remove_share')} disabled={shares.length === 1} onClick={() => setShares(shares.filter((_, j) => j !== i))}>
                <DeleteIcon />
              </IconButton>
            </Stack>
          ))}
          <Box>
            <Button size="small" onClick={() => setShares([...shares, { payeeName: '', bankAccount: '', amount: '' }])}>
              {translate('gongji.closure.add_share')}
            </Button>
          </Box>
          <Typography variant="body2" color={sum === pendingFen ? 'success.main' : 'error'}>
            {translate('gongji.closure.sum', { sum: formatYuan(sum), pending: formatYuan(pendingFen) })}
          </Typography>
          <TextField multiline minRows={2} label={translate('gongji.closure.documents')} value={documents} onChange={(e) => setDocuments(e.target.value)} />
          <TextField label={translate('gongji.closure.reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} />
          {sum !== pendingFen && <Alert severity="warning">{translate('gongji.closure.pay_explain')}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" disabled={!valid || busy} onClick={() => void submit()}>
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
