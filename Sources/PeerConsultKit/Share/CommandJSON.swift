import Foundation

/// The `--json` output of `peerconsult list` and `peerconsult search`, in the conventions of
/// the exports: sorted keys, UTC millisecond times, absent keys for absent values.
public enum CommandJSON {
  /// Sessions as `peerconsult list --json` prints them, in the order given.
  public static func listings(_ listings: [SessionListing]) -> String {
    SessionExport.encode(
      listings.map { listing in
        Listing(
          id: listing.id.rawValue, title: listing.title, programme: listing.programme,
          protocol: listing.protocolName, createdAt: ExportTime.string(listing.createdAt),
          updatedAt: ExportTime.string(listing.updatedAt),
          finishedAt: listing.finishedAt.map(ExportTime.string), presenters: listing.presenters,
          notes: listing.noteCount, actions: listing.actionCount, actionsDone: listing.actionsDone,
          origin: listing.origin)
      })
  }

  /// Search hits as `peerconsult search --json` prints them, best first. Highlights count
  /// Unicode scalars (code points) from the start of `text`.
  public static func hits(_ hits: [NoteSearchHit]) -> String {
    SessionExport.encode(
      hits.map { hit in
        let scalars = hit.text.text.unicodeScalars
        return Hit(
          session: hit.session.rawValue, sessionTitle: hit.sessionTitle, programme: hit.programme,
          note: hit.noteID, createdAt: ExportTime.string(hit.createdAt), kind: hit.kind.rawValue,
          round: hit.round, phase: hit.phase, speaker: hit.speaker, text: hit.text.text,
          highlights: hit.text.highlights.map { range in
            let start = scalars.distance(from: scalars.startIndex, to: range.lowerBound)
            return Highlight(
              start: start, length: scalars.distance(from: range.lowerBound, to: range.upperBound))
          }, origin: hit.origin)
      })
  }

  private struct Listing: Encodable {
    let id: String
    let title: String
    let programme: String
    let `protocol`: String
    let createdAt: String
    let updatedAt: String
    let finishedAt: String?
    let presenters: [String]
    let notes: Int
    let actions: Int
    let actionsDone: Int
    /// The shared store the session was taken from; absent for one written here.
    let origin: String?
  }

  private struct Hit: Encodable {
    let session: String
    let sessionTitle: String
    let programme: String
    let note: Int
    let createdAt: String
    let kind: String
    let round: Int?
    let phase: String
    let speaker: String?
    let text: String
    let highlights: [Highlight]
    /// The shared store the note's session was taken from; absent for one written here.
    let origin: String?
  }

  private struct Highlight: Encodable {
    let start: Int
    let length: Int
  }
}
