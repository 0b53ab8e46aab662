import Foundation
import Testing

/// No argument, file name or file content puts a control character on the user's terminal,
/// and text that cannot be typed is refused at the door naming its field (issue 14, item 2).
@Suite(.enabled(if: TmuxSession.binaryExists, "needs the built peerconsult binary"))
struct ControlCharacterEndToEndTests {
  /// An OSC that retitles the terminal, then a clear screen, a C1 CSI and DEL.
  static let attack = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{9B}31m\u{7F}"

  /// Control characters in `text` other than line breaks and tabs.
  static func controls(in text: String) -> [String] {
    text.unicodeScalars.filter {
      ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
    }.map { "U+" + String($0.value, radix: 16) }
  }

  /// Runs `arguments` in a fresh folder; both streams must be free of control characters.
  private func run(_ arguments: [String], in folder: URL) throws -> SpawnedCommand {
    let result = try SpawnedCommand(
      arguments + ["--data-dir", folder.appendingPathComponent("data").path], in: folder)
    #expect(Self.controls(in: result.stdout).isEmpty, "\(arguments) stdout: \(result.stdout)")
    #expect(Self.controls(in: result.stderr).isEmpty, "\(arguments) stderr: \(result.stderr)")
    return result
  }

  private func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("pc-controls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func runRefusesATitleOrProgrammeThatCannotBeTyped() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let people = ["--participant", "Ann;Council;senior", "--participant", "Ben;NHS;middle"]
    let title = try run(["run", "--title", "Night" + Self.attack] + people, in: folder)
    #expect(title.status == 1 && title.stderr.contains("the title contains a control character"))
    let programme = try run(
      ["run", "--title", "Night", "--programme", "Plan\u{07}"] + people, in: folder)
    #expect(programme.status == 1)
    #expect(programme.stderr.contains("the programme contains a control character (U+0007)"))
    // One person given twice, alike but for accents, is refused as the form refuses it.
    let twice = try run(
      ["run", "--title", "Night", "--participant", "Zoë Müller;Council;senior"]
        + ["--participant", "Zoe Muller;NHS;middle"], in: folder)
    #expect(twice.status == 1)
    #expect(
      twice.stderr
        == "Error: \"Zoe Muller\" looks like \"Zoë Müller\", given already: give each person "
        + "once, or tell two people apart (an initial).\n", "\(twice.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("data").path))
  }

  @Test func fileNamesArgumentsAndFileContentsAreShownNotObeyed() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let protocols = folder.appendingPathComponent("config/peerconsult/protocols")
    try FileManager.default.createDirectory(at: protocols, withIntermediateDirectories: true)
    try "not: [valid".write(
      to: protocols.appendingPathComponent(Self.attack + ".yaml"), atomically: true,
      encoding: .utf8)
    let binary = folder.appendingPathComponent("binary.yaml")
    try Data([0x1B, 0x5B, 0x32, 0x4A, 0x9B, 0x07, 0x00, 0xFF]).write(to: binary)
    #expect(try run(["protocols", "list"], in: folder).stderr.contains("owned"))
    #expect(try run(["protocols", "check"], in: folder).status == 1)
    #expect(try run(["protocols", "check", binary.path], in: folder).status == 1)
    #expect(try run(["protocols", "show", Self.attack], in: folder).status != 0)
    #expect(try run(["harvest", "--programme", Self.attack], in: folder).status != 0)
    #expect(try run(["show", Self.attack], in: folder).status != 0)
    #expect(try run(["search", Self.attack, "--limit", "0"], in: folder).status != 0)
    #expect(try run(["list", "--no-such-option" + Self.attack], in: folder).status != 0)
  }
  /// A line break in a protocol file's name, or in a programme asked for, stays on its one
  /// line, spelt out: a file named "new⏎line.yaml" made a row of its own in `protocols list`
  /// (and could forge one), and `--programme` with a line break a refusal of two lines.
  @Test func aLineBreakInAFileNameOrAnArgumentStaysOnItsLine() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let protocols = folder.appendingPathComponent("config/peerconsult/protocols")
    try FileManager.default.createDirectory(at: protocols, withIntermediateDirectories: true)
    try "name: Y\nround:\n  - name: P\n    duration: 1m\n".write(
      to: protocols.appendingPathComponent("new\nline.yaml"), atomically: true, encoding: .utf8)
    try "not: [valid".write(
      to: protocols.appendingPathComponent("bad\nfile.yaml"), atomically: true, encoding: .utf8)
    let listed = try run(["protocols", "list"], in: folder)
    let rows = listed.stdout.split(separator: "\n")
    #expect(rows.filter { $0.contains("line.yaml") }.count == 1, "\(listed.stdout)")
    #expect(rows.contains { $0.hasPrefix("new-line") && $0.contains("new<U+000A>line.yaml") })
    #expect(!listed.stderr.split(separator: "\n").contains { $0.hasPrefix("file.yaml") })
    let checked = try run(["protocols", "check"], in: folder)
    for line in (checked.stdout + checked.stderr).split(separator: "\n") {
      #expect(!line.hasPrefix("line.yaml") && !line.hasPrefix("file.yaml"), "\(line)")
    }
    #expect(checked.stdout.contains("new<U+000A>line.yaml: OK"))
    #expect(try run(["import", CommandLineTests.sessionsExport.path], in: folder).status == 0)
    for command in ["harvest", "list", "actions"] {
      let refused = try run([command, "--programme", "x\nFAKE LINE"], in: folder)
      #expect(refused.status != 0)
      #expect(refused.stderr.split(separator: "\n").count == 1, "\(command): \(refused.stderr)")
    }
  }
}
