import Synchronization

/// How many terminal columns text takes: CJK and emoji take two, combining marks none.
///
/// Computed from Unicode properties and the East Asian Wide ranges rather than the C
/// library's `wcwidth`, which depends on the process locale and so differs between tests
/// and a real terminal.
public enum DisplayWidth {
  /// Columns taken by one grapheme cluster (0, 1 or 2).
  public static func of(_ character: Character) -> Int {
    // Read from the UTF-8 bytes in place first: every frame measures every character it
    // draws, and a character's scalars, or its bytes one at a time through its UTF-8 view,
    // cost several times more.
    if let quick = character.utf8.withContiguousStorageIfAvailable(quickWidth), let quick {
      return quick
    }
    return clusterWidth(of: character)
  }

  /// The width of a character its bytes do not tell: kept out of ``of(_:)-(Character)``,
  /// whose every call would otherwise first look up the metadata of the Unicode properties
  /// this reads.
  @inline(never)
  private static func clusterWidth(of character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    // An emoji presentation selector widens a text-default base (e.g. "❤️").
    if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
    // Regional-indicator pairs (flags) are drawn two wide.
    if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
    for scalar in scalars {
      let width = of(scalar)
      if width > 0 { return width }
    }
    return 0
  }

  /// The width of a character from its UTF-8 `bytes` when they tell it without Unicode's
  /// properties: ASCII (a control none, a cluster that starts with a letter as wide as the
  /// letter), and a Latin letter alone (é, ß, ø: most of a European note), two bytes in all
  /// making one scalar of U+00A0-U+02FF; nil for the rest.
  private static func quickWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let lead = bytes.first else { return 0 }
    if lead < 0x7F { return lead < 0x20 ? 0 : 1 }
    guard bytes.count == 2 else { return nil }
    let value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[1] & 0x3F)
    return value >= 0xA0 && value < 0x300 ? 1 : nil
  }

  /// Columns taken by one scalar on its own.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x7F { return value < 0x20 ? 0 : 1 }
    guard value < 0x10000 else { return computedWidth(of: scalar) }
    return basicPlaneWidths.withLock { widths in
      if widths[Int(value)] == unknown { widths[Int(value)] = UInt8(computedWidth(of: scalar)) }
      return Int(widths[Int(value)])
    }
  }

  /// Widths of the Basic Multilingual Plane, each worked out the first time it is needed:
  /// every frame measures every character it draws, and the Unicode property look-ups are the
  /// costly part (working out all 65,536 at once would add milliseconds to the start).
  private static let basicPlaneWidths = Mutex([UInt8](repeating: unknown, count: 0x10000))
  private static let unknown: UInt8 = 0xFF

  private static func computedWidth(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value == 0 { return 0 }
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    if value < 0x300 { return 1 }
    // Drawn as the one-column mark that stands in for a control (``ControlCharacters``).
    if ControlCharacters.reorders(scalar) { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
    if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// Columns taken by a string.
  public static func of(_ text: some StringProtocol) -> Int {
    // Most of a screen is printable ASCII: one column a byte, no clusters to find.
    var columns = 0
    for byte in text.utf8 {
      guard byte >= 0x20 && byte < 0x7F else {
        return standaloneWidth(of: text) ?? text.reduce(0) { $0 + of($1) }
      }
      columns += 1
    }
    return columns
  }

  /// The columns of `text` when every scalar in it ``standsAlone(_:)``, measured scalar by
  /// scalar without finding clusters (which costs several times more); nil for other text.
  public static func standaloneWidth(of text: some StringProtocol) -> Int? {
    var columns = 0
    for scalar in text.unicodeScalars {
      guard standsAlone(scalar) else { return nil }
      columns += of(scalar)
    }
    return columns
  }

  /// Whether `scalar` is a printable character that no grapheme-break rule joins to a
  /// neighbour that also stands alone: printable ASCII, the Latin letters and signs below
  /// U+0300, the dashes, quotes and bullets U+2010-U+2027, and the arrows, mathematical
  /// signs, box drawing, shapes and symbols U+2190-U+27FF. Combining marks, joiners,
  /// variation selectors, Hangul jamo, regional indicators and controls all lie outside, so
  /// a text of such scalars has one cluster per scalar, as wide as the scalar.
  public static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20..<0x7F, 0xA0..<0x300, 0x2010..<0x2028, 0x2190..<0x2800: return true
    default: return false
    }
  }

  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
    0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
    0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
    0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]

  private static func isWide(_ value: UInt32) -> Bool {
    if value < 0x1100 { return false }
    return wideRanges.contains { $0.contains(value) }
  }
}

extension String {
  /// Columns this string takes in a terminal.
  public var displayWidth: Int { DisplayWidth.of(self) }

  /// The string cut to at most `width` columns, ending in `…` when something was cut.
  public func truncated(toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    if displayWidth <= width { return self }
    var result = ""
    var used = 0
    for character in self {
      let w = DisplayWidth.of(character)
      if used + w > width - 1 { break }
      result.append(character)
      used += w
    }
    return result + "…"
  }

  /// The string cut to at most `width` columns from its start, beginning with `…` when
  /// something was cut: for a file's path, whose end names it.
  public func truncatedAtStart(toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    if displayWidth <= width { return self }
    var kept: [Character] = []
    var used = 0
    for character in reversed() {
      let w = DisplayWidth.of(character)
      if used + w > width - 1 { break }
      kept.append(character)
      used += w
    }
    return "…" + String(kept.reversed())
  }

  /// The string padded with spaces (or cut with `…`) to exactly `width` columns.
  public func padded(toWidth width: Int) -> String {
    let cut = truncated(toWidth: width)
    return cut + String(repeating: " ", count: max(0, width - cut.displayWidth))
  }
}
