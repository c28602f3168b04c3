import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import structure the code relies on (docs/architecture.md): core is below the modules, and the
 * app (app.ts, schema.ts, main.ts) is above everything. An import against that direction makes a
 * circle the moment the other side imports back, so these checks fail on the first one.
 */
const src = __dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every static import of a file: what it names, and whether it is `import type`. */
function importsOf(file: string): Array<{ target: string; typeOnly: boolean }> {
  const text = readFileSync(file, 'utf8');
  const out: Array<{ target: string; typeOnly: boolean }> = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'([^']+)';/gms)) {
    if (!m[2].startsWith('.')) continue;
    out.push({ target: path.resolve(path.dirname(file), m[2]), typeOnly: Boolean(m[1]) });
  }
  return out;
}

const rel = (f: string) => path.relative(src, f);

describe('import boundaries', () => {
  it('core/ takes nothing from a module but its entities and types (a service comes in as a parameter, as the principal loader does)', () => {
    const wrong: string[] = [];
    for (const file of sources(path.join(src, 'core')))
      for (const i of importsOf(file)) {
        const target = rel(i.target);
        if (target.startsWith('modules/') && !i.typeOnly && !target.endsWith('.entity')) wrong.push(`${rel(file)} → ${target}`);
      }
    expect(wrong).toEqual([]);
  });

  it('nothing below the app imports app.ts, schema.ts or main.ts (modules take ContextDeps from core/context.ts)', () => {
    const top = new Set(['app', 'schema', 'main']);
    const wrong: string[] = [];
    for (const dir of ['core', 'modules', 'db', 'ops'])
      for (const file of sources(path.join(src, dir)))
        for (const i of importsOf(file)) if (top.has(rel(i.target))) wrong.push(`${rel(file)} → ${rel(i.target)}`);
    expect(wrong).toEqual([]);
  });

  it('the checks read real imports (this file would pass on an empty tree otherwise)', () => {
    const core = sources(path.join(src, 'core')).flatMap(importsOf);
    expect(core.some((i) => rel(i.target) === 'modules/settlement/settlement.entity')).toBe(true);
    expect(importsOf(path.join(src, 'app.ts')).some((i) => rel(i.target) === 'core/context')).toBe(true);
  });
});
