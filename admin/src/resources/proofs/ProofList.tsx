import { ListActions as ListToolbarActions } from '../../components/ListActions';
import { csvExporter } from '../../export/csv';
import { EXPORT_COLUMNS } from '../../export/columns';
import { DOC_TYPES, PROOF_REVIEW_STATES } from '@gongji/shared';
import { DataTable, List, SelectInput, useCanAccess, useTranslate } from 'react-admin';
import { DateTimeField, enumChoices, EnumField } from '../../components/fields';
import { RegionInput } from '../../components/RegionInput';
import { daysSince, formatBytes } from '../../format';
import { ProofFileButton } from './ProofFileButton';
import { LIST_STATES } from '../../components/states';

const filters = [
  <SelectInput key="reviewState" source="reviewState" choices={enumChoices('proofReviewState', PROOF_REVIEW_STATES)} alwaysOn />,
  <SelectInput key="docType" source="docType" choices={enumChoices('docType', DOC_TYPES)} alwaysOn />,
  <RegionInput key="region" source="region" />,
];

function Waiting({ record }: { record: { createdAt: string } }) {
  const translate = useTranslate();
  const days = daysSince(record.createdAt);
  return <>{days === 0 ? translate('gongji.proof.waiting_today') : translate('gongji.proof.waiting_days', { days })}</>;
}

/** The caseworkers' queue of relationship proofs to review: pending ones, oldest first. */
export function ProofList() {
  const translate = useTranslate();
  // Caseworkers go to the review page (document beside both members); others to the binding.
  const { canAccess: canReview } = useCanAccess({ resource: 'proofs', action: 'review' });
  return (
    <List {...LIST_STATES} actions={<ListToolbarActions />}
      filters={filters}
      filterDefaultValues={{ reviewState: 'PENDING' }}
      sort={{ field: 'createdAt', order: 'ASC' }}
      perPage={25}
      title={translate('gongji.proof.queue_title')}
      exporter={csvExporter('proofs', EXPORT_COLUMNS.proofs)}
    >
      <DataTable rowClick={(id, _resource, record) => (canReview ? `/review/proofs/${id}` : `/bindings/${record.bindingId}/show`)} bulkActionButtons={false}>
        <DataTable.Col source="id" />
        <DataTable.Col source="createdAt" field={DateTimeField} />
        <DataTable.Col source="waiting" disableSort render={(r) => <Waiting record={r as { createdAt: string }} />} />
        <DataTable.Col source="bindingId" disableSort render={(r) => `#${r.bindingId}`} />
        <DataTable.Col source="docType" disableSort render={() => <EnumField source="docType" enumName="docType" />} />
        <DataTable.Col source="fileName" disableSort />
        <DataTable.Col source="sizeBytes" disableSort render={(r) => formatBytes(r.sizeBytes)} />
        <DataTable.Col source="reviewState" disableSort render={() => <EnumField source="reviewState" enumName="proofReviewState" chip />} />
        <DataTable.Col label=" " disableSort render={(r) => <ProofFileButton proofId={r.id} />} />
      </DataTable>
    </List>
  );
}
