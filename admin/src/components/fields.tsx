/** Small display fields shared by the resource screens. */
import { Chip, Typography, type ChipProps } from '@mui/material';
import type { ReactNode } from 'react';
import { useFieldValue, useLocale, useTranslate, type FieldProps } from 'react-admin';
import { formatDate, formatDateTime, formatRegion, formatYuan, EMPTY } from '../format';
import { ENUMS, type EnumName } from '../i18n/app';

type SourceProps = Omit<FieldProps, 'source'> & { source: string };

function Text({ children, mono }: { children: ReactNode; mono?: boolean }) {
  return (
    <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', ...(mono ? { fontFamily: 'monospace' } : {}) }}>
      {children}
    </Typography>
  );
}

/** Integer fen shown as "¥12,345.67". */
export function YuanField(props: SourceProps & { emptyText?: string }) {
  const value = useFieldValue(props) as number | null | undefined;
  return <Text>{value == null ? (props.emptyText ?? EMPTY) : formatYuan(value)}</Text>;
}

/** An instant shown in Beijing time. */
export function DateTimeField(props: SourceProps) {
  return <Text>{formatDateTime(useFieldValue(props) as string | null)}</Text>;
}

/** A calendar date (YYYY-MM-DD), or the Beijing date of an instant. */
export function CalendarDateField(props: SourceProps) {
  return <Text>{formatDate(useFieldValue(props) as string | null)}</Text>;
}

/** A region code with its name. */
export function RegionField(props: SourceProps) {
  const locale = useLocale();
  return <Text>{formatRegion(useFieldValue(props) as string | null, locale)}</Text>;
}

/** Monospaced text (ID numbers, hashes, codes). */
export function MonoField(props: SourceProps & { truncate?: number }) {
  const value = useFieldValue(props) as string | null;
  if (value == null || value === '') return <Text>{EMPTY}</Text>;
  const shown = props.truncate && value.length > props.truncate ? `${value.slice(0, props.truncate)}…` : value;
  return (
    <Typography component="span" variant="body2" title={value} sx={{ fontFamily: 'monospace' }}>
      {shown}
    </Typography>
  );
}

/** The translation key of an enum value. */
export const enumKey = (name: EnumName, value: string) => `gongji.enums.${name}.${value}`;

export function useEnumLabel() {
  const translate = useTranslate();
  return (name: EnumName, value: string | null | undefined) => (value ? translate(enumKey(name, value), { _: value }) : EMPTY);
}

/** Choices for a SelectInput (react-admin translates the names). */
export function enumChoices(name: EnumName, values?: readonly string[]) {
  return (values ?? Object.keys(ENUMS[name])).map((id) => ({ id, name: enumKey(name, id) }));
}

const STATE_COLORS: Record<string, ChipProps['color']> = {
  ACTIVE: 'success',
  APPROVED: 'success',
  PENDING: 'warning',
  SUSPENDED: 'warning',
  REJECTED: 'error',
  DECEASED: 'default',
  REVOKED: 'default',
  TERMINATED: 'default',
};

/** A translated enum value; `chip` shows it as a coloured chip (states). */
export function EnumField(props: SourceProps & { enumName: EnumName; chip?: boolean }) {
  const value = useFieldValue(props) as string | null;
  const label = useEnumLabel()(props.enumName, value);
  if (!props.chip || !value) return <Text>{label}</Text>;
  return <Chip size="small" label={label} color={STATE_COLORS[value] ?? 'default'} variant={value === 'ACTIVE' || value === 'APPROVED' ? 'filled' : 'outlined'} />;
}

/** A list of enum values as chips. */
export function EnumChips({ enumName, values }: { enumName: EnumName; values: readonly string[] | null | undefined }) {
  const label = useEnumLabel();
  if (!values?.length) return <Text>{EMPTY}</Text>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {values.map((v) => (
        <Chip key={v} size="small" label={label(enumName, v)} variant="outlined" />
      ))}
    </span>
  );
}
