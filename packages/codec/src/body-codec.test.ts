import { describe, expect, it } from 'vitest';
import { createBodyCodec, MalformedBodyError } from './body-codec.js';
import { ITEM, itemDescription as doc } from './item.fixture.js';

describe('createBodyCodec', () => {
  it('keeps JSON as sent: a number in a string stays a string', () => {
    const json = createBodyCodec('application/json', ITEM, doc);
    expect(json.format).toBe('json');
    expect(json.decode('{"count":"1"}')).toEqual({ count: '1' });
    expect(json.encode({ count: 1 })).toBe('{"count":1}');
  });

  it('types form fields by the schema, and makes a repeated field an array', () => {
    const form = createBodyCodec('application/x-www-form-urlencoded', ITEM, doc);
    expect(form.decode('name=a+b&count=2&done=false&other=3')).toEqual({ name: 'a b', count: 2, done: false, other: '3' });
    expect(form.decode('name=a&name=b')).toEqual({ name: ['a', 'b'] });
  });

  it('reads a field named __proto__ as a field, never as the body\'s prototype', () => {
    const form = createBodyCodec('application/x-www-form-urlencoded', ITEM, doc);
    const value = form.decode('__proto__=x&toString=y&name=a') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.entries(value)).toEqual([['__proto__', 'x'], ['toString', 'y'], ['name', 'a']]);
  });

  it('reads a field repeated 21,000 times in linear time: no slower than as many distinct fields', () => {
    const form = createBodyCodec('application/x-www-form-urlencoded', ITEM, doc);
    const repeated = 'a=&'.repeat(21_000);
    const distinct = Array.from({ length: 21_000 }, (_, i) => `a${i}=`).join('&');
    const time = (text: string) => {
      const started = performance.now();
      form.decode(text);
      return performance.now() - started;
    };
    time(distinct);
    expect((form.decode(repeated) as { a: string[] }).a).toHaveLength(21_000);
    // The same work measured in the same test: a comparison, not a speed target.
    expect(time(repeated)).toBeLessThan(time(distinct) * 3 + 5);
  });

  it('refuses a form whose percent-encoded bytes are not UTF-8', () => {
    const form = createBodyCodec('application/x-www-form-urlencoded', ITEM, doc);
    expect(() => form.decode('name=%FF')).toThrow(expect.objectContaining({ name: 'MalformedBodyError', reason: 'encoding' }));
  });

  it('writes a form without its absent fields', () => {
    const form = createBodyCodec('application/x-www-form-urlencoded', ITEM, doc);
    expect(form.encode({ name: 'a&b=c', count: 1, note: undefined, done: null })).toBe('name=a%26b%3Dc&count=1');
  });

  it('reads and writes XML by the schema', () => {
    const xml = createBodyCodec('text/xml', ITEM, doc);
    expect(xml.decode('<Item><count>2</count></Item>')).toEqual({ count: 2 });
    expect(xml.encode({ count: 2 })).toBe('<Item><count>2</count></Item>');
  });

  it.each([
    ['application/json', '{"count": ', 'syntax'],
    ['application/xml', '<Item><count>2</Item>', 'syntax'],
    ['application/xml', '<!DOCTYPE Item><Item/>', 'doctype'],
    ['application/xml', `${'<Item>'.repeat(40)}${'</Item>'.repeat(40)}`, 'depth'],
    ['application/xml', '<Other/>', 'shape'],
  ])('throws MalformedBodyError for a %s body it cannot read, saying why (%s)', (mediaType, text, reason) => {
    const read = () => createBodyCodec(mediaType, ITEM, doc).decode(text);
    expect(read).toThrow(MalformedBodyError);
    expect(read).toThrow(expect.objectContaining({ reason }));
  });

  it('refuses to build a codec for a media type it cannot read', () => {
    expect(() => createBodyCodec('text/plain', ITEM, doc)).toThrow(/no codec reads text\/plain/);
  });
});
