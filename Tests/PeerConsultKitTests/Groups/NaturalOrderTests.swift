import TestSupport
import Testing

@testable import PeerConsultKit

/// Names with numbers in the order people count them, the same on every machine.
@Suite struct NaturalOrderTests {
  private func sorted(_ names: [String]) -> [String] {
    names.sorted(by: NaturalOrder.precedes)
  }

  @Test func numbersCompareAsNumbers() {
    #expect(
      sorted(["set 10", "set 2", "set 11", "set 1", "set 20"])
        == ["set 1", "set 2", "set 10", "set 11", "set 20"])
    #expect(sorted(["v1.10", "v1.9", "v1.10.1"]) == ["v1.9", "v1.10", "v1.10.1"])
    // Longer than any integer type: compared by their digits.
    #expect(
      sorted(["set 99999999999999999999999", "set 100000000000000000000000", "set 3"])
        == ["set 3", "set 99999999999999999999999", "set 100000000000000000000000"])
  }

  @Test func textComparesWithoutCaseOrAccentsAndNumbersComeFirst() {
    #expect(
      sorted(["Hill", "harbour", "Évora", "2020 cohort"]) == [
        "2020 cohort", "Évora", "harbour", "Hill",
      ])
    #expect(sorted(["North 2", "north 10", "North 1"]) == ["North 1", "North 2", "north 10"])
  }

  @Test func namesEqualByTheseRulesStillHaveOneOrder() {
    let names = ["set 7", "Set 07", "set 007", "SET 7", "Set 7"]
    let once = sorted(names)
    #expect(Set(once) == Set(names))
    var random = SeededGenerator(seed: 3)
    for _ in 0..<20 {
      #expect(sorted(names.shuffled(using: &random)) == once)
    }
    // And an order: nothing precedes itself, and precedence runs one way.
    for a in names {
      #expect(!NaturalOrder.precedes(a, a))
      for b in names where a != b {
        #expect(NaturalOrder.precedes(a, b) != NaturalOrder.precedes(b, a))
      }
    }
  }
}
