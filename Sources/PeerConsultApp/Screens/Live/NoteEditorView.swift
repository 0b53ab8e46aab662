import PeerConsultKit
import TerminalKit

/// The editor's choosing rows, drawn where its kind and speaker usually show.
enum NoteEditorView {
  /// `kind: question insight …`: each kind with its first letter in the key style, the
  /// highlighted one (Enter's pick) in reverse video.
  static func drawKinds(highlight: NoteKind, into grid: inout Grid, area: Rect) {
    var x = area.x
    grid.put("kind: ", x: x, y: area.y, style: Theme.heading)
    x += 6
    for kind in NoteKind.allCases {
      let name = kind.rawValue
      guard x + name.displayWidth <= area.maxX else { break }
      let selected = kind == highlight
      let rest = selected ? Theme.selected : Style.plain
      var letter = Theme.key
      letter.underline = true
      letter.reverse = selected
      grid.put(String(name.prefix(1)), x: x, y: area.y, style: letter)
      grid.put(String(name.dropFirst()), x: x + 1, y: area.y, style: rest)
      x += name.displayWidth + 1
    }
  }

  /// `tag: #licensing · #licence-fees  Ctrl-T`: the known tags that finish the one being
  /// typed, the first (Ctrl-T's pick) in reverse video.
  static func drawTags(_ completion: TagCompletion, into grid: inout Grid, area: Rect) {
    grid.put("tag: ", x: area.x, y: area.y, style: Theme.heading)
    let hint = "  Ctrl-T completes"
    let end = area.maxX - hint.displayWidth
    var x = area.x + 5
    for (index, tag) in completion.candidates.enumerated() {
      let separator = index == 0 ? "" : " · "
      let name = "#" + tag
      let needed = separator.displayWidth + name.displayWidth
      guard x + needed <= end else {
        if x < end { grid.put(" …", x: x, y: area.y, style: Theme.muted) }
        break
      }
      grid.put(separator, x: x, y: area.y, style: Theme.muted)
      grid.put(
        name, x: x + separator.displayWidth, y: area.y,
        style: index == 0 ? Theme.selected : .plain)
      x += needed
    }
    grid.put(hint, x: max(x, end), y: area.y, style: Theme.key, maxWidth: area.maxX - max(x, end))
  }

  /// `speaker ▸ query  Zoë Müller · Amira O'Neill · none`: what was typed, then who it
  /// matches, the highlighted one (Enter's pick) in reverse video; returns the text cursor.
  static func drawPeople(
    _ choice: PersonChoice, people: [String], into grid: inout Grid, area: Rect
  ) -> (x: Int, y: Int) {
    let label = choice.role == .speaker ? "speaker ▸ " : "owner ▸ "
    grid.put(label, x: area.x, y: area.y, style: Theme.heading)
    let fieldX = area.x + label.displayWidth
    let fieldWidth = 12
    let cursor = choice.query.render(
      into: &grid, x: fieldX, y: area.y, width: fieldWidth, style: Theme.field)
    var x = fieldX + fieldWidth + 1
    let candidates = NoteEditorState.candidates(choice.query.string, people: people)
    if candidates.isEmpty {
      grid.put("no one matches", x: x, y: area.y, style: Theme.muted, maxWidth: area.maxX - x)
    }
    for (index, candidate) in candidates.enumerated() {
      let name = candidate.map { people[$0] } ?? "none"
      let separator = index == 0 ? "" : " · "
      let needed = separator.displayWidth + name.displayWidth
      guard x + needed <= area.maxX else {
        grid.put("…", x: min(x, area.maxX - 1), y: area.y, style: Theme.muted)
        break
      }
      grid.put(separator, x: x, y: area.y, style: Theme.muted)
      grid.put(
        name, x: x + separator.displayWidth, y: area.y,
        style: index == choice.highlight ? Theme.selected : .plain)
      x += needed
    }
    return (cursor, area.y)
  }
}
