import Foundation
import PeerConsultKit
import TerminalKit

/// The review screen's state: the stored sessions, narrowed by programme and typed text, and
/// a search across all their notes. It opens with the newest ``pageSize`` sessions, so the
/// first frame reads a page whatever the number stored, and asks for twice as many as it holds
/// as the selection nears their end (``moreSessionsNeeded()``). Filtered, it looks in what the
/// filter needs of every session (``ReviewFilterEntry``, read once from the store when the list does
/// not hold them all) and lists only the sessions found that it shows, a page at a time: ten
/// thousand sessions' listings are neither read nor kept for a filter.
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
  /// Each session's text that the filter looks in, folded, newest first: made once, when the
  /// filter is first used, so that a key typed into the filter folds the filter only, not the
  /// title, presenters and date of each of ten thousand sessions again. Empty until then: the
  /// first frame does not fold what it only shows. Of ``sessions`` (in their order) unless
  /// ``indexIsStored``.
  private var index: [ReviewFilterEntry] = []
  /// Whether ``index`` holds every stored session, read from the store
  /// (``AppCommand/loadReviewFilter``), rather than those of ``sessions``.
  private var indexIsStored = false
  /// The store's version before ``index`` was read from it: a list read later at the same
  /// version, on the same opening of the database, was read with nothing written by another
  /// program in between.
  private var indexVersion: StoreVersion?
  /// Whether this list has asked the store for every session's ``ReviewFilterEntry``.
  private var wantsIndex = false
  /// The sessions that pass the programme and the filter, newest first, when either is set.
  private var found: [SessionID] = []
  /// The listings read for sessions found, by id, with those of ``sessions``: the filtered
  /// list shows the found sessions up to the first not listed yet.
  private var listed: [SessionID: SessionListing] = [:]
  /// How many of ``found`` this list has asked to be listed; it asks for more only beyond.
  private var wantedFound = 0
  /// A session selected before a refilter that is found but not listed yet: selected again
  /// once it is.
  private var pendingSelection: SessionID?
  /// The sessions that pass the programme and the filter, newest first: all of them, or those
  /// of them listed so far when the filter looks in every stored session.
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

  /// The listing of session `id` that this list holds: of the sessions read, or of those
  /// found by the filter and listed since.
  public func listing(_ id: SessionID) -> SessionListing? {
    listed[id] ?? sessions.first { $0.id == id }
  }

  /// The selected hit, if any.
  public var selectedHit: NoteSearchHit? {
    hits.indices.contains(hitSelection) ? hits[hitSelection] : nil
  }

  /// How many sessions' texts are folded for the filter: none until it is first used.
  var foldedSessions: Int { index.count }

  /// Whether the programme or the filter's words narrow the list.
  public var isFiltered: Bool { programme != nil || !filterWords.isEmpty }

  /// How many sessions pass the programme and the filter (those read, until every session's
  /// text is), or how many are read when nothing narrows the list.
  public var foundCount: Int { isFiltered ? found.count : sessions.count }

  /// Whether every stored session is in ``sessions``.
  public var hasEverySession: Bool { sessions.count >= total }

  /// The command for more sessions when the list needs more than it holds. Filtered or
  /// narrowed to a programme, which must look at every session: every session's
  /// ``ReviewFilterEntry``, then the listings of the sessions found as the selection nears the end of
  /// those listed (``foundNeeded(rows:)``). Else twice as many as it holds (every session, when
  /// that is as many) when its selection comes within two pages, or a window of `rows` rows, of
  /// the end of what is read. Nil while what it asked for is on its way.
  public mutating func moreSessionsNeeded(rows: Int = 0) -> AppCommand? {
    if isFiltered {
      if indexIsStored { return foundNeeded(rows: rows) }
      guard !hasEverySession, !wantsIndex else { return nil }
      wantsIndex = true
      return .loadReviewFilter
    }
    guard !wantsEverySession, !hasEverySession else { return nil }
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

  /// The command for the listings of more found sessions: twice as many as are listed, or as
  /// far as a page past the selection (or the session to select again), when the selection
  /// comes within two pages, or a window of `rows` rows, of the end of those listed.
  private mutating func foundNeeded(rows: Int) -> AppCommand? {
    let pending = pendingSelection.flatMap { id in found.firstIndex(of: id) } ?? 0
    let reach = max(selection, pending) + max(2 * ReviewScreen.pageStep, rows / 2)
    guard reach >= shown.count, shown.count < found.count else { return nil }
    let wanted = min(found.count, max(2 * shown.count, Self.pageSize, reach + Self.pageSize))
    guard wanted > wantedFound else { return nil }
    wantedFound = wanted
    return .loadReviewListings(Array(found[shown.count..<wanted]))
  }

  /// Whether the list would read every session's ``ReviewFilterEntry`` at the filter's first
  /// key or programme: it reads them ahead, once its first frame is out and while nobody
  /// types, so that the first key only refilters (at 10,000 sessions the read is about
  /// 15 ms, a frame's time).
  public var readsAhead: Bool {
    hasDatabase && !hasEverySession && !wantsIndex && !indexIsStored && !readAheadFailed
  }

  /// Whether reading ahead failed since the sessions were last read: not tried again until
  /// then; the filter's first key asks for the entries itself, and says if that fails.
  private var readAheadFailed = false

  /// Asks for every session's ``ReviewFilterEntry`` ahead of the filter's first key.
  public mutating func readAhead(_ environment: ScreenEnvironment) -> [Effect] {
    guard readsAhead else { return [] }
    wantsIndex = true
    return [.command(.loadReviewFilter)]
  }

  /// Takes in that every session's ``ReviewFilterEntry`` could not be read; returns whether
  /// to say so. Read ahead, unfiltered, the failure is silent and the filter's first key asks
  /// again (and says so if it fails too); asked for by a key, the list shows what it read.
  /// Commands run as they are asked for, so a failure that finds the list unfiltered was read
  /// ahead: its keys ask only while it is filtered.
  public mutating func filterEntriesFailed() -> Bool {
    guard !isFiltered else { return true }
    wantsIndex = false
    readAheadFailed = true
    return false
  }

  /// Takes in every stored session's ``ReviewFilterEntry``, read at the store's `dataVersion`:
  /// the filter looks in all of them now.
  public mutating func takeFilterEntries(
    _ entries: [ReviewFilterEntry], dataVersion: StoreVersion? = nil
  ) {
    index = entries
    indexIsStored = true
    indexVersion = dataVersion
    listed = [:]
    list(sessions)
    refilter()
  }

  /// Keeps `listings` by id, a listing held before for the same session replaced.
  private mutating func list(_ listings: [SessionListing]) {
    for listing in listings { listed[listing.id] = listing }
  }

  /// Takes in the listings of sessions found, shown as far as they reach.
  /// The found sessions are not looked for again: those shown are the first found, so the
  /// list goes on from the first found after them, as far as they are listed. A session asked
  /// for and not listed (deleted meanwhile, or without its summary in a file edited by hand)
  /// is no longer counted as found, so the list goes on past it and does not ask for it again.
  public mutating func takeListings(_ listings: [SessionListing]) {
    list(listings)
    guard indexIsStored, isFiltered else { return }
    let asked = shown.count..<min(max(wantedFound, shown.count), found.count)
    found.replaceSubrange(asked, with: found[asked].filter { listed[$0] != nil })
    for id in found[shown.count...] {
      guard let listing = listed[id] else { break }
      shown.append(listing)
    }
    wantedFound = shown.count
    if let pending = pendingSelection, let at = shown.firstIndex(where: { $0.id == pending }) {
      selection = at
      pendingSelection = nil
    }
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

  /// Replaces the sessions (after a change elsewhere, or more of them), keeping the selected
  /// one selected. `dataVersion` is the store's version once they were read.
  public mutating func reload(
    sessions: [SessionListing], programmes: [String], total: Int,
    dataVersion: StoreVersion? = nil
  ) {
    // More of the same list, with nothing written by another program since the filter's
    // entries were read (the same data version: a presenter rearranged or a person erased
    // elsewhere changes entries that no page shows): the entries still hold, so a list
    // scrolled down a page at a time does not read every session's entry again at each page.
    let keepsEntries =
      indexIsStored && dataVersion != nil && dataVersion == indexVersion
      && extendsHeld(sessions, total: total)
    self.sessions = sessions
    self.total = max(total, sessions.count)
    if keepsEntries {
      list(sessions)
    } else {
      // Read after a change (back from a transcript, a delete): what the filter read belongs
      // to the sessions as they were, and is read again when needed.
      index = []
      indexIsStored = false
      indexVersion = nil
      wantsIndex = false
      readAheadFailed = false
      listed = [:]
    }
    self.programmes = programmes
    if let programme, !programmes.contains(programme) { self.programme = nil }
    refilter()
  }

  /// Whether `newer`, of `total` stored, as many as the filter's entries, are the sessions
  /// held, unchanged, followed by older ones in the places of their entries: a defence should
  /// the data version miss a change (one made through this program's own connection).
  private func extendsHeld(_ newer: [SessionListing], total: Int) -> Bool {
    let held = sessions.count
    guard total == index.count, newer.count > held, newer.count <= total,
      newer.starts(with: sessions)
    else { return false }
    return zip(index[held..<newer.count], newer[held...]).allSatisfy { $0.id == $1.id }
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
    let text = FilterText(HaystackFolder.folded(ReviewFilterEntry.words(of: listing)))
    let date = FilterText(ReviewFormat.date(listing.createdAt, timeZone))
    return words.allSatisfy { word in
      Self.finds(word, in: text) || Self.mayBeInDate(word) && Self.finds(word, in: date, date: true)
    }
  }

  /// Whether `text` holds `word`; a word of digits only at the start of a number in a
  /// session's title, programme, protocol and presenters ("2" finds "SLG 2" and "SLG 25", as
  /// it is typed, not "SLG 12"), and in its `date` (`2026-11-27 14:05`) only as its year:
  /// "12" would find every session of December, of the 12th, at noon or at 12 past, where it
  /// is a session's number. A month or a day is found as it is written, "2026-12", "12-05".
  static func finds(_ word: FilterText, in text: FilterText, date: Bool = false) -> Bool {
    guard word.isDigits else { return text.holds(word) }
    guard date else { return text.holdsNumber(word, whole: false) }
    return word.text.utf8.count == 4 && text.holdsNumber(word, whole: true)
  }

  /// The filter's words, folded.
  private var filterWords: [FilterText] {
    HaystackFolder.folded(filter.string).split(separator: " ").map { FilterText(String($0)) }
  }

  /// Whether `entry` (nil when there are no words) of a session of `programme` passes the
  /// programme and `words`. A word is looked for in the entry's text, then, when it could be
  /// part of one (`dateWords`), in the session's date: a word holds no space, so it is in the
  /// text and date together only where it is in one of them, and the dates of ten thousand
  /// sessions are made only for a word typed in digits.
  private func passes(
    _ programme: String, _ entry: ReviewFilterEntry?, _ words: [FilterText],
    dateWords: [Bool], time: ReadableTime
  ) -> Bool {
    if let shownProgramme = self.programme, programme != shownProgramme { return false }
    guard let entry else { return true }
    var date: FilterText?
    for (word, mayBeDate) in zip(words, dateWords) where !Self.finds(word, in: entry.text) {
      guard mayBeDate else { return false }
      if date == nil { date = FilterText(time.dayAndTime(entry.createdAt)) }
      guard let date, Self.finds(word, in: date, date: true) else { return false }
    }
    return true
  }

  /// Whether `word` is made only of what a date and time are written with (`2026-11-27
  /// 14:05`): digits, dashes and colons.
  private static func mayBeInDate(_ word: FilterText) -> Bool {
    word.text.utf8.allSatisfy { (0x30...0x3A).contains($0) || $0 == 0x2D }
  }

  private mutating func refilter() {
    let selected = pendingSelection ?? selectedSession?.id
    let words = filterWords
    pendingSelection = nil
    guard !words.isEmpty || programme != nil else {
      found = []
      shown = sessions
      selection = selected.flatMap { id in shown.firstIndex { $0.id == id } } ?? 0
      return
    }
    found = []
    var passing: [SessionListing] = []
    let dateWords = words.map(Self.mayBeInDate)
    let time = ReadableTime(timeZone: timeZone)
    if indexIsStored {
      for entry in index
      where passes(entry.programme, entry, words, dateWords: dateWords, time: time) {
        found.append(entry.id)
        // Shown up to the first session found that is not listed yet.
        if passing.count == found.count - 1, let listing = listed[entry.id] {
          passing.append(listing)
        }
      }
    } else {
      // A programme alone needs no text: nothing is folded for it.
      if !words.isEmpty, index.count != sessions.count {
        var folder = HaystackFolder()
        index = sessions.map { ReviewFilterEntry($0, folder: &folder) }
      }
      for position in sessions.indices
      where passes(
        sessions[position].programme, words.isEmpty ? nil : index[position], words,
        dateWords: dateWords, time: time)
      {
        found.append(sessions[position].id)
        passing.append(sessions[position])
      }
    }
    shown = passing
    wantedFound = shown.count
    if let selected, let at = shown.firstIndex(where: { $0.id == selected }) {
      selection = at
    } else {
      selection = 0
      // Found but not listed yet, or perhaps found once every session's text is read (a list
      // read again while filtered): selected when it is shown.
      let mayBeFound = !indexIsStored && !hasEverySession
      if let selected, mayBeFound || found.contains(selected) { pendingSelection = selected }
    }
  }

}
