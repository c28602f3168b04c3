/**
 * The case workflow buttons (FRAUD_ANALYST; the API checks role and scope again): assign, start
 * investigation, add note, confirm with sanctions, dismiss with a reason. RuleViolations from the
 * API are shown as they come ("[F] …").
 */
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { useDataProvider, useGetIdentity, useNotify, useRefresh, useTranslate } from 'react-admin';
import { beijingToday, formatYuan } from '../../format';
import type { ConfirmFraudCaseInput } from '../../gql/graphql';
import { AddFraudCaseNoteDocument, AssignFraudCaseDocument, ConfirmFraudCaseDocument, DismissFraudCaseDocument, StartFraudInvestigationDocument } from '../../providers/commands';
import { cmd, type CaseAssignee, type Command, type FraudCaseDetail, type GongjiDataProvider } from '../../providers/dataProvider';
import { accountMoneyFen, addMonths, fineFen } from './evidence';

export type CaseRecord = Pick<FraudCaseDetail, 'id' | 'state' | 'subjectType' | 'subjectId' | 'assigneeId' | 'bindings' | 'settlements'>;

function useRun(caseId: number) {
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const run = async ({ document, variables }: Command, done: string) => {
    setBusy(true);
    try {
      await dataProvider.command('fraudCases', document, variables);
      notify(done, { type: 'success', messageArgs: { id: caseId } });
      refresh();
      return true;
    } catch (e) {
      notify((e as Error).message, { type: 'error', autoHideDuration: 10_000 });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}

function SimpleDialog({ open, title, onClose, onSubmit, busy, submitLabel, children, disabled, testId }: {
  open: boolean;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  busy: boolean;
  submitLabel: string;
  children: ReactNode;
  disabled?: boolean;
  testId: string;
}) {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid={testId}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>{children}</DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={onSubmit} disabled={busy || disabled} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function NoteDialog({ record, open, onClose }: { record: CaseRecord; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const { run, busy } = useRun(record.id);
  const [text, setText] = useState('');
  return (
    <SimpleDialog
      open={open}
      onClose={onClose}
      busy={busy}
      testId="note-dialog"
      title={translate('gongji.fraud.add_note')}
      submitLabel={translate('gongji.fraud.add_note')}
      disabled={!text.trim()}
      onSubmit={async () => {
        if (await run(cmd(AddFraudCaseNoteDocument, { id: record.id, text: text.trim() }), 'gongji.fraud.note_added')) {
          setText('');
          onClose();
        }
      }}
    >
      <MuiTextField autoFocus fullWidth multiline minRows={3} label={translate('gongji.fraud.note')} value={text} onChange={(e) => setText(e.target.value)} sx={{ mt: 1 }} data-testid="note-text" />
    </SimpleDialog>
  );
}

function AssignDialog({ record, open, onClose }: { record: CaseRecord; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const { run, busy } = useRun(record.id);
  const [assignee, setAssignee] = useState<number | ''>('');
  const [options, setOptions] = useState<CaseAssignee[] | null>(null);
  useEffect(() => {
    let live = true;
    dataProvider.fraudCaseAssignees(record.id).then(
      (list) => live && setOptions(list.filter((a) => a.id !== record.assigneeId)),
      () => live && setOptions([]),
    );
    return () => {
      live = false;
    };
  }, [dataProvider, record.id, record.assigneeId]);
  return (
    <SimpleDialog
      open={open}
      onClose={onClose}
      busy={busy}
      testId="assign-dialog"
      title={translate('gongji.fraud.assign_other')}
      submitLabel={translate('gongji.fraud.assign')}
      disabled={assignee === ''}
      onSubmit={async () => {
        if (await run(cmd(AssignFraudCaseDocument, { id: record.id, assigneeId: Number(assignee) }), 'gongji.fraud.assigned')) onClose();
      }}
    >
      <MuiTextField
        select
        autoFocus
        fullWidth
        label={translate('gongji.fraud.assignee')}
        helperText={options && options.length === 0 ? translate('gongji.fraud.no_assignees') : translate('gongji.fraud.assignee_help')}
        value={assignee}
        onChange={(e) => setAssignee(Number(e.target.value))}
        disabled={!options?.length}
        sx={{ mt: 1 }}
        data-testid="assignee-select"
      >
        {(options ?? []).map((a) => (
          <MenuItem key={a.id} value={a.id}>
            {a.displayName} · {a.username}
          </MenuItem>
        ))}
      </MuiTextField>
    </SimpleDialog>
  );
}

function DismissDialog({ record, open, onClose }: { record: CaseRecord; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const { run, busy } = useRun(record.id);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = !reason.trim();
  return (
    <SimpleDialog
      open={open}
      onClose={onClose}
      busy={busy}
      testId="dismiss-dialog"
      title={translate('gongji.fraud.dismiss_title', { id: record.id })}
      submitLabel={translate('gongji.fraud.dismiss')}
      onSubmit={async () => {
        setTouched(true);
        if (missing) return;
        if (await run(cmd(DismissFraudCaseDocument, { id: record.id, reason: reason.trim() }), 'gongji.fraud.dismissed')) onClose();
      }}
    >
      <MuiTextField
        autoFocus
        fullWidth
        multiline
        minRows={2}
        required
        label={translate('gongji.fraud.dismiss_reason')}
        placeholder={translate('gongji.fraud.dismiss_help')}
        value={reason}
        error={touched && missing}
        helperText={touched && missing ? translate('gongji.fraud.reason_required') : translate('gongji.fraud.dismiss_help')}
        onChange={(e) => setReason(e.target.value)}
        sx={{ mt: 1 }}
        data-testid="dismiss-reason"
      />
    </SimpleDialog>
  );
}

function ConfirmDialog({ record, open, onClose }: { record: CaseRecord; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const { run, busy } = useRun(record.id);
  const memberSubject = record.subjectType === 'MEMBER';
  const [reason, setReason] = useState('');
  const [suspend, setSuspend] = useState(memberSubject);
  const [months, setMonths] = useState(3);
  const [bindings, setBindings] = useState<number[]>([]);
  const [recover, setRecover] = useState<number[]>([]);
  const [fine, setFine] = useState(false);
  const [multiplier, setMultiplier] = useState(2);
  const [touched, setTouched] = useState(false);
  const base = accountMoneyFen(record.settlements);
  const toggle = (list: number[], id: number) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const liveBindings = record.bindings.filter((b) => b.state === 'ACTIVE' || b.state === 'PENDING');
  const recoverable = record.settlements.filter((s) => s.status !== 'REVERSED');
  const missing = !reason.trim();

  const submit = async () => {
    setTouched(true);
    if (missing) return;
    const input: ConfirmFraudCaseInput = { caseId: record.id, reason: reason.trim() };
    if (suspend && memberSubject) input.suspendMemberMonths = months;
    if (bindings.length) input.suspendBindingIds = bindings;
    if (recover.length) input.recoverSettlementIds = recover;
    if (fine) input.fineMultiplier = multiplier;
    if (await run(cmd(ConfirmFraudCaseDocument, { input }), 'gongji.fraud.confirmed')) onClose();
  };

  return (
    <SimpleDialog open={open} onClose={onClose} busy={busy} testId="confirm-dialog" title={translate('gongji.fraud.confirm_title', { id: record.id })} submitLabel={translate('gongji.fraud.confirm')} onSubmit={submit}>
      <Stack spacing={2} sx={{ mt: 1 }}>
        <MuiTextField
          autoFocus
          fullWidth
          multiline
          minRows={2}
          required
          label={translate('gongji.fraud.confirm_reason')}
          value={reason}
          error={touched && missing}
          helperText={touched && missing ? translate('gongji.fraud.reason_required') : undefined}
          onChange={(e) => setReason(e.target.value)}
          data-testid="confirm-reason"
        />
        <Box>
          <FormControlLabel
            data-testid="suspend-member"
            control={<Checkbox checked={suspend && memberSubject} disabled={!memberSubject} onChange={(e) => setSuspend(e.target.checked)} />}
            label={translate('gongji.fraud.suspend_member')}
          />
          {memberSubject ? (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', pl: 4 }}>
              <MuiTextField select size="small" label={translate('gongji.fraud.months')} value={months} disabled={!suspend} onChange={(e) => setMonths(Number(e.target.value))} sx={{ width: 160 }} data-testid="suspend-months">
                {Array.from({ length: 10 }, (_, i) => i + 3).map((m) => (
                  <MenuItem key={m} value={m}>
                    {m}
                  </MenuItem>
                ))}
              </MuiTextField>
              {suspend && (
                <Typography variant="body2" color="text.secondary">
                  {translate('gongji.fraud.suspend_until_preview', { date: addMonths(beijingToday(), months) })}
                </Typography>
              )}
            </Stack>
          ) : (
            <Typography variant="caption" color="text.secondary" sx={{ pl: 4, display: 'block' }}>
              {translate('gongji.fraud.no_member_subject')}
            </Typography>
          )}
        </Box>
        {liveBindings.length > 0 && (
          <Box>
            <Typography variant="subtitle2">{translate('gongji.fraud.suspend_bindings')}</Typography>
            {liveBindings.map((b) => (
              <FormControlLabel
                key={b.id}
                sx={{ display: 'flex', pl: 1 }}
                control={<Checkbox size="small" checked={bindings.includes(b.id)} onChange={() => setBindings(toggle(bindings, b.id))} />}
                label={`${translate('gongji.fraud.binding')} #${b.id}：${translate('gongji.fraud.giver')} #${b.giverId} → ${translate('gongji.fraud.beneficiary')} #${b.beneficiaryId}（${translate(`gongji.enums.relationship.${b.relationship}`, { _: b.relationship })}）`}
              />
            ))}
          </Box>
        )}
        {recoverable.length > 0 && (
          <Box>
            <Typography variant="subtitle2">{translate('gongji.fraud.recover')}</Typography>
            {recoverable.map((s) => (
              <FormControlLabel
                key={s.id}
                sx={{ display: 'flex', pl: 1 }}
                control={<Checkbox size="small" checked={recover.includes(s.id)} onChange={() => setRecover(toggle(recover, s.id))} />}
                label={`${translate('gongji.fraud.settlement')} #${s.id}（${s.serialNo}）${translate('gongji.fraud.own_account')} ${formatYuan(s.acctPayFen)} + ${translate('resources.settlements.fields.mulaidPayFen')} ${formatYuan(s.mulaidPayFen)}`}
              />
            ))}
          </Box>
        )}
        <Box>
          <FormControlLabel control={<Checkbox checked={fine} disabled={base <= 0} onChange={(e) => setFine(e.target.checked)} />} label={translate('gongji.fraud.fine')} />
          {base > 0 ? (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', pl: 4 }}>
              <MuiTextField select size="small" label={translate('gongji.fraud.multiplier')} value={multiplier} disabled={!fine} onChange={(e) => setMultiplier(Number(e.target.value))} sx={{ width: 160 }}>
                {[2, 3, 4, 5].map((m) => (
                  <MenuItem key={m} value={m}>
                    {m}
                  </MenuItem>
                ))}
              </MuiTextField>
              <Typography variant="body2" data-testid="fine-preview">
                {translate('gongji.fraud.fine_preview', { base: formatYuan(base), multiplier, amount: formatYuan(fineFen(base, multiplier)) })}
              </Typography>
            </Stack>
          ) : (
            <Typography variant="caption" color="text.secondary" sx={{ pl: 4, display: 'block' }}>
              {translate('gongji.fraud.no_fine_base')}
            </Typography>
          )}
        </Box>
      </Stack>
    </SimpleDialog>
  );
}

/** The buttons available for this case's state. */
export function CaseActions({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { run, busy } = useRun(record.id);
  const [dialog, setDialog] = useState<null | 'note' | 'assign' | 'confirm' | 'dismiss'>(null);
  const open = record.state === 'OPEN' || record.state === 'INVESTIGATING';
  const mine = identity?.id != null && Number(identity.id) === record.assigneeId;
  const close = () => setDialog(null);
  return (
    <Box data-testid="case-actions">
      {!open && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('gongji.fraud.closed')}
        </Alert>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {open && !mine && (
          <Button variant="outlined" disabled={busy} onClick={() => run(cmd(AssignFraudCaseDocument, { id: record.id }), 'gongji.fraud.assigned')}>
            {translate('gongji.fraud.assign_me')}
          </Button>
        )}
        {open && (
          <Button variant="outlined" disabled={busy} onClick={() => setDialog('assign')} data-testid="assign-other">
            {translate('gongji.fraud.assign_other')}
          </Button>
        )}
        {record.state === 'OPEN' && (
          <Button variant="contained" disabled={busy} data-testid="start-investigation" onClick={() => run(cmd(StartFraudInvestigationDocument, { id: record.id }), 'gongji.fraud.started')}>
            {translate('gongji.fraud.start')}
          </Button>
        )}
        <Button variant="outlined" disabled={busy} data-testid="add-note" onClick={() => setDialog('note')}>
          {translate('gongji.fraud.add_note')}
        </Button>
        {record.state === 'INVESTIGATING' && (
          <Button variant="contained" color="error" disabled={busy} data-testid="confirm-case" onClick={() => setDialog('confirm')}>
            {translate('gongji.fraud.confirm')}
          </Button>
        )}
        {open && (
          <Button variant="outlined" color="inherit" disabled={busy} data-testid="dismiss-case" onClick={() => setDialog('dismiss')}>
            {translate('gongji.fraud.dismiss')}
          </Button>
        )}
      </Stack>
      {dialog === 'note' && <NoteDialog record={record} open onClose={close} />}
      {dialog === 'assign' && <AssignDialog record={record} open onClose={close} />}
      {dialog === 'confirm' && <ConfirmDialog record={record} open onClose={close} />}
      {dialog === 'dismiss' && <DismissDialog record={record} open onClose={close} />}
    </Box>
  );
}
