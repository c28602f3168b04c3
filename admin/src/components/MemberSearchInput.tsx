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

/** A filter the API answers with nothing, cheaply (no member has id 0). */
const NOTHING = { ids: [0] };

export function MemberSearchInput({ source = 'memberId', alwaysOn }: { source?: string; alwaysOn?: boolean }) {
  return (
    <ReferenceInput source={source} reference="members" alwaysOn={alwaysOn} perPage={10}>
      <AutocompleteInput
        label="gongji.member_search.label"
        helperText="gongji.member_search.help"
        optionText={(r: { name?: string; idNumber?: string }) => `${r.name ?? ''}（${r.idNumber ?? ''}）`}
        filterToQuery={(q: string) => memberSearchFilter(q) ?? NOTHING}
        shouldRenderSuggestions={(q: string) => memberSearchFilter(q) !== null}
        noOptionsText="gongji.member_search.type_more"
        data-testid="member-search"
        sx={{ minWidth: 300 }}
      />
    </ReferenceInput>
  );
}
