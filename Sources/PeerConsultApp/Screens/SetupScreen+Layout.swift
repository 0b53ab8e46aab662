import TerminalKit

extension SetupScreen {
  /// Columns for a field's label ("▸ Programme") before its value.
  static let labelWidth = 13

  /// Where each part of the form goes in `area`.
  struct Layout {
    var x: Int
    var width: Int
    /// The standing group row, first, when there are groups to start from.
    var standingGroup: Int?
    var title: Int
    var programme: Int
    var suggestions: Int
    var `protocol`: Int
    var add: Int
    /// Rows under the participant line for its error or example.
    var addNote: [Int]
    var header: Int
    /// Header plus participant rows.
    var tableHeight: Int
    var focus: Int
    /// The first of two slice rows, when the slice is in the form (narrow layout).
    var slice: Int?
    var help: Int
    var start: Int
    var side: Rect?

    init(_ state: SetupState, area: Rect) {
      let isWide = area.width >= SetupScreen.wideWidth
      var top = area.y + (isWide ? 1 : 0)
      if !state.standingGroups.isEmpty {
        standingGroup = top
        top += 1
      }
      x = area.x + 1
      width = area.width - 2
      if isWide {
        let sideWidth = SetupSidePanel.width
        side = Rect(x: area.maxX - sideWidth, y: area.y, width: sideWidth, height: area.height)
        width = area.width - sideWidth - 2
      }
      title = top
      programme = top + 1
      suggestions = top + 2
      `protocol` = top + 3
      add = top + 5
      let noteLines = SetupScreen.addNoteLines(state, width: width - SetupScreen.labelWidth).count
      addNote = (0..<noteLines).map { top + 6 + $0 }
      header = top + 6 + noteLines + (isWide ? 1 : 0)
      if isWide {
        // Rows for a large group, then the rest of the form right under it rather than
        // across a gap at the foot of a tall window.
        let room = area.maxY - 6 - header
        tableHeight = max(2, min(room, 1 + Self.wideTableRows))
        focus = header + tableHeight + 1
        help = focus + 2
        start = help + 2
      } else {
        start = area.maxY - 1
        help = start - 1
        slice = help - 3
        focus = help - 4
        tableHeight = max(2, focus - header)
      }
    }

    /// Participants shown at once on a wide screen; more scroll.
    static let wideTableRows = 12
  }

  /// The smallest body the form is laid out for (80x24 less the title, notice, footer and a
  /// locale warning).
  static let minimumSize = (width: 60, height: 16)

  /// From this width the form gets a side panel.
  public static let wideWidth = 110
}
