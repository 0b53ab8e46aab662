import Foundation

extension Anonymiser {
  /// A note not deleted, as the tables hold it: what an anonymised report scrubs for its
  /// `#tags`.
  struct VisibleNote {
    let text: String
    let createdAt: Date
  }

  /// `session` (read from the tables) as the digest of its anonymised record tells it
  /// (``anonymise(_:)``, then ``ProgrammeSession/init(_:)``): title and programme scrubbed,
  /// participants and owners by pseudonym, quoted notes scrubbed, and the `#tags` of its
  /// `visibleNotes` (every note not deleted, in the order written) as the scrubbed notes
  /// carry them. Pseudonyms hold no `#`, so only a note with one can carry a tag.
  func anonymised(_ session: ProgrammeSession, visibleNotes: [VisibleNote]) -> ProgrammeSession {
    let participants = session.participants.map {
      Participant(
        name: pseudonym(for: $0), organisation: organisation($0.organisation), level: $0.level)
    }
    return ProgrammeSession(
      id: session.id, title: scrub(session.title), programme: scrub(session.programme),
      createdAt: session.createdAt, finishedAt: session.finishedAt, group: session.group,
      participants: participants, rounds: session.rounds, noteCount: session.noteCount,
      notes: session.notes.map { note in
        ProgrammeSession.Note(
          id: note.id, kind: note.kind, text: scrubbedNote(note.text), createdAt: note.createdAt,
          isClosing: note.isClosing, owner: note.owner,
          ownerName: note.owner.map {
            participants.indices.contains($0) ? participants[$0].name : "?"
          }, doneAt: note.doneAt, due: note.due)
      },
      tags: visibleNotes.filter { $0.text.utf8.contains(UInt8(ascii: "#")) }.flatMap { note in
        NoteTag.distinct(in: scrubbedNote(note.text)).map {
          ProgrammeSession.TagUse(key: $0.key, tag: $0.text, createdAt: note.createdAt)
        }
      },
      ratings: session.ratings, followUps: session.followUps)
  }
}
