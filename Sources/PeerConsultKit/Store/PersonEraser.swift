import Foundation

/// Rewrites one session's events so that a person is gone: their name becomes a permanent
/// pseudonym and their organisation ``erasedOrganisation`` wherever the events hold them, and
/// mentions of them and of their organisation in titles, focus questions and notes (every
/// version of a note, since edits keep the old text) are replaced as the ``Anonymiser`` finds
/// names. Name parts they share with someone else in the session stay, since they would erase
/// that person's name too (their whole name still goes), and so does an organisation someone
/// else in the session belongs to.
struct PersonEraser {
  /// What replaces an erased person's organisation.
  static let erasedOrganisation = "[erased organisation]"

  /// Whether `name` is what an erasure left where a person was (`[Erased person 1]`): no
  /// one's name, and its words ("person") are ordinary ones.
  static func isPseudonym(_ name: String) -> Bool {
    name.hasPrefix("[Erased person ") && name.hasSuffix("]")
  }

  let pseudonym: String
  private let name: [Character]
  /// The name in lower case, when two people of the session are called alike but for case
  /// or accents ("Zoë Müller", "Zoe Muller"): then the one written so is the person.
  private let written: String?
  private var replacer = TermReplacer(titles: NameForms.titles)
  /// The erased person's names as the session wrote them (or as asked for, when they were
  /// not there), then everyone else's: an address's first part made of theirs alone
  /// ("jsmith@") is them (``AddressNames``).
  private let addressNames: AddressNames
  /// How many of ``addressNames``' names are the erased person's.
  private let ownNames: Int
  /// The name's first name with the surname's initial, folded (``NameForms/initialForms(of:)``).
  private let initials: Set<[Character]>

  /// An eraser of the participant called `name` (compared without case or accents) among
  /// `participants`, everyone the session ever had; given `written`, of the one whose name in
  /// lower case it is (``spellings(of:among:)``).
  init(name: String, pseudonym: String, participants: [Participant], written: String? = nil) {
    self.pseudonym = pseudonym
    self.name = Self.key(name)
    self.written = written
    let key = Self.key(name)
    let erased = { Self.isPerson($0, key: key, written: written) }
    let others = participants.filter { !erased($0) }
    // As written: "zoe muller" asked for is Zoë Müller, whose address spells "mueller".
    var own: [String] = []
    for participant in participants where erased(participant) && !own.contains(participant.name) {
      own.append(participant.name)
    }
    if own.isEmpty { own = [name] }
    ownNames = own.count
    addressNames = AddressNames(names: own + others.map(\.name))
    let othersParts = Set(
      others.flatMap { NameForms.parts($0.name).map { TermReplacer.fold($0.part) } })
    // A form another name gives too ("j.smith" of Jane Smith beside John) is theirs as much,
    // and so is one that is another's part: "LiN" of Li Na is Lin Chen's first name.
    let othersForms = Set(others.flatMap { NameForms.whole($0.name).map(TermReplacer.fold) })
      .union(othersParts)
    // A first name with an initial not written as a capital ("anne" of Ann Edwards, "time"
    // of Tim Edwards) is a guess, and no one reviews an erasure: it is left.
    initials = Set(NameForms.initialForms(of: name).map(TermReplacer.fold))
    for form in NameForms.whole(name) where !othersForms.contains(TermReplacer.fold(form)) {
      let initial: TermReplacer.Care =
        initials.contains(TermReplacer.fold(form)) ? .capitalInitial : []
      replacer.add(form, replacement: pseudonym, care: initial.union([.suffixes, .takesTitle]))
    }
    for (part, care) in NameForms.parts(name) where !othersParts.contains(TermReplacer.fold(part)) {
      replacer.add(part, replacement: pseudonym, care: care.union(.takesTitle))
    }
    let organisations = participants.filter(erased)
    let othersOrganisations = Set(others.map { Self.key($0.organisation) })
    for participant in organisations
    where !participant.organisation.isEmpty
      && !othersOrganisations.contains(Self.key(participant.organisation))
    {
      // A guess is never rewritten for good: no one reviews an erasure's matches.
      for (form, care) in OrganisationForms.names(
        participant.organisation, aliases: participant.organisationAliases)
      where !care.contains(.guess) {
        replacer.add(form, replacement: Self.erasedOrganisation, care: care)
      }
    }
  }

  /// Whether `participant` is the person erased.
  func isErased(_ participant: Participant) -> Bool {
    Self.isPerson(participant, key: name, written: written)
  }

  /// Whether `participant` is called `key` (folded) and, given `written`, written so.
  private static func isPerson(_ participant: Participant, key: [Character], written: String?)
    -> Bool
  {
    self.key(participant.name) == key && written.map { spelling(participant.name) == $0 } ?? true
  }

  /// The different ways, in lower case, that people of `participants` called like `name`
  /// (without case or accents) write it: more than one where two of them are told apart only
  /// by how they are written.
  static func spellings(of name: String, among participants: [Participant]) -> [String] {
    var spellings: [String] = []
    for participant in participants where key(participant.name) == key(name) {
      let spelling = spelling(participant.name)
      if !spellings.contains(spelling) { spellings.append(spelling) }
    }
    return spellings
  }

  /// A name as a session tells its people apart: trimmed, in lower case.
  static func spelling(_ name: String) -> String {
    name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
  }

  /// `event` without the person.
  func erase(_ event: SessionEvent) -> SessionEvent {
    switch event {
    case .created(var setup):
      setup.title = scrub(setup.title)
      setup.programme = scrub(setup.programme)
      if case .file(let path) = setup.consultingProtocol.source {
        setup.consultingProtocol.source = .file(path: scrub(path))
      }
      setup.participants = setup.participants.map(erase)
      setup.rounds = setup.rounds.map {
        SessionRound(presenter: $0.presenter, focusQuestion: $0.focusQuestion.map(scrub))
      }
      return .created(setup: setup)
    case .participantAdded(let participant):
      return .participantAdded(participant: erase(participant))
    case .focusQuestionSet(let round, let question):
      return .focusQuestionSet(round: round, question: question.map(scrub))
    case .noteAdded(let id, let slot, var content):
      content.text = scrub(content.text)
      return .noteAdded(id: id, slot: slot, content: content)
    case .noteEdited(let id, var content):
      content.text = scrub(content.text)
      return .noteEdited(id: id, content: content)
    case .actionFollowedUp(let action, .carried(let note)):
      return .actionFollowedUp(action: action, outcome: .carried(note: scrub(note)))
    case .actionFollowedUp(let action, .dropped(let reason)):
      return .actionFollowedUp(action: action, outcome: .dropped(reason: scrub(reason)))
    case .shareChoice(let term, let replace):
      // A choice made for their name ("replace Frank") named them too; the texts it was for
      // now say the pseudonym.
      return .shareChoice(term: scrub(term), replace: replace)
    default:
      return event
    }
  }

  /// A standing group's `event` without the person.
  func erase(_ event: GroupEvent) -> GroupEvent {
    switch event {
    case .created(let name, let programme):
      return .created(name: scrub(name), programme: scrub(programme))
    case .renamed(let name): return .renamed(name: scrub(name))
    case .programmeChanged(let programme): return .programmeChanged(programme: scrub(programme))
    case .memberJoined(let participant): return .memberJoined(participant: erase(participant))
    case .memberLeft(let name):
      return Self.key(name) == self.name ? .memberLeft(name: pseudonym) : event
    case .personErased: return event
    }
  }

  private func erase(_ participant: Participant) -> Participant {
    guard isErased(participant) else { return participant }
    return Participant(
      name: pseudonym, organisation: Self.erasedOrganisation, level: participant.level)
  }

  /// `text` with every mention replaced, suspects included: erasing errs towards removing.
  private func scrub(_ text: String) -> String {
    // An address's first part that is their name and no one else's ("jsmith@" beside no
    // Jane Smith) goes whole, in place of what the replacer found inside it; but not an
    // English word run together with an initial ("shill" of Sam Hill, "pals"), a guess that
    // is more often no one's address, and no one reviews an erasure.
    let addresses = addressNames.find(in: text).filter { found in
      found.people.allSatisfy { $0 < ownNames } && !(found.isWord && found.hasInitial)
    }.map {
      TermReplacer.Match(range: $0.range, text: $0.text, replacement: pseudonym, suspicion: nil)
    }
    let matches = AddressNames.merging(addresses, into: replacer.matches(in: text))
    return replacer.replacing(
      in: text,
      accepted: matches.filter { match in
        // Every mention goes, suspects too (a name read as a title or a date as well: "June 2
        // questions" is hers; nobody reviews an erasure), but for one guess: a first name with
        // an initial not written as a capital ("Anne", "time").
        match.suspicion != .resemblance || !initials.contains(TermReplacer.fold(match.text))
      })
  }

  private static func key(_ name: String) -> [Character] {
    TermReplacer.nameKey(name)
  }
}
