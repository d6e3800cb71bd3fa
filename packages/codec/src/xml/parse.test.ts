import { describe, expect, it } from 'vitest';
import { parseXml, XmlRefusedError } from './parse.js';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Request><UserLogin>&lol9;</UserLogin></Request>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE Request [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Request><UserLogin>&xxe;</UserLogin></Request>`;

describe('parseXml', () => {
  it('reads elements, attributes without prefixes, and text', () => {
    const root = parseXml('<?xml version="1.0"?><a:Request xmlns:a="urn:x" xsi:nil="false"> <Name>Jo &amp; Co</Name><![CDATA[<raw>]]></a:Request>');
    expect(root.name).toBe('Request');
    expect(root.attributes.nil).toBe('false');
    expect(root.children).toEqual([{ name: 'Name', attributes: {}, children: [], text: 'Jo & Co' }]);
    expect(root.text).toBe(' <raw>');
  });

  it.each([
    ['billion laughs', BILLION_LAUGHS],
    ['external entity (XXE)', XXE],
    ['a harmless DOCTYPE', '<!DOCTYPE Request><Request/>'],
  ])('refuses %s before reading any entity', (_, xml) => {
    const started = performance.now();
    expect(() => parseXml(xml)).toThrow(/DOCTYPE is not accepted/);
    // A refused document costs what reading it costs: not an expansion.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['an undeclared entity', '<a>&foo;</a>', /undefined entity/],
    ['a mismatched tag', '<a><b></a>', /malformed XML/],
    ['two roots', '<a/><b/>', /malformed XML/],
    ['no element at all', '   ', /malformed XML/],
    ['text that is not XML', '{"json": true}', /malformed XML/],
  ])('refuses %s', (_, xml, reason) => {
    expect(() => parseXml(xml)).toThrow(XmlRefusedError);
    expect(() => parseXml(xml)).toThrow(reason);
  });

  it('stops at the first error: a malformed document costs no more than a well-formed one of its size', () => {
    const items = '<item><name>n</name><count>1</count></item>'.repeat(1_500);
    const wellFormed = `<Items>${items}</Items>`;
    const malformed = `<Items><item></name>${items}</Items>`;
    expect(wellFormed.length).toBeGreaterThan(60_000);
    // The same work measured in the same test, median of 15: a comparison, not a speed target.
    const median = (f: () => void) => {
      const times = Array.from({ length: 15 }, () => {
        const started = performance.now();
        f();
        return performance.now() - started;
      });
      return times.sort((a, b) => a - b)[7] as number;
    };
    const good = median(() => parseXml(wellFormed));
    const bad = median(() => expect(() => parseXml(malformed)).toThrow(/1:20: unexpected close tag/));
    expect(bad).toBeLessThan(good);
  });

  it('stops at the depth limit, however deep the document goes', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    expect(() => parseXml(deep)).toThrow(expect.objectContaining({ reason: 'depth', message: 'XML nested deeper than 32 elements' }));
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = '<a>'.repeat(40) + '</a>'.repeat(40);
    expect(() => parseXml(deep)).toThrow(/deeper than 32/);
    expect(parseXml('<a>'.repeat(10) + '</a>'.repeat(10)).name).toBe('a');
  });
});
