import type { BindingTransitionFieldsFragment } from '../../gql/graphql';
/** A binding's state transition (L3) as the API returns it in `binding.transitions`. */
export type BindingTransition = BindingTransitionFieldsFragment;

/** Oldest first; ties keep the order of their ids (the order they were written). */
export function sortTransitions(items: readonly BindingTransition[]): BindingTransition[] {
  return [...items].sort((a, b) => {
    const t = new Date(a.at).getTime() - new Date(b.at).getTime();
    return t !== 0 ? t : a.id - b.id;
  });
}
