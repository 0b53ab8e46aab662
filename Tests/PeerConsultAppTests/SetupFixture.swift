import Foundation
import PeerConsultKit

@testable import PeerConsultApp
@testable import TerminalKit

/// Setup forms filled the way a facilitator would: by keys, turned into inputs by the keymap
/// as `App` does, through the form's `update`.
enum SetupFixture {
  static let previousProgrammes = ["Alcohol Plan", "Housing First", "Night-time Economy"]

  static func empty() -> SetupState {
    SetupState(protocols: BuiltInProtocols.all, previousProgrammes: previousProgrammes)
  }

  /// Sends each character of `text` as a key; returns the last outcome.
  @discardableResult
  static func type(_ text: String, into state: inout SetupState) -> SetupOutcome {
    var outcome = SetupOutcome.stay
    for character in text { outcome = send(.character(character), to: &state) }
    return outcome
  }

  /// Sends keys in order; returns the last outcome.
  @discardableResult
  static func press(_ keys: Key..., into state: inout SetupState) -> SetupOutcome {
    var outcome = SetupOutcome.stay
    for key in keys { outcome = send(key, to: &state) }
    return outcome
  }

  /// One key as `App` delivers it; the form's effects read back as what they lead to.
  private static func send(_ key: Key, to state: inout SetupState) -> SetupOutcome {
    guard let input = App.input(for: key, on: state) else { return .stay }
    let effects = state.update(input, ScreenEnvironment(now: Date(timeIntervalSince1970: 0)))
    for effect in effects {
      switch effect {
      case .command(.startSession(let setup)): return .start(setup)
      case .leave: return .cancel
      default: continue
      }
    }
    return .stay
  }

  /// Types each line in the Add field followed by Enter; focus ends on the Add field.
  static func add(_ lines: [String], to state: inout SetupState) {
    state.focus = .newParticipant
    for line in lines {
      type(line, into: &state)
      press(.enter, into: &state)
    }
  }

  static let group = [
    "Asha Kaur; City Council; senior",
    "Ben O'Neill; NHS Devon; frontline",
    "Chloé Dubois; Devon & Cornwall Police; middle",
    "山田 花子; Hoe Community Trust; frontline",
    "Siobhán Ó Briain; City Council; senior",
  ]

  /// A filled form: title, a previous programme, five people across levels and
  /// organisations, Ben moved first, Siobhán not presenting, focus questions for Asha and Ben.
  /// Focus ends on Ben's focus question.
  static func filled() -> SetupState {
    var state = empty()
    type("Night-time economy: who owns the problem?", into: &state)
    press(.tab, into: &state)
    type("alc", into: &state)
    press(.down, into: &state)
    add(group, to: &state)
    press(.tab, .up, .up, .up, .control("p"), into: &state)
    press(.down, .down, .down, .down, .control("t"), into: &state)
    press(.tab, .up, .up, into: &state)
    type("How do I get licensing on board?", into: &state)
    press(.up, into: &state)
    type("Where does the late-night levy go?", into: &state)
    return state
  }

  /// Draws `state` in a full frame of `width` x `height` with the title bar and footer.
  static func frame(_ state: SetupState, width: Int = 80, height: Int = 24) -> Grid {
    var grid = Grid(width: width, height: height)
    Chrome.titleBar("PeerConsult · New session", into: &grid, area: grid.bounds.row(0))
    _ = SetupScreen.render(
      state, into: &grid, area: Rect(x: 0, y: 1, width: width, height: height - 3))
    Chrome.footer(for: .setup, into: &grid, area: grid.bounds.row(height - 1))
    return grid
  }
}

extension SetupFixture {
  /// Three frontline people from one organisation: the slice warning shows.
  static func oneLevelOneOrganisation() -> SetupState {
    var state = empty()
    type("Frontline huddle", into: &state)
    add(
      [
        "Dee Smith; City Council; frontline", "Eli Chen; City Council; FRONTLINE",
        "Fran O'Hara; City Council; frontline",
      ], to: &state)
    return state
  }

  /// Two people added, then a line with a misspelt level refused: the error shows under the
  /// field and the typed text stays.
  static func withParseError() -> SetupState {
    var state = empty()
    type("Night-time economy", into: &state)
    add(Array(group.prefix(2)), to: &state)
    type("Chloé Dubois; Devon & Cornwall Police; midle", into: &state)
    press(.enter, into: &state)
    return state
  }
}
