import { STAFF_ROLES } from '@gongji/shared';
import { Alert } from '@mui/material';
import { BooleanField, DataTable, List, NullableBooleanInput, SelectInput, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { ListActions as ListToolbarActions } from '../../components/ListActions';
import { DateTimeField, enumChoices, EnumChips, RegionField } from '../../components/fields';
import { RegionInput } from '../../components/RegionInput';
import { LIST_STATES } from '../../components/states';
import { csvExporter, type CsvColumn } from '../../export/csv';

const filters = [
  <TextInput key="search" source="search" alwaysOn />,
  <SelectInput key="role" source="role" choices={enumChoices('staffRole', STAFF_ROLES)} alwaysOn />,
  <RegionInput key="scope" source="scope" />,
  <NullableBooleanInput key="active" source="active" />,
];

const COLUMNS: CsvColumn[] = [
  { source: 'id' },
  { source: 'username' },
  { source: 'displayName' },
  { source: 'roles', kind: { enum: 'staffRole' } },
  { source: 'permissions', kind: { enum: 'staffPermission' } },
  { source: 'scope', kind: 'region' },
  { source: 'active', kind: 'bool' },
  { source: 'lastLoginAt', kind: 'datetime' },
  { source: 'lockedUntil', kind: 'datetime' },
];

function Roles() {
  const r = useRecordContext<{ roles?: string[] }>();
  return <EnumChips enumName="staffRole" values={r?.roles} />;
}

function Permissions() {
  const r = useRecordContext<{ permissions?: string[] }>();
  return <EnumChips enumName="staffPermission" values={r?.permissions} />;
}

/** A null scope is national (全国). */
function Scope() {
  const r = useRecordContext<{ scope?: string | null }>();
  const translate = useTranslate();
  return r?.scope ? <RegionField source="scope" /> : <>{translate('gongji.screens.national')}</>;
}

/** A1: the staff accounts in the viewer's scope (read-only: accounts are provisioned with `pnpm provision`). */
export function StaffUserList() {
  const translate = useTranslate();
  return (
    <List
      {...LIST_STATES}
      actions={<ListToolbarActions />}
      exporter={csvExporter('staffUsers', COLUMNS)}
      filters={filters}
      sort={{ field: 'username', order: 'ASC' }}
      perPage={25}
      aside={undefined}
      title={translate('resources.staffUsers.name', { smart_count: 2 })}
    >
      <Alert severity="info" sx={{ m: 1 }} data-testid="staff-read-only">
        {translate('gongji.screens.read_only')}
      </Alert>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="username" />
        <DataTable.Col source="displayName" disableSort />
        <DataTable.Col source="roles" disableSort render={() => <Roles />} />
        <DataTable.Col source="scope" disableSort render={() => <Scope />} />
        <DataTable.Col source="permissions" disableSort render={() => <Permissions />} />
        <DataTable.Col source="active" disableSort field={BooleanField} />
        <DataTable.Col source="lastLoginAt" field={DateTimeField} />
        <DataTable.Col source="lockedUntil" disableSort field={DateTimeField} />
      </DataTable>
    </List>
  );
}
