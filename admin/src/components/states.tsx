/**
 * Honest list and record states: an error is shown as an error (in the user's language, with a
 * retry button), never as an empty list with a made-up total; offline is said as such.
 */
import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, AlertTitle, Box, Button } from '@mui/material';
import type { ReactElement } from 'react';
import { Pagination, useListContext, useShowContext, useTranslate } from 'react-admin';

function messageOf(error: unknown, translate: (k: string) => string): string {
  const m = (error as { message?: string } | null)?.message;
  if (m?.startsWith('ra.')) return translate(m);
  return m || translate('gongji.errors.generic.UNKNOWN');
}

export function ErrorPanel({ error, onRetry, title = 'gongji.errors.title', testId = 'load-error' }: { error: unknown; onRetry?: () => void; title?: string; testId?: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 2 }}>
      <Alert
        severity="error"
        data-testid={testId}
        action={
          onRetry && (
            <Button color="inherit" size="small" startIcon={<RefreshIcon />} onClick={onRetry} data-testid="retry">
              {translate('gongji.errors.retry')}
            </Button>
          )
        }
      >
        <AlertTitle>{translate(title)}</AlertTitle>
        {messageOf(error, translate)}
      </Alert>
    </Box>
  );
}

/** <List error={…}>: what went wrong, and a retry. */
export function ListError() {
  const { error, refetch } = useListContext();
  return <ErrorPanel error={error} onRetry={() => void refetch()} />;
}

export function ListOffline() {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 2 }}>
      <Alert severity="warning" data-testid="offline">
        {translate('gongji.errors.offline')}
      </Alert>
    </Box>
  );
}

/**
 * Pagination only for data the server actually returned (no "1–25 of 25" under an error), and a count
 * the server stopped at its cap (`totalCapped`) shown as the lower bound it is: “共 10,000+ 条”.
 */
export function HonestPagination(props: { rowsPerPageOptions?: number[] }) {
  const { error, isPending, data, meta } = useListContext();
  const translate = useTranslate();
  if (error || (isPending && !data)) return null;
  const capped = (meta as { totalCapped?: boolean } | undefined)?.totalCapped === true;
  return (
    <Pagination
      {...props}
      {...(capped ? { labelDisplayedRows: (rows: { from: number; to: number; count: number }) => cappedRangeLabel(translate, rows) } : {})}
    />
  );
}

/** “第 1–25 条，共 10,000+ 条” / “1-25 of 10,000+”: the range of a page whose total is a lower bound. */
export function cappedRangeLabel(translate: (key: string, options?: object) => string, { from, to, count }: { from: number; to: number; count: number }): string {
  return translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: `${count.toLocaleString('en-US')}+` });
}

/** Spread into every <List>: error, offline and pagination states. */
export const LIST_STATES: { error: ReactElement; offline: ReactElement; pagination: ReactElement } = {
  error: <ListError />,
  offline: <ListOffline />,
  pagination: <HonestPagination />,
};

/** <Show error={…}>: the reason (out of scope, not found, server down) instead of a redirect. */
export function RecordError() {
  const { error, refetch } = useShowContext();
  const permanent = ((error as { status?: number } | null)?.status ?? 500) < 500 && ((error as { status?: number } | null)?.status ?? 0) >= 400;
  return <ErrorPanel error={error} title="gongji.errors.record_title" onRetry={permanent ? undefined : () => void refetch()} />;
}

/** Spread into every <Show>. */
export const SHOW_STATES = { error: <RecordError />, redirectOnError: false as const };

/**
 * Compact list cells (1280-px screens): headers and cells stay on one line (Chinese text otherwise
 * breaks one character per line in a squeezed column), less padding. Columns that should wrap set
 * `whiteSpace: 'normal !important'` on themselves.
 */
export const COMPACT_TABLE = {
  '& th, & td': { whiteSpace: 'nowrap', px: 1, py: 0.5 },
  '& th:first-of-type, & td:first-of-type': { pl: 2 },
} as const;
