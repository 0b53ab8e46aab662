/// Clusters too long to hold in a ``Glyph``, each kept once and known by its place.
///
/// Bounded both ways, against a hostile text (a million letters, each under a different heap
/// of marks): at most `capacity` clusters, after which a new one is shown as U+FFFD, and at
/// most `maximumBytes` of each, cut after a whole scalar (a terminal cell shows a base and a
/// few marks; ncurses keeps five scalars). Real transcripts' family emoji and tag flags are
/// 17-28 bytes.
struct LongClusters {
  let capacity: Int
  private var numbers: [[UInt8]: UInt64] = [:]
  private(set) var clusters: [[UInt8]] = []

  init(capacity: Int) { self.capacity = capacity }

  /// The most bytes kept of one cluster.
  static let maximumBytes = 64
  /// The UTF-8 of U+FFFD.
  static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

  /// The number of `utf8`, kept if new and there is room, else the number of U+FFFD.
  mutating func number(of utf8: [UInt8]) -> UInt64 {
    let utf8 = Self.cut(utf8)
    if let number = numbers[utf8] { return number }
    // One place stays for U+FFFD, so that a full table still has it.
    let kept = clusters.count < capacity - 1 ? utf8 : Self.replacement
    if let number = numbers[kept] { return number }
    let number = UInt64(clusters.count)
    clusters.append(kept)
    numbers[kept] = number
    return number
  }

  /// `utf8` cut to at most ``maximumBytes``, at the start of a scalar.
  static func cut(_ utf8: [UInt8]) -> [UInt8] {
    guard utf8.count > maximumBytes else { return utf8 }
    var end = maximumBytes
    // A continuation byte (10xxxxxx) is inside the scalar before it.
    while end > 0 && utf8[end] & 0xC0 == 0x80 { end -= 1 }
    return Array(utf8[..<end])
  }
}
