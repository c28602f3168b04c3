import CloseIcon from '@mui/icons-material/Close';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Box, IconButton, LinearProgress, Tooltip, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { Button, useListContext, useNotify, useResourceContext, useTranslate } from 'react-admin';
import { downloadServerExport, type ExportProgress } from '../export/serverCsv';

/**
 * 导出: the whole filtered list as CSV from the server's streamed route (export/serverCsv.ts). While
 * the file streams, the rows received so far, against the list's total when that is exact (a capped
 * total only says “at least”, so the bar then just moves), and a button to cancel.
 */
export function ServerExportButton() {
  const resource = useResourceContext() ?? '';
  const { filterValues, sort, total, meta } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const exact = typeof total === 'number' && total > 0 && (meta as { totalCapped?: boolean } | undefined)?.totalCapped !== true;

  if (progress) {
    const rows = progress.rows.toLocaleString('en-US');
    const label = exact ? translate('gongji.export.progress_of', { rows, total: total.toLocaleString('en-US') }) : translate('gongji.export.progress', { rows });
    return (
      <Box data-testid="server-export-progress" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, minWidth: 220 }}>
        <Box sx={{ flex: 1 }}>
          <LinearProgress aria-label={label} variant={exact ? 'determinate' : 'indeterminate'} value={exact ? Math.min(100, (100 * progress.rows) / total) : undefined} />
          <Typography variant="caption" color="text.secondary">
            {label}
          </Typography>
        </Box>
        <Tooltip title={translate('gongji.export.cancel')}>
          <IconButton size="small" aria-label={translate('gongji.export.cancel')} onClick={() => abort.current?.abort()}>
            <CloseIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
    );
  }
  return (
    <Button
      label="ra.action.export"
      data-testid="server-export"
      disabled={total === 0}
      onClick={async () => {
        const controller = new AbortController();
        abort.current = controller;
        setProgress({ rows: 0, bytes: 0 });
        // At most one repaint per animation frame, however small the chunks.
        let latest: ExportProgress | null = null;
        let scheduled = false;
        const onProgress = (p: ExportProgress) => {
          latest = p;
          if (scheduled) return;
          scheduled = true;
          requestAnimationFrame(() => {
            scheduled = false;
            if (abort.current === controller && latest) setProgress(latest);
          });
        };
        try {
          await downloadServerExport(resource, filterValues, sort, translate(`resources.${resource}.name`, { smart_count: 2 }), { signal: controller.signal, onProgress });
        } catch (e) {
          if (controller.signal.aborted) notify('gongji.export.cancelled', { type: 'info' });
          else notify(e instanceof Error ? e.message : 'gongji.export.failed', { type: 'error' });
        } finally {
          abort.current = null;
          setProgress(null);
        }
      }}
    >
      <DownloadIcon />
    </Button>
  );
}
