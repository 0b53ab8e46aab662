/// Turns what a terminal sends into keys and pastes, whatever `TERM` says.
///
/// ncurses decodes only the escape sequences its terminfo entry lists, so under a mismatched
/// `TERM` (tmux sends Home as `ESC [ 1 ~`, which `xterm-256color` does not list) a key arrives
/// as Esc followed by ordinary characters, and typing turns into commands. This decoder reads
/// every sequence whole instead: a CSI (`ESC [` parameters, one final byte), an SS3 (`ESC O`
/// and one byte) or an OSC string (`ESC ]` … BEL or `ESC \`). It maps the encodings that
/// xterm, rxvt, the Linux console, screen and tmux use for the arrows, Home, End, Insert,
/// Delete, PgUp/PgDn, Shift-Tab and F1-F20, and drops any other sequence as one ignored key.
/// Modifiers are ignored: Ctrl-→ moves as → does, Shift-F3 is F3 (F13 and up where the
/// terminal numbers it so). A bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`) becomes one
/// `.paste`, so a pasted newline is never Enter, and the escape sequences in it are dropped.
///
/// It is fed Unicode scalars as they arrive (the backend reads the terminal's bytes itself
/// and decodes their UTF-8 with ``UTF8Input``), and keeps an unfinished sequence until more
/// arrives or the escape delay passes (``flush()``): then a lone Esc is the Esc key, and an
/// unfinished sequence is dropped. Esc followed by any other key (Alt-x) is read as Esc and
/// then that key, as ncurses reads it.
public struct KeyDecoder: Sendable {
  /// How long an unfinished escape sequence waits for its rest before ``flush()``.
  public static let escapeDelayMilliseconds = 25
  /// How long an unfinished paste waits for more before what came is taken as the paste.
  public static let pasteDelayMilliseconds = 100
  /// The longest sequence kept whole; a longer one is read to its end and dropped, holding no
  /// more than this, so hostile input cannot make the decoder grow.
  static let maximumSequenceLength = 64
  /// The most of a paste kept, in UTF-8 bytes: a hundred times a note's limit. The rest is
  /// read to the paste's end marker and dropped, so a paste that never ends cannot make the
  /// decoder grow.
  static let maximumPasteBytes = 1 << 20

  static let escape: Unicode.Scalar = "\u{1B}"
  /// The parameters of the paste's end marker, `ESC [ 2 0 1 ~`.
  static let pasteEndParameters: [Unicode.Scalar] = ["2", "0", "1"]

  /// Where a paste's text is in an escape sequence it holds (see ``takePasted(_:into:)``).
  private enum PasteEscape {
    case none, escape, escapeIntermediate, singleShift, csi, string, stringEscape
  }

  /// The escape sequence under way, Esc first; empty when none is.
  private var sequence: [Unicode.Scalar] = []
  /// Whether the sequence under way grew past ``maximumSequenceLength``: only its start and
  /// latest characters are kept, and it is ignored once it ends.
  private var overlong = false
  /// The text of a bracketed paste whose end marker has not arrived.
  private var pasted: String?
  /// Inside a paste: the escape sequence under way, if any.
  private var pasteEscape = PasteEscape.none
  /// Inside a paste's CSI: its first parameters, enough to tell the end marker.
  private var pasteMarker: [Unicode.Scalar] = []
  /// Whether the paste under way reached ``maximumPasteBytes``: the rest is dropped.
  private var pasteFull = false

  public init() {}

  /// Whether an unfinished sequence or paste is held, so the reader should wait briefly for
  /// the rest and then call ``flush()``.
  public var isWaiting: Bool { !sequence.isEmpty || pasted != nil }

  /// How long to wait for the rest of what is held.
  public var waitMilliseconds: Int {
    pasted != nil ? Self.pasteDelayMilliseconds : Self.escapeDelayMilliseconds
  }

  /// Decodes `input`; what ends unfinished is kept for the next call.
  public mutating func feed<S: Sequence<Unicode.Scalar>>(_ input: S) -> [InputEvent] {
    var events: [InputEvent] = []
    for scalar in input { take(scalar, into: &events) }
    return events
  }

  /// The wait passed with nothing more: a lone Esc is the Esc key, an unfinished sequence is
  /// one ignored key, and an unfinished paste is the paste of what came (never commands).
  public mutating func flush() -> [InputEvent] {
    defer {
      sequence = []
      overlong = false
      pasted = nil
      pasteEscape = .none
      pasteMarker = []
    }
    if let pasted { return [.paste(pasted)] }
    return sequence == [Self.escape] ? [.key(.escape)] : []
  }

  private mutating func take(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
    if pasted != nil {
      takePasted(scalar, into: &events)
      return
    }
    if sequence.isEmpty {
      if scalar == Self.escape {
        sequence = [scalar]
      } else if let key = Self.key(for: scalar) {
        events.append(.key(key))
      }
      return
    }
    if sequence.count == 1 {
      switch scalar {
      case "[", "O", "]": sequence.append(scalar)
      case Self.escape:
        // The first Esc stood alone.
        events.append(.key(.escape))
      default:
        // Esc, then an ordinary key (what Alt-x sends): both, as typed.
        sequence = []
        events.append(.key(.escape))
        take(scalar, into: &events)
      }
      return
    }
    sequence.append(scalar)
    if sequence.count > Self.maximumSequenceLength {
      sequence.remove(at: 2)
      overlong = true
    }
    switch sequence[1] {
    case "[": continueCSI(into: &events)
    case "O": continueSS3(into: &events)
    default: continueOSC(into: &events)
    }
    if sequence.isEmpty { overlong = false }
  }

  /// `ESC [` parameters (0x30-0x3F), intermediates (0x20-0x2F), a final byte (0x40-0x7E); or
  /// the Linux console's `ESC [ [ A`-`E` for F1-F5.
  private mutating func continueCSI(into events: inout [InputEvent]) {
    let body = sequence[2...]
    let last = sequence[sequence.count - 1]
    if body.first == "[" {
      guard body.count == 2 else { return }
      sequence = []
      if ("A"..."E").contains(last) { events.append(.key(.function(Int(last.value) - 64))) }
      return
    }
    // rxvt ends Shift-modified keys with `$`, an intermediate byte elsewhere: after a plain
    // number it ends the sequence.
    let rxvtShift =
      last == "$" && body.count > 1 && body.dropLast().allSatisfy { ("0"..."9").contains($0) }
    switch last.value {
    case 0x20...0x3F where !rxvtShift: return
    case 0x20...0x7E:
      let parameters = String(String.UnicodeScalarView(body.dropLast()))
      sequence = []
      if overlong { return }
      if parameters == "200" && last == "~" {
        pasted = ""
        pasteFull = false
        pasteEscape = .none
      } else if let key = Self.csiKey(parameters: parameters, final: last) {
        events.append(.key(key))
      }
    default:
      // Not a sequence after all: drop what was read, then read this one afresh.
      sequence = []
      take(last, into: &events)
    }
  }

  /// `ESC O` and one byte (parameters first, as some terminals send modified keys).
  private mutating func continueSS3(into events: inout [InputEvent]) {
    let last = sequence[sequence.count - 1]
    switch last.value {
    case 0x30...0x3F: return
    case 0x40...0x7E:
      sequence = []
      if let key = Self.ss3Key(last) { events.append(.key(key)) }
    default:
      sequence = []
      take(last, into: &events)
    }
  }

  /// `ESC ]` text, ended by BEL or `ESC \`: a terminal's answer or a stray title; ignored.
  private mutating func continueOSC(into events: inout [InputEvent]) {
    let last = sequence[sequence.count - 1]
    let previous = sequence[sequence.count - 2]
    if previous == Self.escape && sequence.count > 3 {
      sequence = []
      if last != "\\" {
        // An Esc that did not end the string starts something new.
        take(Self.escape, into: &events)
        take(last, into: &events)
      }
      return
    }
    if last == "\u{07}" {
      sequence = []
    } else if last.value < 0x20 && last != Self.escape {
      sequence = []
      take(last, into: &events)
    }
  }

  /// Inside a paste: text until the end marker, which may arrive in pieces. An escape
  /// sequence in the pasted text (the colours of text copied from a terminal, a title) is
  /// dropped whole, not left as `[31m`: a CSI to its final byte, an `ESC (`-style sequence to
  /// its final byte, SS2 and SS3 with their character, a string (`ESC ]`, `ESC P`, `ESC X`,
  /// `ESC ^`, `ESC _`) to BEL, ST or a line break, which an unended string never runs past;
  /// and the same in their 8-bit forms. An Esc inside any of them starts a new sequence, so
  /// the end marker is always seen.
  private mutating func takePasted(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
    switch pasteEscape {
    case .none:
      switch scalar {
      case Self.escape: pasteEscape = .escape
      // The 8-bit forms: CSI, and DCS, SOS, OSC, PM and APC, which start strings.
      case "\u{9B}":
        pasteEscape = .csi
        pasteMarker = []
      case "\u{90}", "\u{98}", "\u{9D}", "\u{9E}", "\u{9F}": pasteEscape = .string
      default: append(pasted: scalar)
      }
    case .escape:
      switch scalar {
      case "[":
        pasteEscape = .csi
        pasteMarker = []
      case "]", "P", "X", "^", "_": pasteEscape = .string
      // SS2 and SS3 take the one character after them.
      case "N", "O": pasteEscape = .singleShift
      case Self.escape: break
      case " "..."/": pasteEscape = .escapeIntermediate
      case "0"..."~": pasteEscape = .none
      default:
        // Not a sequence: the Esc is dropped and this read as text.
        pasteEscape = .none
        takePasted(scalar, into: &events)
      }
    case .escapeIntermediate:
      switch scalar {
      case " "..."/": break
      case "0"..."~": pasteEscape = .none
      default:
        pasteEscape = .none
        takePasted(scalar, into: &events)
      }
    case .singleShift:
      pasteEscape = .none
      if !(" "..."~").contains(scalar) { takePasted(scalar, into: &events) }
    case .csi:
      switch scalar {
      case " "..."?":
        // Only as much as the end marker needs is kept.
        if pasteMarker.count <= Self.pasteEndParameters.count { pasteMarker.append(scalar) }
      case "@"..."~":
        pasteEscape = .none
        if pasteMarker == Self.pasteEndParameters && scalar == "~" {
          events.append(.paste(pasted ?? ""))
          pasted = nil
        }
        pasteMarker = []
      default:
        pasteEscape = .none
        pasteMarker = []
        takePasted(scalar, into: &events)
      }
    case .string:
      switch scalar {
      case "\u{07}", "\u{9C}": pasteEscape = .none
      case Self.escape: pasteEscape = .stringEscape
      case "\n", "\r":
        pasteEscape = .none
        append(pasted: scalar)
      default: break
      }
    case .stringEscape:
      // `ESC \` ends the string; an Esc followed by anything else starts a new sequence.
      pasteEscape = .escape
      if scalar == "\\" {
        pasteEscape = .none
      } else {
        takePasted(scalar, into: &events)
      }
    }
  }

  /// Pasted text keeps its line breaks and tabs; other control characters (the bidirectional
  /// ones too) are dropped, and so is what comes past ``maximumPasteBytes``.
  private mutating func append(pasted scalar: Unicode.Scalar) {
    guard !pasteFull, let held = pasted?.utf8.count else { return }
    // The paste ends where its first character that does not fit begins, not further on.
    guard held + UTF8.width(scalar) <= Self.maximumPasteBytes else {
      pasteFull = true
      return
    }
    switch scalar.value {
    case 10, 13: pasted?.append("\n")
    case 9: pasted?.append("\t")
    case _ where ControlCharacters.isControl(scalar): break
    default: pasted?.unicodeScalars.append(scalar)
    }
  }

  /// A key outside any sequence: control characters as their keys (none for the others, the
  /// bidirectional ones among them), the rest as typed.
  static func key(for scalar: Unicode.Scalar) -> Key? {
    switch scalar.value {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .control(Character(Unicode.Scalar(scalar.value + 96) ?? "?"))
    case 28: return .control("\\")
    case _ where ControlCharacters.isControl(scalar): return nil
    default: return .character(Character(scalar))
    }
  }

  /// The key a complete CSI sequence stands for; nil for one to ignore.
  static func csiKey(parameters: String, final: Unicode.Scalar) -> Key? {
    // Private parameters (`?`, `<`, `=`, `>`) mark answers and mouse reports, never keys.
    if let first = parameters.unicodeScalars.first, ("<"...">").contains(first) || first == "?" {
      return nil
    }
    let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
    let number = fields.first.flatMap { Int($0) } ?? 1
    switch final {
    case "A", "a": return .up
    case "B", "b": return .down
    case "C", "c": return .right
    case "D", "d": return .left
    case "H": return .home
    case "F": return .end
    case "Z": return .backTab
    case "P", "Q", "R", "S": return .function(Int(final.value) - 79)
    case "~", "^", "$", "@": return tildeKey(number)
    default: return nil
    }
  }

  /// `ESC [ n ~` (and rxvt's `^`, `$`, `@` for Ctrl, Shift and both).
  static func tildeKey(_ number: Int) -> Key? {
    switch number {
    case 1, 7: return .home
    case 2: return .insert
    case 3: return .delete
    case 4, 8: return .end
    case 5: return .pageUp
    case 6: return .pageDown
    case 11...15: return .function(number - 10)
    case 17...21: return .function(number - 11)
    case 23...26: return .function(number - 12)
    case 28, 29: return .function(number - 13)
    case 31...34: return .function(number - 14)
    default: return nil
    }
  }

  /// The key an SS3 sequence stands for: arrows, Home, End, F1-F4, the keypad.
  static func ss3Key(_ final: Unicode.Scalar) -> Key? {
    switch final {
    case "A", "a": return .up
    case "B", "b": return .down
    case "C", "c": return .right
    case "D", "d": return .left
    case "H": return .home
    case "F": return .end
    case "P", "Q", "R", "S": return .function(Int(final.value) - 79)
    case "M": return .enter
    case "j": return .character("*")
    case "k": return .character("+")
    case "l": return .character(",")
    case "m": return .character("-")
    case "n": return .character(".")
    case "o": return .character("/")
    case "p"..."y": return .character(Character(Unicode.Scalar(final.value - 64) ?? "0"))
    case "X": return .character("=")
    default: return nil
    }
  }
}
