import PeerConsultKit
import TerminalKit

extension KeyContext {
  public static let review = KeyContext(
    "review", title: "Review", typesText: true,
    typingHelp: "Narrows the list (title, programme, presenter, date)", helpSections: [.textField])
  public static let search = KeyContext(
    "search", title: "Search", typesText: true,
    typingHelp: "Searches all notes: words, \"a phrase\", licen*", helpSections: [.textField])
}

extension Action {
  public static let search = Action("search")
  public static let filterProgramme = Action("filterProgramme")
  /// Review what anonymising changes, then write the anonymised export.
  public static let share = Action("share")
  public static let deleteSession = Action("deleteSession")
}

extension ReviewState: Screen {
  // The session list and search have a text field, so only non-printing keys.
  public static let keyBindings = [
    KeyBinding([.up], .up, "up", "Move up", in: [.review, .search], footer: false),
    KeyBinding([.down], .down, "down", "Move down", in: [.review, .search], footer: false),
    KeyBinding(
      [.pageUp], .pageUp, "page up", "Scroll a page up", in: [.review, .search], footer: false),
    KeyBinding(
      [.pageDown], .pageDown, "page down", "Scroll a page down", in: [.review, .search],
      footer: false),
    KeyBinding([.enter], .select, "open", "Open the selected entry", in: [.review, .search]),
    KeyBinding(
      [.tab], .search, "search", "Search the notes of every session (the filter is kept)",
      in: [.review]),
    KeyBinding(
      [.tab], .search, "sessions", "Back to the session list (the query is kept)", in: [.search]),
    KeyBinding(
      [.control("p")], .filterProgramme, "programme", "Show one programme, then the next, or all",
      in: [.review, .search]),
    KeyBinding(
      [.control("s")], .share, "share",
      "Review and write the selected session anonymised", in: [.review]),
    KeyBinding(
      [.control("o")], .programmeView, "overview",
      "The programme at a glance: tags, actions, ratings", in: [.review, .search],
      footer: false),
    KeyBinding(
      [.control("x")], .deleteSession, "delete",
      "Delete the selected session for good (asks first)", in: [.review], footer: false),
    KeyBinding(
      [.escape], .back, "back", "Clear the typed text, or go back", in: [.review, .search]),
    KeyBinding.helpF1(in: [.review, .search]),
  ]

  /// The session list or the search.
  public var keyContext: KeyContext { mode == .sessions ? .review : .search }
  public var acceptsText: Bool { true }

  public func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
    ("PeerConsult · Review", ReviewScreen.titleRight(self))
  }

  public func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? {
    ReviewScreen.render(self, timeZone: environment.timeZone, into: &grid, area: area)
  }

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    var effects: [Effect]
    switch input {
    case .action(let action): effects = perform(action, input, environment)
    case .text: effects = type(input)
    case .result(let result): effects = apply(result, environment)
    case .tick: return []
    case .resize: effects = []
    }
    // After the change, so that a filter typed, a selection moved or a taller window counts.
    if let command = moreSessionsNeeded(rows: environment.bodyHeight) {
      effects.append(.command(command))
    }
    return effects
  }

  /// The search to run for what is typed now.
  private var searchCommand: Effect {
    .command(.searchNotes(query: query.string, programme: programme))
  }

  private mutating func perform(
    _ action: Action, _ input: ScreenInput, _ environment: ScreenEnvironment
  ) -> [Effect] {
    let searching = mode == .search
    switch action {
    case .up: move(by: -1, wrap: true)
    case .down: move(by: 1, wrap: true)
    case .pageUp: move(by: -ReviewScreen.pageStep, wrap: false)
    case .pageDown: move(by: ReviewScreen.pageStep, wrap: false)
    case .select:
      if searching, let hit = selectedHit {
        return [.command(.openTranscript(hit.session, note: hit.noteID))]
      }
      if !searching, let listing = selectedSession {
        return [.command(.openTranscript(listing.id, note: nil))]
      }
    case .search: mode = searching ? .sessions : .search
    case .share:
      guard !searching, let listing = selectedSession else { return [] }
      return ShareReviewState.open(
        .sessions([listing.id]), heading: listing.title, from: self, environment)
    case .deleteSession:
      guard !searching, let listing = selectedSession else { return [] }
      let notes = "\(listing.noteCount) note\(listing.noteCount == 1 ? "" : "s")"
      return [
        .confirm(
          question:
            "Delete session \(listing.id.short) “\(listing.title.truncated(toWidth: 24))” "
            + "(\(notes)) for good? y/n",
          onYes: [.command(.deleteSession(listing.id))])
      ]
    case .programmeView:
      // The programme shown, else the selected session's.
      guard let name = programme ?? selectedSession?.programme else {
        return [.notice(Notice("Choose a programme first: Ctrl-P steps through them."))]
      }
      return [.command(.loadProgrammeOverview(programme: name))]
    case .filterProgramme:
      cycleProgramme()
      if searching && searchedQuery != nil { return [searchCommand] }
    case .back:
      if searching {
        if query.isEmpty { mode = .sessions } else { clearQuery() }
      } else {
        if filter.isEmpty { return [.leave(to: .review)] }
        clearFilter()
      }
    default:
      return type(input)
    }
    return []
  }

  /// Typing and editing keys go into the field in front: the filter narrows the list at once,
  /// the search box searches again.
  private mutating func type(_ input: ScreenInput) -> [Effect] {
    if mode == .search {
      return editQuery(input) ? [searchCommand] : []
    }
    _ = editFilter(input)
    return []
  }

  private mutating func apply(_ result: ServiceResult, _ environment: ScreenEnvironment)
    -> [Effect]
  {
    switch result {
    case .reviewLoaded(let sessions, let programmes, let total, _, let version):
      reload(sessions: sessions, programmes: programmes, total: total, dataVersion: version)
      var effects: [Effect] = []
      // A page read again while this list had asked for more: ask again.
      if let command = sessionsStillWanted { effects.append(.command(command)) }
      if searchedQuery != nil { effects.append(searchCommand) }
      return effects
    case .reviewFilterLoaded(let entries, let version):
      takeFilterEntries(entries, dataVersion: version)
    case .reviewListingsLoaded(let listings): takeListings(listings)
    case .programmeOverviewLoaded(let overview):
      return [.show(ProgrammeState(overview: overview, back: self))]
    case .searched(let query, let hits):
      setHits(hits, for: query)
    case .transcriptLoaded(let id, let session, let note):
      var transcript = TranscriptState(
        sessionID: id, session: session, screenWidth: environment.width,
        timeZone: environment.timeZone, back: self)
      // Known from the row or the hit it was opened from: no query of its own.
      transcript.origin =
        listing(id)?.origin ?? hits.first { $0.session == id }?.origin
      if let note {
        transcript.focusNote = note
        transcript.reveal(
          note: note, rows: TranscriptScreen.rows(bodyHeight: environment.bodyHeight))
      }
      return [.show(transcript), .command(.loadActionHistory(id))]
    case .sessionDeleted(let id, let cleared):
      let title = listing(id)?.title ?? ""
      let deleted = "Deleted session \(id.short) (\(title)) for good"
      return [
        .notice(
          cleared
            ? Notice(deleted + ".", tone: .success)
            : Notice(deleted + "; " + ReviewState.notClearedYet, tone: .warning)),
        .command(reloadCommand),
      ]
    case .failed(.deleteSession, let error, _):
      return [.notice(Notice("Not deleted: \(error)", tone: .error))]
    case .failed(.loadReviewFilter, let error, _):
      return filterEntriesFailed() ? [.notice(Notice(error, tone: .error))] : []
    case .failed(.openTranscript, let error, _):
      return [.notice(Notice("Cannot open the session: \(error)", tone: .error))]
    case .failed(_, let error, _):
      return [.notice(Notice(error, tone: .error))]
    default: break
    }
    return []
  }

  /// Moves the selection of the list in front, wrapping around at the ends or stopping there.
  private mutating func move(by step: Int, wrap: Bool) {
    let searching = mode == .search
    let count = searching ? hits.count : shown.count
    guard count > 0 else { return }
    let current = searching ? hitSelection : selection
    let next =
      wrap ? ((current + step) % count + count) % count : min(count - 1, max(0, current + step))
    if searching { hitSelection = next } else { selection = next }
  }
}

extension ReviewScreen {
  /// Entries a page key moves over.
  static let pageStep = 8
}

extension ReviewState {
  /// What follows a removal (a deleted session, an erased person) whose words are still in the
  /// database's free space: the disk was full, or another program was reading it, when the
  /// file was to be rewritten. `peerconsult delete` and `erase-person` warn alike.
  static let notClearedYet =
    "what was removed is still in the file's free space: PeerConsult clears it the next "
    + "time it saves, once there is room."
}
