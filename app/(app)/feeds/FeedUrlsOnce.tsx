export function FeedUrlsOnce({ urls }: { urls: { rss: string; atom: string } }) {
  return (
    <div className="feed-urls" role="group" aria-label="New feed address">
      <div className="field">
        <label htmlFor={`rss-${urls.rss.slice(-8)}`}>RSS address</label>
        <input id={`rss-${urls.rss.slice(-8)}`} readOnly value={urls.rss} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <div className="field">
        <label htmlFor={`atom-${urls.atom.slice(-8)}`}>Atom address</label>
        <input id={`atom-${urls.atom.slice(-8)}`} readOnly value={urls.atom} onFocus={(e) => e.currentTarget.select()} />
      </div>
    </div>
  );
}
