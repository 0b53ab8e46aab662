import Foundation
import Testing

@testable import PeerConsultKit

@Suite struct AnonymiserTests {
  /// An anonymiser for one session of `participants`.
  private func anonymiser(_ participants: [Participant]) throws -> Anonymiser {
    let setup = SessionSetup(
      title: "T", programme: "P", consultingProtocol: Fixtures.consultingProtocol,
      participants: participants, presenters: [0])
    let store = try AppDatabase.inMemory()
    let live = try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock())
    return Anonymiser(records: [try SessionRecord(id: live.id, events: store.events(of: live.id))])
  }

  @Test func pseudonymsAreLetteredInOrderWithTheLevelOnlyWhereItIsShared() throws {
    let senior = Participant(name: "Ada Obi", organisation: "NHS", level: .senior)
    let anonymiser = try anonymiser([ShareFixture.zoe, ShareFixture.sean, ShareFixture.wei, senior])
    #expect(anonymiser.pseudonym(for: ShareFixture.zoe) == "[Participant A, senior]")
    #expect(anonymiser.pseudonym(for: ShareFixture.sean) == "[Participant B]")
    #expect(anonymiser.pseudonym(for: ShareFixture.wei) == "[Participant C]")
    #expect(anonymiser.pseudonym(for: senior) == "[Participant D, senior]")
    #expect(anonymiser.organisation("Leeds City Council") == "[Organisation 1]")
    #expect(anonymiser.organisation("west yorkshire POLICE") == "[Organisation 3]")
    #expect(anonymiser.organisation("") == "")
  }

  /// Two people of one session whose names differ only in accents (one of them a latecomer
  /// in a second session) are two people: each export and the harvest, from the records and
  /// from the tables, are written, with a pseudonym for each, and their shared name or its
  /// parts in a note say neither. Before, both took the first's pseudonym and the anonymised
  /// session, with two participants of one name, could not be rebuilt: nothing was written.
  @Test func twoPeopleWhoseNamesDifferOnlyInAccentsGetAPseudonymEach() throws {
    let zoe = Participant(name: "Zoë Müller", organisation: "Zürich Trust", level: .senior)
    let zoeToo = Participant(name: "Zoe Muller", organisation: "Zürich Trust", level: .senior)
    // Zoë again, her organisation written without its accent: the same person.
    let zoeElsewhere = Participant(name: "Zoë Müller", organisation: "Zurich Trust", level: .senior)
    let sam = Participant(name: "Sam Okafor", organisation: "NHS", level: .frontline)
    let database = try AppDatabase.inMemory()
    let clock = ManualClock(Fixtures.start)
    var ids: [SessionID] = []
    // Both in one order, then one with a latecomer, then the other order, then Zoe alone,
    // then Zoë alone.
    let sessions: [(people: [Participant], latecomer: Participant?)] = [
      ([zoe, zoeToo, sam], nil), ([zoe, sam], zoeToo), ([zoeToo, sam, zoe], nil),
      ([zoeToo, sam], nil), ([zoeElsewhere, sam], nil),
    ]
    for (index, session) in sessions.enumerated() {
      let people = session.people
      let setup = SessionSetup(
        title: "Session \(index + 1)", programme: "Alcohol Plan",
        consultingProtocol: Fixtures.consultingProtocol, participants: people,
        rounds: [SessionRound(presenter: 0)])
      let id = SessionID(rawValue: String(format: "%032x", index + 1))!
      let live = try LiveSession.create(setup, id: id, store: database, clock: clock)
      try live.start()
      if let latecomer = session.latecomer {
        // A name alike is refused when added now (``Participant/looksAlike(_:)``); a log
        // written before, or imported, may hold one.
        let sequence = try database.events(of: id).count + 1
        try database.append(
          RecordedEvent(
            sequence: sequence, at: clock.now(), event: .participantAdded(participant: latecomer)),
          to: id)
      }
      try live.addNote(
        .init(
          text: "Zoe Muller and Zoë asked Sam.", kind: .insight,
          speaker: people.firstIndex(of: sam)))
      clock.advance(by: 3_600)
      try live.finish()
      ids.append(id)
    }
    let records = try ids.map { try SessionRecord(id: $0, events: database.events(of: $0)) }
    let anonymiser = Anonymiser(records: records)
    // Each keeps one pseudonym in every session, whatever the order they joined in; Zoe
    // alone is still Zoe.
    var named: [String: Set<String>] = [:]
    for record in records {
      let anonymised = try anonymiser.anonymise(record)
      let names = anonymised.state.participants.map(\.name)
      #expect(Set(names).count == names.count, "\(names)")
      #expect(names.allSatisfy { $0.hasPrefix("[Participant ") }, "\(names)")
      for (person, name) in zip(record.state.participants, names) {
        named[person.name, default: []].insert(name)
      }
      let note = anonymised.state.visibleNotes.first?.text
      #expect(note == "[a participant] and [a participant] asked [Participant C].")
    }
    #expect(named.mapValues(\.count) == ["Zoë Müller": 1, "Zoe Muller": 1, "Sam Okafor": 1])
    #expect(named["Zoë Müller"] != named["Zoe Muller"])
    for format in ShareFormat.allCases {
      let exported = try SessionExport.render(
        records, as: format, options: ShareFixture.anonymisedUTC)
      #expect(!exported.contains("Zo"), "\(format)")
      let harvest = try HarvestExport.render(
        records, programme: "Alcohol Plan", as: format, options: ShareFixture.anonymisedUTC)
      #expect(!harvest.contains("Zo"), "\(format)")
    }
    let fromTables = try database.anonymisedProgrammeSessions(programme: "Alcohol Plan")
    for session in fromTables.sessions {
      let names = session.participants.map(\.name)
      #expect(Set(names).count == names.count && names.allSatisfy { named.values.contains([$0]) })
    }
  }

  @Test func lettersRunPastZ() {
    #expect(
      [0, 25, 26, 27, 51, 52, 701, 702].map(Anonymiser.letters) == [
        "A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
      ])
  }

  @Test func namesAreFoundWhateverTheirCaseAccentsAndApostrophes() throws {
    let anonymiser = try anonymiser([ShareFixture.zoe, ShareFixture.sean])
    let zoe = "[Participant A]"
    let sean = "[Participant B]"
    #expect(anonymiser.scrub("Zoë Ångström said") == "\(zoe) said")
    #expect(anonymiser.scrub("zoe angstrom said") == "\(zoe) said")
    #expect(anonymiser.scrub("ask ZOE, or Ångström.") == "ask \(zoe), or \(zoe).")
    // Decomposed accents compare equal to composed ones.
    #expect(anonymiser.scrub("Zoe\u{308} came") == "\(zoe) came")
    #expect(
      anonymiser.scrub("O'Neill, O’Neill, ONeill, oneill") == "\(sean), \(sean), \(sean), \(sean)")
    #expect(anonymiser.scrub("Seán’s team and Sean's") == "\(sean)’s team and \(sean)'s")
  }

  @Test func onlyWholeWordsAreReplaced() throws {
    let anonymiser = try anonymiser([
      Participant(name: "Ben Okoro", organisation: "NHS", level: .frontline)
    ])
    #expect(anonymiser.scrub("Benjamin met Okorocha in Bend") == "Benjamin met Okorocha in Bend")
    #expect(
      anonymiser.scrub("Ben's idea, from okoro-trees: Ben")
        == "[Participant A]'s idea, from [Participant A]-trees: [Participant A]"
    )
    #expect(
      anonymiser.scrub("nhs and the NHS, not NHSX")
        == "[Organisation 1] and the [Organisation 1], not NHSX")
  }

  @Test func hyphenatedNamesAreReplacedWholeAndInHalves() throws {
    let anonymiser = try anonymiser([ShareFixture.anneMarie])
    let anne = "[Participant A]"
    #expect(anonymiser.scrub("Anne-Marie Smith-Jones") == anne)
    #expect(anonymiser.scrub("Anne-Marie agreed") == "\(anne) agreed")
    #expect(
      anonymiser.scrub("Marie and Jones and smith-jones") == "\(anne) and \(anne) and \(anne)")
  }

  @Test func chineseJapaneseAndKoreanNamesAreFoundInsideText() throws {
    let anonymiser = try anonymiser([
      ShareFixture.wei, Participant(name: "田中 太郎", organisation: "東京都", level: .senior),
      Participant(name: "김민수", organisation: "", level: .other),
    ])
    #expect(anonymiser.scrub("我和王伟谈过") == "我和[Participant A]谈过")
    #expect(anonymiser.scrub("田中さんと東京都の会議") == "[Participant B]さんと[Organisation 2]の会議")
    #expect(anonymiser.scrub("김민수가 왔다") == "[Participant C]가 왔다")
    #expect(anonymiser.scrub("I met 王伟yesterday") == "I met [Participant A]yesterday")
  }

  @Test func initialsAndTitlesAreNotReplacedAloneButGoWithTheName() throws {
    let anonymiser = try anonymiser([
      Participant(name: "J Smith", organisation: "", level: .other), ShareFixture.priya,
    ])
    #expect(anonymiser.scrub("J and K") == "J and K")
    #expect(
      anonymiser.scrub("Dr Who and Dr. Patel and dr priya")
        == "Dr Who and [Participant B] and [Participant B]")
    #expect(anonymiser.scrub("Mr Smith") == "[Participant A]")
  }

  /// A name given with a character nobody sees or a blank one between its words (a Hangul
  /// filler, a braille blank, a zero-width space) is found as the words a note writes.
  @Test func aNameWithABlankOrInvisibleSeparatorIsFoundAsItsWords() throws {
    let anonymiser = try anonymiser([
      Participant(name: "Asha\u{3164}Khan", organisation: "A", level: .senior),
      Participant(name: "Ben\u{200B}Ode", organisation: "B", level: .middle),
      Participant(name: "Cy\u{2800}Ng", organisation: "C", level: .other),
    ])
    #expect(
      anonymiser.scrub("Asha Khan asked Ben Ode and Cy Ng; Khan and Ode agreed, BenOde too")
        == "[Participant A] asked [Participant B] and [Participant C]; [Participant A] and "
        + "[Participant B] agreed, [Participant B] too")
  }

  /// A name spelt in tag characters shows as nothing to a reader and reads as the name to a
  /// program; one split by a tag or an annotation mark is the name again. An anonymised text
  /// keeps neither, and a flag spelt in tags (Wales) stays.
  @Test func whatHidesTextIsLeftOutOfAnAnonymisedText() throws {
    let anonymiser = try anonymiser([
      Participant(name: "Asha Khan", organisation: "A", level: .senior)
    ])
    let hidden = String(
      String.UnicodeScalarView(
        "Asha Khan".unicodeScalars.map {
          Unicode.Scalar(0xE0000 + $0.value)!
        }))
    let wales = "🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}"
    #expect(
      anonymiser.scrub("told [\(hidden)], Kh\u{E0041}an and Ash\u{FFF9}a of \(wales)")
        == "told [], [Participant A] and [Participant A] of \(wales)")
  }

  /// A word like a name split by an annotation mark is looked at as `scrub` shares it, whole:
  /// "Muel", U+FFF9, "ler" went out as "Mueller", looked at as two words like no name.
  @Test func aWordLikeANameSplitByAHiddenMarkIsReplaced() throws {
    let setup = SessionSetup(
      title: "T", programme: "P", consultingProtocol: Fixtures.consultingProtocol,
      participants: [
        Participant(name: "Zoë Müller", organisation: "City Council", level: .senior),
        ShareFixture.sean,
      ], presenters: [0])
    let store = try AppDatabase.inMemory()
    let live = try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock())
    try live.start()
    try live.addNote(.init(text: "ask Muel\u{FFF9}ler about it", kind: .insight))
    let record = try SessionRecord(id: live.id, events: store.events(of: live.id))
    let anonymised = try Anonymiser(records: [record]).anonymise(record)
    #expect(anonymised.state.visibleNotes.first?.text == "ask [Participant A] about it")
  }

  /// A surname with its particle goes whole, not leaving the particle ("O [Participant B]").
  @Test func aSurnameGoesWithItsParticle() throws {
    let siobhan = Participant(name: "Siobhán Ó Briain", organisation: "Probation", level: .other)
    let ana = Participant(name: "Ana de la Cruz", organisation: "Courts", level: .middle)
    let setup = SessionSetup(
      title: "T", programme: "P", consultingProtocol: Fixtures.consultingProtocol,
      participants: [ShareFixture.zoe, siobhan, ana], presenters: [0])
    let store = try AppDatabase.inMemory()
    let live = try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock())
    try live.start()
    let said = "asking Zoë at the council; O Briain agreed with Ó Briain's plan and de la Cruz"
    try live.addNote(.init(text: said, kind: .insight))
    let record = try SessionRecord(id: live.id, events: store.events(of: live.id))
    let anonymised = try Anonymiser(records: [record]).anonymise(record)
    #expect(
      anonymised.state.visibleNotes.first?.text
        == "asking [Participant A] at the council; [Participant B] agreed with "
        + "[Participant B]'s plan and [Participant C]")
  }

  /// A name written in two pieces found one by one ("Zoe" as Zoë's first name, "Mueller" as
  /// like her surname) is one person, replaced once as "Zoë Müller" is; two names apart stay
  /// two. Before, "Zoe Mueller" read "[Participant A] [Participant A]".
  @Test func aNameFoundInTwoPiecesIsReplacedOnce() throws {
    let zoe = Participant(name: "Zoë Müller", organisation: "City Council", level: .senior)
    let setup = SessionSetup(
      title: "T", programme: "P", consultingProtocol: Fixtures.consultingProtocol,
      participants: [zoe, ShareFixture.sean], presenters: [0])
    let store = try AppDatabase.inMemory()
    let live = try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock())
    try live.start()
    let said = "asking Zoe Mueller, Zoe\u{00A0}Mueller's team and Zoë Müller; Zoë, Zoë and Seán"
    try live.addNote(.init(text: said, kind: .insight))
    let record = try SessionRecord(id: live.id, events: store.events(of: live.id))
    let anonymised = try Anonymiser(records: [record]).anonymise(record)
    let zoeSays = "[Participant A]"
    #expect(
      anonymised.state.visibleNotes.first?.text
        == "asking \(zoeSays), \(zoeSays)'s team and \(zoeSays); \(zoeSays), \(zoeSays) and "
        + "[Participant B]")
    // Two people who were not there read "[a person]" each: side by side they may be two.
    try live.addNote(.init(text: "cc Mareck Sarah", kind: .insight))
    let later = try SessionRecord(id: live.id, events: store.events(of: live.id))
    let around = Anonymiser(
      records: [later],
      others: [
        Participant(name: "Marek Nowak", organisation: "X", level: .other),
        Participant(name: "Sarah Jones", organisation: "Y", level: .other),
      ])
    #expect(around.scrub("cc Mareck Sarah") == "cc [a person] [a person]")
  }

  @Test func aNameShapedLikeTwoPeopleSaysNeither() throws {
    let anonymiser = try anonymiser([
      Participant(name: "Sam Lee", organisation: "A", level: .senior),
      Participant(name: "Sam Hart", organisation: "B", level: .middle),
    ])
    #expect(
      anonymiser.scrub("Sam Lee and Hart") == "[Participant A] and [Participant B]")
    #expect(anonymiser.scrub("Sam said") == "\(Anonymiser.ambiguousName) said")
  }

  @Test func aPersonKeepsTheirPseudonymAcrossSessions() throws {
    let records = try ShareFixture.records()
    let anonymiser = Anonymiser(records: records)
    let anonymised = try records.map(anonymiser.anonymise)
    let zoe = anonymiser.pseudonym(for: ShareFixture.zoe)
    for record in anonymised {
      #expect(record.state.participants.contains { $0.name == zoe })
    }
    // The same name in another organisation is someone else.
    let namesake = Participant(name: "Zoë Ångström", organisation: "Elsewhere", level: .senior)
    #expect(anonymiser.pseudonym(for: namesake) != zoe)
  }

  @Test func anEditThatOnlyChangedANameDisappearsAndTheRecordStillRebuilds() throws {
    let store = try AppDatabase.inMemory()
    let setup = SessionSetup(
      title: "T", programme: "P", consultingProtocol: Fixtures.consultingProtocol,
      participants: [ShareFixture.zoe], presenters: [0])
    let live = try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock())
    try live.start()
    let note = try live.addNote(.init(text: "Zoe agreed", kind: .other))
    try live.editNote(note.id, to: .init(text: "Zoë agreed", kind: .other))
    try live.finish()
    let record = try SessionRecord(id: live.id, events: store.events(of: live.id))
    let anonymised = try Anonymiser(records: [record]).anonymise(record)
    #expect(anonymised.events.count == record.events.count - 1)
    #expect(anonymised.events.map(\.sequence) == Array(1...anonymised.events.count))
    #expect(anonymised.state.notes[0].text == "[Participant A] agreed")
    #expect(anonymised.state.notes[0].history.isEmpty)
  }

  @Test func theProtocolFilesPathGoesAndItsTextStays() throws {
    let records = try ShareFixture.records()
    let anonymiser = Anonymiser(records: records)
    let second = try anonymiser.anonymise(records.first { $0.id == ShareFixture.secondID }!)
    #expect(second.state.setup.consultingProtocol.source == .file(path: Anonymiser.removedPath))
    #expect(
      second.state.setup.consultingProtocol.round == ShareFixture.fileProtocol.round)
  }

  /// A protocol written for a group may name its people: a file's name, description and
  /// phases are scrubbed like the notes, and a built-in protocol is left exactly as it is.
  @Test func aProtocolFileNamingPeopleIsScrubbedAndABuiltInOneIsNot() throws {
    var named = ShareFixture.fileProtocol
    named.name = "Zoë Ångström clinic"
    named.description = "Seán O'Neill's way of running it."
    named.round[1].name = "Questions for Seán"
    named.round[1].prompts = ["What would Zoë ask?"]
    let store = try AppDatabase.inMemory()
    for (protocolOfSession, id) in [
      (named, ShareFixture.firstID), (Fixtures.consultingProtocol, ShareFixture.secondID),
    ] {
      let setup = SessionSetup(
        title: "T", programme: "P", consultingProtocol: protocolOfSession,
        participants: [ShareFixture.zoe, ShareFixture.sean], presenters: [0])
      _ = try LiveSession.create(setup, id: id, store: store, clock: ManualClock())
    }
    let records = try [ShareFixture.firstID, ShareFixture.secondID].map {
      try SessionRecord(id: $0, events: store.events(of: $0))
    }
    let anonymiser = Anonymiser(records: records)
    let scrubbed = try anonymiser.anonymise(records[0]).state.setup.consultingProtocol
    #expect(scrubbed.name == "[Participant A] clinic")
    #expect(scrubbed.description == "[Participant B]'s way of running it.")
    #expect(scrubbed.round[1].name == "Questions for [Participant B]")
    #expect(scrubbed.round[1].prompts == ["What would [Participant A] ask?"])
    #expect(scrubbed.round[0] == named.round[0])
    let builtIn = try anonymiser.anonymise(records[1]).state.setup.consultingProtocol
    #expect(builtIn == Fixtures.consultingProtocol)
    let markdown = try SessionExport.render(
      records, as: .markdown, options: ShareOptions(anonymise: true))
    #expect(!markdown.contains("Zoë") && !markdown.contains("Seán"))
  }

  @Test func aOneCharacterCJKNamePartIsReplacedAloneOrBesideTheRestAndIsOtherwiseASuspect() throws {
    let anonymiser = try anonymiser([
      Participant(name: "李 静", organisation: "X", level: .middle)
    ])
    let li = "[Participant A]"
    #expect(anonymiser.scrub("李静说，静，李 静") == "\(li)说，\(li)，\(li)")
    #expect(anonymiser.scrub("静 came") == "\(li) came")
    #expect(anonymiser.scrub("很安静") == "很安静")
    #expect(anonymiser.matches(in: "很安静").map(\.suspicion) == [.insideWord])
  }

  @Test func aChineseNameTypedAsOneWordHidesItsGivenNameWrittenAloneAndListsIt() throws {
    let anonymiser = try anonymiser([
      Participant(name: "王小明", organisation: "Police", level: .middle),
      Participant(name: "欧阳娜娜", organisation: "NHS", level: .senior),
      Participant(name: "张建国", organisation: "Council", level: .frontline),
      Participant(name: "김민수", organisation: "Probation", level: .other),
    ])
    let (wang, ouyang) = ("[Participant A]", "[Participant B]")
    // The given name alone, beside other words or standing alone, and the name with a space.
    #expect(anonymiser.scrub("小明说得对，王 小明也同意") == "\(wang)说得对，\(wang)也同意")
    #expect(anonymiser.scrub("Mr Mensah and 小明 agree") == "Mr Mensah and \(wang) agree")
    #expect(anonymiser.scrub("娜娜和欧阳谈过") == "\(ouyang)和\(ouyang)谈过")
    // A half is a guess, since a given name can be a word ("建国以来"): listed for review.
    #expect(anonymiser.matches(in: "小明说").map(\.suspicion) == [.resemblance])
    #expect(anonymiser.matches(in: "建国以来").map(\.suspicion) == [.resemblance])
    // A one-character half is no part: it stands inside countless words ("王国"); with a
    // title or "老" it names the person where it stands alone ("老王，"), and inside other
    // text, where it is often a word of its own ("小时"), it is a suspect, kept.
    #expect(anonymiser.scrub("大家都明白，王国很安静") == "大家都明白，王国很安静")
    #expect(anonymiser.scrub("老王，来了") == "\(wang)，来了")
    #expect(anonymiser.scrub("老王来了") == "老王来了")
    #expect(anonymiser.matches(in: "老王来了").map(\.suspicion) == [.insideWord])
    // Korean names and names in kana are replaced whole only: their halves would be words.
    #expect(anonymiser.scrub("민수 said 이 문제") == "민수 said 이 문제")
    #expect(NameForms.cjkHalves(of: "김민수").isEmpty)
    #expect(NameForms.cjkHalves(of: "さくら").isEmpty)
    #expect(NameForms.cjkHalves(of: "王").isEmpty)
  }

  /// A keyboard gives Simplified or Traditional characters: 黄伟 is written 黃偉 by a colleague
  /// in Hong Kong, and the family name went out in "黃先生".
  @Test func aChineseNameIsFoundInSimplifiedAndTraditionalCharacters() throws {
    let anonymiser = try anonymiser([
      Participant(name: "黄伟", organisation: "Police", level: .middle),
      Participant(name: "陳美玲", organisation: "NHS", level: .senior),
    ])
    let (huang, chen) = ("[Participant A]", "[Participant B]")
    #expect(anonymiser.scrub("我和黃偉谈过，黄伟也同意") == "我和\(huang)谈过，\(huang)也同意")
    #expect(anonymiser.scrub("黃先生，你好") == "\(huang)，你好")
    // The one-character given name alone, as colleagues call him; inside a word, a suspect.
    #expect(anonymiser.scrub("I asked 伟 and 偉.") == "I asked \(huang) and \(huang).")
    #expect(anonymiser.scrub("伟大的计划") == "伟大的计划")
    #expect(anonymiser.matches(in: "伟大的计划").map(\.suspicion) == [.insideWord])
    // Written half in each script, as a keyboard switched mid-name gives it.
    #expect(anonymiser.scrub("黄偉说 no; 黃伟 said") == "\(huang)说 no; \(huang) said")
    #expect(
      Participant(name: "黃偉", organisation: "", level: .other).looksAlike(
        Participant(name: "黄伟", organisation: "X", level: .middle)))
    #expect(
      !Participant(name: "黄伟", organisation: "", level: .other).looksAlike(
        Participant(name: "黄伟明", organisation: "X", level: .middle)))
    #expect(anonymiser.scrub("陈美玲说，美玲和陳 美玲") == "\(chen)说，\(chen)和\(chen)")
    #expect(anonymiser.matches(in: "美玲说").map(\.suspicion) == [.resemblance])
    // Text in the other script that names nobody stays as it was.
    #expect(anonymiser.scrub("黃昏的時候很安靜") == "黃昏的時候很安靜")
    #expect(NameForms.otherScripts(of: "Priya Patel").isEmpty)
    #expect(NameForms.otherScripts(of: "王小明").isEmpty)
  }

  @Test func aNamePartThatIsAnEnglishWordIsLeftInOrdinaryUseAndSuspectWhereCapitalsCannotTell()
    throws
  {
    let anonymiser = try anonymiser([
      Participant(name: "Will Bishop", organisation: "Exeter Trust", level: .senior),
      Participant(name: "Hope Adeyemi", organisation: "Police", level: .other),
    ])
    let will = "[Participant A]"
    let hope = "[Participant B]"
    #expect(
      anonymiser.scrub("We will ask; the hope project; police cars.")
        == "We will ask; the hope project; police cars.")
    #expect(anonymiser.scrub("I asked Will and will bishop") == "I asked \(will) and \(will)")
    #expect(anonymiser.scrub("Thanks to Hope.") == "Thanks to \(hope).")
    // A sentence's first word, or after "the": replaced, and shown for review.
    let start = anonymiser.matches(in: "Will we? Hope so. See the Bishop of Plymouth.")
    #expect(start.map(\.suspicion) == [.ordinaryWord, .ordinaryWord, .ordinaryWord])
    #expect(
      anonymiser.scrub("See the Bishop of Plymouth and the Police.")
        == "See the \(will) of Plymouth and the [Organisation 2].")
    #expect(anonymiser.matches(in: "Thanks to Hope.").map(\.suspicion) == [nil])
  }

  /// A whole name made of ordinary words, written as ordinary lower-case words ("we will
  /// hope"), is replaced, as a hurried lower-case name is, but shown for review, where the
  /// facilitator can keep it; written as a name it is no suspect.
  @Test func aWholeNameOfOrdinaryWordsInLowerCaseIsASuspect() throws {
    let anonymiser = try anonymiser([
      Participant(name: "Will Hope", organisation: "Council", level: .senior),
      Participant(name: "Rose Bush", organisation: "NHS", level: .other),
    ])
    let lower = anonymiser.matches(in: "we will hope; the rose bush flowered")
    #expect(lower.map(\.text) == ["will hope", "rose bush"])
    #expect(lower.map(\.suspicion) == [.ordinaryWord, .ordinaryWord])
    #expect(
      anonymiser.scrub("we will hope; the rose bush flowered")
        == "we [Participant A]; the [Participant B] flowered")
    #expect(anonymiser.matches(in: "I asked Will Hope.").map(\.suspicion) == [nil])
    // A name of one ordinary word is left in its ordinary use, as a part of a name is.
    let single = try self.anonymiser([
      Participant(name: "Hope", organisation: "Council", level: .senior)
    ])
    #expect(single.scrub("I hope so; ask Hope.") == "I hope so; ask [Participant A].")
    // Kept once the facilitator says so, as every suspect is.
    let store = try AppDatabase.inMemory()
    let live = try LiveSession.create(
      SessionSetup(
        title: "T", programme: "P", consultingProtocol: Fixtures.consultingProtocol,
        participants: [Participant(name: "Will Hope", organisation: "Council", level: .senior)],
        presenters: [0]), id: ShareFixture.firstID, store: store, clock: ManualClock())
    try live.chooseForSharing("will hope", replace: false)
    let keeping = Anonymiser(records: [
      try SessionRecord(id: live.id, events: store.events(of: live.id))
    ])
    #expect(keeping.scrub("we will hope, said Will Hope") == "we will hope, said [Participant A]")
  }

  /// A name in an e-mail address or a handle, its words joined by a full stop or an underscore
  /// and in lower case, is the name: "rose" and "baker" are each ordinary English, and the
  /// address went out whole; "amira.khan" kept ".khan". A full stop ending a sentence before
  /// a name is no joint. An organisation named in ordinary words ("Police") is replaced after
  /// the "@" of an address too, as a suspect the facilitator may keep (an ordinary word left
  /// alone there let "@harbour.org" through for "Harbour Centre|Harbour").
  @Test func aNameInAnAddressOrAHandleIsReplaced() throws {
    let anonymiser = try anonymiser([
      Participant(name: "Rose Baker", organisation: "City Council", level: .senior),
      Participant(name: "Amira Khan", organisation: "NHS Trust", level: .frontline),
      Participant(name: "Dr Will Henry Smith", organisation: "Police", level: .middle),
    ])
    #expect(
      anonymiser.scrub(
        "Send it to rose.baker@council.gov, amira_khan, Amira.Khan and will.smith@police.uk")
        == "Send it to [Participant A]@council.gov, [Participant B], [Participant B] and "
        + "[Participant C]@\(anonymiser.scrub("Police")).uk")
    #expect(anonymiser.scrub("Police").hasPrefix("[Organisation "))
    #expect(anonymiser.matches(in: "rose.baker@council.gov").map(\.suspicion) == [nil])
    #expect(
      anonymiser.matches(in: "to will@police.uk").map(\.suspicion) == [
        .ordinaryWord, .ordinaryWord,
      ])
    // Ordinary words stay ordinary beside a full stop ending a sentence.
    #expect(anonymiser.scrub("a rose. baker street") == "a rose. baker street")
  }

  /// An organisation of several words is written joined in an e-mail domain, a web address or
  /// a handle ("bakercharity.org", "st-lukes-hospice.nhs.uk", "#BakerCharity", "ageuk.org.uk"):
  /// those forms are the organisation, replaced as its name is. Before,
  /// `rose.baker@bakercharity.org` went out as `[Participant A]@bakercharity.org`, naming the
  /// charity. A name of ordinary words joined may be a word of its own ("homecare" for Home
  /// Care): replaced, but shown for review. Words that only contain the joined name
  /// ("bakercharityshop") stay.
  @Test func anOrganisationJoinedAsInAnAddressIsReplaced() throws {
    let anonymiser = try anonymiser([
      Participant(name: "Rose Baker", organisation: "Baker Charity", level: .senior),
      Participant(name: "Amira Khan", organisation: "St. Luke's Hospice", level: .frontline),
      Participant(name: "Wei Chen", organisation: "Age UK", level: .middle),
      Participant(name: "Sam Hill", organisation: "Home Care", level: .other),
      Participant(name: "Jo Kerr", organisation: "Quixcorp Holdings", level: .other),
    ])
    #expect(
      anonymiser.scrub(
        "Mail rose.baker@bakercharity.org or amira@baker-charity.org, see "
          + "st-lukes-hospice.nhs.uk, stlukeshospice.org, #BakerCharity, ageuk.org.uk, "
          + "quixcorp-holdings.com and bakercharityshop")
        == "Mail [Participant A]@[Organisation 1].org or [Participant B]@[Organisation 1].org, see "
        + "[Organisation 2].nhs.uk, [Organisation 2].org, #[Organisation 1], [Organisation 3].org.uk, "
        + "[Organisation 5].com and bakercharityshop")
    // A name with a word of its own is the organisation, joined or not.
    #expect(anonymiser.matches(in: "quixcorpholdings.com").map(\.suspicion) == [nil])
    // Ordinary words joined are replaced and shown for review.
    #expect(anonymiser.scrub("She needs homecare daily") == "She needs [Organisation 4] daily")
    #expect(anonymiser.matches(in: "homecare").map { $0.suspicion != nil } == [true])
    #expect(anonymiser.matches(in: "bakercharity.org").map { $0.suspicion != nil } == [true])
    // The words before its kind, joined ("stlukes.org"), are a guess, shown for review.
    #expect(anonymiser.matches(in: "see stlukes.org").map { $0.suspicion != nil } == [true])
  }

  /// Addresses and forms of address that a facilitator's walk-through saw go out: a surname
  /// with the first name's initial ("j.smith", "smith.j", "a.lee": "smith" and "lee" are
  /// English words), a Chinese family name with a title or "小"/"老" ("王先生", "小王"), an
  /// organisation's initials in a domain ("ncvap.org.uk"), and its first word alone
  /// ("Greenfield" for Greenfield Housing), which was listed as a person's name and kept.
  @Test func initialsFormsOfAddressAndAnOrganisationsFirstWordAreReplaced() throws {
    let anonymiser = try anonymiser([
      Participant(name: "Jo Smith", organisation: "Greenfield Housing", level: .middle),
      Participant(
        name: "Ann Lee", organisation: "Northumberland Community Voluntary Action Partnership",
        level: .frontline),
      Participant(name: "王小明", organisation: "Police", level: .senior),
      Participant(name: "Tom Hart", organisation: "Citizens Advice Bureau", level: .other),
    ])
    #expect(
      anonymiser.scrub("Mail j.smith@x.org, smith.j@x.org, j_smith@x.org and a.lee@ncvap.org.uk")
        == "Mail [Participant A]@x.org, [Participant A]@x.org, [Participant A]@x.org and "
        + "[Participant B]@[Organisation 2].org.uk")
    // Standing alone; inside other text a suspect, kept ("小王和").
    #expect(anonymiser.scrub("王先生、小王和老王都来了") == "[Participant C]、小王和老王都来了")
    #expect(anonymiser.matches(in: "小王和").map(\.suspicion) == [.insideWord])
    #expect(
      anonymiser.scrub("the duty desk at Greenfield and the Northumberland partnership")
        == "the duty desk at [Organisation 1] and the [Organisation 2] partnership")
    // Guesses, shown for review.
    #expect(anonymiser.matches(in: "at Greenfield").map { $0.suspicion != nil } == [true])
    #expect(anonymiser.matches(in: "ncvap.org").map { $0.suspicion != nil } == [true])
    // An acronym that is a word in lower case ("cab") is still found in capitals only.
    #expect(anonymiser.scrub("a cab to the CAB") == "a cab to the [Organisation 4]")
    // Ordinary words stay: a smith, the lee of the wall.
    #expect(
      anonymiser.scrub("the smith in the lee of the wall") == "the smith in the lee of the wall")
  }

  /// What an adversarial check found the forms above rewrote: an initial run together with
  /// a surname makes words ("Spain" of Sam Pain, "shall" of Sam Hall, "France" of Fred
  /// Rance), an organisation's three initials in lower case are abbreviations ("pdf", "www",
  /// "org"), and "小时" is "hour" before it is 时明's "Little Shi". None of them is replaced.
  @Test func formsOfNamesLeaveTheWordsTheyResembleAlone() throws {
    let anonymiser = try anonymiser([
      Participant(name: "Sam Pain", organisation: "Open Resource Group", level: .middle),
      Participant(name: "Sam Hall", organisation: "Portable Document Foundation", level: .other),
      Participant(name: "Fred Rance", organisation: "World Wide Webs", level: .senior),
      Participant(name: "时明", organisation: "Police", level: .frontline),
    ])
    let text =
      "Shall we go to Spain or France? See https://www.example.org/report.pdf; 一个小时后再说。"
    #expect(anonymiser.scrub(text) == text)
    // The addresses still are the people.
    #expect(
      anonymiser.scrub("s.pain@x.org, hall.s@x.org, f_rance@x.org")
        == "[Participant A]@x.org, [Participant B]@x.org, [Participant C]@x.org")
    // And the organisations' names joined.
    #expect(
      anonymiser.scrub("open_resource_group and world.wide.webs")
        == "[Organisation 1] and [Organisation 3]")
  }

  /// A name with an initial written as ordinary words ("moved to a ward" beside A Ward, "I
  /// will go" beside I Will) is listed for review, as "we will hope" beside Will Hope is: the
  /// word lists hold no "a" or "i", so it was replaced without a word to the facilitator.
  @Test func aNameWithAnInitialWrittenAsWordsIsListed() throws {
    let anonymiser = try anonymiser([
      Participant(name: "A Ward", organisation: "NHS", level: .middle),
      Participant(name: "I Will", organisation: "Council", level: .other),
    ])
    #expect(
      anonymiser.matches(in: "she was moved to a ward upstairs").map(\.suspicion)
        == [.ordinaryWord])
    #expect(anonymiser.matches(in: "I will go").map(\.suspicion) == [.ordinaryWord])
    // Written as the name, it is the name.
    #expect(anonymiser.scrub("Ask A Ward.") == "Ask [Participant A].")
  }

  /// From a review of today's forms: a form of address gives way to a participant's name
  /// part ("小龙" is 张小龙's given name before it is 龙飞's "Little Long"), a form two names
  /// give ("j.smith" of John and Jane Smith, "小王" of two Wangs) says neither's letter, and a
  /// form of address standing alone ("单位：小时") is listed, replaced unless kept.
  @Test func formsGiveWayToNamesAndSharedFormsNameNobody() throws {
    let anonymiser = try anonymiser([
      Participant(name: "张小龙", organisation: "A", level: .senior),
      Participant(name: "龙飞", organisation: "B", level: .middle),
      Participant(name: "John Smith", organisation: "C", level: .other),
      Participant(name: "Jane Smith", organisation: "D", level: .frontline),
      Participant(name: "王小明", organisation: "E", level: .other),
      Participant(name: "王芳", organisation: "F", level: .other),
      Participant(name: "时明", organisation: "G", level: .other),
    ])
    #expect(anonymiser.scrub("小龙说他会来") == "[Participant A]说他会来")
    #expect(anonymiser.scrub("mail j.smith@x.org") == "mail \(Anonymiser.ambiguousName)@x.org")
    #expect(anonymiser.scrub("王先生，你好") == "\(Anonymiser.ambiguousName)，你好")
    #expect(anonymiser.matches(in: "单位：小时").map(\.suspicion) == [.ordinaryWord])
    // Joined by an underscore or a full stop, an organisation of English words is no word.
    let charity = try self.anonymiser([
      Participant(name: "Rose Baker", organisation: "Baker Charity", level: .senior)
    ])
    #expect(charity.matches(in: "baker_charity and baker.charity").map(\.suspicion) == [nil, nil])
  }

  @Test func namesArefoundWithoutApostrophesJoinedAndWithAPluralOrPossessiveS() throws {
    let anonymiser = try anonymiser([
      ShareFixture.priya, ShareFixture.sean,
      Participant(name: "Omar Al-Rashid", organisation: "Y", level: .middle),
    ])
    let priya = "[Participant A, frontline]"
    let sean = "[Participant B, frontline]"
    let omar = "[Participant C]"
    #expect(
      anonymiser.scrub("Priyas idea, the Patels, @PriyaPatel #PriyaPatel PriyaP, Priya P.")
        == "\(priya)s idea, the \(priya)s, @\(priya) #\(priya) \(priya), \(priya).")
    #expect(anonymiser.scrub("O Neill and Neill") == "\(sean) and \(sean)")
    #expect(anonymiser.scrub("AlRashid, Al Rashid, Rashid") == "\(omar), \(omar), \(omar)")
    // Not a name with something after it.
    #expect(anonymiser.scrub("Priyanka and Patella") == "Priyanka and Patella")
  }

  @Test func organisationsAreFoundUnderTheirOtherNamesAndShortForms() throws {
    let anonymiser = try anonymiser([
      Participant(
        name: "Ada Obi", organisation: "Devon & Cornwall Police",
        organisationAliases: ["the Force"], level: .senior),
      Participant(name: "Bo Li", organisation: "St Luke's Hospice", level: .middle),
      Participant(name: "Cy Ng", organisation: "Police", level: .other),
    ])
    #expect(
      anonymiser.scrub("Devon and Cornwall Police, DCP, the Force; St Lukes Hospice, St Lukes")
        == "[Organisation 1], [Organisation 1], [Organisation 1]; [Organisation 2], [Organisation 2]"
    )
    // "police" is an ordinary word; "the Police" could be either force.
    #expect(anonymiser.scrub("call the police") == "call the police")
    #expect(anonymiser.scrub("Ask the Police.") == "Ask the [Organisation 3].")
    // Three letters in lower case are as often an abbreviation ("pdf", "www"): capitals only.
    #expect(anonymiser.scrub("dcp is lower case") == "dcp is lower case")
    #expect(anonymiser.matches(in: "DCP").map(\.suspicion) == [.shortForm])
  }

  /// A company is named without its legal form ("Quixcorp" for "Quixcorp Ltd"): it went out
  /// unreplaced, or listed only as someone who was not there.
  @Test func aCompanyIsFoundWithoutItsLegalForm() throws {
    let anonymiser = try anonymiser([
      Participant(name: "Ada Obi", organisation: "Quixcorp Ltd", level: .senior),
      Participant(name: "Bo Li", organisation: "Brightwater Homes Limited", level: .middle),
    ])
    #expect(
      anonymiser.scrub("Quixcorp will pay; Quixcorp Ltd agreed; Brightwater Homes too")
        == "[Organisation 1] will pay; [Organisation 1] agreed; [Organisation 2] too")
    #expect(anonymiser.matches(in: "Quixcorp").map(\.suspicion) == [nil])
  }
}
