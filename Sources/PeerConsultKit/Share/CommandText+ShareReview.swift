import Foundation

extension CommandText {
  /// `export --anonymise --review` without a terminal: every replacement and every suspect,
  /// each with what it becomes and where it first stands, and how to choose.
  public static func shareReview(_ review: ShareReview) -> String {
    var text = "Replacements (\(review.replacements.count)):\n"
    for item in review.replacements {
      text += line(item, state: "")
    }
    if review.replacements.isEmpty { text += "  none\n" }
    text +=
      "\nSuspects (\(review.suspects.count), \(review.unresolved.count) without a choice):\n"
    for item in review.suspects {
      let choice =
        switch item.choice {
        case true?: "replace (chosen)"
        case false?: "keep (chosen)"
        case nil: item.isReplaced ? "replaced unless kept" : "kept unless replaced"
        }
      text += line(item, state: "\(choice); \(reason(item.kind)); ")
    }
    if review.suspects.isEmpty { text += "  none\n" }
    text +=
      "\n"
      + wrap(
        "Choose with --replace WORD or --keep WORD (each may be repeated); the choice is saved "
          + "with the sessions. --strict refuses to write while a suspect has no choice.",
        indent: 0)
    return text
  }

  /// One line for each of `replace` and `keep` (`--replace WORD`, `--keep WORD`) that changes
  /// nothing in `review`: a word that is nowhere in what is shared (misspelt, or in other
  /// sessions), and a kept participant's name or organisation, which is always replaced. The
  /// choice was saved all the same; said nothing, a facilitator took a misspelt `--replace`
  /// for a name dealt with.
  ///
  /// `named` are the participants' names and organisations (``ShareReview/key(_:)``), always
  /// replaced whether or not the text has them; `chosenBefore` the words a choice was saved for
  /// before this one, which a new choice changes even where the word is not listed now.
  public static func choicesWithoutEffect(
    _ review: ShareReview, replace: [String], keep: [String], named: Set<String> = [],
    chosenBefore: Set<String> = []
  ) -> [String] {
    var kinds: [String: ShareReview.Item.Kind] = [:]
    // A word that is a name in one place and a suspect in another ("Rose Street", and "Rose's
    // budget" after a semicolon) is kept where it is a suspect: no "changes nothing" for it.
    var suspects = Set<String>()
    for item in review.items {
      kinds[ShareReview.key(item.text)] = kinds[ShareReview.key(item.text)] ?? item.kind
      if item.isSuspect { suspects.insert(ShareReview.key(item.text)) }
    }
    var lines: [String] = []
    for (words, option) in [(replace, "--replace"), (keep, "--keep")] {
      for word in words {
        let quoted = "\(option) \"\(oneLine(word))\""
        let key = ShareReview.key(word)
        let alwaysReplaced =
          "\(quoted): a participant's name or organisation is always replaced; keeping it "
          + "changes nothing."
        if option == "--keep", named.contains(key), !suspects.contains(key) {
          lines.append(alwaysReplaced)
          continue
        }
        if chosenBefore.contains(key) { continue }
        switch kinds[key] {
        case nil:
          lines.append(
            "\(quoted): not in what is shared, so it changes nothing here; the choice is saved "
              + "for later exports. Check its spelling with --review.")
        case .name? where option == "--keep" && !suspects.contains(key):
          lines.append(alwaysReplaced)
        default: break
        }
      }
    }
    return lines
  }

  /// The line an anonymised export says once written when suspects went out without a
  /// choice, each as it goes by default (``SuspectTally``), those kept somewhere first:
  /// "3 suspects had no choice and went out as each goes unless chosen: Derriford kept, June
  /// kept and replaced, The Trust replaced. See them with --review before sharing, …". Nil
  /// when there were none. At most five are named.
  public static func undecidedSuspects(_ entries: [SuspectTally.Entry]) -> String? {
    guard !entries.isEmpty else { return nil }
    let named = entries.prefix(5).map { entry in
      let fate =
        entry.kept && entry.replaced ? "kept and replaced" : entry.kept ? "kept" : "replaced"
      return "\(oneLine(entry.text)) \(fate)"
    }
    let more = entries.count > 5 ? ", and \(entries.count - 5) more" : ""
    return "\(counted(entries.count, "suspect", "suspects")) had no choice and went out as each "
      + "goes unless chosen: \(named.joined(separator: ", "))\(more). See them with --review "
      + "before sharing, choose with --replace or --keep, or add --strict to refuse them."
  }

  private static func line(_ item: ShareReview.Item, state: String) -> String {
    let times = item.count == 1 ? "" : " (×\(item.count))"
    return wrap(
      "\(oneLine(item.text)) → \(item.replacement)\(times): \(state)\"\(oneLine(item.context))\"",
      indent: 2, bullet: "- ")
  }

  /// Why a suspect is one, in a few words.
  private static func reason(_ kind: ShareReview.Item.Kind) -> String {
    switch kind {
    case .name: "a participant"
    case .ordinaryWord: "a name that is also a word, written where that cannot tell"
    case .insideWord: "a name or form of address inside other text"
    case .shortForm: "a guessed short form of an organisation"
    case .unknownName: "a capitalised name of nobody in the group"
    case .resemblance: "close to a participant's name"
    case .usualMeaning: "a name that is also a title, month or day, where it reads as one"
    case .groupWord: "a group's name that is also a word, a day or a short form"
    }
  }
}
