import PeerConsultKit
import TerminalKit

/// The setup form's right-hand panel on wide screens: every protocol with its round time,
/// the chosen protocol's round, and the group's slice in full.
enum SetupSidePanel {
  static let width = 40

  static func render(_ state: SetupState, into grid: inout Grid, area: Rect) {
    for y in area.y..<area.maxY { grid.put("│", x: area.x, y: y, style: Theme.muted) }
    let x = area.x + 2
    let width = area.width - 3
    var y = area.y + 1
    func line(_ text: String, style: Style = .plain) {
      guard y < area.maxY else { return }
      grid.put(text, x: x, y: y, style: style, maxWidth: width)
      y += 1
    }
    /// A label on the left and a value flush right.
    func pair(_ label: String, _ value: String, style: Style = .plain) {
      let valueWidth = value.displayWidth
      line(
        label.truncated(toWidth: width - valueWidth - 1).padded(toWidth: width - valueWidth)
          + value, style: style)
    }

    line("Protocols", style: Theme.heading)
    for (index, item) in state.protocols.enumerated() {
      let isChosen = index == state.protocolIndex
      let style =
        isChosen ? (state.focus == .consultingProtocol ? Theme.selected : Theme.heading) : .plain
      pair(
        (isChosen ? "▸ " : "  ") + item.name, PhaseDuration.display(item.roundSeconds),
        style: style)
    }
    if let chosen = state.selectedProtocol {
      line("")
      line("Each round of \(chosen.name)", style: Theme.heading)
      for phase in chosen.round {
        pair("  " + phase.name, PhaseDuration.display(phase.durationSeconds))
      }
      let once = [ConsultingProtocol.Part.opening, .closing].compactMap { part -> String? in
        let seconds = chosen.seconds(in: part)
        return seconds > 0 ? "\(part.rawValue) \(PhaseDuration.display(seconds))" : nil
      }
      if !once.isEmpty { line("Once: " + once.joined(separator: " · "), style: Theme.muted) }
      let rounds = state.presenterIndices.count
      if rounds > 0 {
        pair(
          "Whole session, \(rounds) round\(rounds == 1 ? "" : "s")",
          PhaseDuration.display(chosen.totalSeconds(rounds: rounds)), style: Theme.muted)
      } else {
        line("Whole session: add presenters", style: Theme.muted)
      }
    }
    line("")
    line("Group slice", style: Theme.heading)
    guard !state.members.isEmpty else {
      line("nobody yet", style: Theme.muted)
      return
    }
    let slice = state.slice
    let barRoom = max(0, width - 16)
    for level in Level.allCases {
      let count = slice.levels.first { $0.value == level }?.count ?? 0
      let bar = String(repeating: "■", count: min(count, barRoom))
      line(
        "  " + level.rawValue.padded(toWidth: 11) + String(count).padded(toWidth: 3) + bar,
        style: count == 0 ? Theme.muted : .plain)
    }
    line("")
    for organisation in slice.organisations {
      pair("  " + organisation.value, String(organisation.count))
    }
    if let warning = state.sliceWarning {
      line("")
      for text in TextWrapper.wrap("⚠ " + warning, width: width) {
        line(text, style: Theme.warning)
      }
      line("A warning only: you can still start.", style: Theme.muted)
    }
  }
}
