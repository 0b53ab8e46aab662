import Foundation

/// What anonymising will do to sessions shared together, for the facilitator to see before
/// anything is written: every replacement with where it stands, and every **suspect**, a word
/// that may or may not be a name. A suspect is replaced or kept by default, and the
/// facilitator's choice (a `shareChoice` event, ``LiveSession/chooseForSharing(_:replace:)``)
/// overrides that in every later export.
public struct ShareReview: Equatable, Sendable {
  /// One word as anonymising treats it, with how often and where it first stands.
  public struct Item: Hashable, Sendable {
    /// Why the word is listed.
    public enum Kind: String, Sendable {
      /// A participant's name or organisation: always replaced.
      case name
      /// A name part that is also an English word, capitalised where that cannot tell
      /// ("Will…" starting a sentence, "the Bishop of"): replaced unless kept.
      case ordinaryWord
      /// A one-character CJK name part, or a form of address ("小王"), inside other text ("安静"
      /// for "静", "小时" for 时明), or a name run together with an initial into an English word
      /// as an address's first part ("shill@" of Sam Hill): kept unless replaced.
      case insideWord
      /// An organisation's short form or acronym, guessed: replaced unless kept.
      case shortForm
      /// A capitalised word that belongs to nobody in the group: kept unless replaced.
      case unknownName
      /// A word that resembles a participant's name ("Mueller", "Patell"): replaced unless kept.
      case resemblance
      /// A name that is also a title, a month or a day, where it reads as that ("the DI",
      /// "Lord Smith", "14 Jan"): kept unless replaced.
      case usualMeaning
      /// A standing group's name that is also an ordinary word, a day or month, an acronym or
      /// fewer than four letters ("Phoenix", "Tuesday", "NHS"): kept unless replaced.
      case groupWord

      /// What happens without a choice.
      var replacedByDefault: Bool {
        self != .insideWord && self != .unknownName && self != .usualMeaning
          && self != .groupWord
      }
    }

    public let text: String
    public let replacement: String
    /// Up to 30 characters either side of the first occurrence, on one line.
    public let context: String
    public let kind: Kind
    /// How many times it occurs.
    public let count: Int
    /// The facilitator's choice: replace (true) or keep; nil for none yet.
    public let choice: Bool?

    public var isSuspect: Bool { kind != .name }
    /// Whether the export replaces it.
    public var isReplaced: Bool { kind == .name || (choice ?? kind.replacedByDefault) }
    /// A suspect with no choice yet: `--strict` refuses to share while there is one.
    public var isUnresolved: Bool { isSuspect && choice == nil }
  }

  /// Replacements of names, then suspects, each in order of first occurrence.
  public let items: [Item]
  /// Each programme shared, as the anonymised files show it (a file's name is made from it).
  public let programmes: [String: String]

  public var replacements: [Item] { items.filter { !$0.isSuspect } }
  public var suspects: [Item] { items.filter(\.isSuspect) }
  public var unresolved: [Item] { items.filter(\.isUnresolved) }

  /// The review of `records` shared together: what their anonymised exports will show, so
  /// titles, programmes, focus questions and the notes as they stand (deleted ones and earlier
  /// versions are never shared).
  /// `others` are the people they may name who need not have been there, as anonymising
  /// replaces them, and `groups` the names of the standing groups they may name
  /// (``Anonymiser/init(records:others:groups:earlier:)``).
  /// `earlier` are the earlier actions their minutes show (``EarlierAction``), shared too.
  public init(
    records: [SessionRecord], others: [Participant] = [], groups: [GroupID: [String]] = [:],
    earlier: [SessionID: [EarlierAction]] = [:]
  ) {
    let anonymiser = Anonymiser(records: records, others: others, groups: groups, earlier: earlier)
    // Each programme once, however many of its sessions are shared.
    programmes = Dictionary(
      uniqueKeysWithValues: Set(records.map(\.state.setup.programme)).map {
        ($0, anonymiser.scrub($0))
      })
    var found:
      [(key: String, text: String, replacement: String, context: String, kind: Item.Kind)] =
        []
    for record in SessionRecord.chronological(records) {
      let texts =
        Anonymiser.sharedTexts(of: record.state) + Anonymiser.texts(of: earlier[record.id] ?? [])
      for text in texts {
        found += Self.findings(in: text, anonymiser)
      }
    }
    var order: [String] = []
    var grouped:
      [String: (
        first: (text: String, replacement: String, context: String, kind: Item.Kind), count: Int
      )] =
        [:]
    for finding in found {
      // A suspect by its kind too: one word may be replaced unless kept in one place ("Di
      // said") and kept unless replaced in another ("DI Jones"), and each says so.
      let key = "\(finding.kind == .name ? "name" : finding.kind.rawValue)\u{0}\(finding.key)"
      if grouped[key] == nil {
        order.append(key)
        grouped[key] = ((finding.text, finding.replacement, finding.context, finding.kind), 0)
      }
      grouped[key]!.count += 1
    }
    let all = order.map { key -> Item in
      let (first, count) = grouped[key]!
      return Item(
        text: first.text, replacement: first.replacement, context: first.context, kind: first.kind,
        count: count,
        choice: first.kind == .name ? nil : anonymiser.choices[Self.key(first.text)])
    }
    items = all.filter { !$0.isSuspect } + all.filter(\.isSuspect)
  }

  /// The key a choice is stored under: the word without case, accents or surrounding space.
  public static func key(_ term: String) -> String {
    String(TermReplacer.fold(term.trimmingCharacters(in: .whitespacesAndNewlines)))
  }

  /// The replacements and suspects in one text.
  private static func findings(in text: String, _ anonymiser: Anonymiser)
    -> [(key: String, text: String, replacement: String, context: String, kind: Item.Kind)]
  {
    let characters = Array(text)
    var findings: [(String, String, String, String, Item.Kind)] = []
    let matches = anonymiser.matches(in: text)
    for match in matches {
      let kind: Item.Kind =
        switch match.suspicion {
        case nil: .name
        case .ordinaryWord: .ordinaryWord
        case .insideWord: .insideWord
        case .shortForm: .shortForm
        case .resemblance: .resemblance
        case .unknownName: .unknownName
        case .usualMeaning: .usualMeaning
        case .groupWord: .groupWord
        }
      findings.append(
        (key(match.text), match.text, match.replacement, context(match.range, in: characters), kind)
      )
    }
    for name in unknownNames(in: characters, matches: matches, anonymiser.suspectFinder) {
      findings.append(
        (
          key(name.text), name.text, Anonymiser.someoneElse, context(name.range, in: characters),
          .unknownName
        ))
    }
    return findings
  }

  /// The words of `characters` no match covers that name nobody in the group
  /// (``SuspectFinder/isUnknownName(_:at:in:)``): people mentioned who were not there, with
  /// the first name before the surname ("Tom Hughes").
  static func unknownNames(
    in characters: [Character], matches: [TermReplacer.Match], _ finder: SuspectFinder
  ) -> [(range: Range<Int>, text: String)] {
    var names: [(range: Range<Int>, text: String)] = []
    var previous: Range<Int>?
    // The word before, when it was listed alone: it is listed with the surname instead.
    var listedAlone: (range: Range<Int>, index: Int)?
    for (range, word) in SuspectFinder.words(in: characters) {
      defer { previous = range }
      guard !matches.contains(where: { $0.range.overlaps(range) }),
        finder.isUnknownName(word, at: range.lowerBound, in: characters)
      else { continue }
      let start = finder.nameStart(
        of: range,
        after: previous.flatMap { earlier in
          matches.contains { $0.range.overlaps(earlier) } ? nil : earlier
        }, in: characters)
      if start < range.lowerBound, let alone = listedAlone, alone.range.lowerBound == start {
        names.remove(at: alone.index)
      }
      listedAlone = start == range.lowerBound ? (range, names.count) : nil
      names.append((start..<range.upperBound, String(characters[start..<range.upperBound])))
    }
    return names
  }

  /// `range` of `text` with up to 30 characters either side, on one line, with "…" where cut.
  private static func context(_ range: Range<Int>, in text: [Character]) -> String {
    let start = max(0, range.lowerBound - 30)
    let end = min(text.count, range.upperBound + 30)
    let body = String(text[start..<end]).map { $0.isNewline ? " " : $0 }
    return (start > 0 ? "…" : "") + String(body) + (end < text.count ? "…" : "")
  }
}
