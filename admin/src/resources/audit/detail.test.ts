import { describe, expect, it } from 'vitest';
import { prettyDetail } from './detail';

describe('prettyDetail', () => {
  it('indents JSON and keeps other text', () => {
    expect(prettyDetail('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyDetail('plain')).toBe('plain');
    expect(prettyDetail(null)).toBe('');
  });
});
