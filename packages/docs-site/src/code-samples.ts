/**
 * Code samples made from a description's request examples: a `curl` command
 * and a TypeScript call through the API's generated client, for every
 * operation. The docs build injects them as `x-codeSamples` into the copy of
 * the bundled description that the reference page renders; the tests run
 * them against the reference servers.
 *
 * @module
 */
import {
  deref,
  type Example,
  FORM,
  isJsonMediaType,
  isXmlMediaType,
  type Json,
  type JsonObject,
  type OpenApiDocument,
  type OperationView,
  operationsOf,
  parameterExample,
  securityScheme,
} from './openapi.js';
import { prettyXml } from './xml.js';

/** The API's generated client: its package and the factory it exports (`createEnosClient`). */
export interface ClientPackage {
  name: string;
  factory: string;
}

export interface SampleTarget {
  /** The API's name in the registry (its URL prefix). */
  api: string;
  /** Where the samples send their requests: the reference server, `http://localhost:4010/<api>`. */
  baseUrl: string;
  client: ClientPackage;
}

/** How a sample sends a credential the operation requires (it cannot know one: it names a variable). */
interface Credential {
  /** `Authorization`, or an API key's header. */
  header?: string;
  query?: string;
  /** `Bearer `, `xelion `, or nothing for an API key. */
  prefix: string;
  /** The shell variable (`ACCESS_TOKEN`) and the TypeScript constant (`accessToken`) that hold it. */
  shellVariable: string;
  tsVariable: string;
}

/** One request an operation's sample sends: one request example (or none, for an operation without a body). */
export interface RequestSample {
  operation: OperationView;
  /** The request example's name, when there is a body. */
  exampleName?: string;
  mediaType?: string;
  body?: Json;
  path: Record<string, string>;
  query: [string, string][];
  headers: [string, string][];
  credential?: Credential;
}

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

/**
 * The requests to show for an operation: for each media type, its example
 * named `seed` (the vendor's own sample, the demo account's); when no media
 * type has one, the first example of the first; without a body, one request.
 */
export function requestSamples(doc: OpenApiDocument, operation: OperationView): RequestSample[] {
  const path: Record<string, string> = {};
  const query: [string, string][] = [];
  const headers: [string, string][] = [];
  for (const param of operation.parameters) {
    const value = parameterExample(param);
    if (value === undefined && !param.required) continue;
    const text = value === undefined ? `<${param.name}>` : typeof value === 'string' ? value : JSON.stringify(value);
    if (param.in === 'path') path[param.name] = text;
    else if (param.in === 'query') query.push([param.name, text]);
    else if (param.in === 'header') headers.push([param.name, text]);
  }
  const credential = credentialOf(doc, operation);
  const base = { operation, path, query, headers, ...(credential ? { credential } : {}) };

  const bodies = operation.requestBody.flatMap(({ mediaType, content }) =>
    Object.entries(content.examples ?? (content.example !== undefined ? { example: { value: content.example } } : {})).map(([name, example]) => ({ mediaType, name, example: example as Example })),
  );
  const usable = bodies.filter((b) => b.example.value !== undefined);
  const seeds = usable.filter((b) => b.name === 'seed');
  const chosen = seeds.length > 0 ? seeds : usable.slice(0, 1);
  if (chosen.length === 0) return [base];
  return chosen.map(({ mediaType, name, example }) => {
    const accept = operation.successMediaTypes.length > 1 && operation.successMediaTypes.includes(mediaType) ? [['accept', mediaType] as [string, string]] : [];
    return { ...base, headers: [...headers, ...accept], exampleName: name, mediaType, body: example.value as Json };
  });
}

function credentialOf(doc: OpenApiDocument, operation: OperationView): Credential | undefined {
  // An empty requirement among them makes the credential optional: the sample sends none.
  if (operation.security.length === 0 || operation.security.some((r) => Object.keys(r).length === 0)) return undefined;
  const name = Object.keys(operation.security[0] as object)[0] as string;
  const scheme = securityScheme(doc, name);
  const variables = { shellVariable: name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toUpperCase(), tsVariable: camel(name) };
  if (scheme?.type === 'http') {
    const prefix = scheme.scheme?.toLowerCase() === 'bearer' ? 'Bearer ' : scheme.scheme?.toLowerCase() === 'basic' ? 'Basic ' : `${scheme.scheme ?? ''} `;
    return { header: 'authorization', prefix, ...variables };
  }
  if (scheme?.type === 'apiKey' && scheme.in === 'header' && scheme.name) return { header: scheme.name.toLowerCase(), prefix: '', ...variables };
  if (scheme?.type === 'apiKey' && scheme.in === 'query' && scheme.name) return { query: scheme.name, prefix: '', ...variables };
  return undefined;
}

function camel(name: string): string {
  return name.replace(/[-_]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[A-Z]/, (c) => c.toLowerCase());
}

/** The request's URL below the base URL, its path parameters filled in. */
function urlOf(sample: RequestSample, baseUrl: string, credentialInQuery: string | undefined): string {
  const path = sample.operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(sample.path[name] ?? `{${name}}`));
  const query = new URLSearchParams(sample.query);
  if (credentialInQuery !== undefined) query.append(sample.credential?.query ?? '', credentialInQuery);
  const search = query.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

/** The body's bytes as the media type writes them. */
export function bodyText(mediaType: string, body: Json): string {
  if (typeof body === 'string' && !isJsonMediaType(mediaType)) return body;
  if (mediaType === FORM && body !== null && typeof body === 'object' && !Array.isArray(body)) {
    return new URLSearchParams(Object.entries(body).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
  }
  return JSON.stringify(body);
}

/** A single-quoted shell word. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlSample(sample: RequestSample, target: SampleTarget): string {
  const { operation, credential } = sample;
  const lines: string[] = [];
  const url = urlOf(sample, target.baseUrl, credential?.query !== undefined ? `$${credential.shellVariable}` : undefined);
  const method = operation.method.toUpperCase();
  const hasBody = sample.body !== undefined && sample.mediaType !== undefined;
  const explicitMethod = !(method === 'GET' && !hasBody) && !(method === 'POST' && hasBody);
  // A credential in the query is a variable: the URL goes in double quotes for the shell to expand it.
  lines.push(`curl -s${explicitMethod ? ` -X ${method}` : ''} ${credential?.query !== undefined ? `"${url}"` : shellQuote(url)}`);
  if (hasBody) lines.push(`-H ${shellQuote(`content-type: ${sample.mediaType}`)}`);
  for (const [name, value] of sample.headers) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (credential?.header) lines.push(`-H "${credential.header}: ${credential.prefix}$${credential.shellVariable}"`);
  if (hasBody) lines.push(`${sample.mediaType === FORM ? '--data' : '-d'} ${shellQuote(bodyText(sample.mediaType as string, sample.body as Json))}`);
  return lines.join(' \\\n  ');
}

/**
 * The same request through the API's generated client, whose `api` is the
 * typed openapi-fetch client. Path parameters that every path of the API
 * takes (xelion's `{tenant}`) are also the client's options. Undefined for a
 * body the client's types cannot carry as written (an XML text).
 */
export function typeScriptSample(doc: OpenApiDocument, sample: RequestSample, target: SampleTarget): string | undefined {
  const { operation, credential } = sample;
  if (sample.mediaType !== undefined && !isJsonMediaType(sample.mediaType) && sample.mediaType !== FORM) return undefined;
  const client = camel(target.api);
  const options: [string, string][] = [['baseUrl', tsString(target.baseUrl)]];
  for (const name of sharedPathParameters(doc)) options.push([name, tsString(sample.path[name] ?? `<${name}>`)]);
  const init: string[] = [];
  const params: string[] = [];
  if (Object.keys(sample.path).length > 0) params.push(`path: ${tsLiteral(sample.path, 1)}`);
  const query = sample.query.map(([name, value]) => `${tsKey(name)}: ${tsString(value)}`);
  if (credential?.query) query.push(`${tsKey(credential.query)}: ${credential.tsVariable}`);
  if (query.length > 0) params.push(`query: { ${query.join(', ')} }`);
  if (params.length > 0) init.push(`params: { ${params.join(', ')} }`);
  if (sample.body !== undefined) init.push(`body: ${tsLiteral(sample.body, 1)}`);
  if (sample.mediaType === FORM) init.push('bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString()');
  const headers: string[] = [];
  if (sample.mediaType !== undefined && sample.mediaType !== 'application/json') headers.push(`'content-type': ${tsString(sample.mediaType)}`);
  for (const [name, value] of sample.headers) headers.push(`${tsKey(name)}: ${tsString(value)}`);
  if (credential?.header) headers.push(`${tsKey(credential.header)}: \`${credential.prefix}\${${credential.tsVariable}}\``);
  if (headers.length > 0) init.push(`headers: { ${headers.join(', ')} }`);

  const lines = [`import { ${target.client.factory} } from '${target.client.name}';`, ''];
  lines.push(`const ${client} = ${target.client.factory}({ ${options.map(([k, v]) => `${k}: ${v}`).join(', ')} });`);
  if (credential) lines.push(`const ${credential.tsVariable} = '<${credential.tsVariable}>'; // what a login answered`);
  const call = `${client}.api.${operation.method.toUpperCase()}(${tsString(operation.path)}${init.length > 0 ? `, {\n${init.map((l) => `  ${l},`).join('\n')}\n}` : ''})`;
  lines.push(`const { data, error, response } = await ${call};`);
  lines.push('console.log(response.status, data ?? error);');
  return lines.join('\n');
}

/** Path parameters every path of the API takes: the client holds them (xelion's `tenant`). */
export function sharedPathParameters(doc: OpenApiDocument): string[] {
  const paths = Object.keys(doc.paths ?? {});
  if (paths.length === 0) return [];
  const names = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  return names(paths[0] as string).filter((name) => paths.every((p) => names(p).includes(name)));
}

/**
 * An operation's samples: one `curl` (every request example shown, each
 * headed by its media type when there are several) and one TypeScript call
 * (the first request the client can send as written).
 */
export function codeSamplesOf(doc: OpenApiDocument, operation: OperationView, target: SampleTarget): CodeSample[] {
  const requests = requestSamples(doc, operation);
  const curl = requests.map((r) => (requests.length > 1 && r.mediaType ? `# ${r.mediaType}\n` : '') + curlSample(r, target)).join('\n\n');
  const typescript = requests.map((r) => typeScriptSample(doc, r, target)).find((s) => s !== undefined);
  return [{ lang: 'curl', label: 'curl', source: curl }, ...(typescript ? [{ lang: 'TypeScript', label: 'TypeScript', source: typescript }] : [])];
}

/**
 * The description as the docs show it: a copy with `x-codeSamples` on every
 * operation and XML examples pretty-printed. The description given is not
 * changed.
 */
export function docsDescription(doc: OpenApiDocument, target: SampleTarget): OpenApiDocument {
  const copy = structuredClone(doc);
  for (const operation of operationsOf(copy)) operation.object['x-codeSamples'] = codeSamplesOf(copy, operation, target) as unknown as Json;
  prettyPrintXmlExamples(copy);
  return copy;
}

/** Every example of an XML media type, written one element per line (the bundle inlines them as one line, as the vendors wrote them). */
export function prettyPrintXmlExamples(doc: OpenApiDocument): void {
  const seen = new Set<object>();
  const visit = (node: Json | undefined): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const content = node.content;
    if (content && typeof content === 'object' && !Array.isArray(content)) {
      for (const [mediaType, media] of Object.entries(content)) {
        if (!isXmlMediaType(mediaType) || media === null || typeof media !== 'object' || Array.isArray(media)) continue;
        if (typeof media.example === 'string') media.example = prettyXml(media.example);
        for (const example of Object.values((media.examples ?? {}) as JsonObject)) {
          const target = deref<JsonObject>(doc, example);
          if (typeof target.value === 'string') target.value = prettyXml(target.value);
        }
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(doc as unknown as Json);
}

function tsString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

function tsKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : tsString(key);
}

/** A TypeScript literal of a JSON value, on one line when short, else one member per line. */
export function tsLiteral(value: Json, depth = 0): string {
  const inline = (v: Json): string => {
    if (typeof v === 'string') return tsString(v);
    if (v === null || typeof v !== 'object') return String(v);
    if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
    const entries = Object.entries(v);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, x]) => `${tsKey(k)}: ${inline(x)}`).join(', ')} }`;
  };
  const flat = inline(value);
  if (value === null || typeof value !== 'object' || flat.length + depth * 2 <= 80) return flat;
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (Array.isArray(value)) return `[\n${value.map((v) => `${pad}${tsLiteral(v, depth + 1)},`).join('\n')}\n${end}]`;
  return `{\n${Object.entries(value)
    .map(([k, v]) => `${pad}${tsKey(k)}: ${tsLiteral(v, depth + 1)},`)
    .join('\n')}\n${end}}`;
}

/**
 * The description as the request console (Swagger UI) reads it: the docs'
 * copy with parameters written out where they are used (Swagger UI leaves a
 * path item's referenced parameter blank under OpenAPI 3.1), and the request
 * example of a form (`seed`, else the first) also written as its fields'
 * examples, which is what Swagger UI fills a form's fields with.
 */
export function consoleDescription(docs: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(docs);
  for (const item of Object.values(copy.paths ?? {})) {
    const pathItem = deref<JsonObject>(copy, item);
    if (Array.isArray(pathItem.parameters)) pathItem.parameters = pathItem.parameters.map((p) => structuredClone(deref<Json>(copy, p)));
    for (const operation of Object.values(pathItem)) {
      if (operation && typeof operation === 'object' && !Array.isArray(operation) && Array.isArray(operation.parameters)) {
        operation.parameters = operation.parameters.map((p) => structuredClone(deref<Json>(copy, p)));
      }
    }
  }
  for (const operation of operationsOf(copy)) {
    for (const { mediaType, content } of operation.requestBody) {
      if (mediaType !== FORM) continue;
      const examples = Object.entries(content.examples ?? {});
      const example = (examples.find(([name]) => name === 'seed') ?? examples[0])?.[1].value;
      const schema = content.schema && deref<JsonObject>(copy, content.schema);
      const properties = schema?.properties as Record<string, Json> | undefined;
      if (!example || typeof example !== 'object' || Array.isArray(example) || !properties) continue;
      for (const [name, value] of Object.entries(example)) {
        const property = properties[name] !== undefined ? deref<JsonObject>(copy, properties[name]) : undefined;
        if (property) property.example = value;
      }
    }
  }
  return copy;
}
