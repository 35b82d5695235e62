/** What an empty shortlist says: how to fill it. */
export function EmptyState() {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">Your shortlist is empty</h2>
      <p>
        Open a creator&apos;s profile on Instagram, TikTok, YouTube, X or Bluesky and press <strong>Save</strong> on the
        MicroScope badge (click the badge beside their name, then <em>Save to shortlist</em>). Saved profiles appear
        here with their tier, engagement and follower growth, and MicroScope notes new numbers each time you visit them.
      </p>
      <p className="muted">Have a backup from another computer? Import it with the button above.</p>
    </section>
  );
}
