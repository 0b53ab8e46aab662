import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// `DataFolder.names(in:)`, the listing every opening makes of `<data>/locks`: the C
/// library's, and the same names as Foundation's.
@Suite struct DataFolderNamesTests {
  @Test func theNamesAreFoundationsNames() throws {
    let folder = try TemporaryFolder()
    let long = String(repeating: "n", count: 250) + ".lock"
    for name in ["opening-1.lock", ".opening-2.lock", "clean-close", "Zoë 王.txt", long] {
      try folder.write(name, "x")
    }
    try FileManager.default.createDirectory(
      at: folder.path("inner"), withIntermediateDirectories: false)
    let names = DataFolder.names(in: folder.url).sorted()
    #expect(
      names == (try FileManager.default.contentsOfDirectory(atPath: folder.url.path)).sorted())
    #expect(names.count == 6)
    #expect(names.contains(long) && names.contains("Zoë 王.txt") && !names.contains("."))
  }

  @Test func aFolderThatCannotBeReadHasNoNames() throws {
    let folder = try TemporaryFolder()
    #expect(DataFolder.names(in: folder.path("missing")).isEmpty)
    try folder.write("file", "x")
    #expect(DataFolder.names(in: folder.path("file")).isEmpty)
    #expect(DataFolder.names(in: folder.url) == ["file"])
  }
}
