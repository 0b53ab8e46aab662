import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// Every export format of the fixture sessions, compared with files under `Golden/`.
@Suite struct ExportGoldenTests {
  @Test func sessionMarkdown() throws {
    let records = try ShareFixture.programmeRecords()
    expectGoldenText(
      try SessionExport.render(records, as: .markdown, options: ShareFixture.utc),
      "sessions.md")
  }

  @Test func sessionHTML() throws {
    let records = try ShareFixture.programmeRecords()
    expectGoldenText(
      try SessionExport.render(records, as: .html, options: ShareFixture.utc), "sessions.html")
  }

  @Test func sessionJSON() throws {
    let records = try ShareFixture.programmeRecords()
    expectGoldenText(
      try SessionExport.render(records, as: .json, options: ShareFixture.utc), "sessions.json")
  }

  @Test func anonymisedSessionMarkdown() throws {
    let records = try ShareFixture.programmeRecords()
    expectGoldenText(
      try SessionExport.render(records, as: .markdown, options: ShareFixture.anonymisedUTC),
      "sessions-anonymised.md")
  }

  @Test func anonymisedSessionJSON() throws {
    let records = try ShareFixture.programmeRecords()
    expectGoldenText(
      try SessionExport.render(records, as: .json, options: ShareFixture.anonymisedUTC),
      "sessions-anonymised.json")
  }

  @Test func plainTextForTheTerminal() throws {
    let records = try ShareFixture.records().filter { $0.id == ShareFixture.firstID }
    expectGoldenText(
      SessionExport.plainText(records, timeZone: TimeZone(identifier: "UTC")!), "session.txt")
  }

  @Test func harvestMarkdown() throws {
    let records = try ShareFixture.programmeRecords()
    expectGoldenText(
      try HarvestExport.render(
        records, programme: "Alcohol Plan", as: .markdown, options: ShareFixture.utc),
      "harvest.md")
  }

  @Test func harvestHTML() throws {
    let records = try ShareFixture.programmeRecords()
    expectGoldenText(
      try HarvestExport.render(
        records, programme: "Alcohol Plan", as: .html, options: ShareFixture.utc),
      "harvest.html")
  }

  @Test func harvestJSON() throws {
    let records = try ShareFixture.programmeRecords()
    expectGoldenText(
      try HarvestExport.render(
        records, programme: "Alcohol Plan", as: .json, options: ShareFixture.utc),
      "harvest.json")
  }

  @Test func anonymisedHarvestMarkdown() throws {
    let records = try ShareFixture.programmeRecords()
    expectGoldenText(
      try HarvestExport.render(
        records, programme: "Alcohol Plan", as: .markdown, options: ShareFixture.anonymisedUTC),
      "harvest-anonymised.md")
  }
}
