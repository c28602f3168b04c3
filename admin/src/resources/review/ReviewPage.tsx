import { useLocalText } from '../../components/localText';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import ListIcon from '@mui/icons-material/FormatListBulleted';
import SkipNextIcon from '@mui/icons-material/SkipNext';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  CircularProgress,
  Grid,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorPanel } from '../../components/states';
import { LinkBase, Title, useCanAccess, useDataProvider, useGetOne, useLocale, useNavigate, useNotify, useParams, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { useEnumLabel } from '../../components/fields';
import { EMPTY, formatBytes, formatDateTime, formatRegion, formatYuan } from '../../format';
import { graphql } from '../../gql';
import type { Admin_ReviewBindingQuery } from '../../gql/graphql';
import { ApproveBindingDocument, RejectBindingDocument, ReviewProofDocument } from '../../providers/commands';
import type { GongjiDataProvider, RecordMeta, RevealedMember } from '../../providers/dataProvider';
import { TransitionTimeline } from '../bindings/TransitionTimeline';
import { DocumentPreview } from './DocumentPreview';
import { RevealDialog } from '../members/RevealDialog';
import { ApproveWithProofsButton } from '../bindingScreens/ApproveWithProofsButton';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { pickNext, QUEUE_SORT, queueListFilter, reviewPath, type QueueKind } from './queue';

/** The binding with everything the review needs: both members, its proofs, E5 facts and its history. */
export const ReviewBindingDocument = graphql(`
  query Admin_reviewBinding($id: Int!) {
    record: binding(id: $id) {
      ...BindingFields
      giver {
        ...ReviewMemberFields
      }
      beneficiary {
        ...ReviewMemberFields
      }
      proofs {
        ...ProofFields
      }
      requiredProofTypes
      consistency {
        giverAge
        beneficiaryAge
        giverSex
        beneficiarySex
        ageGapYears
        problems
      }
      history {
        ...BindingTransitionFields
      }
    }
  }
`);

graphql(`
  fragment ReviewMemberFields on Member {
    id
    name
    idNumber
    sex
    birthYear
    age
    diedOn
    scheme
    status
    insuredRegion
    retired
    account {
      balanceFen
    }
  }
`);

type ReviewBinding = NonNullable<Admin_ReviewBindingQuery['record']>;
type MemberData = NonNullable<ReviewBinding['giver']>;
type ProofData = ReviewBinding['proofs'][number];

/** Decisions taken in this browser tab (memory only), newest first. */
const REASON_PRESETS = ['unclear', 'mismatch', 'wrong_type', 'incomplete', 'expired', 'ok'] as const;

const decided: Array<{ kind: QueueKind; id: number; decision: 'APPROVE' | 'REJECT'; at: string }> = [];
const skipped = new Set<string>();

function Panel({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardHeader title={translate(title)} action={action} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} sx={{ pb: 0 }} />
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** Both members' registry data side by side. */
function PartiesTable({ binding }: { binding: ReviewBinding }) {
  const translate = useTranslate();
  const label = useEnumLabel();
  const locale = useLocale();
  const f = (k: string) => translate(`resources.members.fields.${k}`);
  const age = (m: MemberData | null) => (m ? translate('gongji.member.age_years', { age: m.age }) : EMPTY);
  // A3: the clear name and ID number, to compare with the certificate; asked for with a reason (audited),
  // kept in this component's state only and forgotten when another binding is shown.
  const { canAccess: canReveal } = useCanAccess({ resource: 'members', action: 'reveal' });
  const [revealed, setRevealed] = useState<Record<number, RevealedMember>>({});
  const [asking, setAsking] = useState<number | null>(null);
  useEffect(() => setRevealed({}), [binding.id]);
  const clear = (m: MemberData) => revealed[Number(m.id)] ?? null;
  const rows: Array<[string, (m: MemberData) => ReactNode]> = [
    [f('name'), (m) => <LinkBase to={`/members/${m.id}/show`}>{clear(m)?.name ?? m.name}</LinkBase>],
    [f('idNumber'), (m) => <Box component="span" sx={{ fontFamily: 'monospace' }} data-testid={`party-id-${m.id}`}>{clear(m)?.idNumber ?? m.idNumber}</Box>],
    [
      translate('gongji.reveal.clear_data'),
      (m) =>
        clear(m) ? (
          <Button size="small" startIcon={<VisibilityOffIcon />} onClick={() => setRevealed(({ [Number(m.id)]: _drop, ...rest }) => rest)}>
            {translate('gongji.reveal.hide')}
          </Button>
        ) : canReveal ? (
          <Button size="small" variant="outlined" startIcon={<VisibilityIcon />} onClick={() => setAsking(Number(m.id))} data-testid={`reveal-party-${m.id}`}>
            {translate('gongji.reveal.button')}
          </Button>
        ) : (
          EMPTY
        ),
    ],
    [f('sex'), (m) => label('sex', m.sex)],
    [f('birthYear'), (m) => `${m.birthYear}（${age(m)}）`],
    [f('scheme'), (m) => label('scheme', m.scheme)],
    [f('status'), (m) => label('memberStatus', m.status)],
    [f('insuredRegion'), (m) => formatRegion(m.insuredRegion, locale)],
    [f('retired'), (m) => translate(m.retired ? 'ra.boolean.true' : 'ra.boolean.false')],
    [translate('resources.members.fields.account.balanceFen'), (m) => (m.account ? formatYuan(m.account.balanceFen) : EMPTY)],
  ];
  return (
    <Table size="small" data-testid="parties">
      <TableHead>
        <TableRow>
          <TableCell />
          <TableCell>{translate('resources.bindings.fields.giverId')}</TableCell>
          <TableCell>{translate('resources.bindings.fields.beneficiaryId')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(([name, value]) => (
          <TableRow key={name}>
            <TableCell sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>{name}</TableCell>
            <TableCell>{binding.giver ? value(binding.giver) : EMPTY}</TableCell>
            <TableCell>{binding.beneficiary ? value(binding.beneficiary) : EMPTY}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      {asking !== null && (
        <RevealDialog memberId={asking} open onClose={() => setAsking(null)} onRevealed={(r) => setRevealed((prev) => ({ ...prev, [Number(r.id)]: r }))} />
      )}
    </Table>
  );
}

/** E5: what the two ID numbers say about the claimed relationship. */
function ConsistencyFacts({ binding }: { binding: ReviewBinding }) {
  const translate = useTranslate();
  const label = useEnumLabel();
  const c = binding.consistency;
  if (!c) return <Typography variant="body2" color="text.secondary">{translate('gongji.review.no_consistency')}</Typography>;
  const facts = (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      <li>{translate('gongji.review.fact_sexes', { giver: label('sex', c.giverSex), beneficiary: label('sex', c.beneficiarySex) })}</li>
      <li>{translate('gongji.binding.ages', { giverAge: c.giverAge, beneficiaryAge: c.beneficiaryAge })}</li>
      <li>{translate('gongji.review.fact_gap', { gap: c.ageGapYears })}</li>
    </Box>
  );
  return c.problems.length ? (
    <Alert severity="warning" data-testid="consistency">
      <AlertTitle>{translate('gongji.review.inconsistent')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, mb: 1, pl: 2.5, fontWeight: 600 }}>
        {c.problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </Box>
      {facts}
    </Alert>
  ) : (
    <Alert severity="success" variant="outlined" data-testid="consistency">
      <AlertTitle>{translate('gongji.binding.consistent')}</AlertTitle>
      {facts}
    </Alert>
  );
}

function RequiredProofs({ binding }: { binding: ReviewBinding }) {
  const translate = useTranslate();
  const label = useEnumLabel();
  if (!binding.requiredProofTypes.length) return <Typography variant="body2">{translate('gongji.policy.none')}</Typography>;
  const ok = binding.proofs.some((p) => p.reviewState === 'APPROVED' && binding.requiredProofTypes.includes(p.docType));
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <Typography variant="body2">{translate('gongji.policy.any_of')}：</Typography>
      {binding.requiredProofTypes.map((t) => (
        <Chip key={t} size="small" variant="outlined" label={label('docType', t)} />
      ))}
      <Chip size="small" color={ok ? 'success' : 'warning'} label={translate(ok ? 'gongji.review.proof_ok' : 'gongji.review.proof_missing')} />
    </Stack>
  );
}

function useGoNext(kind: QueueKind, currentId: number) {
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const navigate = useNavigate();
  const notify = useNotify();
  return async () => {
    const { data } = await dataProvider.getList(kind, { filter: queueListFilter(kind), sort: QUEUE_SORT, pagination: { page: 1, perPage: 25 } });
    const next = pickNext(data, currentId, skipped);
    if (next) navigate(reviewPath(kind, next.id));
    else {
      notify('gongji.review.queue_empty', { type: 'info' });
      navigate('/review');
    }
  };
}

/** The decision box: approve or reject (with a reason) the proof on screen, or the binding itself. */
function Decision({ kind, target, binding, proof }: { kind: QueueKind; target: number; binding: ReviewBinding; proof: ProofData | null }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const goNext = useGoNext(kind, target);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { canAccess: canReview } = useCanAccess({ resource: kind, action: 'review' });
  const pending = kind === 'proofs' ? proof?.reviewState === 'PENDING' : binding.state === 'PENDING';
  const needsReasonToApprove = kind === 'bindings';

  // Keyboard: Alt+A approve, Alt+J reject (驳回), Alt+N next item.
  const decideRef = useRef<(d: 'APPROVE' | 'REJECT') => void>(() => undefined);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || busy) return;
      const k = e.key.toLowerCase();
      if (k === 'a' && pending && canReview) decideRef.current('APPROVE');
      else if (k === 'j' && pending && canReview) decideRef.current('REJECT');
      else if (k === 'n') {
        skipped.add(String(target));
        void goNext();
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, pending, canReview, target, goNext]);

  const decide = async (decision: 'APPROVE' | 'REJECT') => {
    const why = reason.trim();
    if ((decision === 'REJECT' || needsReasonToApprove) && why.length < 2) {
      setError(translate('gongji.review.reason_required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (kind === 'proofs')
        await dataProvider.command('proofs', ReviewProofDocument, { id: target, decision, reason: why || null });
      else await dataProvider.command('bindings', decision === 'APPROVE' ? ApproveBindingDocument : RejectBindingDocument, { id: target, reason: why });
      decided.unshift({ kind, id: target, decision, at: new Date().toISOString() });
      notify(decision === 'APPROVE' ? 'gongji.review.approved' : 'gongji.review.rejected', { type: 'success', messageArgs: { id: target } });
      setReason('');
      refresh();
      await goNext();
    } catch (e) {
      const body = (e as { body?: { code?: string; rule?: string } })?.body;
      // Decided by someone else meanwhile: reload the item so the page shows its real state.
      const stale = body?.code === 'PROOF_ALREADY_REVIEWED' || body?.code === 'NOTHING_TO_DO' || /^L\d/.test(body?.rule ?? '');
      refresh();
      setError(stale ? translate('gongji.errors.stale_decision') : (e as Error)?.message || translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };

  decideRef.current = (d) => void decide(d);
  return (
    <Panel title={kind === 'proofs' ? 'gongji.review.decide_proof' : 'gongji.review.decide_binding'}>
      {!canReview ? (
        <Alert severity="info">{translate('gongji.review.read_only')}</Alert>
      ) : !pending ? (
        <Alert severity={error ? 'warning' : 'info'} data-testid="already-decided">
          {error ?? translate('gongji.review.already_decided')}
        </Alert>
      ) : (
        <>
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }} data-testid="reason-presets">
            <Typography variant="caption" color="text.secondary" sx={{ alignSelf: 'center', mr: 0.5 }}>
              {translate('gongji.reasons.presets')}
            </Typography>
            {REASON_PRESETS.map((k) => (
              <Chip key={k} size="small" variant="outlined" label={translate(`gongji.reasons.${k}`)} onClick={() => setReason(translate(`gongji.reasons.${k}`))} />
            ))}
          </Stack>
          <TextField
            fullWidth
            multiline
            minRows={2}
            size="small"
            name="reason"
            label={translate('gongji.review.reason')}
            helperText={translate(needsReasonToApprove ? 'gongji.review.reason_help_binding' : 'gongji.review.reason_help')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'review-reason' } }}
          />
          {error && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {error}
            </Alert>
          )}
          <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap', '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
            <Button variant="contained" color="success" startIcon={busy ? <CircularProgress size={16} /> : <CheckIcon />} disabled={busy} onClick={() => decide('APPROVE')} data-testid="approve">
              {translate('gongji.review.approve')}
            </Button>
            <Button variant="contained" color="error" startIcon={<CloseIcon />} disabled={busy} onClick={() => decide('REJECT')} data-testid="reject">
              {translate('gongji.review.reject')}
            </Button>
            <ApproveWithProofsButton
              binding={binding}
              reason={reason}
              disabled={busy}
              onDone={async () => {
                decided.unshift({ kind: 'bindings', id: Number(binding.id), decision: 'APPROVE', at: new Date().toISOString() });
                setReason('');
                refresh();
                await goNext();
              }}
              onError={(message, stale) => {
                if (stale) refresh();
                setError(message);
              }}
            />
            <Typography variant="caption" color="text.secondary" sx={{ alignSelf: 'center' }}>
              {translate('gongji.review.shortcuts')}
            </Typography>
          </Stack>
        </>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
        <Button
          size="small"
          startIcon={<SkipNextIcon />}
          disabled={busy}
          onClick={() => {
            skipped.add(String(target));
            void goNext();
          }}
        >
          {translate('gongji.review.skip')}
        </Button>
        <Button size="small" startIcon={<ListIcon />} component={LinkBase} to="/review">
          {translate('gongji.review.back_to_queue')}
        </Button>
      </Stack>
    </Panel>
  );
}

function Decided() {
  const translate = useTranslate();
  if (!decided.length) return null;
  return (
    <Panel title="gongji.review.decided_now">
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="decided">
        {decided.slice(0, 12).map((d) => (
          <Chip
            key={`${d.kind}-${d.id}`}
            size="small"
            color={d.decision === 'APPROVE' ? 'success' : 'error'}
            variant="outlined"
            label={`${translate(d.kind === 'proofs' ? 'gongji.review.proof_n' : 'gongji.review.binding_n', { id: d.id })} ${translate(d.decision === 'APPROVE' ? 'gongji.enums.proofReviewState.APPROVED' : 'gongji.enums.proofReviewState.REJECTED')}`}
          />
        ))}
      </Stack>
    </Panel>
  );
}

/** Document on the left; claimed relationship, both members, E5 facts and the decision on the right. */
function Workspace({ kind, target, bindingId, focusProofId }: { kind: QueueKind; target: number; bindingId: number; focusProofId?: number }) {
  const translate = useTranslate();
  const label = useEnumLabel();
  const locale = useLocale();
  const local = useLocalText();
  const { data: binding, isPending, error } = useGetOne<ReviewBinding>(
    'bindings',
    { id: bindingId, meta: { document: ReviewBindingDocument } satisfies RecordMeta },
    // a colleague may decide the same item: re-read it every 30 s and when the tab regains focus
    { refetchInterval: 30_000, refetchOnWindowFocus: true },
  );
  const [chosen, setChosen] = useState<number | null>(null);
  if (isPending) return <CircularProgress sx={{ m: 4 }} />;
  if (error || !binding) return <ErrorPanel error={error} title="gongji.errors.record_title" />;
  const proofs = binding.proofs;
  const shownId = chosen ?? focusProofId ?? proofs.find((p) => p.reviewState === 'PENDING')?.id ?? proofs[0]?.id;
  const shown = proofs.find((p) => p.id === shownId) ?? null;
  const focus = kind === 'proofs' ? (proofs.find((p) => p.id === target) ?? null) : null;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Panel
          title="gongji.review.document"
          action={
            shown ? <Chip size="small" color={shown.reviewState === 'PENDING' ? 'warning' : shown.reviewState === 'APPROVED' ? 'success' : 'error'} label={label('proofReviewState', shown.reviewState)} data-testid="shown-proof-state" /> : undefined
          }
        >
          {proofs.length > 1 && (
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1.5 }}>
              {proofs.map((p) => (
                <Chip
                  key={p.id}
                  clickable
                  color={p.id === shownId ? 'primary' : 'default'}
                  variant={p.id === shownId ? 'filled' : 'outlined'}
                  label={`#${p.id} ${label('docType', p.docType)} · ${label('proofReviewState', p.reviewState)}`}
                  onClick={() => setChosen(p.id)}
                />
              ))}
            </Stack>
          )}
          {shown ? (
            <>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {label('docType', shown.docType)} · {shown.fileName} · {formatBytes(shown.sizeBytes)} · {translate('resources.proofs.fields.createdAt')} {formatDateTime(shown.createdAt)}
                {shown.reviewReason ? ` · ${translate('resources.proofs.fields.reviewReason')}：${local(shown.reviewReason)}` : ''}
              </Typography>
              <DocumentPreview proofId={shown.id} mimeType={shown.mimeType} fileName={shown.fileName} />
            </>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('gongji.review.no_documents')}
            </Typography>
          )}
        </Panel>
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Panel
          title="gongji.review.claim"
          action={<Chip size="small" label={label('bindingState', binding.state)} color={binding.state === 'PENDING' ? 'warning' : 'default'} data-testid="binding-state" />}
        >
          <Typography variant="h6" sx={{ mb: 1 }} data-testid="claimed-relationship">
            {translate('gongji.review.claim_line', { relationship: label('relationship', binding.relationship) })}
          </Typography>
          <Stack spacing={0.5} sx={{ mb: 1.5 }}>
            <Typography variant="body2">
              {label('bindingKind', binding.kind)} · {translate('resources.bindings.fields.initiatedBy')}：{label('initiator', binding.initiatedBy)} ·{' '}
              {label('activationMode', binding.activationMode)} · <LinkBase to={`/bindings/${binding.id}/show`}>{translate('gongji.review.binding_n', { id: binding.id })}</LinkBase>
            </Typography>
            <Typography variant="body2">
              {formatRegion(binding.giverRegion, locale)} → {formatRegion(binding.beneficiaryRegion, locale)}
            </Typography>
            <Typography variant="body2">
              {translate('resources.bindings.fields.commitmentAcceptedAt')}：{formatDateTime(binding.commitmentAcceptedAt)} · {translate('resources.bindings.fields.confirmedAt')}：
              {binding.confirmationRequired ? formatDateTime(binding.confirmedAt) : translate('gongji.review.not_needed')}
            </Typography>
          </Stack>
          <RequiredProofs binding={binding} />
        </Panel>
        <Panel title="gongji.review.consistency">
          <ConsistencyFacts binding={binding} />
        </Panel>
        <Panel title="gongji.review.parties">
          <PartiesTable binding={binding} />
        </Panel>
        <Decision key={`${kind}-${target}`} kind={kind} target={target} binding={binding} proof={focus} />
        <Decided />
        <Panel title="gongji.binding.timeline">
          <TransitionTimeline transitions={binding.history} />
        </Panel>
      </Grid>
    </Grid>
  );
}

function Header({ kind, id }: { kind: QueueKind; id: number }) {
  const translate = useTranslate();
  return <Title title={`${translate('gongji.review.title')} · ${translate(kind === 'proofs' ? 'gongji.review.proof_n' : 'gongji.review.binding_n', { id })}`} />;
}

export function ProofReviewPage() {
  const id = Number(useParams().id);
  const { data: proof, isPending, error } = useGetOne<RaRecord & { bindingId: number }>('proofs', { id });
  return (
    <Box sx={{ mt: 2 }} data-testid="review-page">
      <Header kind="proofs" id={id} />
      {isPending ? <CircularProgress /> : error || !proof ? <ErrorPanel error={error} title="gongji.errors.record_title" /> : <Workspace kind="proofs" target={id} bindingId={proof.bindingId} focusProofId={id} />}
    </Box>
  );
}

export function BindingReviewPage() {
  const id = Number(useParams().id);
  return (
    <Box sx={{ mt: 2 }} data-testid="review-page">
      <Header kind="bindings" id={id} />
      <Workspace kind="bindings" target={id} bindingId={id} />
    </Box>
  );
}
