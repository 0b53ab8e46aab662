import Foundation
import Testing

/// Every command's output when standard output is full or nobody reads it, and options typed
/// before the command's name (issue 14, items 4 and 13).
@Suite(.enabled(if: TmuxSession.binaryExists, "needs the built peerconsult binary"))
struct OutputEndToEndTests {
  /// A private folder removed at the end.
  final class Folder {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("pc-output-\(UUID().uuidString)")
    var data: String { url.appendingPathComponent("data").path }

    init() throws {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
  }

  static let sessionsExport = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("PeerConsultKitTests/Golden/sessions.json")
    .path

  /// A data folder holding the golden export's two sessions, and a protocol file.
  private func seeded() throws -> Folder {
    let folder = try Folder()
    let imported = try SpawnedCommand(
      ["import", Self.sessionsExport, "--data-dir", folder.data], in: folder.url)
    #expect(imported.status == 0, "\(imported.stderr)")
    try "name: Team\nround:\n  - {name: Go, duration: 1m}\n".write(
      to: folder.url.appendingPathComponent("team.yaml"), atomically: true, encoding: .utf8)
    return folder
  }

  /// Every command that writes to standard output, with arguments that make it write.
  private func commands(_ folder: Folder) -> [[String]] {
    let team = folder.url.appendingPathComponent("team.yaml").path
    return [
      ["list"], ["list", "--json"], ["show", "latest"], ["search", "referral*"],
      ["search", "referral*", "--json"], ["actions"],
      ["export", "--all", "--format", "markdown"], ["export", "--all", "--format", "html"],
      ["export", "latest", "--format", "json"], ["harvest", "--programme", "Alcohol Plan"],
      ["harvest", "--programme", "Alcohol Plan", "--format", "json"],
      ["protocols", "list"], ["protocols", "show", "slg"], ["protocols", "show", "slg", "--yaml"],
      ["protocols", "check", team], ["import", Self.sessionsExport],
      [
        "export", "--all", "--format", "json", "--force", "-o",
        folder.url.appendingPathComponent("out.json").path,
      ],
      ["backup", folder.url.appendingPathComponent("backup.peerconsult").path, "--force"],
      ["restore", folder.url.appendingPathComponent("backup.peerconsult").path, "--yes"],
    ].map { $0 + ["--data-dir", folder.data] }
  }

  @Test func everyCommandReportsAFullDiskInOneLineAndFails() throws {
    let folder = try seeded()
    for arguments in commands(folder) {
      let written = try SpawnedCommand(arguments, in: folder.url)
      #expect(written.status == 0 && !written.stdout.isEmpty, "\(arguments): \(written.stderr)")
      let full = try SpawnedCommand(arguments, in: folder.url, output: .path("/dev/full"))
      #expect(full.status == 1, "\(arguments)")
      #expect(
        full.stderr.hasPrefix(
          "Error: Could not write to standard output (No space left on device)"),
        "\(arguments): \(full.stderr)")
      #expect(full.stderr.split(separator: "\n").count == 1, "\(arguments): \(full.stderr)")
    }
  }

  @Test func theNoSessionsMessageIsWrittenOrReportedToo() throws {
    let folder = try Folder()
    for command in [["list"], ["actions"], ["search", "x"], ["list", "--json"]] {
      let arguments = command + ["--data-dir", folder.data]
      let full = try SpawnedCommand(arguments, in: folder.url, output: .path("/dev/full"))
      #expect(full.status == 1, "\(arguments): \(full.stderr)")
      #expect(full.stderr.contains("Could not write to standard output"), "\(arguments)")
    }
  }

  /// Under a file-size limit (`ulimit -f`) smaller than what a command writes (a reading
  /// command's `-shm` file is 32 KiB, an export its file), the write fails and the command
  /// says so in one line; the signal the kernel sends (SIGXFSZ) ended it silently, status 153.
  @Test func aFileSizeLimitIsAFailedWriteNotASilentDeath() throws {
    let folder = try seeded()
    let out = folder.url.appendingPathComponent("all.md").path
    for arguments in [
      ["list"], ["search", "referral*"], ["show", "latest"],
      ["export", "--all", "--format", "markdown", "-o", out, "--force"],
    ] {
      let limited = try SpawnedCommand(
        arguments + ["--data-dir", folder.data], in: folder.url, fileSizeLimit: 8)
      #expect(limited.status == 1, "\(arguments): \(limited.status) \(limited.stderr)")
      #expect(
        limited.stderr.hasPrefix("Error: ") && limited.stderr.split(separator: "\n").count == 1,
        "\(arguments): \(limited.stderr)")
      // The limit is named: "disk I/O error" alone sent people to free disk space or to
      // check permissions. (The harness's `sh` counts `ulimit -f` in blocks of 512 bytes.)
      #expect(
        limited.stderr.contains("files may not grow past 4 KB here: raise ulimit -f"),
        "\(arguments): \(limited.stderr)")
    }
  }

  @Test func everyCommandEndsQuietlyWhenTheReaderHasGone() throws {
    let folder = try seeded()
    for arguments in commands(folder) {
      let closed = try SpawnedCommand(arguments, in: folder.url, output: .closedPipe)
      #expect(closed.status == 128 + SIGPIPE, "\(arguments): \(closed.stderr)")
      #expect(closed.stderr.isEmpty, "\(arguments): \(closed.stderr)")
    }
  }

  @Test func dataDirBeforeTheCommandWorks() throws {
    let folder = try Folder()
    let imported = try SpawnedCommand(
      ["--data-dir", folder.data, "import", Self.sessionsExport], in: folder.url)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("2 sessions imported or updated"))
    let listed = try SpawnedCommand(["--data-dir=\(folder.data)", "list"], in: folder.url)
    #expect(listed.stdout.contains("Referrals with Seán"), "\(listed.stderr)")
    let nested = try SpawnedCommand(
      ["--data-dir", folder.data, "protocols", "list"], in: folder.url)
    #expect(nested.status == 0 && nested.stdout.contains("built-in (default)"))
  }

  @Test func otherOptionsBeforeTheCommandSayWhereTheyGo() throws {
    let folder = try Folder()
    let run = try SpawnedCommand(["--title", "SLG", "run"], in: folder.url)
    #expect(run.status == 1)
    #expect(
      run.stderr
        == "Error: --title goes after the command's name: peerconsult run --title …; only --data-dir may come first.\n"
    )
  }
}
