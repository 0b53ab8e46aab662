import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

@Suite struct ProtocolLibraryTests {
  private func protocolText(_ name: String) -> String {
    "name: \(name)\nround:\n  - name: Go\n    duration: 1m\n"
  }

  @Test func missingFolderGivesTheBuiltInsAndNoProblems() throws {
    let folder = try TemporaryFolder()
    let library = ProtocolLibrary.load(from: folder.url.appendingPathComponent("absent"))
    #expect(library.protocols == BuiltInProtocols.all)
    #expect(library.problems.isEmpty)
  }

  @Test func badFilesAreReportedWhileTheOthersLoad() throws {
    let folder = try TemporaryFolder()
    try folder.write("zeta.yaml", protocolText("Zeta"))
    try folder.write("Alpha Team.YML", protocolText("Alpha"))
    try folder.write("broken.yaml", "name: Broken\nround:\n  - name: Go\n    duration: soon\n")
    try folder.write("binary.yml", Data([0x00, 0xFF, 0x00]))
    try folder.write("troika.yaml", protocolText("My Troika"))
    try folder.write("notes.txt", "not a protocol")
    try folder.write(".hidden.yaml", "not: [valid")
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("drafts"), withIntermediateDirectories: false)
    try folder.write("drafts/inner.yaml", protocolText("Inner"))

    let library = ProtocolLibrary.load(from: folder.url)

    #expect(library.protocols.map(\.id) == BuiltInProtocols.all.map(\.id) + ["alpha-team", "zeta"])
    #expect(library.protocolWithID("zeta")?.name == "Zeta")
    let zetaPath = folder.url.appendingPathComponent("zeta.yaml").standardizedFileURL.path
    #expect(library.protocolWithID("zeta")?.source == .file(path: zetaPath))
    #expect(
      library.problems.map { ($0.path as NSString).lastPathComponent } == [
        "binary.yml", "broken.yaml", "troika.yaml",
      ])
    let broken = try #require(library.problems.first { $0.path.hasSuffix("broken.yaml") })
    #expect(broken.issues.first?.line == 4)
    #expect(broken.description.hasPrefix(folder.url.appendingPathComponent("broken.yaml").path))
    #expect(library.problems[2].description.contains("belongs to the built-in protocol"))
  }

  @Test func twoFilesWithOneIdLoadTheFirstAndReportTheSecond() throws {
    let folder = try TemporaryFolder()
    try folder.write("team.yaml", protocolText("First"))
    try folder.write("Team.yml", protocolText("Second"))
    let library = ProtocolLibrary.load(from: folder.url)
    // Sorted by byte order, "Team.yml" comes before "team.yaml".
    #expect(library.protocolWithID("team")?.name == "Second")
    #expect(library.problems.count == 1)
    #expect(
      library.problems.first?.description.contains("the id 'team' is already used by") == true)
  }

  @Test func folderThatIsAFileIsReported() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("protocols", "oops")
    let library = ProtocolLibrary.load(from: file)
    #expect(library.protocols == BuiltInProtocols.all)
    #expect(library.problems.first?.description.contains("the protocols folder is a file") == true)
  }

  @Test func resolvesIdsOfBuiltInsAndUserProtocols() throws {
    let folder = try TemporaryFolder()
    try folder.write("mine.yaml", protocolText("Mine"))
    let library = ProtocolLibrary.load(from: folder.url)
    #expect(try library.resolve("slg") == BuiltInProtocols.systemsLearningGroup)
    #expect(try library.resolve("Troika").id == "troika")
    #expect(try library.resolve(" mine ").name == "Mine")
  }

  @Test func resolvesPathsByLoadingTheFile() throws {
    let folder = try TemporaryFolder()
    let elsewhere = try TemporaryFolder()
    let url = try elsewhere.write("drill.yaml", protocolText("Drill"))
    let library = ProtocolLibrary.load(from: folder.url)
    let read = try library.resolve(url.path)
    #expect(read.id == "drill")
    #expect(read.source == .file(path: url.standardizedFileURL.path))
  }

  @Test func unknownIdsListTheKnownOnes() throws {
    let library = ProtocolLibrary.load(from: try TemporaryFolder().url)
    #expect(throws: ProtocolLookupError.self) { try library.resolve("troica") }
    do {
      _ = try library.resolve("troica")
    } catch {
      #expect(error == .unknownID("troica", knownIDs: BuiltInProtocols.all.map(\.id)))
      #expect(error.description.contains("no protocol has the id 'troica'. Did you mean 'troika'?"))
      #expect(
        error.description.contains(
          "Known ids: slg, troika, wise-crowds, consultancy, tuning, action-learning, case-clinic"))
      #expect(error.description.contains("give its path, e.g. ./troica.yaml"))
    }
  }

  @Test func idOfARefusedUserFileExplainsTheRefusal() throws {
    let folder = try TemporaryFolder()
    try folder.write("broken.yaml", "name: Broken\n")
    let library = ProtocolLibrary.load(from: folder.url)
    do {
      _ = try library.resolve("broken")
      Issue.record("a refused file resolved")
    } catch {
      guard case .invalidFile(let fileError) = error else {
        Issue.record("expected the file's problems, got \(error)")
        return
      }
      #expect(fileError.description.contains("missing 'round'"))
    }
  }

  @Test func badPathsSayWhatIsWrongWithTheFile() throws {
    let folder = try TemporaryFolder()
    let library = ProtocolLibrary.load(from: folder.url)
    let path = folder.url.appendingPathComponent("absent.yaml").path
    do {
      _ = try library.resolve(path)
      Issue.record("a missing file resolved")
    } catch {
      #expect(error.description == "\(path): no such file; check the name and folder")
    }
    // A link whose file is gone, and two links that lead to each other, are named as links.
    let dangling = folder.url.appendingPathComponent("moved.yaml").path
    let first = folder.url.appendingPathComponent("first.yaml").path
    let second = folder.url.appendingPathComponent("second.yaml").path
    #expect(symlink(path, dangling) == 0 && symlink(second, first) == 0)
    #expect(symlink(first, second) == 0)
    for (link, message) in [
      (dangling, "a symbolic link to a file that is not there; point it at the protocol file"),
      (first, "a symbolic link that leads round in a loop; point it at the protocol file"),
    ] {
      #expect(throws: ProtocolLookupError.self) { _ = try library.resolve(link) }
      do {
        _ = try library.resolve(link)
      } catch {
        #expect(error.description == "\(link): \(message)")
      }
    }
  }
}

@Suite struct ProtocolLibraryStoppingTests {
  @Test func aLoadAskedToStopReadsNoMoreFiles() throws {
    let folder = try TemporaryFolder()
    for name in ["a", "b", "c"] {
      try "name: \(name)\nround:\n- name: Talk\n  duration: 5m\n  speaker: everyone\n".write(
        to: folder.path("\(name).yaml"), atomically: false, encoding: .utf8)
    }
    var asked = 0
    let library = ProtocolLibrary.load(from: folder.url) {
      asked += 1
      return asked > 1
    }
    #expect(library.protocols.count == BuiltInProtocols.all.count + 1)
    #expect(library.protocols.last?.id == "a")
    #expect(
      ProtocolLibrary.load(from: folder.url).protocols.count == BuiltInProtocols.all.count + 3)
  }
}
