import { describe, expect, it } from 'vitest';
import { codeBlocks, typeScriptExamples } from './code-blocks.js';

const markdown = [
  '# Title',
  '```sh',
  'npm install x',
  '```',
  '```ts',
  "import { a } from 'x';",
  '```',
  '~~~ts no-run',
  '```not a fence end',
  '~~~',
  '```typescript',
  'const b = 1;',
  '```',
].join('\n');

describe('codeBlocks', () => {
  it('finds each fenced block with its language, flags and line', () => {
    expect(codeBlocks(markdown).map(({ lang, flags, line }) => [lang, flags, line])).toEqual([
      ['sh', [], 2],
      ['ts', [], 5],
      ['ts', ['no-run'], 8],
      ['typescript', [], 11],
    ]);
  });

  it('keeps the TypeScript ones, marking no-run blocks as compile-only', () => {
    expect(typeScriptExamples(markdown).map(({ code, run }) => [code, run])).toEqual([
      ["import { a } from 'x';", true],
      ['```not a fence end', false],
      ['const b = 1;', true],
    ]);
  });
});
