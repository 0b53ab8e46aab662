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
