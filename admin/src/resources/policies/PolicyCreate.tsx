import { DateInput } from '../../components/DateInputs';
import {
  diffPolicyRules,
  KNOB_GROUPS,
  knobRangeText,
  knobsOf,
  PROVINCE_BY_CODE,
  PROVINCES,
  RELATIONSHIP_KINDS,
  type KnobGroup as KnobGroupName,
  type PolicyKnob,
  type PolicyRules,
} from '@gongji/shared';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField, Toolbar, Typography } from '@mui/material';
import PublishIcon from '@mui/icons-material/Publish';
import { useFormContext } from 'react-hook-form';
import { useEffect, useState, type ReactNode } from 'react';
import {
  BooleanInput,
  CheckboxGroupInput,
  Create,
  NumberInput,
  RadioButtonGroupInput,
  required,
  SimpleForm,
  TextInput,
  Title,
  useDataProvider,
  useSaveContext,
  useLocation,
  useNavigate,
  usePermissions,
  useTranslate,
  useLocale,
} from 'react-admin';
import { canEditProvince, type AccessSubject } from '../../access';
import { enumChoices } from '../../components/fields';
import { beijingToday } from '../../format';
import type { GongjiDataProvider } from '../../providers/dataProvider';
import { DiffTable } from '../provinces/ProvincePolicyShow';
import { GROUP_TITLES, knobHelpKey, knobLabelKey, knobSource, knobValidator } from './knobs';
import { parseRules, rulesToInput } from './rules';

/** Money knobs are edited in yuan and stored in fen. */
const yuanFormat = (fen: unknown) => (fen === null || fen === undefined || fen === '' ? '' : Number(fen) / 100);
const yuanParse = (yuan: unknown) => (yuan === null || yuan === undefined || yuan === '' ? null : Math.round(Number(yuan) * 100));

/** One field of the editor, derived from the knob's catalogue row (type, unit, range, labels, help). */
function KnobInput({ knob }: { knob: PolicyKnob }) {
  const translate = useTranslate();
  const lang = useLocale().startsWith('en') ? 'en' : 'zh';
  const label = knobLabelKey(knob.key);
  const source = knobSource(knob);
  const help = knobHelpKey(knob);
  const range = knobRangeText(knob, lang);
  const helperText = [help ? translate(help) : '', range ? translate('gongji.policy.range', { range }) : ''].filter(Boolean).join('；') || false;
  const validate = knobValidator(knob, lang);
  switch (knob.type) {
    case 'boolean':
      return <BooleanInput source={source} label={label} helperText={helperText} />;
    case 'enum':
      return <RadioButtonGroupInput source={source} label={label} choices={enumChoices(knob.enumName!, knob.choices)} validate={validate} sx={{ width: '100%' }} />;
    case 'enumSet':
      return <CheckboxGroupInput source={source} label={label} choices={enumChoices(knob.enumName!, knob.choices)} validate={validate} row sx={{ width: '100%' }} />;
    case 'proofs':
      return (
        <>
          {RELATIONSHIP_KINDS.map((k) => (
            <CheckboxGroupInput key={k} source={`${source}.${k}`} label={`gongji.enums.relationship.${k}`} choices={enumChoices(knob.enumName!, knob.choices)} row sx={{ width: '100%', my: 0 }} />
          ))}
        </>
      );
    case 'fen':
      return <NumberInput source={source} label={label} format={yuanFormat} parse={yuanParse} step={0.01} validate={validate} helperText={helperText} sx={{ minWidth: 260 }} />;
    case 'integer':
      return <NumberInput source={source} label={label} min={knob.min} max={knob.max} step={1} validate={validate} helperText={helperText} sx={{ minWidth: 260 }} />;
    case 'monthDay':
    case 'time':
      return <TextInput source={source} label={label} validate={validate} helperText={helperText || `gongji.policy.${knob.type === 'time' ? 'hh_mm' : 'mm_dd'}`} />;
  }
}

/** The knobs of one group, in catalogue order. */
function KnobGroup({ group }: { group: KnobGroupName }) {
  return (
    <Group title={GROUP_TITLES[group]}>
      {knobsOf(group).map((k) => (
        <KnobInput key={k.key} knob={k} />
      ))}
    </Group>
  );
}


function Group({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, mb: 2, width: '100%', maxWidth: 1100 }}>
      <Typography component="legend" variant="subtitle2" sx={{ px: 1, fontWeight: 600 }}>
        {translate(title)}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 3 }}>{children}</Box>
    </Box>
  );
}

/** A national admin opening the editor without a province first picks one (editable ones only). */
function PickProvince({ permissions }: { permissions: (AccessSubject & { scope: string | null }) | undefined }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const choices = PROVINCES.filter((p) => canEditProvince(permissions, p.code));
  return (
    <Card sx={{ mt: 2, maxWidth: 560 }}>
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('gongji.policy.pick_province')}
        </Typography>
        <TextField select fullWidth size="small" label={translate('resources.policies.fields.provinceCode')} value="" onChange={(e) => navigate(`/policies/create?province=${e.target.value}`)}>
          {choices.map((p) => (
            <MenuItem key={p.code} value={p.code}>
              {p.code} {p.name}
            </MenuItem>
          ))}
        </TextField>
      </CardContent>
    </Card>
  );
}

interface Base {
  id: number;
  rules: Partial<PolicyRules>;
  version: number;
  effectiveFrom: string;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The newest version by effective date (scheduled ones included): the one an edit must build on. */
export function latestVersion<T extends { effectiveFrom: string; version: number }>(versions: T[]): T | undefined {
  return [...versions].sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? a.version - b.version : a.effectiveFrom < b.effectiveFrom ? -1 : 1)).at(-1);
}

/** Save = preview: the changes against the base version, then an explicit confirmation. */
function PublishToolbar({ base, name }: { base: Base | null; name: string }) {
  const translate = useTranslate();
  const { getValues, trigger } = useFormContext();
  const { save, saving } = useSaveContext();
  const [open, setOpen] = useState(false);
  const values = open ? getValues() : null;
  const changes = values ? diffPolicyRules(base?.rules ?? null, (values.rules ?? {}) as Partial<PolicyRules>) : [];
  return (
    <Toolbar sx={{ gap: 1, px: 0 }}>
      <Button
        variant="contained"
        startIcon={<PublishIcon />}
        data-testid="preview-publish"
        onClick={async () => {
          if (await trigger()) setOpen(true);
        }}
      >
        {translate('gongji.policy.preview')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>{translate('gongji.policy.confirm_title', { name, version: base?.version ?? 0 })}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }} data-testid="confirm-line">
            {translate('gongji.policy.confirm_line', { date: String(values?.effectiveFrom ?? ''), count: changes.length })}
          </Typography>
          {changes.length ? <DiffTable changes={changes} /> : <Alert severity="info">{translate('gongji.policy.nothing_changed')}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={!changes.length || saving}
            data-testid="confirm-publish"
            onClick={() => {
              setOpen(false);
              void save?.(getValues());
            }}
          >
            {translate('gongji.policy.confirm_publish')}
          </Button>
        </DialogActions>
      </Dialog>
    </Toolbar>
  );
}

/**
 * A new policy version for one province: every knob of PolicyRules (including the fraud
 * thresholds), pre-filled from the newest version — a scheduled one included, so an edit never
 * silently reverts a change already scheduled — and published only after a preview of the changes.
 * The API checks the base (`basedOnVersionId`) again and refuses a stale one.
 */
export function PolicyCreate() {
  const translate = useTranslate();
  const location = useLocation();
  const dataProvider = useDataProvider<GongjiDataProvider>();
  const { permissions } = usePermissions<AccessSubject & { scope: string | null }>();
  const province = new URLSearchParams(location.search).get('province') ?? permissions?.scope?.slice(0, 2) ?? '';
  const [base, setBase] = useState<Base | null | undefined>(undefined);
  useEffect(() => {
    if (!province) return setBase(null);
    let cancelled = false;
    dataProvider.policyHistory(province).then(
      (versions) => {
        if (cancelled) return;
        const v = latestVersion(versions);
        setBase(v ? { id: Number(v.id), rules: parseRules(v.rules) ?? {}, version: v.version, effectiveFrom: v.effectiveFrom } : null);
      },
      () => !cancelled && setBase(null),
    );
    return () => {
      cancelled = true;
    };
  }, [province, dataProvider]);

  const name = PROVINCE_BY_CODE.get(province)?.name ?? province;
  if (!province) return <PickProvince permissions={permissions} />;
  if (!canEditProvince(permissions, province)) return <Alert severity="warning" sx={{ mt: 2 }}>{translate('gongji.policy_map.not_editable')}</Alert>;
  if (base === undefined) return <CircularProgress sx={{ m: 4 }} />;

  const today = beijingToday();
  const scheduled = base && base.effectiveFrom > today ? base : null;
  const defaultDate = scheduled ? nextDay(scheduled.effectiveFrom) : today;
  return (
    <Create
      resource="policies"
      redirect={() => `provinces/${province}/show`}
      title={<Title title={`${name} · ${translate('gongji.policy.new_version')}`} />}
      transform={(data: Record<string, unknown>) => ({ provinceCode: province, effectiveFrom: data.effectiveFrom, note: String(data.note ?? '').trim(), rules: rulesToInput((data.rules ?? {}) as Partial<PolicyRules>), basedOnVersionId: base?.id ?? null })}
    >
      <SimpleForm defaultValues={{ effectiveFrom: defaultDate, note: '', rules: base?.rules ?? {} }} sx={{ maxWidth: 1140 }} toolbar={<PublishToolbar base={base} name={name} />}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {base ? translate('gongji.policy.based_on', { name, version: base.version }) : name}
        </Typography>
        {scheduled && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="based-on-scheduled">
            {translate('gongji.policy.based_on_scheduled', { version: scheduled.version, date: scheduled.effectiveFrom })}
          </Alert>
        )}
        <Group title="gongji.policy.version_meta">
          <DateInput source="effectiveFrom" validate={[required()]} helperText="gongji.policy.effective_help" sx={{ width: 260 }} />
          <TextInput source="note" validate={[required()]} sx={{ width: 520 }} />
        </Group>
        {KNOB_GROUPS.map((g) => (
          <KnobGroup key={g} group={g} />
        ))}
      </SimpleForm>
    </Create>
  );
}
