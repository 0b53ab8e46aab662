import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// Writing notes at the speed of talk: kinds and people in a keystroke or two, the note line
/// growing with its text, the transcript following new notes, the signal keys as keys.
@Suite struct NoteCaptureTests {
  @Test func everyKindIsTwoKeysFromTheNoteLine() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("x")
    for kind in NoteKind.allCases {
      f.press(.tab)
      f.type(String(NoteEditorState.letter(of: kind)))
      #expect(f.live?.editor?.kind == kind)
      #expect(f.live?.editor?.mode == .writing)
      #expect(f.live?.editor?.line.string == "x")
    }
    // The letters are distinct, so each picks one kind.
    #expect(
      Set(NoteKind.allCases.map(NoteEditorState.letter(of:))).count == NoteKind.allCases.count)
  }

  /// A letter that picks no kind, typed or pasted while the kinds are offered, closes them,
  /// the kind unchanged, and is typed into the note: Tab then "Licensing data" lost the "L"
  /// and an "i" chose insight, or the paste was dropped without a word.
  @Test func aLetterThatPicksNoKindGoesIntoTheNote() throws {
    let f = try LiveFixture()
    f.press(.enter)
    let kind = try #require(f.live?.editor?.kind)
    let letters = Set(NoteKind.allCases.map(NoteEditorState.letter(of:)))
    let typed = try #require(
      ["L", "z", "é", "7", "王"].first { !letters.contains(Character($0.lowercased())) })
    f.press(.tab)
    f.type("\(typed)icensing data is late")
    #expect(f.live?.editor?.mode == .writing)
    #expect(f.live?.editor?.kind == kind)
    #expect(f.live?.editor?.line.string == "\(typed)icensing data is late")
    // The arrows still move among the kinds (the text field would take them for the cursor).
    f.press(.tab, .right)
    #expect(f.live?.editor?.mode != .choosingKind(highlight: kind))
    f.press(.left)
    #expect(f.live?.editor?.mode == .choosingKind(highlight: kind))
    f.press(.escape)
    f.press(.tab)
    f.runner.handle(.paste(" and so are the figures"))
    #expect(f.live?.editor?.mode == .writing)
    #expect(f.live?.editor?.line.string == "\(typed)icensing data is late and so are the figures")
  }

  /// A sentence typed before Enter went to the commands its letters name: in "The day went
  /// well", "e" opened the last note for correction and the rest went into it. A letter no key
  /// binds now opens a note with itself as its first letter, as a paste does.
  @Test func aSentenceTypedWithTheNoteLineClosedIsANote() throws {
    let f = try LiveFixture()
    f.writeNote("Licensing data is late")
    for sentence in ["The day went well", "7 agencies named", "Über die Grenze", "王 said so"] {
      f.type(sentence)
      #expect(f.live?.editor?.line.string == sentence)
      #expect(f.live?.editor?.editing == nil)
      f.press(.enter)
      #expect(f.live?.editor == nil)
      #expect(f.live?.session.notes.last?.text == sentence)
    }
    #expect(f.live?.session.notes.first?.text == "Licensing data is late")
    #expect(f.live?.session.notes.count == 5)
    #expect(f.runner.state.overlay == nil)
    // A letter that names a command is still the command.
    f.type("s")
    #expect(f.live?.showSchedule == true)
    #expect(f.live?.editor == nil)
  }

  /// A question is answered yes by `y` only (deleting a note on the live screen, by Enter),
  /// and no by any other letter: "dye" typed with no note open asked at "d" to delete the last
  /// note, and the "y" said yes.
  @Test func aLetterOtherThanYesAnswersAQuestionNo() throws {
    let f = try LiveFixture()
    f.writeNote("Licensing data is late")
    f.type("q")
    #expect(f.runner.state.overlay != nil)
    f.type("Y")
    #expect(f.runner.state.overlay == nil)
    #expect(f.runner.state.notice == App.cancelledNotice)
    #expect(f.runner.state.screen is LiveState)
    // The "Y" no key binds on the live screen began a note, which Esc puts away at once: it
    // holds only the key that opened it.
    #expect(f.live?.editor?.line.string == "Y")
    f.press(.escape)
    #expect(f.live?.editor == nil)
    // Opened with Enter, one letter typed is the facilitator's: Esc asks.
    f.press(.enter)
    f.type("y")
    f.press(.escape)
    #expect(f.live?.editor?.mode == .askingDiscard)
    f.type("y")
    #expect(f.live?.editor == nil)
    // Cancelled by a capital, the question passes it on alone: it begins the note.
    f.type("dT")
    #expect(f.runner.state.overlay == nil)
    #expect(f.runner.state.notice == App.cancelledByEnterNotice)
    f.type("he group")
    #expect(f.live?.editor?.line.string == "The group")
    // Two letters or more, Esc asks before throwing them away.
    f.press(.escape)
    #expect(f.live?.editor?.mode == .askingDiscard)
    f.type("y")
    #expect(f.live?.editor == nil)
    // A space (a key: pause) answers no and does nothing more; a digit (no key) begins a note.
    let paused = f.live?.session.isPaused
    f.type("d ")
    #expect(f.runner.state.overlay == nil && f.live?.editor == nil)
    #expect(f.live?.session.isPaused == paused)
    f.type("d3")
    #expect(f.runner.state.overlay == nil && f.live?.editor?.line.string == "3")
    #expect(f.live?.session.notes.first?.isDeleted == false)
    f.press(.escape)
    // Arrows leave the question as it was; Enter says yes.
    f.type("d")
    f.press(.down, .up)
    #expect(f.runner.state.overlay != nil)
    f.press(.enter)
    #expect(f.runner.state.overlay == nil)
    #expect(f.live?.session.notes.first?.isDeleted == true)
  }

  /// A word typed with no note open that begins with `d` or `q` asks nothing it could answer
  /// yes to, and goes into a note whole, even when its next letter is a key: "dysfunctional"
  /// deleted the picked note at "d", "y"; "deny" moved on a phase at its "n".
  @Test func aWordBeginningWithAKeyThatAsksIsANoteWhole() throws {
    let f = try LiveFixture()
    f.writeNote("Licensing data is late")
    let slot = f.live?.session.currentSlot
    let words = [
      "dysfunctional partnership", "question time", "deny access", "dead end", "day one",
      "add more", "quite so",
    ]
    for words in words {
      f.type(words)
      #expect(f.runner.state.overlay == nil)
      #expect(f.live?.editor?.line.string.hasSuffix(words.dropFirst()) == true, "\(words)")
      f.press(.enter)
    }
    let notes = try #require(f.live?.session.visibleNotes.map(\.text))
    #expect(notes.first == "Licensing data is late")
    // "add" loses its "a", a key (last time's actions) that only said what it is for; the
    // rest of every word is there, and nothing was deleted or moved on.
    #expect(
      Array(notes.dropFirst())
        == words.map { $0.hasPrefix("a") ? String($0.dropFirst()) : $0 }, "\(notes)")
    #expect(f.live?.session.currentSlot == slot)
    #expect(f.live?.session.notes.allSatisfy { !$0.isDeleted && $0.editedAt == nil } == true)
    // Asked to delete, `y` and `d` are letters like any other: the note stays.
    f.type("d")
    #expect(f.text.contains("Enter deletes"), "\(f.text)")
    #expect(f.text.contains("Esc no"))
    f.type("d")
    #expect(f.runner.state.overlay == nil && f.live?.editor?.line.string == "dd")
    f.press(.escape)
    f.type("y")
    #expect(f.live?.session.visibleNotes.count == words.count + 1)
  }

  /// Ctrl-C in the note line asks whether to leave; a letter typed on is the note's. With
  /// the line closed, Ctrl-C asks as `q` does, but begins no word with a "q".
  @Test func aLetterTypedOnAfterCtrlCInTheNoteLineIsTheNotes() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("The start")
    f.press(.control("c"))
    #expect(f.runner.state.overlay != nil)
    f.type(". The rest")
    #expect(f.runner.state.overlay == nil)
    #expect(f.live?.editor?.line.string == "The start. The rest")
    f.press(.enter)
    f.press(.control("c"))
    #expect(f.runner.state.overlay != nil)
    f.type("up next")
    #expect(f.runner.state.overlay == nil)
    #expect(f.live?.editor?.line.string == "up next")
  }

  @Test func everyPersonIsThreeKeysFromTheNoteLine() throws {
    let f = try LiveFixture()
    let starts: [(String, Int)] = [("z", 0), ("a", 1), ("王", 2)]
    for (typed, person) in starts {
      f.press(.enter)
      f.press(.control("s"))
      f.type(typed)
      f.press(.enter)
      #expect(f.live?.editor?.speaker == person, "\(typed)")
      #expect(f.live?.editor?.mode == .writing)
      f.press(.escape)
    }
  }

  /// At 80 columns an action's details line ran out of room: "owner: Amira O'Neill [C…".
  /// The keys go first, the names stay; at a width where all fits, the keys show; an advice
  /// flag beside them still shows whole.
  @Test func theDetailsLineKeepsTheNamesAndDropsTheKeysWhenNarrow() throws {
    for width in [80, 120] {
      let f = try LiveFixture(width: width)
      f.press(.enter)
      f.type("Share the data")
      f.press(.control("s"))
      f.type("ami")
      f.press(.enter, .control("o"))
      f.type("ami")
      f.press(.enter)
      #expect(f.live?.editor?.owner == 1 && f.live?.editor?.speaker == 1)
      let row = try #require(f.screen.lines.first { $0.contains("kind: action") })
      let trimmed = row.trimmingCharacters(in: .whitespaces)
      if width == 80 {
        #expect(
          trimmed == "kind: action · speaker: Amira O'Neill · owner: Amira O'Neill", "\(row)")
      } else {
        #expect(
          trimmed
            == "kind: action [Tab] · speaker: Amira O'Neill [S-Tab] · owner: Amira O'Neill [Ctrl-O]"
        )
      }
    }
  }

  @Test func choosingAnOwnerMakesTheNoteAnAction() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("Share the data")
    #expect(f.live?.editor?.kind == .other)
    f.press(.control("o"))
    f.type("小")
    f.press(.enter, .enter)
    let note = try #require(f.live?.session.visibleNotes.last)
    #expect(note.kind == .action)
    #expect(note.owner == 2)
    #expect(note.text == "Share the data")
  }

  @Test func aPersonChoiceCanBeNarrowedMovedAndLeft() throws {
    let f = try LiveFixture()
    f.press(.enter, .backTab)
    // Nothing typed: everyone and "none", the current speaker (none) highlighted.
    #expect(f.text.contains("Zoë Müller · Amira O'Neill · 王小明 · none"))
    f.press(.up, .enter)
    #expect(f.live?.editor?.speaker == 2)
    f.press(.backTab)
    f.type("qq")
    #expect(f.text.contains("no one matches"))
    f.press(.backspace, .backspace)
    f.type("O'N")
    f.press(.enter)
    #expect(f.live?.editor?.speaker == 1)
    f.press(.backTab)
    f.type("zoe")
    f.press(.escape)
    #expect(f.live?.editor?.speaker == 1)
    #expect(f.live?.editor?.mode == .writing)
  }

  /// Someone who left early is still offered, for a note on what they said before they went,
  /// but after those still in the room, dimmed: Enter on the first letter picked whoever came
  /// first in the list, gone home or not.
  @Test func whoLeftEarlyIsOfferedLastAndDimmed() throws {
    let f = try LiveFixture()
    f.press(.character("w"))
    let rows = try #require(f.runner.state.screen as? GroupState).rows
    let zoe = try #require(rows.firstIndex(of: 0))
    for _ in 0..<zoe { f.press(.down) }
    f.press(.character("l"), .escape)
    #expect(f.live?.session.departures[0] != nil)
    f.press(.enter, .backTab)
    #expect(f.text.contains("Amira O'Neill · 王小明 · Zoë Müller · none"), "\(f.text)")
    let row = try #require(f.screen.lines.firstIndex { $0.contains("speaker ▸") })
    let column = try #require(f.screen.lines[row].range(of: "Zoë"))
    let x = String(f.screen.lines[row][..<column.lowerBound]).displayWidth
    #expect(f.screen[x, row].style == Theme.muted)
    // "none", the current speaker, is highlighted where it now stands; Up picks Zoë still.
    f.press(.up, .enter)
    #expect(f.live?.editor?.speaker == 0)
    // Her name typed finds her still; a letter that matches her and someone in the room
    // offers who is in the room first.
    f.press(.backTab)
    f.type("mu")
    f.press(.enter)
    #expect(f.live?.editor?.speaker == 0)
    let people = ["Zoë Müller", "Amira O'Neill", "Zara Khan"]
    #expect(NoteEditorState.candidates("z", people: people, left: [0]) == [2, 0])
    #expect(NoteEditorState.candidates("", people: people, left: [0]) == [1, 2, 0, nil])
    f.press(.backTab)
    #expect(f.text.contains("Amira O'Neill · 王小明 · Zoë Müller · none"))
    f.press(.escape)
    #expect(f.live?.editor?.speaker == 0)
  }

  /// Typed while the window is too small, the letters went into the note but Backspace did
  /// not, and "the levy" came out "the levyq": corrections go in with the letters, Enter
  /// waits, and the window says typing goes on.
  @Test func aNoteTypedInATooSmallWindowTakesItsCorrections() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("the levy")
    f.runner.handle(.resize(width: 60, height: 15))
    #expect(f.text.contains("Typing still goes into"), "\(f.text)")
    f.type(" isq")
    f.press(.backspace, .enter, .left, .left, .left, .control("w"))
    f.type("a")
    f.runner.handle(.resize(width: 80, height: 24))
    #expect(f.live?.editor?.line.string == "the a is", "\(String(describing: f.live?.editor))")
    #expect(f.live?.session.visibleNotes.isEmpty == true)
    // With no field open, the window says nothing of typing.
    f.press(.escape, .character("y"))
    f.runner.handle(.resize(width: 60, height: 15))
    #expect(!f.text.contains("Typing still goes into"), "\(f.text)")
  }

  /// The highlighted person always shows: ↑↓ moved the highlight onto names cut off at the
  /// end of the line, and Enter picked someone nobody could see; a first name longer than the
  /// line showed as "…" alone.
  @Test func theHighlightedPersonIsAlwaysShown() {
    let people = ["Zoë Müller", "Amira O'Neill", "王小明", "Siobhán Ní Bhriain", "Sam Patel"]
    func line(highlight: Int, people: [String] = people) -> String {
      var grid = Grid(width: 60, height: 1)
      var choice = PersonChoice(role: .speaker)
      choice.highlight = highlight
      _ = NoteEditorView.drawPeople(
        choice, people: people, into: &grid, area: Rect(x: 0, y: 0, width: 60, height: 1))
      return grid.lines[0]
    }
    #expect(line(highlight: 0).contains("Zoë Müller · Amira O'Neill · 王小明…"))
    for highlight in 0...people.count {
      let name = highlight < people.count ? people[highlight] : "none"
      #expect(
        line(highlight: highlight).contains(name), "\(highlight): \(line(highlight: highlight))")
    }
    #expect(line(highlight: people.count).contains("… "))
    let long = String(repeating: "Long Name ", count: 9)
    #expect(line(highlight: 0, people: [long, "Ann Lee"]).contains("Long Name Long"))
  }

  @Test func typeAheadIgnoresAccentsAndCaseAndFindsAnyPartOfAName() {
    let names = ["Zoë Müller", "Amira O'Neill", "王小明", "Jean-Luc Picard", "ＡＢＣ Wide"]
    #expect(PersonMatcher.matches("zoe", in: names) == [0])
    #expect(PersonMatcher.matches("MU", in: names) == [0])
    #expect(PersonMatcher.matches("neil", in: names) == [1])
    #expect(PersonMatcher.matches("o'n", in: names) == [1])
    // A name pasted from a document keeps its curly apostrophe; a terminal types a straight one.
    #expect(PersonMatcher.matches("o’n", in: names) == [1])
    #expect(PersonMatcher.matches("o'b", in: ["Seán O’Brien"]) == [0])
    #expect(PersonMatcher.matches("王", in: names) == [2])
    #expect(PersonMatcher.matches("小明", in: names) == [2])
    #expect(PersonMatcher.matches("明", in: names) == [2])
    #expect(PersonMatcher.matches("luc", in: names) == [3])
    #expect(PersonMatcher.matches("abc", in: names) == [4])
    #expect(PersonMatcher.matches("ll", in: names).isEmpty)
    #expect(PersonMatcher.matches(" ", in: names) == [0, 1, 2, 3, 4])
    // A name that starts with what is typed comes before one with a later part that does.
    #expect(PersonMatcher.matches("gra", in: ["Bill Grace", "Grace Hope"]) == [1, 0])
    #expect(PersonMatcher.matches("gra", in: ["Grace Hope", "Bill Grace"]) == [0, 1])
    // Typed on a keyboard of the other Chinese script: 黃 finds 黄伟, 伟 finds 黃偉.
    #expect(PersonMatcher.matches("黃", in: ["Zoë Müller", "黄伟"]) == [1])
    #expect(PersonMatcher.matches("伟", in: ["黃偉", "黄伟"]) == [0, 1])
  }

  @Test func theNoteLineBindsNoPrintableKey() {
    for context in [KeyContext.editor, .personChoice, .textField] {
      for binding in Keymap.bindings(for: context) {
        for key in binding.keys {
          if case .character = key { Issue.record("\(context) binds printable \(key)") }
        }
      }
    }
  }

  @Test func aNewNoteAfterEditingBringsTheTranscriptBackToTheNewest() throws {
    let f = try LiveFixture()
    for n in 1...8 {
      f.press(.enter)
      f.type("note \(n)")
      f.press(.enter)
    }
    f.press(.up, .character("e"), .enter)
    #expect(f.live?.selectedNote == 8)
    f.press(.enter)
    f.type("note 9")
    f.press(.enter)
    #expect(f.live?.selectedNote == nil)
    let transcript = f.screen.lines.filter { $0.contains(": note ") }
    #expect(transcript.last?.trimmingCharacters(in: .whitespaces).hasSuffix("note 9") == true)
  }

  @Test func theNoteLineGrowsWithItsTextAndShrinksBack() throws {
    let f = try LiveFixture()
    f.press(.enter)
    let long = Array(repeating: "licensing and public health rarely meet", count: 5)
      .joined(separator: " ")
    f.type(long)
    expectGolden(f.screen, "live-long-note-80x24")
    let rows = f.screen.lines.indices.filter { f.screen.lines[$0].hasPrefix(" Note ▸ ") }
    let first = try #require(rows.first)
    // Wrapped under its label, whole words, and the cursor on the last row after the text.
    let cursor = try #require(f.terminal.cursor)
    #expect(cursor.y == first + 2)
    let row = f.screen.lines[cursor.y].trimmingCharacters(in: .whitespaces)
    #expect(row.hasSuffix("meet"))
    // The cursor stands just after the last word.
    let end = try #require(f.screen.lines[cursor.y].range(of: "meet", options: .backwards))
    #expect(cursor.x == f.screen.lines[cursor.y][..<end.upperBound].count)
    for _ in 0..<150 { f.press(.backspace) }
    let lines = f.screen.lines
    let shrunk = try #require(lines.firstIndex { $0.hasPrefix(" Note ▸ licensing") })
    #expect(f.terminal.cursor?.y == shrunk)
    // One row again, right above the notice: the transcript has its rows back.
    #expect(shrunk == lines.count - 3)
  }

  @Test func aNoteLongerThanTheRoomScrollsToItsCursor() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type(String(repeating: "word ", count: 150) + "end")
    _ = f.screen
    let cursor = try #require(f.terminal.cursor)
    #expect(f.screen.lines[cursor.y].trimmingCharacters(in: .whitespaces).hasSuffix("end"))
    // The transcript keeps its six rows and its rule.
    let rule = try #require(f.screen.lines.firstIndex { $0.contains("─ Transcript") })
    let label = try #require(f.screen.lines.firstIndex { $0.contains("kind: other") })
    #expect(label - rule - 1 >= 6)
    f.press(.home)
    _ = f.screen
    #expect(f.terminal.cursor?.x == " Note ▸ ".count)
    #expect(f.terminal.cursor.map { f.screen.lines[$0.y].hasPrefix(" Note ▸ word word") } == true)
  }

  @Test func at80x24TheTranscriptShowsSixLinesWhileANoteIsWritten() throws {
    let f = try LiveFixture(consultingProtocol: BuiltInProtocols.systemsLearningGroup)
    f.press(.character("n"), .character("n"))
    for n in 1...8 {
      f.press(.enter)
      f.type("question \(n): what would success look like for you?")
      f.press(.enter)
    }
    f.press(.enter)
    f.type("What have you tried so far")
    expectGolden(f.screen, "live-slg-writing-80x24")
    let lines = f.screen.lines
    let rule = try #require(lines.firstIndex { $0.contains("─ Transcript") })
    let details = try #require(lines.firstIndex { $0.contains("kind: question") })
    #expect(details - rule - 1 >= 6)
    #expect(lines[rule - 3].contains("g more"))
    // g (with the note line closed) unfolds the guidance; again folds it.
    f.press(.escape, .character("y"), .character("g"))
    #expect(f.live?.guidanceUnfolded == true)
    #expect(f.text.contains("The group asks open questions"))
    f.press(.character("g"))
    #expect(!f.text.contains("The group asks open questions"))
  }
}

@Suite struct SignalKeyTests {
  @Test func ctrlCAsksAsQDoesOnTheLiveScreenAndInTheNoteLine() throws {
    let f = try LiveFixture()
    f.press(.control("c"))
    #expect(f.text.contains("Leave the session?"))
    f.press(.character("n"), .enter)
    f.type("half a thought")
    f.press(.control("c"))
    #expect(f.text.contains("The note being written is kept for then."))
    // Wrapped in its box at 80 columns, the question keeps its end: its " y/n" was cut to "…".
    #expect(f.text.contains("y/n"), "\(f.text)")
    f.press(.character("n"))
    #expect(f.live?.editor?.line.string == "half a thought")
  }

  @Test func ctrlCWhereQIsTypedTextAsksToQuit() throws {
    let terminal = MemoryTerminal()
    let runner = AppRunner(
      terminal: terminal, services: try testServices(),
      state: AppState(screen: SetupState(protocols: [])))
    runner.handle(.key(.control("c")))
    runner.drawFrame()
    #expect(terminal.screen.lines.joined().contains("Quit PeerConsult?"))
    #expect(runner.handle(.key(.character("y"))) == 0)
  }

  @Test func ctrlZSuspendsAndRedrawsCtrlBackslashHints() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("kept")
    f.press(.control("z"))
    #expect(f.terminal.suspensions == 1)
    #expect(f.live?.editor?.line.string == "kept")
    f.press(.control("\\"))
    #expect(f.text.contains("Ctrl-\\ does nothing here"))
    #expect(f.live?.editor?.line.string == "kept")
  }
}
