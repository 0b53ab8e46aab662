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
  /// matches, the highlighted one (Enter's pick) in reverse video, those who left early
  /// (`left`) last and dimmed; returns the text cursor.
  static func drawPeople(
    _ choice: PersonChoice, people: [String], left: Set<Int> = [], into grid: inout Grid,
    area: Rect
  ) -> (x: Int, y: Int) {
    let label = choice.role == .speaker ? "speaker ▸ " : "owner ▸ "
    grid.put(label, x: area.x, y: area.y, style: Theme.heading)
    let fieldX = area.x + label.displayWidth
    let fieldWidth = 12
    let cursor = choice.query.render(
      into: &grid, x: fieldX, y: area.y, width: fieldWidth, style: Theme.field)
    let listX = fieldX + fieldWidth + 1
    let candidates = NoteEditorState.candidates(choice.query.string, people: people, left: left)
    if candidates.isEmpty {
      grid.put(
        "no one matches", x: listX, y: area.y, style: Theme.muted, maxWidth: area.maxX - listX)
    }
    let names = candidates.map { candidate in candidate.map { people[$0] } ?? "none" }
    // The list starts late enough for the highlighted name to show: ↑↓ moved the highlight
    // onto names cut off at the end, and Enter picked someone nobody could see.
    let first = firstShown(names, highlight: choice.highlight, width: area.maxX - listX)
    var x = listX
    if first > 0 {
      grid.put("… ", x: x, y: area.y, style: Theme.muted)
      x += 2
    }
    for index in names.indices.dropFirst(first) {
      let separator = index == first ? "" : " · "
      let needed = separator.displayWidth + names[index].displayWidth
      let gone = candidates[index].map(left.contains) ?? false
      let style = index == choice.highlight ? Theme.selected : gone ? Theme.muted : Style.plain
      // Room is kept for " …" while names follow, so that it never covers a name's end.
      let more = index < names.count - 1 ? 2 : 0
      guard x + needed + more <= area.maxX else {
        // A name too long for the line alone is cut to it; after others, "…" says more follow.
        if index == first {
          grid.put(names[index], x: x, y: area.y, style: style, maxWidth: area.maxX - x)
        } else {
          grid.put("…", x: min(x, area.maxX - 1), y: area.y, style: Theme.muted)
        }
        break
      }
      grid.put(separator, x: x, y: area.y, style: Theme.muted)
      grid.put(names[index], x: x + separator.displayWidth, y: area.y, style: style)
      x += needed
    }
    return (cursor, area.y)
  }

  /// The first of `names` to show in `width` columns so that `highlight` shows too, with room
  /// for " …" when names follow it: 0 when it fits from the start, else the earliest start
  /// from which it does (after "… ").
  static func firstShown(_ names: [String], highlight: Int, width: Int) -> Int {
    guard names.indices.contains(highlight) else { return 0 }
    func fits(from first: Int) -> Bool {
      var used = (first > 0 ? 2 : 0) + (highlight < names.count - 1 ? 2 : 0)
      for index in first...highlight {
        used += (index == first ? 0 : 3) + names[index].displayWidth
      }
      return used <= width
    }
    var first = 0
    while first < highlight, !fits(from: first) { first += 1 }
    return first
  }
}
