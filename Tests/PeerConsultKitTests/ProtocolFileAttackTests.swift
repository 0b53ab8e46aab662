import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// Hostile protocol files: each is accepted or refused with a message, within a second.
///
/// One at a time, so that each file's time is its own and not that of its neighbours.
@Suite(.serialized) struct ProtocolFileAttackTests {
  /// The most any one file may take, measured on a monotonic clock; generous for a debug build
  /// on a busy machine, and far below the minutes an exponential expansion takes.
  static let timeLimit = Duration.seconds(1)

  /// Reads `data` as `name`, failing the test if it takes longer than the limit.
  private func read(
    _ data: Data, name: String = "attack.yaml", sourceLocation: SourceLocation = #_sourceLocation
  ) -> Result<ConsultingProtocol, ProtocolFileError> {
    let clock = ContinuousClock()
    let start = clock.now
    let result = Result { () throws(ProtocolFileError) in
      try ProtocolFile.parse(data, path: name)
    }
    let elapsed = clock.now - start
    #expect(elapsed < Self.timeLimit, "\(name) took \(elapsed)", sourceLocation: sourceLocation)
    return result
  }

  private func refusal(
    _ text: String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> ProtocolFileError.Issue? {
    guard case .failure(let error) = read(Data(text.utf8), sourceLocation: sourceLocation) else {
      Issue.record("accepted", sourceLocation: sourceLocation)
      return nil
    }
    #expect(error.issues.count == 1, "\(error)", sourceLocation: sourceLocation)
    return error.issues.first
  }

  /// Issue 14's attack: a quote inside a flow plain scalar, which hid the aliases after it
  /// from the old text scan; each line doubles the tree (N=22 took 12 s, N=40 never ended).
  static func doublingAttack(lines count: Int) -> String {
    var text = "x0: &a0 [q \"z]\n"
    for line in 1...count {
      text += "x\(line): &a\(line) [q \"z, *a\(line - 1), *a\(line - 1)]\n"
    }
    return text + "? *a\(count)\n"
  }

  @Test(arguments: [22, 40])
  func theIssuesDoublingAttackIsRefusedAtOnce(lines: Int) throws {
    let issue = try #require(refusal(Self.doublingAttack(lines: lines)))
    #expect(issue.message.hasPrefix("the file describes more than 10000 values"))
    // Refused where the count first goes over, long before the last line.
    #expect(issue.line == 12 && issue.column == 18)
  }

  @Test func theClassicBillionLaughsIsRefused() throws {
    var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1...9 {
      let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(aliases)]\n"
    }
    let issue = try #require(refusal(text + "name: *a9\n"))
    #expect(issue.message.contains("counting each alias (*name) as everything it stands for"))
  }

  @Test func manyAliasesOfOneSmallAnchorAreCountedEach() throws {
    let aliases = Array(repeating: "*r", count: 12_000).joined(separator: ", ")
    let issue = try #require(refusal("name: &r x\nround: [\(aliases)]\n"))
    #expect(issue.message.hasPrefix("the file describes more than 10000 values"))
  }

  @Test func aFlatFileOfTooManyValuesIsRefused() throws {
    let keys = (1...11_000).map { "k\($0): v" }.joined(separator: "\n")
    let issue = try #require(refusal(keys))
    #expect(issue.message.contains("or check this is a protocol file"))
  }

  @Test func aliasesWithinTheLimitStillWork() throws {
    // A realistic use: one list of rules shared by every phase of a twenty-phase round.
    var text = "name: Shared\nround:\n"
    for phase in 1...20 {
      text += "  - name: P\(phase)\n    duration: 1m\n"
      text += phase == 1 ? "    rules: &rules [One at a time, No advice]\n" : "    rules: *rules\n"
    }
    guard case .success(let read) = read(Data(text.utf8)) else {
      Issue.record("refused")
      return
    }
    #expect(read.round.allSatisfy { $0.rules == ["One at a time", "No advice"] })
  }

  @Test func anchorAndAliasSignsInsideTextAreText() throws {
    let text = """
      name: "&a *b"
      description: a&b c*d &e *f
      round:
        - name: Go
          duration: 1m
          rules: [a&b, c*d, "*e", '&f']
      """
    guard case .success(let read) = read(Data(text.utf8)) else {
      Issue.record("refused")
      return
    }
    #expect(read.name == "&a *b")
    #expect(read.description == "a&b c*d &e *f")
    #expect(read.round[0].rules == ["a&b", "c*d", "*e", "&f"])
  }

  @Test func anAliasOfItsOwnAnchorIsRefused() throws {
    let issue = try #require(refusal("name: &a [*a]\n"))
    #expect(issue.message.contains("undefined alias"))
  }

  /// As deep as the size limit allows, in flow and block style: recursion over such a tree
  /// would overflow the stack.
  @Test(arguments: [("name: ", "["), ("name: ", "{a: "), ("", "- "), ("", "? ")])
  func deepNestingIsRefusedWithoutExhaustingTheStack(start: String, opener: String) throws {
    let count = (ProtocolFile.maximumBytes - 16) / opener.utf8.count
    let issue = try #require(refusal(start + String(repeating: opener, count: count) + "x"))
    #expect(issue.message.contains("nested too deeply"), "\(issue.message)")
  }

  /// A text as long as the file allows is read quickly, and refused for its length: a
  /// session records its protocol, and an import takes no longer text.
  @Test func aHugeScalarIsReadQuicklyAndRefusedForItsLength() throws {
    let long = String(repeating: "word ", count: (ProtocolFile.maximumBytes - 100) / 5)
    let text = "name: Long\ndescription: \(long)\nround:\n  - {name: Go, duration: 1m}\n"
    let issue = try #require(refusal(text))
    #expect(issue.message.hasPrefix("'description' has 262"), "\(issue.message)")
    #expect(
      issue.message.hasSuffix(" characters; a protocol's text takes at most 10000: shorten it"))
  }

  /// What `run` accepts, an import on another laptop takes: a text of 10,000 characters is
  /// read, one more is refused with its place, as an import of the session would refuse it.
  @Test func aTextLongerThanAnImportTakesIsRefused() throws {
    func file(guidance count: Int) -> String {
      "name: P\nround:\n  - name: Q\n    duration: 1m\n    guidance: "
        + String(repeating: "y", count: count) + "\n"
    }
    guard case .success(let read) = read(Data(file(guidance: 10_000).utf8)) else {
      Issue.record("refused at the limit")
      return
    }
    #expect(read.round[0].guidance.count == SessionImport.maximumProtocolTextLength)
    let issue = try #require(refusal(file(guidance: 10_001)))
    #expect(
      issue.message
        == "round phase 1 (\"Q\"): 'guidance' has 10001 characters; a protocol's text "
        + "takes at most 10000: shorten it")
    #expect(issue.line == 5)
  }

  /// One long text repeated through aliases: few values, but megabytes once expanded (a
  /// 201 KB file of 500 aliases took minutes and gigabytes to open). Refused at the alias
  /// that takes the text past the file limit.
  @Test func oneLongTextRepeatedThroughAliasesIsRefused() throws {
    let text =
      "name: P\nround:\n  - name: Q\n    duration: 1m\n    guidance: &N \""
      + String(repeating: "y", count: 9_000) + "\"\n    rules: ["
      + Array(repeating: "*N", count: 500).joined(separator: ", ") + "]\n"
    let issue = try #require(refusal(text))
    #expect(issue.message.hasPrefix("the file's text, counting each alias (*name) as everything"))
    // 9,000 bytes and 28 aliases are over 256 KiB.
    #expect(issue.line == 6 && issue.column == 1 + 12 + 4 * 28)
  }

  @Test func aHugeQuotedScalarOfEscapesIsReadQuickly() throws {
    let escapes = String(repeating: "\\u00e9", count: (ProtocolFile.maximumBytes - 100) / 6)
    _ = read(Data("name: \"\(escapes)\"\nround: []\n".utf8))
  }

  @Test func nulAndUTF16AreRefusedAsNotText() throws {
    guard case .failure(let nul) = read(Data("name: a\u{0}b\nround: []\n".utf8)) else {
      Issue.record("NUL accepted")
      return
    }
    #expect(nul.description.contains("NUL bytes"))
    var utf16 = Data([0xFF, 0xFE])
    utf16.append("name: Team\nround: []\n".data(using: .utf16LittleEndian)!)
    guard case .failure(let wide) = read(utf16) else {
      Issue.record("UTF-16 accepted")
      return
    }
    #expect(wide.description.contains("UTF-16"))
  }

  /// A folder holding every attack, a FIFO (which would block a reader that opened it) and a
  /// good file: the built-ins and the good file load, each other file is one problem, quickly.
  @Test func aFolderOfAttacksNeverStopsTheOthersFromLoading() throws {
    let folder = try TemporaryFolder()
    try folder.write("bomb.yaml", Self.doublingAttack(lines: 40))
    try folder.write("deep.yaml", "name: " + String(repeating: "[", count: 100_000))
    try folder.write("nul.yaml", Data([0x6E, 0x00, 0x61]))
    try folder.write("good.yaml", "name: Good\nround:\n  - {name: Go, duration: 1m}\n")
    #expect(mkfifo(folder.path("pipe.yaml").path, 0o600) == 0)

    var library: ProtocolLibrary?
    let elapsed = ContinuousClock().measure { library = ProtocolLibrary.load(from: folder.url) }
    #expect(elapsed < Self.timeLimit * 4, "the folder took \(elapsed)")
    let loaded = try #require(library)
    #expect(loaded.protocols.map(\.id) == BuiltInProtocols.all.map(\.id) + ["good"])
    #expect(
      loaded.problems.map { ($0.path as NSString).lastPathComponent } == [
        "bomb.yaml", "deep.yaml", "nul.yaml", "pipe.yaml",
      ])
    for problem in loaded.problems {
      #expect(problem.description.split(separator: "\n").count == 1, "\(problem)")
    }
  }
}
