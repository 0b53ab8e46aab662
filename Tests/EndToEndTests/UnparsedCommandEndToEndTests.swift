import Foundation
import Testing

/// `list`, `search` and `show` run without argument-parser when their arguments are plain
/// (`UnparsedCommand`): each writes what the parsed command writes, on both outputs, with the
/// same status. A `--` makes argument-parser parse the same command.
@Suite(.enabled(if: TmuxSession.binaryExists, "needs the built peerconsult binary"))
struct UnparsedCommandEndToEndTests {
  @Test func writesWhatTheParsedCommandWrites() throws {
    let folder = try OutputEndToEndTests.Folder()
    let imported = try SpawnedCommand(
      ["import", OutputEndToEndTests.sessionsExport, "--data-dir", folder.data], in: folder.url)
    #expect(imported.status == 0, "\(imported.stderr)")
    let file = folder.url.appendingPathComponent("notes.txt")
    try Data("not a folder".utf8).write(to: file)
    let data = ["--data-dir", folder.data]
    // Each: as typed, unparsed, and the same through argument-parser.
    let cases: [([String], [String])] = [
      (["list"] + data, ["list"] + data + ["--"]),
      (
        ["list", "--json", "--limit", "1"] + data,
        ["list", "--json", "--limit", "1"] + data + ["--"]
      ),
      (
        ["list", "--programme", "Nothing"] + data,
        ["list", "--programme", "Nothing"] + data + ["--"]
      ),
      (["list", "--all", "--limit=1"] + data, ["list", "--all", "--limit=1"] + data + ["--"]),
      (["list", "--limit", "0"] + data, ["list", "--limit", "0"] + data + ["--"]),
      (["list", "--data-dir", file.path], ["list", "--data-dir", file.path, "--"]),
      (["search", "referral*"] + data, ["search"] + data + ["--", "referral*"]),
      (
        ["search", "referral*", "--newest", "--json"] + data,
        ["search", "--newest", "--json"] + data + ["--", "referral*"]
      ),
      (["search", "   "] + data, ["search"] + data + ["--", "   "]),
      (
        ["search", "word", "--kind", "bogus"] + data,
        ["search", "--kind", "bogus"] + data + ["--", "word"]
      ),
      (["search", "word"] + data, ["search"] + data + ["--", "word"]),
      (
        ["search", "--speaker", "Nobody Here"] + data,
        ["search", "--speaker", "Nobody Here"] + data + ["--"]
      ),
      (["show", "latest"] + data, ["show"] + data + ["--", "latest"]),
      (["show", "0000"] + data, ["show"] + data + ["--", "0000"]),
      (
        ["show", "latest", "--data-dir", folder.url.appendingPathComponent("none").path],
        ["show", "--data-dir", folder.url.appendingPathComponent("none").path, "--", "latest"]
      ),
    ]
    for (typed, parsed) in cases {
      let direct = try SpawnedCommand(typed, in: folder.url)
      let throughParser = try SpawnedCommand(parsed, in: folder.url)
      #expect(direct.stdout == throughParser.stdout, "\(typed)")
      #expect(direct.stderr == throughParser.stderr, "\(typed)")
      #expect(direct.status == throughParser.status, "\(typed)")
    }
    // The cases write something: a session listed, a note found, a transcript, refusals.
    let listed = try SpawnedCommand(["list"] + data, in: folder.url)
    #expect(listed.status == 0 && listed.stdout.split(separator: "\n").count >= 3)
    let found = try SpawnedCommand(["search", "referral*"] + data, in: folder.url)
    #expect(found.status == 0 && found.stdout.lowercased().contains("referral"))
  }
}
