import Foundation
import PeerConsultKit
import Testing

/// The starts that open a screen without argument-parser (`LeadingOptions.screenStart`): no
/// command (home) and `review`, each with a data folder or none. They must check the data
/// folder and fail exactly as the parsed commands do, and take a `--data-dir` in every
/// spelling.
@Suite(.enabled(if: TmuxSession.binaryExists, "needs the built peerconsult binary"))
struct ScreenStartEndToEndTests {
  /// Each start as typed and as argument-parser parses it gives the same status and the same
  /// one line on standard error.
  private func expectSameRefusals(_ cases: [([String], [String], String?)], in folder: URL) throws {
    for (typed, parsed, refusal) in cases {
      let direct = try SpawnedCommand(typed, in: folder)
      let throughParser = try SpawnedCommand(parsed, in: folder)
      if let refusal {
        #expect(direct.status == 1, "\(typed)")
        #expect(direct.stderr.split(separator: "\n").count == 1, "\(typed): \(direct.stderr)")
        #expect(direct.stderr.contains(refusal), "\(typed): \(direct.stderr)")
      }
      #expect(!direct.stderr.isEmpty, "\(typed)")
      #expect(direct.stderr == throughParser.stderr, "\(typed)")
      #expect(direct.status == throughParser.status, "\(typed)")
      #expect(direct.stdout.isEmpty)
    }
  }

  /// A private folder holding a file where a data folder might be named, and the path of a
  /// data folder not yet made.
  private static func refusalFolder() throws -> (OutputEndToEndTests.Folder, URL, String) {
    let folder = try OutputEndToEndTests.Folder()
    let file = folder.url.appendingPathComponent("notes.txt")
    try "not a folder".write(to: file, atomically: true, encoding: .utf8)
    return (folder, file, folder.url.appendingPathComponent("data").path)
  }

  @Test func refusesWhatHomeRefusesWithTheSameLineAndStatus() throws {
    let (folder, file, data) = try Self.refusalFolder()
    // Each: what the user types, its spelling through `home`, and what the refusal says.
    try expectSameRefusals(
      [
        (["--data-dir", ""], ["home", "--data-dir", ""], "--data-dir is empty: give a folder"),
        // Left to argument-parser, which refuses it with its usage (status 64).
        (["--data-dir="], ["home", "--data-dir="], nil),
        (["--data-dir", file.path], ["home", "--data-dir", file.path], "is a file, not a folder"),
        (
          ["--data-dir=\(file.path)"], ["home", "--data-dir", file.path],
          "is a file, not a folder"
        ),
        // Standard input is /dev/null here: the screens need a terminal.
        ([], ["home"], "peerconsult's screens need a terminal"),
        (
          ["--data-dir", data], ["home", "--data-dir", data],
          "peerconsult's screens need a terminal"
        ),
      ], in: folder.url)
    #expect(try String(contentsOf: file, encoding: .utf8) == "not a folder")
  }

  /// `review` is parsed when a `--` follows it, which ends its (absent) arguments.
  @Test func refusesWhatTheParsedReviewRefusesWithTheSameLineAndStatus() throws {
    let (folder, file, data) = try Self.refusalFolder()
    try expectSameRefusals(
      [
        (
          ["review", "--data-dir", ""], ["review", "--data-dir", "", "--"],
          "--data-dir is empty: give a folder"
        ),
        (["review", "--data-dir="], ["review", "--data-dir=", "--"], nil),
        (
          ["review", "--data-dir=\(file.path)"], ["review", "--data-dir", file.path, "--"],
          "is a file, not a folder"
        ),
        // A leading `--data-dir` is moved after the command's name before either looks.
        (
          ["--data-dir", file.path, "review"], ["review", "--data-dir", file.path, "--"],
          "is a file, not a folder"
        ),
        (["review"], ["review", "--"], "peerconsult's screens need a terminal"),
        (
          ["review", "--data-dir", data], ["review", "--data-dir", data, "--"],
          "peerconsult's screens need a terminal"
        ),
      ], in: folder.url)
    #expect(try String(contentsOf: file, encoding: .utf8) == "not a folder")
    #expect(!FileManager.default.fileExists(atPath: data))
  }

  @Test func opensTheHomeScreenOnTheDataFolderInEitherSpelling() throws {
    for spelling in ["--data-dir=", "--data-dir "] {
      let folder = try OutputEndToEndTests.Folder()
      let data = folder.url.appendingPathComponent("d").path
      let arguments =
        spelling.hasSuffix("=")
        ? [spelling + data] : [spelling.trimmingCharacters(in: .whitespaces), data]
      // The session's own PEERCONSULT_DATA_DIR names another folder: the option must win.
      let tmux = try TmuxSession(arguments)
      tmux.waitFor("New session")
      #expect(tmux.capture().contains("Data folder: \(data)"), "\(spelling)")
      try tmux.send("q")
      #expect(tmux.waitForExit() == 0)
    }
  }

  @Test func opensTheReviewListOnTheDataFolderInEverySpelling() throws {
    let folder = try OutputEndToEndTests.Folder()
    let data = folder.url.appendingPathComponent("d")
    let database = try AppDatabase(directory: data)
    _ = try LiveSession.create(
      SessionSetup(
        title: "Night-time economy", programme: "Alcohol Plan",
        consultingProtocol: ConsultingProtocol(
          id: "e2e", name: "E2E", description: "One phase.", opening: [],
          round: [Phase(name: "Presenting", durationSeconds: 60, speaker: .presenter)],
          closing: []),
        participants: [Participant(name: "Zoë Müller", organisation: "Council", level: .senior)],
        presenters: [0]),
      store: database, clock: SystemClock())
    try database.close()
    for arguments in [
      ["review"], ["review", "--data-dir=\(data.path)"], ["review", "--data-dir", data.path],
      ["--data-dir", data.path, "review"],
    ] {
      // Without an option, the folder is the session's PEERCONSULT_DATA_DIR, here this one;
      // with one, that variable names an empty folder and the option must win.
      let tmux = try TmuxSession(arguments, dataDir: arguments.count == 1 ? data : nil)
      tmux.waitFor("1 of 1 session")
      #expect(tmux.capture().contains("Night-time economy"), "\(arguments)")
      try tmux.send("Escape")
      #expect(tmux.waitForExit() == 0, "\(arguments)")
    }
  }
}
