import Testing

@testable import PeerConsultKit

@Suite struct PhaseDurationTests {
  @Test(arguments: [
    ("90s", 90), ("2m", 120), ("1m30s", 90), ("1h", 3600), ("1h15m", 4500), ("1h1m1s", 3661),
    ("10min", 600), ("1 h 15 min", 4500), ("1m 30s", 90), ("  5m  ", 300), ("1s", 1),
    ("24h", 86400), ("0h5m", 300),
  ])
  func parsesAcceptedForms(text: String, seconds: Int) throws {
    #expect(try PhaseDuration.parse(text) == seconds)
  }

  @Test func refusesABareNumberAndSaysWhichUnitsToUse() {
    #expect(
      throws: PhaseDuration.ParseError(
        message: "'10' has no unit; write 10m for minutes or 10s for seconds")
    ) {
      try PhaseDuration.parse("10")
    }
  }

  @Test func refusesZeroAndNegativeLengths() {
    for text in ["0s", "0m", "0h0m0s"] {
      #expect(message(for: text).contains("is zero"), "\(text)")
    }
    for text in ["-5m", "-1"] {
      #expect(message(for: text).contains("is negative"), "\(text)")
    }
  }

  @Test func refusesNonsenseWithExamples() {
    let text = message(for: "five minutes please")
    #expect(text.contains("'five minutes please' is not a duration"))
    #expect(text.contains("90s, 2m, 1m30s, 1h or 1h15m"))
  }

  @Test(arguments: [
    "", "   ", "m", "5x", "2mins", "1hour", "30s1m", "1m1m", "1m30", "5 m s", "1:30",
  ])
  func refusesMalformedText(text: String) {
    #expect(throws: PhaseDuration.ParseError.self) { try PhaseDuration.parse(text) }
  }

  @Test func suggestsWholeNumbersForDecimals() {
    #expect(message(for: "1.5m").contains("use whole numbers"))
  }

  @Test func refusesLengthsOverADayWithoutOverflowing() {
    #expect(message(for: "25h").contains("longer than 24 hours"))
    #expect(message(for: "1441m").contains("longer than 24 hours"))
    #expect(throws: PhaseDuration.ParseError.self) {
      try PhaseDuration.parse("99999999999999999999999h")
    }
  }

  @Test func formatsInFileSyntax() {
    #expect(PhaseDuration.format(90) == "1m30s")
    #expect(PhaseDuration.format(600) == "10m")
    #expect(PhaseDuration.format(3600) == "1h")
    #expect(PhaseDuration.format(4500) == "1h15m")
    #expect(PhaseDuration.format(3601) == "1h1s")
  }

  @Test func displaysForPeople() {
    #expect(PhaseDuration.display(45) == "45 s")
    #expect(PhaseDuration.display(600) == "10 min")
    #expect(PhaseDuration.display(90) == "1 min 30 s")
    #expect(PhaseDuration.display(4500) == "1 h 15 min")
    #expect(PhaseDuration.display(7200) == "2 h")
    #expect(PhaseDuration.display(0) == "0 s")
    #expect(PhaseDuration.display(-90) == "-1 min 30 s")
  }

  @Test func bothFormsRoundTripForEveryLengthUpToTwoHoursAndAtTheLimit() throws {
    for seconds in Array(1...7200) + [
      PhaseDuration.maximumSeconds - 1, PhaseDuration.maximumSeconds,
    ] {
      #expect(try PhaseDuration.parse(PhaseDuration.format(seconds)) == seconds)
      #expect(try PhaseDuration.parse(PhaseDuration.display(seconds)) == seconds)
    }
  }

  private func message(for text: String) -> String {
    do {
      _ = try PhaseDuration.parse(text)
      return "accepted"
    } catch {
      return error.message
    }
  }
}
