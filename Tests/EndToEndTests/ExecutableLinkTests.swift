import Foundation
import Testing

/// How the program is linked, where it costs every start.
@Suite(
  .enabled(if: TmuxSession.binaryExists, "needs the built peerconsult binary"),
  .enabled(
    if: FileManager.default.isExecutableFile(atPath: "/usr/bin/readelf"),
    "needs readelf (binutils, which the Swift toolchain's linker comes with)"))
struct ExecutableLinkTests {
  /// swiftc links an executable with `--export-dynamic`, putting every symbol of the program
  /// in its dynamic symbol table (44,000 in the static build), and the Swift runtime's start
  /// walks that table to find its own path. The package undoes it (`--no-export-dynamic`), so
  /// the table holds what the program imports and the few symbols of the C code it carries.
  @Test func theProgramExportsAlmostNothingOfItsOwn() throws {
    let output = Pipe()
    let readelf = Process()
    readelf.executableURL = URL(fileURLWithPath: "/usr/bin/readelf")
    readelf.arguments = ["--dyn-syms", "--wide", TmuxSession.binary]
    readelf.standardOutput = output
    try readelf.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    readelf.waitUntilExit()
    #expect(readelf.terminationStatus == 0)
    // A symbol row: number, value, size, type, bind, visibility, section (UND when
    // imported), name.
    let defined = text.split(separator: "\n").filter { line in
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      return fields.count >= 8 && fields[0].hasSuffix(":") && Int(fields[0].dropLast()) != nil
        && fields[6] != "UND"
        && fields[1] != "0000000000000000"
    }
    #expect(defined.count < 500, "\(defined.count) symbols exported")
    #expect(!defined.contains { $0.contains("peerconsult") || $0.contains("PeerConsult") })
  }
}
