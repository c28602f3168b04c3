/**
 * Date inputs in Chinese (issue 13): native `<input type="date">` shows mm/dd/yyyy and the
 * browser's English validation, so every date in filters and forms goes through these instead.
 * MUI X DatePicker with dayjs: 年-月-日 order (`YYYY-MM-DD`), a Chinese calendar (zh-cn week starting
 * Monday, 一月 …), Chinese button texts, and our own Chinese messages for an incomplete, early or late
 * date. Values stay plain `YYYY-MM-DD` strings (Beijing calendar days), as before.
 *
 * - `DateInput`: a react-admin input (filters and forms), drop-in for react-admin's `DateInput`.
 * - `DateField`: a controlled field for dialogs (`value`/`onChange` as strings; '' while incomplete).
 */
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { enUS, zhCN } from '@mui/x-date-pickers/locales';
import { Box } from '@mui/material';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { FieldTitle, InputHelperText, useInput, useLocale, useTranslate, type InputProps } from 'react-admin';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** The translation key (and its params) for a picker's validation error, or null when the date is fine. */
export function dateErrorMessage(reason: string | null | undefined, limits: { min?: string; max?: string } = {}): { key: string; params?: Record<string, string> } | null {
  if (!reason) return null;
  if (reason === 'minDate' || reason === 'disablePast') return { key: 'gongji.date.too_early', params: { date: limits.min ?? '' } };
  if (reason === 'maxDate' || reason === 'disableFuture') return { key: 'gongji.date.too_late', params: { date: limits.max ?? '' } };
  return { key: 'gongji.date.invalid' };
}

/** The field's visible text has some digits typed but is not a whole `YYYY-MM-DD` (bidi marks ignored). */
export function isPartialDate(text: string): boolean {
  const t = text.replace(/[\u200e\u200f\u2066-\u2069\s]/g, '');
  return /\d/.test(t) && !/^\d{4}-\d{2}-\d{2}$/.test(t);
}

/** A stored value (`YYYY-MM-DD`, or an ISO instant) → the picker's value. */
export function toDayjs(value: unknown): Dayjs | null {
  if (typeof value !== 'string' || !value) return null;
  const d = dayjs(value.slice(0, 10));
  return d.isValid() ? d : null;
}

/** The picker's value → what is stored: `YYYY-MM-DD`, '' when empty, null while incomplete or invalid. */
export function fromDayjs(d: Dayjs | null): string | null {
  if (!d) return '';
  return d.isValid() ? d.format(DATE_FORMAT) : null;
}

/** Validator for react-admin forms: the stored value must be a real `YYYY-MM-DD` day within the limits. */
export function zhDate(limits: { min?: string; max?: string } = {}) {
  return (value: unknown) => {
    if (value === undefined || value === null || value === '') return undefined;
    const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
    const d = day ? dayjs(day) : null;
    // dayjs rolls 02-31 over to 03-03: a day that does not read back the same is not a real day.
    const v = d?.isValid() && d.format(DATE_FORMAT) === day ? day : null;
    if (!v) return { message: 'gongji.date.invalid', args: {} };
    if (limits.min && v < limits.min) return { message: 'gongji.date.too_early', args: { date: limits.min } };
    if (limits.max && v > limits.max) return { message: 'gongji.date.too_late', args: { date: limits.max } };
    return undefined;
  };
}

/** The picker's locale (calendar and button texts) follows the dashboard's language. */
export function DateLocale({ children }: { children: React.ReactNode }) {
  const zh = useLocale().startsWith('zh');
  const base = (zh ? zhCN : enUS).components.MuiLocalizationProvider.defaultProps.localeText;
  // MUI's Chinese texts keep YYYY-MM-DD placeholders; an empty field reads 年年年年-月月-日日 instead.
  const texts = zh ? { ...base, fieldYearPlaceholder: (p: { digitAmount: number }) => '年'.repeat(p.digitAmount), fieldMonthPlaceholder: () => '月月', fieldDayPlaceholder: () => '日日' } : base;
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={zh ? 'zh-cn' : 'en'} localeText={texts}>
      {children}
    </LocalizationProvider>
  );
}

interface PickerProps {
  label: React.ReactNode;
  value: Dayjs | null;
  onChange: (d: Dayjs | null) => void;
  min?: string;
  max?: string;
  error?: string | null;
  helperText?: React.ReactNode;
  required?: boolean;
  testId?: string;
  size?: 'small' | 'medium';
  variant?: 'filled' | 'outlined';
  sx?: object;
  onBlur?: () => void;
  onPickerError: (reason: string | null) => void;
}

function Picker({ label, value, onChange, min, max, error, helperText, required, testId, size = 'small', variant = 'outlined', sx, onBlur, onPickerError }: PickerProps) {
  const translate = useTranslate();
  // A half-typed date (some sections still placeholders) is reported when the field loses the focus.
  const [partial, setPartial] = useState(false);
  const shown = partial ? translate('gongji.date.invalid') : error;
  return (
    <Box
      component="span"
      data-testid={testId}
      // Filter forms hide helper texts; a date error is shown all the same.
      sx={{ display: 'inline-flex', '& .MuiFormHelperText-root.Mui-error': { display: 'block !important' }, ...sx }}
      onBlur={(e: React.FocusEvent<HTMLElement>) => {
        if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return; // to the clear or calendar button
        setPartial(isPartialDate(e.currentTarget.querySelector('.MuiPickersSectionList-root')?.textContent ?? ''));
      }}
      onFocus={(e: React.FocusEvent<HTMLElement>) => {
        if ((e.target as HTMLElement).closest('.MuiPickersSectionList-root')) setPartial(false);
      }}
    >
      <DatePicker
        label={label}
        value={value}
        format={DATE_FORMAT}
        minDate={min ? dayjs(min) : undefined}
        maxDate={max ? dayjs(max) : undefined}
        onChange={onChange}
        onError={(reason) => onPickerError(reason ?? null)}
        slotProps={{
          field: { clearable: true, onBlur },
          textField: { size, variant, required, error: Boolean(shown), helperText: shown ?? helperText, sx: { minWidth: 170 } },
        }}
      />
    </Box>
  );
}

/** react-admin date input in Chinese: value `YYYY-MM-DD`; `min`/`max` as `YYYY-MM-DD`. */
export function DateInput(props: InputProps & { min?: string; max?: string; sx?: object; 'data-testid'?: string }) {
  const { min, max, label, helperText, sx, source, resource } = props;
  const translate = useTranslate();
  const [reason, setReason] = useState<string | null>(null);
  const validate = [...(Array.isArray(props.validate) ? props.validate : props.validate ? [props.validate] : []), zhDate({ min, max })];
  const { field, fieldState, isRequired } = useInput({ ...props, validate });
  // An incomplete or invalid date stays in the picker (and is validated there) but is not stored.
  const [draft, setDraft] = useState<Dayjs | null | undefined>(undefined);
  const own = dateErrorMessage(reason, { min, max });
  const formError = fieldState.error?.message ? <InputHelperText error={fieldState.error.message} helperText={false} /> : null;
  return (
    <DateLocale>
      <Picker
        label={<FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} />}
        value={draft !== undefined ? draft : toDayjs(field.value)}
        onChange={(d) => {
          const v = fromDayjs(d);
          // An incomplete date is not stored (a filter is never sent half-typed); the picker shows why.
          if (v === null) setDraft(d);
          else {
            setDraft(undefined);
            field.onChange(v);
          }
        }}
        onBlur={field.onBlur}
        onPickerError={setReason}
        min={min}
        max={max}
        required={isRequired}
        error={own ? translate(own.key, own.params) : null}
        helperText={formError ?? (typeof helperText === 'string' ? translate(helperText) : helperText || ' ')}
        testId={props['data-testid'] ?? `date-${source}`}
        variant="filled"
        sx={{ mb: 0.5, ...sx }}
      />
    </DateLocale>
  );
}

/** A controlled date field for dialogs: `value`/`onChange` are `YYYY-MM-DD` strings ('' while empty or incomplete). */
export function DateField({ label, value, onChange, min, max, testId, sx }: { label: string; value: string; onChange: (v: string) => void; min?: string; max?: string; testId?: string; sx?: object }) {
  const translate = useTranslate();
  const [reason, setReason] = useState<string | null>(null);
  const [draft, setDraft] = useState<Dayjs | null>(toDayjs(value));
  // A new value from outside (a default set later) replaces the draft; '' while typing does not.
  useEffect(() => {
    if (value && value !== fromDayjs(draft)) setDraft(toDayjs(value));
  }, [value]);
  const own = dateErrorMessage(reason, { min, max });
  return (
    <DateLocale>
      <Picker
        label={translate(label)}
        value={draft}
        onChange={(d) => {
          setDraft(d);
          const v = fromDayjs(d);
          const outOfRange = v && ((min && v < min) || (max && v > max));
          onChange(v && !outOfRange ? v : '');
        }}
        onPickerError={setReason}
        min={min}
        max={max}
        error={own ? translate(own.key, own.params) : null}
        testId={testId}
        sx={sx}
      />
    </DateLocale>
  );
}
