import { ColumnsButton, ExportButton, FilterButton, TopToolbar, useResourceContext } from 'react-admin';
import { EXPORT_MAX_ROWS } from '../export/csv';
import { hasServerExport } from '../export/serverCsv';
import { ServerExportButton } from './ServerExportButton';

/**
 * The export button of a list: the server's streamed CSV route where one exists (export/serverCsv.ts),
 * else the client-side exporter (export/csv.ts, the list's `exporter`).
 */
export function ListExportButton() {
  const resource = useResourceContext() ?? '';
  return hasServerExport(resource) ? <ServerExportButton /> : <ExportButton maxResults={EXPORT_MAX_ROWS} />;
}

/**
 * The toolbar of a list: filters, a column chooser (choices kept per list in the preference store)
 * and the CSV export of every matching row.
 */
export function ListActions({ filters = true, exporter = true, children }: { filters?: boolean; exporter?: boolean; children?: React.ReactNode }) {
  return (
    <TopToolbar>
      {children}
      {filters && <FilterButton />}
      <ColumnsButton />
      {exporter && <ListExportButton />}
    </TopToolbar>
  );
}
