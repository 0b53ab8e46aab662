import ArgumentParser
import Foundation
import Testing

@testable import peerconsult

/// The reading commands built without argument-parser (`UnparsedCommand`) are the commands
/// argument-parser builds from the same arguments, every property read; anything not plain is
/// left to argument-parser.
@Suite struct UnparsedCommandTests {
  /// Every property of `command`, read: a property `UnparsedCommand` left unset would stop the
  /// test here, as it would stop the command.
  private func fields(_ command: any ParsableCommand) -> [String] {
    switch command {
    case let list as ListCommand:
      return [
        "list", "\(list.data.dataDir as Any)", "\(list.programme as Any)", "\(list.limit as Any)",
        "\(list.all)", "\(list.json)",
      ]
    case let search as SearchCommand:
      return [
        "search", "\(search.data.dataDir as Any)", "\(search.query as Any)",
        "\(search.programme as Any)", "\(search.kind as Any)", "\(search.speaker as Any)",
        "\(search.limit)", "\(search.newest)", "\(search.json)",
      ]
    case let show as ShowCommand:
      return ["show", "\(show.data.dataDir as Any)", show.session]
    default:
      return ["\(type(of: command))"]
    }
  }

  /// A data folder `DataOptions.validate` accepts: it need not exist yet.
  private let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("unparsed-\(UUID().uuidString)").path

  @Test func plainArgumentsBuildTheCommandArgumentParserBuilds() throws {
    let d = folder
    let plain: [[String]] = [
      ["list"],
      ["list", "--data-dir", d],
      ["list", "--data-dir=\(d)", "--json"],
      ["list", "--limit", "5", "--data-dir", d],
      ["list", "--limit=+7", "--all", "--json", "--programme", "Alcohol Plan"],
      ["list", "--programme=Alcohol Plan", "--limit", "0"],
      ["list", "--all", "--limit", "3"],
      ["search", "licensing"],
      ["search", "居酒屋", "--data-dir", d],
      ["search", "--newest", "飲酒", "--data-dir", d],
      ["search", "\"night time\"", "--limit", "3", "--json", "--newest"],
      ["search", "licen*", "--kind", "ACTION", "--programme", "P", "--limit=9"],
      ["search", "#trust", "--kind=nothing"],
      ["search", "a=b"],
      ["search", "help"],
      ["search", "list"],
      ["search", "--limit", "0", "word"],
      ["search", "--speaker", "Seán O'Neill"],
      ["search", "backlog", "--speaker=王伟", "--newest", "--data-dir", d],
      ["show", "latest"],
      ["show", "f84e", "--data-dir", d],
      ["show", "--data-dir=\(d)", "help"],
    ]
    for arguments in plain {
      let built = try #require(UnparsedCommand.command(arguments), "\(arguments)")
      let parsed = try PeerConsultCommand.parseAsRoot(arguments)
      #expect(fields(built) == fields(parsed), "\(arguments)")
    }
  }

  /// Help, `--`, a misspelt, repeated or valueless option, a value like an option, a missing or
  /// extra value in place, a number that is not one, another command, and a data folder that
  /// is refused: each is argument-parser's, to parse or refuse in its words.
  @Test func anythingElseIsLeftToArgumentParser() throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("unparsed-file-\(UUID().uuidString)")
    try Data("not a folder".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let others: [[String]] = [
      [],
      ["list", "--help"],
      ["list", "-h"],
      ["list", "--"],
      ["list", "extra"],
      ["list", "--jsn"],
      ["list", "--json", "--json"],
      ["list", "--limit", "5", "--limit", "6"],
      ["list", "--limit=5", "--limit", "6"],
      ["list", "--limit"],
      ["list", "--limit", "-1"],
      ["list", "--limit=-1"],
      ["list", "--limit", "five"],
      ["list", "--limit", "99999999999999999999"],
      ["list", "--programme", ""],
      ["list", "--programme="],
      ["list", "--programme", "--json"],
      ["list", "--data-dir", ""],
      ["list", "--data-dir", file.path],
      ["list", "--data-dir=\(file.path)"],
      ["list", "--newest"],
      ["search"],
      ["search", "a", "b"],
      ["search", "-x"],
      ["search", "-"],
      ["search", "--", "-x"],
      ["search", "word", "--all"],
      ["search", "word", "--kind"],
      ["search", "word", "--data-dir", file.path],
      ["show"],
      ["show", "latest", "other"],
      ["show", "latest", "--json"],
      ["show", "--help"],
      ["actions"],
      ["review"],
      ["export", "latest"],
      ["--version"],
    ]
    for arguments in others {
      #expect(UnparsedCommand.command(arguments) == nil, "\(arguments)")
    }
  }

  @Test func plainArgumentsAreReadInPlaceAsOptionsAndAsFlags() {
    let read = PlainArguments(
      ["q", "--limit", "5", "--json", "--kind=x=y", "r"], options: ["--limit", "--kind"],
      flags: ["--json"])
    #expect(read?.positionals == ["q", "r"])
    #expect(read?.values == ["--limit": "5", "--kind": "x=y"])
    #expect(read?.flags == ["--json"])
    // `=` in a value in place, or after a flag or an unknown name, is not an option's.
    #expect(PlainArguments(["a=b"], options: ["--a"], flags: [])?.positionals == ["a=b"])
    #expect(PlainArguments(["--json=1"], options: [], flags: ["--json"]) == nil)
    #expect(PlainArguments(["--other=1"], options: ["--limit"], flags: []) == nil)
  }
}
