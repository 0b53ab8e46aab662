import Foundation
import Testing

/// The start with no command, which opens the home screen without argument-parser
/// (`LeadingOptions.homeStart`): it must check the data folder and fail exactly as
/// `peerconsult home` does, and take a `--data-dir` in either spelling.
@Suite(.enabled(if: TmuxSession.binaryExists, "needs the built peerconsult binary"))
struct HomeStartEndToEndTests {
  @Test func refusesWhatHomeRefusesWithTheSameLineAndStatus() throws {
    let folder = try OutputEndToEndTests.Folder()
    let file = folder.url.appendingPathComponent("notes.txt")
    try "not a folder".write(to: file, atomically: true, encoding: .utf8)
    let data = folder.url.appendingPathComponent("data").path
    // Each: what the user types, its spelling through `home`, and what the refusal says.
    let cases: [([String], [String], String?)] = [
      (["--data-dir", ""], ["home", "--data-dir", ""], "--data-dir is empty: give a folder"),
      // Left to argument-parser, which refuses it with its usage (status 64).
      (["--data-dir="], ["home", "--data-dir="], nil),
      (["--data-dir", file.path], ["home", "--data-dir", file.path], "is a file, not a folder"),
      (["--data-dir=\(file.path)"], ["home", "--data-dir", file.path], "is a file, not a folder"),
      // Standard input is /dev/null here: the screens need a terminal.
      ([], ["home"], "peerconsult's screens need a terminal"),
      (
        ["--data-dir", data], ["home", "--data-dir", data], "peerconsult's screens need a terminal"
      ),
    ]
    for (typed, throughHome, refusal) in cases {
      let direct = try SpawnedCommand(typed, in: folder.url)
      let home = try SpawnedCommand(throughHome, in: folder.url)
      if let refusal {
        #expect(direct.status == 1, "\(typed)")
        #expect(direct.stderr.split(separator: "\n").count == 1, "\(typed): \(direct.stderr)")
        #expect(direct.stderr.contains(refusal), "\(typed): \(direct.stderr)")
      }
      #expect(!direct.stderr.isEmpty, "\(typed)")
      #expect(direct.stderr == home.stderr, "\(typed)")
      #expect(direct.status == home.status, "\(typed)")
      #expect(direct.stdout.isEmpty)
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == "not a folder")
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
}
