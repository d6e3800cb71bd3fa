import { describe, expect, it } from 'vitest';
import { extractBlocks } from './extract.js';
import { judgeAnswer, shellCommands } from './shell.js';

const markdown = [
  '# Title', //                                  1
  '```ts', //                                    2
  "import { a } from 'x';", //                   3
  '```', //                                      4
  '- a list item:', //                           5
  '  ~~~ts no-run', //                           6
  '  ```not a fence end', //                     7
  '  ~~~', //                                    8
  '```sh', //                                    9
  'npm install x', //                           10
  '```', //                                     11
  '```bash', //                                 12
  "T=$(curl -s localhost:4010/a | sed 's/x/y/') # → 401 Code", // 13
  'curl -s localhost:4010/b \\', //              14
  "  -H 'x: #not-a-comment'", //                15
  '# → 404', //                                 16
  '```', //                                     17
  '```', //                                     18
  'no info string', //                          19
  '```', //                                     20
  '```ts run-please', //                        21
  '```', //                                     22
  '```json', //                                 23
  '{}', //                                      24
  '```', //                                     25
].join('\n');

describe('extractBlocks', () => {
  const blocks = extractBlocks(markdown, 'x.md');

  it('classifies each fenced block by its info string, with the line of its fence', () => {
    expect(blocks.map(({ line, mode }) => [line, mode])).toEqual([
      [2, 'run'],
      [6, 'typecheck'],
      [9, 'skip'],
      [12, 'shell'],
      [18, 'invalid'],
      [21, 'invalid'],
      [23, 'other'],
    ]);
  });

  it('takes a list item\'s indentation off its block', () => {
    expect(blocks[1]?.code).toBe('```not a fence end');
  });

  it('says why a shell block is skipped and what is wrong with an invalid one', () => {
    expect(blocks[2]?.reason).toContain('npm');
    expect(blocks[4]?.reason).toContain('info string');
    expect(blocks[5]?.reason).toContain('run-please');
  });
});

describe('shellCommands', () => {
  it('joins continued lines, counts curl calls inside $(…), and reads `# →` on the line or under it', () => {
    const [first, second] = shellCommands(extractBlocks(markdown, 'x.md')[3]?.code ?? '');
    expect(first).toMatchObject({ line: 0, curlCalls: 1, expect: { status: 401, bodyContains: 'Code' } });
    expect(second).toMatchObject({ line: 1, curlCalls: 1, expect: { status: 404 }, command: "curl -s localhost:4010/b  -H 'x: #not-a-comment'" });
  });
});

describe('judgeAnswer', () => {
  it('refuses no answer, a 5xx and a 404 unless the doc says so, and a status or body other than the doc says', () => {
    expect(judgeAnswer(401, '', undefined)).toBeUndefined();
    expect(judgeAnswer(0, '', undefined)).toContain('no answer');
    expect(judgeAnswer(503, '', undefined)).toContain('503');
    expect(judgeAnswer(404, '', undefined)).toContain('404');
    expect(judgeAnswer(404, '', { status: 404 })).toBeUndefined();
    expect(judgeAnswer(200, '{}', { status: 401 })).toContain('the doc says 401');
    expect(judgeAnswer(401, '{}', { status: 401, bodyContains: '10005' })).toContain('lacks 10005');
  });
});
