import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useLogoutIfAccessDenied, useNotify, useTranslate } from 'react-admin';
import { openProofFile } from '../../providers/files';

export function ProofFileButton({ proofId }: { proofId: number }) {
  const translate = useTranslate();
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="small"
      startIcon={<OpenInNewIcon />}
      disabled={busy}
      onClick={async (e) => {
        e.stopPropagation();
        setBusy(true);
        try {
          await openProofFile(proofId);
        } catch (err) {
          const loggedOut = await logoutIfAccessDenied(err);
          if (!loggedOut) notify((err as Error)?.message || 'gongji.proof.open_failed', { type: 'error' });
        } finally {
          setBusy(false);
        }
      }}
    >
      {translate('gongji.proof.open_file')}
    </Button>
  );
}
