import Foundation
import TextLayout

/// Replaces who was there with marked, consistent pseudonyms, so a session can be shared under
/// the Chatham House Rule: what was said may be used, but not who said it, their organisation,
/// or who else attended.
///
/// Participants become `[Participant A, frontline]` (letter by first appearance, with their
/// level where another person shared has it too) and organisations `[Organisation 1]`. One
/// anonymiser is built for everything shared together, so a person keeps one pseudonym across
/// all of its sessions; a person is their name and organisation, compared without case or
/// accents. Names and organisations are also replaced inside every text: titles, programme
/// names, focus questions and notes, in the forms people write them (``NameForms``,
/// ``OrganisationForms``; see ``scrub(_:)``). A built-in protocol's text is left as it is; a
/// protocol file's texts are scrubbed too, and its path and the id taken from its name are
/// removed. The key from names to
/// pseudonyms is never written anywhere.
public struct Anonymiser: Sendable {
  /// What replaces a name part shared by several people, which cannot say which one is meant.
  public static let ambiguousName = "[a participant]"
  /// What replaces a short form shared by several organisations ("the Trust").
  public static let ambiguousOrganisation = "[an organisation]"
  /// What replaces the path of a protocol file, which may name its owner.
  public static let removedPath = "[path removed]"
  /// What replaces the id of a protocol read from a file: it is taken from the file's name,
  /// which may be a person's ("priya-patel.yaml").
  public static let removedProtocolID = "file"

  /// What replaces a person mentioned who was not there: one known from the sessions' programme
  /// or standing group (``init(records:others:groups:earlier:)``), or a suspect the facilitator chose to
  /// replace.
  public static let someoneElse = "[a person]"
  /// What replaces the organisation of someone known who was not there, when nobody shared has
  /// it: naming it would say who was meant.
  public static let otherOrganisation = "[an organisation]"
  /// What replaces the name of a standing group around the sessions shared that none of them
  /// was a meeting of (``init(records:others:groups:earlier:)``).
  public static let otherGroup = "[a group]"

  private var pseudonyms: [PersonKey: String] = [:]
  private var organisations: [[Character]: String] = [:]
  /// ``pseudonym(for:)`` and ``organisation(_:)`` of each name and organisation as written in
  /// the sources: a report asks for them for every participant of every session, and folding
  /// each name again cost more than looking it up.
  private var writtenPseudonyms: [WrittenPerson: String] = [:]
  private var writtenOrganisations: [String: String] = [:]

  /// A participant's name and organisation as written.
  private struct WrittenPerson: Hashable, Sendable {
    let name: String
    let organisation: String

    init(_ participant: Participant) {
      name = participant.name
      organisation = participant.organisation
    }

    /// How `participant`'s name is spelt, case aside: what tells apart two people whose
    /// names and organisations fold alike, as a session tells its people apart
    /// (``SessionSetup``'s names in lower case, which no two people of one session share).
    /// The organisation is left out: theirs fold alike, and one written another way in
    /// another session ("Zurich Trust" for "Zürich Trust") is not another person.
    init(spelling participant: Participant) {
      name = participant.name.lowercased()
      organisation = ""
    }
  }
  private var replacer: TermReplacer = {
    var replacer = TermReplacer(titles: NameForms.titles)
    replacer.sharedReplacements = [
      Anonymiser.someoneElse, Anonymiser.ambiguousName, Anonymiser.ambiguousOrganisation,
      Anonymiser.otherOrganisation,
    ]
    return replacer
  }()
  /// The facilitator's choices for suspects, from every record shared (the latest stands).
  let choices: [String: Bool]
  /// The suspects ``scrub(_:)`` met without a choice.
  let tally = SuspectTally()
  /// Whether ``scrub(_:)`` notes the suspects it meets without a choice, the capitalised
  /// names of nobody in the group among them (``ShareReview/unknownNames(in:matches:_:)``), as
  /// the review lists them: for an export or a harvest to say which went out how.
  var tallies = false

  /// The suspects scrubbed so far without a choice, each gone out as it goes by default.
  public var undecidedSuspects: [SuspectTally.Entry] { tally.entries }
  /// Finds what the replacer does not: people who were not there, near-misses of names.
  let suspectFinder: SuspectFinder
  /// Finds an address's first part made of someone's name ("jsmith@"), which no term does.
  private let addressNames: AddressNames
  /// What replaces each name ``addressNames`` was given, in its order.
  private let addressReplacements: [String]

  /// What the anonymiser reads of one session shared: when it was held, who was there, the
  /// facilitator's choices for suspects, and the texts shared (``sharedTexts(of:)``). Taken
  /// from a record's state, or from the store's tables for a harvest
  /// (``AppDatabase/anonymisedProgrammeSessions(programme:in:)``).
  struct Source {
    let id: SessionID
    let createdAt: Date
    /// The standing group it was a meeting of, if any.
    let group: GroupID?
    /// In the order they joined, with their organisations' other names.
    let participants: [Participant]
    let shareChoices: [String: Bool]
    /// What is shared, as texts, or as their words when the reader already has them.
    let shared: Shared

    /// What ``Anonymiser/init(sources:)`` reads of the texts shared: each different word that
    /// may resemble a name, in the order first met.
    enum Shared {
      /// The texts, whose words the anonymiser cuts (``differentWords(in:)``).
      case texts([String])
      /// Their words, cut already: ``differentWords(in:)`` of the texts, or of parts of them
      /// one after another (a word may then come twice: the anonymiser looks at it once).
      case words([Substring])
    }

    init(
      id: SessionID, createdAt: Date, group: GroupID?, participants: [Participant],
      shareChoices: [String: Bool], shared: Shared
    ) {
      self.id = id
      self.createdAt = createdAt
      self.group = group
      self.participants = participants
      self.shareChoices = shareChoices
      self.shared = shared
    }

    /// `record`, whose minutes also show `also` (the earlier actions it followed up).
    init(_ record: SessionRecord, also: [String] = []) {
      self.init(
        id: record.id, createdAt: record.state.createdAt, group: record.state.setup.group,
        participants: record.state.participants, shareChoices: record.state.shareChoices,
        shared: .texts(Anonymiser.sharedTexts(of: record.state) + also))
    }
  }

  /// Pseudonyms for everyone in `records`, lettered in order of first appearance (records by
  /// date, then participants in the order they joined).
  ///
  /// A pseudonym names the level only where at least two of the people shared together have
  /// it: the only senior in the room would be known by it.
  ///
  /// `others` are people the texts may name who need not be among the records' participants
  /// (``AppDatabase/peopleAround(_:)``: the member who sent apologies, last meeting's guest).
  /// Those who are not become `[a person]` wherever they are named, and their organisations,
  /// where nobody shared has them, `[an organisation]`: they get no letter, which would say
  /// they were there.
  ///
  /// `groups` are the names of the standing groups the texts may name, every name each has had
  /// (``AppDatabase/around(_:)``): a meeting's title is often its group's ("North SLG 3"). A
  /// group the records were meetings of becomes `[Group 1]`, `[Group 2]`… in the order they
  /// first met, as a harvest's tables call it (``groupPseudonyms(_:)``); another, `[a group]`.
  ///
  /// `earlier` are the earlier actions each record's minutes show (``EarlierAction``): their
  /// words are looked at for names as the records' own are.
  public init(
    records: [SessionRecord], others: [Participant] = [], groups: [GroupID: [String]] = [:],
    earlier: [SessionID: [EarlierAction]] = [:]
  ) {
    self.init(
      sources: records.map { Source($0, also: Self.texts(of: earlier[$0.id] ?? [])) },
      others: others, groups: groups)
  }

  /// What the minutes show of `actions` that names may hide in: each action and what was said
  /// of it, without what hides text, as ``sharedTexts(of:)`` gives a meeting's own.
  static func texts(of actions: [EarlierAction]) -> [String] {
    actions.flatMap { [$0.text] + ($0.followUp.outcome.text.map { [$0] } ?? []) }
      .map(ControlCharacters.removingHidden)
  }

  /// Pseudonyms for everyone in `sources`, as ``init(records:others:groups:earlier:)`` gives
  /// them for the records the sources were read from, in the same order.
  init(sources: [Source], others: [Participant] = [], groups: [GroupID: [String]] = [:]) {
    let chronological = sources.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    var choices: [String: Bool] = [:]
    for source in chronological {
      choices.merge(source.shareChoices) { _, later in later }
    }
    self.choices = choices
    var people: [(person: PersonKey, participant: Participant)] = []
    var aliases: [[Character]: [String]] = [:]
    // The other names met for each organisation, so each is looked up, not searched for.
    var aliasesSeen: [[Character]: Set<String>] = [:]
    var organisationNames: [(key: [Character], name: String)] = []
    // A person comes to many sessions: their name is folded once.
    var keys = PersonKey.Cache()
    // Two people of one session whose names and organisations are alike but for case or
    // accents ("Zoë Müller" and "Zoe Muller") are two people. Such a key is told apart by how
    // each is written, the same way in every session shared (``PersonKey/twin``).
    var twinned = Set<PersonKey>()
    for source in chronological {
      var met = Set<PersonKey>()
      for participant in source.participants where !met.insert(keys.key(participant)).inserted {
        twinned.insert(keys.key(participant))
      }
    }
    var spellings: [PersonKey: [WrittenPerson]] = [:]
    var written: [WrittenPerson: PersonKey] = [:]
    for source in chronological {
      for participant in source.participants {
        var person = keys.key(participant)
        if twinned.contains(person) {
          let spelling = WrittenPerson(spelling: participant)
          let known = spellings[person, default: []]
          let twin = known.firstIndex(of: spelling) ?? known.count
          if twin == known.count { spellings[person] = known + [spelling] }
          person = person.twin(twin)
        }
        written[WrittenPerson(participant)] = person
        if pseudonyms[person] == nil {
          pseudonyms[person] = ""
          people.append((person, participant))
        }
        let organisation = person.organisation
        guard !organisation.isEmpty else { continue }
        if organisations[organisation] == nil {
          organisations[organisation] = "[Organisation \(organisations.count + 1)]"
          organisationNames.append((organisation, participant.organisation))
        }
        // Each other name once, in the order first given: every participant of the
        // organisation in every session brings the same ones.
        for alias in participant.organisationAliases
        where aliasesSeen[organisation, default: []].insert(alias).inserted {
          aliases[organisation, default: []].append(alias)
        }
      }
    }
    let levels = Dictionary(grouping: people, by: \.participant.level).mapValues(\.count)
    for (index, (person, participant)) in people.enumerated() {
      let level = participant.level
      pseudonyms[person] =
        (levels[level] ?? 0) >= 2
        ? "[Participant \(Self.letters(index)), \(level.rawValue)]"
        : "[Participant \(Self.letters(index))]"
    }
    // Those of `others` who are nobody shared, each once; a name shared wins over theirs.
    var absent: [(person: PersonKey, participant: Participant)] = []
    var absentOrganisations: [(key: [Character], name: String, aliases: [String])] = []
    var absentOrganisationIndex: [[Character]: Int] = [:]
    do {
      // Someone shared, written with another organisation elsewhere (they moved, or it was
      // typed another way), is still who they were: their name is their pseudonym's.
      let sharedNames = Set(people.map(\.person.name))
      // Each name once: they all read "[a person]", and a programme's history gives one name
      // at many organisations (400 names, 3,000 people, in a programme of 1,000 sessions).
      var knownNames = Set<[Character]>()
      // What an erasure left ("[Erased person 1]") names nobody.
      for participant in others where !PersonEraser.isPseudonym(participant.name) {
        let person = keys.key(participant)
        // Their organisation is hidden even where their name is someone's shared: "Sam Lee"
        // of another organisation outside the period still named it.
        let organisation = person.organisation
        if !organisation.isEmpty, organisations[organisation] != nil {
          // An organisation shared, whose other names were given in another meeting of the
          // programme: "D&C Police" went out in a later meeting exported alone.
          for alias in participant.organisationAliases
          where aliasesSeen[organisation, default: []].insert(alias).inserted {
            aliases[organisation, default: []].append(alias)
          }
        } else if !organisation.isEmpty {
          if let index = absentOrganisationIndex[organisation] {
            for alias in participant.organisationAliases
            where aliasesSeen[organisation, default: []].insert(alias).inserted {
              absentOrganisations[index].aliases.append(alias)
            }
          } else {
            absentOrganisationIndex[organisation] = absentOrganisations.count
            absentOrganisations.append(
              (
                organisation, participant.organisation,
                participant.organisationAliases.filter {
                  aliasesSeen[organisation, default: []].insert($0).inserted
                }
              ))
          }
        }
        guard !sharedNames.contains(person.name), knownNames.insert(person.name).inserted
        else { continue }
        absent.append((person, participant))
      }
    }
    // Whole names and organisations first: where a part of one name is another's whole name,
    // the whole name wins. A name two people of one session share (but for case or accents)
    // cannot say which of them is meant.
    // What an erasure left ("[Erased person 1]") names nobody: its words are not looked for.
    // A form two people's names give ("j.smith" of John and Jane Smith) says neither's
    // letter, as a shared part does; one that may be someone who was not there says nobody's.
    let namedPeople = people.filter { !PersonEraser.isPseudonym($0.participant.name) }
    let wholes = Self.forms(of: namedPeople + absent, NameForms.whole)
    let absentPeople = Set(absent.map(\.person))
    let lettered = pseudonyms
    let replacement = {
      (form: String, person: PersonKey, owners: [[Character]: Set<PersonKey>]) -> String in
      let owners = owners[TermReplacer.fold(form)] ?? [person]
      if !owners.isDisjoint(with: absentPeople) { return Self.someoneElse }
      if owners.count > 1 || twinned.contains(person.first) { return Self.ambiguousName }
      return lettered[person]!
    }
    // The people shared first, then those around them, whose forms only fill what is left.
    // A first name with an initial ("LiN") comes after every part: another's first name
    // ("Lin") is theirs before it is a guess at someone's initial.
    var initialForms: [(form: String, replacement: String, care: TermReplacer.Care)] = []
    let initials = Set(
      (namedPeople + absent).flatMap {
        NameForms.initialForms(of: $0.participant.name).map(TermReplacer.fold)
      })
    for (index, (person, forms)) in wholes.each.enumerated() {
      let isAbsent = index >= namedPeople.count
      for form in forms where !isAbsent || !replacer.contains(form) {
        let care = NameForms.careOfWhole(form, initials: initials)
        let replacement =
          isAbsent ? Self.someoneElse : replacement(form, person, wholes.owners)
        if care.contains(.capitalInitial) {
          initialForms.append((form, replacement, care))
        } else {
          replacer.add(form, replacement: replacement, care: care)
        }
      }
    }
    for (key, name) in organisationNames {
      for (form, care) in OrganisationForms.names(name, aliases: aliases[key] ?? []) {
        replacer.add(form, replacement: organisations[key]!, care: care)
      }
    }
    for (_, name, aliases) in absentOrganisations {
      for (form, care) in OrganisationForms.names(name, aliases: aliases)
      where !replacer.contains(form) {
        replacer.add(form, replacement: Self.otherOrganisation, care: care)
      }
    }
    var owners: [[Character]: (part: String, care: TermReplacer.Care, people: Set<PersonKey>)] =
      [:]
    for (person, participant) in people + absent
    where !PersonEraser.isPseudonym(participant.name) {
      for (part, care) in NameForms.parts(participant.name) {
        owners[TermReplacer.fold(part), default: (part, care, [])].people.insert(person)
      }
    }
    // A part that may be someone who was not there says nobody's letter.
    for (_, entry) in owners.sorted(by: { String($0.key) < String($1.key) })
    where !replacer.contains(entry.part) {
      let replacement =
        !entry.people.isDisjoint(with: absentPeople)
        ? Self.someoneElse
        : entry.people.count == 1 ? pseudonyms[entry.people.first!]! : Self.ambiguousName
      replacer.add(entry.part, replacement: replacement, care: entry.care.union(.takesTitle))
    }
    for entry in initialForms where !replacer.contains(entry.form) {
      replacer.add(entry.form, replacement: entry.replacement, care: entry.care)
    }
    var guesses: [[Character]: (form: String, care: TermReplacer.Care, owners: Set<[Character]>)] =
      [:]
    for (key, name) in organisationNames {
      for (form, care) in OrganisationForms.guesses(name) {
        guesses[TermReplacer.fold(form), default: (form, care, [])].owners.insert(key)
      }
    }
    for (key, name, _) in absentOrganisations {
      for (form, care) in OrganisationForms.guesses(name) {
        guesses[TermReplacer.fold(form), default: (form, care, [])].owners.insert(key)
      }
    }
    // The standing groups' names, after the people's: a group called by a person's name
    // ("Patel") still hides that person. Written as an organisation's name is, as given,
    // joined ("northslg.org") and with "and" for "&"; its guesses ("the Group") would take
    // words every meeting says.
    let groupPseudonyms = Self.groupPseudonyms(groups: chronological.map(\.group))
    // Those shared first: a form two groups' names share is the shared one's.
    let groupOrder = groups.keys.sorted {
      (groupPseudonyms[$0] == nil ? 1 : 0, $0.rawValue)
        < (groupPseudonyms[$1] == nil ? 1 : 0, $1.rawValue)
    }
    for group in groupOrder {
      for name in groups[group]! {
        // A name of one word more often that word than the group ("Plan", "Tuesday", "NHS",
        // "A") is listed, kept unless replaced: replaced wherever it stood, it made "Alcohol
        // [a group]" of a programme and "[a group] England" of the NHS. A name of several
        // words written with a capital is the group's, as a title begins with it. "North
        // SLGs" is the group's too.
        let care: TermReplacer.Care =
          Self.isGroupWord(name) ? [.groupWord, .suffixes] : [.groupName, .suffixes]
        // An organisation's guessed short form ("DCP") stays its guess: a group called so
        // made it kept unless replaced.
        for (form, formCare) in OrganisationForms.names(name, aliases: [])
        where !replacer.contains(form) && guesses[TermReplacer.fold(form)] == nil {
          replacer.add(
            form, replacement: groupPseudonyms[group] ?? Self.otherGroup,
            care: formCare.union(care))
        }
      }
    }
    // "王先生", "小王": after every name and part, which win ("小龙" is 张小龙's given name
    // before it is 龙飞's "Little Long"); listed wherever they stand.
    let addressed = Self.forms(of: namedPeople + absent, NameForms.addressed)
    for (person, forms) in addressed.each {
      for form in forms where !replacer.contains(form) {
        replacer.add(
          form, replacement: replacement(form, person, addressed.owners), care: .formOfAddress)
      }
    }
    let named = pseudonyms
    // A word like the name of someone who was not there is as suspect as one like a
    // participant's, and says nobody's letter either.
    let everyone =
      people.map { (name: $0.participant.name, pseudonym: named[$0.person]!) }
      + absent.map { (name: $0.participant.name, pseudonym: Self.someoneElse) }
    suspectFinder = SuspectFinder(people: everyone)
    // What an erasure left is no one's address.
    let mailed = everyone.filter { !PersonEraser.isPseudonym($0.name) }
    addressNames = AddressNames(names: mailed.map(\.name))
    addressReplacements = mailed.map(\.pseudonym)
    // A suspect the facilitator chose to replace that no term covers (someone who was not
    // there, a misspelt name) is replaced wherever it stands.
    // A guessed short form chosen is replaced as the guess says (`[Organisation 4]`), below:
    // taken here, it became "[a person]" once chosen.
    for (key, replace) in choices.sorted(by: { $0.key < $1.key })
    where replace && !replacer.contains(key) && guesses[Array(key)] == nil {
      let ordinary = key.split { !$0.isLetter }.allSatisfy(EnglishWords.contains)
      let resembled = suspectFinder.resembled(key)
      replacer.add(
        key, replacement: resembled ?? Self.someoneElse,
        care: [
          .suffixes, ordinary ? .ordinaryWord : [], resembled == nil ? .unknownName : .resemblance,
        ])
      // A whole name chosen ("Tom Hughes") goes in the other forms a name takes too, as
      // the facilitator chose: in an address ("tom.hughes@"), joined, with an initial, and
      // its parts alone that are no English word ("Hughes"; not "Tom", which would take "Tom
      // Baker" with it), unless the facilitator chose to keep one.
      guard key.contains(" ") else { continue }
      let initials = Set(NameForms.initialForms(of: key).map(TermReplacer.fold))
      for form in NameForms.whole(key)
      where !replacer.contains(form) && choices[ShareReview.key(form)] != false {
        replacer.add(
          form, replacement: resembled ?? Self.someoneElse,
          care: NameForms.careOfWhole(form, initials: initials))
      }
      for (part, care) in NameForms.parts(key)
      where !care.contains(.ordinaryWord) && !replacer.contains(part)
        && choices[ShareReview.key(part)] != false
      {
        replacer.add(
          part, replacement: resembled ?? Self.someoneElse, care: care.union(.takesTitle))
      }
    }
    // Words in what is shared that resemble a participant's name are replaced as suspects.
    // Each different word is looked at once: the replacer only gains terms, so a word once
    // covered stays covered, and whether it resembles a name does not change. A thousand
    // sessions hold a hundred thousand notes but a few thousand different words, and each
    // look compares the word with every name part.
    // The words are kept as the pieces of the texts they were cut from: a `String` made for
    // each of a million words cost more than the look. Each source's different words are cut
    // on every core, then looked at in the order of the sources, as if read one by one.
    let sourcesWords = sources.concurrentMap { source in
      switch source.shared {
      case .texts(let texts): Self.differentWords(in: texts)
      case .words(let words): words
      }
    }
    // Told apart by their bytes (hashing a `Substring` brings it to normal form first): a word
    // met again written another way is looked at again, and found covered if it was added.
    var seen = DifferentWords()
    for piece in sourcesWords.joined() where seen.insert(piece) {
      let word = String(piece)
      guard !replacer.contains(word), replacer.matches(in: word).isEmpty,
        let pseudonym = suspectFinder.resembled(word)
      else { continue }
      replacer.add(word, replacement: pseudonym, care: [.suffixes, .resemblance])
    }
    // A guess never hides a name already known: "the Police" is the organisation called
    // "Police" when there is one, not a guess at another force.
    for (_, entry) in guesses.sorted(by: { String($0.key) < String($1.key) })
    where !replacer.contains(entry.form)
      && !(entry.form.hasPrefix("the ") && replacer.contains(String(entry.form.dropFirst(4))))
    {
      replacer.add(
        entry.form,
        replacement: entry.owners.count == 1
          ? organisations[entry.owners.first!] ?? Self.otherOrganisation
          : Self.ambiguousOrganisation,
        care: entry.care)
    }
    for (person, key) in written {
      writtenPseudonyms[person] = pseudonyms[key]
      if writtenOrganisations[person.organisation] == nil {
        writtenOrganisations[person.organisation] = foldedOrganisation(person.organisation)
      }
    }
  }

  /// Whether a standing group's `name` is more often something else where it stands: fewer
  /// than four letters, or one word that is an ordinary English word, a day or a month, or
  /// written in capitals (an acronym, "NHS").
  static func isGroupWord(_ name: String) -> Bool {
    // A script without capitals (北区互助组, التعاون) writes no acronyms, and a few of its
    // letters make a name: replaced as a name.
    guard name.contains(where: { $0.isUppercase || $0.isLowercase }) else { return false }
    guard name.count(where: \.isLetter) >= 4 else { return true }
    let words = name.split(whereSeparator: \.isWhitespace)
    guard words.count == 1, let word = words.first else { return false }
    let lower = word.lowercased()
    return EnglishWords.contains(lower) || NameForms.calendarNames.contains(lower)
      || !word.contains(where: \.isLowercase)
  }

  /// The words of `texts` (``SuspectFinder/words(in:)-(String)``) that may resemble a name,
  /// each once, in the order first met: what the anonymiser looks at in a session's texts.
  ///
  /// An ASCII word of fewer than four letters resembles no name (``SuspectFinder/resembled(_:)``
  /// needs four letters once folded, and ASCII folds letter for letter): the most common
  /// words, left out before they are hashed.
  static func differentWords(in texts: [String]) -> [Substring] {
    var different = DifferentWords()
    // Looked at as `scrub` replaces them, without what hides text: a word like a name split by
    // a tag ("Muel", a tag, "ler") was looked at as two, and went out as "Mueller".
    for text in texts {
      different.insertWords(of: ControlCharacters.removingHidden(text), where: mayResembleAName)
    }
    return different.words
  }

  /// Whether a word of these bytes may resemble a name: not ASCII of fewer than four letters.
  private static func mayResembleAName(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    word.count >= 4 || word.contains { $0 >= 0x80 }
  }

  /// The pseudonym of `participant`, like `[Participant A, frontline]`.
  public func pseudonym(for participant: Participant) -> String {
    writtenPseudonyms[WrittenPerson(participant)] ?? foldedPseudonym(for: participant)
  }

  /// ``pseudonym(for:)`` found from the participant's folded name and organisation.
  private func foldedPseudonym(for participant: Participant) -> String {
    pseudonyms[PersonKey(participant)] ?? "[Participant]"
  }

  /// The pseudonym of an organisation, like `[Organisation 1]`; empty stays empty.
  public func organisation(_ name: String) -> String {
    writtenOrganisations[name] ?? foldedOrganisation(name)
  }

  /// ``organisation(_:)`` found from the folded name.
  private func foldedOrganisation(_ name: String) -> String {
    let folded = TermReplacer.nameKey(name)
    guard !folded.isEmpty else { return "" }
    return organisations[folded] ?? "[Organisation]"
  }

  /// `text` with every participant's name and organisation replaced: whole names, and first
  /// names, surnames and the halves of hyphenated names on their own, ignoring case and accents,
  /// as whole words (anywhere, in Chinese, Japanese and Korean), with a plural or possessive
  /// "s". An initial and titles like "Dr" are not replaced on their own, since they would
  /// replace letters and words everywhere; the whole name still is. A name part that is also
  /// an English word is left alone in its ordinary lower-case use, and a one-character CJK name
  /// part where other CJK text touches it ("安静" for "静"); suspects are
  /// replaced or kept as `TermReplacer.Suspicion.replacedByDefault` says.
  public func scrub(_ text: String) -> String { scrub(text, tallying: tallies) }

  /// ``scrub(_:)``, noting the suspects met without a choice when `tallying` (a text that is
  /// shared as it stands: not a deleted note, nor an earlier version of one).
  func scrub(_ text: String, tallying: Bool) -> String {
    // What hides text goes first: a name spelt in tags reads as nothing to a person, and as
    // the name to a program.
    let visible = ControlCharacters.removingHidden(text)
    let matches = self.matches(in: visible)
    if tallying, SuspectFinder.mayHoldUnknownName(visible) {
      for name in ShareReview.unknownNames(
        in: Array(visible), matches: matches, suspectFinder)
      {
        let key = ShareReview.key(name.text)
        if choices[key] == nil { tally.note(name.text, key: key, replaced: false) }
      }
    }
    return replacer.replacing(
      in: visible,
      accepted: matches.filter { match in
        guard let suspicion = match.suspicion else { return true }
        let key = ShareReview.key(match.text)
        if let choice = choices[key] { return choice }
        if tallying { tally.note(match.text, key: key, replaced: suspicion.replacedByDefault) }
        return suspicion.replacedByDefault
      })
  }

  /// `actions` (the earlier actions a meeting's minutes show) scrubbed as notes are.
  func scrub(_ actions: [EarlierAction]) -> [EarlierAction] {
    actions.map { $0.scrubbed(scrub) }
  }

  /// The texts of `state` that an anonymised export shows: title, programme, focus questions
  /// and the notes as they stand, without what hides text, as ``scrub(_:)`` shares them (so
  /// that the review before sharing lists what is replaced in them).
  static func sharedTexts(of state: SessionState) -> [String] {
    ([state.setup.title, state.setup.programme] + state.setup.rounds.compactMap(\.focusQuestion)
      + state.visibleNotes.map(\.text)).map(ControlCharacters.removingHidden)
  }

  /// Every replacement ``scrub(_:)`` considers in `text`, suspects included: the replacer's,
  /// and an address's first part made of someone's name (``AddressNames``) in place of those
  /// inside it.
  func matches(in text: String) -> [TermReplacer.Match] {
    let matches = replacer.matches(in: text)
    let found = addressNames.find(in: text)
    guard !found.isEmpty else { return matches }
    return AddressNames.merging(
      found.map { address in
        let replacements = Set(address.people.map { addressReplacements[$0] })
        // Two people's, it says neither's letter; someone who was not there's, nobody's.
        let replacement =
          replacements.count == 1
          ? replacements.first!
          : replacements.contains(Self.someoneElse) ? Self.someoneElse : Self.ambiguousName
        // Made of the name's words whole ("smith.john") it is the name. With an initial it is
        // a guess, listed, as "jsmith" like John Smith's name is, and replaced unless kept;
        // but written as an English word ("shill" of Sam Hill, "pals" of Inder Pal Singh), more
        // often an address of no one, it is kept unless replaced, as a name inside a word is.
        let suspicion: TermReplacer.Suspicion? =
          switch (address.isWord, address.hasInitial) {
          case (true, true): .insideWord
          case (true, false): .ordinaryWord
          case (false, true): .resemblance
          case (false, false): nil
          }
        return TermReplacer.Match(
          range: address.range, text: address.text, replacement: replacement, suspicion: suspicion)
      }, into: matches)
  }

  /// `record` with names, organisations and the protocol file's path replaced in every event.
  ///
  /// An edit that only changed a name changes nothing once names are replaced, so it is left
  /// out; a note that grows past what can be typed stays whole (``scrubbedNote(_:)``).
  public func anonymise(_ record: SessionRecord) throws(ShareError) -> SessionRecord {
    var events: [RecordedEvent] = []
    var contents: [Int: NoteContent] = [:]
    // Only what is shared as it stands is told of (``tallies``), as the review lists it: a
    // note as it reads now, not a deleted one nor an earlier version.
    func shown(_ id: Int, _ content: NoteContent) -> Bool {
      guard tallies, let note = record.state.note(id), !note.isDeleted else { return false }
      return note.text == content.text
    }
    // A focus question as the rounds end up with it, wherever rearranging moved it; not one
    // restated since.
    let questions = Set(record.state.setup.rounds.compactMap(\.focusQuestion))
    for recorded in record.events {
      let event: SessionEvent
      switch recorded.event {
      case .created(let setup):
        event = .created(setup: anonymised(setup, tallying: { tallies && questions.contains($0) }))
      case .participantAdded(let participant):
        event = .participantAdded(participant: anonymised(participant))
      case .focusQuestionSet(let round, let question):
        event = .focusQuestionSet(
          round: round,
          question: question.map { scrub($0, tallying: tallies && questions.contains($0)) })
      case .noteAdded(let id, let slot, let content):
        contents[id] = scrubbed(content, tallying: shown(id, content))
        event = .noteAdded(id: id, slot: slot, content: contents[id]!)
      case .noteEdited(let id, let content):
        let content = scrubbed(content, tallying: shown(id, content))
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

  /// `setup` anonymised, its focus questions told of where `tallying` says so (the title and
  /// programme as ``tallies`` says).
  private func anonymised(_ setup: SessionSetup, tallying: (String) -> Bool) -> SessionSetup {
    var setup = setup
    setup.title = scrub(setup.title)
    setup.programme = scrub(setup.programme)
    if case .file = setup.consultingProtocol.source {
      setup.consultingProtocol.source = .file(path: Self.removedPath)
      setup.consultingProtocol.id = Self.removedProtocolID
      // A protocol written for a group may name its people ("Asha Khan clinic", "Questions
      // for Ben"); its name and its phases' names head every export. The built-in protocols'
      // texts name nobody, and are left exactly as they are.
      // Not told of: the review does not list the protocol's texts.
      let scrub = { (text: String) in self.scrub(text, tallying: false) }
      var consulting = setup.consultingProtocol
      consulting.name = scrub(consulting.name)
      consulting.description = scrub(consulting.description)
      for part in [\ConsultingProtocol.opening, \.round, \.closing] {
        consulting[keyPath: part] = consulting[keyPath: part].map { phase in
          var phase = phase
          phase.name = scrub(phase.name)
          phase.guidance = scrub(phase.guidance)
          phase.rules = phase.rules.map(scrub)
          phase.prompts = phase.prompts.map(scrub)
          return phase
        }
      }
      setup.consultingProtocol = consulting
    }
    setup.participants = setup.participants.map(anonymised)
    setup.rounds = setup.rounds.map { round in
      SessionRound(
        presenter: round.presenter,
        focusQuestion: round.focusQuestion.map { scrub($0, tallying: tallying($0)) })
    }
    return setup
  }

  private func anonymised(_ participant: Participant) -> Participant {
    Participant(
      name: pseudonym(for: participant), organisation: organisation(participant.organisation),
      level: participant.level)
  }

  private func scrubbed(_ content: NoteContent, tallying: Bool) -> NoteContent {
    var content = content
    content.text = scrubbedNote(content.text, tallying: tallying)
    return content
  }

  /// A note's `text` scrubbed. Longer than can be typed when its names were many, it is kept
  /// whole: it was cut at 10,000 characters, its end lost. The longest a stored note may be,
  /// ``NoteContent/maximumStoredLength``, is more than a typed note's names can grow to; were
  /// it ever reached, the note would end in "…" there.
  func scrubbedNote(_ text: String, tallying: Bool? = nil) -> String {
    let text = scrub(text, tallying: tallying ?? tallies)
    // Counting characters visits every one; no more bytes than the limit means no more
    // characters either.
    guard text.utf8.count > NoteContent.maximumStoredLength,
      text.count > NoteContent.maximumStoredLength
    else { return text }
    return String(text.prefix(NoteContent.maximumStoredLength - 1)) + "…"
  }

  // MARK: Names

  /// Each of `people`'s forms (``NameForms/whole(_:)`` or ``NameForms/addressed(_:)``), and
  /// whose each form is, folded.
  private static func forms(
    of people: [(person: PersonKey, participant: Participant)], _ forms: (String) -> [String]
  ) -> (each: [(person: PersonKey, forms: [String])], owners: [[Character]: Set<PersonKey>]) {
    let each = people.map { (person: $0.person, forms: forms($0.participant.name)) }
    var owners: [[Character]: Set<PersonKey>] = [:]
    for (person, forms) in each {
      for form in forms { owners[TermReplacer.fold(form), default: []].insert(person) }
    }
    return (each, owners)
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
  /// Which of the ways this name and organisation are written this is, from 0, where two
  /// people of one session had them: two people in one room are two people, however alike
  /// their names (``Anonymiser/init(sources:)``).
  private(set) var twin = 0

  init(_ participant: Participant) {
    name = Self.fold(participant.name)
    organisation = Self.fold(participant.organisation)
  }

  private init(name: [Character], organisation: [Character]) {
    self.name = name
    self.organisation = organisation
  }

  /// This key as the first of its twins.
  var first: PersonKey { PersonKey(name: name, organisation: organisation) }

  /// This key as its `twin`th.
  func twin(_ twin: Int) -> PersonKey {
    var key = first
    key.twin = twin
    return key
  }

  private static func fold(_ text: String) -> [Character] {
    TermReplacer.nameKey(text)
  }

  /// Folds each different name and organisation once, where the same people come to session
  /// after session: a programme's report meets each person hundreds of times.
  struct Cache {
    private var folded: [String: [Character]] = [:]

    /// The key of `participant`, as ``PersonKey/init(_:)`` makes it.
    mutating func key(_ participant: Participant) -> PersonKey {
      PersonKey(name: fold(participant.name), organisation: fold(participant.organisation))
    }

    private mutating func fold(_ text: String) -> [Character] {
      if let known = folded[text] { return known }
      let key = PersonKey.fold(text)
      folded[text] = key
      return key
    }
  }
}
