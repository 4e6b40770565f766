// Node module-resolution hook registered by scripts/server-side.mjs: 'server-only' resolves to the
// package's own "react-server" entry (an empty module), as in Next's server bundles.
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== 'server-only') return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
}
