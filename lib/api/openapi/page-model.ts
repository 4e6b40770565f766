// The API page's view of the OpenAPI description: per endpoint, its parameters, answers and the
// top-level fields of its JSON answer, with types said in words. Read from the generated description
// itself, so the page shows exactly what /api/v1/openapi.json says.
import 'server-only';
import { openApiDocument } from './document';
import { ENDPOINTS } from './registry';

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  maxLength?: number;
  pattern?: string;
};

export interface ApiParameter {
  name: string;
  where: 'query' | 'path';
  required: boolean;
  type: string;
  description: string;
}

export interface ApiField {
  name: string;
  type: string;
  optional: boolean;
  description: string;
}

export interface ApiEndpoint {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: ApiParameter[];
  responses: { status: string; description: string }[];
  fields: ApiField[];
  /** A request to try, absolute on the site. */
  example?: string;
  editorsOnly: boolean;
}

export interface ApiPageModel {
  title: string;
  description: string;
  base: string;
  groups: { tag: string; endpoints: ApiEndpoint[] }[];
}

export function apiPageModel(): ApiPageModel {
  const doc = openApiDocument();
  const components = (doc.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const resolve = (schema: JsonSchema): JsonSchema => (schema.$ref ? resolve(components[schema.$ref.split('/').pop()!] ?? {}) : schema);
  const typeOf = (raw: JsonSchema): string => {
    const schema = resolve(raw);
    if (raw.$ref) return raw.$ref.split('/').pop()!;
    if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
    if (schema.const !== undefined) return JSON.stringify(schema.const);
    if (schema.anyOf) return [...new Set(schema.anyOf.map(typeOf))].join(' or ');
    if (schema.type === 'array') return `list of ${schema.items ? typeOf(schema.items) : 'values'}`;
    if (schema.type === 'integer' || (schema.type === 'string' && schema.pattern === '^[0-9]+$')) return 'whole number';
    return Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  };
  const base = doc.servers?.[0]?.url ?? '/api/v1';
  const endpoints = ENDPOINTS.map((endpoint): ApiEndpoint & { tag: string } => {
    const op = doc.paths?.[endpoint.path]?.[endpoint.method] as
      | {
          parameters?: { name: string; in: 'query' | 'path'; required?: boolean; description?: string; schema: JsonSchema }[];
          responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
        }
      | undefined;
    const json = op?.responses['200']?.content?.['application/json']?.schema;
    const body = json ? resolve(json) : undefined;
    return {
      tag: endpoint.tag,
      id: `${endpoint.method}-${endpoint.path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`,
      method: endpoint.method.toUpperCase(),
      path: `/api/v1${endpoint.path}`,
      summary: endpoint.summary,
      description: endpoint.description,
      parameters: (op?.parameters ?? []).map((p) => {
        const dflt = resolve(p.schema).default;
        return {
          name: p.name,
          where: p.in,
          required: p.required ?? false,
          type: `${typeOf(p.schema)}${dflt !== undefined && dflt !== '' ? `, default ${JSON.stringify(dflt)}` : ''}`,
          description: p.description ?? '',
        };
      }),
      responses: Object.entries(op?.responses ?? {}).map(([status, r]) => ({ status, description: r.description })),
      fields: Object.entries(body?.properties ?? {}).map(([name, schema]) => ({
        name,
        type: typeOf(schema),
        optional: !(body?.required ?? []).includes(name),
        description: resolve(schema).description ?? schema.description ?? '',
      })),
      example: endpoint.example ? `${base}${endpoint.example}` : undefined,
      editorsOnly: endpoint.editorsOnly ?? false,
    };
  });
  const tags = [...new Set(endpoints.map((e) => e.tag))];
  return {
    title: doc.info.title,
    description: doc.info.description ?? '',
    base,
    groups: tags.map((tag) => ({ tag, endpoints: endpoints.filter((e) => e.tag === tag) })),
  };
}
