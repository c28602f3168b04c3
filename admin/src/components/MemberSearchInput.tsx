/**
 * Find a member by name or ID number in a list's filters (bindings, settlements, fraud cases), instead
 * of typing the internal id: the typed text is a full ID number (18 characters, or the old 15-digit
 * form — R3: both find the member) or the start of a name. The members list does the search (masked
 * results, and the search is audited on the server, A4); the chosen member's internal id becomes the
 * list's `memberId` filter. The typed text is kept out of the URL (only the chosen id is in it).
 */
import { AutocompleteInput, ReferenceInput } from 'react-admin';

/** Typed text → the members filter; null while the text cannot be searched yet (partial ID number). */
export function memberSearchFilter(text: string): Record<string, unknown> | null {
  const t = text.trim().replace(/\s+/g, '');
  if (!t) return null;
  if (/^\d{15}$/.test(t) || /^\d{17}[\dXx]$/.test(t)) return { idNumber: t.toUpperCase() };
  // Digits, but not (yet) a whole ID number: nothing to search; names start with a letter or a character.
  if (/^\d/.test(t)) return null;
  return { name: t.slice(0, 50) };
}

/**
 * Marks the members list query as a search: without a name or ID number it matches nobody (the
 * data provider turns it into an empty result), so the box never lists the first page of everyone.
 */
export const MEMBER_SEARCH = { memberSearch: true } as const;

export function MemberSearchInput({ source = 'memberId', alwaysOn }: { source?: string; alwaysOn?: boolean }) {
  return (
    <ReferenceInput source={source} reference="members" alwaysOn={alwaysOn} perPage={10} filter={MEMBER_SEARCH}>
      <AutocompleteInput
        label="gongji.member_search.label"
        helperText={false}
        optionText={(r: { name?: string; idNumber?: string }) => `${r.name ?? ''}（${r.idNumber ?? ''}）`}
        filterToQuery={(q: string) => memberSearchFilter(q) ?? {}}
        // The hint shows in the open list until the text can be searched (filter forms hide helper texts).
        noOptionsText="gongji.member_search.help"
        data-testid="member-search"
        sx={{ minWidth: 300 }}
      />
    </ReferenceInput>
  );
}
