// The options of a select, from { value, label } pairs: every menu of the site writes them one way.
export function Options({ options }: { options: readonly { value: string | number; label: string | number }[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

/** A list of versions as menu options, the current one marked. */
export const versionOptions = (versions: { version: number }[], current?: number) =>
  versions.map((r) => ({ value: r.version, label: r.version === current ? `${r.version} (current)` : r.version }));
