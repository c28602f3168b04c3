import { Box, Button, LinearProgress, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { BooleanField, Labeled, NumberField, Show, SimpleShowLayout, TextField, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, EnumField, MonoField } from '../../components/fields';
import { downloadProblems, fetchProblems } from '../../providers/registry';

function Progress() {
  const r = useRecordContext<{ status: string; bytesRead: number; totalBytes: number }>();
  const translate = useTranslate();
  if (!r) return null;
  const pct = r.totalBytes ? Math.min(100, Math.round((r.bytesRead / r.totalBytes) * 100)) : 100;
  return (
    <Labeled label={translate('gongji.import.progress')}>
      <Box sx={{ minWidth: 320 }}>
        <LinearProgress variant="determinate" value={pct} color={r.status === 'FAILED' ? 'error' : 'primary'} aria-label={translate('gongji.import.progress')} />
        <Typography variant="caption">{pct}%</Typography>
      </Box>
    </Labeled>
  );
}

function Problems() {
  const r = useRecordContext<{ id: number; status: string; problemCount: number }>();
  const translate = useTranslate();
  const notify = useNotify();
  const [page, setPage] = useState(0);
  const perPage = 50;
  const [data, setData] = useState<Awaited<ReturnType<typeof fetchProblems>> | null>(null);
  const id = r?.id;
  const count = r?.problemCount;
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    fetchProblems(Number(id), page + 1, perPage)
      .then((d) => live && setData(d))
      .catch((e: Error) => notify(e.message, { type: 'error' }));
    return () => {
      live = false;
    };
  }, [id, page, count, notify]);
  if (!r) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="h6">{translate('gongji.import.problems')}</Typography>
      {r.problemCount > 0 && (
        <Button size="small" onClick={() => downloadProblems(Number(r.id)).catch((e: Error) => notify(e.message, { type: 'error' }))}>
          {translate('gongji.import.download')}
        </Button>
      )}
      {data && data.total === 0 ? (
        <Typography variant="body2">{translate('gongji.import.no_problems')}</Typography>
      ) : (
        <Table size="small" aria-label={translate('gongji.import.problems')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('gongji.import.row')}</TableCell>
              <TableCell>{translate('gongji.import.column')}</TableCell>
              <TableCell>{translate('gongji.import.rule')}</TableCell>
              <TableCell>{translate('gongji.import.message')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data?.items.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{p.rowNumber}</TableCell>
                <TableCell>{p.columnName}</TableCell>
                <TableCell title={p.code}>{translate(`gongji.import.codes.${p.code}`, { _: p.code })}</TableCell>
                <TableCell>{p.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {data && data.total > perPage && (
        <TablePagination component="div" count={data.total} page={page} rowsPerPage={perPage} rowsPerPageOptions={[perPage]} onPageChange={(_e, p) => setPage(p)} />
      )}
    </Box>
  );
}

/** R1: one import, its progress (polled while it runs), its counts and its problem report. */
export function ImportShow() {
  return (
    <Show queryOptions={{ refetchInterval: (q) => ((q.state.data as { status?: string } | undefined)?.status === 'RUNNING' ? 1000 : false) }}>
      <SimpleShowLayout>
        <EnumField source="kind" enumName="importKind" />
        <TextField source="fileName" />
        <MonoField source="fileSha256" />
        <BooleanField source="dryRun" />
        <EnumField source="status" enumName="importStatus" chip />
        <Progress />
        <NumberField source="rowsRead" />
        <NumberField source="inserted" />
        <NumberField source="updated" />
        <NumberField source="unchanged" />
        <NumberField source="rejected" />
        <NumberField source="problemCount" />
        <TextField source="failure" emptyText="" />
        <TextField source="startedBy" />
        <DateTimeField source="startedAt" />
        <DateTimeField source="finishedAt" />
        <Problems />
      </SimpleShowLayout>
    </Show>
  );
}
