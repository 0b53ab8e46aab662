import Testing

@testable import PeerConsultKit

@Suite struct ParticipantParsingTests {
  @Test(arguments: [
    (
      "Asha Kaur;Council;senior",
      Participant(name: "Asha Kaur", organisation: "Council", level: .senior)
    ),
    (
      "  Chloé Dubois ;  Devon & Cornwall Police ; MIDDLE ",
      Participant(name: "Chloé Dubois", organisation: "Devon & Cornwall Police", level: .middle)
    ),
    (
      "Siobhán O'Connor; St Luke's Hospice; Frontline",
      Participant(name: "Siobhán O'Connor", organisation: "St Luke's Hospice", level: .frontline)
    ),
    ("山田 花子;横浜市役所;other", Participant(name: "山田 花子", organisation: "横浜市役所", level: .other)),
    // Pasted with runs of spaces: one person, one organisation, as typed once.
    (
      "Amira  Khan;NHS   Trust | NHS  T;frontline",
      Participant(
        name: "Amira Khan", organisation: "NHS Trust", organisationAliases: ["NHS T"],
        level: .frontline)
    ),
    (
      "Priya Patel; Devon & Cornwall Police | D&C Police || DCP ; senior",
      Participant(
        name: "Priya Patel", organisation: "Devon & Cornwall Police",
        organisationAliases: ["D&C Police", "DCP"], level: .senior)
    ),
  ])
  func readsNameOrganisationAndLevel(spec: String, expected: Participant) throws {
    #expect(try Participant.parse(spec) == expected)
  }

  @Test func specReadsBackToTheSameParticipant() throws {
    let participant = Participant(name: "Zoë Ó Briain", organisation: "NHS", level: .middle)
    #expect(participant.spec == "Zoë Ó Briain; NHS; middle")
    #expect(try Participant.parse(participant.spec) == participant)
    let aliased = Participant(
      name: "Ada", organisation: "St Luke's", organisationAliases: ["St Lukes", "SLH"],
      level: .other)
    #expect(aliased.spec == "Ada; St Luke's|St Lukes|SLH; other")
    #expect(try Participant.parse(aliased.spec) == aliased)
  }

  @Test func otherNamesWithoutTheOrganisationAreRefused() {
    #expect(
      message(for: "Ada; |DCP; senior")
        == "Ada has no organisation; write one between the semicolons (e.g. independent)")
  }

  @Test func anEmptyLineSaysHowToWriteOne() {
    #expect(
      message(for: "   ") == "the participant is empty; write \"Name; Organisation; level\"")
  }

  @Test(arguments: [
    ("Asha Kaur, Council, senior", "1 part"), ("Asha;Council", "2 parts"),
    ("Asha;Council;senior;extra", "4 parts"),
  ])
  func countsTheParts(spec: String, count: String) {
    #expect(
      message(for: spec)
        == "'\(spec)' has \(count), not 3; write \"Name; Organisation; level\", separated by semicolons"
    )
  }

  @Test func aMissingNameOrOrganisationIsNamed() {
    #expect(message(for: " ; Council; senior").contains("has no name"))
    #expect(
      message(for: "Asha;  ;senior")
        == "Asha has no organisation; write one between the semicolons (e.g. independent)")
  }

  @Test func aBadLevelListsTheAllowedOnesAndGuesses() {
    #expect(
      message(for: "Asha; Council; seniour")
        == "Asha's level 'seniour' is not senior, middle, frontline or other (did you mean senior?)"
    )
    #expect(
      message(for: "Asha; Council; boss")
        == "Asha's level 'boss' is not senior, middle, frontline or other")
    #expect(
      message(for: "Asha; Council; ")
        == "Asha has no level; end the line with senior, middle, frontline or other")
  }

  @Test func controlCharactersAreRefusedAndSpeltOut() throws {
    #expect(
      message(for: "Asha\u{1B}[2J; Council; senior")
        == "the name 'Asha<U+001B>[2J' contains a control character (U+001B); remove it")
    #expect(message(for: "Asha; Coun\tcil; senior").contains("organisation 'Coun<U+0009>cil'"))
    // A right-to-left override (or any control that reorders text) is refused too: a name of
    // one alone started a session whose presenter read as nothing.
    #expect(message(for: "\u{202E}; Org; senior").contains("contains a control character (U+202E)"))
    #expect(message(for: "Asha; Coun\u{2066}cil; senior").contains("(U+2066)"))
    // The marks that only give a direction stay: Arabic and Hebrew names need them.
    #expect(
      try Participant.parse("مريم\u{200F} الحسن; Council; senior").name == "مريم\u{200F} الحسن")
  }

  private func message(for spec: String) -> String {
    do {
      let participant = try Participant.parse(spec)
      Issue.record("'\(spec)' was read as \(participant)")
      return ""
    } catch {
      return error.message
    }
  }
}
