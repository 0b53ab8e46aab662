import Foundation
import Testing

/// `delete` and `erase-person`: they ask first, and afterwards the data folder's files hold
/// no byte of what was removed.
extension CommandLineTests {
  /// The database file and its WAL, if any, as bytes.
  private func databaseBytes(_ folder: Folder) throws -> Data {
    let file = folder.data.appendingPathComponent("peerconsult.sqlite")
    var data = try Data(contentsOf: file)
    if let wal = try? Data(contentsOf: URL(fileURLWithPath: file.path + "-wal")) {
      data.append(wal)
    }
    return data
  }

  @Test func deleteAsksThenLeavesNothingOfTheSession() throws {
    let folder = try seeded()
    #expect(try databaseBytes(folder).range(of: Data("Street pastors".utf8)) != nil)
    // No terminal to ask on: refused, nothing changed.
    expectRefusal(try run(["delete", "9999"], in: folder), mentioning: "add --yes")
    #expect(try run(["list"], in: folder).stdout.contains("Street pastors"))
    let deleted = try run(["delete", "9999", "--yes"], in: folder)
    #expect(deleted.status == 0, "\(deleted.stderr)")
    #expect(deleted.stdout == "Deleted session 99999999 (Street pastors).\n")
    #expect(!(try run(["list"], in: folder).stdout.contains("Street pastors")))
    #expect(try databaseBytes(folder).range(of: Data("Street pastors".utf8)) == nil)
    expectRefusal(try run(["delete", "9999", "--yes"], in: folder), mentioning: "No session")
  }

  @Test func eraseAsksThenLeavesNothingOfThePerson() throws {
    let folder = try seeded()
    #expect(try databaseBytes(folder).range(of: Data("Ångström".utf8)) != nil)
    expectRefusal(try run(["erase-person", "Zoë Ångström"], in: folder), mentioning: "add --yes")
    let erased = try run(["erase-person", "zoe angstrom", "--yes"], in: folder)
    #expect(erased.status == 0, "\(erased.stderr)")
    #expect(
      erased.stdout == "Erased zoe angstrom from 3 sessions: they are now [Erased person 1].\n")
    let shown = try run(["export", "--all", "--format", "json"], in: folder).stdout
    #expect(shown.contains("[Erased person 1]"))
    let bytes = try databaseBytes(folder)
    for secret in ["Ångström", "Zoë", "Zoe"] {
      #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the file")
      #expect(!shown.contains(secret), "\(secret) is still exported")
    }
    expectRefusal(
      try run(["erase-person", "Nobody Here", "--yes"], in: folder), mentioning: "Nobody called")
  }

  /// A copy `restore` kept still held the person after an erasure that said it left nothing
  /// of them in the data folder, and nothing said so: it now says where the copies are.
  @Test func eraseSaysWhereTheCopiesRestoreKeptStillHoldThem() throws {
    let folder = try seeded()
    let copy = "peerconsult.sqlite.before-restore-20261206-120000"
    try FileManager.default.copyItem(
      at: folder.data.appendingPathComponent("peerconsult.sqlite"),
      to: folder.data.appendingPathComponent(copy))
    let erased = try run(["erase-person", "zoe angstrom", "--yes"], in: folder)
    #expect(erased.status == 0, "\(erased.stderr)")
    #expect(
      erased.stdout
        == "Erased zoe angstrom from 3 sessions: they are now [Erased person 1].\n"
        + "1 copy that restore kept in the data folder (\(copy)) may still hold them: delete "
        + "it if they should go too.\n")
  }
}
