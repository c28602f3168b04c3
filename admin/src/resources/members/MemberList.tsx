import { MEMBER_STATUSES, SCHEMES } from '@gongji/shared';
import { BooleanField, DataTable, List, SelectInput, TextInput, useTranslate } from 'react-admin';
import { enumChoices, EnumField, MonoField, RegionField } from '../../components/fields';
import { ListActions as ListToolbarActions } from '../../components/ListActions';
import { RegionInput } from '../../components/RegionInput';
import { LIST_STATES } from '../../components/states';

const filters = [
  <TextInput key="name" source="name" alwaysOn helperText="gongji.member.name_search_help" />,
  <TextInput key="idNumber" source="idNumber" alwaysOn helperText="gongji.member.id_search_help" sx={{ minWidth: 240 }} />,
  <RegionInput key="region" source="region" alwaysOn />,
  <SelectInput key="scheme" source="scheme" choices={enumChoices('scheme', SCHEMES)} />,
  <SelectInput key="status" source="status" choices={enumChoices('memberStatus', MEMBER_STATUSES)} />,
];

/**
 * 参保人 list. Name and ID number arrive masked (A3). The filters are kept out of the URL and out
 * of browser storage (`disableSyncWithLocation`, memory store): a searched ID number is personal data.
 * 导出 streams the whole filtered list from the server, the filter in the request body (never a URL),
 * masked as on screen and audited (a name or ID number search also as `member.search`, A4).
 */
export function MemberList() {
  const translate = useTranslate();
  return (
    <List {...LIST_STATES} actions={<ListToolbarActions />} filters={filters} sort={{ field: 'id', order: 'ASC' }} perPage={25} disableSyncWithLocation title={translate('resources.members.name', { smart_count: 2 })}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="id" />
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="idNumber" field={MonoField} disableSort />
        <DataTable.Col source="sex" disableSort render={() => <EnumField source="sex" enumName="sex" />} />
        <DataTable.Col source="birthYear" disableSort />
        <DataTable.Col source="scheme" render={() => <EnumField source="scheme" enumName="scheme" />} />
        <DataTable.Col source="status" render={() => <EnumField source="status" enumName="memberStatus" chip />} />
        <DataTable.Col source="insuredRegion" field={RegionField} />
        <DataTable.Col source="retired" disableSort field={BooleanField} />
      </DataTable>
    </List>
  );
}
