import Foundation
import PeerConsultKit

/// How a note's text is made from a Zipf vocabulary: English words with spaces, or Chinese and
/// Japanese words run together as those languages are written.
public struct NoteWords: Sendable {
  public let vocabulary: ZipfWords
  public let isCJK: Bool

  public static let english = NoteWords(vocabulary: .english, isCJK: false)
  public static let cjk = NoteWords(vocabulary: .cjk, isCJK: true)

  /// Six to sixteen words, a sentence of a note.
  func text(using rng: inout SeededGenerator) -> String {
    let count = Int.random(in: 6...16, using: &rng)
    let drawn = (0..<count).map { _ in vocabulary.draw(using: &rng) }
    if isCJK { return drawn.joined() + "。" }
    return drawn.joined(separator: " ").capitalizedFirst + "."
  }
}

/// The data of `Benchmarks/run.sh --scale N`: N sessions of 100 notes, about N x 100 notes,
/// with one session of 10,000 notes among them, written by Zipf vocabularies (one session in
/// eight in Chinese and Japanese), spread over ten years.
///
/// Each session is walked through `LiveSession` against a store in memory and the sessions are
/// written a hundred at a time in one transaction each (`appendInOneTransaction`, as import
/// writes), so memory stays flat whatever N is and 10,000 sessions take minutes, not hours.
public enum ScaleLibrary {
  /// Changes when the generated data changes, so a kept folder of older data is made again.
  static let version = "zipf1"
  /// The notes of the one long session.
  public static let longSessionNotes = 10_000
  /// The file in the folder holding the long session's id, for `show` of it.
  public static let longSessionFile = "long-session-id"

  /// Generates the folder unless a complete one of the same kind is there; returns the seconds
  /// it took (0 when kept).
  @discardableResult
  public static func database(at directory: URL, sessions: Int) throws -> Double {
    let marker = directory.appendingPathComponent(
      "complete-\(version)-\(SyntheticData.seed)-\(sessions)")
    if FileManager.default.fileExists(atPath: marker.path) { return 0 }
    let started = Date()
    try? FileManager.default.removeItem(at: directory)
    let scratch = SyntheticData.scratchFolder("pc-bench-scale")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let database = try AppDatabase(directory: scratch)
    var rng = SeededGenerator(seed: SyntheticData.seed ^ 0x5CA1E)
    let clock = ManualClock(Date(timeIntervalSince1970: 1_500_000_000))
    let spacing = 86_400.0 * 3_650 / Double(max(sessions, 1))
    let count = SyntheticData.programmes.count
    let store = CollectingStore()
    var longSession: SessionID?
    for number in 0..<sessions {
      let isLong = number == sessions / 2 + 1
      let id = try SyntheticData.session(
        notes: isLong ? longSessionNotes : 100, programme: SyntheticData.programmes[number % count],
        number: number / count + 1, in: store, clock: clock, finish: number % 10 != 0,
        words: number % 8 == 3 ? .cjk : .english, using: &rng)
      if isLong { longSession = id }
      clock.advance(by: spacing)
      if store.runs.count == 100 || number == sessions - 1 {
        try database.appendInOneTransaction(store.runs)
        store.runs = []
      }
    }
    try database.close()
    try SyntheticData.copy(scratch, to: directory)
    if let longSession {
      try longSession.rawValue.write(
        to: directory.appendingPathComponent(longSessionFile), atomically: true, encoding: .utf8)
    }
    _ = FileManager.default.createFile(atPath: marker.path, contents: nil)
    return Date().timeIntervalSince(started)
  }
}

/// A session store that only keeps the events of the sessions being generated, in order, until
/// they are written together.
final class CollectingStore: SessionStore {
  var runs: [(session: SessionID, events: [RecordedEvent])] = []

  func append(_ event: RecordedEvent, to session: SessionID) throws {
    if runs.last?.session == session {
      runs[runs.count - 1].events.append(event)
    } else {
      runs.append((session, [event]))
    }
  }

  func events(of session: SessionID) throws -> [RecordedEvent] {
    runs.last { $0.session == session }?.events ?? []
  }
}
