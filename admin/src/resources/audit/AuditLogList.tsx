import { Box, Typography } from '@mui/material';
import { DataTable, DateInput, List, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, EnumField, MonoField } from '../../components/fields';
import { prettyDetail } from './detail';
import { LIST_STATES } from '../../components/states';

function AuditFilters() {
  return [
    <TextInput key="actorName" source="actorName" alwaysOn />,
    <TextInput key="action" source="action" alwaysOn helperText="gongji.audit.action_help" />,
    <DateInput key="from" source="from" alwaysOn />,
    <DateInput key="to" source="to" alwaysOn />,
    <TextInput key="entityType" source="entityType" />,
    <TextInput key="entityId" source="entityId" />,
  ];
}

/** Expanded row: the JSON detail and the hash chain link. */
function AuditDetail() {
  const record = useRecordContext<{ detail: string; prevHash: string; hash: string }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ p: 1 }}>
      <Box component="pre" sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, overflowX: 'auto', fontSize: 12 }}>
        {prettyDetail(record.detail)}
      </Box>
      <Typography variant="caption" component="div" sx={{ mt: 1, fontFamily: 'monospace', color: 'text.secondary', wordBreak: 'break-all' }}>
        {translate('gongji.audit.chain')}：{record.prevHash} → {record.hash}
      </Typography>
    </Box>
  );
}

/** A4: the append-only audit log, newest first (auditors only). */
export function AuditLogList() {
  return (
    <List {...LIST_STATES} filters={AuditFilters()} sort={{ field: 'at', order: 'DESC' }} perPage={50}>
      <DataTable expand={<AuditDetail />} rowClick="expand" bulkActionButtons={false}>
        <DataTable.Col source="id" />
        <DataTable.Col source="at" field={DateTimeField} />
        <DataTable.Col source="actorKind" disableSort render={() => <EnumField source="actorKind" enumName="actorKind" />} />
        <DataTable.Col source="actorName" />
        <DataTable.Col source="action" field={MonoField} />
        <DataTable.Col source="entityType" disableSort />
        <DataTable.Col source="entityId" disableSort />
        <DataTable.Col source="reason" disableSort />
      </DataTable>
    </List>
  );
}
