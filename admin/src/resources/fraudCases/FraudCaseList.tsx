import { LocalTextField } from '../../components/localText';
import { csvExporter } from '../../export/csv';
import { ListExportButton } from '../../components/ListActions';
import { EXPORT_COLUMNS } from '../../export/columns';
import { COMPACT_TABLE, LIST_STATES } from '../../components/states';
import { MemberSearchInput } from '../../components/MemberSearchInput';
import { FRAUD_RULES } from '@gongji/shared';
import { Box, Chip, Typography } from '@mui/material';
import { useMemo } from 'react';
import {
  DataTable,
  FilterButton,
  List,
  NumberInput,
  SelectInput,
  TopToolbar,
  useGetIdentity,
  useListContext,
  useRecordContext,
  useTranslate,
  ColumnsButton,
} from 'react-admin';
import { enumChoices, RegionField } from '../../components/fields';
import { RegionInput } from '../../components/RegionInput';
import { EMPTY } from '../../format';
import { CaseAgeField, CaseStateField, RulesField, ScoreField, SubjectField } from './common';

const CASE_STATES = ['OPEN', 'INVESTIGATING', 'CONFIRMED', 'DISMISSED'];

/** "Assigned to me" as a toggle chip: sets assigneeId to the viewer's staff id. */
function MineToggle() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const me = identity?.id ? Number(identity.id) : null;
  if (!me) return null;
  const on = Number(filterValues.assigneeId) === me;
  return (
    <Chip
      data-testid="mine-toggle"
      clickable
      color={on ? 'primary' : 'default'}
      variant={on ? 'filled' : 'outlined'}
      label={translate('resources.fraudCases.fields.mine')}
      onClick={() => {
        const { assigneeId: _drop, ...rest } = filterValues;
        void _drop;
        setFilters(on ? rest : { ...rest, assigneeId: me }, displayedFilters);
      }}
      sx={{ mr: 1 }}
    />
  );
}

function ListActions() {
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      <MineToggle />
      <FilterButton />
      <ColumnsButton />
      <ListExportButton />
    </TopToolbar>
  );
}

function AssigneeField(_: { label?: string }) {
  const r = useRecordContext<{ assignee?: { displayName: string } | null }>();
  return <Typography variant="body2">{r?.assignee?.displayName ?? EMPTY}</Typography>;
}

function RegionsField(_: { label?: string }) {
  const r = useRecordContext<{ regionCode: string; otherRegionCode?: string | null }>();
  if (!r) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column', whiteSpace: 'nowrap' }}>
      <RegionField source="regionCode" />
      {r.otherRegionCode && r.otherRegionCode !== r.regionCode && (
        <Box component="span" sx={{ color: 'text.secondary', fontSize: 12 }}>
          ↔ <RegionField source="otherRegionCode" />
        </Box>
      )}
    </Box>
  );
}

/** 风险案件 queue: open cases first, highest score first. */
export function FraudCaseList() {
  const translate = useTranslate();
  const filters = useMemo(
    () => [
      <MemberSearchInput key="memberId" alwaysOn />,
      <SelectInput key="state" source="state" choices={[{ id: 'UNCLOSED', name: 'gongji.fraud.unclosed' }, ...enumChoices('caseState', CASE_STATES)]} alwaysOn />,
      <SelectInput key="rule" source="rule" choices={FRAUD_RULES.map((r) => ({ id: r, name: `gongji.enums.fraudRule.${r}` }))} optionText={(c: { id: string; name: string }) => `${c.id} ${translate(c.name)}`} alwaysOn />,
      <RegionInput key="regionCode" source="regionCode" alwaysOn />,
      <NumberInput key="minScore" source="minScore" min={0} max={100} step={10} alwaysOn sx={{ width: 140 }} />,
      <NumberInput key="assigneeId" source="assigneeId" min={1} />,
      <SelectInput key="subjectType" source="subjectType" choices={enumChoices('caseSubject', ['MEMBER', 'BINDING', 'INSTITUTION'])} />,
    ],
    [translate],
  );
  return (
    <List {...LIST_STATES}
      filters={filters}
      actions={<ListActions />}
      filterDefaultValues={{ state: 'UNCLOSED' }}
      sort={{ field: 'score', order: 'DESC' }}
      perPage={25}
      exporter={csvExporter('fraudCases', EXPORT_COLUMNS.fraudCases)}
      title={translate('gongji.fraud.queue_title')}
    >
      {/* 1280 px: regions in the column chooser, the summary wraps within its width, nothing scrolls sideways. */}
      <DataTable rowClick="show" bulkActionButtons={false} size="small" hiddenColumns={['regionCode']} sx={COMPACT_TABLE}>
        <DataTable.Col source="id" />
        <DataTable.Col source="score" field={ScoreField} />
        <DataTable.Col source="state" field={CaseStateField} />
        <DataTable.Col source="primaryRule" label="resources.fraudCases.fields.rules" field={RulesField} />
        <DataTable.Col source="summary" disableSort field={LocalTextField} sx={{ minWidth: 200, maxWidth: 300, whiteSpace: 'normal !important' }} />
        <DataTable.Col source="subjectId" disableSort field={SubjectField} sx={{ whiteSpace: 'nowrap' }} />
        <DataTable.Col source="regionCode" disableSort field={RegionsField} />
        <DataTable.Col source="assigneeId" disableSort field={AssigneeField} />
        <DataTable.Col source="createdAt" field={CaseAgeField} sx={{ whiteSpace: 'nowrap' }} />
      </DataTable>
    </List>
  );
}
