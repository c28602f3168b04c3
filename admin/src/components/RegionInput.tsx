import { POOLING_REGIONS, PROVINCES } from '@gongji/shared';
import { useMemo } from 'react';
import { AutocompleteInput, useLocale, type AutocompleteInputProps } from 'react-admin';

/** Pick a province (2 digits) or a pooling region (6 digits) by name or code. */
export function RegionInput(props: Omit<AutocompleteInputProps, 'choices'> & { provincesOnly?: boolean }) {
  const { provincesOnly, ...rest } = props;
  const locale = useLocale();
  const choices = useMemo(() => {
    const en = locale.startsWith('en');
    const provinces = PROVINCES.map((p) => ({ id: p.code, name: `${p.code} ${en ? p.nameEn : p.name}` }));
    if (provincesOnly) return provinces;
    return [...provinces, ...POOLING_REGIONS.map((r) => ({ id: r.code, name: `${r.code} ${r.name}` }))].sort((a, b) => a.id.localeCompare(b.id));
  }, [locale, provincesOnly]);
  return <AutocompleteInput sx={{ minWidth: 240 }} {...rest} choices={choices} translateChoice={false} />;
}
