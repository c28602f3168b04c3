import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Labeled, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { EMPTY } from '../../format';
import type { RevealedMember } from '../../providers/dataProvider';
import { RevealDialog } from './RevealDialog';

/**
 * Name, ID number and phone: masked as the API sends them (A3), with a "reveal" button for staff
 * holding REVEAL_PII. Revealed values stay in this component's state only and are dropped when
 * the member changes or the page is left.
 */
export function PersonalDataPanel() {
  const record = useRecordContext<{ id: number; name: string; idNumber: string; phone?: string | null }>();
  const translate = useTranslate();
  const { canAccess: canReveal } = useCanAccess({ resource: 'members', action: 'reveal', record });
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<RevealedMember | null>(null);

  // Forget clear values as soon as another member is shown.
  useEffect(() => setRevealed(null), [record?.id]);
  if (!record) return null;
  const shown = revealed && revealed.id === record.id ? revealed : null;

  const value = (clear: string | null | undefined, masked: string | null | undefined) => (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
        {(shown ? clear : masked) || EMPTY}
      </Typography>
      {!shown && masked ? <Chip size="small" variant="outlined" label={translate('gongji.reveal.masked')} /> : null}
    </Stack>
  );

  return (
    <Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={4} sx={{ mb: 1 }}>
        <Labeled label="resources.members.fields.name">{value(shown?.name, record.name)}</Labeled>
        <Labeled label="resources.members.fields.idNumber">{value(shown?.idNumber, record.idNumber)}</Labeled>
        <Labeled label="resources.members.fields.phone">{value(shown?.phone, record.phone)}</Labeled>
      </Stack>
      {shown ? (
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" startIcon={<VisibilityOffIcon />} onClick={() => setRevealed(null)}>
              {translate('gongji.reveal.hide')}
            </Button>
          }
        >
          {translate('gongji.reveal.revealed')}
        </Alert>
      ) : canReveal ? (
        <Button size="small" variant="outlined" startIcon={<VisibilityIcon />} onClick={() => setOpen(true)}>
          {translate('gongji.reveal.button')}
        </Button>
      ) : null}
      <RevealDialog memberId={record.id} open={open} onClose={() => setOpen(false)} onRevealed={setRevealed} />
    </Box>
  );
}
