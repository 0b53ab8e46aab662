import Foundation
import Testing

extension CommandLineTests {
  /// A mistyped command line is refused in one line that names what is wrong and where to read
  /// more: argument-parser's own refusals gave three or four lines (the error, the option's
  /// help, the usage and a pointer), "--limit -1" was a missing value, and a mistyped command
  /// was an argument of the home screen's.
  @Test func aMistypedCommandLineIsRefusedInOneLine() throws {
    let folder = try Folder()
    for (arguments, words) in [
      (["list", "--limit", "-1"], "Error: --limit must be 1 or more."),
      (["search", "x", "--limit", "-1"], "Error: --limit must be 1 or more."),
      (
        ["list", "--format", "md"],
        "Error: Unknown option '--format'; see 'peerconsult list --help'."
      ),
      (
        ["list", "--limit", "abc"],
        "Error: The value 'abc' is invalid for '--limit <N>'; see 'peerconsult list --help'."
      ),
      (
        ["search"],
        "Error: Nothing to search for: type a word, a \"phrase\", a #tag or the start of a "
          + "word*, or give --speaker NAME."
      ),
      (["lsit"], "Error: Unknown command 'lsit'; run 'peerconsult --help' for the commands."),
      (
        ["search", (0..<1000).map { "#t\($0)" }.joined(separator: " ")],
        "Error: A search takes at most 32 #tags together: search for fewer."
      ),
      (["actions", "--owner", " "], "Error: --owner needs a name, or the start of one."),
      (
        ["search", "x", "--kind", "idea"],
        "Error: There is no note kind \"idea\"; the kinds are question, insight, theme, "
          + "works-well, blockage, action, feedback, other."
      ),
      // What was typed is quoted with its control characters spelt out: one line still.
      (
        ["search", "\n\t"],
        "Error: Nothing to search for in \"<U+000A><U+0009>\""
      ),
      (
        [
          "run", "--title", "T", "--participant", "Asha Khan;Council;senior", "--presenter",
          "Ann\nBob",
        ],
        "Error: --presenter \"Ann<U+000A>Bob\" is not a participant (participants: Asha Khan)."
      ),
    ] {
      let refused = try run(arguments, in: folder)
      expectRefusal(refused, mentioning: words)
    }
    // Help is still whole, on standard output.
    let help = try run(["list", "--help"], in: folder)
    #expect(help.status == 0 && help.stdout.contains("USAGE: peerconsult list"))
    // Each kind named, in the help as in the refusal.
    let searchHelp = try run(["search", "--help"], in: folder).stdout
    #expect(
      searchHelp.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
        "Only notes of this kind: question, insight, theme, works-well, blockage, action, "
          + "feedback, other."), "\(searchHelp)")
  }

  /// A refusal whose lines are its own stays whole: every problem of a protocol file, one a
  /// line, as the protocol files' page promises.
  @Test func aProtocolFilesProblemsAreEachGivenOnALine() throws {
    let folder = try Folder()
    let file = folder.file("two-problems.yaml")
    try "name: X\nround:\n  - name: A\n  - name: B\n    duration: zz\n".write(
      to: file, atomically: true, encoding: .utf8)
    let refused = try run(
      ["run", "--protocol", file.path, "--title", "T", "--participant", "A B;C;senior"],
      in: folder)
    #expect(refused.status == 1)
    let lines = refused.stderr.split(separator: "\n")
    #expect(lines.count == 2, "\(refused.stderr)")
    #expect(lines.first?.contains(":3:5: round phase 1 (\"A\"): missing 'duration'") == true)
    #expect(lines.last?.contains(":5:15: round phase 2 (\"B\"): 'zz' is not a duration") == true)
  }
}
