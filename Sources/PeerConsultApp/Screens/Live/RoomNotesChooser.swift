import PeerConsultKit
import TerminalKit

extension KeyContext {
  public static let roomNotes = KeyContext("roomNotes", title: "Notes shared with the room")
}

extension Action {
  public static let chooseRoomNotes = Action("chooseRoomNotes")
  public static let toggleKind = Action("toggleKind")
}

/// The live screen's panel (`v`) that chooses which kinds of note the room display shows
/// with `--notes`: each kind with a tick, Space to tick or untick it. Every change is stored
/// as an event, so a room display in another window follows it at once.
enum RoomNotesChooser {
  static let keyBindings = [
    KeyBinding(
      [.character("v")], .chooseRoomNotes, "room",
      "Kinds of note the room display shows (follow --notes)", in: [.live],
      footer: false),
    KeyBinding([.up], .up, "up", "Previous kind", in: [.roomNotes], footer: false),
    KeyBinding([.down], .down, "down", "Next kind", in: [.roomNotes], footer: false),
    KeyBinding(
      [.character(" ")], .toggleKind, "show/hide", "Show or hide this kind on the room display",
      in: [.roomNotes]),
    KeyBinding(
      [.escape, .character("v"), .character("q")], .back, "close", "Close this panel",
      in: [.roomNotes]),
    KeyBinding.help(in: [.roomNotes]),
  ]

  /// Applies a key of the open panel.
  static func perform(_ action: Action, selection: Int, _ state: inout LiveState) -> [Effect] {
    let kinds = NoteKind.allCases
    switch action {
    case .up: state.roomNotesSelection = max(0, selection - 1)
    case .down: state.roomNotesSelection = min(kinds.count - 1, selection + 1)
    case .back: state.roomNotesSelection = nil
    case .toggleKind:
      let kind = kinds[max(0, min(kinds.count - 1, selection))]
      var chosen = state.session.roomNoteKinds
      if let index = chosen.firstIndex(of: kind) {
        chosen.remove(at: index)
      } else {
        chosen.append(kind)
      }
      return [.command(.session(.chooseRoomNotes(chosen)))]
    default: break
    }
    return []
  }

  /// The panel, in place of the transcript.
  static func draw(_ state: LiveState, into grid: inout Grid, area: Rect) {
    guard area.height > 0 else { return }
    let selection = state.roomNotesSelection ?? 0
    // The keys are the footer's ("Space show/hide  Esc close"): here they cut the heading
    // at 80 columns.
    let heading = "─ Shown on the room display (follow --notes), never with names "
    grid.put(
      heading + String(repeating: "─", count: max(0, area.width - heading.displayWidth)),
      x: area.x, y: area.y, style: Theme.heading, maxWidth: area.width)
    let kinds = NoteKind.allCases
    let rows = area.height - 1
    let first = max(0, min(selection - rows / 2, kinds.count - rows))
    for (offset, index) in kinds.indices.dropFirst(first).prefix(rows).enumerated() {
      let kind = kinds[index]
      let shown = state.session.roomNoteKinds.contains(kind)
      let line = "\(index == selection ? "▸" : " ") [\(shown ? "x" : " ")] \(kind.rawValue)"
      grid.put(
        line, x: area.x, y: area.y + 1 + offset,
        style: index == selection ? Theme.selected : .plain, maxWidth: area.width)
    }
  }
}
