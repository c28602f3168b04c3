import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate, type Identifier } from 'react-admin';
import type { GongjiDataProvider, RevealedMember } from '../../providers/dataProvider';

export const MIN_REASON_LENGTH = 4;

/**
 * Asks why the clear personal data is needed, then calls `revealMember`. The clear values are
 * handed to `onRevealed` and must only ever live in component state (never in browser storage,
 * the URL or react-admin's store).
 */
export function RevealDialog(props: { memberId: Identifier; open: boolean; onClose: () => void; onRevealed: (r: RevealedMember) => void }) {
  const { memberId, open, onClose, onRevealed } = props;
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const tooShort = reason.trim().length < MIN_REASON_LENGTH;

  const close = () => {
    setReason('');
    onClose();
  };

  const submit = async () => {
    if (tooShort || busy) return;
    setBusy(true);
    try {
      const revealed = await dataProvider.revealMember(memberId, reason.trim());
      onRevealed(revealed);
      close();
    } catch (e) {
      notify((e as Error)?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : close} fullWidth maxWidth="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        autoComplete="off"
      >
        <DialogTitle>{translate('gongji.reveal.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('gongji.reveal.explain')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            label={translate('gongji.reveal.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reason.length > 0 && tooShort}
            helperText={reason.length > 0 && tooShort ? translate('gongji.reveal.reason_too_short') : translate('gongji.reveal.reason_help')}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={tooShort || busy}>
            {translate('gongji.reveal.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
