import ArgumentParser
import Testing

@testable import peerconsult

/// Which starts skip argument-parser (`LeadingOptions.screenStart`): home and `review` with at
/// most a data folder; anything more is parsed. `ScreenStartEndToEndTests` shows the skipped
/// ones behave as the parsed commands do.
@Suite struct ScreenStartTests {
  private typealias Start = LeadingOptions.ScreenStart

  @Test func homeAndTheReviewListWithAtMostADataFolderAreOpenedUnparsed() {
    let cases: [([String], Start?)] = [
      ([], Start(screen: .home)),
      (["--data-dir", "d"], Start(screen: .home, dataDirectory: "d")),
      (["--data-dir=d e"], Start(screen: .home, dataDirectory: "d e")),
      (["review"], Start(screen: .review)),
      (["review", "--data-dir", "d"], Start(screen: .review, dataDirectory: "d")),
      (["review", "--data-dir="], nil),
      (["review", "--data-dir=d"], Start(screen: .review, dataDirectory: "d")),
      (["review", "--data-dir", ""], Start(screen: .review, dataDirectory: "")),
      (["review", "--data-dir"], nil),
      (["review", "--data-dir", "-d"], nil),
      (["review", "--help"], nil),
      (["review", "--"], nil),
      (["review", "--data-dir", "d", "--"], nil),
      (["review", "--data-dir", "d", "--data-dir", "e"], nil),
      (["home"], nil),
      (["list"], nil),
      (["list", "--data-dir", "d"], nil),
      (["--version"], nil),
    ]
    for (arguments, start) in cases {
      #expect(LeadingOptions.screenStart(arguments) == start, "\(arguments)")
    }
  }

  /// Every command, nested ones included, names itself: argument-parser would otherwise derive
  /// the name with `String(describing:)` at every parsed start, whose dynamic casts scan every
  /// protocol conformance of the binary (Docs/ARCHITECTURE.md).
  @Test func everyCommandNamesItself() {
    var unnamed: [String] = []
    var commands: [any ParsableCommand.Type] = [PeerConsultCommand.self]
    while let command = commands.popLast() {
      if command.configuration.commandName == nil { unnamed.append("\(command)") }
      commands += command.configuration.subcommands
    }
    #expect(unnamed.isEmpty, "\(unnamed)")
  }

  /// A leading `--data-dir` is moved after `review` first, so it opens unparsed too.
  @Test func aLeadingDataFolderBeforeReviewIsOpenedUnparsed() throws {
    let commands = PeerConsultCommand.configuration.subcommands.map { $0._commandName }
    let arguments = try LeadingOptions.reordered(["--data-dir", "d", "review"], commands: commands)
    #expect(LeadingOptions.screenStart(arguments) == Start(screen: .review, dataDirectory: "d"))
  }
}
