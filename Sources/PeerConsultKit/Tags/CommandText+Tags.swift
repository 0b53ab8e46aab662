import Foundation

extension CommandText {
  /// `peerconsult tags`: one line per tag with its counts and the days it was first and
  /// last used, the most used first.
  public static func tags(_ counts: [TagCount], time: ReadableTime = ReadableTime()) -> String {
    guard !counts.isEmpty else {
      return "No #tags yet: write one in a note, such as #licensing, to count a theme.\n"
    }
    let rows =
      [["TAG", "SESSIONS", "NOTES", "FIRST", "LAST"]]
      + counts.map { count in
        [
          "#" + oneLine(count.tag), String(count.sessions), String(count.notes),
          time.day(count.firstSeen), time.day(count.lastSeen),
        ]
      }
    return table(rows)
  }
}

extension CommandJSON {
  /// Tags as `peerconsult tags --json` prints them, the most used first.
  public static func tags(_ counts: [TagCount]) -> String {
    SessionExport.encode(
      counts.map { count in
        Tag(
          tag: count.tag, key: count.key, sessions: count.sessions, notes: count.notes,
          firstSeen: ExportTime.string(count.firstSeen),
          lastSeen: ExportTime.string(count.lastSeen))
      })
  }

  private struct Tag: Encodable {
    let tag: String
    let key: String
    let sessions: Int
    let notes: Int
    let firstSeen: String
    let lastSeen: String
  }
}
