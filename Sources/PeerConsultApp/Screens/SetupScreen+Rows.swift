import PeerConsultKit
import TerminalKit

/// The setup form's rows, drawn by ``SetupScreen/render(_:into:area:)``.
extension SetupScreen {
  /// The key a `.setup` binding of `action` is shown with, from the keymap.
  static func key(_ action: Action) -> String {
    Keymap.bindings(for: .setup).first { $0.action == action }?.keys.first?.description ?? ""
  }

  /// One line telling what the focused field is for and which keys work in it.
  static func hint(for state: SetupState) -> String {
    let arrows = key(.up) + key(.down)
    let enter = key(.select)
    switch state.focus {
    case .standingGroup:
      return "A standing group: type its name or \(arrows) · \(enter): take it · empty: one-off"
    case .title:
      return "Required · \(enter) or \(key(.nextField)): next field · \(key(.start)): start · "
        + "\(key(.help)): all keys"
    case .programme:
      return "Optional; its sessions are reviewed together · "
        + "\(arrows): pick a previous one"
    case .consultingProtocol:
      let position = "\(arrows): choose (\(state.protocolIndex + 1) of \(state.protocols.count))"
      return ([position] + (state.selectedProtocol.map { [$0.description] } ?? []))
        .joined(separator: " · ")
    case .newParticipant:
      return "\(enter): add one person · \(enter) on an empty line: next field"
    case .group:
      return "\(arrows): select · \(key(.togglePresenter)): presents or not · "
        + "\(key(.moveUp))/\(key(.moveDown)): move · \(key(.removeItem)): remove"
    case .focusQuestion:
      return "Optional, one per presenter · \(arrows) or \(enter): other presenter"
    case .start:
      return "\(enter) or \(key(.start)): start the session · \(key(.back)): cancel"
    }
  }

  static func drawSuggestions(
    _ state: SetupState, into grid: inout Grid, x: Int, y: Int, width: Int
  ) {
    let suggestions = state.programmeSuggestions
    guard !suggestions.isEmpty else {
      let text =
        state.previousProgrammes.isEmpty
        ? "no previous programmes: type one, or leave it empty"
        : "no previous programme matches: this starts a new one"
      grid.put(text, x: x, y: y, style: Theme.muted, maxWidth: width)
      return
    }
    let arrows = key(.up) + key(.down)
    var column = x + grid.put(arrows + " ", x: x, y: y, style: Theme.key, maxWidth: width)
    for (index, suggestion) in suggestions.enumerated() {
      let separator = index == 0 ? "" : " · "
      let needed = separator.count + suggestion.displayWidth
      if column + needed > x + width {
        grid.put(separator.isEmpty ? "…" : " …", x: column, y: y, style: Theme.muted)
        return
      }
      column += grid.put(separator, x: column, y: y, style: Theme.muted)
      let style = index == state.programmePick ? Theme.selected : Style.plain
      column += grid.put(suggestion, x: column, y: y, style: style)
    }
  }

  /// The group row after its field: the matches while it has focus (the picked one
  /// highlighted), else what taking the group did.
  static func drawGroupRow(_ state: SetupState, into grid: inout Grid, x: Int, y: Int, width: Int) {
    guard width > 0 else { return }
    guard state.focus == .standingGroup else {
      if let chosen = state.chosenGroup {
        grid.put(
          "\(chosen.members.count) members · least recent presenter first", x: x, y: y,
          style: Theme.muted, maxWidth: width)
      }
      return
    }
    let matches = state.groupMatches
    guard !matches.isEmpty else {
      grid.put("no group matches", x: x, y: y, style: Theme.muted, maxWidth: width)
      return
    }
    let arrows = key(.up) + key(.down)
    var column = x + grid.put(arrows + " ", x: x, y: y, style: Theme.key, maxWidth: width)
    for (index, match) in matches.enumerated() {
      let separator = index == 0 ? "" : " · "
      if column + separator.count + match.name.displayWidth > x + width {
        grid.put(separator.isEmpty ? "…" : " …", x: column, y: y, style: Theme.muted)
        return
      }
      column += grid.put(separator, x: column, y: y, style: Theme.muted)
      column += grid.put(
        match.name, x: column, y: y, style: index == state.groupPick ? Theme.selected : .plain)
    }
  }

  static func drawProtocolRow(
    _ state: SetupState, into grid: inout Grid, x: Int, y: Int, width: Int
  ) {
    guard let chosen = state.selectedProtocol else {
      grid.put("no protocols available", x: x, y: y, style: Theme.error, maxWidth: width)
      return
    }
    let focused = state.focus == .consultingProtocol
    let name = focused ? "◂ \(chosen.name) ▸" : chosen.name
    let used = grid.put(
      name, x: x, y: y, style: focused ? Theme.selected : Theme.heading, maxWidth: width)
    grid.put(
      "  " + plannedTime(chosen, rounds: state.presenterIndices.count), x: x + used, y: y,
      style: Theme.muted, maxWidth: width - used)
  }

  /// "50 min a round · 4 rounds: 3 h 40 min".
  static func plannedTime(_ chosen: ConsultingProtocol, rounds: Int) -> String {
    let perRound = "\(PhaseDuration.display(chosen.roundSeconds)) a round"
    guard rounds > 0 else { return perRound + " · no presenters yet" }
    return "\(perRound) · \(roundsAndTotal(chosen, rounds: rounds))"
  }

  /// "4 rounds: 3 h 40 min": the whole session with opening and closing.
  static func roundsAndTotal(
    _ chosen: ConsultingProtocol, rounds: Int, separator: String = ": "
  ) -> String {
    let total = PhaseDuration.display(chosen.totalSeconds(rounds: rounds))
    return "\(rounds) round\(rounds == 1 ? "" : "s")\(separator)\(total)"
  }

  /// The lines under the participant field: the error (up to two lines) or, while typing,
  /// an example.
  static func addNoteLines(_ state: SetupState, width: Int) -> [(text: String, style: Style)] {
    if let error = state.addError {
      var lines = TextWrapper.wrap("✗ " + error, width: max(10, width))
      if lines.count > 2 { lines = [lines[0], lines[1...].joined(separator: " ")] }
      return lines.map { ($0, Theme.error) }
    }
    let example =
      state.focus == .newParticipant
      ? "e.g. Asha Kaur; Council; senior (or middle, frontline, other)" : ""
    return [(example, Theme.muted)]
  }

  static func drawAddNote(
    _ state: SetupState, lines rows: [Int], into grid: inout Grid, x: Int, width: Int
  ) {
    for (line, y) in zip(addNoteLines(state, width: width), rows) {
      grid.put(line.text, x: x, y: y, style: line.style, maxWidth: width)
    }
  }

  /// Draws the focus row's lead-in; returns the question field to draw when it has focus.
  static func drawFocusRow(
    _ state: SetupState, into grid: inout Grid, x: Int, y: Int, width: Int
  ) -> (LineEditor, x: Int, width: Int)? {
    guard state.focus == .focusQuestion else {
      grid.put(
        "optional: a question each presenter brings", x: x, y: y, style: Theme.muted,
        maxWidth: width)
      return nil
    }
    guard state.members.indices.contains(state.selection),
      let round = state.round(of: state.selection)
    else {
      grid.put("no presenters yet", x: x, y: y, style: Theme.muted, maxWidth: width)
      return nil
    }
    let member = state.members[state.selection]
    let who = "\(member.participant.name.truncated(toWidth: 20)), round \(round): "
    let used = grid.put(who, x: x, y: y, style: Theme.heading, maxWidth: width / 2)
    return (member.focusQuestion, x + used, width - used)
  }

  static func drawSliceRows(
    _ state: SetupState, into grid: inout Grid, x: Int, y: Int, width: Int
  ) {
    let slice = state.slice
    guard !state.members.isEmpty else {
      grid.put("nobody yet", x: x, y: y, style: Theme.muted, maxWidth: width)
      return
    }
    let people = "\(state.members.count) \(state.members.count == 1 ? "person" : "people")"
    let levels = slice.levels.map { "\($0.value.rawValue) \($0.count)" }
    grid.put(([people] + levels).joined(separator: " · "), x: x, y: y, maxWidth: width)
    let organisations = slice.organisations.map { "\($0.value) \($0.count)" }
    grid.put(organisations.joined(separator: " · "), x: x, y: y + 1, maxWidth: width)
    if let warning = state.sliceWarning {
      // From under the label, for the room: the warning is the longest line here.
      let indent = labelWidth - 2
      grid.put(
        "⚠ " + warning, x: x - indent, y: y + 2, style: Theme.warning, maxWidth: width + indent)
    }
  }

  static func drawStartRow(
    _ state: SetupState, into grid: inout Grid, x: Int, y: Int, width: Int
  ) {
    let focused = state.focus == .start
    let button = "[ Start session ]"
    grid.put(button, x: x + 2, y: y, style: focused ? Theme.selected : Theme.heading)
    let messageX = x + 2 + button.displayWidth + 2
    let message: (String, Style)
    do {
      let setup = try state.sessionSetup()
      let planned = roundsAndTotal(
        setup.consultingProtocol, rounds: setup.rounds.count, separator: ", ")
      message = ("Ready: \(planned) planned", Theme.ok)
    } catch {
      let reason: String
      switch error {
      case .invalidSetup(let text): reason = text
      default: reason = error.description
      }
      message =
        state.startRefused
        ? ("Cannot start: \(reason)", Theme.error)
        : ("To start, \(reason)", Theme.muted)
    }
    grid.put(message.0, x: messageX, y: y, style: message.1, maxWidth: x + width - messageX)
  }
}
