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
    let text = try readelf("--dyn-syms")
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

  /// The pointers in the program's metadata that the dynamic loader fixes up at every start
  /// (132,000 in the static build) are packed as DT_RELR bitmaps where the C library reads
  /// them (glibc 2.36 on), instead of 24-byte relocation entries the loader reads one by one.
  @Test(
    .enabled(
      if: relocationsArePacked,
      "glibc older than 2.36, no ld.lld on the PATH or PEERCONSULT_PORTABLE_BUILD set"))
  func theLoaderFixesUpThePointersFromBitmaps() throws {
    #expect(try readelf("--section-headers").contains(".relr.dyn"))
    let relative = try readelf("--relocs").split(separator: "\n").filter {
      $0.contains("R_X86_64_RELATIVE") || $0.contains("R_AARCH64_RELATIVE")
    }
    #expect(relative.count < 1_000, "\(relative.count) relative relocations one by one")
  }

  /// Whether Package.swift asks for the packing here: glibc 2.36 or later, lld on the PATH,
  /// and no `PEERCONSULT_PORTABLE_BUILD` (a build for other machines).
  static var relocationsArePacked: Bool {
    let environment = ProcessInfo.processInfo.environment
    guard environment["PEERCONSULT_PORTABLE_BUILD"] == nil,
      (environment["PATH"] ?? "").split(separator: ":").contains(where: {
        FileManager.default.isExecutableFile(atPath: "\($0)/ld.lld")
      })
    else { return false }
    var name = [CChar](repeating: 0, count: 64)
    let length = confstr(Int32(_CS_GNU_LIBC_VERSION), &name, name.count)
    guard length > 1, length <= name.count else { return false }
    let text = String(
      decoding: name.prefix(length - 1).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let version = (text.split(separator: " ").last ?? "").split(separator: ".").compactMap {
      Int($0)
    }
    return version.count >= 2 && (version[0], version[1]) >= (2, 36)
  }

  /// What `readelf --wide OPTION` says of the program.
  private func readelf(_ option: String) throws -> String {
    let output = Pipe()
    let readelf = Process()
    readelf.executableURL = URL(fileURLWithPath: "/usr/bin/readelf")
    readelf.arguments = [option, "--wide", TmuxSession.binary]
    readelf.standardOutput = output
    try readelf.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    readelf.waitUntilExit()
    #expect(readelf.terminationStatus == 0)
    return text
  }
}
