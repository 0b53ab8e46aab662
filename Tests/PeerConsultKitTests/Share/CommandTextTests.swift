import Foundation
import Testing
import TextLayout

@testable import PeerConsultKit

/// The command line's plain text, rendered without a process from the share fixture's
/// sessions and small protocols.
@Suite struct CommandTextTests {
  private let utc = ReadableTime(timeZone: TimeZone(identifier: "UTC")!)

  // MARK: wrapping

  @Test func chineseProseInProtocolsShowWrapsAtEightyDisplayColumns() throws {
    // Written without spaces: 60 characters, 120 columns, one "word" to a wrapper.
    let description = String(repeating: "同伴咨询会议", count: 10)
    // Words of four characters (eight columns) that a wrapper counting characters overfills.
    let guidance = Array(repeating: "认真倾听", count: 20).joined(separator: " ")
    var item = Fixtures.consultingProtocol
    item.description = description
    item.round[0].guidance = guidance
    item.round[0].rules = [guidance]
    let lines = CommandText.protocolDescription(item).split(separator: "\n").map(String.init)
    try #require(lines.count > 4 && lines[4].hasPrefix("Each round"), "\(lines)")

    let tooWide = lines.filter { $0.displayWidth > CommandText.width }
    #expect(tooWide.isEmpty, "wider than 80 columns: \(tooWide)")
    // The description fills its lines (40 characters of two columns) and loses nothing.
    let descriptionLines = lines[2...3]
    #expect(descriptionLines.map(\.displayWidth) == [80, 40])
    #expect(descriptionLines.joined() == description)
    // Guidance after five spaces: eight words of eight columns and seven spaces fit in 75.
    let guidanceLines = lines.filter { $0.hasPrefix("     认") }
    #expect(guidanceLines.count == 3)
    #expect(guidanceLines.first?.displayWidth == 5 + 8 * 8 + 7)
    // A rule hangs under its bullet.
    let ruleLines = lines.filter { $0.hasPrefix("       - 认") || $0.hasPrefix("         认") }
    #expect(ruleLines.count == 3)
    #expect(ruleLines.dropFirst().allSatisfy { $0.hasPrefix("         认") })
  }

  @Test func englishProseWrapsOnWordsUnderAHangingBullet() {
    var item = Fixtures.consultingProtocol
    item.description = ""
    item.round[0].guidance = ""
    item.round[0].rules = [
      "Listen without interrupting, then ask questions that open the problem up rather than "
        + "questions that steer the presenter towards your own answer."
    ]
    let text = CommandText.protocolDescription(item)
    #expect(
      text.contains(
        """
             Rules:
               - Listen without interrupting, then ask questions that open the problem
                 up rather than questions that steer the presenter towards your own
                 answer.

        """))
  }

  @Test func aProtocolIsDescribedPartByPart() {
    let text = CommandText.protocolDescription(Fixtures.consultingProtocol)
    #expect(
      text.hasPrefix(
        """
        Mini
        id: mini · built-in

        A short test protocol.

        Each round: 3 phases, 5 min 10 s; opening 1 min, closing 1 min.

        OPENING (once, before the first presenter)

          1. Check-in
             1 min · speaker: everyone · notes: other

        """), "\(text)")
  }

  // MARK: tables

  @Test func tablesLineUpByDisplayColumns() {
    #expect(
      CommandText.table([["NAME", "ORG"], ["王伟", "Police"], ["Zoë", "Council"]])
        == "NAME  ORG\n王伟  Police\nZoë   Council\n")
  }

  @Test func listShowsOneRowPerSessionUnderAHeading() throws {
    let store = try StoreFixture()
    try ShareFixture.record(into: store.database)
    let text = CommandText.listings(try store.database.sessions(), time: utc)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 5 && lines.last == "")
    #expect(
      lines[0]
        == "ID        STARTED           TITLE                     PROGRAMME      PRESENTERS"
        + "                  NOTES  DONE  STATUS")
    #expect(
      lines[1]
        == "45674567  2027-01-22 09:00  Hub design with Dr Patel  Alcohol Plan   Dr Priya Patel"
        + "              4      0/1   unfinished")
    #expect(lines.contains { $0.hasPrefix("01234567  2027-01-15 08:00  Referrals with Seán") })
  }

  // MARK: fitting the terminal

  @Test func aListWiderThanTheTerminalIsCutToFitWithWhatNamesASessionWhole() throws {
    let store = try StoreFixture()
    try ShareFixture.record(into: store.database)
    let sessions = try store.database.sessions()
    let whole = CommandText.listings(sessions, time: utc)
    let wholeLines = whole.split(separator: "\n").map(String.init)
    #expect(wholeLines.map(\.displayWidth).max() == 120)  // the premise
    // Wide enough for every cell: the same text as piped.
    #expect(CommandText.listings(sessions, width: 120, time: utc) == whole)
    #expect(CommandText.listings(sessions, width: 119, time: utc) != whole)
    // At 100 columns the widest give way first: the presenters, then they and the title.
    let hundred = CommandText.listings(sessions, width: 100, time: utc).split(separator: "\n")
      .map(String.init)
    #expect(hundred.count == wholeLines.count)
    #expect(hundred.map(\.displayWidth).max() == 100)
    #expect(
      hundred[1]
        == "45674567  2027-01-22 09:00  Hub design with…  Alcohol Plan   Dr Priya Patel "
        + " 4      0/1   unfinished")
    // At 80 the presenters are left out, so the title and programme still say something, the
    // title keeping its 16 columns.
    let eighty = CommandText.listings(sessions, width: 80, time: utc).split(separator: "\n")
      .map(String.init)
    #expect(eighty.map(\.displayWidth).max() == 80)
    #expect(
      eighty[0]
        == "ID        STARTED           TITLE             PROGRAMME  NOTES  DONE  STATUS")
    #expect(
      eighty[1]
        == "45674567  2027-01-22 09:00  Hub design with…  Alcohol …  4      0/1   unfinished")
    #expect(!eighty.joined().contains("Priya"))
    // At 60 the programme goes too; the rows still fit.
    let sixty = CommandText.listings(sessions, width: 60, time: utc).split(separator: "\n")
      .map(String.init)
    #expect(sixty.map(\.displayWidth).max() == 60)
    #expect(sixty[0] == "ID        STARTED           TITLE    NOTES  DONE  STATUS")
  }

  /// With presenters short enough to keep, 80 columns cut every title to six or seven
  /// ("North …"): the presenters now go first, as the guide says, so the title says which
  /// meeting it was.
  @Test func shortPresentersGiveWayBeforeTheTitleIsCutToNothing() throws {
    let store = try StoreFixture()
    for number in [11, 12] {
      let live = try store.live(Fixtures.setup(title: "North SLG meeting \(number) – Data"))
      try live.start()
      try live.finish()
      store.clock.advance(by: 3600)
    }
    let eighty = CommandText.listings(try store.database.sessions(), width: 80, time: utc)
      .split(separator: "\n").map(String.init)
    #expect(eighty.map(\.displayWidth).max()! <= 80)
    #expect(!eighty[0].contains("PRESENTERS") && eighty[0].contains("PROGRAMME"), "\(eighty)")
    #expect(eighty[1].contains("North SLG meet"), "\(eighty)")
    // A long programme gives way before the title goes below 16 columns.
    let rows = [
      ["ID", "STARTED", "TITLE", "PROGRAMME", "PRESENTERS", "NOTES", "DONE", "STATUS"],
      [
        "7280f1d8", "2026-12-05 16:58", "North SLG meeting 12 – Data sharing",
        "Alcohol Harm Reduction Plan", "Ben", "2", "0/1", "finished",
      ],
    ]
    let fitted = CommandText.fitted(
      rows, into: 80, shrinking: [4, 3, 2], dropping: [4, 3], wanting: [2: 16])
    #expect(
      fitted[1][2].displayWidth == 16 && fitted[1][2].hasPrefix("North SLG meet"), "\(fitted)")
    #expect(fitted[0].count == 7)
  }

  @Test func fittingCutsTheWidestColumnFirstAndNeverBelowItsHeading() {
    let rows = [
      ["ID", "TITLE", "PLACE", "N"],
      ["1", String(repeating: "t", count: 40), "城市议会城市议会城市议会", "9"],
    ]
    // 2 + 40 + 24 + 1 + 6 = 73 columns: the widest, the title, gives way first.
    let sixty = CommandText.fitted(rows, into: 60, shrinking: [1, 2], dropping: [])
    #expect(sixty[1] == ["1", String(repeating: "t", count: 26) + "…", rows[1][2], "9"])
    // Once as wide as the place, both give way in turn (the first named on a tie): 10 and
    // 11 columns. A wide character is never split.
    let thirty = CommandText.fitted(rows, into: 30, shrinking: [1, 2], dropping: [])
    #expect(thirty[1] == ["1", "ttttttttt…", "城市议会城…", "9"])
    // The floor: a heading stays whole, and what cannot fit is left to the terminal.
    let narrow = CommandText.fitted(rows, into: 10, shrinking: [1, 2], dropping: [])
    #expect(narrow == [rows[0], ["1", "ttttt…", "城市…", "9"]])
    // A column to drop goes only when the floors do not fit.
    #expect(CommandText.fitted(rows, into: 21, shrinking: [1, 2], dropping: [2])[0].count == 4)
    #expect(
      CommandText.fitted(rows, into: 20, shrinking: [1, 2], dropping: [2])
        == [["ID", "TITLE", "N"], ["1", String(repeating: "t", count: 12) + "…", "9"]])
  }

  @Test func groupsAndProtocolsAreCutToTheTerminalKeepingWhatNamesThem() throws {
    let groups = CommandText.groupList(
      [
        (
          GroupListing(
            id: GroupID(rawValue: String(repeating: "ab", count: 16))!,
            name: "Night-Time Economy Systems Learning Group North",
            programme: "Alcohol Harm Reduction Plan 2027-2030", sessionCount: 12,
            lastMet: Fixtures.start), 8
        )
      ], width: 80, time: utc
    ).split(separator: "\n").map(String.init)
    #expect(groups.map(\.displayWidth).max() == 80)
    // The name and the programme give way, the wider first; id, counts and the day stay whole.
    #expect(groups[1].hasPrefix("abababab  Night-Time Economy…  Alcohol Harm Redu…  "))
    #expect(groups[1].hasSuffix("…  8        12        2027-01-15"))

    let folder = "/home/facilitator/.config/peerconsult/protocols"
    let item = ConsultingProtocol(
      id: "night", name: "Night-time consultation", description: "",
      opening: [], round: [Fixtures.consultingProtocol.round[0]], closing: [],
      source: .file(path: folder + "/night-time-consultation.yaml"))
    let library = ProtocolLibrary(
      directory: URL(fileURLWithPath: folder), protocols: [item], problems: [])
    let protocols = CommandText.protocolList(library, width: 80).split(separator: "\n")
      .map(String.init)
    #expect(protocols.map(\.displayWidth).max() == 80)
    // A file is named by its end, not by the folder every file shares.
    #expect(protocols[1].hasSuffix("-consultation.yaml"), "\(protocols)")
    #expect(protocols[1].contains("  …"), "\(protocols)")
  }

  @Test func aSearchHitsPlaceIsCutToTheTerminalAndItsNoteWrapsUnderIt() throws {
    let store = try StoreFixture()
    try ShareFixture.record(into: store.database)
    let hits = try store.database.searchNotes("backlog")
    #expect(
      CommandText.hits(hits, query: "backlog", limit: 50, styled: false, width: 40, time: utc)
        == "01234567  2027-01-15 08:02  insight  Re…\n"
        + "  The referral backlog at NHS West\n  Yorkshire doubled since May.\n")
    #expect(
      CommandText.hits(hits, query: "backlog", limit: 50, styled: true, width: 40, time: utc)
        .contains("\n  The referral \u{1B}[1mbacklog\u{1B}[22m at NHS West\n"))
    // A tab parts words as a space does (a terminal would draw it up to eight columns wide).
    #expect(
      try terminalLines("licensing\tcolumn\tlayout", marking: "layout", width: 20)
        == "  licensing column\n  \u{1B}[1mlayout\u{1B}[22m\n")
    // A match cut by the edge (unspaced CJK text breaks anywhere) is bold on both lines.
    #expect(
      try terminalLines("飲酒運転防止会議居酒屋地域安全", marking: "居酒屋", width: 20)
        == "  飲酒運転防止会議\u{1B}[1m居\u{1B}[22m\n  \u{1B}[1m酒屋\u{1B}[22m地域安全\n")
  }

  /// The note lines `search` prints on a terminal `width` columns wide for a hit on `note`
  /// with `match` marked, its heading line left out.
  private func terminalLines(_ note: String, marking match: String, width: Int) throws -> String {
    let range = try #require(note.range(of: match))
    let marked = HighlightedText(text: note, highlights: [range])
    let hit = NoteSearchHit(
      session: ShareFixture.firstID, sessionTitle: "T", programme: "", noteID: 1,
      createdAt: Fixtures.start, kind: .insight, round: nil, phase: "Check-in", speaker: nil,
      text: marked, snippet: marked)
    let text = CommandText.hits(
      [hit], query: match, limit: 50, styled: true, width: width, time: utc)
    return String(text.drop { $0 != "\n" }.dropFirst())
  }

  // MARK: search

  @Test func searchHitsSayWhereTheNoteWasAndMarkTheMatch() throws {
    let store = try StoreFixture()
    try ShareFixture.record(into: store.database)
    let hits = try store.database.searchNotes("backlog")
    #expect(
      CommandText.hits(hits, query: "backlog", limit: 50, styled: false, time: utc)
        == "01234567  2027-01-15 08:02  insight  Referrals with Seán · Round 1 · Presenting"
        + " · Seán O'Neill\n  The referral backlog at NHS West Yorkshire doubled since May.\n")
    #expect(
      CommandText.hits(hits, query: "backlog", limit: 50, styled: true, time: utc)
        .contains("The referral \u{1B}[1mbacklog\u{1B}[22m at"))
    #expect(
      CommandText.hits(hits, query: "backlog", limit: 1, styled: false, time: utc).hasSuffix(
        "\n\nShowing the best 1; narrow the search or raise --limit to see more.\n"))
    #expect(
      CommandText.hits(hits, query: "backlog", limit: 1, styled: false, order: .newest, time: utc)
        .hasSuffix("\n\nShowing the newest 1; narrow the search or raise --limit to see more.\n"))
    #expect(
      CommandText.hits([], query: "zebra", limit: 50, styled: false) == "No notes match zebra.\n")
  }

  // MARK: actions

  @Test func actionsAreListedNewestSessionFirstWithOwnersAndACount() throws {
    let records = try ShareFixture.programmeRecords()
    #expect(
      CommandText.actions(records, time: utc) == """
        2027-01-22  Hub design with Dr Patel  (Alcohol Plan · 45674567)
          [ ] Priya to draft the shared protocol. (Dr Priya Patel)

        2027-01-15  Referrals with Seán  (Alcohol Plan · 01234567)
          [x] Seán to email the licensing lead. (Seán O'Neill; done 2027-01-15)
          [ ] Marie and zoë to map the referral routes. (Zoë Ångström)

        3 actions, 1 done.

        """)
    #expect(
      CommandText.actions(records, owner: "zoe", openOnly: true, time: utc).hasSuffix(
        "(Zoë Ångström)\n\n1 open action.\n"))
    #expect(CommandText.actions(records, owner: "nobody") == "No actions match.\n")
    #expect(CommandText.actions([]) == "No actions yet.\n")
  }

  // MARK: import and protocols

  @Test func importSaysWhatHappenedToEachSession() {
    let id = ShareFixture.firstID
    func outcome(_ change: ImportOutcome.Change) -> ImportOutcome {
      ImportOutcome(
        session: id, title: "Line\none", path: "/tmp/a/export.json", eventCount: 1,
        change: change)
    }
    #expect(
      CommandText.imported([outcome(.added), outcome(.newerPresent(events: 2))]) == """
        Imported 01234567 "Line one" (1 event) from export.json.
        Already present: 01234567 "Line one" (export.json); the data folder holds 2 later events.
        1 session imported or updated, 1 already present.

        """)
    #expect(CommandText.imported([]) == "The files hold no sessions; nothing was imported.\n")
  }

  @Test func protocolChecksSayOKWithTheShapeAndCountOnlySeveralFiles() {
    #expect(
      CommandText.protocolValid("mini.yaml", Fixtures.consultingProtocol)
        == "mini.yaml: OK (id mini, 3 round phases, 5 min 10 s per round)\n")
    #expect(CommandText.protocolsChecked(total: 3, refused: 1) == "2 of 3 files valid.\n")
    #expect(CommandText.protocolsChecked(total: 1, refused: 1) == "")
  }

  /// argument-parser's usage errors, of three or four lines, as one.
  @Test func aUsageErrorIsOneLine() {
    #expect(
      CommandText.errorLine(
        """
        Error: Missing value for '--limit <N>'
        Help:  --limit <N>  List the newest N sessions (default 50).
        Usage: peerconsult list [--data-dir <DIR>] [--limit <N>]
          See 'peerconsult list --help' for more information.
        """) == "Error: Missing value for '--limit <N>'; see 'peerconsult list --help'.")
    #expect(CommandText.errorLine("Error: one line") == "Error: one line")
    // Other errors keep their lines: a protocol file's problems are one a line.
    let problems = "Error: team.yaml is not a usable protocol:\n  line 3: x\n  line 9: y"
    #expect(CommandText.errorLine(problems) == problems)
    #expect(
      CommandText.unknownCommand("ls\nx\u{1B}")
        == "Unknown command 'ls<U+000A>x<U+001B>'; run 'peerconsult --help' for the commands.")
  }

  /// `show`'s advice flag is never split across two lines: "⚑" ended one line with
  /// "advice?" on the next.
  @Test func theAdviceFlagWrapsInOnePiece() {
    for width in 20...40 {
      let wrapped = CommandText.wrapped(
        "- 16:58 · question · Why not ask the police? ⚑ advice?", width: width)
      #expect(wrapped.contains("⚑ advice?"), "\(width): \(wrapped)")
      #expect(!wrapped.contains("\u{A0}"))
    }
  }

  /// For a terminal, a line too wide wraps on words under its list item's text; a line that
  /// fits, a blank line and text for no terminal are left alone.
  @Test func aLineTooWideWrapsOnWordsUnderItsItem() {
    let text = "# Title\n\n- 16:58 · action · Ask Siobhán for the overdue figures\n  short\n"
    #expect(CommandText.wrapped(text, width: nil) == text)
    #expect(
      CommandText.wrapped(text, width: 24)
        == "# Title\n\n- 16:58 · action · Ask\n  Siobhán for the\n  overdue figures\n  short\n")
    // Under an action's text, after its box.
    #expect(
      CommandText.wrapped("  [-] Draft an agreement (Zoë; dropped)", width: 24)
        == "  [-] Draft an agreement\n      (Zoë; dropped)")
    // Tabs are spaces, and what printing cleans is cleaned before the line is measured.
    #expect(
      CommandText.wrapped("- a\tb\u{2028}c d e f g h", width: 9) == "- a b c d\n  e f g h")
    // An indent of half the width or more is not kept.
    #expect(
      CommandText.wrapped("            one two three", width: 20) == "one two three")
  }
}
