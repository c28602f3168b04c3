import { Alert, Box, CircularProgress } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { fetchProofFile } from '../../providers/files';

/**
 * The proof document shown inline: images as <img>, PDFs in the browser's viewer. The file is
 * fetched with the bearer token and shown through an object URL that lives only while shown.
 */
export function DocumentPreview({ proofId, mimeType, fileName }: { proofId: number; mimeType?: string | null; fileName?: string | null }) {
  const translate = useTranslate();
  const [state, setState] = useState<{ url: string; type: string } | { error: string } | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    setState(null);
    fetchProofFile(proofId).then(
      (blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setState({ url, type: blob.type || mimeType || '' });
      },
      (e: unknown) => !cancelled && setState({ error: (e as Error)?.message || 'gongji.proof.open_failed' }),
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [proofId, mimeType]);

  if (!state)
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', alignItems: 'center', height: 480 }}>
        <CircularProgress size={32} />
      </Box>
    );
  if ('error' in state) return <Alert severity="error">{translate(state.error, { _: state.error })}</Alert>;
  if (state.type.startsWith('image/'))
    return (
      <Box sx={{ bgcolor: 'grey.100', borderRadius: 1, p: 1, textAlign: 'center' }}>
        <Box component="img" src={state.url} alt={fileName ?? ''} data-testid="proof-preview" sx={{ maxWidth: '100%', maxHeight: 640, objectFit: 'contain' }} />
      </Box>
    );
  return <Box component="iframe" src={state.url} title={fileName ?? 'proof'} data-testid="proof-preview" sx={{ width: '100%', height: 640, border: 1, borderColor: 'divider', borderRadius: 1 }} />;
}
