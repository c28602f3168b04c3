import { DateField } from './DateInputs';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { beijingToday } from '../format';
import type { Command, GongjiDataProvider } from '../providers/dataProvider';

/**
 * A command that needs a stated reason (and optionally a date): a button, a dialog, the mutation,
 * then a refresh. Refusals (RuleViolation) show in the user's language; nothing changes then.
 */
export function ReasonCommandButton({
  label,
  title,
  help,
  icon,
  color = 'primary',
  resource,
  run,
  withDate = false,
  testId,
}: {
  label: string;
  title: string;
  help?: string;
  icon?: ReactElement;
  color?: 'primary' | 'warning' | 'error' | 'success';
  resource: string;
  /** Build the command from the reason (and date): `cmd(<Document>, variables)`. */
  run: (reason: string, date: string) => Command;
  withDate?: boolean;
  testId?: string;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(beijingToday());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { document, variables } = run(reason.trim(), date);
      await dataProvider.command(resource, document, variables);
      notify('gongji.commands.done', { type: 'success', messageArgs: { action: translate(label) } });
      setOpen(false);
      setReason('');
      refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" variant="outlined" color={color} startIcon={icon} onClick={() => setOpen(true)} data-testid={testId}>
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
          {withDate && (
            <DateField label="gongji.commands.date" value={date} onChange={setDate} max={beijingToday()} testId="command-date" sx={{ mb: 2, mt: 1 }} />
          )}
          <TextField fullWidth multiline minRows={2} size="small" label={translate('gongji.commands.reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'command-reason' } }} />
          {error && (
            <Typography color="error" variant="body2" sx={{ mt: 1 }} data-testid="command-error">
              {error}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color={color} disabled={busy || reason.trim().length < 2 || (withDate && !date)} onClick={() => void submit()} data-testid="command-confirm">
            {translate(label)}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
