import { ListActions as ListToolbarActions } from '../../components/ListActions';
import { csvExporter } from '../../export/csv';
import { EXPORT_COLUMNS } from '../../export/columns';
import { INSTITUTION_KINDS } from '@gongji/shared';
import { BooleanField, DataTable, List, NullableBooleanInput, SelectInput, TextInput } from 'react-admin';
import { DateTimeField, enumChoices, EnumField, MonoField, RegionField } from '../../components/fields';
import { RegionInput } from '../../components/RegionInput';
import { LIST_STATES } from '../../components/states';

const filters = [
  <TextInput key="name" source="name" alwaysOn />,
  <TextInput key="code" source="code" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={enumChoices('institutionKind', INSTITUTION_KINDS)} />,
  <RegionInput key="region" source="region" />,
  <NullableBooleanInput key="active" source="active" />,
];

/** 定点医药机构 (read-only here). */
export function InstitutionList() {
  return (
    <List {...LIST_STATES} actions={<ListToolbarActions />} exporter={csvExporter('institutions', EXPORT_COLUMNS.institutions)} filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="id" />
        <DataTable.Col source="code" field={MonoField} />
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="kind" disableSort render={() => <EnumField source="kind" enumName="institutionKind" />} />
        <DataTable.Col source="regionCode" disableSort field={RegionField} />
        <DataTable.Col source="active" disableSort field={BooleanField} />
        <DataTable.Col source="createdAt" field={DateTimeField} />
      </DataTable>
    </List>
  );
}
