import Foundation
import Testing

/// Data folders that are not what they seem: a file, an empty name, a folder others can list,
/// folders made under a permissive umask (issue 14, item 12).
@Suite(.enabled(if: TmuxSession.binaryExists, "needs the built peerconsult binary"))
struct DataFolderEndToEndTests {
  static let sessionsExport = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("PeerConsultKitTests/Golden/sessions.json")
    .path

  private func expectOneLineRefusal(
    _ run: SpawnedCommand, saying text: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(run.status == 1, sourceLocation: sourceLocation)
    #expect(run.stdout.isEmpty, "\(run.stdout)", sourceLocation: sourceLocation)
    #expect(run.stderr.split(separator: "\n").count == 1, sourceLocation: sourceLocation)
    #expect(run.stderr.contains(text), "\(run.stderr)", sourceLocation: sourceLocation)
  }

  @Test func aFileAsTheDataFolderIsRefusedByEveryCommand() throws {
    let folder = try OutputEndToEndTests.Folder()
    let file = folder.url.appendingPathComponent("notes.txt")
    try "not a folder".write(to: file, atomically: true, encoding: .utf8)
    for command in [
      ["list"], ["show", "latest"], ["search", "x"], ["actions"],
      ["export", "--all", "--format", "json"],
      ["harvest", "--programme", "P"], ["import", Self.sessionsExport], ["resume"],
    ] {
      let run = try SpawnedCommand(command + ["--data-dir", file.path], in: folder.url)
      expectOneLineRefusal(run, saying: "\(file.path) is a file, not a folder")
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == "not a folder")
  }

  /// A data folder that is a link to a folder not there is named so: before, a writing command
  /// called it "not writable" and told to chmod it, and a reading one said there were no
  /// sessions yet.
  @Test func aLinkToAMissingFolderIsNamedSo() throws {
    let folder = try OutputEndToEndTests.Folder()
    let link = folder.url.appendingPathComponent("data")
    let missing = folder.url.appendingPathComponent("unmounted/data").path
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: missing)
    for command in [["list"], ["import", Self.sessionsExport]] {
      let run = try SpawnedCommand(command + ["--data-dir", link.path], in: folder.url)
      expectOneLineRefusal(run, saying: "it is a link to \(missing), which does not exist")
    }
  }

  @Test func anEmptyDataDirIsRefusedNotTakenForTheDefault() throws {
    let folder = try OutputEndToEndTests.Folder()
    for arguments in [
      ["list", "--data-dir", ""], ["--data-dir", "", "import", Self.sessionsExport],
    ] {
      let run = try SpawnedCommand(arguments, in: folder.url)
      expectOneLineRefusal(run, saying: "--data-dir is empty: give a folder")
    }
    // The default folder, under this test's HOME, was not created.
    #expect(
      !FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("xdg-data").path))
  }

  @Test func aFolderOthersCanListIsWarnedAbout() throws {
    let folder = try OutputEndToEndTests.Folder()
    let data = folder.url.appendingPathComponent("shared")
    try FileManager.default.createDirectory(
      at: data, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
    let imported = try SpawnedCommand(
      ["import", Self.sessionsExport, "--data-dir", data.path], in: folder.url)
    #expect(imported.status == 0)
    let listed = try SpawnedCommand(["list", "--data-dir", data.path], in: folder.url)
    #expect(listed.status == 0 && listed.stdout.contains("Referrals with Seán"))
    #expect(
      listed.stderr
        == "Warning: The data folder \(data.path) can be listed by other users (mode 755): chmod 700 it to keep even the file names private.\n"
    )
    // A folder others can only enter is said to be so, and a database file others can read
    // (copied in with `cp`) is made private by a reading command too: `list` left it as it
    // found it, readable by anyone who knew its name.
    chmod(data.path, 0o711)
    let file = data.appendingPathComponent("peerconsult.sqlite").path
    chmod(file, 0o644)
    let entered = try SpawnedCommand(["list", "--data-dir", data.path], in: folder.url)
    #expect(entered.status == 0)
    #expect(
      entered.stderr
        == "Warning: The data folder \(data.path) can be entered (to open a file whose name they know) by other users (mode 711): chmod 700 it to keep even the file names private.\n"
        + "Warning: \(file) could be read by other users (mode 644); it is private now (mode 600).\n"
    )
    #expect(
      (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
        == 0o600)
    chmod(data.path, 0o700)
    let quiet = try SpawnedCommand(["list", "--data-dir", data.path], in: folder.url)
    #expect(quiet.stderr.isEmpty)
  }

  @Test func foldersMadeOnTheWayArePrivateWhateverTheUmask() throws {
    let folder = try OutputEndToEndTests.Folder()
    let data = folder.url.appendingPathComponent("a/b/data")
    let run = try SpawnedCommand(
      ["import", Self.sessionsExport, "--data-dir", data.path], in: folder.url, umask: "000")
    #expect(run.status == 0, "\(run.stderr)")
    for path in ["a", "a/b", "a/b/data"] {
      let attributes = try FileManager.default.attributesOfItem(
        atPath: folder.url.appendingPathComponent(path).path)
      #expect((attributes[.posixPermissions] as? Int) == 0o700, "\(path)")
    }
    let database = try FileManager.default.attributesOfItem(
      atPath: data.appendingPathComponent("peerconsult.sqlite").path)
    #expect((database[.posixPermissions] as? Int) == 0o600)
  }
}
