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
  /// (one on each side of the edge included), numbered beyond, and the same cluster twice is
  /// one number, so equal cells stay equal.
  @Test func aCellGivesBackItsCharacterByteForByte() {
    let characters: [Character] = [
      " ", "a", "é", "e\u{301}", "ß", "日", "🍺", "❤️", "🇬🇧", "👩‍⚕️",
      "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}",  // 15 bytes
      "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}",  // 17 bytes
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
    // Canonically equivalent but different bytes draw different bytes: not the same cell.
    #expect(Cell("é") != Cell("e\u{301}"))
    #expect(Cell("👨‍👩‍👧‍👦") != Cell("🏴󠁧󠁢󠁥󠁮󠁧󠁿"))
  }

  /// The table of long clusters holds at most its capacity, the last place kept for U+FFFD,
  /// and at most 64 bytes of a cluster, cut after a whole scalar.
  @Test func longClustersAreBoundedInNumberAndLength() {
    var table = LongClusters(capacity: 3)
    let first = Array("👨‍👩‍👧‍👦".utf8)
    let second = Array("🏴󠁧󠁢󠁥󠁮󠁧󠁿".utf8)
    #expect(table.number(of: first) == 0)
    #expect(table.number(of: second) == 1)
    #expect(table.number(of: first) == 0)
    let third = Array("b\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}".utf8)
    #expect(table.number(of: third) == 2)
    #expect(table.clusters[2] == LongClusters.replacement)
    #expect(table.number(of: Array("c\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}".utf8)) == 2)
    #expect(table.clusters.count == 3)

    let heap = Array(("z" + String(repeating: "\u{301}", count: 1000)).utf8)
    let cut = LongClusters.cut(heap)
    #expect(cut.count == 63 && cut == Array(("z" + String(repeating: "\u{301}", count: 31)).utf8))
    #expect(LongClusters.cut(first) == first)
  }
}
