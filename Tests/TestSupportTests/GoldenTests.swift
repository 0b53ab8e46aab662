import Foundation
import Testing

@testable import TestSupport

/// The golden-file mechanism every test target uses: where files live, comparing, recording.
@Suite struct GoldenTests {
  @Test func recordingWritesTheFileAndStillFails() throws {
    let folder = try TemporaryFolder()
    let url = folder.path("Golden/screen.txt")
    let failure = Golden.check("new text\n", against: url, recording: true)
    #expect(
      failure == "recorded screen.txt, run again without PEERCONSULT_RECORD (read the diff first)")
    #expect(try String(contentsOf: url, encoding: .utf8) == "new text\n")
    // The deliberate second run, without recording, passes.
    #expect(Golden.check("new text\n", against: url, recording: false) == nil)
  }

  @Test func aMismatchNamesTheFirstDifferentLine() throws {
    let folder = try TemporaryFolder()
    let url = try folder.write("export.md", "# Title\nsame\nold line\n")
    let failure = Golden.check("# Title\nsame\nnew line\n", against: url, recording: false)
    #expect(
      failure
        == "output differs from export.md:\nat line 3:\n  got:      new line\n  expected: old line")
  }

  @Test func aCustomExplanationIsUsed() throws {
    let folder = try TemporaryFolder()
    let url = try folder.write("a.txt", "one\n")
    let failure = Golden.check("two\n", against: url, recording: false) { "was \($0)" }
    #expect(failure == "output differs from a.txt:\nwas one\n")
  }

  @Test func aMissingFileSaysHowToCreateIt() throws {
    let folder = try TemporaryFolder()
    let failure = Golden.check("text", against: folder.path("none.txt"), recording: false)
    #expect(failure == "no golden file none.txt; run with PEERCONSULT_RECORD=1 to create it")
  }

  @Test func goldenFilesLiveAtTheRootOfTheCallersTestTarget() {
    let deep = Golden.url("sessions.md", filePath: "/repo/Tests/KitTests/Share/ExportTests.swift")
    #expect(deep.path == "/repo/Tests/KitTests/Golden/sessions.md")
    let flat = Golden.url("home.txt", filePath: "/repo/Tests/AppTests/HomeTests.swift")
    #expect(flat.path == "/repo/Tests/AppTests/Golden/home.txt")
  }
}

/// The one seeded generator: reproducible, and the reference SplitMix64 sequence.
@Suite struct SeededGeneratorTests {
  @Test func matchesTheReferenceSplitMix64() {
    var generator = SeededGenerator(seed: 0)
    // The first outputs of SplitMix64 seeded with 0, as published with the algorithm.
    #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
  }

  @Test func theSameSeedGivesTheSameSequence() {
    var first = SeededGenerator(seed: 0x5EED)
    var second = SeededGenerator(seed: 0x5EED)
    let a = (0..<100).map { _ in Int.random(in: 0..<1000, using: &first) }
    let b = (0..<100).map { _ in Int.random(in: 0..<1000, using: &second) }
    #expect(a == b)
  }

  @Test func seedsAreReadAsDecimalOrHex() {
    #expect(SeededGenerator.seed(from: nil, fallback: 7) == 7)
    #expect(SeededGenerator.seed(from: "42", fallback: 7) == 42)
    #expect(SeededGenerator.seed(from: "0x5eed0001", fallback: 7) == 0x5EED_0001)
    #expect(SeededGenerator.seed(from: "seed", fallback: 7) == 7)
  }
}
