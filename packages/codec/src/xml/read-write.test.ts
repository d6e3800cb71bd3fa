import { describe, expect, it } from 'vitest';
import { ITEM, itemDescription as doc } from '../item.fixture.js';
import { compileShape } from '../shape.js';
import { parseXml } from './parse.js';
import { readXml, XmlShapeError } from './read.js';
import { writeXml } from './write.js';

const item = compileShape(ITEM, doc);

describe('readXml', () => {
  it('maps elements to properties, wrapped and repeated arrays to lists, scalars to their types', () => {
    const xml = `<Item xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <name> Jo </name><count> 3 </count><ratio>0.5</ratio><done>true</done><note xsi:nil="true"/>
      <tags><string>a</string><string>b</string></tags>
      <Label>x</Label><Label>y</Label>
    </Item>`;
    expect(readXml(parseXml(xml), item)).toEqual({ name: ' Jo ', count: 3, ratio: 0.5, done: true, note: null, tags: ['a', 'b'], labels: ['x', 'y'] });
  });

  it('keeps text that does not spell its type, for validation to refuse', () => {
    expect(readXml(parseXml('<Item><count>three</count><done>yes</done><ratio>1e</ratio></Item>'), item)).toEqual({ count: 'three', done: 'yes', ratio: '1e' });
  });

  it('keeps elements the schema does not name, and repeats of a single value, for validation to refuse', () => {
    expect(readXml(parseXml('<Item><name>a</name><name>b</name><extra><x>1</x></extra></Item>'), item)).toEqual({
      name: ['a', 'b'],
      extra: { x: '1' },
    });
  });

  it('reads an anyOf of a type and null as the type, and xsi:nil as null', () => {
    expect(readXml(parseXml('<Item><inner><size>4</size></inner></Item>'), item)).toEqual({ inner: { size: 4 } });
    expect(readXml(parseXml('<Item><inner/></Item>'), item)).toEqual({ inner: {} });
    expect(readXml(parseXml('<Item xmlns:i="x"><inner i:nil="true"/></Item>'), item)).toEqual({ inner: null });
  });

  it('refuses a root element other than the schema names', () => {
    expect(() => readXml(parseXml('<Other/>'), item)).toThrow(XmlShapeError);
  });
});

describe('writeXml', () => {
  it('writes a character XML forbids as its escape, so that the document stays well-formed', () => {
    const xml = writeXml({ name: 'bad \u0001 \u001f \ud800 char, fine 😀 tab\t' }, item);
    expect(xml).toBe('<Item><name>bad \\u0001 \\u001f \\ud800 char, fine 😀 tab\t</name></Item>');
    expect(readXml(parseXml(xml), item)).toEqual({ name: 'bad \\u0001 \\u001f \\ud800 char, fine 😀 tab\t' });
  });

  it('writes the mirror of what it reads, escaping text and leaving nulls out', () => {
    const value = { name: 'a<b & c', count: 2, note: null, tags: ['t1', 't2'], labels: ['l'] };
    const xml = writeXml(value, item);
    expect(xml).toBe('<Item><name>a&lt;b &amp; c</name><count>2</count><tags><string>t1</string><string>t2</string></tags><Label>l</Label></Item>');
    expect(readXml(parseXml(xml), item)).toEqual({ name: 'a<b & c', count: 2, tags: ['t1', 't2'], labels: ['l'] });
  });
});
