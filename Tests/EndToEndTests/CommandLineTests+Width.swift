import Foundation
import Testing

extension CommandLineTests {
  /// `list` in an 80-column terminal fits each row to it, so none wraps into the next;
  /// piped, every cell is whole for a script.
  @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
  func listFitsTheTerminalsWidthAndPipesWholeRows() throws {
    let folder = try seeded()
    let piped = try run(["list"], in: folder)
    #expect(piped.status == 0, "\(piped.stderr)")
    let pipedLines = piped.stdout.split(separator: "\n")
    #expect(pipedLines.count == 4)
    #expect(pipedLines.contains { $0.count > 80 } && piped.stdout.contains("Dr Priya Patel"))

    let tmux = try TmuxSession(["list", "--data-dir", folder.data.path], width: 80)
    #expect(tmux.waitForExit() == 0)
    let lines = tmux.capture().split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
    // A heading and three rows, each on its own line: a wrapped row would add lines.
    #expect(lines.count == 4, "\(lines.joined(separator: "\n"))")
    #expect(lines.first?.hasPrefix("ID        STARTED") == true)
    #expect(lines.dropFirst().allSatisfy { $0.hasSuffix("finished") }, "\(lines)")
    #expect(lines.contains { $0.contains("…") })
  }

  /// `show` and `actions` in a terminal narrower than their lines wrap them on words, under
  /// the item's text: the terminal broke "overdue" into "overd" and "ue". Piped, lines are
  /// whole.
  @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
  func showAndActionsWrapOnWordsInATerminal() throws {
    let folder = try seeded()
    for command in [["show", "latest"], ["actions"]] {
      let piped = try run(command, in: folder)
      #expect(piped.status == 0, "\(piped.stderr)")
      #expect(piped.stdout.split(separator: "\n").contains { $0.count > 50 }, "\(command)")
      let tmux = try TmuxSession(
        command + ["--data-dir", folder.data.path], width: 50, height: 200)
      #expect(tmux.waitForExit() == 0)
      let shown = Set(tmux.capture().split(whereSeparator: \.isWhitespace))
      for word in piped.stdout.split(whereSeparator: \.isWhitespace) where word.count < 50 {
        #expect(shown.contains(word), "\(command): \"\(word)\" is broken")
      }
    }
  }
}
