/// The order search results come in (``AppDatabase/searchNotes(_:session:programme:kind:order:limit:)``).
public enum NoteSearchOrder: String, CaseIterable, Sendable {
  /// Best matches first (bm25), ties newest first. A query matching more than
  /// ``AppDatabase/searchCandidateBound`` notes ranks the ``AppDatabase/searchRankedCandidates``
  /// matches stored last (Docs/PERFORMANCE.md, "Search at scale").
  case best
  /// Newest notes first, by when they were written.
  case newest
}
