import { LocalTextField, useActorLabel } from '../../components/localText';
import { ListActions as ListToolbarActions } from '../../components/ListActions';
import { csvExporter } from '../../export/csv';
import { EXPORT_COLUMNS } from '../../export/columns';
import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, LinearProgress, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { graphql } from '../../gql';
import type { Admin_AuditLogsQuery } from '../../gql/graphql';
import { gqlRequest } from '../../providers/graphqlClient';
import { DateInput } from '../../components/DateInputs';
import { DataTable, LinkBase, List, SelectInput, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, EnumField } from '../../components/fields';
import { LIST_STATES } from '../../components/states';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AUDIT_GROUPS, auditEntityPath } from '../../i18n/audit';
import { DiffTable } from '../provinces/ProvincePolicyShow';
import { checkChain, type ChainOutcome, type ChainProgress } from './chainCheck';
import { parseDetail, prettyDetail } from './detail';

type Entry = Admin_AuditLogsQuery['page']['items'][number];

/** The label of an action code; unknown codes read as "group · last part". */
export function useActionLabel() {
  const translate = useTranslate();
  return (action: string) => {
    const known = translate(`gongji.audit.actions.${action}`, { _: '' });
    if (known) return known;
    const [group, ...rest] = action.split('.');
    const g = translate(`gongji.audit.groups.${group}`, { _: '' });
    return g ? `${g} · ${rest.join('.')}` : action;
  };
}

function ActionField() {
  const record = useRecordContext<Entry>();
  const label = useActionLabel();
  if (!record) return null;
  return (
    <span title={record.action} data-code={record.action}>
      {label(record.action)}
    </span>
  );
}

function ActorField() {
  const record = useRecordContext<Entry>();
  const translate = useTranslate();
  const actor = useActorLabel();
  if (!record) return null;
  return <>{record.actorKind === 'SYSTEM' ? translate('gongji.audit.system') : actor(record.actorName)}</>;
}

function EntityField() {
  const record = useRecordContext<Entry>();
  const translate = useTranslate();
  if (!record) return null;
  const type = translate(`gongji.audit.entity_types.${record.entityType}`, { _: record.entityType });
  const to = auditEntityPath(record.entityType, record.entityId);
  const text = record.entityId ? `${type} ${record.entityId}` : type;
  return to ? (
    <LinkBase to={to} onClick={(e: { stopPropagation(): void }) => e.stopPropagation()}>
      {text}
    </LinkBase>
  ) : (
    <>{text}</>
  );
}

function actionChoices(translate: (k: string, o?: Record<string, unknown>) => string) {
  const groups = Object.keys(AUDIT_GROUPS).map((g) => ({ id: `${g}.`, name: translate('gongji.audit.all_of_group', { group: translate(`gongji.audit.groups.${g}`) }) }));
  const actions = Object.keys(AUDIT_ACTIONS).map((a) => ({ id: a, name: translate(`gongji.audit.actions.${a}`) }));
  return [...groups, ...actions];
}

function AuditFilters(translate: (k: string, o?: Record<string, unknown>) => string) {
  return [
    <TextInput key="actorName" source="actorName" alwaysOn />,
    <SelectInput key="action" source="action" alwaysOn choices={actionChoices(translate)} helperText="gongji.audit.action_help" sx={{ minWidth: 220 }} />,
    <DateInput key="from" source="from" alwaysOn />,
    <DateInput key="to" source="to" alwaysOn />,
    <SelectInput key="entityType" source="entityType" choices={Object.keys(AUDIT_ENTITY_TYPES).map((t) => ({ id: t, name: translate(`gongji.audit.entity_types.${t}`) }))} />,
    <TextInput key="entityId" source="entityId" />,
  ];
}

function DetailValue({ value }: { value: unknown }) {
  const translate = useTranslate();
  if (value === null || value === undefined) return <>—</>;
  if (typeof value === 'boolean') return <>{translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}</>;
  if (typeof value === 'string' || typeof value === 'number') return <>{String(value)}</>;
  return (
    <Box component="span" sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
      {JSON.stringify(value)}
    </Box>
  );
}

/** Expanded row: the detail as labelled fields (policy changes as a diff), the raw JSON folded away, the hash chain link. */
function AuditDetail() {
  const record = useRecordContext<Entry>();
  const translate = useTranslate();
  if (!record) return null;
  const detail = parseDetail(record.detail);
  const changes = Array.isArray(detail?.changes) ? (detail.changes as Array<{ path: string; before: string | null; after: string | null }>) : null;
  return (
    <Box sx={{ p: 1 }} data-testid="audit-detail">
      {detail && (
        <Table size="small" sx={{ mb: 1, maxWidth: 900 }}>
          <TableBody>
            {Object.entries(detail)
              .filter(([k]) => k !== 'changes' && k !== 'rules')
              .map(([k, v]) => (
                <TableRow key={k}>
                  <TableCell sx={{ width: 200, color: 'text.secondary' }}>{translate(`gongji.audit.detail_keys.${k}`, { _: k })}</TableCell>
                  <TableCell>
                    <DetailValue value={v} />
                  </TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      )}
      {changes && <DiffTable changes={changes} />}
      <details>
        <summary>
          <Typography variant="caption">{translate('gongji.audit.raw')}</Typography>
        </summary>
        <Box component="pre" sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, overflowX: 'auto', fontSize: 12 }}>
          {prettyDetail(record.detail)}
        </Box>
        <Typography variant="caption" component="div" sx={{ mt: 1, fontFamily: 'monospace', color: 'text.secondary', wordBreak: 'break-all' }}>
          {translate('gongji.audit.chain')}：{record.prevHash} → {record.hash}
        </Typography>
      </details>
    </Box>
  );
}

const AuditChainCheckDocument = graphql(`
  query Admin_auditChainCheck($afterId: Int, $afterHash: String) {
    check: auditChainCheck(afterId: $afterId, afterHash: $afterHash) {
      ok
      checked
      brokenAtId
      lastId
      lastHash
      done
      total
    }
  }
`);

/** The API's "busy" refusal (429, RATE_LIMITED reason BUSY: this auditor's other tab, or the node's limit): wait as it says. */
function busyRetryDelay(e: unknown): number | null {
  const err = e as { status?: number; body?: { graphqlErrors?: Array<{ extensions?: { reason?: string; retryAfterSeconds?: number } }> } };
  const ext = err?.body?.graphqlErrors?.[0]?.extensions;
  if (err?.status !== 429 || ext?.reason !== 'BUSY') return null;
  return 1000 * Math.max(1, Number(ext.retryAfterSeconds) || 5);
}

interface ChainState {
  busy?: boolean;
  progress?: ChainProgress;
  result?: ChainOutcome;
  error?: string;
}

/** A4: recompute the hash chain on the server, a window at a time with progress, and say whether any entry was changed or deleted. */
function ChainCheckButton() {
  const translate = useTranslate();
  const [state, setState] = useState<ChainState>({});
  const stop = useRef<AbortController | null>(null);
  const run = async () => {
    const controller = new AbortController();
    stop.current = controller;
    setState({ busy: true });
    try {
      const result = await checkChain(
        async (cursor) => (await gqlRequest(AuditChainCheckDocument, cursor, { signal: controller.signal })).check,
        (progress) => setState({ busy: true, progress }),
        controller.signal,
        { busyDelayMs: busyRetryDelay, attempts: 12 },
      );
      setState({ result });
    } catch (e) {
      setState((e as Error)?.name === 'AbortError' ? {} : { error: (e as Error).message });
    } finally {
      stop.current = null;
    }
  };
  const p = state.progress;
  return (
    <>
      <Button size="small" startIcon={state.busy ? <CircularProgress size={14} /> : <VerifiedIcon />} disabled={state.busy} onClick={() => void run()} data-testid="chain-check">
        {translate('gongji.commands.chain_check')}
      </Button>
      <Dialog open={!!state.busy || !!state.result || !!state.error} onClose={() => !state.busy && setState({})} fullWidth maxWidth="sm">
        <DialogContent>
          {state.busy ? (
            <Box data-testid="chain-progress">
              <Typography variant="body2" sx={{ mb: 1 }}>
                {p ? translate('gongji.commands.chain_progress', { checked: p.checked.toLocaleString(), total: p.total.toLocaleString() }) : translate('gongji.commands.chain_starting')}
              </Typography>
              <LinearProgress variant={p && p.total ? 'determinate' : 'indeterminate'} value={p && p.total ? Math.min(100, (100 * p.checked) / p.total) : undefined} />
            </Box>
          ) : state.error ? (
            <Alert severity="error">{state.error}</Alert>
          ) : state.result?.ok ? (
            <Alert severity="success" data-testid="chain-result">
              {translate('gongji.commands.chain_ok', { checked: state.result.checked })}
            </Alert>
          ) : state.result ? (
            <Alert severity="error" data-testid="chain-result">
              {translate('gongji.commands.chain_broken', { id: state.result.brokenAtId ?? '?', checked: state.result.checked })}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          {state.busy ? (
            <Button onClick={() => stop.current?.abort()} data-testid="chain-stop">
              {translate('gongji.commands.chain_stop')}
            </Button>
          ) : (
            <Button onClick={() => setState({})}>{translate('ra.action.close')}</Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}

/** A4: the append-only audit log, newest first (auditors only); times in Beijing time. */
export function AuditLogList() {
  const translate = useTranslate();
  return (
    <List {...LIST_STATES} actions={<ListToolbarActions><ChainCheckButton /></ListToolbarActions>} exporter={csvExporter('auditLogs', EXPORT_COLUMNS.auditLogs)} filters={AuditFilters(translate)} sort={{ field: 'at', order: 'DESC' }} perPage={50}>
      <DataTable expand={<AuditDetail />} rowClick="expand" bulkActionButtons={false}>
        <DataTable.Col source="id" />
        <DataTable.Col source="at" field={DateTimeField} />
        <DataTable.Col source="actorKind" disableSort render={() => <EnumField source="actorKind" enumName="actorKind" />} />
        <DataTable.Col source="actorName" disableSort render={() => <ActorField />} />
        <DataTable.Col source="action" disableSort render={() => <ActionField />} />
        <DataTable.Col source="entityType" disableSort render={() => <EntityField />} />
        <DataTable.Col source="reason" disableSort field={LocalTextField} />
      </DataTable>
    </List>
  );
}
