import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useState, type ReactElement, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/**
 * A button opening a dialog with its own fields plus the required reason; `submit` runs the
 * command and returns normally on success or throws (the message is shown, nothing changes).
 */
export function CommandDialog({
  label,
  title,
  help,
  icon,
  color = 'primary',
  testId,
  children,
  canSubmit,
  submit,
  onOpen,
}: {
  label: string;
  title: string;
  help?: string;
  icon?: ReactElement;
  color?: 'primary' | 'warning' | 'error' | 'success';
  testId: string;
  children?: ReactNode;
  canSubmit: boolean;
  submit: (reason: string) => Promise<void>;
  onOpen?: () => void;
}) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await submit(reason.trim());
      setOpen(false);
      setReason('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color={color}
        startIcon={icon}
        onClick={() => {
          setError(null);
          onOpen?.();
          setOpen(true);
        }}
        data-testid={testId}
      >
        {translate(label)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate(title)}</DialogTitle>
        <DialogContent>
          {help && (
            <Typography variant="body2" sx={{ mb: 2 }}>
              {translate(help)}
            </Typography>
          )}
          {children}
          <TextField
            fullWidth
            multiline
            minRows={2}
            size="small"
            sx={{ mt: 1 }}
            label={translate('gongji.commands.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'command-reason' } }}
          />
          {error && (
            <Typography color="error" variant="body2" sx={{ mt: 1 }} data-testid="command-error">
              {error}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color={color} disabled={busy || !canSubmit || reason.trim().length < 2} onClick={() => void run()} data-testid="command-confirm">
            {translate(label)}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
