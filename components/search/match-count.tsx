// How many passages match, said as the search knows it: exactly ("1 passage matches"), or, past the
// count cap, as an estimate ("about 88,000 passages match").
export function MatchCount({ total, approximate }: { total: number; approximate?: boolean }) {
  return (
    <p>
      {approximate && total > 0 ? 'about ' : ''}
      <strong>{total.toLocaleString('en')}</strong> {total === 1 && !approximate ? 'passage matches' : 'passages match'}
    </p>
  );
}
