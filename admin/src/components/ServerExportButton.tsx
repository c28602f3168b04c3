import DownloadIcon from '@mui/icons-material/GetApp';
import { useState } from 'react';
import { Button, useListContext, useNotify, useResourceContext, useTranslate } from 'react-admin';
import { downloadServerExport } from '../export/serverCsv';

/** 导出: the whole filtered list as CSV from the server's streamed route (export/serverCsv.ts). */
export function ServerExportButton() {
  const resource = useResourceContext() ?? '';
  const { filterValues, sort, total } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      label="ra.action.export"
      data-testid="server-export"
      disabled={busy || total === 0}
      onClick={async () => {
        setBusy(true);
        try {
          await downloadServerExport(resource, filterValues, sort, translate(`resources.${resource}.name`, { smart_count: 2 }));
        } catch (e) {
          notify(e instanceof Error ? e.message : 'gongji.export.failed', { type: 'error' });
        } finally {
          setBusy(false);
        }
      }}
    >
      <DownloadIcon />
    </Button>
  );
}
