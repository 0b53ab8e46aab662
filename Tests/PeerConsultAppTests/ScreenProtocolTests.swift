import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// The shape every screen shares: screens get actions from the one keymap (text only in a
/// focused field), results come back typed, and the help is generated from the table.
@Suite struct ScreenProtocolTests {
  /// A screen declared the way a new one would be: one type, its context, action and
  /// binding beside it. It is not registered, so its keys are looked up through its own
  /// table here, which is what registration adds to `Keymap`.
  private struct Counter: Screen {
    static let context = KeyContext("counter", title: "Counter")
    static let bump = Action("bump")
    static let keyBindings = [
      KeyBinding([.character("b")], Counter.bump, "bump", "Count one more", in: [Counter.context])
    ]
    var count = 0
    var keyContext: KeyContext { Self.context }
    func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
      ("Counter", "\(count)")
    }
    func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
      x: Int, y: Int
    )? {
      grid.put("count \(count)", x: area.x, y: area.y)
      return nil
    }
    mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
      switch input {
      case .action(Self.bump): count += 1
      case .action(.quit): return [.leave(to: .review)]
      default: break
      }
      return [.notice(Notice("counted"))]
    }
  }

  @Test func appDrawsAndDrivesAnyScreenWithoutKnowingIt() {
    var state = AppState(screen: Counter())
    _ = App.update(&state, .result(.sessionLeft(resume: "peerconsult resume 5e551011")))
    #expect((state.screen as? Counter)?.count == 0)
    #expect(state.notice?.text == "counted", "a screen's notice effect reaches the app")
    // A paste that goes nowhere (no field, nothing a paste opens) leaves the notice alone.
    _ = App.update(&state, .paste("pasted"))
    #expect(state.notice?.text == "counted")
    var counter = state.screen as? Counter
    _ = counter?.update(.action(Counter.bump), state.environment)
    state.screen = counter ?? Counter()
    let text = App.render(state).grid.lines
    #expect(text[0].contains("Counter") && text[0].hasSuffix("1 "))
    #expect(text[1].contains("count 1"))
  }

  @Test func leavingGoesHomeOrLeavesTheProgramStartedForOneTask() {
    var state = AppState(screen: Counter())
    var counter = Counter()
    let effects = counter.update(.action(.quit), state.environment)
    #expect(App.apply(effects, &state) == [.command(.countUnfinished)])
    #expect((state.screen as? HomeState)?.selection == HomeScreen.Entry.review.rawValue)
    var task = AppState(screen: Counter())
    task.leavesProgram = true
    #expect(App.apply(effects, &task) == [.exit(0)])
  }

  @Test func printableKeysReachAScreenOnlyAsTextAndOnlyInAFocusedField() throws {
    // The live screen without an open note: `n` is an action, never text.
    let live = try LiveScreenFixtureState.make()
    #expect(App.input(for: .character("n"), on: live) == .action(.nextPhase))
    #expect(App.input(for: .character("é"), on: live) == nil)
    var writing = live
    writing.editor = NoteEditorState(kind: .question)
    #expect(App.input(for: .character("n"), on: writing) == .text("n"))
    #expect(App.input(for: .character("?"), on: writing) == .text("?"))
    #expect(App.input(for: .home, on: writing) == .action(.lineStart))
    #expect(App.input(for: .control("w"), on: writing) == .action(.deleteWordBackward))
    #expect(App.input(for: .enter, on: writing) == .action(.saveNote))
  }

  @Test func everyRegisteredScreenContributesItsBindingsToTheOneTable() {
    for screen in ScreenRegistry.screens {
      for binding in screen.keyBindings {
        #expect(
          Keymap.table.contains { $0.action == binding.action && $0.keys == binding.keys },
          "\(screen) binding \(binding.keys) missing from the keymap")
      }
    }
    // The text field's Ctrl chords are in the table too, not only in the editor's code.
    for key: Key in [.control("a"), .control("e"), .control("k"), .control("h"), .control("u")] {
      #expect(Keymap.action(for: key, in: .textField) != nil, "\(key) not in the keymap")
    }
  }

  @Test func contextsWhereTypingTypesBindNoPrintableKey() {
    for context in KeyContext.allCases where context.typesText {
      for binding in Keymap.bindings(for: context) {
        for key in binding.keys {
          if case .character = key, context != .confirm {
            Issue.record("\(context) binds printable \(key)")
          }
        }
      }
    }
  }

  @Test func theHelpListsEveryKeyOfItsContextAndItsSections() {
    for context in KeyContext.allCases {
      let rows = HelpOverlay.lines(for: context)
      for section in [context] + context.helpSections {
        for binding in Keymap.bindings(for: section) {
          let keys = binding.keys.map(\.description).joined(separator: " ")
          #expect(
            rows.contains { $0.key.contains(keys) && $0.help == binding.help },
            "help of \(context) lacks \(keys): \(binding.help)")
        }
      }
    }
  }

  @Test func theHelpScrollsToItsLastRowAndSaysWhatIsBelow() throws {
    let runner = AppRunner(
      terminal: MemoryTerminal(), services: try testServices(),
      state: AppState(screen: SetupFixture.empty()))
    runner.handle(.key(.function(1)))
    let first = App.render(runner.state).grid.lines.joined(separator: "\n")
    #expect(first.contains("more below"))
    #expect(!first.contains("Delete the word before"))
    for _ in 0..<10 { runner.handle(.key(.down)) }
    let last = App.render(runner.state).grid.lines.joined(separator: "\n")
    #expect(last.contains("Delete the word before"))
    #expect(!last.contains("more below"))
    runner.handle(.key(.character("q")))
    #expect(runner.state.overlay == nil, "q closes the help, as the table says")
  }

  @Test func servicesAcknowledgeANoteByItsIdAndAFailureByItsCommand() throws {
    let f = try LiveFixture()
    let content = NoteContent(text: "What have you tried?", kind: .question)
    guard case .noteSaved(let id, let session) = f.services.perform(.session(.addNote(content)))
    else {
      Issue.record("a stored note was not acknowledged as saved")
      return
    }
    #expect(id == 1)
    #expect(session.note(id)?.text == "What have you tried?")
    f.store.failNextAppend = true
    guard
      case .failed(.session(.addNote(content)), let error, latest: nil) = f.services.perform(
        .session(.addNote(content)))
    else {
      Issue.record("a failed write was not reported as the command's failure")
      return
    }
    #expect(error.contains("the disk is full"))
    // The screen, not the services, words it and keeps the note in the editor.
    f.press(.enter)
    f.type("kept")
    f.store.failNextAppend = true
    f.press(.enter)
    #expect(f.runner.state.notice?.text == "Not saved: " + error)
    #expect(f.live?.editor?.line.string == "kept")
  }

  @Test func theTooSmallWindowsQuitIsInTheTable() {
    #expect(Keymap.action(for: .character("q"), in: .tooSmall) == .quit)
  }
}

/// A live screen on a session made in memory, for input tests that need no store.
enum LiveScreenFixtureState {
  static func make() throws -> LiveState {
    let setup = SessionSetup(
      title: "T", programme: "", consultingProtocol: LiveFixture.drill,
      participants: LiveFixture.participants, rounds: [SessionRound(presenter: 0)])
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    var session = try SessionState(setup: setup, createdAt: now)
    try session.apply(.phaseStarted(slot: 0), at: now)
    return LiveState(sessionID: .random(), session: session, now: now)
  }
}
