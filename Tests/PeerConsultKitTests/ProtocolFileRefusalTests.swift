import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// Every way a protocol file is refused, and what the message tells the user.
@Suite struct ProtocolFileRefusalTests {
  /// The problems `yaml` is refused with, as file `team.yaml`.
  private func refusal(_ yaml: String, path: String = "team.yaml") -> ProtocolFileError? {
    refusal(Data(yaml.utf8), path: path)
  }

  private func refusal(_ data: Data, path: String = "team.yaml") -> ProtocolFileError? {
    do {
      _ = try ProtocolFile.parse(data, path: path)
      return nil
    } catch {
      return error
    }
  }

  /// The only problem in `yaml`, failing the test when there is none or more than one.
  private func onlyIssue(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation)
    -> ProtocolFileError.Issue?
  {
    let error = refusal(yaml)
    #expect(
      error?.issues.count == 1, "\(String(describing: error))", sourceLocation: sourceLocation)
    return error?.issues.first
  }

  @Test func yamlSyntaxErrorsGiveLineColumnAndProblem() throws {
    let issue = try #require(onlyIssue("name: Team\nround: [\n  - name: a\n"))
    #expect(issue.message.hasPrefix("YAML syntax error: "))
    #expect(issue.line == 3)
  }

  @Test func colonInsideAValueSuggestsQuotes() throws {
    let issue = try #require(
      onlyIssue("name: Team\nround:\n  - name: Go\n    duration: 5m\n    guidance: Note: this\n"))
    #expect(issue.line == 5)
    #expect(issue.column == 19)
    #expect(issue.message.contains("mapping values are not allowed"))
    #expect(issue.message.contains("put the whole value in quotes"))
  }

  @Test func tabIndentationIsNamed() throws {
    let issue = try #require(onlyIssue("name: Team\nround:\n\t- name: Go\n"))
    #expect(issue.line == 3)
    #expect(issue.column == 1)
    #expect(issue.message.contains("spaces, not tabs"))
  }

  @Test func duplicateKeysAreNamed() throws {
    let issue = try #require(onlyIssue("name: Team\nname: Other\nround: []\n"))
    #expect(issue.message == "the key 'name' appears more than once in the same block; keep one")
    #expect(issue.line == 1)
  }

  @Test func moreThanOneDocumentIsRefused() throws {
    let issue = try #require(
      onlyIssue("name: A\nround:\n  - {name: a, duration: 1m}\n---\nname: B\n"))
    #expect(issue.message.contains("more than one YAML document"))
    #expect(issue.line == 4)
  }

  @Test func missingNameIsReportedAtTheTop() throws {
    let issue = try #require(onlyIssue("round:\n  - name: Go\n    duration: 5m\n"))
    #expect(issue.line == 1 && issue.column == 1)
    #expect(issue.message.hasPrefix("missing 'name'"))
  }

  @Test func emptyNameIsRefused() throws {
    let issue = try #require(onlyIssue("name: \"  \"\nround:\n  - name: Go\n    duration: 5m\n"))
    #expect(issue.message.contains("'name' is empty"))
  }

  @Test func missingOrEmptyRoundIsRefused() throws {
    let missing = try #require(onlyIssue("name: Team\n"))
    #expect(missing.message.hasPrefix("missing 'round'"))
    for yaml in ["name: Team\nround: []\n", "name: Team\nround:\n"] {
      let empty = try #require(onlyIssue(yaml))
      #expect(empty.message.hasPrefix("'round' is empty"))
      #expect(empty.line == 2)
    }
  }

  @Test func unreadableDurationPointsAtTheValue() throws {
    let error = try #require(
      refusal(
        "name: Team\nround:\n  - name: Questions\n    duration: five minutes please\n"))
    #expect(error.issues.count == 1)
    let issue = try #require(error.issues.first)
    #expect(issue.line == 4 && issue.column == 15)
    #expect(
      error.description == """
        team.yaml:4:15: round phase 1 ("Questions"): 'five minutes please' is not a duration; \
        write it like 90s, 2m, 1m30s, 1h or 1h15m
        """)
  }

  @Test func bareNumberDurationSaysWhichUnit() throws {
    let issue = try #require(onlyIssue("name: Team\nround:\n  - name: Q\n    duration: 10\n"))
    #expect(issue.message.contains("'10' has no unit; write 10m for minutes or 10s for seconds"))
  }

  @Test func zeroAndNegativeDurationsAreRefused() throws {
    let zero = try #require(onlyIssue("name: T\nround:\n  - name: Q\n    duration: 0m\n"))
    #expect(zero.message.contains("is zero"))
    let negative = try #require(onlyIssue("name: T\nround:\n  - name: Q\n    duration: -5m\n"))
    #expect(negative.message.contains("is negative"))
  }

  @Test func missingDurationIsRefused() throws {
    let issue = try #require(onlyIssue("name: Team\nround:\n  - name: Questions\n"))
    #expect(
      issue.message == "round phase 1 (\"Questions\"): missing 'duration', e.g. 'duration: 10m'")
    #expect(issue.line == 3 && issue.column == 5)
  }

  @Test func unknownSpeakerListsTheAllowedValues() throws {
    let issue = try #require(
      onlyIssue("name: T\nround:\n  - name: Q\n    duration: 1m\n    speaker: presentor\n"))
    #expect(issue.line == 5 && issue.column == 14)
    #expect(
      issue.message == """
        round phase 1 ("Q"): unknown speaker 'presentor' (did you mean 'presenter'?); use one of \
        presenter, group, everyone, facilitator
        """)
  }

  @Test func unknownNoteKindListsTheAllowedValues() throws {
    let issue = try #require(
      onlyIssue(
        "name: T\nopening:\n  - name: Q\n    duration: 1m\n    note_kind: idea\n"
          + "round:\n  - name: R\n    duration: 1m\n"))
    #expect(issue.line == 5)
    #expect(
      issue.message == """
        opening phase 1 ("Q"): unknown note kind 'idea'; use one of question, insight, theme, \
        works-well, blockage, action, feedback, other
        """)
  }

  @Test func phaseWithoutNameIsRefused() throws {
    let missing = try #require(onlyIssue("name: T\nround:\n  - duration: 1m\n"))
    #expect(missing.message == "round phase 1 has no name; add 'name:' with a short title")
    #expect(missing.line == 3 && missing.column == 5)
    let empty = try #require(onlyIssue("name: T\nround:\n  - name:\n    duration: 1m\n"))
    #expect(empty.message == "round phase 1 has no name; add 'name:' with a short title")
  }

  @Test func unknownKeysAreRefusedNotIgnored() throws {
    let top = try #require(onlyIssue("name: T\nrounds:\n  - name: Q\n    duration: 1m\n"))
    #expect(top.line == 2 && top.column == 1)
    #expect(top.message.hasPrefix("unknown key 'rounds' (did you mean 'round'?)"))
    #expect(top.message.contains("name, description, opening, round, closing"))

    let phase = try #require(
      onlyIssue("name: T\nround:\n  - name: Q\n    duration: 1m\n    guidence: Listen.\n"))
    #expect(phase.line == 5 && phase.column == 5)
    #expect(
      phase.message == """
        round phase 1 ("Q"): unknown key 'guidence' (did you mean 'guidance'?); the keys here are \
        name, duration, speaker, guidance, rules, prompts, note_kind
        """)
  }

  @Test func wrongShapesAreExplained() throws {
    let notMapping = try #require(onlyIssue("- name: T\n"))
    #expect(notMapping.message.contains("must be a set of keys (name:, round:, …), not a list"))

    let roundNotList = try #require(onlyIssue("name: T\nround:\n  name: Q\n  duration: 1m\n"))
    #expect(roundNotList.message.contains("'round' must be a list of phases"))

    let phaseNotMapping = try #require(onlyIssue("name: T\nround:\n  - Questions\n"))
    #expect(phaseNotMapping.message.hasPrefix("round phase 1 must be a set of keys"))
    #expect(phaseNotMapping.message.contains("'Questions'"))

    let nameNotText = try #require(onlyIssue("name: [a, b]\nround:\n  - {name: Q, duration: 1m}\n"))
    #expect(nameNotText.message == "'name' must be text, not a list")

    let ruleWithColon = try #require(
      onlyIssue("name: T\nround:\n  - name: Q\n    duration: 1m\n    rules:\n      - Note: quiet\n")
    )
    #expect(ruleWithColon.line == 6)
    #expect(ruleWithColon.message.contains("item 1 of 'rules' reads as 'key: value'"))

    let emptyPrompt = try #require(
      onlyIssue("name: T\nround:\n  - name: Q\n    duration: 1m\n    prompts: [a, '', c]\n"))
    #expect(emptyPrompt.message.contains("item 2 of 'prompts' is empty"))
  }

  @Test func emptyFileIsRefused() throws {
    for yaml in ["", "\n\n", "# just a comment\n"] {
      let issue = try #require(onlyIssue(yaml))
      #expect(issue.message.hasPrefix("the file is empty"))
    }
  }

  @Test func everyProblemIsReportedAtOnce() throws {
    let yaml = """
      name: T
      colour: blue
      round:
        - name: A
          duration: soon
        - name: B
          duration: 1m
          speaker: nobody
        - duration: 1m
      """
    let error = try #require(refusal(yaml))
    #expect(error.issues.map(\.line) == [2, 5, 8, 9])
    #expect(error.description.split(separator: "\n").count == 4)
    #expect(error.description.split(separator: "\n").allSatisfy { $0.hasPrefix("team.yaml:") })
  }

  @Test func builtInIdsCannotBeTakenByAFile() throws {
    let error = try #require(
      refusal("name: Mine\nround:\n  - {name: Q, duration: 1m}\n", path: "protocols/SLG.yaml"))
    #expect(
      error.description == """
        protocols/SLG.yaml: the id 'slg' (from the file name) belongs to the built-in protocol \
        "Systems Learning Group"; rename the file, e.g. slg-custom.yaml
        """)
  }

  @Test func fileNameWithoutLettersIsRefused() throws {
    let error = try #require(
      refusal("name: Mine\nround:\n  - {name: Q, duration: 1m}\n", path: "__.yaml"))
    #expect(error.issues.first?.message.contains("the file name gives no id") == true)
  }

  @Test func binaryFilesAreRefused() throws {
    let error = try #require(refusal(Data([0x6E, 0x61, 0x00, 0x01, 0x02])))
    #expect(
      error.description
        == "team.yaml: this is not a text file (it contains NUL bytes); a protocol file is YAML text"
    )
  }

  @Test func invalidUTF8IsPlaced() throws {
    var data = Data("name: Team\nround: caf".utf8)
    data.append(0xE9)  // Latin-1 "é"
    let error = try #require(refusal(data))
    #expect(error.issues.first?.line == 2)
    #expect(error.issues.first?.column == 11)
    #expect(error.issues.first?.message.contains("not UTF-8 text") == true)
  }

  @Test func utf16IsNamed() throws {
    var data = Data([0xFF, 0xFE])
    data.append("name: x".data(using: .utf16LittleEndian)!)
    let error = try #require(refusal(data))
    #expect(error.issues.first?.message.contains("saved as UTF-16") == true)
  }

  @Test func controlCharactersArePlaced() throws {
    let issue = try #require(onlyIssue("name: Te\u{07}am\nround: []\n"))
    #expect(issue.line == 1 && issue.column == 9)
    #expect(issue.message.contains("character YAML does not allow (U+0007)"))
  }

  /// A protocol file is typed in an editor: a right-to-left override in it is refused as the
  /// other controls are, named and placed, since it would show the text around it reordered.
  @Test func aBidirectionalControlIsRefusedAsAControl() throws {
    let issue = try #require(
      onlyIssue("name: \"Team \\u202Emaet\"\nround:\n  - {name: Q, duration: 1m}\n"))
    #expect(issue.line == 1 && issue.column == 7)
    #expect(issue.message == "'name' contains a control character (U+202E); remove it")
  }

  @Test func controlCharactersSpeltWithEscapesAreRefused() throws {
    let issue = try #require(
      onlyIssue("name: \"Evil \\e[2J\"\nround:\n  - {name: Q, duration: 1m}\n"))
    #expect(issue.line == 1 && issue.column == 7)
    #expect(issue.message == "'name' contains a control character (U+001B); remove it")
    let key = try #require(
      onlyIssue("name: T\n\"\\e[31m\": x\nround:\n  - {name: Q, duration: 1m}\n"))
    #expect(key.message.hasPrefix("unknown key '<U+001B>[31m'"))
    #expect(!key.message.unicodeScalars.contains("\u{1B}"))
  }

  @Test func hugeFilesAreRefusedUnread() throws {
    let folder = try TemporaryFolder()
    let big = "# padding\n" + String(repeating: "#", count: ProtocolFile.maximumBytes) + "\n"
    let url = try folder.write("big.yaml", big)
    #expect(throws: ProtocolFileError.self) { try ProtocolFile.load(contentsOf: url) }
    do {
      _ = try ProtocolFile.load(contentsOf: url)
    } catch {
      #expect(error.description.contains("the file is larger than 256 KiB"))
      #expect(error.path == url.relativePath)
    }
  }

  @Test func missingFilesAndFoldersAreRefused() throws {
    let folder = try TemporaryFolder()
    func message(_ url: URL) -> String {
      do {
        _ = try ProtocolFile.load(contentsOf: url)
        return "loaded"
      } catch {
        return error.issues.first?.message ?? ""
      }
    }
    #expect(message(folder.url.appendingPathComponent("absent.yaml")).hasPrefix("no such file"))
    #expect(message(folder.url).contains("is a folder"))
    #expect(message(URL(fileURLWithPath: "/dev/null")).contains("not a regular file"))
  }

  @Test func deepNestingIsRefusedWithoutCrashing() throws {
    let issue = try #require(onlyIssue("name: " + String(repeating: "[", count: 5000)))
    #expect(issue.message.contains("nested too deeply"))
  }

  @Test func aliasBombsAreRefusedQuickly() throws {
    var yaml = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      yaml += "l\(level): &l\(level) ["
      yaml += Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    yaml += "? *l9\n: boom\n"
    let issue = try #require(onlyIssue(yaml))
    // 1,237 values before the fourth line; its eighth alias of 1,111 values goes over 10,000.
    #expect(issue.line == 4 && issue.column == 45)
    #expect(issue.message.hasPrefix("the file describes more than 10000 values"))
  }

  @Test func aFewAliasesAndStarredWordsAreFine() throws {
    let yaml = """
      name: Shared rules
      description: "*Not* an alias, &not an anchor either"
      round:
        - name: Ask
          duration: 5m
          rules: &rules [No advice, One at a time]
          prompts: ['*What* matters?', "*Why* now?"]  # *a comment* with &stuff
        - name: Answer
          duration: 5m
          rules: *rules
      """
    let read = try ProtocolFile.parse(Data(yaml.utf8), path: "shared.yaml")
    #expect(
      read.round.map(\.rules) == [["No advice", "One at a time"], ["No advice", "One at a time"]])
    #expect(read.description == "*Not* an alias, &not an anchor either")
  }

  @Test func longListsOfProblemsAreCut() throws {
    let phases = (1...30).map { "  - {name: P\($0), duration: never}" }.joined(separator: "\n")
    let error = try #require(refusal("name: T\nround:\n\(phases)\n"))
    #expect(error.issues.count == 30)
    let lines = error.description.split(separator: "\n")
    #expect(lines.count == ProtocolFileError.listedIssues + 1)
    #expect(lines.last == "team.yaml: … and 10 more problems")
  }

  /// Whatever the input, the reader answers with a protocol or a list of problems; it never
  /// crashes.
  @Test func neverCrashesOnTruncatedOrRandomInput() {
    let text = ProtocolFileTests.complete
    for length in 0...text.utf8.count {
      let data = Data(text.utf8.prefix(length))
      if let error = refusal(data) { #expect(!error.issues.isEmpty) }
    }
    var generator = SeededGenerator(seed: 42)
    let alphabet = Array("ab:- \n\t[]{}\"'#&*!|>%@`,?~0123456789hms\u{07}é".utf8)
    for _ in 0..<2000 {
      let bytes = (0..<Int.random(in: 0...80, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator)!
      }
      if let error = refusal(Data(bytes)) { #expect(!error.issues.isEmpty) }
    }
    // Small edits to a valid file reach deeper into the reader than random text does.
    let valid = Array(text.utf8)
    for _ in 0..<1500 {
      var bytes = valid
      for _ in 0..<Int.random(in: 1...3, using: &generator) {
        bytes[Int.random(in: 0..<bytes.count, using: &generator)] =
          alphabet.randomElement(using: &generator)!
      }
      if let error = refusal(Data(bytes)) { #expect(!error.issues.isEmpty) }
    }
  }
}
