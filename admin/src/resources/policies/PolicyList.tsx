import { ActorNameField, LocalTextField } from '../../components/localText';
import { ListActions as ListToolbarActions } from '../../components/ListActions';
import { csvExporter } from '../../export/csv';
import { EXPORT_COLUMNS } from '../../export/columns';
import { DataTable, List, NumberField } from 'react-admin';
import { CalendarDateField, DateTimeField, RegionField } from '../../components/fields';
import { RegionInput } from '../../components/RegionInput';
import { LIST_STATES } from '../../components/states';

const filters = [<RegionInput key="provinceCode" source="provinceCode" provincesOnly alwaysOn />];

/** Regional policy versions: versions are only ever added, each with its effective date. */
export function PolicyList() {
  return (
    <List {...LIST_STATES} actions={<ListToolbarActions />} exporter={csvExporter('policies', EXPORT_COLUMNS.policies)} filters={filters} sort={{ field: 'effectiveFrom', order: 'DESC' }} perPage={25}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="id" />
        <DataTable.Col source="provinceCode" field={RegionField} />
        <DataTable.Col source="version" field={NumberField} />
        <DataTable.Col source="effectiveFrom" field={CalendarDateField} />
        <DataTable.Col source="note" disableSort field={LocalTextField} />
        <DataTable.Col source="createdByName" disableSort field={ActorNameField} />
        <DataTable.Col source="createdAt" field={DateTimeField} />
      </DataTable>
    </List>
  );
}
