import Synchronization
import TerminalKit

extension Action {
  public static let cursorLeft = Action("cursorLeft")
  public static let cursorRight = Action("cursorRight")
  public static let lineStart = Action("lineStart")
  public static let lineEnd = Action("lineEnd")
  public static let deleteBackward = Action("deleteBackward")
  public static let deleteForward = Action("deleteForward")
  public static let deleteToStart = Action("deleteToStart")
  public static let deleteToEnd = Action("deleteToEnd")
  public static let deleteWordBackward = Action("deleteWordBackward")

  /// The actions that only move through or delete the text being typed: while the window is
  /// too small they go on into the open field with the letters typed, unseen (Backspace was
  /// ignored there, and "the levy" came out "the levyq").
  static let editsTypedText: Set<Action> = [
    .cursorLeft, .cursorRight, .lineStart, .lineEnd, .deleteBackward, .deleteForward,
    .deleteToStart, .deleteToEnd, .deleteWordBackward,
  ]
}

/// A one-line text field: ordinary line editing over grapheme clusters, so an accented or
/// wide character is moved over and deleted as one.
public struct LineEditor: Equatable, Sendable {
  public private(set) var text: [Character] {
    didSet {
      parentVersion = textVersion
      textVersion = Self.newVersion()
      changedFrom = changing
      changing = 0
    }
  }
  /// Names this text: every change of it takes a number no other text in the process had, so
  /// two editors with the same version hold the same text. A key's echo compares editors and
  /// looks up the text's layout by it rather than reading the whole note (see
  /// ``wrappedLayout(width:maxRows:)``).
  public private(set) var textVersion: UInt64
  /// The version before the last change, and the first character that change touched (the
  /// text before it is the same in both): a layout of the version before keeps its rows up
  /// to the change (``wrappedLayout(width:maxRows:)``). 0 when unknown, as after `init`.
  private(set) var parentVersion: UInt64 = 0
  private(set) var changedFrom = 0
  /// Where the change being made begins, set before changing `text`; a change that does not
  /// say counts from the start, which relays out everything.
  private var changing = 0
  /// Cursor position, in characters from the start (0...text.count).
  public private(set) var cursor: Int
  /// The longest text accepted, in characters.
  public var limit: Int

  public init(_ text: String = "", limit: Int = 10_000) {
    self.text = Array(text.prefix(limit))
    self.limit = limit
    cursor = self.text.count
    textVersion = Self.newVersion()
  }

  /// The last version given out, shared by every editor so that versions never repeat.
  private static let versions = Atomic<UInt64>(0)

  private static func newVersion() -> UInt64 {
    versions.add(1, ordering: .relaxed).newValue
  }

  /// Equal text, cursor and limit; the same version answers for the text without reading it.
  public static func == (lhs: LineEditor, rhs: LineEditor) -> Bool {
    lhs.cursor == rhs.cursor && lhs.limit == rhs.limit
      && (lhs.textVersion == rhs.textVersion || lhs.text == rhs.text)
  }

  /// The editing keys of every text field, in the keymap's `.textField` context: none is
  /// printable, so typing always types.
  public static let keyBindings: [KeyBinding] = [
    KeyBinding([.left], .cursorLeft, "left", "Move in the text", in: [.textField], footer: false),
    KeyBinding(
      [.right], .cursorRight, "right", "Move in the text", in: [.textField], footer: false),
    KeyBinding([.home], .lineStart, "start", "Move in the text", in: [.textField], footer: false),
    KeyBinding([.end], .lineEnd, "end", "Move in the text", in: [.textField], footer: false),
    KeyBinding(
      [.control("a")], .lineStart, "start", "To the start / the end of the text",
      in: [.textField], footer: false),
    KeyBinding(
      [.control("e")], .lineEnd, "end", "To the start / the end of the text", in: [.textField],
      footer: false),
    KeyBinding(
      [.backspace], .deleteBackward, "delete", "Delete before / at the cursor", in: [.textField],
      footer: false),
    KeyBinding(
      [.delete], .deleteForward, "delete", "Delete before / at the cursor", in: [.textField],
      footer: false),
    KeyBinding(
      [.control("h")], .deleteBackward, "delete", "The same as Bksp / Del", in: [.textField],
      footer: false),
    KeyBinding(
      [.control("d")], .deleteForward, "delete", "The same as Bksp / Del", in: [.textField],
      footer: false),
    KeyBinding(
      [.control("u")], .deleteToStart, "delete", "Delete to the start / to the end",
      in: [.textField], footer: false),
    KeyBinding(
      [.control("k")], .deleteToEnd, "delete", "Delete to the start / to the end",
      in: [.textField], footer: false),
    KeyBinding(
      [.control("w")], .deleteWordBackward, "delete", "Delete the word before",
      in: [.textField], footer: false),
  ]

  public var string: String { String(text) }
  public var isEmpty: Bool { text.isEmpty }
  /// Whether anything but spaces is typed: what Esc or leaving would throw away.
  public var hasText: Bool { !string.trimmingCharacters(in: .whitespaces).isEmpty }

  /// Handles an editing key as the keymap's text-field bindings say; returns false when the
  /// key is not an editing key.
  @discardableResult
  public mutating func handle(_ key: Key) -> Bool {
    if case .character(let character) = key {
      insert(String(character))
      return true
    }
    guard let action = Keymap.action(for: key, in: .textField) else { return false }
    return apply(action)
  }

  /// Applies typed text or an editing action; false when the input is neither.
  @discardableResult
  public mutating func edit(_ input: ScreenInput) -> Bool {
    switch input {
    case .text(let text):
      insert(text)
      return true
    case .action(let action): return apply(action)
    default: return false
    }
  }

  /// Applies an editing action; false when `action` is not one.
  @discardableResult
  public mutating func apply(_ action: Action) -> Bool {
    switch action {
    case .cursorLeft: cursor = max(0, cursor - 1)
    case .cursorRight: cursor = min(text.count, cursor + 1)
    case .lineStart: cursor = 0
    case .lineEnd: cursor = text.count
    case .deleteBackward:
      if cursor > 0 {
        changing = cursor - 1
        text.remove(at: cursor - 1)
        cursor -= 1
        rejoin(at: cursor)
      }
    case .deleteForward:
      if cursor < text.count {
        changing = cursor
        text.remove(at: cursor)
        rejoin(at: cursor)
      }
    case .deleteToStart:
      text.removeFirst(cursor)
      cursor = 0
    case .deleteToEnd:
      changing = cursor
      text.removeLast(text.count - cursor)
    case .deleteWordBackward:
      var start = cursor
      while start > 0 && text[start - 1].isPlainSpace { start -= 1 }
      while start > 0 && !text[start - 1].isPlainSpace { start -= 1 }
      changing = start
      text.removeSubrange(start..<cursor)
      cursor = start
      rejoin(at: start)
    default: return false
    }
    return true
  }

  /// Inserts text at the cursor (a paste arrives as many keys; newlines become spaces).
  /// Returns false when the limit left no room for some of it.
  @discardableResult
  public mutating func insert(_ string: String) -> Bool {
    // Most keys are one letter between letters that cannot join it: no clustering to redo.
    if let character = Self.standingAlone(string), text.count < limit,
      cursor == 0 || Self.standsAlone(text[cursor - 1]),
      cursor == text.count || Self.standsAlone(text[cursor])
    {
      changing = cursor
      text.insert(character, at: cursor)
      cursor += 1
      return true
    }
    return insertClustering(string)
  }

  /// Inserts `string` at the cursor and clusters it with the characters either side again:
  /// what ``insert(_:)`` does for any text its shortcut does not take.
  @discardableResult
  mutating func insertClustering(_ string: String) -> Bool {
    let room = limit - text.count
    let cleaned = String(string.map { $0.isNewline || $0 == "\t" ? " " : $0 }.prefix(max(0, room)))
    guard !cleaned.isEmpty else { return string.isEmpty }
    // A terminal sends a cluster one scalar at a time (a letter then its accent, an emoji, a
    // joiner, another emoji), so the neighbours are clustered again: each stored character is
    // then one cluster as the screen draws it, and the cursor never lands inside one.
    let lower = max(0, cursor - 1)
    let upper = min(text.count, cursor + 1)
    let head = Array(String(text[lower..<cursor]) + cleaned)
    let merged = Array(String(head) + String(text[cursor..<upper]))
    changing = lower
    text.replaceSubrange(lower..<upper, with: merged)
    // When the character after the cursor joined the inserted text, step past the cluster.
    cursor = lower + (merged.count == head.count + (upper - cursor) ? head.count : merged.count)
    return cleaned.count == string.count
  }

  /// `string` as one character when it is a single scalar that ``standsAlone(_:)``.
  private static func standingAlone(_ string: String) -> Character? {
    loneScalar(string.unicodeScalars).map(Character.init)
  }

  /// Whether `character` is one scalar that ``DisplayWidth/standsAlone(_:)``: printable (so
  /// not a newline or a tab, which typing turns into a space) and never joined to a
  /// neighbour of the same kind by a grapheme-break rule.
  static func standsAlone(_ character: Character) -> Bool {
    loneScalar(character.unicodeScalars) != nil
  }

  /// The one scalar of `scalars` when there is exactly one and it stands alone.
  private static func loneScalar(_ scalars: some Sequence<Unicode.Scalar>) -> Unicode.Scalar? {
    var iterator = scalars.makeIterator()
    guard let scalar = iterator.next(), iterator.next() == nil, DisplayWidth.standsAlone(scalar)
    else { return nil }
    return scalar
  }

  /// After a deletion, joins the characters either side of `index` if they now draw as one
  /// cluster (a Hangul lead and vowel that a deleted letter had kept apart).
  private mutating func rejoin(at index: Int) {
    guard index > 0, index < text.count else { return }
    let joined = Array(String(text[index - 1]) + String(text[index]))
    guard joined.count == 1 else { return }
    changing = index - 1
    text.replaceSubrange((index - 1)...index, with: joined)
    if cursor > index { cursor -= 1 }
  }

  /// Replaces the whole text and puts the cursor at its end.
  public mutating func set(_ string: String) {
    text = Array(string.prefix(limit))
    cursor = text.count
  }

  /// Draws the field in `width` columns, scrolled so the cursor shows; returns the cursor column.
  public func render(into grid: inout Grid, x: Int, y: Int, width: Int, style: Style = .plain)
    -> Int
  {
    guard width > 1 else { return x }
    // Scroll so the cursor shows, keeping one column for it. Only the characters that fit are
    // measured, so a note of thousands of characters costs the field's width per frame.
    var start = cursor
    var beforeWidth = 0
    while start > 0 {
      let w = DisplayWidth.of(text[start - 1])
      if beforeWidth + w > width - 1 { break }
      beforeWidth += w
      start -= 1
    }
    var shown = ""
    var used = 0
    for c in text[start...] {
      let w = DisplayWidth.of(c)
      if used + w > width { break }
      shown.append(c)
      used += w
    }
    grid.fill(Rect(x: x, y: y, width: width, height: 1), with: Cell(" ", style: style))
    grid.put(shown, x: x, y: y, style: style, maxWidth: width)
    if start > 0 { grid.put("…", x: x, y: y, style: Theme.muted) }
    return x + beforeWidth
  }
}
