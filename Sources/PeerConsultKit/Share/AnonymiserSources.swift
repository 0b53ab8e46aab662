/// What ``Anonymiser/init(sources:)`` reads of sessions exported together, gathered a session
/// at a time, so that an anonymised export of every session need not hold every record.
///
/// Each source keeps the session's participants and choices whole but, of its texts, only
/// those holding a word not met in an earlier text: the anonymiser reads texts only to look
/// at each different word once, in order (for words that resemble a name), so a text whose
/// words were all met before changes nothing it learns, and it gives the same pseudonyms and
/// replacements as from every text. What is kept grows with the vocabulary, not the notes.
/// Sessions must be added in the order the anonymiser is to read them (oldest first, as
/// ``ShareOptions`` hands it records).
struct AnonymiserSources {
  private(set) var sources: [Anonymiser.Source] = []
  private var met = Set<String>()

  /// Adds `record`, whose shared texts are its own and `also` (what its minutes show besides,
  /// such as the earlier actions it followed up).
  mutating func add(_ record: SessionRecord, also: [String] = []) {
    let texts = (Anonymiser.sharedTexts(of: record.state) + also).filter { text in
      var new = false
      for (_, word) in SuspectFinder.words(in: Array(text)) where met.insert(word).inserted {
        new = true
      }
      return new
    }
    // As `Anonymiser.Source(record)` makes it, with fewer texts.
    sources.append(
      Anonymiser.Source(
        id: record.id, createdAt: record.state.createdAt, group: record.state.setup.group,
        participants: record.state.participants, shareChoices: record.state.shareChoices,
        shared: .texts(texts)))
  }
}
