import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The harvest report of a generated programme, as Markdown, compared with `Golden/`.
@Suite struct ReportGoldenTests {
  static let utc = ShareOptions(timeZone: TimeZone(identifier: "UTC")!)

  @Test func reportMarkdown() throws {
    let programme = try ReportProgramme(sessions: 8, seed: 17)
    expectGoldenText(
      try HarvestExport.render(
        programme.records, programme: "Alcohol Plan", as: .markdown, options: Self.utc),
      "report.md")
  }

  @Test func aPeriodSaysSoAndLeavesTheOtherSessionsOut() throws {
    let programme = try ReportProgramme(sessions: 8, seed: 17)
    let period = try ReportPeriod(
      since: "2027-01-22", until: "2027-02-05", timeZone: TimeZone(identifier: "UTC")!)
    let markdown = try HarvestExport.render(
      programme.records, programme: "Alcohol Plan", as: .markdown, options: Self.utc,
      period: period)
    #expect(
      markdown.contains("Sessions from 2027-01-22 to 2027-02-05. 3 sessions between 2027-01-22 "))
    #expect(!markdown.contains("| Week 1 |") && markdown.contains("| Week 2 |"))
    #expect(markdown.contains("| Week 4 |") && !markdown.contains("| Week 5 |"))
    let none = try ReportPeriod(
      since: "2030-01-01", until: nil, timeZone: TimeZone(identifier: "UTC")!)
    let empty = try HarvestExport.render(
      programme.records, programme: "Alcohol Plan", as: .json, options: Self.utc, period: none)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(empty.utf8)) as? [String: Any])
    let report = try #require(object["report"] as? [String: Any])
    #expect((report["period"] as? [String: Any])?["since"] as? String == "2030-01-01")
    #expect((report["sessions"] as? [Any])?.isEmpty == true)
    #expect((object["sessions"] as? [Any])?.isEmpty == true)
  }
}
