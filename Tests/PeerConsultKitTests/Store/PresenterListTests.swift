import Testing

@testable import PeerConsultKit

/// A session's row keeps its presenters' names in one text (``PresenterList``): any name
/// comes back as it went in, whatever characters it holds.
@Suite struct PresenterListTests {
  @Test(arguments: [
    [], ["Asha"], ["Zoë Bjørn", "王伟", "محمد"], ["12:Ben", "3:", ":", ""],
    ["a\u{1F}b", "👩🏽‍⚕️ Dr Ngozi"],
    [String(repeating: "x", count: 1_000), "y"],
  ])
  func namesComeBackAsTheyWent(_ names: [String]) {
    #expect(PresenterList.decoded(PresenterList.encoded(names)) == names)
  }

  /// Text that does not follow the form (a file edited by hand) gives the names before the
  /// fault and nothing made up: a length past the end, no colon, no length.
  @Test func aFaultEndsTheListThere() {
    #expect(PresenterList.decoded("4:Asha9:Ben") == ["Asha"])
    #expect(PresenterList.decoded("4:Asha3Ben") == ["Asha"])
    #expect(PresenterList.decoded("Asha") == [])
    #expect(PresenterList.decoded("99999999999999999999:x") == [])
    #expect(PresenterList.encoded(["Asha", "Ben"]) == "4:Asha3:Ben")
  }
}
