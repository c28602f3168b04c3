import { ListActions as ListToolbarActions } from '../../components/ListActions';
import { csvExporter } from '../../export/csv';
import { EXPORT_COLUMNS } from '../../export/columns';
import { BINDING_KINDS, BINDING_STATES, RELATIONSHIP_KINDS } from '@gongji/shared';
import { DataTable, List, ReferenceField, SelectInput, useTranslate } from 'react-admin';
import { DateTimeField, enumChoices, EnumField, RegionField, YuanField } from '../../components/fields';
import { RegionInput } from '../../components/RegionInput';
import { COMPACT_TABLE, LIST_STATES } from '../../components/states';
import { MemberSearchInput } from '../../components/MemberSearchInput';

/** Shown through the column chooser only. */
const BINDING_HIDDEN = ['giverRegion', 'beneficiaryRegion', 'priority', 'reservedFen'];

const filters = [
  <MemberSearchInput key="memberId" alwaysOn />,
  <SelectInput key="state" source="state" choices={enumChoices('bindingState', BINDING_STATES)} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={enumChoices('bindingKind', BINDING_KINDS)} alwaysOn />,
  <SelectInput key="relationship" source="relationship" choices={enumChoices('relationship', RELATIONSHIP_KINDS)} />,
  <RegionInput key="region" source="region" />,
];

export function NoLimitYuanField({ source }: { source: string }) {
  const translate = useTranslate();
  return <YuanField source={source} emptyText={translate('gongji.binding.no_limit')} />;
}

/** 家庭共济绑定 / 亲情账户, newest first. */
export function BindingList() {
  return (
    <List {...LIST_STATES} actions={<ListToolbarActions />} exporter={csvExporter('bindings', EXPORT_COLUMNS.bindings)} filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
      {/* 1280 px: the regions, priority and reserve are in the column chooser; cells never wrap one character per line. */}
      <DataTable rowClick="show" bulkActionButtons={false} size="small" hiddenColumns={BINDING_HIDDEN} sx={COMPACT_TABLE}>
        <DataTable.Col source="id" />
        <DataTable.Col source="kind" disableSort render={() => <EnumField source="kind" enumName="bindingKind" />} />
        <DataTable.Col source="giverId" disableSort>
          <ReferenceField source="giverId" reference="members" link="show" />
        </DataTable.Col>
        <DataTable.Col source="beneficiaryId" disableSort>
          <ReferenceField source="beneficiaryId" reference="members" link="show" />
        </DataTable.Col>
        <DataTable.Col source="relationship" disableSort render={() => <EnumField source="relationship" enumName="relationship" />} />
        <DataTable.Col source="giverRegion" disableSort field={RegionField} />
        <DataTable.Col source="beneficiaryRegion" disableSort field={RegionField} />
        <DataTable.Col source="state" disableSort render={() => <EnumField source="state" enumName="bindingState" chip />} />
        <DataTable.Col source="priority" disableSort />
        <DataTable.Col source="singleLimitFen" disableSort render={() => <NoLimitYuanField source="singleLimitFen" />} />
        <DataTable.Col source="reservedFen" disableSort field={YuanField} />
        <DataTable.Col source="createdAt" field={DateTimeField} />
      </DataTable>
    </List>
  );
}
