import Synchronization

/// A grapheme cluster as plain bytes, so that a ``Cell`` holds no reference: its UTF-8 in
/// place when it has at most 15 bytes (every letter, CJK character, accented letter, flag and
/// most emoji), else the number of its entry in a table of the longer clusters drawn (a
/// family emoji, a letter under many marks), or, once that table is full, the first whole
/// scalars of it that fit in place (its base and first marks, as wide as the whole).
///
/// A character held as a `Character` made every cell a reference to count: making a row,
/// filling it, copying it onto the frame shown and dropping it retained and released each
/// cell, most of what drawing a keystroke's row cost. Plain bytes are copied, filled and
/// compared as memory.
struct Glyph: Hashable, Sendable {
  /// Bytes 0-15 in memory order: the UTF-8, zero after it, and its count in byte 15; or, for
  /// a long cluster, its number in ``longClusters`` in `words.0` and `long` in byte 15.
  private var words: (UInt64, UInt64)

  /// The byte count that marks a long cluster's number.
  private static let long: UInt8 = 0xFF
  /// The most bytes held in place.
  private static let inPlace = 15

  static func == (one: Glyph, other: Glyph) -> Bool {
    one.words.0 == other.words.0 && one.words.1 == other.words.1
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(words.0)
    hasher.combine(words.1)
  }

  /// The space, as every blank cell holds it.
  static let space = Glyph(scalar: " ")

  /// One scalar, which is one cluster on its own.
  init(scalar: Unicode.Scalar) {
    words = (0, 0)
    withUnsafeMutableBytes(of: &words) { bytes in
      var count = 0
      for byte in UTF8.encode(scalar)! {
        bytes[count] = byte
        count += 1
      }
      bytes[Self.inPlace] = UInt8(count)
    }
  }

  init(_ character: Character) {
    if let glyph = character.utf8.withContiguousStorageIfAvailable(Glyph.init(utf8:)) {
      self = glyph
    } else {
      self = Array(character.utf8).withUnsafeBufferPointer(Glyph.init(utf8:))
    }
  }

  /// The cluster whose UTF-8 is `utf8`: in place when it fits, else numbered in
  /// ``longClusters``, else (the table full) cut to what fits in place.
  private init(utf8: UnsafeBufferPointer<UInt8>) {
    if utf8.count > Self.inPlace,
      let number = Self.longClusters.withLock({ $0.number(of: utf8) })
    {
      self.init(number: number)
    } else {
      self.init(inPlace: utf8)
    }
  }

  /// The long cluster `number` of ``longClusters``.
  private init(number: UInt64) {
    words = (number, 0)
    withUnsafeMutableBytes(of: &words) { $0[Self.inPlace] = Self.long }
  }

  /// The first whole scalars of `utf8` that fit in place (all of them when it is short).
  init(inPlace utf8: UnsafeBufferPointer<UInt8>) {
    let count = LongClusters.cutEnd(of: utf8, atMost: Self.inPlace)
    words = (0, 0)
    withUnsafeMutableBytes(of: &words) { bytes in
      bytes.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[..<count])))
      bytes[Self.inPlace] = UInt8(count)
    }
  }

  /// The cluster as a string of one character.
  var string: String {
    let count = withUnsafeBytes(of: words) { $0[Self.inPlace] }
    if count == Self.long {
      let number = Int(words.0)
      return Self.longClusters.withLock {
        String(decoding: $0.clusters[number], as: UTF8.self)
      }
    }
    return withUnsafeBytes(of: words) { bytes in
      String(decoding: bytes.prefix(Int(count)), as: UTF8.self)
    }
  }

  /// The cluster as a character (a cut cluster's prefix is still one cluster; were it not,
  /// its first, rather than a trap).
  var character: Character { string.first ?? " " }

  /// The long clusters drawn in this process, each kept once.
  private static let longClusters = Mutex(LongClusters(capacity: 4096))
}
