import Foundation
import PeerConsultKit
import TerminalKit

/// What is shared: sessions exported together, or a programme's harvest over a period.
public enum ShareSubject: Hashable, Sendable {
  case sessions([SessionID])
  case harvest(programme: String, period: ReportPeriod = .always)
}

extension KeyContext {
  public static let shareReview = KeyContext("shareReview", title: "Review before sharing")
  public static let sharePath = KeyContext(
    "sharePath", title: "Where to write", typesText: true,
    typingHelp: "The file to write (~ is your home folder)", helpSections: [.textField])
}

extension Action {
  public static let replaceSuspect = Action("replaceSuspect")
  public static let keepSuspect = Action("keepSuspect")
  public static let shareFormat = Action("shareFormat")
  public static let editPath = Action("editPath")
  public static let writeShare = Action("writeShare")
}

/// The review before sharing: what anonymising does to a session (or a programme's harvest),
/// every replacement with where it stands and every suspect, a word that may or may not name
/// someone. `r` or `k` stores the facilitator's choice for a suspect with the sessions (a
/// `shareChoice` event, so every later export repeats it); `w` writes the anonymised export,
/// in the format `f` picks, to a private file, by default in the data folder's `exports`.
/// Esc leaves without writing.
public struct ShareReviewState: Screen {
  public let subject: ShareSubject
  /// What the title bar names: a session's title, a count of sessions, or the programme.
  public let heading: String
  /// What anonymising will do; nil until read.
  public private(set) var review: ShareReview?
  /// Damaged sessions left out of the review and the export.
  public private(set) var skipped = 0
  /// Why the review could not be read.
  public private(set) var loadError: String?
  /// The item selected, an index into `review.items`.
  public private(set) var selection = 0
  /// The first list row shown.
  public private(set) var scroll = 0
  public private(set) var format: ShareFormat
  /// Where the export goes; the default follows the format until the facilitator types one.
  public private(set) var path: LineEditor
  public private(set) var pathTyped: Bool
  public private(set) var editingPath = false
  /// The path as it was when editing began, for Esc.
  private var pathBefore = ""
  /// Replace an existing file without asking (`--force`).
  public let replacing: Bool
  /// The path field's text when the export was last written there, so the status line can
  /// say so once the notice has gone (and stop saying so when the path or format changes).
  public private(set) var written: String?
  private let exportsDirectory: String
  /// The screen Esc returns to; nil when the program was started for this review.
  public private(set) var back: (any Screen)?

  /// The most characters a typed path may have (Linux's PATH_MAX).
  static let pathLimit = 4096
  /// Rows the body keeps outside the list: status, gap, gap, format, path.
  static let chromeRows = 5

  public init(
    subject: ShareSubject, heading: String, format: ShareFormat = .markdown, path: String? = nil,
    replacing: Bool = false, dataDirectory: String, back: (any Screen)?
  ) {
    self.subject = subject
    self.heading = heading
    self.format = format
    self.replacing = replacing
    self.back = back
    exportsDirectory = (dataDirectory as NSString).appendingPathComponent("exports")
    pathTyped = path != nil
    self.path = LineEditor("", limit: Self.pathLimit)
    self.path.set(path ?? defaultPath)
  }

  /// The opening of this screen from another: it shows at once, reading the review.
  static func open(
    _ subject: ShareSubject, heading: String, from back: any Screen,
    _ environment: ScreenEnvironment
  ) -> [Effect] {
    [
      .show(
        ShareReviewState(
          subject: subject, heading: heading, dataDirectory: environment.dataDirectory,
          back: back)),
      .command(.loadShareReview(subject)),
    ]
  }

  /// `exports/<name>.<extension>` in the data folder: one session by its short id, several by
  /// their count, a harvest by its programme as the anonymised file shows it ("Hughes Alcohol
  /// Plan" went into the file's name as it was).
  public var defaultPath: String {
    let name: String
    switch subject {
    case .sessions(let ids) where ids.count == 1: name = "session-\(ids[0].short)"
    case .sessions(let ids): name = "\(ids.count)-sessions"
    case .harvest(let programme, _):
      // Until the review is read, the programme's name is not known to name nobody.
      name = review?.programmes[programme].map { "harvest-" + Self.fileName($0) } ?? "harvest"
    }
    return (exportsDirectory as NSString).appendingPathComponent(
      "\(name)-anonymised.\(Self.fileExtension(format))")
  }

  static func fileExtension(_ format: ShareFormat) -> String {
    switch format {
    case .markdown: "md"
    case .html: "html"
    case .json: "json"
    }
  }

  /// `text` as a file name: letters and digits kept (lower case), runs of anything else one
  /// hyphen, at most 40 characters.
  static func fileName(_ text: String) -> String {
    var name = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        name.append(character)
      } else if !name.isEmpty && name.last != "-" {
        name.append("-")
      }
    }
    let trimmed = String(name.prefix(40)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    return trimmed.isEmpty ? "programme" : trimmed
  }

  /// The selected item, if the review has any.
  public var selectedItem: ShareReview.Item? {
    guard let items = review?.items, items.indices.contains(selection) else { return nil }
    return items[selection]
  }

  // MARK: Screen

  public static let keyBindings = [
    KeyBinding([.up], .up, "up", "Move up", in: [.shareReview], footer: false),
    KeyBinding([.down], .down, "down", "Move down", in: [.shareReview], footer: false),
    KeyBinding(
      [.pageUp], .pageUp, "page up", "Move a page up", in: [.shareReview], footer: false),
    KeyBinding(
      [.pageDown], .pageDown, "page down", "Move a page down", in: [.shareReview], footer: false),
    KeyBinding(
      [.character("r")], .replaceSuspect, "replace",
      "Replace the selected suspect here and in later exports",
      in: [.shareReview]),
    KeyBinding(
      [.character("k")], .keepSuspect, "keep",
      "Keep the selected suspect as written here and later",
      in: [.shareReview]),
    KeyBinding(
      [.character("f")], .shareFormat, "format", "Change the format: Markdown, HTML, JSON",
      in: [.shareReview]),
    KeyBinding(
      [.character("o")], .editPath, "file", "Type where to write (Enter keeps it, Esc undoes)",
      in: [.shareReview]),
    KeyBinding(
      [.character("w")], .writeShare, "write",
      "Write the anonymised export (readable by you only)", in: [.shareReview]),
    KeyBinding([.escape], .back, "back", "Leave without writing", in: [.shareReview]),
    KeyBinding.help(in: [.shareReview]),
    KeyBinding(
      [.character("q")], .back, "back", "Leave without writing", in: [.shareReview],
      footer: false),
    KeyBinding([.enter], .select, "keep path", "Use the path typed", in: [.sharePath]),
    KeyBinding([.escape], .back, "undo", "Put the path back as it was", in: [.sharePath]),
    KeyBinding.helpF1(in: [.sharePath]),
  ]

  public var keyContext: KeyContext { editingPath ? .sharePath : .shareReview }
  public var acceptsText: Bool { editingPath }

  public func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
    let right: String
    switch subject {
    case .sessions(let ids) where ids.count == 1: right = "session \(ids[0].short)"
    case .sessions(let ids): right = "\(ids.count) sessions"
    case .harvest: right = "harvest"
    }
    return ("Share anonymised · \(heading)", right)
  }

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    let rows = max(1, environment.bodyHeight - Self.chromeRows)
    if editingPath, let effects = typePath(input) { return effects }
    switch input {
    case .action(let action):
      let effects = perform(action)
      reveal(rows: rows)
      return effects
    case .result(let result):
      let effects = apply(result, environment)
      reveal(rows: rows)
      return effects
    case .resize: reveal(rows: rows)
    case .text, .tick: break
    }
    return []
  }

  private mutating func perform(_ action: Action) -> [Effect] {
    let count = review?.items.count ?? 0
    switch action {
    case .up where count > 0: selection = max(0, selection - 1)
    case .down where count > 0: selection = min(count - 1, selection + 1)
    case .pageUp where count > 0: selection = max(0, selection - 8)
    case .pageDown where count > 0: selection = min(count - 1, selection + 8)
    case .replaceSuspect: return choose(replace: true)
    case .keepSuspect: return choose(replace: false)
    case .shareFormat:
      let formats = ShareFormat.allCases
      format = formats[((formats.firstIndex(of: format) ?? 0) + 1) % formats.count]
      if !pathTyped { path.set(defaultPath) }
    case .editPath:
      pathBefore = path.string
      editingPath = true
    case .writeShare: return write()
    case .back:
      guard let back else { return [.leave(to: .review)] }
      return [.show(back)]
    default: break
    }
    return []
  }

  /// The path field's inputs while it has focus; nil for those it leaves to the screen.
  private mutating func typePath(_ input: ScreenInput) -> [Effect]? {
    switch input {
    case .action(.select):
      editingPath = false
      if path.string != pathBefore { pathTyped = true }
      if path.string.trimmingCharacters(in: .whitespaces).isEmpty {
        path.set(defaultPath)
        pathTyped = false
      }
    case .action(.back):
      path.set(pathBefore)
      editingPath = false
    case .text, .action:
      path.edit(input)
    case .result, .tick, .resize: return nil
    }
    return []
  }

  /// Stores a choice for the selected suspect; a participant's name cannot be kept.
  private func choose(replace: Bool) -> [Effect] {
    guard let item = selectedItem else { return [] }
    guard item.isSuspect else {
      return [
        .notice(
          Notice("\(item.text) is a participant's name: it is always replaced.", tone: .warning))
      ]
    }
    return [.command(.chooseForSharing(subject, term: item.text, replace: replace))]
  }

  private func writeCommand(replacing: Bool) -> Effect {
    .command(
      .writeShare(
        subject, format: format, path: path.string.trimmingCharacters(in: .whitespaces),
        replacing: replacing))
  }

  /// Writes the export, asking first while a suspect has no choice.
  private func write() -> [Effect] {
    guard let review else {
      return [
        .notice(Notice(loadError == nil ? "Still reading the sessions." : "Nothing to write."))
      ]
    }
    let unresolved = review.unresolved.count
    guard unresolved == 0 else {
      let what = unresolved == 1 ? "1 suspect has" : "\(unresolved) suspects have"
      return [
        .confirm(
          question: "\(what) no choice and will be shared as listed. Write anyway? y/n",
          onYes: [writeCommand(replacing: replacing)])
      ]
    }
    return [writeCommand(replacing: replacing)]
  }

  private mutating func apply(_ result: ServiceResult, _ environment: ScreenEnvironment)
    -> [Effect]
  {
    switch result {
    case .shareReviewLoaded(let review, let skipped):
      self.review = review
      self.skipped = skipped
      loadError = nil
      selection =
        review.items.firstIndex(where: \.isUnresolved) ?? review.items.firstIndex(
          where: \.isSuspect)
        ?? 0
    case .shareChoiceSaved(let term, let replace, let review, let live):
      self.review = review
      // The summary shows the live session, which now holds the choice too.
      if let live, var back {
        _ = back.update(.result(.sessionChanged(live)), environment)
        self.back = back
      }
      let next = review.items.indices.first { $0 > selection && review.items[$0].isUnresolved }
      selection = min(next ?? selection, max(0, review.items.count - 1))
      let choice = replace ? "replaced" : "kept as written"
      return [
        .notice(
          Notice("\(term) will be \(choice) in this export and later ones (saved).", tone: .success)
        )
      ]
    case .shareWritten(let path, let sessions):
      written = self.path.string
      let what: String
      switch subject {
      case .sessions: what = sessions == 1 ? "1 session" : "\(sessions) sessions"
      case .harvest: what = "the harvest of \(sessions) session\(sessions == 1 ? "" : "s")"
      }
      return [.notice(Notice("Wrote \(what), anonymised, to \(path)", tone: .success))]
    case .shareOutputExists(let path):
      let name = (path as NSString).lastPathComponent
      return [
        .confirm(
          question: "\(name) exists already. Replace it? y/n",
          onYes: [writeCommand(replacing: true)])
      ]
    case .failed(.loadShareReview, let error, _):
      loadError = error
    case .failed(.chooseForSharing, let error, _):
      return [.notice(Notice("Choice not saved: \(error)", tone: .error))]
    case .failed(.writeShare, let error, _):
      return [.notice(Notice("Nothing written: \(error)", tone: .error))]
    default: break
    }
    return []
  }

  /// Scrolls the list so the selected item shows, `rows` rows being shown.
  private mutating func reveal(rows: Int) {
    guard let review else { return }
    let start = Self.row(of: selection, in: review)
    // The section's heading comes with its first item.
    let top = selection == 0 || selection == review.replacements.count ? start - 1 : start
    if top < scroll { scroll = top }
    if start + 2 > scroll + rows { scroll = start + 2 - rows }
    scroll = max(0, min(scroll, Self.lines(review).count - rows))
  }
}
