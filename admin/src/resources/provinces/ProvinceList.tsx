import { DataTable, List, useLocale } from 'react-admin';
import { LIST_STATES } from '../../components/states';

/** 省级单位. A click opens that province's policy, its versions and their differences. */
export function ProvinceList() {
  const locale = useLocale();
  return (
    <List {...LIST_STATES} sort={{ field: 'code', order: 'ASC' }} perPage={50} exporter={false}>
      <DataTable
        bulkActionButtons={false}
        rowClick="show"
      >
        <DataTable.Col source="code" />
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="shortName" disableSort />
        {/* the English name only in the English interface */}
        {locale.startsWith('en') && <DataTable.Col source="nameEn" disableSort />}
      </DataTable>
    </List>
  );
}
