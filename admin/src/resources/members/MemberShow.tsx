import { TopToolbar, useCanAccess } from 'react-admin';
import { ReasonCommandButton } from '../../components/ReasonCommandButton';
import { RecordMemberDeathDocument, RecordMemberExitDocument } from '../../providers/commands';
import { cmd } from '../../providers/dataProvider';
import { SHOW_STATES } from '../../components/states';
import { Typography } from '@mui/material';
import {
  BooleanField,
  DataTable,
  Labeled,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  TextField,
  useRecordContext,
  useTranslate,
  WithRecord,
} from 'react-admin';
import { CalendarDateField, DateTimeField, EnumField, RegionField, YuanField } from '../../components/fields';
import { FieldGrid, Muted, Section, ShowBody } from '../../components/layout';
import { EMPTY } from '../../format';
import { PersonalDataPanel } from './PersonalDataPanel';
import { StatementSection } from './StatementSection';
import { RiskProfileButton } from '../fraudCases/RiskProfileButton';
import { CorrectMemberButton } from '../registryScreens/CorrectMemberButton';
import { MoveRegionButton } from '../registryScreens/MoveRegionButton';
import { WalletSection } from '../registryScreens/WalletSection';
import { ChargesSection } from '../charges/ChargesSection';

function AgeField() {
  const record = useRecordContext<{ age?: number | null }>();
  const translate = useTranslate();
  if (record?.age == null) return <>{EMPTY}</>;
  const age = record.age;
  return <Typography variant="body2">{translate('gongji.member.age_years', { age })}</Typography>;
}

/** Bindings where this member is the giver (`target="giverId"`) or the beneficiary. */
function MemberBindings({ target }: { target: 'giverId' | 'beneficiaryId' }) {
  const other = target === 'giverId' ? 'beneficiaryId' : 'giverId';
  return (
    <ReferenceManyField
      reference="bindings"
      target={target}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 25]} />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="id" />
        <DataTable.Col source="kind" disableSort render={() => <EnumField source="kind" enumName="bindingKind" />} />
        <DataTable.Col source={other} disableSort>
          <ReferenceField source={other} reference="members" link="show" />
        </DataTable.Col>
        <DataTable.Col source="relationship" disableSort render={() => <EnumField source="relationship" enumName="relationship" />} />
        <DataTable.Col source="state" disableSort render={() => <EnumField source="state" enumName="bindingState" chip />} />
        <DataTable.Col source="priority" disableSort />
        <DataTable.Col source="createdAt" field={DateTimeField} />
      </DataTable>
    </ReferenceManyField>
  );
}

/** Registry events a caseworker records (L2: the member's bindings end automatically). */
function MemberActions() {
  const record = useRecordContext<{ id: number; status: string }>();
  const { canAccess } = useCanAccess({ resource: 'members', action: 'edit' });
  if (!record || !canAccess || record.status !== 'ACTIVE') return <TopToolbar />;
  const event = (document: typeof RecordMemberExitDocument) => (reason: string, date: string) => cmd(document, { input: { memberId: record.id, date, reason } });
  return (
    <TopToolbar>
      <CorrectMemberButton />
      <MoveRegionButton />
      <ReasonCommandButton label="gongji.commands.exit" title="gongji.commands.exit_title" help="gongji.commands.irreversible" color="warning" resource="members" withDate testId="record-exit" run={event(RecordMemberExitDocument)} />
      <ReasonCommandButton label="gongji.commands.death" title="gongji.commands.death_title" help="gongji.commands.irreversible" color="error" resource="members" withDate testId="record-death" run={event(RecordMemberDeathDocument)} />
    </TopToolbar>
  );
}

export function MemberShow() {
  return (
    <Show {...SHOW_STATES} actions={<MemberActions />}>
      <ShowBody>
        <Section title="gongji.member.personal" action={<RiskProfileButton />}>
          <PersonalDataPanel />
        </Section>
        <Section title="gongji.member.insurance">
          <FieldGrid>
            <TextField source="id" />
            <EnumField source="sex" enumName="sex" />
            <TextField source="birthYear" />
            <Labeled label="resources.members.fields.age">
              <AgeField />
            </Labeled>
            <EnumField source="scheme" enumName="scheme" />
            <EnumField source="status" enumName="memberStatus" chip />
            <CalendarDateField source="suspendedUntil" />
          </FieldGrid>
          <FieldGrid>
            <RegionField source="insuredRegion" />
            <RegionField source="provinceCode" />
            <BooleanField source="retired" />
            <BooleanField source="offsiteAccountPermission" />
            <YuanField source="contributionBaseFen" />
            <CalendarDateField source="diedOn" />
            <CalendarDateField source="exitedOn" />
          </FieldGrid>
        </Section>
        <Section title="gongji.member.account">
          <WithRecord
            render={(r) =>
              r.account ? (
                <FieldGrid>
                  <YuanField source="account.balanceFen" />
                  <YuanField source="account.reservedFen" />
                </FieldGrid>
              ) : (
                <Muted text="gongji.member.no_account" />
              )
            }
          />
        </Section>
        <Section title="gongji.charges.title">
          <ChargesSection />
        </Section>
        <Section title="gongji.member.gives_to">
          <MemberBindings target="giverId" />
        </Section>
        <Section title="gongji.member.receives_from">
          <MemberBindings target="beneficiaryId" />
        </Section>
        <Section title="gongji.member.statement">
          <StatementSection />
        </Section>
        <Section title="gongji.screens.wallet.title">
          <WalletSection />
        </Section>
        <FieldGrid>
          <DateTimeField source="createdAt" />
          <DateTimeField source="updatedAt" />
        </FieldGrid>
      </ShowBody>
    </Show>
  );
}
