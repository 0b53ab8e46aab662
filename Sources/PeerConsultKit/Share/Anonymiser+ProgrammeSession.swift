import Foundation

extension Anonymiser {
  /// A note not deleted, as the tables hold it: what an anonymised report scrubs for its
  /// `#tags`.
  struct VisibleNote {
    /// The note's number in its session.
    let id: Int
    let text: String
    let createdAt: Date
  }

  /// `session` (read from the tables) as the digest of its anonymised record tells it
  /// (``anonymise(_:)``, then ``ProgrammeSession/init(_:)``): title and programme scrubbed,
  /// participants and owners by pseudonym, quoted notes scrubbed, and the `#tags` of its
  /// `visibleNotes` (every note not deleted, in the order written) as the scrubbed notes
  /// carry them. Pseudonyms hold no `#`, so only a note with one can carry a tag; a quoted
  /// note's tags are found in the text already scrubbed for the quote (about a fifth of the
  /// tagged notes are quoted).
  func anonymised(_ session: ProgrammeSession, visibleNotes: [VisibleNote]) -> ProgrammeSession {
    let participants = session.participants.map {
      Participant(
        name: pseudonym(for: $0), organisation: organisation($0.organisation), level: $0.level)
    }
    let notes = session.notes.map { note in
      ProgrammeSession.Note(
        id: note.id, kind: note.kind, text: scrubbedNote(note.text), createdAt: note.createdAt,
        isClosing: note.isClosing, owner: note.owner,
        ownerName: note.owner.map {
          participants.indices.contains($0) ? participants[$0].name : "?"
        }, doneAt: note.doneAt, due: note.due)
    }
    // Both lists are in the order written, so the quoted note of a visible one, if any, is
    // found by walking the two together.
    var quoted = notes.makeIterator()
    var nextQuoted = quoted.next()
    var tags: [ProgrammeSession.TagUse] = []
    for note in visibleNotes where note.text.holdsByte(UInt8(ascii: "#")) {
      while let candidate = nextQuoted, candidate.id < note.id { nextQuoted = quoted.next() }
      let scrubbed =
        nextQuoted.flatMap { $0.id == note.id ? $0.text : nil } ?? scrubbedNote(note.text)
      tags += NoteTag.distinct(in: scrubbed).map {
        ProgrammeSession.TagUse(key: $0.key, tag: $0.text, createdAt: note.createdAt)
      }
    }
    return ProgrammeSession(
      id: session.id, title: scrub(session.title), programme: scrub(session.programme),
      createdAt: session.createdAt, finishedAt: session.finishedAt, group: session.group,
      participants: participants, rounds: session.rounds, noteCount: session.noteCount,
      notes: notes, tags: tags, ratings: session.ratings, followUps: session.followUps)
  }
}
