import { ActorNameField, LocalTextField } from '../../components/localText';
import { NumberField, Show, TextField, WithRecord } from 'react-admin';
import { CalendarDateField, DateTimeField, RegionField } from '../../components/fields';
import { FieldGrid, ShowBody } from '../../components/layout';
import { parseRules } from './rules';
import { RulesView } from './RulesView';
import { SHOW_STATES } from '../../components/states';

export function PolicyShow() {
  return (
    <Show {...SHOW_STATES}>
      <ShowBody>
        <FieldGrid>
          <TextField source="id" />
          <RegionField source="provinceCode" />
          <NumberField source="version" />
          <CalendarDateField source="effectiveFrom" />
          <ActorNameField source="createdByName" />
          <DateTimeField source="createdAt" />
        </FieldGrid>
        <FieldGrid>
          <LocalTextField source="note" />
        </FieldGrid>
        <WithRecord render={(record) => <RulesView rules={parseRules(record.rules)} />} />
      </ShowBody>
    </Show>
  );
}
