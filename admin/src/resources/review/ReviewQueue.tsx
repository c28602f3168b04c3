import { LIST_STATES } from '../../components/states';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { RELATIONSHIP_KINDS } from '@gongji/shared';
import { Box, Button, Card, Tab, Tabs } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  DataTable,
  List,
  ReferenceField,
  ResourceContextProvider,
  SelectInput,
  Title,
  TopToolbar,
  useGetList,
  useListContext,
  useNavigate,
  useTranslate,
  WithRecord,
} from 'react-admin';
import { DateTimeField, enumChoices, EnumField, RegionField } from '../../components/fields';
import { RegionInput } from '../../components/RegionInput';
import { daysSince } from '../../format';
import { getQueueFilter, QUEUE_SORT, queueListFilter, reviewPath, setQueueFilter, type QueueKind } from './queue';

const filters = [
  <RegionInput key="region" source="region" label="gongji.review.region" alwaysOn />,
  <SelectInput key="relationship" source="relationship" label="gongji.review.relationship" choices={enumChoices('relationship', RELATIONSHIP_KINDS)} alwaysOn />,
];

export function Waiting({ since }: { since: string }) {
  const translate = useTranslate();
  const days = daysSince(since);
  return <>{days === 0 ? translate('gongji.proof.waiting_today') : translate('gongji.proof.waiting_days', { days })}</>;
}

/** Keeps the queue's narrowing in memory for the review page, and offers "start with the oldest". */
function QueueActions({ kind }: { kind: QueueKind }) {
  const { filterValues, data } = useListContext();
  const navigate = useNavigate();
  const translate = useTranslate();
  useEffect(() => setQueueFilter({ region: filterValues.region as string, relationship: filterValues.relationship as string }), [filterValues.region, filterValues.relationship]);
  const first = data?.[0];
  return (
    <TopToolbar>
      <Button variant="contained" size="small" startIcon={<PlayArrowIcon />} disabled={!first} onClick={() => first && navigate(reviewPath(kind, first.id))}>
        {translate('gongji.review.start')}
      </Button>
    </TopToolbar>
  );
}

function ProofQueue() {
  return (
    <ResourceContextProvider value="proofs">
      <List {...LIST_STATES}
        resource="proofs"
        title={false as unknown as string}
        filters={filters}
        filter={{ reviewState: 'PENDING' }}
        filterDefaultValues={getQueueFilter()}
        sort={QUEUE_SORT}
        perPage={25}
        disableSyncWithLocation
        storeKey="review.proofs"
        exporter={false}
        actions={<QueueActions kind="proofs" />}
        sx={{ '& .RaList-main': { mt: 0 } }}
      >
        <DataTable rowClick={(id) => reviewPath('proofs', id)} bulkActionButtons={false}>
          <DataTable.Col source="id" />
          <DataTable.Col source="createdAt" field={DateTimeField} />
          <DataTable.Col source="waiting" disableSort render={(r) => <Waiting since={r.createdAt as string} />} />
          <DataTable.Col source="bindingId" disableSort render={(r) => `#${r.bindingId}`} />
          <DataTable.Col label="resources.bindings.fields.relationship" disableSort>
            <ReferenceField source="bindingId" reference="bindings" link={false}>
              <EnumField source="relationship" enumName="relationship" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="docType" disableSort render={() => <EnumField source="docType" enumName="docType" />} />
          <DataTable.Col source="fileName" disableSort />
        </DataTable>
      </List>
    </ResourceContextProvider>
  );
}

function BindingQueue() {
  return (
    <ResourceContextProvider value="bindings">
      <List {...LIST_STATES}
        resource="bindings"
        title={false as unknown as string}
        filters={filters}
        filter={{ state: 'PENDING' }}
        filterDefaultValues={getQueueFilter()}
        sort={QUEUE_SORT}
        perPage={25}
        disableSyncWithLocation
        storeKey="review.bindings"
        exporter={false}
        actions={<QueueActions kind="bindings" />}
      >
        <DataTable rowClick={(id) => reviewPath('bindings', id)} bulkActionButtons={false}>
          <DataTable.Col source="id" />
          <DataTable.Col source="createdAt" field={DateTimeField} />
          <DataTable.Col source="waiting" label="resources.proofs.fields.waiting" disableSort render={(r) => <Waiting since={r.createdAt as string} />} />
          <DataTable.Col source="kind" disableSort render={() => <EnumField source="kind" enumName="bindingKind" />} />
          <DataTable.Col source="relationship" disableSort render={() => <EnumField source="relationship" enumName="relationship" />} />
          <DataTable.Col source="giverId" disableSort>
            <ReferenceField source="giverId" reference="members" link={false} />
          </DataTable.Col>
          <DataTable.Col source="beneficiaryId" disableSort>
            <ReferenceField source="beneficiaryId" reference="members" link={false} />
          </DataTable.Col>
          <DataTable.Col source="giverRegion" disableSort field={RegionField} />
          <DataTable.Col source="beneficiaryRegion" disableSort field={RegionField} />
          <DataTable.Col label="gongji.review.progress" disableSort render={() => <WithRecord render={(r) => <Progress record={r} />} />} />
        </DataTable>
      </List>
    </ResourceContextProvider>
  );
}

/** What a pending binding still waits for (E8/E9). */
function Progress({ record }: { record: Record<string, unknown> }) {
  const translate = useTranslate();
  const parts: string[] = [];
  if (record.kind === 'MUTUAL_AID' && !record.commitmentAcceptedAt) parts.push(translate('gongji.review.needs_commitment'));
  if (record.confirmationRequired && !record.confirmedAt) parts.push(translate('gongji.review.needs_confirmation'));
  return <>{parts.length ? parts.join('、') : translate('gongji.review.ready')}</>;
}

function useCount(resource: string, filter: Record<string, unknown>) {
  const { total } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter, sort: QUEUE_SORT });
  return total;
}

/** 审核工作台: pending proofs and pending bindings, oldest first. */
export function ReviewQueue() {
  const translate = useTranslate();
  const [tab, setTab] = useState<QueueKind>('proofs');
  const proofs = useCount('proofs', queueListFilter('proofs', {}));
  const bindings = useCount('bindings', queueListFilter('bindings', {}));
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('gongji.review.queue_title')} />
      <Card sx={{ mb: 1 }}>
        <Tabs value={tab} onChange={(_, v) => setTab(v)}>
          <Tab value="proofs" label={`${translate('gongji.review.tab_proofs')}${proofs != null ? `（${proofs}）` : ''}`} />
          <Tab value="bindings" label={`${translate('gongji.review.tab_bindings')}${bindings != null ? `（${bindings}）` : ''}`} />
        </Tabs>
      </Card>
      {tab === 'proofs' ? <ProofQueue /> : <BindingQueue />}
    </Box>
  );
}
