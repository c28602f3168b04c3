import EditNoteIcon from '@mui/icons-material/EditNote';
import { yuanToFen } from '@gongji/shared';
import { Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { CorrectMemberInput } from '../../gql/graphql';
import { CorrectMemberDocument } from '../../providers/commands';
import type { GongjiDataProvider } from '../../providers/dataProvider';
import { CommandDialog } from './CommandDialog';

const YUAN = /^\d+(\.\d{1,2})?$/;

/** R1: correct a member's name, phone or contribution base (in scope, audited). Only what is filled in changes. */
export function CorrectMemberButton() {
  const record = useRecordContext<{ id: number }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [base, setBase] = useState('');
  if (!record) return null;
  const badBase = base.trim() !== '' && !YUAN.test(base.trim());
  const any = name.trim() !== '' || phone.trim() !== '' || base.trim() !== '';
  return (
    <CommandDialog
      label="gongji.screens.correct.button"
      title="gongji.screens.correct.title"
      help="gongji.screens.correct.help"
      icon={<EditNoteIcon />}
      testId="correct-member"
      onOpen={() => {
        setName('');
        setPhone('');
        setBase('');
      }}
      canSubmit={any && !badBase}
      submit={async (reason) => {
        const input: CorrectMemberInput = { memberId: record.id, reason };
        if (name.trim()) input.name = name.trim();
        if (phone.trim()) input.phone = phone.trim();
        if (base.trim()) input.contributionBaseFen = yuanToFen(base.trim());
        await dataProvider.command('members', CorrectMemberDocument, { input });
        notify('gongji.commands.done', { type: 'success', messageArgs: { action: translate('gongji.screens.correct.button') } });
        refresh();
      }}
    >
      <Stack spacing={2} sx={{ mt: 1, mb: 1 }}>
        <TextField size="small" label={translate('gongji.screens.correct.name')} value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { maxLength: 50, 'data-testid': 'correct-name' } }} />
        <TextField size="small" label={translate('gongji.screens.correct.phone')} value={phone} onChange={(e) => setPhone(e.target.value)} slotProps={{ htmlInput: { maxLength: 20, inputMode: 'tel', 'data-testid': 'correct-phone' } }} />
        <TextField
          size="small"
          label={translate('gongji.screens.correct.contribution')}
          value={base}
          onChange={(e) => setBase(e.target.value)}
          error={badBase}
          helperText={badBase ? translate('gongji.screens.correct.bad_amount') : ' '}
          slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'correct-contribution' } }}
        />
      </Stack>
    </CommandDialog>
  );
}
