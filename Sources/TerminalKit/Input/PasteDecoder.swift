/// Finds bracketed pastes (`ESC [ 2 0 0 ~` … `ESC [ 2 0 1 ~`) in a stream of decoded keys.
///
/// ncurses does not know these markers, so they arrive as Esc followed by characters; the
/// text between them becomes one `.paste` event, so a pasted newline is never an Enter.
public enum PasteDecoder {
  static let start: [Key] = [
    .escape, .character("["), .character("2"), .character("0"), .character("0"), .character("~"),
  ]
  static let end: [Key] = [
    .escape, .character("["), .character("2"), .character("0"), .character("1"), .character("~"),
  ]

  /// Decodes what it can; returns the events and the keys to keep for the next read (an
  /// unfinished paste, or a marker cut short). With `final`, nothing more is coming soon,
  /// so a cut-short marker is given out as the keys it is.
  public static func decode(_ keys: [Key], final: Bool) -> (events: [InputEvent], rest: [Key]) {
    var events: [InputEvent] = []
    var i = 0
    while i < keys.count {
      if keys[i] == .escape {
        let tail = Array(keys[i...])
        if tail.starts(with: start) {
          guard let endIndex = find(end, in: keys, from: i + start.count) else {
            if final {
              // The end never came: keep the text as a paste rather than as commands.
              events.append(.paste(text(keys[(i + start.count)...])))
              return (events, [])
            }
            return (events, tail)
          }
          events.append(.paste(text(keys[(i + start.count)..<endIndex])))
          i = endIndex + end.count
          continue
        }
        if !final && start.starts(with: tail) { return (events, tail) }
      }
      events.append(.key(keys[i]))
      i += 1
    }
    return (events, [])
  }

  private static func find(_ marker: [Key], in keys: [Key], from: Int) -> Int? {
    guard keys.count >= marker.count else { return nil }
    var i = from
    while i + marker.count <= keys.count {
      if Array(keys[i..<i + marker.count]) == marker { return i }
      i += 1
    }
    return nil
  }

  private static func text(_ keys: ArraySlice<Key>) -> String {
    var text = ""
    for key in keys {
      switch key {
      case .character(let c): text.append(c)
      case .enter: text.append("\n")
      case .tab: text.append("\t")
      default: break
      }
    }
    return text
  }
}
