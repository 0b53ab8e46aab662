import Testing

@testable import TerminalKit

@Suite struct CellTests {
  /// A cell is plain bytes: a grid is made, filled, copied and compared without counting a
  /// reference per cell, which a `Character` or `String` field would bring back.
  @Test func aCellHoldsNoReference() {
    #expect(_isPOD(Cell.self))
    #expect(_isPOD(Grid.self) == false)  // its array of cells is one reference
  }

  /// Every character comes back from a cell with the same bytes: held in place up to 15 bytes
  /// (14, 15 and 16 around the edge), numbered beyond, and the same cluster twice is one
  /// number, so equal cells stay equal; characters differing only after their eighth byte or
  /// in their last one are different cells.
  @Test func aCellGivesBackItsCharacterByteForByte() {
    let marks = "\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}"
    let characters: [Character] = [
      " ", "a", "é", "e\u{301}", "ß", "日", "🍺", "❤️", "🇬🇧", "👩‍⚕️",
      Character("a" + marks.dropLast()),  // 13 bytes
      Character("é" + marks.dropLast()),  // 14 bytes
      Character("a" + marks),  // 15 bytes
      Character("é" + marks),  // 16 bytes
      Character("a" + marks + "\u{308}"),  // 17 bytes
      "👨‍👩‍👧‍👦", "🏴󠁧󠁢󠁥󠁮󠁧󠁿",
    ]
    for character in characters {
      let cell = Cell(character, style: .bold)
      #expect(Array(String(cell.character).utf8) == Array(String(character).utf8), "\(character)")
      #expect(cell == Cell(character, style: .bold))
      #expect(cell.hashValue == Cell(character, style: .bold).hashValue)
      var changed = cell
      changed.character = "x"
      #expect(changed != cell && changed.character == "x")
    }
    for (one, other): (Character, Character) in [
      ("é", "e\u{301}"), ("👨‍👩‍👧‍👦", "🏴󠁧󠁢󠁥󠁮󠁧󠁿"),
      ("a\u{301}\u{302}\u{303}\u{304}", "a\u{301}\u{302}\u{303}\u{305}"),  // bytes 8-9
      (Character("a" + marks), Character("a" + marks.dropLast() + "\u{308}")),  // byte 14
      (Character("é" + marks), Character("é" + marks.dropLast() + "\u{308}")),  // byte 15
    ] {
      // Canonically equivalent but different bytes send different bytes: not the same cell.
      #expect(Cell(one) != Cell(other), "\(one) \(other)")
    }
  }

  /// The table of long clusters keeps at most its capacity and at most 64 bytes of a
  /// cluster, cut after a whole scalar; once it is full, a glyph keeps a new long cluster's
  /// first whole scalars in place: its base and as many marks as fit in 15 bytes.
  @Test func longClustersAreBoundedInNumberAndLength() {
    var table = LongClusters(capacity: 2)
    func number(_ text: String) -> UInt64? {
      Array(text.utf8).withUnsafeBufferPointer { table.number(of: $0) }
    }
    #expect(number("👨‍👩‍👧‍👦") == 0)
    #expect(number("🏴󠁧󠁢󠁥󠁮󠁧󠁿") == 1)
    #expect(number("👨‍👩‍👧‍👦") == 0)
    #expect(number("b\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}") == nil)
    #expect(table.clusters.count == 2)

    var heap = LongClusters(capacity: 1)
    let marked = Array(("z" + String(repeating: "\u{301}", count: 1000)).utf8)
    #expect(marked.withUnsafeBufferPointer { heap.number(of: $0) } == 0)
    #expect(heap.clusters[0] == Array(("z" + String(repeating: "\u{301}", count: 31)).utf8))

    let full = marked.withUnsafeBufferPointer(Glyph.init(inPlace:))
    #expect(full.string == "z" + String(repeating: "\u{301}", count: 7))
    #expect(Array(full.string.utf8).count == 15)
    let emoji = Array("👩🏽‍⚕️".utf8)  // 17 bytes: woman, skin tone, joiner, staff, selector
    #expect(emoji.withUnsafeBufferPointer(Glyph.init(inPlace:)).string == "👩🏽\u{200D}\u{2695}")
  }
}
