import { DataTable, List, NumberInput, SelectInput } from 'react-admin';
import { CalendarDateField, DateTimeField, enumChoices, EnumField, RegionField, YuanField } from '../../components/fields';

const filters = [
  <SelectInput key="state" source="state" choices={enumChoices('closureState')} alwaysOn />,
  <SelectInput key="cause" source="cause" choices={enumChoices('closureCause')} alwaysOn />,
  <NumberInput key="memberId" source="memberId" />,
];

/** C1–C3: closures (death, exit) and transfers in scope; the payment queue is state = 待支付. */
export function ClosureList() {
  return (
    <List filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="id" />
        <DataTable.Col source="memberId" disableSort />
        <DataTable.Col source="cause" disableSort render={() => <EnumField source="cause" enumName="closureCause" />} />
        <DataTable.Col source="state" render={() => <EnumField source="state" enumName="closureState" chip />} />
        <DataTable.Col source="pendingFen" disableSort field={YuanField} />
        <DataTable.Col source="closedBalanceFen" disableSort field={YuanField} />
        <DataTable.Col source="regionCode" disableSort field={RegionField} />
        <DataTable.Col source="eventDate" disableSort field={CalendarDateField} />
        <DataTable.Col source="createdAt" field={DateTimeField} />
      </DataTable>
    </List>
  );
}
