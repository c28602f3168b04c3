import { ListActions as ListToolbarActions } from '../../components/ListActions';
import { csvExporter } from '../../export/csv';
import { EXPORT_COLUMNS } from '../../export/columns';
import { CATEGORIES } from '@gongji/shared';
import { Typography } from '@mui/material';
import { AutocompleteInput, DataTable, Link, List, ReferenceField, ReferenceInput, SelectInput, TextInput, useLocale, useRecordContext, useTranslate } from 'react-admin';
import { enumChoices, EnumField, YuanField } from '../../components/fields';
import { RegionInput } from '../../components/RegionInput';
import { EMPTY, formatDateTime, formatRegion } from '../../format';
import { COMPACT_TABLE, LIST_STATES } from '../../components/states';
import { DateInput } from '../../components/DateInputs';
import { MemberSearchInput } from '../../components/MemberSearchInput';

/** Shown through the column chooser only. */
const SETTLEMENT_HIDDEN = ['placeRegion', 'acctPayFen', 'cashFen'];

const filters = [
  <MemberSearchInput key="memberId" alwaysOn />,
  <ReferenceInput key="institutionId" source="institutionId" reference="institutions" alwaysOn>
    <AutocompleteInput optionText={(r: { code: string; name: string }) => `${r.name}（${r.code}）`} filterToQuery={(q: string) => ({ name: q })} sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectInput key="category" source="category" choices={enumChoices('category', CATEGORIES)} alwaysOn />,
  <RegionInput key="region" source="region" alwaysOn />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <TextInput key="serialNo" source="serialNo" />,
];

/** The patient (masked name from the API) with a link to the member. */
export function PatientField(_: { label?: string; source?: string }) {
  const r = useRecordContext<{ patientId: number; patient?: { name: string } | null }>();
  if (!r) return null;
  return (
    <Link to={`/members/${r.patientId}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()}>
      {r.patient?.name ?? EMPTY}（#{r.patientId}）
    </Link>
  );
}

/** 结算记录: every settlement in the viewer's scope (patient or place of treatment), newest first. */
export function SettlementList() {
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <List {...LIST_STATES} actions={<ListToolbarActions />} filters={filters} sort={{ field: 'treatedAt', order: 'DESC' }} perPage={25} exporter={csvExporter('settlements', EXPORT_COLUMNS.settlements)} title={translate('resources.settlements.name', { smart_count: 2 })}>
      {/* 1280 px: eight columns by default (the others in the column chooser), compact cells, no sideways scroll. */}
      <DataTable rowClick="show" bulkActionButtons={false} size="small" hiddenColumns={SETTLEMENT_HIDDEN} sx={COMPACT_TABLE}>
        <DataTable.Col source="id" />
        <DataTable.Col source="treatedAt" render={(r: { treatedAt: string }) => formatDateTime(r.treatedAt, { seconds: false })} />
        <DataTable.Col source="institutionId" disableSort>
          <ReferenceField source="institutionId" reference="institutions" link={false}>
            <InstitutionName />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="patientId" disableSort field={PatientField} />
        <DataTable.Col source="category" disableSort render={() => <EnumField source="category" enumName="category" />} />
        <DataTable.Col source="placeRegion" disableSort render={(r: { placeRegion: string }) => <span title={r.placeRegion}>{formatRegion(r.placeRegion, locale).replace(/^\d+\s*/, '')}</span>} />
        <DataTable.Col source="selfPayFen" disableSort field={YuanField} align="right" />
        <DataTable.Col source="acctPayFen" disableSort field={YuanField} align="right" />
        <DataTable.Col source="mulaidPayFen" disableSort field={YuanField} align="right" />
        <DataTable.Col source="cashFen" disableSort field={YuanField} align="right" />
        <DataTable.Col source="status" disableSort render={() => <EnumField source="status" enumName="settlementStatus" />} />
      </DataTable>
    </List>
  );
}

function InstitutionName() {
  const r = useRecordContext<{ name: string }>();
  return (
    <Typography variant="body2" title={r?.name} sx={{ maxWidth: 150, overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {r?.name ?? EMPTY}
    </Typography>
  );
}
