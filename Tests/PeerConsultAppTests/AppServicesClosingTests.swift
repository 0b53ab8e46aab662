import Foundation
import PeerConsultKit
import TestSupport
import Testing

@testable import PeerConsultApp

/// The screens close the database they wrote through on their way out, so the next program
/// finds it closed cleanly and starts without reading every page.
@Suite struct AppServicesClosingTests {
  /// The writing openings' marks in `data` (`OpeningMarker`): one while the store is open.
  private func marks(in data: URL) -> [String] {
    let names =
      (try? FileManager.default.contentsOfDirectory(
        atPath: data.appendingPathComponent("locks").path)) ?? []
    return names.filter { $0.hasPrefix("opening-") }
  }

  @Test func closingTheStoreEndsItsMarkAndRecordsACleanClose() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    let services = AppServices(
      location: DataLocation(dataDirectory: data, protocolsDirectory: folder.path("p")),
      clock: ManualClock(), openStore: { try AppDatabase(directory: data) },
      openReader: { try AppDatabase.openForReading(directory: data) })
    let result = services.perform(
      .startSession(
        SessionSetup(
          title: "Night-time economy", programme: "Alcohol Plan",
          consultingProtocol: LiveFixture.drill, participants: LiveFixture.participants,
          presenters: [0, 1])))
    guard case .sessionOpened = result else {
      Issue.record("the session did not start: \(result)")
      return
    }
    #expect(marks(in: data).count == 1)
    services.closeStore()
    #expect(marks(in: data).isEmpty)
    #expect(
      FileManager.default.fileExists(
        atPath: data.appendingPathComponent("locks/clean-close").path))
  }
}
