import Foundation

/// Replaces who was there with marked, consistent pseudonyms, so a session can be shared under
/// the Chatham House Rule: what was said may be used, but not who said it, their organisation,
/// or who else attended.
///
/// Participants become `[Participant A, frontline]` (letter by first appearance, with their
/// level) and organisations `[Organisation 1]`. One anonymiser is built for everything shared
/// together, so a person keeps one pseudonym across all of its sessions; a person is their name
/// and organisation, compared without case or accents. Names and organisations are also
/// replaced inside every text: titles, programme names, focus questions and notes, including
/// first names and surnames on their own (see ``scrub(_:)``). The protocol's own text is left
/// as it is; the path of a protocol file is removed. The key from names to pseudonyms is
/// never written anywhere.
public struct Anonymiser: Sendable {
  /// What replaces a name part shared by several people, which cannot say which one is meant.
  public static let ambiguousName = "[a participant]"
  /// What replaces the path of a protocol file, which may name its owner.
  public static let removedPath = "[path removed]"

  /// Titles, not names, so they are never replaced on their own.
  private static let honorifics: Set<String> = [
    "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "rev", "revd", "cllr", "councillor", "pc", "ps", "dc", "ds", "di", "dci", "sgt", "insp",
    "supt", "ch", "nurse", "sister",
  ]

  /// Titles written before a name, replaced with it.
  private static let titles = [
    "Mr", "Mrs", "Ms", "Mx", "Miss", "Dr", "Prof", "Cllr", "Sir", "Dame",
  ]

  private var pseudonyms: [PersonKey: String] = [:]
  private var organisations: [[Character]: String] = [:]
  private var replacer = TermReplacer()

  /// Pseudonyms for everyone in `records`, lettered in order of first appearance (records by
  /// date, then participants in the order they joined).
  public init(records: [SessionRecord]) {
    var people: [(person: PersonKey, participant: Participant)] = []
    for record in SessionRecord.chronological(records) {
      for participant in record.state.participants {
        let person = PersonKey(participant)
        if pseudonyms[person] == nil {
          pseudonyms[person] =
            "[Participant \(Self.letters(people.count)), \(participant.level.rawValue)]"
          people.append((person, participant))
        }
        let organisation = person.organisation
        if !organisation.isEmpty, organisations[organisation] == nil {
          organisations[organisation] = "[Organisation \(organisations.count + 1)]"
        }
      }
    }
    // Whole names and organisations first: where a part of one name is another's whole name,
    // the whole name wins.
    for (person, participant) in people {
      addName(participant.name, replacement: pseudonyms[person]!)
    }
    for (person, participant) in people where !person.organisation.isEmpty {
      replacer.add(participant.organisation, replacement: organisations[person.organisation]!)
    }
    var owners: [[Character]: (part: String, people: Set<PersonKey>)] = [:]
    for (person, participant) in people {
      for part in Self.parts(of: participant.name) {
        owners[TermReplacer.fold(part), default: (part, [])].people.insert(person)
      }
    }
    for (_, entry) in owners.sorted(by: { String($0.key) < String($1.key) })
    where !replacer.contains(entry.part) {
      addName(
        entry.part,
        replacement: entry.people.count == 1 ? pseudonyms[entry.people.first!]! : Self.ambiguousName
      )
    }
  }

  /// Adds `name` as people write it: as given, without its apostrophes ("ONeill"), and after a
  /// title ("Dr Patel", "Ms. Smith-Jones"), so the title goes with the name.
  private mutating func addName(_ name: String, replacement: String) {
    let bare = name.filter { TermReplacer.fold($0) != ["'"] }
    let forms = bare == name || bare.isEmpty ? [name] : [name, bare]
    for form in forms {
      replacer.add(form, replacement: replacement)
      for title in Self.titles {
        replacer.add("\(title) \(form)", replacement: replacement)
        replacer.add("\(title). \(form)", replacement: replacement)
      }
    }
  }

  /// The pseudonym of `participant`, like `[Participant A, frontline]`.
  public func pseudonym(for participant: Participant) -> String {
    pseudonyms[PersonKey(participant)] ?? "[Participant, \(participant.level.rawValue)]"
  }

  /// The pseudonym of an organisation, like `[Organisation 1]`; empty stays empty.
  public func organisation(_ name: String) -> String {
    let folded = TermReplacer.fold(name.trimmingCharacters(in: .whitespacesAndNewlines))
    guard !folded.isEmpty else { return "" }
    return organisations[folded] ?? "[Organisation]"
  }

  /// `text` with every participant's name and organisation replaced: whole names, and first
  /// names, surnames and the halves of hyphenated names on their own, ignoring case and accents,
  /// as whole words (anywhere, in Chinese, Japanese and Korean). A name part of one letter
  /// (an initial, or a one-character CJK surname) and titles like "Dr" are not replaced on
  /// their own, since they would replace letters and words everywhere; the whole name still is.
  public func scrub(_ text: String) -> String { replacer.replacing(in: text) }

  /// `record` with names, organisations and the protocol file's path replaced in every event.
  ///
  /// An edit that only changed a name changes nothing once names are replaced, so it is left
  /// out; a note that grows past the longest allowed text is cut, with "…" at the end.
  public func anonymise(_ record: SessionRecord) throws(ShareError) -> SessionRecord {
    var events: [RecordedEvent] = []
    var contents: [Int: NoteContent] = [:]
    for recorded in record.events {
      let event: SessionEvent
      switch recorded.event {
      case .created(let setup): event = .created(setup: anonymised(setup))
      case .participantAdded(let participant):
        event = .participantAdded(participant: anonymised(participant))
      case .noteAdded(let id, let slot, let content):
        contents[id] = scrubbed(content)
        event = .noteAdded(id: id, slot: slot, content: contents[id]!)
      case .noteEdited(let id, let content):
        let content = scrubbed(content)
        guard contents[id] != content else { continue }
        contents[id] = content
        event = .noteEdited(id: id, content: content)
      default: event = recorded.event
      }
      events.append(RecordedEvent(sequence: events.count + 1, at: recorded.at, event: event))
    }
    do {
      return try SessionRecord(id: record.id, events: events)
    } catch {
      throw .anonymisationFailed(record.id, reason: error.description)
    }
  }

  private func anonymised(_ setup: SessionSetup) -> SessionSetup {
    var setup = setup
    setup.title = scrub(setup.title)
    setup.programme = scrub(setup.programme)
    if case .file = setup.consultingProtocol.source {
      setup.consultingProtocol.source = .file(path: Self.removedPath)
    }
    setup.participants = setup.participants.map(anonymised)
    setup.rounds = setup.rounds.map { round in
      SessionRound(presenter: round.presenter, focusQuestion: round.focusQuestion.map(scrub))
    }
    return setup
  }

  private func anonymised(_ participant: Participant) -> Participant {
    Participant(
      name: pseudonym(for: participant), organisation: organisation(participant.organisation),
      level: participant.level)
  }

  private func scrubbed(_ content: NoteContent) -> NoteContent {
    var content = content
    content.text = scrub(content.text)
    if content.text.count > NoteContent.maximumLength {
      content.text = String(content.text.prefix(NoteContent.maximumLength - 1)) + "…"
    }
    return content
  }

  // MARK: Names

  /// The words of a name that identify someone on their own: each space-separated part and
  /// each half of a hyphenated part, without titles and single letters.
  private static func parts(of name: String) -> [String] {
    var parts: [String] = []
    for word in name.split(whereSeparator: \.isWhitespace).map(String.init) {
      parts.append(word)
      if word.contains("-") { parts += word.split(separator: "-").map(String.init) }
    }
    return parts.filter { part in
      let letters = TermReplacer.fold(part).filter { $0.isLetter || $0.isNumber }
      return letters.count >= 2 && !honorifics.contains(String(letters))
    }
  }

  /// A, B, … Z, AA, AB, …: the letter of the `index`th person.
  static func letters(_ index: Int) -> String {
    var index = index
    var letters = ""
    repeat {
      letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
      index = index / 26 - 1
    } while index >= 0
    return letters
  }
}

/// A person across sessions: their name and organisation, compared without case or accents.
struct PersonKey: Hashable, Sendable {
  let name: [Character]
  let organisation: [Character]

  init(_ participant: Participant) {
    name = TermReplacer.fold(participant.name.trimmingCharacters(in: .whitespacesAndNewlines))
    organisation = TermReplacer.fold(
      participant.organisation.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
