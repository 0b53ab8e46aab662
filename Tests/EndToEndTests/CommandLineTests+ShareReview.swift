import Foundation
import Testing

/// `export --anonymise --review`, `--strict`, `--replace` and `--keep`: the review before
/// sharing, from the command line.
extension CommandLineTests {
  @Test func reviewListsWhatAnonymisingDoesAndWritesNothing() throws {
    let folder = try seeded()
    let out = folder.file("shared.md").path
    let review = try run(
      ["export", "--all", "--format", "markdown", "--anonymise", "--review", "-o", out], in: folder)
    #expect(review.status == 0, "\(review.stderr)")
    #expect(review.stdout.hasPrefix("Replacements (13):\n"))
    #expect(review.stdout.contains("- Ångström → [Participant A] (×2): \"Line one about Ångström"))
    #expect(review.stdout.contains("Suspects (0, 0 without a choice):\n  none\n"))
    #expect(!FileManager.default.fileExists(atPath: out))
    let harvest = try run(
      ["harvest", "--programme", "Alcohol Plan", "--anonymise", "--review"], in: folder)
    #expect(harvest.stdout.hasPrefix("Replacements ("), "\(harvest.stderr)")
    expectRefusal(
      try run(["export", "--all", "--format", "markdown", "--review"], in: folder),
      mentioning: "are for --anonymise")
  }

  @Test func aChoiceIsSavedWithTheSessionsAndStrictRefusesWithoutOne() throws {
    let folder = try seeded()
    // "May" is an ordinary word; asked to, the export replaces it where it is capitalised.
    let chosen = try run(
      ["export", "--all", "--format", "markdown", "--anonymise", "--replace", "May", "--strict"],
      in: folder)
    #expect(chosen.status == 0, "\(chosen.stderr)")
    #expect(chosen.stdout.contains("doubled since [a person]."))
    let again = try run(["export", "--all", "--format", "markdown", "--anonymise"], in: folder)
    #expect(again.stdout.contains("doubled since [a person]."))
    let review = try run(
      ["export", "--all", "--format", "markdown", "--anonymise", "--review"], in: folder)
    #expect(review.stdout.contains("- May → [a person]"), "\(review.stdout)")
    #expect(review.stdout.contains("replace (chosen)"))
    // Kept again, the word is back.
    let kept = try run(
      ["export", "--all", "--format", "markdown", "--anonymise", "--keep", "may"], in: folder)
    #expect(kept.stdout.contains("doubled since May."))
  }

  /// A misspelt `--replace` changed nothing and said nothing: the facilitator took the name
  /// for dealt with. A kept participant's name is replaced all the same.
  @Test func aChoiceThatChangesNothingSaysSo() throws {
    let folder = try seeded()
    let chosen = try run(
      [
        "export", "--all", "--format", "markdown", "--anonymise", "--replace", "Mai",
        "--replace", "May", "--keep", "ångström",
      ], in: folder)
    #expect(chosen.status == 0, "\(chosen.stderr)")
    #expect(chosen.stdout.contains("doubled since [a person]."))
    #expect(chosen.stdout.contains("[Participant A]"))
    let lines = chosen.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "\(chosen.stderr)")
    #expect(lines.first?.hasPrefix("--replace \"Mai\": not in what is shared") == true)
    #expect(
      lines.last
        == "--keep \"ångström\": a participant's name or organisation is always replaced; "
        + "keeping it changes nothing.")
    // A participant's whole name, though no note writes it whole, is always replaced too; a
    // keep that undoes a replace saved before changes something, and says nothing.
    let again = try run(
      [
        "export", "--all", "--format", "markdown", "--anonymise", "--keep", "Dr Priya Patel",
        "--keep", "Mai",
      ], in: folder)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(
      again.stderr
        == "--keep \"Dr Priya Patel\": a participant's name or organisation is always replaced; "
        + "keeping it changes nothing.\n")
  }

  /// An anonymised export wrote without a word about the suspects nobody had chosen for, and
  /// "Derriford" (a hospital, which points at someone's trust) went out kept: the export says
  /// which went out how, once written; a choice for each, or none to choose, says nothing.
  @Test func suspectsWithoutAChoiceAreNamedOnceWritten() throws {
    let folder = try Folder()
    let export = folder.file("derriford.json")
    try goldenSession(title: "Handovers at Derriford").write(to: export)
    #expect(try run(["import", export.path], in: folder).status == 0)
    let out = folder.file("shared.md").path
    let written = try run(
      ["export", "--all", "--format", "markdown", "--anonymise", "-o", out], in: folder)
    #expect(written.status == 0, "\(written.stderr)")
    #expect(
      written.stderr
        == "1 suspect had no choice and went out as each goes unless chosen: Derriford kept. "
        + "See them with --review before sharing, choose with --replace or --keep, or add "
        + "--strict to refuse them.\n")
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Handovers at Derriford"))
    let harvested = try run(
      ["harvest", "--programme", "Alcohol Plan", "--anonymise", "--format", "markdown"],
      in: folder)
    #expect(harvested.stderr.hasPrefix("1 suspect had no choice"), "\(harvested.stderr)")
    let chosen = try run(
      ["export", "--all", "--format", "markdown", "--anonymise", "--replace", "Derriford"],
      in: folder)
    #expect(chosen.status == 0 && chosen.stderr.isEmpty, "\(chosen.stderr)")
    #expect(chosen.stdout.contains("Handovers at [a person]"))
    let harvest = try run(
      ["harvest", "--programme", "Alcohol Plan", "--anonymise", "--format", "markdown"],
      in: folder)
    #expect(harvest.status == 0 && harvest.stderr.isEmpty, "\(harvest.stderr)")
  }

  /// A message naming a path with a line break in it stays one line: `-o $'a\nb.md'` made
  /// "Wrote … to …/a" and "b.md." two, and a refusal the same.
  @Test func aPathWithALineBreakIsSpeltOutOnOneLine() throws {
    let folder = try seeded()
    let out = folder.file("a\nb.md").path
    let wrote = try run(["export", "--all", "--format", "markdown", "-o", out], in: folder)
    #expect(wrote.status == 0, "\(wrote.stderr)")
    #expect(
      wrote.stdout.hasSuffix("a<U+000A>b.md.\n") && wrote.stdout.count(where: \.isNewline) == 1)
    let refused = try run(["import", folder.file("no\nsuch.json").path], in: folder)
    #expect(refused.status != 0)
    #expect(
      refused.stderr.contains("no<U+000A>such.json")
        && refused.stderr.count(where: \.isNewline) == 1, "\(refused.stderr)")
  }
}
