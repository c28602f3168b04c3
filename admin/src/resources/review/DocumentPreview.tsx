import FullscreenIcon from '@mui/icons-material/Fullscreen';
import RotateRightIcon from '@mui/icons-material/RotateRight';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import { Alert, Box, CircularProgress, IconButton, Stack, Tooltip } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
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
  if (state.type.startsWith('image/')) return <ImageViewer url={state.url} alt={fileName ?? ''} />;
  return <Box component="iframe" src={state.url} title={fileName ?? 'proof'} data-testid="proof-preview" sx={{ width: '100%', height: 640, border: 1, borderColor: 'divider', borderRadius: 1 }} />;
}

/** An image with zoom, rotation and full screen (keyboard: + − R F 0 while the viewer has focus). */
function ImageViewer({ url, alt }: { url: string; alt: string }) {
  const translate = useTranslate();
  const box = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  const [turn, setTurn] = useState(0);
  const zoomBy = (f: number) => setZoom((z) => Math.min(5, Math.max(0.25, Math.round(z * f * 100) / 100)));
  const rotate = () => setTurn((t) => (t + 90) % 360);
  const reset = () => {
    setZoom(1);
    setTurn(0);
  };
  const fullScreen = () => void box.current?.requestFullscreen?.();
  const tool = (title: string, onClick: () => void, icon: React.ReactNode, testId: string) => (
    <Tooltip title={translate(title)}>
      <IconButton size="small" onClick={onClick} aria-label={translate(title)} data-testid={testId}>
        {icon}
      </IconButton>
    </Tooltip>
  );
  return (
    <Box
      ref={box}
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === '+' || e.key === '=') zoomBy(1.25);
        else if (e.key === '-') zoomBy(0.8);
        else if (e.key === 'r' || e.key === 'R') rotate();
        else if (e.key === 'f' || e.key === 'F') fullScreen();
        else if (e.key === '0') reset();
        else return;
        e.preventDefault();
      }}
      sx={{ bgcolor: 'grey.100', borderRadius: 1, p: 1, position: 'relative', '&:fullscreen': { bgcolor: 'grey.900' } }}
      data-testid="proof-viewer"
    >
      <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end', mb: 0.5 }}>
        {tool('gongji.viewer.zoom_in', () => zoomBy(1.25), <ZoomInIcon fontSize="small" />, 'zoom-in')}
        {tool('gongji.viewer.zoom_out', () => zoomBy(0.8), <ZoomOutIcon fontSize="small" />, 'zoom-out')}
        {tool('gongji.viewer.rotate', rotate, <RotateRightIcon fontSize="small" />, 'rotate')}
        {tool('gongji.viewer.reset', reset, <RestartAltIcon fontSize="small" />, 'reset-view')}
        {tool('gongji.viewer.full_screen', fullScreen, <FullscreenIcon fontSize="small" />, 'full-screen')}
      </Stack>
      <Box sx={{ overflow: 'auto', maxHeight: 'calc(100vh - 220px)', minHeight: 320, textAlign: 'center', '*:fullscreen > &': { maxHeight: 'calc(100vh - 60px)' } }}>
        <Box
          component="img"
          src={url}
          alt={alt}
          data-testid="proof-preview"
          data-zoom={zoom}
          data-rotation={turn}
          sx={{ maxWidth: zoom <= 1 ? '100%' : 'none', width: zoom > 1 ? `${zoom * 100}%` : undefined, transform: `rotate(${turn}deg) scale(${zoom < 1 ? zoom : 1})`, transition: 'transform 0.15s', objectFit: 'contain' }}
        />
      </Box>
    </Box>
  );
}
