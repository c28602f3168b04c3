import { useEffect, useState } from 'react';

/**
 * One paged read of a record's section (a member's charges, wallet transfers, …): page and page
 * size, the loaded data or the error, and `reload()`. A newer request supersedes an older one.
 */
export function usePagedFetch<T>(key: number | undefined, fetchPage: (key: number, page: number, perPage: number) => Promise<T>, initialPerPage = 10) {
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(initialPerPage);
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    setState((s) => ({ ...s, error: undefined }));
    fetchPage(key, page + 1, perPage).then(
      (data) => !cancelled && setState({ data }),
      (e: Error) => !cancelled && setState({ error: e.message }),
    );
    return () => {
      cancelled = true;
    };
    // fetchPage is a module-level function at every call site, so it is not a dependency
  }, [key, page, perPage, generation]);
  return { page, setPage, perPage, setPerPage, state, reload: () => setGeneration((n) => n + 1) };
}
