/// Clusters too long to hold in a ``Glyph``, each kept once and known by its place.
///
/// Bounded both ways, against a hostile text (a million letters, each under a different heap
/// of marks): at most `capacity` clusters, and at most ``maximumBytes`` of each, cut after a
/// whole scalar (a terminal cell shows a base and a few marks; ncurses keeps five scalars).
/// Real transcripts' family emoji and tag flags are 17-28 bytes. Once full, it keeps nothing
/// more, and a ``Glyph`` holds a new long cluster cut to what fits in place: its base and
/// first marks, as wide as before.
struct LongClusters {
  let capacity: Int
  private var numbers: [[UInt8]: UInt64] = [:]
  private(set) var clusters: [[UInt8]] = []

  init(capacity: Int) { self.capacity = capacity }

  /// The most bytes kept of one cluster.
  static let maximumBytes = 64

  /// The number of `utf8` cut to ``maximumBytes``, kept if new; nil when it is new and the
  /// table is full.
  mutating func number(of utf8: UnsafeBufferPointer<UInt8>) -> UInt64? {
    let kept = Array(utf8[..<Self.cutEnd(of: utf8, atMost: Self.maximumBytes)])
    if let number = numbers[kept] { return number }
    guard clusters.count < capacity else { return nil }
    let number = UInt64(clusters.count)
    clusters.append(kept)
    numbers[kept] = number
    return number
  }

  /// Where to cut `utf8` to at most `limit` bytes: its end when it is no longer, else the
  /// start of the scalar that would cross the limit.
  static func cutEnd(of utf8: UnsafeBufferPointer<UInt8>, atMost limit: Int) -> Int {
    guard utf8.count > limit else { return utf8.count }
    var end = limit
    // A continuation byte (10xxxxxx) is inside the scalar before it.
    while end > 0 && utf8[end] & 0xC0 == 0x80 { end -= 1 }
    return end
  }
}
