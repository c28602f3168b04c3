import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Button, CircularProgress, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { ApproveBindingWithProofsDocument } from '../../providers/commands';
import type { GongjiDataProvider } from '../../providers/dataProvider';

/** Refusals that mean someone else decided first: the page reloads and says so. */
export const STALE_CODES = ['PROOFS_CHANGED', 'BINDING_ALREADY_DECIDED'];

/**
 * E9 in one pass: approve every pending document of a pending binding and then the binding
 * (`approveBindingWithProofs`, one transaction). The proofs the reviewer saw go along, so a document
 * decided or uploaded meanwhile refuses the whole action instead of being approved unseen.
 */
export function ApproveWithProofsButton({
  binding,
  reason,
  disabled,
  onDone,
  onError,
}: {
  binding: { id: number | string; state: string; proofs: Array<{ id: number | string; reviewState: string }> };
  reason: string;
  disabled?: boolean;
  onDone: () => Promise<void> | void;
  onError: (message: string, stale: boolean) => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'bindings', action: 'review' });
  const [busy, setBusy] = useState(false);
  const pending = binding.proofs.filter((p) => p.reviewState === 'PENDING').map((p) => Number(p.id));
  if (!canAccess || binding.state !== 'PENDING' || !pending.length) return null;
  const run = async () => {
    const why = reason.trim();
    if (why.length < 2) {
      onError(translate('gongji.review.reason_required'), false);
      return;
    }
    setBusy(true);
    try {
      await dataProvider.command('bindings', ApproveBindingWithProofsDocument, { bindingId: Number(binding.id), proofIds: pending, reason: why });
      notify('gongji.screens.approve_all.done', { type: 'success', messageArgs: { id: binding.id } });
      await onDone();
    } catch (e) {
      const code = (e as { body?: { code?: string } })?.body?.code ?? '';
      onError((e as Error).message, STALE_CODES.includes(code));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip title={translate('gongji.screens.approve_all.help')}>
      <span>
        <Button
          variant="contained"
          color="success"
          startIcon={busy ? <CircularProgress size={16} /> : <DoneAllIcon />}
          disabled={disabled || busy}
          onClick={() => void run()}
          data-testid="approve-with-proofs"
        >
          {translate('gongji.screens.approve_all.button', { count: pending.length })}
        </Button>
      </span>
    </Tooltip>
  );
}
