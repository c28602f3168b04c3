import { Alert, Box, Button, Card, CardContent, Checkbox, FormControlLabel, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useRedirect, useTranslate } from 'react-admin';
import { uploadRegistryFile, type ImportKind } from '../../providers/registry';

/** R1: choose a file, its type and (for CSV) its encoding; a dry run by default. */
export function ImportCreate() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<ImportKind>('members');
  const [encoding, setEncoding] = useState<'' | 'utf8' | 'gb18030'>('');
  const [dryRun, setDryRun] = useState(true);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    if (!file || busy) return;
    setBusy(true);
    try {
      const jobId = await uploadRegistryFile(file, kind, dryRun, encoding || undefined);
      redirect('show', 'importJobs', jobId);
    } catch (e) {
      notify((e as Error)?.message || 'gongji.import.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 760 }}>
      <Title title={translate('gongji.import.title')} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6">{translate('gongji.import.title')}</Typography>
          <Alert severity="info">{translate('gongji.import.explain')}</Alert>
          <Typography variant="body2" color="text.secondary">
            {translate('gongji.import.columns_help')}
          </Typography>
          <Box>
            <Button variant="outlined" component="label">
              {translate('gongji.import.file')}
              <input hidden type="file" accept=".csv,.xlsx,text/csv" aria-label={translate('gongji.import.file')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </Button>
            <Typography component="span" sx={{ ml: 2 }} variant="body2">
              {file?.name}
            </Typography>
          </Box>
          <TextField select label={translate('gongji.import.kind')} value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} sx={{ maxWidth: 320 }}>
            <MenuItem value="members">{translate('gongji.enums.importKind.MEMBERS')}</MenuItem>
            <MenuItem value="events">{translate('gongji.enums.importKind.EVENTS')}</MenuItem>
          </TextField>
          <TextField select label={translate('gongji.import.encoding')} value={encoding} onChange={(e) => setEncoding(e.target.value as '' | 'utf8' | 'gb18030')} sx={{ maxWidth: 320 }}>
            <MenuItem value="">{translate('gongji.import.encoding_auto')}</MenuItem>
            <MenuItem value="utf8">UTF-8</MenuItem>
            <MenuItem value="gb18030">GB18030 / GBK</MenuItem>
          </TextField>
          <FormControlLabel control={<Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />} label={translate('gongji.import.dry_run')} />
          <Box>
            <Button variant="contained" disabled={!file || busy} onClick={() => void start()}>
              {busy ? translate('gongji.import.uploading') : translate('gongji.import.start')}
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
}
