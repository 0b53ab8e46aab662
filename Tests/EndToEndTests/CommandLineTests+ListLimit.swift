import Foundation
import Testing

extension CommandLineTests {
  /// `list` shows the newest sessions up to its limit and says how many more there are; JSON
  /// lists every session unless a limit is given.
  @Test func listShowsTheNewestUpToItsLimitAndSaysHowManyMore() throws {
    let folder = try seeded()
    let limited = try run(["list", "--limit", "2"], in: folder)
    #expect(limited.status == 0, "\(limited.stderr)")
    let lines = limited.stdout.split(separator: "\n")
    try #require(lines.count == 4, "\(limited.stdout)")
    #expect(lines[1].hasPrefix("45674567"))
    #expect(
      lines[3]
        == "1 more, older: the newest 2 of 3 sessions shown (--limit N or --all for more).")
    for arguments in [["list"], ["list", "--all"], ["list", "--limit", "3"]] {
      let whole = try run(arguments, in: folder)
      #expect(whole.stdout.split(separator: "\n").count == 4, "\(arguments): \(whole.stdout)")
      #expect(!whole.stdout.contains("more, older"), "\(arguments)")
    }
    let json = try run(["list", "--json", "--limit", "1"], in: folder)
    let listed = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(listed.count == 1)
    let everything = try run(["list", "--json"], in: folder)
    let all = try #require(
      try JSONSerialization.jsonObject(with: Data(everything.stdout.utf8)) as? [[String: Any]])
    #expect(all.count == 3)
    expectRefusal(try run(["list", "--limit", "0"], in: folder), mentioning: "--limit")
    expectRefusal(try run(["list", "--all", "--limit", "2"], in: folder), mentioning: "--all")
  }
}
