import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LIST_SORTS, type ListResource } from '@gongji/shared';
import { describe, expect, it } from 'vitest';

/**
 * Issue 10: staff can sort a list by a column only when the server offers that sort (shared
 * LIST_SORTS, each read in index order). A sortable column the server refuses would answer a click
 * with BAD_SORT_FIELD; before, such columns sorted millions of rows (15 s on 10M settlements).
 *
 * Reads every resource screen's source: each `<DataTable.Col source="…">` without `disableSort`, and
 * each literal `sort={{ field: '…' }}`, belongs to the list it is shown in — the folder's resource,
 * or the one a `<ReferenceManyField reference="…">` or `<ResourceContextProvider value="…">` names.
 */
const ROOT = path.join(__dirname);
const FOLDER_RESOURCE: Record<string, string> = { audit: 'auditLogs', review: 'proofs' };
const isListResource = (r: string): r is ListResource => r in LIST_SORTS;

function sortableUses(): Array<{ file: string; line: number; resource: string; field: string }> {
  const uses: Array<{ file: string; line: number; resource: string; field: string }> = [];
  for (const folder of readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const name of readdirSync(path.join(ROOT, folder.name)).filter((f) => f.endsWith('.tsx'))) {
      const file = path.join(folder.name, name);
      let resource = FOLDER_RESOURCE[folder.name] ?? folder.name;
      let pendingReference = false;
      readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((text, i) => {
          if (text.includes('<ReferenceManyField')) pendingReference = true;
          const ref = /\breference="(\w+)"/.exec(text);
          if (ref && pendingReference) {
            resource = ref[1];
            pendingReference = false;
          }
          const provider = /<ResourceContextProvider value="(\w+)"/.exec(text);
          if (provider) resource = provider[1];
          const col = /<DataTable\.Col\s[^\n]*?\bsource="(\w+)"/.exec(text);
          if (col && !/\bdisableSort\b/.test(text)) uses.push({ file, line: i + 1, resource, field: col[1] });
          const sort = /\bsort=\{\{\s*field:\s*'(\w+)'/.exec(text);
          if (sort) uses.push({ file, line: i + 1, resource, field: sort[1] });
        });
    }
  }
  return uses;
}

describe('list sorts', () => {
  it('issue 10: every sortable column and default sort of a staff list is one the server offers', () => {
    const uses = sortableUses();
    // The scan finds the lists (a broken scan would pass vacuously).
    for (const r of ['settlements', 'members', 'bindings', 'proofs', 'fraudCases', 'auditLogs', 'institutions']) expect(uses.some((u) => u.resource === r), r).toBe(true);
    const refused = uses.filter((u) => isListResource(u.resource) && !(LIST_SORTS[u.resource] as readonly string[]).includes(u.field));
    expect(refused.map((u) => `${u.file}:${u.line} ${u.resource}.${u.field}`)).toEqual([]);
  });
});
