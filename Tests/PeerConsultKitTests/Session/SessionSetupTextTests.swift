import Foundation
import Testing

@testable import PeerConsultKit

/// Texts no one can type are refused where a session comes in, naming the field (issue 14,
/// item 2); a stored session holding them still replays.
@Suite struct SessionSetupTextTests {
  static func setup(_ change: (inout SessionSetup) -> Void) -> SessionSetup {
    var setup = Fixtures.setup()
    change(&setup)
    return setup
  }

  @Test(arguments: [
    ("title", setup { $0.title = "Night\u{1B}]0;owned\u{07}" }),
    ("programme", setup { $0.programme = "Alcohol\u{9B}2J" }),
    ("focus question of round 1", setup { $0.rounds[0].focusQuestion = "Why\u{7F}?" }),
    ("name of participant 2", setup { $0.participants[1].name = "Ben\nSmith" }),
    ("organisation of participant 3", setup { $0.participants[2].organisation = "Po\u{0}lice" }),
  ])
  func aControlCharacterIsRefusedNamingTheField(field: String, setup: SessionSetup) throws {
    #expect(throws: SessionError.self) { try setup.validateTypedText() }
    do {
      try setup.validateTypedText()
    } catch {
      #expect(error.description.contains("the \(field) contains a control character (U+"))
      #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }
    let store = try AppDatabase.inMemory()
    #expect(throws: SessionError.self) { _ = try LiveSession.create(setup, store: store) }
    #expect(try store.sessions().isEmpty)
  }

  @Test func aTitleLongerThanItsFieldIsRefused() {
    let setup = Self.setup { $0.title = String(repeating: "t", count: 201) }
    #expect(throws: SessionError.invalidSetup("the title has 201 characters; it takes at most 200"))
    {
      try setup.validateTypedText()
    }
  }

  @Test func aStoredSessionHoldingControlCharactersStillReplays() throws {
    let setup = Self.setup { $0.title = "Night\u{1B}[2J" }
    let created = RecordedEvent(sequence: 1, at: Fixtures.start, event: .created(setup: setup))
    #expect(try SessionState.replay([created]).setup.title == setup.title)
  }

  @Test func typedTextPasses() throws {
    try Fixtures.setup().validateTypedText()
  }
}
