import { ReasonCommandButton } from '../../components/ReasonCommandButton';
import { RestoreBindingDocument, StaffRevokeBindingDocument, SuspendBindingDocument } from '../../providers/commands';
import { cmd } from '../../providers/dataProvider';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Button } from '@mui/material';
import { BooleanField, DataTable, LinkBase, ReferenceField, ReferenceManyField, Show, TextField, TopToolbar, useCanAccess, useRecordContext, useTranslate, WithRecord } from 'react-admin';
import { DateTimeField, EnumField, RegionField, YuanField } from '../../components/fields';
import { FieldGrid, Section, ShowBody } from '../../components/layout';
import { formatBytes } from '../../format';
import { ProofFileButton } from '../proofs/ProofFileButton';
import { NoLimitYuanField } from './BindingList';
import { ConsistencyPanel } from './ConsistencyPanel';
import { TransitionTimeline } from './TransitionTimeline';
import type { BindingTransition } from './transitions';
import { SHOW_STATES } from '../../components/states';

/** Caseworkers open a pending binding in the review page (document beside both members). */
function BindingActions() {
  const record = useRecordContext<{ id: number; state: string }>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'bindings', action: 'review' });
  const { canAccess: canSuspend } = useCanAccess({ resource: 'bindings', action: 'suspend' });
  return (
    <TopToolbar>
      {canSuspend && record?.state === 'ACTIVE' && (
        <ReasonCommandButton
          label="gongji.commands.suspend"
          title="gongji.commands.suspend_title"
          color="warning"
          resource="bindings"
          testId="suspend-binding"
          run={(reason) => cmd(SuspendBindingDocument, { id: record.id, reason })}
        />
      )}
      {canSuspend && record?.state === 'SUSPENDED' && (
        <ReasonCommandButton
          label="gongji.commands.restore"
          title="gongji.commands.restore_title"
          color="success"
          resource="bindings"
          testId="restore-binding"
          run={(reason) => cmd(RestoreBindingDocument, { id: record.id, reason })}
        />
      )}
      {canAccess && record && ['PENDING', 'ACTIVE', 'SUSPENDED'].includes(record.state) && (
        <ReasonCommandButton
          label="gongji.screens.revoke.button"
          title="gongji.screens.revoke.title"
          help="gongji.screens.revoke.help"
          color="error"
          resource="bindings"
          testId="revoke-binding"
          run={(reason) => cmd(StaffRevokeBindingDocument, { id: record.id, reason })}
        />
      )}
      {record?.state === 'PENDING' && canAccess ? (
        <Button size="small" variant="contained" startIcon={<FactCheckIcon />} component={LinkBase} to={`/review/bindings/${record.id}`}>
          {translate('gongji.review.title')}
        </Button>
      ) : null}
    </TopToolbar>
  );
}

export function BindingShow() {
  return (
    <Show {...SHOW_STATES} actions={<BindingActions />}>
      <ShowBody>
        <Section title="gongji.binding.parties">
          <FieldGrid>
            <TextField source="id" />
            <EnumField source="kind" enumName="bindingKind" />
            <EnumField source="state" enumName="bindingState" chip />
            <ReferenceField source="giverId" reference="members" link="show" />
            <ReferenceField source="beneficiaryId" reference="members" link="show" />
            <EnumField source="relationship" enumName="relationship" />
            <EnumField source="initiatedBy" enumName="initiator" />
          </FieldGrid>
          <FieldGrid>
            <RegionField source="giverRegion" />
            <RegionField source="beneficiaryRegion" />
          </FieldGrid>
        </Section>
        <Section title="gongji.binding.consistency">
          <ConsistencyPanel />
        </Section>
        <Section title="gongji.binding.terms">
          <FieldGrid>
            <NoLimitYuanField source="singleLimitFen" />
            <TextField source="priority" />
            <YuanField source="reservedFen" />
          </FieldGrid>
        </Section>
        <Section title="gongji.binding.process">
          <FieldGrid>
            <EnumField source="activationMode" enumName="activationMode" />
            <BooleanField source="approved" />
            <BooleanField source="confirmationRequired" />
            <DateTimeField source="confirmedAt" />
            <DateTimeField source="commitmentAcceptedAt" />
            <ReferenceField source="policyVersionId" reference="policies" link="show" />
          </FieldGrid>
          <FieldGrid>
            <DateTimeField source="createdAt" />
            <DateTimeField source="activatedAt" />
            <DateTimeField source="endedAt" />
            <DateTimeField source="updatedAt" />
          </FieldGrid>
        </Section>
        <Section title="gongji.binding.proofs">
          <ReferenceManyField reference="proofs" target="bindingId" sort={{ field: 'createdAt', order: 'ASC' }} perPage={50}>
            <DataTable bulkActionButtons={false} rowClick={false}>
              <DataTable.Col source="id" />
              <DataTable.Col source="docType" disableSort render={() => <EnumField source="docType" enumName="docType" />} />
              <DataTable.Col source="fileName" disableSort />
              <DataTable.Col source="sizeBytes" disableSort render={(r) => formatBytes(r.sizeBytes)} />
              <DataTable.Col source="reviewState" disableSort render={() => <EnumField source="reviewState" enumName="proofReviewState" chip />} />
              <DataTable.Col source="reviewerName" disableSort />
              <DataTable.Col source="createdAt" field={DateTimeField} />
              <DataTable.Col label=" " disableSort render={(r) => <ProofFileButton proofId={r.id} />} />
            </DataTable>
          </ReferenceManyField>
        </Section>
        <Section title="gongji.binding.timeline">
          <WithRecord render={(r) => <TransitionTimeline transitions={r.transitions as BindingTransition[] | undefined} />} />
        </Section>
      </ShowBody>
    </Show>
  );
}
