import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// Reading protocol files: every field, every default, and the id taken from the file name.
@Suite struct ProtocolFileTests {
  static let complete = """
    name: Case Clinic (short)
    description: |
      A shorter clinic.
      Two lines of description.
    opening:
      - name: Choose a timekeeper
        duration: 2m
        speaker: facilitator
        guidance: Agree who keeps time.
        rules: [No hierarchy]
        prompts: [Who keeps time?]
    round:
      - name: Intention statement
        duration: 1m30s
        speaker: Presenter
        guidance: >
          The case giver describes
          the situation.
        rules:
          - Coaches only ask clarifying questions
          - "No advice: not yet"
        prompts: [What is your intention?, Where are you stuck?]
        note_kind: question
      - name: Stillness
        duration: 90s
        speaker: everyone
        note_kind: insight
    closing:
      - name: Closing   remarks
        duration: 1h15m
        speaker: group
        guidance: Thank the case giver.
        rules: One remark each
        prompts: What will you take away?
        note_kind: works-well
    """

  @Test func readsEveryField() throws {
    let read = try ProtocolFile.parse(Data(Self.complete.utf8), path: "dir/Short Clinic.yaml")
    #expect(read.id == "short-clinic")
    #expect(read.name == "Case Clinic (short)")
    #expect(read.description == "A shorter clinic.\nTwo lines of description.")
    #expect(read.source == .file(path: "dir/Short Clinic.yaml"))
    #expect(
      read.opening == [
        Phase(
          name: "Choose a timekeeper", durationSeconds: 120, speaker: .facilitator,
          guidance: "Agree who keeps time.", rules: ["No hierarchy"], prompts: ["Who keeps time?"],
          noteKind: .other)
      ])
    #expect(
      read.round == [
        Phase(
          name: "Intention statement", durationSeconds: 90, speaker: .presenter,
          guidance: "The case giver describes the situation.",
          rules: ["Coaches only ask clarifying questions", "No advice: not yet"],
          prompts: ["What is your intention?", "Where are you stuck?"], noteKind: .question),
        Phase(name: "Stillness", durationSeconds: 90, speaker: .everyone, noteKind: .insight),
      ])
    #expect(
      read.closing == [
        Phase(
          name: "Closing remarks", durationSeconds: 4500, speaker: .group,
          guidance: "Thank the case giver.", rules: ["One remark each"],
          prompts: ["What will you take away?"], noteKind: .worksWell)
      ])
  }

  @Test func appliesTheDocumentedDefaults() throws {
    let read = try ProtocolFile.parse(
      Data("name: Drill\nround:\n  - name: Go\n    duration: 5s\n".utf8), path: "drill.yaml")
    #expect(read.description == "")
    #expect(read.opening.isEmpty)
    #expect(read.closing.isEmpty)
    #expect(
      read.round == [
        Phase(
          name: "Go", durationSeconds: 5, speaker: .everyone, guidance: "", rules: [], prompts: [],
          noteKind: .other)
      ])
  }

  @Test func emptyOptionalValuesMeanNothing() throws {
    let yaml = """
      name: Drill
      description:
      opening:
      round:
        - name: Go
          duration: 5s
          guidance: ~
          rules: []
          prompts:
      closing: []
      """
    let read = try ProtocolFile.parse(Data(yaml.utf8), path: "drill.yaml")
    #expect(read.opening.isEmpty && read.closing.isEmpty && read.description.isEmpty)
    #expect(read.round.first?.rules == [] && read.round.first?.prompts == [])
    #expect(read.round.first?.guidance == "")
  }

  @Test func quotedNullIsText() throws {
    let yaml = "name: \"null\"\nround:\n  - name: 'NULL'\n    duration: 5s\n"
    let read = try ProtocolFile.parse(Data(yaml.utf8), path: "drill.yaml")
    #expect(read.name == "null")
    #expect(read.round.first?.name == "NULL")
  }

  @Test func acceptsAByteOrderMarkAndWindowsLineEnds() throws {
    let yaml = "\u{FEFF}name: Drill\r\nround:\r\n  - name: Go\r\n    duration: 5s\r\n"
    let read = try ProtocolFile.parse(Data(yaml.utf8), path: "drill.yaml")
    #expect(read.name == "Drill")
    #expect(read.round.first?.name == "Go")
  }

  @Test(arguments: [
    ("Team Check-in.yaml", "team-check-in"), ("slg_short.yml", "slg-short"),
    ("/a/b/Café Clinic.yaml", "cafe-clinic"), ("--weird--.yaml", "weird"), ("UPPER.YAML", "upper"),
    ("noextension", "noextension"), ("___.yaml", ""),
  ])
  func idComesFromTheFileName(path: String, id: String) {
    #expect(ProtocolFile.id(forFileAt: path) == id)
  }

  @Test func loadsFromDiskWithTheAbsolutePathAsSource() throws {
    let folder = try TemporaryFolder()
    let url = try folder.write("Team.yaml", Self.complete)
    let read = try ProtocolFile.load(contentsOf: url)
    #expect(read.id == "team")
    #expect(read.source == .file(path: url.standardizedFileURL.path))
  }
}

@Suite struct ProtocolFileWritingTests {
  @Test(arguments: BuiltInProtocols.all)
  func builtInsSurviveBeingWrittenAndReadBack(_ builtIn: ConsultingProtocol) throws {
    let text = try ProtocolFile.yaml(for: builtIn)
    let read = try ProtocolFile.parse(Data(text.utf8), path: "copy-of-\(builtIn.id).yaml")
    #expect(read.name == builtIn.name)
    #expect(read.description == builtIn.description)
    #expect(read.opening == builtIn.opening)
    #expect(read.round == builtIn.round)
    #expect(read.closing == builtIn.closing)
    #expect(text.hasPrefix("# Copied from the built-in protocol \"\(builtIn.name)\""))
  }

  @Test func awkwardTextIsQuotedSoItReadsBackUnchanged() throws {
    let awkward = ConsultingProtocol(
      id: "awkward", name: "null", description: "Line one\nLine two: with a colon\n# not a comment",
      round: [
        Phase(
          name: "- dash: and colon", durationSeconds: 3661, speaker: .facilitator,
          guidance: "'quoted' and \"double\" # hash", rules: ["yes", "~", "*star", "@at"],
          prompts: ["[bracket]", "{brace}", "é ✓ 中文"], noteKind: .blockage)
      ], source: .file(path: "/x/awkward.yaml"))
    let text = try ProtocolFile.yaml(for: awkward)
    let read = try ProtocolFile.parse(Data(text.utf8), path: "awkward.yaml")
    #expect(read.name == awkward.name)
    #expect(read.description == awkward.description)
    #expect(read.round == awkward.round)
  }
}
