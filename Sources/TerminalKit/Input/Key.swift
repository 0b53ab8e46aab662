/// A key press, decoded from the terminal's input.
public enum Key: Hashable, Sendable, CustomStringConvertible {
  /// A printable character (never a control character).
  case character(Character)
  /// A control chord such as Ctrl-U, given by its lowercase letter.
  case control(Character)
  case enter, escape, tab, backTab, backspace, delete
  case up, down, left, right, home, end, pageUp, pageDown, insert
  case function(Int)

  /// How the key is written in the footer and the help overlay.
  public var description: String {
    switch self {
    case .character(" "): return "Space"
    case .character(let c): return String(c)
    case .control(let c): return "Ctrl-\(c.uppercased())"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .tab: return "Tab"
    case .backTab: return "S-Tab"
    case .backspace: return "Bksp"
    case .delete: return "Del"
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .insert: return "Ins"
    case .function(let n): return "F\(n)"
    }
  }
}

/// What a terminal reports: a key or a new size.
public enum InputEvent: Hashable, Sendable {
  case key(Key)
  case resize(width: Int, height: Int)
  /// Text pasted in one go (bracketed paste), newlines included; never a command.
  case paste(String)
}
