import Foundation

/// Folds the texts the review list's filter looks in, session after session, as
/// ``folded(_:)`` folds them, looking up each letter of the common scripts instead
/// of asking Foundation for each text.
///
/// Reading ten thousand sessions asked Foundation to fold each session's text whole wherever a
/// presenter's name was not ASCII ("Bjørn Ødegård", "محمد Khan"): about 10 µs a session, 100
/// ms before the first filtered frame. Foundation folds each of these scalars by itself, so
/// each one's folding is asked of Foundation once, in blocks of 64 as they are first met, and
/// kept for the texts after it (`HaystackFolderTests` compares whole texts with Foundation's
/// folding). A text with any other scalar is folded by Foundation whole, as before.
public struct HaystackFolder: Sendable {
  /// Each block's foldings, by the block's number (the scalar's value over 64); nil for a
  /// mark, which Foundation folds with the letter before it (an accent after a letter goes,
  /// an accent by itself stays).
  private var blocks: [UInt32: [[UInt8]?]] = [:]

  public init() {}

  /// `text` folded as ``folded(_:)`` folds it.
  public mutating func fold(_ text: String) -> String {
    var folded: [UInt8] = []
    folded.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        folded.append(Self.foldedASCII(UInt8(value)))
      } else if Self.isIdeograph(value) {
        // A unified ideograph has no case, accent or width: it folds to itself.
        folded.append(contentsOf: String(scalar).utf8)
      } else if Self.isLookedUp(value), let folding = foldings(ofBlock: value >> 6)[Int(value & 63)]
      {
        folded.append(contentsOf: folding)
      } else {
        return Self.folded(text)
      }
    }
    return String(decoding: folded, as: UTF8.self)
  }

  /// Latin, Greek, Cyrillic, Arabic, kana and hangul syllables: the scripts of the names and
  /// titles a programme has, each of whose scalars but the marks Foundation folds by itself.
  static func isLookedUp(_ value: UInt32) -> Bool {
    switch value {
    case 0x80...0x2FF, 0x370...0x52F, 0x600...0x6FF, 0x3040...0x30FF, 0xAC00...0xD7A3: return true
    default: return false
    }
  }

  /// A unified Han ideograph, which has no case, accent or width and folds to itself.
  static func isIdeograph(_ value: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
  }

  /// The foldings of the 64 scalars of block `number`, asked of Foundation the first time.
  private mutating func foldings(ofBlock number: UInt32) -> [[UInt8]?] {
    if let known = blocks[number] { return known }
    let made = (number << 6..<(number + 1) << 6).map { value -> [UInt8]? in
      guard let scalar = Unicode.Scalar(value) else { return nil }
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark: return nil
      default: return Array(Self.folded(String(scalar)).utf8)
      }
    }
    blocks[number] = made
    return made
  }

  /// `text` without case, accents or width, as Foundation folds it. ASCII, most of what the
  /// filter looks in (titles, names once folded, every date), is lowercased from its bytes:
  /// Foundation took 70 ms to fold the texts of ten thousand sessions.
  public static func folded(_ text: String) -> String {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
      return text.folding(
        options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
    return String(decoding: text.utf8.map(foldedASCII), as: UTF8.self)
  }

  /// An ASCII byte folded as Foundation folds it: a capital to its small letter.
  static func foldedASCII(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
  }
}
