import { ColumnsButton, ExportButton, FilterButton, TopToolbar } from 'react-admin';
import { EXPORT_MAX_ROWS } from '../export/csv';

/**
 * The toolbar of a list: filters, a column chooser (choices kept per list in the preference store)
 * and the CSV export of every matching row (Chinese headers, yuan, Beijing time; see export/csv.ts).
 */
export function ListActions({ filters = true, exporter = true, children }: { filters?: boolean; exporter?: boolean; children?: React.ReactNode }) {
  return (
    <TopToolbar>
      {children}
      {filters && <FilterButton />}
      <ColumnsButton />
      {exporter && <ExportButton maxResults={EXPORT_MAX_ROWS} />}
    </TopToolbar>
  );
}
