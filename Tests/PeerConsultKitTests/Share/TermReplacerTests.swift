import Foundation
import Testing

@testable import PeerConsultKit

/// Where a term may start: a name written in CJK needs no space before it, so it is found
/// even right after Latin letters, where a Latin name is not (it would be part of a word).
@Suite struct TermReplacerTests {
  @Test func aCJKNameRightAfterLatinLettersIsReplacedAndALatinNameInsideAWordIsNot() throws {
    let anonymiser = Anonymiser(records: try ShareFixture.records())
    let cjk = anonymiser.scrub("Team王伟 said yes")
    #expect(!cjk.contains("王伟"), "\(cjk)")
    #expect(cjk.hasPrefix("Team[Participant"), "\(cjk)")
    #expect(anonymiser.scrub("xPatel and Patelx") == "xPatel and Patelx")
    #expect(anonymiser.scrub("Ask Patel") != "Ask Patel")
  }
}
