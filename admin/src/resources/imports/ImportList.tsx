import { BooleanField, CreateButton, DataTable, List, NumberField, TopToolbar } from 'react-admin';
import { DateTimeField, EnumField } from '../../components/fields';

function Actions() {
  return (
    <TopToolbar>
      <CreateButton />
    </TopToolbar>
  );
}

/** R1: registry imports in scope, newest first. */
export function ImportList() {
  return (
    <List sort={{ field: 'id', order: 'DESC' }} perPage={25} actions={<Actions />}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="id" />
        <DataTable.Col source="kind" disableSort render={() => <EnumField source="kind" enumName="importKind" />} />
        <DataTable.Col source="fileName" disableSort />
        <DataTable.Col source="dryRun" disableSort field={BooleanField} />
        <DataTable.Col source="status" disableSort render={() => <EnumField source="status" enumName="importStatus" chip />} />
        <DataTable.Col source="rowsRead" disableSort field={NumberField} />
        <DataTable.Col source="inserted" disableSort field={NumberField} />
        <DataTable.Col source="updated" disableSort field={NumberField} />
        <DataTable.Col source="rejected" disableSort field={NumberField} />
        <DataTable.Col source="startedBy" disableSort />
        <DataTable.Col source="startedAt" field={DateTimeField} />
      </DataTable>
    </List>
  );
}
