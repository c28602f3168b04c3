import MoveUpIcon from '@mui/icons-material/MoveUp';
import { POOLING_REGIONS, provinceOf } from '@gongji/shared';
import { Autocomplete, TextField } from '@mui/material';
import { useMemo, useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { DateField } from '../../components/DateInputs';
import { beijingToday, formatRegion } from '../../format';
import { UpdateMemberRegistryDocument } from '../../providers/documents';
import type { GongjiDataProvider } from '../../providers/dataProvider';
import { CommandDialog } from './CommandDialog';

/**
 * R2/C3: record a move to another pooling region (转移接续). The API ends the member's bindings (L2)
 * and moves the balance (TRANSFER_OUT, then TRANSFER_IN at once within a province, or after the
 * receiving region accepts across provinces).
 */
export function MoveRegionButton() {
  const record = useRecordContext<{ id: number; insuredRegion: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const [region, setRegion] = useState<string | null>(null);
  const [date, setDate] = useState(beijingToday());
  const options = useMemo(() => POOLING_REGIONS.filter((r) => r.code !== record?.insuredRegion).map((r) => r.code), [record?.insuredRegion]);
  if (!record) return null;
  const crossProvince = !!region && provinceOf(region) !== provinceOf(record.insuredRegion);
  return (
    <CommandDialog
      label="gongji.screens.move.button"
      title="gongji.screens.move.title"
      help="gongji.screens.move.help"
      icon={<MoveUpIcon />}
      color="warning"
      testId="move-region"
      onOpen={() => {
        setRegion(null);
        setDate(beijingToday());
      }}
      canSubmit={!!region && !!date}
      submit={async (reason) => {
        await dataProvider.command('members', UpdateMemberRegistryDocument, { input: { memberId: record.id, insuredRegion: region, date, reason } });
        notify(crossProvince ? 'gongji.screens.move.awaiting' : 'gongji.screens.move.done', { type: 'success', messageArgs: { region: formatRegion(region) } });
        refresh();
      }}
    >
      <Autocomplete
        options={options}
        value={region}
        onChange={(_, v) => setRegion(v)}
        getOptionLabel={(code) => formatRegion(code)}
        noOptionsText={translate('ra.navigation.no_results')}
        renderInput={(params) => <TextField {...params} size="small" label={translate('gongji.screens.move.region')} />}
        data-testid="move-region-input"
        sx={{ mb: 2, mt: 1 }}
      />
      <DateField label="gongji.commands.date" value={date} onChange={setDate} max={beijingToday()} testId="command-date" sx={{ mb: 1 }} />
    </CommandDialog>
  );
}
