import PeerConsultKit
import TerminalKit

/// The setup form's group: one row per participant with their round (or none), organisation,
/// level and focus question, scrolled to keep the selection in view.
enum SetupGroupTable {
  /// Draws the header in the first row of `area` and the participants below it.
  static func render(_ state: SetupState, into grid: inout Grid, area: Rect) {
    guard area.height > 0 else { return }
    let rest = area.width - 2 - roundWidth - levelWidth
    let nameWidth = min(24, max(10, rest * 3 / 10))
    let organisationWidth = nameWidth
    let focusWidth = max(0, rest - nameWidth - organisationWidth)
    func cells(
      _ marker: String, _ round: String, _ name: String, _ organisation: String,
      _ level: String, _ focus: String
    ) -> String {
      marker + round.padded(toWidth: roundWidth) + name.padded(toWidth: nameWidth - 1) + " "
        + organisation.padded(toWidth: organisationWidth - 1) + " "
        + level.padded(toWidth: levelWidth) + focus.truncated(toWidth: focusWidth)
    }
    grid.put(
      cells("  ", "Round", "Name", "Organisation", "Level", "Focus question"), x: area.x,
      y: area.y, style: Theme.heading, maxWidth: area.width)
    guard !state.members.isEmpty else {
      grid.put(
        "  Nobody yet: type a line under Add, e.g. Asha Kaur; City Council; senior",
        x: area.x, y: area.y + 1, style: Theme.muted, maxWidth: area.width)
      return
    }
    let rows = area.height - 1
    // Stateless scrolling: the selection is the last visible row once it is below the fold.
    let first = state.selection < rows ? 0 : state.selection - rows + 1
    let last = min(state.members.count, first + rows)
    if first > 0 || last < state.members.count {
      let position = "\(first + 1)–\(last) of \(state.members.count)"
      grid.put(
        position, x: area.maxX - position.displayWidth, y: area.y, style: Theme.muted)
    }
    let showsSelection = state.focus == .group || state.focus == .focusQuestion
    for (row, index) in (first..<last).enumerated() {
      let member = state.members[index]
      let isSelected = showsSelection && index == state.selection
      let round = state.round(of: index).map { String($0) } ?? "–"
      // Started from a group, a presenter without a question shows why they present there.
      let question = member.focusQuestion.string
      var reason = question.isEmpty ? state.presenterReason(of: index).map { "(\($0))" } : nil
      // At 80 columns "(last presented 2027-01-15)" lost its date's last digit.
      if let long = reason, long.displayWidth > focusWidth {
        reason = long.replacingOccurrences(of: "last presented ", with: "last ")
      }
      let focus = member.presents ? reason ?? question : "not presenting"
      let line = cells(
        isSelected ? "▸ " : "  ", String(repeating: " ", count: max(0, 3 - round.count)) + round,
        member.participant.name, member.participant.organisation,
        member.participant.level.rawValue, focus)
      let style: Style
      if isSelected && state.focus == .group {
        style = Theme.selected
      } else {
        style = member.presents ? .plain : Theme.muted
      }
      let y = area.y + 1 + row
      if style == Theme.selected {
        grid.fill(
          Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: style))
      }
      grid.put(line, x: area.x, y: y, style: style, maxWidth: area.width)
    }
  }

  private static let roundWidth = 6
  private static let levelWidth = 10
}
