// The API page's body: each endpoint with its parameters, answers, the fields of its JSON answer and
// an example to follow. Plain server-rendered HTML from the page model (lib/api/openapi/page-model.ts).
import type { ApiEndpoint, ApiPageModel } from '@/lib/api/openapi/page-model';
import { LabelledSection } from '@/components/labelled-section';

export function ApiReference({ model }: { model: ApiPageModel }) {
  return (
    <>
      <LabelledSection id="api-contents" title="Endpoints" as="nav" className="mt-6" headingClassName="text-xl font-semibold">
        <ul className="mt-2 space-y-1">
          {model.groups.flatMap((g) =>
            g.endpoints.map((e) => (
              <li key={e.id}>
                <a href={`#${e.id}`}>
                  <code>
                    {e.method} {e.path}
                  </code>
                </a>{' '}
                <span className="muted">{e.summary}</span>
              </li>
            )),
          )}
        </ul>
      </LabelledSection>
      {model.groups.map((group) => (
        <section key={group.tag} aria-labelledby={`tag-${group.tag}`} className="mt-10">
          <h2 id={`tag-${group.tag}`} className="text-2xl font-semibold">
            {group.tag}
          </h2>
          {group.endpoints.map((endpoint) => (
            <EndpointSection key={endpoint.id} endpoint={endpoint} />
          ))}
        </section>
      ))}
    </>
  );
}

function EndpointSection({ endpoint }: { endpoint: ApiEndpoint }) {
  return (
    <article aria-labelledby={endpoint.id} className="mt-6 border-t border-stone-200 pt-4 dark:border-stone-800">
      <h3 id={endpoint.id} className="text-lg font-semibold">
        <code>
          {endpoint.method} {endpoint.path}
        </code>
      </h3>
      <p className="mt-1 font-medium">{endpoint.summary}</p>
      <p className="mt-1">{endpoint.description}</p>
      {endpoint.parameters.length > 0 && (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="text-left font-medium">Parameters</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">In</th>
              <th scope="col">Type</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {endpoint.parameters.map((p) => (
              <tr key={`${p.where}-${p.name}`} className="align-top">
                <th scope="row">
                  <code>{p.name}</code>
                  {p.required && <span className="muted"> (required)</span>}
                </th>
                <td>{p.where}</td>
                <td>{p.type}</td>
                <td>{p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {endpoint.fields.length > 0 && (
        <>
          <h4 className="mt-3 font-medium">Answer (200, JSON)</h4>
          <dl className="mt-1 text-sm">
            {endpoint.fields.map((f) => (
              <div key={f.name} className="mt-1">
                <dt className="inline">
                  <code>{f.name}</code>
                </dt>{' '}
                <dd className="inline">
                  <span className="muted">
                    {f.type}
                    {f.optional ? ', optional' : ''}
                  </span>
                  {f.description && ` — ${f.description}`}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <h4 className="mt-3 font-medium">Status codes</h4>
      <ul className="mt-1 text-sm">
        {endpoint.responses.map((r) => (
          <li key={r.status}>
            <code>{r.status}</code> {r.description}
          </li>
        ))}
      </ul>
      {endpoint.example && (
        <>
          <h4 className="mt-3 font-medium">Example</h4>
          <pre className="mt-1 text-sm break-all whitespace-pre-wrap">
            <code>curl -i &apos;{endpoint.example}&apos;</code>
          </pre>
          <p className="text-sm">
            <a href={endpoint.example}>Open the example’s answer</a>
          </p>
        </>
      )}
    </article>
  );
}
