import TerminalKit
import TestSupport

/// Random key presses as a room full of people and a noisy terminal would produce them:
/// text in many scripts (one scalar per key, as the terminal decodes it, and sometimes whole
/// clusters), the program's command letters, control chords, function keys, and the pieces of
/// escape sequences that a terminal failed to decode.
enum KeyMix {
  /// Text in many scripts; each string is split into scalars or characters when drawn.
  static let scripts: [String] = [
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789",
    ".,;:!?'\"()[]{}<>/\\|@#$%^&*_~`",
    "éèêëàâäçñøåæœßÆŒÅØÉÎÕÜÿıİłŁđĐ",
    "漢字日本語中文字符한국어텍스트ひらがなカタカナ",
    "مرحبا بالعالم، كيف حالك؟",
    "שלום עולם",
    "नमस्ते दुनिया क्षत्रिय",
    "Здравствуйте, мир Ёё",
    "Γειά σου Κόσμε",
    "ไทยภาษา",
    "👍🏽👨‍👩‍👧🇬🇧🧑🏿‍🦱❤️‍🔥🏳️‍🌈😀🫠",
    // Combining marks on their own and in clusters.
    "\u{0301}\u{0308}\u{0327}\u{20DD}\u{0338}e\u{0301}a\u{0308}\u{0323}Z\u{0351}\u{0352}\u{0353}",
    // Invisible and direction-changing characters, C1 controls, line separators, replacement.
    "\u{200B}\u{200C}\u{200D}\u{200E}\u{200F}\u{202E}\u{2066}\u{FEFF}\u{2028}\u{2029}",
    "\u{0085}\u{0080}\u{009B}\u{00A0}\u{00AD}\u{FFFD}\u{E000}\u{F8FF}\u{0378}\u{10FFFD}",
    // Wide and ambiguous-width symbols.
    "─│┌┐└┘█░▸★·…→✓⚑　！ｗｉｄｅ",
  ]

  /// Letters that are commands somewhere (home, live, ratings, confirmations, lists).
  static let commandLetters: [Character] = Array("qynpsedxrm+-=?jk12345 ")

  static let named: [Key] = [
    .enter, .enter, .enter, .escape, .tab, .backTab, .backspace, .backspace, .delete, .up, .up,
    .down, .down, .left, .right, .home, .end, .pageUp, .pageDown, .insert,
  ]

  /// Pieces of escape sequences (CSI, SS3, OSC, bracketed paste) as keys after an Esc.
  static let escapeTails: [String] = [
    "[A", "[1;5C", "[200~", "[201~", "OP", "[15~", "]0;title\u{07}", "[?1049h", "[6n", "[M !!",
    "[<0;10;5M", "P+q544e\u{1B}\\", "[99999999999999999999m", "[",
  ]

  /// One or more keys: most draws give one key, an escape burst gives several.
  static func draw(using rng: inout SeededGenerator) -> [Key] {
    switch Int.random(in: 0..<100, using: &rng) {
    case 0..<36: return [character(using: &rng)]
    case 36..<58: return [named.randomElement(using: &rng)!]
    case 58..<78: return [.character(commandLetters.randomElement(using: &rng)!)]
    case 78..<88:
      let letter = Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &rng)))
      return [.control(letter)]
    case 88..<94: return [.function(Int.random(in: 1...24, using: &rng))]
    default:
      let tail = escapeTails.randomElement(using: &rng)!
      return [.escape] + tail.unicodeScalars.map(key(for:))
    }
  }

  /// A printable key: usually one scalar, as a terminal decodes it; sometimes a whole cluster.
  static func character(using rng: inout SeededGenerator) -> Key {
    let script = scripts.randomElement(using: &rng)!
    if Int.random(in: 0..<5, using: &rng) == 0 {
      return .character(Array(script).randomElement(using: &rng)!)
    }
    return key(for: Array(script.unicodeScalars).randomElement(using: &rng)!)
  }

  /// The key a terminal reports for one scalar: controls become their chords, as ncurses does.
  static func key(for scalar: Unicode.Scalar) -> Key {
    switch scalar.value {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .control(Character(Unicode.Scalar(scalar.value + 96)!))
    case 0, 28...31: return .control("@")
    default: return .character(Character(scalar))
    }
  }

  /// About `bytes` of one-paragraph UTF-8 text drawn from every script, as a paste delivers it:
  /// one key per scalar. Without newlines, which a terminal would send as Enter.
  static func paste(bytes: Int, using rng: inout SeededGenerator) -> [Key] {
    var keys: [Key] = []
    var size = 0
    while size < bytes {
      let scalars = Array(scripts.randomElement(using: &rng)!.unicodeScalars)
      let start = Int.random(in: 0..<scalars.count, using: &rng)
      for scalar in scalars[start...].prefix(12) where size < bytes {
        // A paste of text carries no controls other than newlines and tabs.
        if scalar.value < 32 || (0x80...0x9F).contains(scalar.value) { continue }
        keys.append(.character(Character(scalar)))
        size += String(scalar).utf8.count
      }
    }
    return keys
  }
}
