import { describe, expect, it } from 'vitest';
import { testDescription, testDescription as doc } from '../test-description.fixture.js';
import { parseXml } from './parse.js';
import { readXml, XmlShapeError } from './read.js';
import { writeXml } from './write.js';

const item = { $ref: '#/components/schemas/Item' };

describe('readXml', () => {
  it('maps elements to properties, wrapped and repeated arrays to lists, scalars to text', () => {
    const xml = `<Item xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <name> Jo </name><count> 3 </count><note xsi:nil="true"/>
      <tags><string>a</string><string>b</string></tags>
      <Label>x</Label><Label>y</Label>
    </Item>`;
    expect(readXml(parseXml(xml), item, doc)).toEqual({ name: ' Jo ', count: '3', note: null, tags: ['a', 'b'], labels: ['x', 'y'] });
  });

  it('keeps elements the schema does not name, and repeats of a single value, for validation to refuse', () => {
    expect(readXml(parseXml('<Item><name>a</name><name>b</name><extra><x>1</x></extra></Item>'), item, doc)).toEqual({
      name: ['a', 'b'],
      extra: { x: '1' },
    });
  });

  it('reads an anyOf of a type and null as the type, and xsi:nil as null', () => {
    const doc = {
      ...testDescription,
      components: {
        schemas: {
          ...testDescription.components?.schemas,
          Holder: { type: 'object', properties: { inner: { anyOf: [{ $ref: '#/components/schemas/Item' }, { type: 'null' }] } } },
        },
      },
    } as typeof testDescription;
    const holder = { $ref: '#/components/schemas/Holder' };
    const xml = '<Holder><inner><name>a</name><tags><string>t</string></tags></inner></Holder>';
    expect(readXml(parseXml(xml), holder, doc)).toEqual({ inner: { name: 'a', tags: ['t'] } });
    expect(readXml(parseXml('<Holder><inner/></Holder>'), holder, doc)).toEqual({ inner: {} });
    expect(readXml(parseXml('<Holder xmlns:i="x"><inner i:nil="true"/></Holder>'), holder, doc)).toEqual({ inner: null });
  });

  it('refuses a root element other than the schema names', () => {
    expect(() => readXml(parseXml('<Other/>'), item, doc)).toThrow(XmlShapeError);
  });
});

describe('writeXml', () => {
  it('writes the mirror of what it reads, escaping text and leaving nulls out', () => {
    const value = { name: 'a<b & c', count: 2, note: null, tags: ['t1', 't2'], labels: ['l'] };
    const xml = writeXml(value, item, doc);
    expect(xml).toBe('<Item><name>a&lt;b &amp; c</name><count>2</count><tags><string>t1</string><string>t2</string></tags><Label>l</Label></Item>');
    expect(readXml(parseXml(xml), item, doc)).toEqual({ name: 'a<b & c', count: '2', tags: ['t1', 't2'], labels: ['l'] });
  });
});
