import TextLayout

/// Why an import was refused. Each description is one line that names the file, says what is
/// wrong and what to do; when one is thrown, nothing has been written.
public enum ImportError: Error, Hashable, Sendable, CustomStringConvertible {
  case unreadable(path: String, reason: String)
  /// A file over the most one import reads (``ImportLimits/file``).
  case tooLarge(path: String, megabytes: Int)
  /// A pipe, or a file read whole, over the most import holds in memory.
  case tooLargeToHold(path: String, megabytes: Int)
  case notJSON(path: String, detail: String)
  /// JSON, but not a PeerConsult session export.
  case foreign(path: String, detail: String)
  /// A programme harvest, which is a briefing and cannot rebuild sessions.
  case harvest(path: String)
  case newerVersion(path: String, version: Int)
  case anonymised(path: String)
  /// A PeerConsult export whose structure is wrong at `detail`.
  case invalid(path: String, detail: String)
  /// A session whose events do not rebuild.
  case unreplayable(path: String, session: SessionID, reason: String)
  /// The same session twice in what is being imported, with different events.
  case inconsistentCopies(session: SessionID, paths: [String])
  /// The data folder already holds the session with different events.
  case diverged(path: String, session: SessionID, title: String)
  case store(StoreError)
  /// The same standing group twice in what is being imported, with different events.
  case inconsistentGroupCopies(group: GroupID, paths: [String])
  /// The data folder already holds the group with different events.
  case divergedGroup(path: String, group: GroupID, name: String)
  /// More standing groups, or events of theirs, than one import takes
  /// (``SessionImport/maximumGroups``); `detail` says which.
  case tooManyGroups(path: String, detail: String)
  /// A standing group past what one takes now (``StandingGroup/checkLimits(of:alike:)``):
  /// not damaged, more than PeerConsult takes.
  case groupOverLimit(path: String, group: GroupID, detail: String)

  /// One line whatever it quotes: a path or a value with a line break in it (`-o $'a\nb'`)
  /// made a message of two lines, so each control character in it is spelt out.
  public var description: String { ControlCharacters.spelledOut(message) }

  private var message: String {
    let nothing = "nothing was imported"
    // What the file holds is quoted at most this long: a value of 200,000 characters was
    // repeated whole in the message.
    func shown(_ text: String) -> String {
      text.count <= 200 ? text : String(text.prefix(199)) + "…"
    }
    return switch self {
    case .unreadable(let path, let reason):
      "Cannot read \(path) (\(shown(reason).withoutClosingFullStop)); \(nothing)."
    case .tooLarge(let path, let megabytes):
      "\(path) is larger than \(megabytes) MB, the most one import reads; \(nothing): export "
        + "the sessions in parts (`peerconsult export --programme P --format json`) and import each."
    case .tooLargeToHold(let path, let megabytes):
      "\(path) holds more than \(megabytes) MB, which import would have to keep in memory "
        + "(it is not a regular file); \(nothing): save it to a file and import the file."
    case .notJSON(let path, let detail):
      "\(path) is not valid JSON (\(shown(detail).withoutClosingFullStop)); \(nothing): is it a whole PeerConsult export?"
    case .foreign(let path, let detail):
      "\(path) is not a PeerConsult session export (\(shown(detail).withoutClosingFullStop)); \(nothing): "
        + "import files made by `peerconsult export --format json`."
    case .harvest(let path):
      "\(path) is a programme harvest, a briefing that cannot rebuild sessions; \(nothing): "
        + "import the session exports (`peerconsult export --format json`) instead."
    case .newerVersion(let path, let version):
      "\(path) is export format version \(version), newer than this PeerConsult reads "
        + "(version \(SessionExport.version)); \(nothing): install the newer PeerConsult to import it."
    case .anonymised(let path):
      "\(path) is an anonymised export, made for sharing, which cannot rebuild sessions; "
        + "\(nothing): import the original (not anonymised) export."
    case .invalid(let path, let detail):
      "\(path) is a damaged session export (\(shown(detail).withoutClosingFullStop)); \(nothing): export the session again."
    case .unreplayable(let path, let session, let reason):
      "Session \(session.short) in \(path) does not rebuild (\(shown(reason).withoutClosingFullStop)); \(nothing): "
        + "export the session again."
    case .inconsistentCopies(let session, let paths):
      "Session \(session.short) appears with different events in "
        + "\(paths.joined(separator: " and ")); \(nothing): import the more recent file alone."
    case .diverged(let path, let session, let title):
      "Session \(session.short) (\"\(shown(title))\") in \(path) differs from the one already in the "
        + "data folder (each has events the other lacks); \(nothing): keep both by importing "
        + "into another folder with --data-dir."
    case .store(let error): error.description
    case .inconsistentGroupCopies(let group, let paths):
      "Group \(group.short) appears with different events in "
        + "\(paths.joined(separator: " and ")); \(nothing): import the more recent file alone."
    case .divergedGroup(let path, let group, let name):
      "Group \(group.short) (\"\(shown(name))\") in \(path) differs from the one already in the data "
        + "folder (each has changes the other lacks); \(nothing): import into another folder "
        + "with --data-dir."
    case .tooManyGroups(let path, let detail):
      "\(path) \(detail); \(nothing): import the files a few at a time."
    case .groupOverLimit(let path, let group, let detail):
      "Group \(group.short) in \(path) holds more than PeerConsult takes "
        + "(\(shown(detail).withoutClosingFullStop)); \(nothing)."
    }
  }
}
