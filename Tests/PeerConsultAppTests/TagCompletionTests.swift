import Foundation
import PeerConsultKit
import TerminalKit
import TestSupport
import Testing

@testable import PeerConsultApp

/// Ctrl-T in the note line finishes a `#tag` from the programme's tags.
@Suite struct TagCompletionTests {
  private func line(_ text: String, cursor: Int? = nil) -> LineEditor {
    var editor = LineEditor(text)
    if let cursor {
      for _ in 0..<(text.count - cursor) { _ = editor.apply(.cursorLeft) }
    }
    return editor
  }

  private let known = ["licensing", "night-time-economy", "licence-fees", "outreach"]

  @Test func offersTheKnownTagsThatContinueWhatWasTyped() throws {
    let completion = try #require(TagCompletion.at(line("Late #lic"), known: known))
    #expect(completion.candidates == ["licensing", "licence-fees"])
    #expect(completion.typedLength == 4)
    #expect(TagCompletion.at(line("#LIC"), known: known)?.candidates.count == 2, "any case")
    #expect(TagCompletion.at(line("#night_t"), known: known)?.candidates == ["night-time-economy"])
    #expect(TagCompletion.at(line("#飲"), known: ["飲酒"])?.candidates == ["飲酒"])
  }

  @Test func offersNothingWhereNoTagIsBeingFinished() {
    #expect(TagCompletion.at(line("Late lic"), known: known) == nil, "no #")
    #expect(TagCompletion.at(line("C#lic"), known: known) == nil, "not a tag start")
    #expect(TagCompletion.at(line("#"), known: known) == nil, "nothing typed yet")
    #expect(TagCompletion.at(line("#licensing"), known: known) == nil, "already whole")
    #expect(TagCompletion.at(line("#lic here", cursor: 3), known: known) == nil, "mid-word")
    #expect(TagCompletion.at(line("#zzz"), known: known) == nil, "nothing continues it")
    #expect(TagCompletion.at(line("#lic"), known: []) == nil)
  }

  /// The completion reads only the word before the cursor; over random notes and cursors it
  /// offers what parsing the whole text before the cursor offers.
  @Test func readingTheWordBeforeTheCursorFindsWhatTheWholeTextWould() {
    var random = SeededGenerator(seed: 19)
    // Pieces that make and unmake tags: a `#` after a letter, `&` or `@` starts none, a
    // joiner continues one, an accent or an ideographic space ends a word or not.
    let pieces = [
      "#lic", "#li", "#王", "#", "C", "&", "@", "-", "_e", "i", " ", ".", "\u{301}", "\u{3000}",
    ]
    var offered = 0
    for _ in 0..<3_000 {
      let text = (0..<Int.random(in: 1...8, using: &random)).map { _ in
        pieces.randomElement(using: &random)!
      }.joined()
      let editor = line(text, cursor: Int.random(in: 0...text.count, using: &random))
      let tags = ["licensing", "lic-e", "王"]
      let found = TagCompletion.at(editor, known: tags)
      #expect(
        found == Self.wholeTextCompletion(editor, known: tags),
        "\(editor.string) at \(editor.cursor)")
      if found != nil { offered += 1 }
    }
    #expect(offered > 50)
  }

  /// The completion as it was first written: every tag in the text before the cursor.
  private static func wholeTextCompletion(_ line: LineEditor, known: [String]) -> TagCompletion? {
    guard !known.isEmpty, line.cursor > 0 else { return nil }
    if line.cursor < line.text.count, NoteTag.isTagCharacter(line.text[line.cursor]) {
      return nil
    }
    let before = String(line.text[..<line.cursor])
    guard let typed = NoteTag.all(in: before).last, typed.range.upperBound == before.endIndex
    else { return nil }
    let candidates = known.filter {
      NoteTag.key(of: $0).hasPrefix(typed.key) && NoteTag.key(of: $0) != typed.key
    }
    return candidates.isEmpty
      ? nil : TagCompletion(typedLength: typed.text.count + 1, candidates: candidates)
  }

  @Test func completingWritesTheKnownSpellingInPlace() throws {
    var editor = line("Late #LIC hours", cursor: 9)
    let completion = try #require(TagCompletion.at(editor, known: known))
    #expect(completion.complete(&editor))
    #expect(editor.string == "Late #licensing hours")
    #expect(editor.cursor == 15)
  }

  @Test func aCompletionThatWouldPassTheLimitChangesNothing() throws {
    var editor = LineEditor("#lic", limit: 6)
    let completion = try #require(TagCompletion.at(editor, known: known))
    #expect(!completion.complete(&editor))
    #expect(editor.string == "#lic")
  }

  @Test func ctrlTIsTheNoteLinesTagKeyAndNothingElses() {
    #expect(Keymap.action(for: .control("t"), in: .editor) == .completeTag)
    #expect(Keymap.action(for: .control("t"), in: .personChoice) == nil)
  }

  @Test func theLiveNoteLineCompletesFromTheProgrammesTagsAndLearnsNewOnes() throws {
    let f = try LiveFixture()
    // Another session of the programme already used two tags.
    let earlier = try LiveSession.create(
      SessionSetup(
        title: "Earlier", programme: "Alcohol Plan", consultingProtocol: LiveFixture.drill,
        participants: LiveFixture.participants, presenters: [0]),
      store: f.store.database)
    try earlier.start()
    try earlier.addNote(NoteContent(text: "#licensing once", kind: .theme))
    try earlier.addNote(NoteContent(text: "#Licensing twice", kind: .theme))
    try earlier.addNote(NoteContent(text: "#licence-fees", kind: .theme))
    f.runner.perform(.loadTags(programme: "Alcohol Plan"))
    #expect(f.live?.knownTags == ["Licensing", "licence-fees"], "most used first, as last written")

    f.press(.enter)
    f.type("Late #Lic")
    #expect(f.text.contains("tag: #Licensing · #licence-fees"))
    f.press(.control("t"))
    #expect(f.live?.editor?.line.string == "Late #Licensing")
    f.type(" and #outreach")
    f.press(.enter)
    #expect(f.live?.knownTags == ["Licensing", "licence-fees", "outreach"])
    f.press(.enter)
    f.type("#out")
    f.press(.control("t"))
    #expect(f.live?.editor?.line.string == "#outreach")
  }

  @Test func theTagRowAt80x24() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("First #licensing and #licence-fees")
    f.press(.enter)
    f.press(.enter)
    f.type("Then #li")
    expectGolden(f.screen, "live-tag-completion-80x24")
  }
}
