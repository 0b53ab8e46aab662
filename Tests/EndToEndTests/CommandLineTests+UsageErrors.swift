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
        "Error: Missing expected argument '<QUERY>'; see 'peerconsult search --help'."
      ),
      (["lsit"], "Error: Unknown command 'lsit'; run 'peerconsult --help' for the commands."),
    ] {
      let refused = try run(arguments, in: folder)
      expectRefusal(refused, mentioning: words)
    }
    // Help is still whole, on standard output.
    let help = try run(["list", "--help"], in: folder)
    #expect(help.status == 0 && help.stdout.contains("USAGE: peerconsult list"))
  }
}
