import { useActorLabel, useLocalText } from '../../components/localText';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEnumLabel } from '../../components/fields';
import { Muted } from '../../components/layout';
import { formatDateTime } from '../../format';
import { sortTransitions, type BindingTransition } from './transitions';

/** L3: the state history of a binding as a vertical timeline. */
export function TransitionTimeline({ transitions }: { transitions: readonly BindingTransition[] | null | undefined }) {
  const translate = useTranslate();
  const label = useEnumLabel();
  const local = useLocalText();
  const actor = useActorLabel();
  if (!transitions?.length) return <Muted text="gongji.binding.no_transitions" />;
  const items = sortTransitions(transitions);
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {items.map((t, i) => (
        <Box
          component="li"
          key={t.id}
          sx={{
            position: 'relative',
            pl: 3,
            pb: i === items.length - 1 ? 0 : 2,
            borderLeft: 2,
            borderColor: i === items.length - 1 ? 'transparent' : 'divider',
            ml: 1,
            '&::before': {
              content: '""',
              position: 'absolute',
              left: -7,
              top: 4,
              width: 12,
              height: 12,
              borderRadius: '50%',
              bgcolor: i === items.length - 1 ? 'primary.main' : 'grey.400',
            },
          }}
        >
          <Typography variant="caption" color="text.secondary" component="div">
            {formatDateTime(t.at)}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', my: 0.5 }} useFlexGap>
            {t.fromState ? (
              <>
                <Chip size="small" variant="outlined" label={label('bindingState', t.fromState)} />
                <ArrowForwardIcon fontSize="small" color="action" />
              </>
            ) : (
              <Typography variant="body2">{translate('gongji.binding.created')}</Typography>
            )}
            <Chip size="small" color="primary" label={label('bindingState', t.toState)} />
            {t.rule ? <Chip size="small" color="warning" variant="outlined" label={`${translate('gongji.binding.rule')} ${t.rule}`} /> : null}
          </Stack>
          <Typography variant="body2">
            {translate('gongji.binding.by')}：{actor(t.actorName)}（{label('actorKind', t.actorKind)}）
          </Typography>
          {t.reason ? (
            <Typography variant="body2" color="text.secondary">
              {local(t.reason)}
            </Typography>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}
