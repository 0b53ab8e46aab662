import Foundation
import PeerConsultKit
import TerminalKit

/// The review screen's state: the stored sessions, narrowed by programme and typed text, and
/// a search across all their notes. It opens with the newest ``pageSize`` sessions, so the
/// first frame reads a page whatever the number stored, and asks for twice as many as it holds
/// as the selection nears their end, or for every session once it is filtered
/// (``moreSessionsNeeded()``).
public struct ReviewState: Equatable, Sendable {
  /// Which half of the screen has the keys.
  public enum Mode: Equatable, Sendable {
    case sessions, search
  }

  public var mode: Mode = .sessions
  /// The newest sessions (a page, or all of them), newest first, as the store listed them.
  public private(set) var sessions: [SessionListing]
  /// How many sessions are stored.
  public private(set) var total: Int
  /// Whether this screen has asked for every session; it keeps asking after a reload of a page
  /// until it has them.
  public private(set) var wantsEverySession = false
  /// How many of the newest sessions this screen has asked for beyond its first page (0 for
  /// none); it keeps asking after a reload of fewer until it has them.
  public private(set) var wantedSessions = 0
  /// Programmes to cycle through, most recently used first.
  public private(set) var programmes: [String]
  /// The programme shown, or nil for all.
  public private(set) var programme: String?
  /// Typed text narrowing the list; see ``matches(_:)``.
  public private(set) var filter = LineEditor(limit: 200)
  /// Each session's text that the filter looks in, folded, in the order of ``sessions``: made
  /// once for the sessions read, when the filter is first used, so that a key typed into the
  /// filter folds the filter only, not the title, presenters and date of each of ten thousand
  /// sessions again. Empty until then: the first frame does not fold what it only shows.
  private var haystacks: [FilterText] = []
  /// The sessions that pass the programme and the filter, newest first.
  public private(set) var shown: [SessionListing] = []
  public var selection = 0
  /// The search box.
  public private(set) var query = LineEditor(limit: 500)
  /// The hits for ``searchedQuery``, best first.
  public private(set) var hits: [NoteSearchHit] = []
  /// The query the hits are for; nil before anything searchable was typed.
  public private(set) var searchedQuery: String?
  public var hitSelection = 0
  /// False when the data folder has no database yet: nothing was ever recorded.
  public var hasDatabase: Bool
  /// The zone dates are shown in, so a typed date finds what is shown.
  public let timeZone: TimeZone

  /// The most hits one search shows.
  public static let hitLimit = 200
  /// The sessions read for the first frame: more than a tall window shows (each takes two
  /// rows), so scrolling starts before more are needed; a taller one asks for more at once
  /// (``moreSessionsNeeded(rows:)``). Each 100 sessions more cost the first frame about 2 ms at
  /// 10,000 sessions.
  public static let pageSize = 60

  public init(
    sessions: [SessionListing], programmes: [String], total: Int? = nil,
    hasDatabase: Bool = true, timeZone: TimeZone = .current
  ) {
    self.sessions = sessions
    self.total = max(total ?? sessions.count, sessions.count)
    self.timeZone = timeZone
    self.programmes = programmes
    self.hasDatabase = hasDatabase
    refilter()
  }

  /// The selected session, if any is shown.
  public var selectedSession: SessionListing? {
    shown.indices.contains(selection) ? shown[selection] : nil
  }

  /// The selected hit, if any.
  public var selectedHit: NoteSearchHit? {
    hits.indices.contains(hitSelection) ? hits[hitSelection] : nil
  }

  /// How many sessions' texts are folded for the filter: none until it is first used.
  var foldedSessions: Int { haystacks.count }

  /// Whether every stored session is in ``sessions``.
  public var hasEverySession: Bool { sessions.count >= total }

  /// The command for more sessions when the list needs more than it holds: every session
  /// once it is filtered or narrowed to a programme (which must see them all); twice as many
  /// as it holds (every session, when that is as many) when its selection comes within two
  /// pages, or a window of `rows` rows, of the end of what is read. Nil while what it asked for
  /// is on its way.
  public mutating func moreSessionsNeeded(rows: Int = 0) -> AppCommand? {
    guard !wantsEverySession, !hasEverySession else { return nil }
    if !filter.isEmpty || programme != nil {
      wantsEverySession = true
      return .loadEveryReviewSession
    }
    // Two rows a session: a window that shows them all asks for more before any scrolling.
    let nearEnd = selection + max(2 * ReviewScreen.pageStep, rows / 2) >= shown.count
    guard nearEnd, wantedSessions <= sessions.count else { return nil }
    wantedSessions = max(2 * sessions.count, Self.pageSize)
    guard wantedSessions < total else {
      wantsEverySession = true
      return .loadEveryReviewSession
    }
    return .loadReviewSessions(count: wantedSessions)
  }

  /// The command that asks again for what this list asked for, after a reload brought fewer
  /// (a page read again while more were on their way); nil when it has them.
  var sessionsStillWanted: AppCommand? {
    guard !hasEverySession else { return nil }
    if wantsEverySession { return .loadEveryReviewSession }
    return sessions.count < wantedSessions ? .loadReviewSessions(count: wantedSessions) : nil
  }

  /// The command that reads this list's sessions again (back from a transcript, after a
  /// delete): as many as it holds (every session once it has asked for them), so that one
  /// selected beyond the first page is still there, and selected, when they come back.
  public var reloadCommand: AppCommand {
    if wantsEverySession { return .loadEveryReviewSession }
    return sessions.count > Self.pageSize ? .loadReviewSessions(count: sessions.count) : .loadReview
  }

  /// Replaces the sessions (after a change elsewhere), keeping the selected one selected.
  public mutating func reload(sessions: [SessionListing], programmes: [String], total: Int) {
    self.sessions = sessions
    self.total = max(total, sessions.count)
    haystacks = []
    self.programmes = programmes
    if let programme, !programmes.contains(programme) { self.programme = nil }
    refilter()
  }

  /// Shows the next programme, or all after the last.
  public mutating func cycleProgramme() {
    guard let current = programme, let index = programmes.firstIndex(of: current) else {
      programme = programmes.first
      refilter()
      return
    }
    programme = index + 1 < programmes.count ? programmes[index + 1] : nil
    refilter()
  }

  /// Applies typed text or an editing action to the filter; false when the input is neither.
  public mutating func editFilter(_ input: ScreenInput) -> Bool {
    let before = filter.string
    guard filter.edit(input) else { return false }
    if filter.string != before { refilter() }
    return true
  }

  /// Empties the filter.
  public mutating func clearFilter() {
    filter.set("")
    refilter()
  }

  /// Applies typed text or an editing action to the search box; returns whether the query
  /// text changed.
  public mutating func editQuery(_ input: ScreenInput) -> Bool {
    let before = query.string
    query.edit(input)
    return query.string != before
  }

  /// Empties the search box and its hits.
  public mutating func clearQuery() {
    query.set("")
    setHits([], for: nil)
  }

  /// Shows the hits of a search for `query`; the selection stays when the query is the same
  /// (a search run again on return from a transcript).
  public mutating func setHits(_ hits: [NoteSearchHit], for query: String?) {
    let sameQuery = query != nil && query == searchedQuery
    self.hits = hits
    searchedQuery = query
    hitSelection = sameQuery ? min(hitSelection, max(0, hits.count - 1)) : 0
  }

  /// Whether `listing` passes the programme and every word of the filter. Words are looked
  /// for in the title, programme, presenters, protocol and date, ignoring case and accents.
  public func matches(_ listing: SessionListing) -> Bool {
    if let programme, listing.programme != programme { return false }
    let words = filterWords
    guard !words.isEmpty else { return true }
    return words.allSatisfy(FilterText(Self.fold(Self.text(of: listing, timeZone))).holds)
  }

  /// The filter's words, folded.
  private var filterWords: [FilterText] {
    Self.fold(filter.string).split(separator: " ").map { FilterText(String($0)) }
  }

  /// Whether the session at `index` in ``sessions`` passes the programme and `words`, which
  /// are looked for in its haystack (made before, when there are words).
  private func passes(_ index: Int, words: [FilterText]) -> Bool {
    if let programme, sessions[index].programme != programme { return false }
    return words.isEmpty || words.allSatisfy(haystacks[index].holds)
  }

  /// The folded texts of `sessions` that the filter's words are looked for in, by one
  /// ``HaystackFolder``, which asks Foundation for each letter's folding once for them all.
  private static func haystacks(of sessions: [SessionListing], _ timeZone: TimeZone)
    -> [FilterText]
  {
    var folder = HaystackFolder()
    return sessions.map { FilterText(folder.fold(text(of: $0, timeZone))) }
  }

  /// The text of `listing` that the filter's words are looked for in, before it is folded.
  private static func text(of listing: SessionListing, _ timeZone: TimeZone) -> String {
    ([listing.title, listing.programme, listing.protocolName] + listing.presenters)
      .joined(separator: " ") + " " + ReviewFormat.date(listing.createdAt, timeZone)
  }

  private mutating func refilter() {
    let selected = selectedSession?.id
    let words = filterWords
    if !words.isEmpty, haystacks.count != sessions.count {
      haystacks = Self.haystacks(of: sessions, timeZone)
    }
    // Each listing passing is copied once, into room made once: filtering pairs and mapping
    // them back copied ten thousand listings twice and grew the array as it went.
    var passing: [SessionListing] = []
    passing.reserveCapacity(words.isEmpty && programme == nil ? sessions.count : 0)
    for index in sessions.indices where passes(index, words: words) {
      passing.append(sessions[index])
    }
    shown = passing
    selection = selected.flatMap { id in shown.firstIndex { $0.id == id } } ?? 0
  }

  /// `text` without case, accents or width, as Foundation folds it. ASCII, most of what the
  /// filter looks in (titles, names once folded, every date), is lowercased from its bytes:
  /// Foundation took 70 ms to fold the texts of ten thousand sessions.
  static func fold(_ text: String) -> String {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
      return text.folding(
        options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
    return String(decoding: text.utf8.map(foldedASCII), as: UTF8.self)
  }

  /// An ASCII byte folded as Foundation folds it: a capital to its small letter.
  static func foldedASCII(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
  }
}
